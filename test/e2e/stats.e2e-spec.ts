import type { Household } from '../../src/modules/households/household.entity.js';
import { StatsController } from '../../src/modules/stats/stats.controller.js';
import { StatsService } from '../../src/modules/stats/stats.service.js';
import { makeHousehold, makeProject, makeUnit, uniqueCode } from '../factories/factories.js';
import { makeVisit } from '../factories/visit-factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const ZERO_BY_STATUS = {
  not_contacted: 0,
  persuading: 0,
  objecting: 0,
  conditional: 0,
  agreed: 0,
  enforcement_pending: 0,
  handed_over: 0,
};

describe(StatsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    t.clock.set(TEST_NOW);
  });

  const statsOf = async (projectId: string) =>
    (await t.admin.get(`/api/v1/projects/${projectId}/stats`).expect(200)).body;

  const households = (projectId: string, count: number, overrides: Partial<Household>) =>
    Promise.all(Array.from({ length: count }, () => makeHousehold(t.dataSource, projectId, overrides)));

  it('should report an empty project with every figure at zero', async () => {
    const project = await makeProject(t.dataSource, {
      name: 'Nhà sinh hoạt cộng đồng 18 Tam Đa',
      consentThreshold: 0.75,
    });

    expect(await statsOf(project.id)).toEqual({
      projectId: project.id,
      code: project.code,
      name: 'Nhà sinh hoạt cộng đồng 18 Tam Đa',
      status: 'active',
      households: { total: 0, consented: 0, byStatus: ZERO_BY_STATUS },
      consentRate: 0,
      conditionalRate: 0,
      handedOverRate: 0,
      area: { totalM2: 0, consentedM2: 0, handedOverM2: 0, consentRate: 0, byStatus: ZERO_BY_STATUS },
      visits: { total: 0, last30Days: 0 },
      followUps: { overdue: 0 },
      consentThreshold: 0.75,
      thresholdReached: false,
      asOf: TEST_NOW.toISOString(),
      asOfDate: '2026-03-10',
    });
  });

  it('should count every consent status, zeros included, and derive the rates', async () => {
    const project = await makeProject(t.dataSource);
    await households(project.id, 1, { status: 'not_contacted', landAreaM2: 100 });
    await households(project.id, 2, { status: 'persuading', landAreaM2: 100 });
    await households(project.id, 1, { status: 'conditional', landAreaM2: 100 });
    await households(project.id, 2, { status: 'agreed', landAreaM2: 100 });
    await households(project.id, 2, { status: 'handed_over', landAreaM2: 100, handoverMode: 'voluntary' });

    const stats = await statsOf(project.id);

    expect(stats.households).toEqual({
      total: 8,
      consented: 4,
      byStatus: { ...ZERO_BY_STATUS, not_contacted: 1, persuading: 2, conditional: 1, agreed: 2, handed_over: 2 },
    });
    expect(stats).toMatchObject({
      consentRate: 0.5,
      conditionalRate: 0.125,
      handedOverRate: 0.25,
      thresholdReached: false,
    });
    expect(stats.area).toEqual({
      totalM2: 800,
      consentedM2: 400,
      handedOverM2: 200,
      consentRate: 0.5,
      byStatus: {
        ...ZERO_BY_STATUS,
        not_contacted: 100,
        persuading: 200,
        conditional: 100,
        agreed: 200,
        handed_over: 200,
      },
    });
  });

  it('should tell consent by households from consent by area', async () => {
    // Three small plots agree; one large holding objects: most households, little land.
    const project = await makeProject(t.dataSource, { consentThreshold: 0.75 });
    await makeHousehold(t.dataSource, project.id, { status: 'agreed', landAreaM2: 33.33 });
    await makeHousehold(t.dataSource, project.id, { status: 'agreed', landAreaM2: 33.33 });
    await makeHousehold(t.dataSource, project.id, { status: 'agreed', landAreaM2: 33.34 });
    await makeHousehold(t.dataSource, project.id, { status: 'objecting', landAreaM2: 9_900 });

    const stats = await statsOf(project.id);

    expect(stats.consentRate).toBe(0.75);
    expect(stats.area).toMatchObject({ totalM2: 10_000, consentedM2: 100, handedOverM2: 0, consentRate: 0.01 });
    expect(stats.area.byStatus).toMatchObject({ agreed: 100, objecting: 9_900 });
    expect(stats.thresholdReached).toBe(true);
  });

  it('should leave archived households out of every figure', async () => {
    const project = await makeProject(t.dataSource);
    await makeHousehold(t.dataSource, project.id, {
      status: 'persuading',
      landAreaM2: 120,
      nextFollowUpOn: '2026-03-01',
    });
    await makeHousehold(t.dataSource, project.id, {
      status: 'agreed',
      landAreaM2: 5_000,
      nextFollowUpOn: '2026-03-01',
      archivedAt: new Date('2026-02-01T00:00:00Z'),
      archiveReason: 'Trùng hồ sơ',
    });

    const stats = await statsOf(project.id);

    expect(stats.households).toMatchObject({ total: 1, consented: 0, byStatus: { persuading: 1, agreed: 0 } });
    expect(stats.consentRate).toBe(0);
    expect(stats.area).toMatchObject({ totalM2: 120, consentedM2: 0 });
    expect(stats.followUps.overdue).toBe(1);
  });

  it('should count visits of the last 30 days up to the clock, and move with it', async () => {
    const project = await makeProject(t.dataSource);
    const household = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });
    const now = TEST_NOW.getTime();
    await makeVisit(t.dataSource, household, { visitedAt: new Date(now - HOUR_MS) });
    await makeVisit(t.dataSource, household, { visitedAt: new Date(now - 29 * DAY_MS) });
    await makeVisit(t.dataSource, household, { visitedAt: new Date(now - 31 * DAY_MS) });
    const elsewhere = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    await makeVisit(t.dataSource, elsewhere, { visitedAt: new Date(now - HOUR_MS) });

    expect((await statsOf(project.id)).visits).toEqual({ total: 3, last30Days: 2 });

    t.clock.advanceDays(2);
    const later = await statsOf(project.id);
    expect(later.visits).toEqual({ total: 3, last30Days: 1 });
    expect(later.asOf).toBe(new Date(now + 2 * DAY_MS).toISOString());
  });

  it('should count overdue follow-ups against the local date, except for handed-over households', async () => {
    const project = await makeProject(t.dataSource);
    // TEST_NOW is 2026-03-10 09:00 in Hanoi.
    await makeHousehold(t.dataSource, project.id, { status: 'persuading', nextFollowUpOn: '2026-03-09' });
    await makeHousehold(t.dataSource, project.id, { status: 'objecting', nextFollowUpOn: '2026-03-10' });
    await makeHousehold(t.dataSource, project.id, { status: 'conditional', nextFollowUpOn: '2026-03-11' });
    await makeHousehold(t.dataSource, project.id, { status: 'persuading', nextFollowUpOn: null });
    await makeHousehold(t.dataSource, project.id, {
      status: 'handed_over',
      handoverMode: 'voluntary',
      nextFollowUpOn: '2026-02-01',
    });

    expect((await statsOf(project.id)).followUps).toEqual({ overdue: 1 });

    // 17:30 UTC is already 00:30 on the 11th in Hanoi: the follow-up planned for the 10th is now late.
    t.clock.set(new Date('2026-03-10T17:30:00Z'));
    const stats = await statsOf(project.id);
    expect(stats.asOfDate).toBe('2026-03-11');
    expect(stats.followUps).toEqual({ overdue: 2 });
  });

  it('should list the projects of a unit and of every unit below it, ordered by code', async () => {
    const prefix = uniqueCode('TREE');
    const hanoi = await makeUnit(t.dataSource, { level: 'province', name: 'Thành phố Hà Nội' });
    const tayHo = await makeUnit(t.dataSource, { level: 'ward', name: 'Phường Tây Hồ', parentId: hanoi.id });
    const phuThuong = await makeUnit(t.dataSource, { level: 'ward', name: 'Phường Phú Thượng', parentId: hanoi.id });
    const elsewhere = await makeUnit(t.dataSource, { level: 'province', name: 'Tỉnh Bắc Ninh' });
    const outsideWard = await makeUnit(t.dataSource, { level: 'ward', parentId: elsewhere.id });

    const canal = await makeProject(t.dataSource, {
      code: `${prefix}-C`,
      name: 'Mương Thụy Khuê',
      unitIds: [tayHo.id],
    });
    const namThangLong = await makeProject(t.dataSource, {
      code: `${prefix}-A`,
      name: 'Khu đô thị Nam Thăng Long giai đoạn 3',
      unitIds: [phuThuong.id],
      status: 'completed',
    });
    const spanning = await makeProject(t.dataSource, { code: `${prefix}-B`, unitIds: [tayHo.id, outsideWard.id] });
    const cityWide = await makeProject(t.dataSource, { code: `${prefix}-D`, unitIds: [hanoi.id] });
    const outside = await makeProject(t.dataSource, { code: `${prefix}-E`, unitIds: [outsideWard.id] });
    await makeHousehold(t.dataSource, canal.id, { status: 'agreed', landAreaM2: 120 });
    await makeHousehold(t.dataSource, canal.id, { status: 'objecting', landAreaM2: 80 });
    await makeHousehold(t.dataSource, outside.id, { status: 'agreed' });

    const inHanoi = await t.admin.get('/api/v1/stats/projects').query({ administrativeUnitId: hanoi.id }).expect(200);
    expect(inHanoi.body.total).toBe(4);
    expect(inHanoi.body.items.map((row: { projectId: string }) => row.projectId)).toEqual([
      namThangLong.id,
      spanning.id,
      canal.id,
      cityWide.id,
    ]);
    const canalRow = inHanoi.body.items[2];
    expect(canalRow).toMatchObject({
      code: `${prefix}-C`,
      name: 'Mương Thụy Khuê',
      status: 'active',
      households: { total: 2, consented: 1 },
      consentRate: 0.5,
      area: { totalM2: 200, consentedM2: 120, consentRate: 0.6 },
      visits: { total: 0, last30Days: 0 },
      followUps: { overdue: 0 },
    });
    expect(inHanoi.body.items[0].households.byStatus).toEqual(ZERO_BY_STATUS);

    const inTayHo = await t.admin.get('/api/v1/stats/projects').query({ administrativeUnitId: tayHo.id }).expect(200);
    expect(inTayHo.body.items.map((row: { code: string }) => row.code)).toEqual([`${prefix}-B`, `${prefix}-C`]);

    const completed = await t.admin
      .get('/api/v1/stats/projects')
      .query({ administrativeUnitId: hanoi.id, status: 'completed' })
      .expect(200);
    expect(completed.body.items.map((row: { projectId: string }) => row.projectId)).toEqual([namThangLong.id]);

    const secondPage = await t.admin
      .get('/api/v1/stats/projects')
      .query({ administrativeUnitId: hanoi.id, limit: 2, offset: 2 })
      .expect(200);
    expect(secondPage.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(secondPage.body.items.map((row: { projectId: string }) => row.projectId)).toEqual([canal.id, cityWide.id]);

    const everywhere = await t.admin.get('/api/v1/stats/projects').query({ limit: 200 }).expect(200);
    expect(everywhere.body.items.map((row: { projectId: string }) => row.projectId)).toEqual(
      expect.arrayContaining([canal.id, outside.id]),
    );
  });

  it('should answer an empty list for a unit without projects', async () => {
    const ward = await makeUnit(t.dataSource);
    const response = await t.admin.get('/api/v1/stats/projects').query({ administrativeUnitId: ward.id }).expect(200);
    expect(response.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('should give the snapshot job many projects at once, ordered by code, unknown ids left out', async () => {
    const prefix = uniqueCode('SNAP');
    const second = await makeProject(t.dataSource, { code: `${prefix}-2` });
    const first = await makeProject(t.dataSource, { code: `${prefix}-1` });
    await makeHousehold(t.dataSource, second.id, { status: 'handed_over', handoverMode: 'enforced' });

    const rows = await t.app.get(StatsService).forProjects([second.id, UNKNOWN_ID, first.id, second.id]);

    expect(rows.map((row) => row.projectId)).toEqual([first.id, second.id]);
    expect(rows[1]).toMatchObject({ households: { total: 1 }, handedOverRate: 1, consentRate: 1 });
  });

  it('should answer 404 for an unknown project or unit and 400 for malformed input', async () => {
    await t.admin
      .get(`/api/v1/projects/${UNKNOWN_ID}/stats`)
      .expect(404)
      .expect((r) => expect(r.body.code).toBe('PROJECT_NOT_FOUND'));
    await t.admin
      .get('/api/v1/projects/not-a-uuid/stats')
      .expect(400)
      .expect((r) => expect(r.body.code).toBe('VALIDATION_FAILED'));
    await t.admin
      .get('/api/v1/stats/projects')
      .query({ administrativeUnitId: UNKNOWN_ID })
      .expect(404)
      .expect((r) => expect(r.body.code).toBe('ADMINISTRATIVE_UNIT_NOT_FOUND'));
    const invalid = await t.admin
      .get('/api/v1/stats/projects')
      .query({ administrativeUnitId: 'tay-ho', status: 'stalled', limit: 0 })
      .expect(400);
    expect(Object.keys(invalid.body.details.fields).sort()).toEqual(['administrativeUnitId', 'limit', 'status']);
  });
});
