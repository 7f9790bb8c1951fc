import { AgendaController } from '../../src/modules/agenda/agenda.controller.js';
import { makeDialogueSession } from '../factories/dialogue-factories.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

// TEST_NOW is Tuesday 2026-03-10, 09:00 in Hanoi.
const DAY_MS = 24 * 3600_000;

describe(AgendaController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    t.clock.set(TEST_NOW);
    await t.close();
  });

  /** A ward whose group (officer Lan) is responsible for three households; a fourth belongs to no group. */
  async function ward() {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const project = await makeProject(t.dataSource, {
      unitIds: [unit.id],
      name: 'Khu đô thị Nam Thăng Long, giai đoạn 3',
    });
    const chair = await t.as('chair', [unit.id], 'Chủ tịch UBND phường Phú Thượng');
    const lan = await t.as('officer', [unit.id], 'Nguyễn Thị Lan');
    const recently = new Date(TEST_NOW.getTime() - 2 * DAY_MS);
    const late = await makeHousehold(t.dataSource, project.id, {
      code: 'NTL-01',
      headName: 'Phạm Văn Hùng',
      lastContactAt: recently,
      nextFollowUpOn: '2026-03-07',
    });
    const dueToday = await makeHousehold(t.dataSource, project.id, {
      code: 'NTL-02',
      headName: 'Đỗ Thị Mai',
      lastContactAt: recently,
      nextFollowUpOn: '2026-03-10',
    });
    const silent = await makeHousehold(t.dataSource, project.id, {
      code: 'NTL-03',
      headName: 'Nguyễn Văn Tâm',
      lastContactAt: new Date(TEST_NOW.getTime() - 20 * DAY_MS),
    });
    const unassigned = await makeHousehold(t.dataSource, project.id, {
      code: 'NTL-04',
      headName: 'Lê Thị Hoa',
      lastContactAt: recently,
      nextFollowUpOn: '2026-03-01',
    });
    const group = await chair.api
      .post(`/api/v1/projects/${project.id}/working-groups`)
      .send({ name: 'Tổ công tác số 1', leaderId: lan.id })
      .expect(201);
    await chair.api
      .post(`/api/v1/working-groups/${group.body.id}/households`)
      .send({ householdIds: [late.id, dueToday.id, silent.id], leadOfficerId: lan.id })
      .expect(200);
    return { unit, project, chair, lan, late, dueToday, silent, unassigned };
  }

  it("should give an officer today's work on their group's households, each with why, most urgent first", async () => {
    const w = await ward();
    const complaint = await w.chair.api
      .post(`/api/v1/households/${w.late.id}/complaints`)
      .send({ receivedOn: '2026-03-02', summary: 'Khiếu nại về đơn giá bồi thường', complainant: 'Phạm Văn Hùng' })
      .expect(201);
    await t.dataSource.query(`UPDATE complaints SET accept_due_on = '2026-03-12' WHERE id = $1`, [complaint.body.id]);
    const session = await makeDialogueSession(t.dataSource, w.project.id, {
      scheduledAt: new Date('2026-03-10T07:30:00Z'),
      location: 'Hội trường UBND phường Phú Thượng',
      householdIds: [w.late.id],
    });

    const agenda = await w.lan.api.get('/api/v1/me/agenda').expect(200);
    expect(agenda.body.date).toBe('2026-03-10');
    expect(
      agenda.body.items.map((item: { kind: string; householdId: string | null }) => [item.kind, item.householdId]),
    ).toEqual([
      ['follow_up_overdue', w.late.id],
      ['complaint_deadline', w.late.id],
      ['follow_up_due', w.dueToday.id],
      ['dialogue_session', null],
      ['not_contacted', w.silent.id],
    ]);
    expect(agenda.body.items[0].why).toBe(
      'Quá hẹn thăm lại 3 ngày (hẹn ngày 07/03/2026): Phạm Văn Hùng (NTL-01), Ngõ 12 Thụy Khuê, Tây Hồ',
    );
    expect(agenda.body.items[1]).toMatchObject({
      complaintId: complaint.body.id,
      why: 'Còn 2 ngày đến hạn thụ lý khiếu nại (ngày 12/03/2026)',
    });
    expect(agenda.body.items[3]).toMatchObject({
      dialogueSessionId: session.id,
      why: 'Đối thoại lúc 14:30 tại Hội trường UBND phường Phú Thượng',
    });
    expect(agenda.body.items[4].why).toMatch(/^Chưa tiếp xúc 20 ngày \(quá 14 ngày cho phép\)/);
    expect(agenda.body.households.map((h: { code: string }) => h.code).sort()).toEqual(['NTL-01', 'NTL-02', 'NTL-03']);
    expect(agenda.body.truncated).toBe(false);
  });

  it('should move with the clock, and answer for another day', async () => {
    const w = await ward();
    t.clock.set(new Date(TEST_NOW.getTime() + 2 * DAY_MS));
    try {
      const agenda = await w.lan.api.get('/api/v1/me/agenda').expect(200);
      expect(agenda.body.date).toBe('2026-03-12');
      const kinds = agenda.body.items.map((item: { kind: string; householdId: string }) => [
        item.kind,
        item.householdId,
      ]);
      expect(kinds).toContainEqual(['follow_up_overdue', w.dueToday.id]);
      expect(agenda.body.items.find((i: { householdId: string }) => i.householdId === w.dueToday.id).why).toMatch(
        /^Quá hẹn thăm lại 2 ngày/,
      );
    } finally {
      t.clock.set(TEST_NOW);
    }
    const earlier = await w.lan.api.get('/api/v1/me/agenda?date=2026-03-08').expect(200);
    expect(
      earlier.body.items.map((item: { kind: string; householdId: string }) => [item.kind, item.householdId]),
    ).toEqual([
      ['follow_up_overdue', w.late.id],
      ['not_contacted', w.silent.id],
    ]);
    await w.lan.api.get('/api/v1/me/agenda?date=2026-02-30').expect(400);
  });

  it('should bring enforcement days and hand-over deadlines of the group’s households, as the clock moves', async () => {
    const w = await ward();
    const insertRecord = (householdId: string, fields: string, values: unknown[]) =>
      t.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO enforcement_records (household_id, project_id, decision_no, decision_issued_on, created_by, ${fields})
         VALUES ($1, $2, '125/QĐ-UBND', '2026-02-01', 'Chủ tịch', ${values.map((_, i) => `$${i + 3}`).join(', ')})
         RETURNING id`,
        [householdId, w.project.id, ...values],
      );
    // Enforcement on Friday 13 March at 08:00 in Hanoi; a complied household must hand over by 11 March.
    const [scheduled] = await insertRecord(w.silent.id, 'status, scheduled_at', [
      'scheduled',
      new Date('2026-03-13T01:00:00Z'),
    ]);
    await insertRecord(w.dueToday.id, 'status, scheduled_at, complied_on, handover_due_on', [
      'complied',
      new Date('2026-02-10T01:00:00Z'),
      '2026-02-10',
      '2026-03-11',
    ]);
    await insertRecord(w.unassigned.id, 'status, scheduled_at', ['scheduled', new Date('2026-03-11T01:00:00Z')]);

    const enforcementOf = async () =>
      (await w.lan.api.get('/api/v1/me/agenda').expect(200)).body.items.filter(
        (item: { kind: string }) => item.kind === 'enforcement_deadline',
      );
    // Tuesday: the hand-over is due tomorrow; Friday's enforcement is three days away. The household
    // of no group is not Lan's.
    expect(await enforcementOf()).toEqual([
      expect.objectContaining({
        householdId: w.dueToday.id,
        why: 'Còn 1 ngày đến hạn bàn giao mặt bằng sau khi chấp hành (ngày 11/03/2026)',
      }),
      expect.objectContaining({
        householdId: w.silent.id,
        enforcementRecordId: scheduled.id,
        why: 'Còn 3 ngày đến ngày cưỡng chế (08:00 ngày 13/03/2026) theo Quyết định số 125/QĐ-UBND',
      }),
    ]);
    t.clock.set(new Date('2026-03-13T00:00:00Z'));
    try {
      expect((await enforcementOf()).map((item: { why: string }) => item.why)).toEqual([
        'Quá hạn bàn giao mặt bằng sau khi chấp hành 2 ngày (hạn ngày 11/03/2026)',
        'Cưỡng chế hôm nay lúc 08:00 theo Quyết định số 125/QĐ-UBND',
      ]);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('should give a chair every household of their wards, and an officer without a group nothing', async () => {
    const w = await ward();
    const chairs = await w.chair.api.get('/api/v1/me/agenda').expect(200);
    const ids = chairs.body.items.map((item: { householdId: string }) => item.householdId);
    expect(ids).toEqual(expect.arrayContaining([w.unassigned.id, w.late.id, w.dueToday.id, w.silent.id]));
    expect(chairs.body.items[0].householdId).toBe(w.unassigned.id);

    const newcomer = await t.as('officer', [w.unit.id], 'Cán bộ mới');
    expect((await newcomer.api.get('/api/v1/me/agenda').expect(200)).body.items).toEqual([]);
    const elsewhere = await t.as('chair', [(await makeUnit(t.dataSource)).id]);
    const theirs = await elsewhere.api.get('/api/v1/me/agenda').expect(200);
    expect(theirs.body.items.map((item: { projectId: string }) => item.projectId)).not.toContain(w.project.id);
  });
});
