import { expect } from '@jest/globals';
import { CONSENT_STATUSES } from '../../src/modules/households/domain/consent-status.js';
import type { ReconciliationReport } from '../../src/modules/stats/domain/counter-reconciliation.js';
import type { TestApp } from './create-test-app.js';

const DAY_MS = 86_400_000;

/** The figures of a stats response that the counters make (the rest is derived from them). */
export interface CountedFigures {
  households: Record<string, number>;
  areaM2: Record<string, number>;
  visits: { total: number; last30Days: number };
  followUps: { overdue: number };
}

interface StatsBody {
  households: { byStatus: Record<string, number> };
  area: { byStatus: Record<string, number> };
  visits: { total: number; last30Days: number };
  followUps: { overdue: number };
}

export function countedFigures(stats: StatsBody): CountedFigures {
  return {
    households: stats.households.byStatus,
    areaM2: stats.area.byStatus,
    visits: stats.visits,
    followUps: stats.followUps,
  };
}

/**
 * The same figures aggregated straight from the tables at the test clock's now, as the statistics
 * were computed before the counters: what the counters must always equal.
 */
export async function aggregatedFigures(t: TestApp, projectId: string): Promise<CountedFigures> {
  const now = t.clock.now();
  const tallies = await t.dataSource.query<Array<{ status: string; n: number; area: string }>>(
    `SELECT status, count(*)::int AS n, sum(land_area_m2)::text AS area FROM households
      WHERE project_id = $1 AND archived_at IS NULL GROUP BY status`,
    [projectId],
  );
  const [visits] = await t.dataSource.query<Array<{ total: number; recent: number }>>(
    `SELECT count(*)::int AS total,
            (count(*) FILTER (WHERE visited_at > $2 AND visited_at <= $3))::int AS recent
       FROM visits WHERE project_id = $1`,
    [projectId, new Date(now.getTime() - 30 * DAY_MS), now],
  );
  const [overdue] = await t.dataSource.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM households
      WHERE project_id = $1 AND archived_at IS NULL AND next_follow_up_on < $2 AND status <> 'handed_over'`,
    [projectId, t.clock.today()],
  );
  const per = (value: (row: (typeof tallies)[number]) => number) =>
    Object.fromEntries(
      CONSENT_STATUSES.map((status) => {
        const row = tallies.find((r) => r.status === status);
        return [status, row ? value(row) : 0];
      }),
    );
  return {
    households: per((row) => row.n),
    areaM2: per((row) => Number(row.area)),
    visits: { total: visits.total, last30Days: visits.recent },
    followUps: { overdue: overdue.n },
  };
}

export async function reconcile(t: TestApp): Promise<ReconciliationReport> {
  return (await t.jobs.run('stats.reconcile-counters', {})) as ReconciliationReport;
}

/**
 * The proof, both ways: the nightly reconciliation finds no difference anywhere in the database,
 * and each project's statistics equal an aggregate over its households and visits. Returns the report.
 */
export async function expectCountersRight(t: TestApp, projectIds: readonly string[]): Promise<ReconciliationReport> {
  for (const projectId of projectIds) {
    const stats = (await t.admin.get(`/api/v1/projects/${projectId}/stats`).expect(200)).body as StatsBody;
    expect(countedFigures(stats)).toEqual(await aggregatedFigures(t, projectId));
  }
  const report = await reconcile(t);
  expect(report.differences).toEqual([]);
  return report;
}
