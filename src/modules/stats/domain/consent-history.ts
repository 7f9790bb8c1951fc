import { addDays, type CivilDate, daysBetween, weekday } from '../../../common/time/civil-date.js';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The most points one answer holds (a year and a month of days, eight years of weeks). */
export const MAX_HISTORY_POINTS = 400;

export interface Period {
  /** First day of the period (or `from`, for the first). */
  start: CivilDate;
  /** Last day of the period (or `to`, for the last): the figures are as they stood at its end. */
  end: CivilDate;
}

/** The last day of the period of `granularity` that holds `date`: itself, its Sunday, its month's last day. */
function periodEnd(date: CivilDate, granularity: Granularity): CivilDate {
  if (granularity === 'day') return date;
  if (granularity === 'week') return addDays(date, (7 - weekday(date)) % 7);
  const [year, month] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/**
 * The periods from `from` to `to` (inclusive), cut at the calendar's boundaries (weeks from Monday to
 * Sunday, calendar months): the first starts at `from`, the last ends at `to`. Pure.
 */
export function periodsBetween(from: CivilDate, to: CivilDate, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  for (let start = from; start <= to;) {
    const end = periodEnd(start, granularity) < to ? periodEnd(start, granularity) : to;
    periods.push({ start, end });
    start = addDays(end, 1);
  }
  return periods;
}

/** How many periods there would be, without making them (to refuse a too-long request first). */
export function countPeriods(from: CivilDate, to: CivilDate, granularity: Granularity): number {
  if (to < from) return 0;
  if (granularity === 'day') return daysBetween(from, to) + 1;
  if (granularity === 'week') return Math.floor(daysBetween(periodEnd(from, 'week'), periodEnd(to, 'week')) / 7) + 1;
  const months = (date: CivilDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return months(to) - months(from) + 1;
}

export const HISTORY_METHOD =
  'Computed from the consent-transition history: a household counts from its creation until it is ' +
  'archived, and its status at the end of each period is the last move recorded before that instant ' +
  '(not_contacted before its first). Land area is each household’s current area.';
