import { addDays, type CivilDate, weekday } from '../../../common/time/civil-date.js';

/** The Monday of the week `date` falls in (weeks run Monday to Sunday, as ward meetings count them). */
export function startOfWeek(date: CivilDate): CivilDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}
