import { MilestonesController } from '../../src/modules/legal-clock/milestones/milestones.controller.js';
import { MilestonesService } from '../../src/modules/legal-clock/milestones/milestones.service.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

// TEST_NOW is 2026-03-10 in Hanoi.
describe(MilestonesController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const deadlinesOf = (body: { deadlines: Array<{ ruleCode: string; type: string; dueOn: string }> }) =>
    body.deadlines.map((d) => [d.ruleCode, d.type, d.dueOn]);

  async function record(projectId: string, body: Record<string, unknown>) {
    return t.admin.post(`/api/v1/projects/${projectId}/milestones`).send(body).expect(201);
  }

  it('should derive the earliest recovery decision and the notice expiry from a notice', async () => {
    const project = await makeProject(t.dataSource, { name: 'Khu đô thị Nam Thăng Long, giai đoạn 3' });
    const agricultural = await record(project.id, {
      kind: 'recovery_notice_sent',
      occurredOn: '2026-03-10',
      landKind: 'agricultural',
      note: 'Thông báo thu hồi đất số 125/TB-UBND',
    });
    expect(agricultural.body).toMatchObject({
      projectId: project.id,
      householdId: null,
      kind: 'recovery_notice_sent',
      landKind: 'agricultural',
      recordedBy: 'Quản trị viên',
      warnings: [],
    });
    expect(deadlinesOf(agricultural.body)).toEqual([
      ['recovery.decision.agricultural', 'earliest', '2026-06-08'],
      ['recovery.notice.validity', 'expires', '2027-03-10'],
    ]);
    expect(agricultural.body.deadlines[0]).toMatchObject({ legalBasis: 'Luật Đất đai 2024, Điều 85', offsetDays: 90 });

    const household = await makeHousehold(t.dataSource, project.id);
    const nonAgricultural = await record(project.id, {
      kind: 'recovery_notice_sent',
      occurredOn: '2026-03-10',
      landKind: 'non_agricultural',
      householdId: household.id,
    });
    // 180 days later is Sunday 2026-09-06.
    expect(deadlinesOf(nonAgricultural.body)[0]).toEqual([
      'recovery.decision.non-agricultural',
      'earliest',
      '2026-09-07',
    ]);
  });

  it('should derive persuasion then compulsory inventory, the end of posting, and payment after approval', async () => {
    const project = await makeProject(t.dataSource);
    const refused = await record(project.id, { kind: 'inventory_refused', occurredOn: '2026-02-05' });
    // 15 days: 2026-02-20, inside Tết → 2026-02-23; then 10 more: 2026-03-05.
    expect(deadlinesOf(refused.body)).toEqual([
      ['inventory.persuasion', 'due', '2026-02-23'],
      ['inventory.compulsory', 'due', '2026-03-05'],
    ]);
    const posted = await record(project.id, { kind: 'compensation_plan_posted', occurredOn: '2026-03-02' });
    expect(deadlinesOf(posted.body)).toEqual([['plan.posting', 'ends', '2026-04-01']]);
    const approved = await record(project.id, { kind: 'plan_approved', occurredOn: '2026-03-06' });
    // 10 days: Monday 2026-03-16; 30 days: Sunday 2026-04-05 → Monday 2026-04-06.
    expect(deadlinesOf(approved.body)).toEqual([
      ['plan.recovery-decision', 'due', '2026-03-16'],
      ['compensation.payment', 'due', '2026-04-06'],
    ]);

    const list = await t.admin.get(`/api/v1/projects/${project.id}/milestones`).expect(200);
    expect(list.body.items.map((m: { kind: string }) => m.kind)).toEqual([
      'inventory_refused',
      'compensation_plan_posted',
      'plan_approved',
    ]);
    const deadlines = [...(await t.app.get(MilestonesService).openDeadlinesOfProject(project.id)).values()].flat();
    expect(deadlines.filter((d) => d.dueOn >= '2026-03-10').map((d) => d.ruleCode)).toEqual([
      'plan.posting',
      'plan.recovery-decision',
      'compensation.payment',
    ]);
  });

  it('should flag a hand-over recorded before payment', async () => {
    const project = await makeProject(t.dataSource, { name: 'Cải tạo mương Thụy Khuê' });
    const unpaid = await makeHousehold(t.dataSource, project.id, { headName: 'Đỗ Văn Hải' });
    const paid = await makeHousehold(t.dataSource, project.id, { headName: 'Ngô Thị Lan' });

    const early = await record(project.id, {
      kind: 'site_handed_over',
      occurredOn: '2026-03-03',
      householdId: unpaid.id,
    });
    expect(early.body.warnings).toEqual([
      { code: 'HANDOVER_BEFORE_PAYMENT', message: expect.stringContaining('trước khi') },
    ]);
    // Paying later does not make the earlier hand-over lawful.
    await record(project.id, { kind: 'compensation_paid', occurredOn: '2026-03-05', householdId: unpaid.id });

    await record(project.id, { kind: 'compensation_paid', occurredOn: '2026-03-01', householdId: paid.id });
    const inOrder = await record(project.id, {
      kind: 'site_handed_over',
      occurredOn: '2026-03-04',
      householdId: paid.id,
    });
    expect(inOrder.body.warnings).toEqual([]);

    const flagged = await t.admin.get(`/api/v1/projects/${project.id}/milestones?flagged=true`).expect(200);
    expect(flagged.body.items).toEqual([expect.objectContaining({ id: early.body.id, householdId: unpaid.id })]);
    const ofHousehold = await t.admin
      .get(`/api/v1/projects/${project.id}/milestones?householdId=${paid.id}`)
      .expect(200);
    expect(ofHousehold.body.items.map((m: { kind: string }) => m.kind)).toEqual([
      'compensation_paid',
      'site_handed_over',
    ]);
  });

  it('should accept a project-wide payment for every household', async () => {
    const project = await makeProject(t.dataSource);
    const household = await makeHousehold(t.dataSource, project.id);
    await record(project.id, { kind: 'compensation_paid', occurredOn: '2026-03-01' });
    const handover = await record(project.id, {
      kind: 'site_handed_over',
      occurredOn: '2026-03-02',
      householdId: household.id,
    });
    expect(handover.body.warnings).toEqual([]);
  });

  it.each([
    ['a notice without its land kind', { kind: 'recovery_notice_sent', occurredOn: '2026-03-01' }, 'landKind'],
    [
      'a land kind on a payment',
      { kind: 'compensation_paid', occurredOn: '2026-03-01', landKind: 'agricultural' },
      'landKind',
    ],
    ['an unknown kind', { kind: 'decision_issued', occurredOn: '2026-03-01' }, 'kind'],
    ['an impossible date', { kind: 'plan_approved', occurredOn: '2026-02-29' }, 'occurredOn'],
    ['a future date', { kind: 'plan_approved', occurredOn: '2026-03-11' }, 'occurredOn'],
    [
      'a household id that is not a UUID',
      { kind: 'plan_approved', occurredOn: '2026-03-01', householdId: 'HH-1' },
      'householdId',
    ],
  ])('should answer 400 for %s and record nothing', async (_case, body, field) => {
    const project = await makeProject(t.dataSource);
    const response = await t.admin.post(`/api/v1/projects/${project.id}/milestones`).send(body).expect(400);
    expect(Object.keys(response.body.details.fields)).toContain(field);
    const list = await t.admin.get(`/api/v1/projects/${project.id}/milestones`).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('should refuse a household of another project', async () => {
    const project = await makeProject(t.dataSource);
    const elsewhere = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    const response = await t.admin
      .post(`/api/v1/projects/${project.id}/milestones`)
      .send({ kind: 'compensation_paid', occurredOn: '2026-03-01', householdId: elsewhere.id })
      .expect(400);
    expect(response.body.details.fields.householdId).toBeDefined();
  });

  it('should let chairs record, officers and supervisors read, and hide other wards', async () => {
    const ward = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const otherWard = await makeUnit(t.dataSource, { name: 'Phường Hồng Hà' });
    const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
    const foreign = await makeProject(t.dataSource, { unitIds: [otherWard.id] });
    const chair = await t.as('chair', [ward.id], 'Chủ tịch UBND phường Phú Thượng');
    const officer = await t.as('officer', [ward.id]);
    const body = { kind: 'compensation_plan_posted', occurredOn: '2026-03-02' };

    const created = await chair.api.post(`/api/v1/projects/${project.id}/milestones`).send(body).expect(201);
    expect(created.body.recordedBy).toBe('Chủ tịch UBND phường Phú Thượng');
    await officer.api.post(`/api/v1/projects/${project.id}/milestones`).send(body).expect(403);
    await officer.api.get(`/api/v1/projects/${project.id}/milestones`).expect(200);
    await chair.api.post(`/api/v1/projects/${foreign.id}/milestones`).send(body).expect(404);
    await chair.api.get(`/api/v1/projects/${foreign.id}/milestones`).expect(404);
  });
});
