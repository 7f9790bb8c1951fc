import { DemoSeeder } from '../../src/demo/demo-seed.js';
import { THUY_KHUE } from '../../src/demo/projects/thuy-khue.js';
import { ConsentHistoryController } from '../../src/modules/stats/consent-history.controller.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const DAY_MS = 24 * 3600_000;

interface Point {
  periodStart: string;
  date: string;
  notConsented: number;
  consentRate: number;
  households: { total: number; consented: number; byStatus: Record<string, number> };
  area: { consentRate: number };
}

describe(ConsentHistoryController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  const projectIdOf = async (code: string): Promise<string> =>
    (await t.dataSource.query<Array<{ id: string }>>(`SELECT id FROM projects WHERE code = $1`, [code]))[0].id;

  it('should tell Thụy Khuê’s story from its history: 44 holdouts at the end of 2022, 8 at the end of 2023', async () => {
    const id = await projectIdOf(THUY_KHUE.code);
    const response = await t.admin
      .get(`/api/v1/projects/${id}/stats/consent-history?granularity=month&from=2022-12-01&to=2023-12-31`)
      .expect(200);
    expect(response.body).toMatchObject({ projectId: id, granularity: 'month' });
    expect(response.body.method).toContain('consent-transition history');
    const points = response.body.points as Point[];
    expect(points).toHaveLength(13);
    expect(points[0]).toMatchObject({ periodStart: '2022-12-01', date: '2022-12-31', notConsented: 44 });
    expect(points[12]).toMatchObject({ periodStart: '2023-12-01', date: '2023-12-31', notConsented: 8 });
    // Those 8 are the households conditional on resettlement housing.
    expect(points[12].households.byStatus.conditional).toBe(8);
    // Holdouts only ever went down over 2023, month by month.
    const holdouts = points.map((point) => point.notConsented);
    expect([...holdouts].sort((a, b) => b - a)).toEqual(holdouts);

    const yearEnds = await t.admin
      .get(`/api/v1/projects/${id}/stats/consent-history?granularity=week&from=2023-12-18&to=2023-12-31`)
      .expect(200);
    expect(yearEnds.body.points.map((p: Point) => [p.periodStart, p.date])).toEqual([
      ['2023-12-18', '2023-12-24'],
      ['2023-12-25', '2023-12-31'],
    ]);
    expect(yearEnds.body.points.at(-1).notConsented).toBe(8);
  });

  it('should refuse a reversed range, too many points or an unknown granularity, and hide other wards’ projects', async () => {
    const id = await projectIdOf(THUY_KHUE.code);
    const reversed = await t.admin
      .get(`/api/v1/projects/${id}/stats/consent-history?from=2023-02-01&to=2023-01-01`)
      .expect(400);
    expect(reversed.body.details.fields.to).toHaveLength(1);
    const tooMany = await t.admin
      .get(`/api/v1/projects/${id}/stats/consent-history?granularity=day&from=2012-01-01&to=2023-12-31`)
      .expect(400);
    expect(tooMany.body.details.fields.granularity[0]).toContain('400');
    await t.admin.get(`/api/v1/projects/${id}/stats/consent-history?granularity=year`).expect(400);
    await t.admin.get(`/api/v1/projects/${id}/stats/forecast?weeks=2`).expect(400);

    const elsewhere = await t.as('officer', [(await makeUnit(t.dataSource)).id]);
    await elsewhere.api.get(`/api/v1/projects/${id}/stats/consent-history`).expect(404);
    await elsewhere.api.get(`/api/v1/projects/${id}/stats/forecast`).expect(404);
  });

  it('should forecast a project consenting one household a week: threshold in 3 weeks, all in 8, no spread', async () => {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const project = await makeProject(t.dataSource, { unitIds: [unit.id], consentThreshold: 0.75 });
    const households = [];
    for (let i = 0; i < 20; i += 1) {
      households.push(
        await makeHousehold(t.dataSource, project.id, {
          code: `NTL-${String(i + 1).padStart(2, '0')}`,
          status: i < 12 ? 'agreed' : 'persuading',
        }),
      );
    }
    await t.dataSource.query(`UPDATE households SET created_at = $2 WHERE project_id = $1`, [
      project.id,
      new Date(TEST_NOW.getTime() - 200 * DAY_MS),
    ]);
    // Every household was first contacted 150 days ago; one agreed each week over the last twelve.
    for (const [i, household] of households.entries()) {
      const contacted = new Date(TEST_NOW.getTime() - (150 - i) * DAY_MS);
      await t.dataSource.query(
        `INSERT INTO consent_transitions (household_id, project_id, from_status, to_status, reason, actor, at)
         VALUES ($1, $2, 'not_contacted', 'persuading', 'Lần đầu tiếp xúc', 'Tổ công tác', $3)`,
        [household.id, project.id, contacted],
      );
      if (i < 12) {
        await t.dataSource.query(
          `INSERT INTO consent_transitions (household_id, project_id, from_status, to_status, reason, actor, at)
           VALUES ($1, $2, 'persuading', 'agreed', 'Hộ đồng ý phương án', 'Tổ công tác', $3)`,
          [household.id, project.id, new Date(TEST_NOW.getTime() - (12 - i) * 7 * DAY_MS + 3600_000)],
        );
      }
    }

    const forecast = await t.admin.get(`/api/v1/projects/${project.id}/stats/forecast`).expect(200);
    expect(forecast.body).toMatchObject({
      projectId: project.id,
      windowStart: '2025-12-16',
      windowEnd: '2026-03-10',
      households: 20,
      consented: 12,
      consentThreshold: 0.75,
      velocityPerWeek: 1,
      spreadPerWeek: 0,
      velocityLow: 1,
      velocityHigh: 1,
      weeklyConsents: Array(12).fill(1),
      threshold: {
        households: 15,
        remaining: 3,
        reached: false,
        expectedOn: '2026-03-31',
        earliestOn: '2026-03-31',
        latestOn: '2026-03-31',
      },
      complete: { households: 20, remaining: 8, expectedOn: '2026-05-05' },
    });
    expect(forecast.body.method).toMatch(/^An estimate/);
    // The longest holdouts: the not-consented households contacted first.
    expect(forecast.body.longestHoldouts.map((h: { code: string }) => h.code)).toEqual([
      'NTL-13',
      'NTL-14',
      'NTL-15',
      'NTL-16',
      'NTL-17',
      'NTL-18',
      'NTL-19',
      'NTL-20',
    ]);

    // Over the last four weeks only: the same pace.
    const recent = await t.admin.get(`/api/v1/projects/${project.id}/stats/forecast?weeks=4`).expect(200);
    expect(recent.body).toMatchObject({ velocityPerWeek: 1, weeklyConsents: [1, 1, 1, 1] });

    // The history agrees, week by week (the last agreement was on Tuesday 3 March).
    const weekly = await t.admin
      .get(`/api/v1/projects/${project.id}/stats/consent-history?granularity=week&from=2026-02-23&to=2026-03-10`)
      .expect(200);
    expect(weekly.body.points.map((p: Point) => [p.date, p.households.consented])).toEqual([
      ['2026-03-01', 11],
      ['2026-03-08', 12],
      ['2026-03-10', 12],
    ]);
  });
});
