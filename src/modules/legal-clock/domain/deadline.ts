import { addDays, type CivilDate, isWeekend } from '../../../common/time/civil-date.js';

export const DAY_KINDS = ['calendar', 'working'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** The part of a deadline rule the arithmetic needs. */
export interface DeadlineTerms {
  offsetDays: number;
  dayKind: DayKind;
}

export interface ComputedDeadline {
  /** The last day to act, after moving off weekends and holidays. */
  dueOn: CivilDate;
  /** `from` plus the offset, before any move. */
  unshiftedOn: CivilDate;
}

export function isWorkingDay(date: CivilDate, holidays: ReadonlySet<CivilDate>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: CivilDate, holidays: ReadonlySet<CivilDate>): CivilDate {
  let day = date;
  while (!isWorkingDay(day, holidays)) day = addDays(day, 1);
  return day;
}

/**
 * The due date of a rule counted from `from` (the day of the triggering event, not counted).
 * Calendar days: `from` + offset. Working days: the offset-th working day after `from`. Either way a
 * deadline falling on a weekend or public holiday moves to the next working day (Bộ luật Dân sự 2015,
 * Điều 148(5); Luật Khiếu nại 2011 counts in days).
 */
export function computeDeadline(
  terms: DeadlineTerms,
  from: CivilDate,
  holidays: ReadonlySet<CivilDate>,
): ComputedDeadline {
  if (terms.dayKind === 'calendar') {
    const unshiftedOn = addDays(from, terms.offsetDays);
    return { unshiftedOn, dueOn: nextWorkingDay(unshiftedOn, holidays) };
  }
  let day = from;
  for (let counted = 0; counted < terms.offsetDays;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) counted += 1;
  }
  return { unshiftedOn: day, dueOn: nextWorkingDay(day, holidays) };
}

/** How far ahead of `from` holidays must be known to compute a deadline (generous: Tết plus weekends). */
export function holidayHorizonDays(terms: DeadlineTerms): number {
  return terms.dayKind === 'calendar' ? terms.offsetDays + 31 : terms.offsetDays * 2 + 45;
}

/**
 * Enforcement is forbidden within `blackoutDays` before or after Tết day one (LL2024 Điều 89(5)).
 * Inclusive on both ends.
 */
export function isWithinTetBlackout(date: CivilDate, tetDayOnes: readonly CivilDate[], blackoutDays: number): boolean {
  return tetDayOnes.some((dayOne) => date >= addDays(dayOne, -blackoutDays) && date <= addDays(dayOne, blackoutDays));
}
