import { ProjectVisitsController } from '../../src/modules/visits/project-visits.controller.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

const YESTERDAY = '2026-03-09T15:00:00+07:00';

describe(ProjectVisitsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function ward() {
    const unit = await makeUnit(t.dataSource);
    const project = await makeProject(t.dataSource, { unitIds: [unit.id] });
    const lan = await t.as('officer', [unit.id], 'Nguyễn Thị Lan');
    const minh = await t.as('officer', [unit.id], 'Trần Văn Minh');
    const chair = await t.as('chair', [unit.id], 'Chủ tịch UBND phường');
    const stranger = await t.as('officer', [(await makeUnit(t.dataSource)).id], 'Lê Văn Khách');
    const household = await makeHousehold(t.dataSource, project.id);
    return { project, lan, minh, chair, stranger, household };
  }

  const visit = (fields: Record<string, unknown>) => ({ visitedAt: YESTERDAY, outcome: 'listened', ...fields });

  it('should record the officers of a visit as accounts, with their names, beside people without one', async () => {
    const w = await ward();
    const created = await w.lan.api
      .post(`/api/v1/households/${w.household.id}/visits`)
      .send(visit({ officerIds: [w.lan.id, w.minh.id], officers: ['Ông Tổ trưởng tổ dân phố 5'] }))
      .expect(201);
    expect(created.body).toMatchObject({
      officerIds: [w.lan.id, w.minh.id],
      officers: ['Nguyễn Thị Lan', 'Trần Văn Minh', 'Ông Tổ trưởng tổ dân phố 5'],
    });
    const byName = await w.lan.api
      .post(`/api/v1/households/${w.household.id}/visits`)
      .send(visit({ officers: ['Trần Thị Mai'] }))
      .expect(201);
    expect(byName.body).toMatchObject({ officerIds: [], officers: ['Trần Thị Mai'] });
  });

  it('should refuse an officer who cannot work on the project, and a visit naming nobody, writing nothing', async () => {
    const w = await ward();
    const outside = await w.lan.api
      .post(`/api/v1/households/${w.household.id}/visits`)
      .send(visit({ officerIds: [w.lan.id, w.stranger.id] }))
      .expect(400);
    expect(outside.body.details.fields.officerIds).toEqual([expect.stringContaining(w.stranger.id)]);
    const nobody = await w.lan.api.post(`/api/v1/households/${w.household.id}/visits`).send(visit({})).expect(400);
    expect(Object.keys(nobody.body.details.fields)).toEqual(['officerIds']);
    const rows = await t.dataSource.query(`SELECT 1 FROM visits WHERE household_id = $1`, [w.household.id]);
    expect(rows).toHaveLength(0);
  });

  it("should list a project's visits by officer, and a working group's by its members", async () => {
    const w = await ward();
    const url = `/api/v1/households/${w.household.id}/visits`;
    await w.lan.api
      .post(url)
      .send(visit({ officerIds: [w.lan.id] }))
      .expect(201);
    await w.minh.api
      .post(url)
      .send(visit({ officerIds: [w.minh.id], visitedAt: '2026-03-09T16:00:00+07:00' }))
      .expect(201);
    await w.minh.api
      .post(url)
      .send(visit({ officers: ['Trần Văn Minh'] }))
      .expect(201);

    const all = await w.chair.api.get(`/api/v1/projects/${w.project.id}/visits`).expect(200);
    expect(all.body.total).toBe(3);
    const lans = await w.chair.api.get(`/api/v1/projects/${w.project.id}/visits?officerId=${w.lan.id}`).expect(200);
    expect(lans.body.items.map((v: { officerIds: string[] }) => v.officerIds)).toEqual([[w.lan.id]]);
    const late = await w.chair.api
      .get(`/api/v1/projects/${w.project.id}/visits?from=${encodeURIComponent('2026-03-09T15:30:00+07:00')}`)
      .expect(200);
    expect(late.body.total).toBe(1);

    const group = await w.chair.api
      .post(`/api/v1/projects/${w.project.id}/working-groups`)
      .send({ name: 'Tổ 2', memberIds: [w.minh.id] })
      .expect(201);
    const ofGroup = await w.chair.api.get(`/api/v1/working-groups/${group.body.id}/visits`).expect(200);
    expect(ofGroup.body.items.map((v: { officerIds: string[] }) => v.officerIds)).toEqual([[w.minh.id]]);
    await w.stranger.api.get(`/api/v1/projects/${w.project.id}/visits`).expect(404);
  });

  it('should count field work per working group and per officer for the week', async () => {
    const w = await ward();
    const other = await makeHousehold(t.dataSource, w.project.id, { nextFollowUpOn: '2026-03-01' });
    await t.dataSource.query(`UPDATE households SET next_follow_up_on = '2026-03-05' WHERE id = $1`, [w.household.id]);
    const group = await w.chair.api
      .post(`/api/v1/projects/${w.project.id}/working-groups`)
      .send({ name: 'Tổ 1', memberIds: [w.lan.id, w.minh.id] })
      .expect(201);
    await w.chair.api
      .post(`/api/v1/working-groups/${group.body.id}/households`)
      .send({ householdIds: [w.household.id, other.id], leadOfficerId: w.lan.id })
      .expect(200);
    // Monday 2026-03-09 is the start of TEST_NOW's week; Sunday the 8th is the week before.
    const url = (id: string) => `/api/v1/households/${id}/visits`;
    await w.lan.api
      .post(url(other.id))
      .send(visit({ officerIds: [w.lan.id], visitedAt: '2026-03-08T10:00:00+07:00', nextFollowUpOn: '2026-03-09' }))
      .expect(201);
    await w.lan.api
      .post(url(w.household.id))
      .send(visit({ officerIds: [w.lan.id, w.minh.id] }))
      .expect(201);
    await w.lan.api
      .post(url(w.household.id))
      .send(visit({ officerIds: [w.lan.id], visitedAt: '2026-03-10T08:00:00+07:00', nextFollowUpOn: '2026-03-17' }))
      .expect(201);

    const stats = await w.chair.api.get(`/api/v1/projects/${w.project.id}/stats/field-work`).expect(200);
    expect(stats.body.weekStartsOn).toBe('2026-03-09');
    expect(stats.body.groups).toEqual([
      expect.objectContaining({
        name: 'Tổ 1',
        members: 2,
        households: 2,
        visitsThisWeek: 2,
        householdsContactedThisWeek: 1,
        // The household visited on Sunday was to be seen again on Monday.
        overdueFollowUps: 1,
      }),
    ]);
    expect(stats.body.officers).toEqual([
      expect.objectContaining({
        userId: w.lan.id,
        name: 'Nguyễn Thị Lan',
        visitsThisWeek: 2,
        householdsLed: 2,
        overdueFollowUps: 1,
      }),
      expect.objectContaining({
        userId: w.minh.id,
        visitsThisWeek: 1,
        householdsContactedThisWeek: 1,
        householdsLed: 0,
      }),
    ]);
    await w.stranger.api.get(`/api/v1/projects/${w.project.id}/stats/field-work`).expect(404);
  });
});
