/**
 * The statistics counters (see the StatsCounters migration) and what their nightly reconciliation
 * reports. The database keeps the counters in the transaction of every change; the reconciliation
 * recounts them from the households and visits tables, repairs any difference and says so loudly,
 * since a difference means a writer went around the triggers or a trigger is wrong.
 */
export const COUNTERS = ['households', 'follow-ups', 'visits', 'visit-days', 'visit-hours'] as const;
export type CounterName = (typeof COUNTERS)[number];

/**
 * Follow-ups planned for a day already past are all simply overdue: the reconciliation folds them
 * into one row per project and status under this date, before any real one, so the rows a reading
 * sums ("before today") stay few however long a project runs.
 */
export const PAST_FOLLOW_UPS = '-infinity';

export interface CounterValue {
  /** Households, or visits. */
  count: number;
  /** Land area, for the household counters only. */
  areaM2?: number;
}

export interface CounterDifference {
  counter: CounterName;
  projectId: string;
  /**
   * Which row of the project: its consent status (households), `status@date` (follow-ups, the
   * date `-infinity` for the days past), the UTC day or hour (visit buckets), empty (visits).
   */
  bucket: string;
  stored: CounterValue;
  recounted: CounterValue;
}

export interface ReconciliationReport {
  /** The rows that differed from the recount, as they were before the repair. */
  differences: CounterDifference[];
  /** Follow-up rows of days now past folded into their project's past row. */
  foldedFollowUps: number;
  /** Visit buckets too old for any window, dropped. */
  droppedVisitBuckets: number;
}

/** One line for the logs: how many rows of each counter differed, or that none did. */
export function summarize(differences: readonly CounterDifference[]): string {
  if (differences.length === 0) return 'Statistics counters equal a recount';
  const perCounter = COUNTERS.map((counter) => [counter, differences.filter((d) => d.counter === counter).length])
    .filter(([, n]) => n !== 0)
    .map(([counter, n]) => `${counter} ${n}`)
    .join(', ');
  const projects = new Set(differences.map((d) => d.projectId)).size;
  return `Statistics counters differed from a recount in ${differences.length} row(s) of ${projects} project(s) (${perCounter}); repaired`;
}

/** One difference, readable: `households p1/agreed: stored 3 (300 m²), recounted 4 (420 m²)`. */
export function describe(difference: CounterDifference): string {
  const value = ({ count, areaM2 }: CounterValue) => (areaM2 === undefined ? `${count}` : `${count} (${areaM2} m²)`);
  const where = difference.bucket ? `${difference.projectId}/${difference.bucket}` : difference.projectId;
  return `${difference.counter} ${where}: stored ${value(difference.stored)}, recounted ${value(difference.recounted)}`;
}
