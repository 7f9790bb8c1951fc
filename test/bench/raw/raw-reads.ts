import type pg from 'pg';
import { assertInScope, type Caller } from './raw-auth.js';
import { householdJson, localDate, pageJson, RawHttpError, type Row } from './raw-json.js';
import * as sql from './raw-sql.js';
import type { Answer } from './raw-visits.js';

/** What the product's recentVisitWindow (stats/domain/visit-window.ts) returns. */
export interface VisitWindowPlan {
  head: { after: Date; before: Date };
  headHours: { from: Date; to: Date };
  days: { from: string; to: string };
  tailHours: { from: Date; to: Date };
  tail: { from: Date; upTo: Date };
}

const STATUSES = [
  'not_contacted',
  'persuading',
  'objecting',
  'conditional',
  'agreed',
  'enforcement_pending',
  'handed_over',
];
const CONSENTED = ['agreed', 'handed_over'];
const PAGE_LIMIT = 50;
/** The product's household lists count this far (COUNT_CAP). */
const COUNT_CAP = 1_000;

const round = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * scale) / scale;
};
const rate = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : 0);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The read paths with the product's statements: the guard's locate, then the service's reads. */
export class RawReads {
  constructor(
    private readonly db: pg.Pool,
    /** The product's own (pure) split of the last 30 days into counter buckets, loaded from its build. */
    private readonly recentVisitWindow: (now: Date) => VisitWindowPlan,
  ) {}

  async household(caller: Caller, id: string): Promise<Answer> {
    const notFound = new RawHttpError(404, 'HOUSEHOLD_NOT_FOUND', `Household ${id} was not found`);
    const located = await this.db.query<Row>(sql.HOUSEHOLD_PROJECT, [id]);
    assertInScope(caller, located.rows[0]?.project_id as string | undefined, notFound);
    const household = (await this.db.query<Row>(sql.HOUSEHOLD_BY_ID, [id])).rows[0];
    if (!household) throw notFound;
    const parcels = await this.db.query<Row>(sql.PARCELS_OF, [id]);
    return {
      status: 200,
      body: householdJson(household, parcels.rows),
      headers: { etag: `W/"${String(household.version)}"` },
    };
  }

  /** Only the two filters the bench sends (q, followUpOverdue), sorted by code like the product's default. */
  async households(caller: Caller, projectId: string, query: URLSearchParams): Promise<Answer> {
    await this.assertProject(caller, projectId);
    const q = query.get('q');
    const overdue = query.get('followUpOverdue') === 'true';
    if (!q && !overdue)
      throw new RawHttpError(400, 'VALIDATION_FAILED', 'The raw server lists by q or followUpOverdue');
    const filter = q ?? localDate(new Date());
    const [page, count] = q ? [sql.SEARCH_PAGE, sql.SEARCH_COUNT] : [sql.OVERDUE_PAGE, sql.OVERDUE_COUNT];
    const [items, counted] = await Promise.all([
      this.db.query<Row>(page, [projectId, filter, PAGE_LIMIT + 1, 0]),
      this.db.query<{ n: number }>(count, [projectId, filter, COUNT_CAP + 1]),
    ]);
    const more = items.rows.length > PAGE_LIMIT;
    const rows = more ? items.rows.slice(0, PAGE_LIMIT) : items.rows;
    const last = rows[rows.length - 1];
    const total = counted.rows[0].n;
    return {
      status: 200,
      body: {
        ...pageJson(
          rows.map((row) => householdJson(row)),
          Math.min(total, COUNT_CAP),
          PAGE_LIMIT,
          0,
        ),
        totalExact: total <= COUNT_CAP,
        nextCursor:
          more && last ? Buffer.from(JSON.stringify(['code', last.code, last.code])).toString('base64url') : null,
      },
    };
  }

  async stats(caller: Caller, projectId: string): Promise<Answer> {
    await this.assertProject(caller, projectId);
    const now = new Date();
    const today = localDate(now);
    const { head, headHours, days, tailHours, tail } = this.recentVisitWindow(now);
    const project = (
      await this.db.query<Row>(sql.PROJECT_FIGURES, [
        [projectId],
        days.from,
        days.to,
        headHours.from,
        headHours.to,
        tailHours.from,
        tailHours.to,
        head.after,
        head.before,
        tail.from,
        tail.upTo,
        today,
        ['handed_over'],
      ])
    ).rows[0];
    if (!project) throw new RawHttpError(404, 'PROJECT_NOT_FOUND', `Project ${projectId} was not found`);
    const tallies = Object.entries((project.tallies ?? {}) as Record<string, [number, number]>).map(
      ([status, [households, areaM2]]) => ({ status, households, area_m2: areaM2 }),
    );
    return {
      status: 200,
      body: {
        projectId,
        code: project.code,
        name: project.name,
        status: project.status,
        ...consentFigures(tallies, Number(project.consent_threshold)),
        visits: { total: project.visits_total, last30Days: project.visits_recent },
        followUps: { overdue: project.overdue },
        asOf: now,
        asOfDate: today,
      },
    };
  }

  private async assertProject(caller: Caller, projectId: string): Promise<void> {
    const notFound = new RawHttpError(404, 'PROJECT_NOT_FOUND', `Project ${projectId} was not found`);
    const exists = await this.db.query(sql.PROJECT_EXISTS, [projectId]);
    assertInScope(caller, exists.rowCount ? projectId : undefined, notFound);
  }
}

/** The product's consent figures (stats/domain/consent-rates.ts), by households and by area. */
function consentFigures(tallies: Row[], threshold: number): Row {
  const count = new Map(tallies.map((row) => [row.status as string, row.households as number]));
  const area = new Map(tallies.map((row) => [row.status as string, Number(row.area_m2)]));
  const households = (status: string) => count.get(status) ?? 0;
  const areaOf = (status: string) => area.get(status) ?? 0;
  const total = sum(STATUSES.map(households));
  const consented = sum(CONSENTED.map(households));
  const totalM2 = round(sum(STATUSES.map(areaOf)), 2);
  const consentedM2 = round(sum(CONSENTED.map(areaOf)), 2);
  const perStatus = (value: (status: string) => number) => Object.fromEntries(STATUSES.map((s) => [s, value(s)]));
  return {
    households: { total, consented, byStatus: perStatus(households) },
    consentRate: rate(consented, total),
    conditionalRate: rate(households('conditional'), total),
    handedOverRate: rate(households('handed_over'), total),
    area: {
      totalM2,
      consentedM2,
      handedOverM2: round(areaOf('handed_over'), 2),
      consentRate: rate(consentedM2, totalM2),
      byStatus: perStatus((status) => round(areaOf(status), 2)),
    },
    consentThreshold: threshold,
    thresholdReached: total > 0 && consented * 10_000 >= Math.round(threshold * 10_000) * total,
  };
}
