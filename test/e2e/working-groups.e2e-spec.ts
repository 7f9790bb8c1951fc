import { WorkingGroupsController } from '../../src/modules/working-groups/working-groups.controller.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp, type TestUser } from '../utils/create-test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe(WorkingGroupsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A ward with a project, its chair and two officers, and another ward with its own chair and officer. */
  async function ward() {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const project = await makeProject(t.dataSource, {
      unitIds: [unit.id],
      name: 'Khu đô thị Nam Thăng Long, giai đoạn 3',
    });
    const chair = await t.as('chair', [unit.id], 'Chủ tịch UBND phường Phú Thượng');
    const lan = await t.as('officer', [unit.id], 'Nguyễn Thị Lan');
    const minh = await t.as('officer', [unit.id], 'Trần Văn Minh');
    const other = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
    const otherChair = await t.as('chair', [other.id], 'Chủ tịch UBND phường Tây Hồ');
    const stranger = await t.as('officer', [other.id], 'Lê Văn Khách');
    const households = [];
    for (let i = 0; i < 3; i += 1) households.push(await makeHousehold(t.dataSource, project.id));
    return { unit, project, chair, lan, minh, otherChair, stranger, households };
  }

  async function formGroup(chair: TestUser, projectId: string, body: Record<string, unknown>) {
    const response = await chair.api.post(`/api/v1/projects/${projectId}/working-groups`).send(body).expect(201);
    return response.body as { id: string; version: number; members: Array<{ userId: string }> };
  }

  it('should form a group of the ward, list it for the chair and only to its own officers', async () => {
    const w = await ward();
    const group = await formGroup(w.chair, w.project.id, {
      name: 'Tổ công tác số 1',
      leaderId: w.lan.id,
      memberIds: [],
    });
    expect(group).toMatchObject({ name: 'Tổ công tác số 1', leaderId: w.lan.id, disbandedAt: null, version: 1 });
    // The leader is a member without being listed.
    expect(group.members.map((m) => m.userId)).toEqual([w.lan.id]);
    await formGroup(w.chair, w.project.id, { name: 'Tổ công tác số 2', memberIds: [w.minh.id] });

    const forChair = await w.chair.api.get(`/api/v1/projects/${w.project.id}/working-groups`).expect(200);
    expect(forChair.body.items.map((g: { name: string }) => g.name)).toEqual(['Tổ công tác số 1', 'Tổ công tác số 2']);
    const forLan = await w.lan.api.get(`/api/v1/projects/${w.project.id}/working-groups`).expect(200);
    expect(forLan.body.items.map((g: { name: string }) => g.name)).toEqual(['Tổ công tác số 1']);
  });

  it('should refuse members who cannot work on the project, writing nothing, and officers managing groups', async () => {
    const w = await ward();
    const refused = await w.chair.api
      .post(`/api/v1/projects/${w.project.id}/working-groups`)
      .send({ name: 'Tổ lẫn phường', memberIds: [w.lan.id, w.stranger.id, MISSING] })
      .expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details.fields.memberIds).toHaveLength(2);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM working_groups WHERE project_id = $1`,
      [w.project.id],
    );
    expect(count).toBe(0);
    await w.lan.api.post(`/api/v1/projects/${w.project.id}/working-groups`).send({ name: 'Tổ tự lập' }).expect(403);
  });

  it('should keep the history of assignment, reassignment and unassignment, and change nothing on a repeat', async () => {
    const w = await ward();
    const first = await formGroup(w.chair, w.project.id, { name: 'Tổ 1', memberIds: [w.lan.id] });
    const second = await formGroup(w.chair, w.project.id, { name: 'Tổ 2', memberIds: [w.minh.id] });
    const [a, b] = w.households;

    const assigned = await w.chair.api
      .post(`/api/v1/working-groups/${first.id}/households`)
      .send({ householdIds: [a.id, b.id], leadOfficerId: w.lan.id, reason: 'Chia địa bàn tổ dân phố 5' })
      .expect(200);
    expect(assigned.body.items).toHaveLength(2);
    // The same request again (a retry) changes nothing.
    await w.chair.api
      .post(`/api/v1/working-groups/${first.id}/households`)
      .send({ householdIds: [a.id, b.id], leadOfficerId: w.lan.id, reason: 'Chia địa bàn tổ dân phố 5' })
      .expect(200);
    await w.chair.api
      .post(`/api/v1/working-groups/${second.id}/households`)
      .send({ householdIds: [a.id], reason: 'Tổ 2 quen hộ hơn' })
      .expect(200);
    await w.chair.api.post(`/api/v1/households/${b.id}/unassign`).send({ reason: 'Hộ đã bàn giao' }).expect(204);

    const historyOfA = await w.lan.api.get(`/api/v1/households/${a.id}/assignments`).expect(200);
    expect(historyOfA.body.items).toMatchObject([
      {
        workingGroupId: first.id,
        leadOfficerId: w.lan.id,
        reason: 'Chia địa bàn tổ dân phố 5',
        assignedBy: w.chair.fullName,
      },
      { workingGroupId: second.id, leadOfficerId: null, endedAt: null, reason: 'Tổ 2 quen hộ hơn' },
    ]);
    expect(historyOfA.body.items[0].endedAt).not.toBeNull();
    expect(historyOfA.body.items[0].endedBy).toBe(w.chair.fullName);
    const historyOfB = await w.lan.api.get(`/api/v1/households/${b.id}/assignments`).expect(200);
    expect(historyOfB.body.items).toHaveLength(1);
    expect(historyOfB.body.items[0].endedAt).not.toBeNull();

    const ofFirst = await w.chair.api.get(`/api/v1/working-groups/${first.id}/households`).expect(200);
    expect(ofFirst.body.items).toEqual([]);
    const ofSecond = await w.chair.api.get(`/api/v1/working-groups/${second.id}/households`).expect(200);
    expect(ofSecond.body.items.map((row: { householdId: string }) => row.householdId)).toEqual([a.id]);

    // Every change is in the audit trail, filed under the project.
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE entity = 'HouseholdAssignment' AND project_id = $1`,
      [w.project.id],
    );
    expect(count).toBeGreaterThanOrEqual(5);
  });

  it('should assign all or nothing: a lead officer outside the group or a household of another project', async () => {
    const w = await ward();
    const group = await formGroup(w.chair, w.project.id, { name: 'Tổ 1', memberIds: [w.lan.id] });
    const elsewhere = await makeHousehold(t.dataSource, (await makeProject(t.dataSource, { unitIds: [w.unit.id] })).id);

    const notMember = await w.chair.api
      .post(`/api/v1/working-groups/${group.id}/households`)
      .send({ householdIds: [w.households[0].id], leadOfficerId: w.minh.id })
      .expect(422);
    expect(notMember.body.code).toBe('LEAD_OFFICER_NOT_MEMBER');
    const mixed = await w.chair.api
      .post(`/api/v1/working-groups/${group.id}/households`)
      .send({ householdIds: [w.households[0].id, elsewhere.id] })
      .expect(400);
    expect(mixed.body.details.fields.householdIds).toEqual([expect.stringContaining(elsewhere.id)]);
    const rows = await t.dataSource.query(`SELECT 1 FROM household_assignments WHERE working_group_id = $1`, [
      group.id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('should let members come and go, except the leader and a lead officer, keeping every membership', async () => {
    const w = await ward();
    const group = await formGroup(w.chair, w.project.id, { name: 'Tổ 1', leaderId: w.lan.id, memberIds: [w.minh.id] });
    const url = `/api/v1/working-groups/${group.id}`;
    await w.chair.api
      .post(`${url}/households`)
      .send({ householdIds: [w.households[0].id], leadOfficerId: w.minh.id })
      .expect(200);

    expect((await w.chair.api.delete(`${url}/members/${w.lan.id}`).expect(422)).body.code).toBe('LEADER_CANNOT_LEAVE');
    expect((await w.chair.api.delete(`${url}/members/${w.minh.id}`).expect(422)).body.code).toBe(
      'MEMBER_LEADS_HOUSEHOLDS',
    );
    await w.chair.api
      .post(`${url}/households`)
      .send({ householdIds: [w.households[0].id] })
      .expect(200);
    const left = await w.chair.api.delete(`${url}/members/${w.minh.id}`).expect(200);
    expect(left.body.members.map((m: { userId: string }) => m.userId)).toEqual([w.lan.id]);
    await w.chair.api.post(`${url}/members`).send({ userId: w.minh.id }).expect(200);

    const memberships = await w.chair.api.get(`${url}/members`).expect(200);
    const minhs = memberships.body.items.filter((m: { userId: string }) => m.userId === w.minh.id);
    expect(minhs).toHaveLength(2);
    expect(minhs[0].leftAt).not.toBeNull();
    expect(minhs[1].leftAt).toBeNull();
    await w.chair.api.post(`${url}/members`).send({ userId: w.stranger.id }).expect(400);
    // Renaming with a stale version is refused.
    await w.chair.api.patch(url).send({ name: 'Tổ 1 (mới)', version: 1 }).expect(409);
    const renamed = await w.chair.api.patch(url).send({ name: 'Tổ 1 (mới)', leaderId: w.minh.id }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Tổ 1 (mới)', leaderId: w.minh.id });
    expect((await w.chair.api.patch(url).send({ leaderId: w.stranger.id }).expect(422)).body.code).toBe(
      'LEADER_NOT_MEMBER',
    );
  });

  it('should disband a group: responsibilities and memberships end, the record is frozen', async () => {
    const w = await ward();
    const group = await formGroup(w.chair, w.project.id, { name: 'Tổ 1', memberIds: [w.lan.id] });
    const url = `/api/v1/working-groups/${group.id}`;
    await w.chair.api
      .post(`${url}/households`)
      .send({ householdIds: w.households.map((h) => h.id) })
      .expect(200);

    const disbanded = await w.chair.api.post(`${url}/disband`).expect(200);
    expect(disbanded.body.disbandedAt).not.toBeNull();
    expect(disbanded.body.members).toEqual([]);
    expect((await w.chair.api.get(`${url}/households`).expect(200)).body.items).toEqual([]);
    expect((await w.chair.api.patch(url).send({ name: 'Tổ hồi sinh' }).expect(422)).body.code).toBe(
      'WORKING_GROUP_DISBANDED',
    );
    const listed = await w.chair.api.get(`/api/v1/projects/${w.project.id}/working-groups`).expect(200);
    expect(listed.body.items).toEqual([]);
    const all = await w.chair.api
      .get(`/api/v1/projects/${w.project.id}/working-groups?includeDisbanded=true`)
      .expect(200);
    expect(all.body.items).toHaveLength(1);
  });

  it("should answer another ward's group as if it did not exist", async () => {
    const w = await ward();
    const group = await formGroup(w.chair, w.project.id, { name: 'Tổ 1', memberIds: [w.lan.id] });
    await w.otherChair.api.get(`/api/v1/working-groups/${group.id}`).expect(404);
    await w.stranger.api.get(`/api/v1/working-groups/${group.id}/households`).expect(404);
    await w.otherChair.api.post(`/api/v1/working-groups/${group.id}/disband`).expect(404);
    await w.chair.api.get(`/api/v1/working-groups/${MISSING}`).expect(404);
  });
});
