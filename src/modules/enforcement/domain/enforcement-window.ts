import { daysBetween, toLocalDateTime } from '../../../common/time/civil-date.js';
import { ENFORCEMENT_LEGAL_BASIS } from './enforcement-status.js';

/** Enforcement may not run from 22:00 until 06:00 local time (LL2024 art. 89). */
export const NIGHT_STARTS_AT_HOUR = 22;
export const NIGHT_ENDS_AT_HOUR = 6;

/** The holiday calendar's answers about the local date of the proposed time. */
export interface CalendarFacts {
  isHoliday: boolean;
  /** Day 1 of Tết as the calendar knows it (for the date's year, at least, when the calendar covers it). */
  tetFirstDays: readonly string[];
  /**
   * Days before and after Tết day 1 when enforcement is forbidden: the `enforcement.tet-blackout`
   * rule (15 days, LL2024 art. 89), or null when an administrator switched the rule off.
   */
  tetBlackoutDays: number | null;
}

export type ForbiddenTimeCode = 'night' | 'public_holiday' | 'tet_period' | 'tet_unknown';

export interface ForbiddenTime {
  code: ForbiddenTimeCode;
  message: string;
}

/**
 * Every reason the proposed start of enforcement is forbidden (LL2024 art. 89): at night (22:00 to
 * 06:00 local time), on a public holiday, or within 15 days (the blackout rule) before or after Tết day 1.
 * Empty when the time is lawful. Pure: takes the instant, the time zone and the calendar's facts.
 */
export function forbiddenTimes(instant: Date, timeZone: string, calendar: CalendarFacts): ForbiddenTime[] {
  const local = toLocalDateTime(instant, timeZone);
  const reasons: ForbiddenTime[] = [];
  if (local.hour >= NIGHT_STARTS_AT_HOUR || local.hour < NIGHT_ENDS_AT_HOUR) {
    reasons.push({
      code: 'night',
      message: `${local.time} local time is between 22:00 and 06:00, when enforcement is forbidden (${ENFORCEMENT_LEGAL_BASIS})`,
    });
  }
  if (calendar.isHoliday) {
    reasons.push({
      code: 'public_holiday',
      message: `${local.date} is a public holiday, when enforcement is forbidden (${ENFORCEMENT_LEGAL_BASIS})`,
    });
  }
  const blackout = calendar.tetBlackoutDays;
  const tet =
    blackout === null
      ? undefined
      : calendar.tetFirstDays.find((day) => Math.abs(daysBetween(day, local.date)) <= blackout);
  const year = local.date.slice(0, 4);
  if (blackout !== null && !calendar.tetFirstDays.some((day) => day.startsWith(year))) {
    // Only Tết of the same year can be within the blackout of a date; without it the date cannot be cleared.
    reasons.push({
      code: 'tet_unknown',
      message: `The holiday calendar has no Tết for ${year}, so ${local.date} cannot be shown to lie outside the Tết period; add that year's holidays first (${ENFORCEMENT_LEGAL_BASIS})`,
    });
  } else if (tet && blackout !== null) {
    const offset = daysBetween(tet, local.date);
    const where =
      offset === 0
        ? 'is the first day of Tết'
        : offset < 0
          ? `is ${-offset} days before Tết`
          : `is ${offset} days after Tết`;
    reasons.push({
      code: 'tet_period',
      message: `${local.date} ${where} (${tet}); enforcement is forbidden within ${blackout} days before or after Tết (${ENFORCEMENT_LEGAL_BASIS})`,
    });
  }
  return reasons;
}
