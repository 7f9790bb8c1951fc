import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import { type CounterDifference, type CounterName, PAST_FOLLOW_UPS } from './domain/counter-reconciliation.js';
import { utcDate } from './domain/visit-window.js';

/** One counter table, and how to recount it from the households or visits tables. */
interface CounterSpec {
  name: CounterName;
  table: string;
  keys: readonly string[];
  /** The first is the count; a second is an area. */
  values: readonly string[];
  /** Selects the keys and values, named as the table's columns, from the source tables. */
  recount: string;
  /** Selects the keys and values from the table itself, in the same shape. */
  stored: string;
  /** The bucket's name in the report (an SQL expression over the keys). */
  bucket: string;
}

const HOUR_BUCKET = `date_bin('1 hour', visited_at, timestamptz '2000-01-01 00:00:00+00')`;
const fold = (column: string) => `CASE WHEN ${column} < $1::date THEN $2::date ELSE ${column} END`;

/** $1 is today and $2 the past row's date (follow-ups), or $1 the bucket horizon (visit buckets). */
const SPECS: readonly CounterSpec[] = [
  {
    name: 'households',
    table: 'stats_household_counters',
    keys: ['project_id', 'status'],
    values: ['households', 'area_m2'],
    recount: `SELECT project_id, status, count(*)::int AS households, sum(land_area_m2) AS area_m2
                FROM households WHERE archived_at IS NULL GROUP BY 1, 2`,
    stored: `SELECT project_id, status, households, area_m2 FROM stats_household_counters`,
    bucket: 'status',
  },
  {
    name: 'follow-ups',
    table: 'stats_follow_up_counters',
    keys: ['project_id', 'follow_up_on', 'status'],
    values: ['households'],
    recount: `SELECT project_id, ${fold('next_follow_up_on')} AS follow_up_on, status, count(*)::int AS households
                FROM households WHERE archived_at IS NULL AND next_follow_up_on IS NOT NULL GROUP BY 1, 2, 3`,
    stored: `SELECT project_id, ${fold('follow_up_on')} AS follow_up_on, status, sum(households)::int AS households
               FROM stats_follow_up_counters GROUP BY 1, 2, 3`,
    bucket: `status || '@' || follow_up_on::text`,
  },
  {
    name: 'visits',
    table: 'stats_visit_counters',
    keys: ['project_id'],
    values: ['visits'],
    recount: `SELECT project_id, count(*)::int AS visits FROM visits GROUP BY 1`,
    stored: `SELECT project_id, visits FROM stats_visit_counters`,
    bucket: `''`,
  },
  {
    name: 'visit-days',
    table: 'stats_visit_days',
    keys: ['project_id', 'day'],
    values: ['visits'],
    recount: `SELECT project_id, (visited_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS visits
                FROM visits WHERE visited_at >= $1::timestamptz GROUP BY 1, 2`,
    stored: `SELECT project_id, day, visits FROM stats_visit_days WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date`,
    bucket: 'day::text',
  },
  {
    name: 'visit-hours',
    table: 'stats_visit_hours',
    keys: ['project_id', 'hour'],
    values: ['visits'],
    recount: `SELECT project_id, ${HOUR_BUCKET} AS hour, count(*)::int AS visits
                FROM visits WHERE visited_at >= $1::timestamptz GROUP BY 1, 2`,
    stored: `SELECT project_id, hour, visits FROM stats_visit_hours WHERE hour >= $1::timestamptz`,
    bucket: `to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')`,
  },
];

/**
 * Recounts and repairs the statistics counters. Each counter is compared with its recount in one
 * statement (one snapshot: a change is either in both or in neither, since a change and its
 * counters commit together) and repaired in the same statement by adding the difference, never by
 * overwriting, so changes committed meanwhile are kept.
 */
@Injectable()
export class StatsCountersRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** Two reconciliations at once would both add the same difference: the second waits. */
  async lockReconciliation(): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock($1)`, [RECONCILIATION_LOCK]);
  }

  repairHouseholds(): Promise<CounterDifference[]> {
    return this.repair(spec('households'), []);
  }

  repairFollowUps(today: string): Promise<CounterDifference[]> {
    return this.repair(spec('follow-ups'), [today, PAST_FOLLOW_UPS]);
  }

  /** The totals, and the day and hour buckets from `horizon` on. */
  async repairVisits(horizon: Date): Promise<CounterDifference[]> {
    const totals = await this.repair(spec('visits'), []);
    const days = await this.repair(spec('visit-days'), [horizon]);
    return [...totals, ...days, ...(await this.repair(spec('visit-hours'), [horizon]))];
  }

  /**
   * Folds the follow-up rows of days before `today` into their project's past row, and drops rows
   * that count nothing. Rows are locked in key order, as the triggers lock them.
   */
  async foldPastFollowUps(today: string): Promise<number> {
    const [row]: Array<{ folded: number }> = await this.manager.query(
      `WITH doomed AS (
         SELECT project_id, follow_up_on, status FROM stats_follow_up_counters
          WHERE follow_up_on <> $2::date AND (follow_up_on < $1::date OR households = 0)
          ORDER BY project_id, follow_up_on, status
            FOR UPDATE
       ), moved AS (
         DELETE FROM stats_follow_up_counters c USING doomed d
          WHERE c.project_id = d.project_id AND c.follow_up_on = d.follow_up_on AND c.status = d.status
         RETURNING c.project_id, c.follow_up_on, c.status, c.households
       ), folded AS (
         INSERT INTO stats_follow_up_counters AS c (project_id, follow_up_on, status, households)
         SELECT project_id, $2::date, status, sum(households) FROM moved
          WHERE follow_up_on < $1::date
          GROUP BY project_id, status HAVING sum(households) <> 0
          ORDER BY project_id, status
         ON CONFLICT (project_id, follow_up_on, status) DO UPDATE SET households = c.households + EXCLUDED.households
       )
       SELECT count(*)::int AS folded FROM moved WHERE follow_up_on < $1::date`,
      [today, PAST_FOLLOW_UPS],
    );
    return row.folded;
  }

  /** Visit buckets before `horizon` are read by no window any more. */
  async dropVisitBucketsBefore(horizon: Date): Promise<number> {
    const [, days]: [unknown, number] = await this.manager.query(`DELETE FROM stats_visit_days WHERE day < $1::date`, [
      utcDate(horizon),
    ]);
    const [, hours]: [unknown, number] = await this.manager.query(`DELETE FROM stats_visit_hours WHERE hour < $1`, [
      horizon,
    ]);
    return days + hours;
  }

  private async repair(counter: CounterSpec, parameters: unknown[]): Promise<CounterDifference[]> {
    const keys = counter.keys.join(', ');
    const { values } = counter;
    const rows: Array<Record<string, string>> = await this.manager.query(
      `WITH recount AS (${counter.recount}),
       stored AS (${counter.stored}),
       diff AS (
         SELECT ${keys},
                ${values.map((v) => `coalesce(s.${v}, 0) AS stored_${v}, coalesce(r.${v}, 0) AS recounted_${v}`).join(', ')}
           FROM recount r FULL JOIN stored s USING (${keys})
          WHERE ${values.map((v) => `coalesce(s.${v}, 0) <> coalesce(r.${v}, 0)`).join(' OR ')}
       ), repaired AS (
         INSERT INTO ${counter.table} AS c (${keys}, ${values.join(', ')})
         SELECT ${keys}, ${values.map((v) => `recounted_${v} - stored_${v}`).join(', ')} FROM diff ORDER BY ${keys}
         ON CONFLICT (${keys}) DO UPDATE SET ${values.map((v) => `${v} = c.${v} + EXCLUDED.${v}`).join(', ')}
       )
       SELECT project_id, ${counter.bucket} AS bucket,
              ${values.map((v) => `stored_${v}::text AS stored_${v}, recounted_${v}::text AS recounted_${v}`).join(', ')}
         FROM diff ORDER BY ${keys}`,
      parameters,
    );
    const [count, area] = values;
    const valueOf = (row: Record<string, string>, side: 'stored' | 'recounted') => ({
      count: Number(row[`${side}_${count}`]),
      ...(area ? { areaM2: Number(row[`${side}_${area}`]) } : {}),
    });
    return rows.map((row) => ({
      counter: counter.name,
      projectId: row.project_id,
      bucket: row.bucket,
      stored: valueOf(row, 'stored'),
      recounted: valueOf(row, 'recounted'),
    }));
  }
}

const RECONCILIATION_LOCK = 4_217_010;

function spec(name: CounterName): CounterSpec {
  const found = SPECS.find((s) => s.name === name);
  if (!found) throw new Error(`No counter ${name}`);
  return found;
}
