import { type CivilDate, DAY_MS, HOUR_MS } from '../../../common/time/civil-date.js';

/** `visits.last30Days`: visits after `now − 30 × 24 h` and up to `now`, to the instant. */
export const RECENT_VISIT_DAYS = 30;

/**
 * How to count the visits of a window (since, until] from the counters, exactly: whole UTC days from
 * the day buckets, the whole hours at either end from the hour buckets, and only the visits of the
 * two partial hours one by one. For 30 days that is 29 day rows, 23 hour rows and one hour of a
 * project's visits, however many visits it has.
 *
 * Buckets are UTC days and hours: they are an index over instants, not civil days, so no time zone
 * (and no daylight saving) enters the arithmetic.
 */
export interface VisitWindowPlan {
  /** Counted one by one: visitedAt > after and < before (the partial hour at the start). */
  head: { after: Date; before: Date };
  /** Hour buckets starting in [from, to): the rest of the first day. */
  headHours: { from: Date; to: Date };
  /** Day buckets (UTC dates) in [from, to): the whole days between. */
  days: { from: CivilDate; to: CivilDate };
  /** Hour buckets starting in [from, to): the last day up to the last hour. */
  tailHours: { from: Date; to: Date };
  /** Counted one by one: visitedAt ≥ from and ≤ upTo (the partial hour at the end). */
  tail: { from: Date; upTo: Date };
}

/** The window of `visits.last30Days` at `now`. */
export function recentVisitWindow(now: Date): VisitWindowPlan {
  return planVisitWindow(new Date(now.getTime() - RECENT_VISIT_DAYS * DAY_MS), now);
}

/** Splits (since, until] into bucket ranges; the window must be at least a day long. */
export function planVisitWindow(since: Date, until: Date): VisitWindowPlan {
  if (until.getTime() - since.getTime() < DAY_MS) throw new RangeError('A visit window is at least a day long');
  const sinceHour = floor(since, HOUR_MS);
  const sinceDay = floor(since, DAY_MS);
  const untilHour = floor(until, HOUR_MS);
  const untilDay = floor(until, DAY_MS);
  const afterSinceHour = new Date(sinceHour.getTime() + HOUR_MS);
  const afterSinceDay = new Date(sinceDay.getTime() + DAY_MS);
  return {
    head: { after: since, before: afterSinceHour },
    headHours: { from: afterSinceHour, to: afterSinceDay },
    days: { from: utcDate(afterSinceDay), to: utcDate(untilDay) },
    tailHours: { from: untilDay, to: untilHour },
    tail: { from: untilHour, upTo: until },
  };
}

/**
 * Visit buckets older than this are never read again (every later window starts after it) and the
 * nightly reconciliation drops them: the first UTC day wholly before the window, one day of slack.
 */
export function visitBucketHorizon(now: Date): Date {
  return floor(new Date(now.getTime() - (RECENT_VISIT_DAYS + 1) * DAY_MS), DAY_MS);
}

/** The UTC day bucket of an instant, as the database writes it. */
export function utcDate(instant: Date): CivilDate {
  return instant.toISOString().slice(0, 10);
}

/** Epoch-aligned: a UTC day or hour (JavaScript time has no leap seconds). */
function floor(instant: Date, unit: number): Date {
  return new Date(Math.floor(instant.getTime() / unit) * unit);
}
