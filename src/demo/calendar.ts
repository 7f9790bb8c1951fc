import { atLocalTime, type CivilDate, toLocalDate } from '../common/time/civil-date.js';

export {
  addDays,
  addMinutes,
  type CivilDate,
  daysBetween,
  laterOf,
  viDate,
  weekday,
} from '../common/time/civil-date.js';

/** The demo's places are in Hanoi, whatever zone the server is configured with. */
const HANOI = 'Asia/Ho_Chi_Minh';

/** `date` at `minutes` after midnight, Hanoi time. */
export function hanoiInstant(date: CivilDate, minutes: number): Date {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return atLocalTime(date, `${hh}:${mm}`, HANOI);
}

export function hanoiDateOf(instant: Date): CivilDate {
  return toLocalDate(instant, HANOI);
}
