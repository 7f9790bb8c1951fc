import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics read model: counters kept by the database in the transaction of every change, so
 * a project's figures are a handful of rows however many households it has.
 *
 * - `stats_household_counters`: live (not archived) households and their land area per project and
 *   consent status;
 * - `stats_follow_up_counters`: live households per project, planned follow-up date and status
 *   (overdue = the rows before today, closed statuses aside); the nightly reconciliation folds the
 *   dates already past into one `-infinity` row, so the rows before today stay few;
 * - `stats_visit_counters`: every visit per project; `stats_visit_days` and `stats_visit_hours`:
 *   visits per project and UTC day or hour, for the rolling 30-day window (the nightly
 *   reconciliation drops the buckets too old for it).
 *
 * Triggers, not application code, keep them, because rows reach these tables from more than the
 * services: the demo loader and the benchmark seed insert in bulk, tests insert through the
 * entities, an operator may fix a row by hand; every one of them leaves the counters right. Statement-level triggers with transition tables add one aggregated delta per statement
 * (`n = n + delta`, never a read-modify-write), in key order so two transactions lock counter rows
 * in the same order; they run after the statement that locked the household rows (the lock order:
 * a household before anything else). A change that moves no figure touches no counter row.
 *
 * Counters have no foreign keys: they are derived data, rebuilt by `stats.reconcile-counters`.
 */
const OPERATIONS = ['insert', 'update', 'delete'] as const;
type Operation = (typeof OPERATIONS)[number];

const TRANSITION_TABLES: Record<Operation, string> = {
  insert: 'NEW TABLE AS new_rows',
  update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
  delete: 'OLD TABLE AS old_rows',
};

export class StatsCounters1764470000000 implements MigrationInterface {
  name = 'StatsCounters1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_household_counters (
        project_id uuid NOT NULL,
        status varchar(32) NOT NULL,
        households integer NOT NULL,
        area_m2 numeric(18, 2) NOT NULL,
        PRIMARY KEY (project_id, status)
      )`);
    await q.query(`
      CREATE TABLE stats_follow_up_counters (
        project_id uuid NOT NULL,
        follow_up_on date NOT NULL,
        status varchar(32) NOT NULL,
        households integer NOT NULL,
        PRIMARY KEY (project_id, follow_up_on, status)
      )`);
    await q.query(`
      CREATE TABLE stats_visit_counters (
        project_id uuid PRIMARY KEY,
        visits integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE stats_visit_days (
        project_id uuid NOT NULL,
        day date NOT NULL,
        visits integer NOT NULL,
        PRIMARY KEY (project_id, day)
      )`);
    await q.query(`
      CREATE TABLE stats_visit_hours (
        project_id uuid NOT NULL,
        hour timestamptz NOT NULL,
        visits integer NOT NULL,
        PRIMARY KEY (project_id, hour)
      )`);

    // What a household row contributes, with weight +1 (as it is now) or -1 (as it was).
    await q.query(`
      CREATE TYPE stats_household_fact AS (
        project_id uuid, status varchar(32), area_m2 numeric(14, 2), follow_up_on date, weight integer
      )`);
    await q.query(`CREATE TYPE stats_visit_fact AS (project_id uuid, visited_at timestamptz, weight integer)`);

    await q.query(`
      CREATE FUNCTION stats_count_households(facts stats_household_fact[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO stats_household_counters AS c (project_id, status, households, area_m2)
        SELECT project_id, status, sum(weight), sum(weight * area_m2)
          FROM unnest(facts)
         GROUP BY project_id, status
        HAVING sum(weight) <> 0 OR sum(weight * area_m2) <> 0
         ORDER BY project_id, status
        ON CONFLICT (project_id, status) DO UPDATE
           SET households = c.households + EXCLUDED.households, area_m2 = c.area_m2 + EXCLUDED.area_m2;
        INSERT INTO stats_follow_up_counters AS c (project_id, follow_up_on, status, households)
        SELECT project_id, follow_up_on, status, sum(weight)
          FROM unnest(facts)
         WHERE follow_up_on IS NOT NULL
         GROUP BY project_id, follow_up_on, status
        HAVING sum(weight) <> 0
         ORDER BY project_id, follow_up_on, status
        ON CONFLICT (project_id, follow_up_on, status) DO UPDATE SET households = c.households + EXCLUDED.households;
      $$`);
    await q.query(`
      CREATE FUNCTION stats_count_visits(facts stats_visit_fact[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO stats_visit_counters AS c (project_id, visits)
        SELECT project_id, sum(weight) FROM unnest(facts)
         GROUP BY project_id HAVING sum(weight) <> 0 ORDER BY project_id
        ON CONFLICT (project_id) DO UPDATE SET visits = c.visits + EXCLUDED.visits;
        INSERT INTO stats_visit_days AS c (project_id, day, visits)
        SELECT project_id, (visited_at AT TIME ZONE 'UTC')::date, sum(weight) FROM unnest(facts)
         GROUP BY 1, 2 HAVING sum(weight) <> 0 ORDER BY 1, 2
        ON CONFLICT (project_id, day) DO UPDATE SET visits = c.visits + EXCLUDED.visits;
        INSERT INTO stats_visit_hours AS c (project_id, hour, visits)
        SELECT project_id, date_bin('1 hour', visited_at, timestamptz '2000-01-01 00:00:00+00'), sum(weight)
          FROM unnest(facts)
         GROUP BY 1, 2 HAVING sum(weight) <> 0 ORDER BY 1, 2
        ON CONFLICT (project_id, hour) DO UPDATE SET visits = c.visits + EXCLUDED.visits;
      $$`);

    // One trigger function per operation: a trigger with transition tables takes a single event.
    const liveHouseholds = (table: string, weight: number) => `
      SELECT ROW(project_id, status, land_area_m2, next_follow_up_on, ${weight})::stats_household_fact
        FROM ${table} WHERE archived_at IS NULL`;
    const visitFacts = (table: string, weight: number) => `
      SELECT ROW(project_id, visited_at, ${weight})::stats_visit_fact FROM ${table}`;
    const triggers: Array<{ table: string; operation: Operation; facts: string; count: string }> = [
      {
        table: 'households',
        operation: 'insert',
        facts: liveHouseholds('new_rows', 1),
        count: 'stats_count_households',
      },
      {
        table: 'households',
        operation: 'update',
        facts: `${liveHouseholds('new_rows', 1)} UNION ALL ${liveHouseholds('old_rows', -1)}`,
        count: 'stats_count_households',
      },
      {
        table: 'households',
        operation: 'delete',
        facts: liveHouseholds('old_rows', -1),
        count: 'stats_count_households',
      },
      { table: 'visits', operation: 'insert', facts: visitFacts('new_rows', 1), count: 'stats_count_visits' },
      {
        table: 'visits',
        operation: 'update',
        facts: `${visitFacts('new_rows', 1)} UNION ALL ${visitFacts('old_rows', -1)}`,
        count: 'stats_count_visits',
      },
      { table: 'visits', operation: 'delete', facts: visitFacts('old_rows', -1), count: 'stats_count_visits' },
    ];
    for (const { table, operation, facts, count } of triggers) {
      const name = `stats_count_${table}_on_${operation}`;
      await q.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM ${count}(ARRAY(${facts}));
          RETURN NULL;
        END $$`);
      // Creating the trigger locks the table against writes until this migration commits, so the
      // counts below miss nothing and count nothing twice.
      await q.query(`
        CREATE TRIGGER ${name} AFTER ${operation.toUpperCase()} ON ${table}
        REFERENCING ${TRANSITION_TABLES[operation]} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }

    await q.query(`
      INSERT INTO stats_household_counters (project_id, status, households, area_m2)
      SELECT project_id, status, count(*), sum(land_area_m2) FROM households WHERE archived_at IS NULL GROUP BY 1, 2`);
    await q.query(`
      INSERT INTO stats_follow_up_counters (project_id, follow_up_on, status, households)
      SELECT project_id, next_follow_up_on, status, count(*) FROM households
       WHERE archived_at IS NULL AND next_follow_up_on IS NOT NULL GROUP BY 1, 2, 3`);
    await q.query(`
      INSERT INTO stats_visit_counters (project_id, visits) SELECT project_id, count(*) FROM visits GROUP BY 1`);
    await q.query(`
      INSERT INTO stats_visit_days (project_id, day, visits)
      SELECT project_id, (visited_at AT TIME ZONE 'UTC')::date, count(*) FROM visits GROUP BY 1, 2`);
    await q.query(`
      INSERT INTO stats_visit_hours (project_id, hour, visits)
      SELECT project_id, date_bin('1 hour', visited_at, timestamptz '2000-01-01 00:00:00+00'), count(*)
        FROM visits GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['households', 'visits']) {
      for (const operation of OPERATIONS) {
        const name = `stats_count_${table}_on_${operation}`;
        await q.query(`DROP TRIGGER ${name} ON ${table}`);
        await q.query(`DROP FUNCTION ${name}()`);
      }
    }
    await q.query(`DROP FUNCTION stats_count_visits(stats_visit_fact[])`);
    await q.query(`DROP FUNCTION stats_count_households(stats_household_fact[])`);
    await q.query(`DROP TYPE stats_visit_fact`);
    await q.query(`DROP TYPE stats_household_fact`);
    await q.query(`DROP TABLE stats_visit_hours`);
    await q.query(`DROP TABLE stats_visit_days`);
    await q.query(`DROP TABLE stats_visit_counters`);
    await q.query(`DROP TABLE stats_follow_up_counters`);
    await q.query(`DROP TABLE stats_household_counters`);
  }
}
