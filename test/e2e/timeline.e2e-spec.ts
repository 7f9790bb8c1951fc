import { TimelineController } from '../../src/modules/stats/timeline.controller.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe(TimelineController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    t.clock.set(TEST_NOW);
  });

  const timelineOf = async (projectId: string, query = '') =>
    (await t.admin.get(`/api/v1/projects/${projectId}/stats/timeline${query}`).expect(200)).body as {
      projectId: string;
      points: Array<Record<string, unknown>>;
    };

  const setStatus = (householdId: string, status: string) =>
    t.dataSource.query(`UPDATE households SET status = $2 WHERE id = $1`, [householdId, status]);

  it('should chart the consent rate night after night, one point per day', async () => {
    // Thụy Khuê's last holdouts, conditional on resettlement housing, agreeing one by one.
    const project = await makeProject(t.dataSource, { name: 'Mương thoát nước Thụy Khuê' });
    const holdouts = await Promise.all(
      Array.from({ length: 4 }, () =>
        makeHousehold(t.dataSource, project.id, { status: 'conditional', landAreaM2: 50 }),
      ),
    );
    await makeHousehold(t.dataSource, project.id, { status: 'agreed', landAreaM2: 150 });

    await t.jobs.run('stats.snapshot', {});
    t.clock.advanceDays(1);
    await setStatus(holdouts[0].id, 'agreed');
    await t.jobs.run('stats.snapshot', {});
    t.clock.advanceDays(1);
    await setStatus(holdouts[1].id, 'agreed');
    await t.jobs.run('stats.snapshot', {});

    const timeline = await timelineOf(project.id);
    expect(timeline.projectId).toBe(project.id);
    expect(timeline.points.map((point) => [point.date, point.householdsConsented, point.consentRate])).toEqual([
      ['2026-03-10', 1, 0.2],
      ['2026-03-11', 2, 0.4],
      ['2026-03-12', 3, 0.6],
    ]);
    expect(timeline.points[2]).toEqual({
      date: '2026-03-12',
      householdsTotal: 5,
      householdsConsented: 3,
      householdsConditional: 2,
      householdsHandedOver: 0,
      consentRate: 0.6,
      handedOverRate: 0,
      areaTotalM2: 350,
      areaConsentedM2: 250,
      areaHandedOverM2: 0,
      areaConsentRate: 0.7143,
      byStatus: {
        not_contacted: 0,
        persuading: 0,
        objecting: 0,
        conditional: 2,
        agreed: 3,
        enforcement_pending: 0,
        handed_over: 0,
      },
      takenAt: new Date(TEST_NOW.getTime() + 2 * 86_400_000).toISOString(),
    });
  });

  it('should keep one snapshot per day when the job runs again, with the latest figures', async () => {
    const project = await makeProject(t.dataSource);
    const household = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });

    await t.jobs.run('stats.snapshot', {});
    await setStatus(household.id, 'agreed');
    await t.jobs.run('stats.snapshot', {});

    expect((await timelineOf(project.id)).points).toEqual([
      expect.objectContaining({ date: '2026-03-10', householdsConsented: 1, consentRate: 1 }),
    ]);
  });

  it('should limit the points to the days asked for', async () => {
    const project = await makeProject(t.dataSource);
    for (let day = 0; day < 4; day += 1) {
      await t.jobs.run('stats.snapshot', {});
      t.clock.advanceDays(1);
    }

    const dates = (query: string) => timelineOf(project.id, query).then((body) => body.points.map((p) => p.date));
    expect(await dates('?from=2026-03-11&to=2026-03-12')).toEqual(['2026-03-11', '2026-03-12']);
    expect(await dates('?from=2026-03-12')).toEqual(['2026-03-12', '2026-03-13']);
    expect(await dates('?to=2026-03-10')).toEqual(['2026-03-10']);
    expect(await dates('?from=2027-01-01')).toEqual([]);
  });

  it.each([['?from=2026-02-30'], ['?to=yesterday'], ['?from=2026-03-12&to=2026-03-11']])(
    'should refuse %s with a 400',
    async (query) => {
      const project = await makeProject(t.dataSource);
      await t.admin.get(`/api/v1/projects/${project.id}/stats/timeline${query}`).expect(400);
    },
  );

  it('should answer 404 for a missing project and for one outside the caller’s wards', async () => {
    const ward = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const elsewhere = await makeProject(t.dataSource);
    const officer = await t.as('officer', [ward.id]);

    await officer.api.get(`/api/v1/projects/${elsewhere.id}/stats/timeline`).expect(404);
    await t.admin.get(`/api/v1/projects/${UNKNOWN_ID}/stats/timeline`).expect(404);
    const own = await makeProject(t.dataSource, { unitIds: [ward.id] });
    await officer.api.get(`/api/v1/projects/${own.id}/stats/timeline`).expect(200);
  });
});
