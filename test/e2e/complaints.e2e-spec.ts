import { randomUUID } from 'node:crypto';
import { ComplaintsController } from '../../src/modules/complaints/complaints.controller.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';
// TEST_NOW is Tuesday 2026-03-10 in Hanoi.

describe(ComplaintsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });

  afterEach(() => {
    t.clock.set(TEST_NOW);
  });

  afterAll(async () => {
    await t.close();
  });

  async function household(projectId?: string) {
    const project = projectId ? { id: projectId } : await makeProject(t.dataSource);
    return makeHousehold(t.dataSource, project.id, { headName: 'Trần Thị Bình' });
  }

  async function receive(householdId: string, receivedOn = '2026-03-02', extra: Record<string, unknown> = {}) {
    const response = await t.admin
      .post(`/api/v1/households/${householdId}/complaints`)
      .send({
        receivedOn,
        summary: 'Khiếu nại đơn giá bồi thường đất ở tại Thụy Khuê thấp hơn giá thị trường',
        complainant: 'Trần Thị Bình',
        ...extra,
      })
      .expect(201);
    return response.body as { id: string; version: number; acceptDueOn: string; projectId: string };
  }

  it('should receive a complaint due for acceptance in 10 days, with its history', async () => {
    const h = await household();
    const created = await t.admin
      .post(`/api/v1/households/${h.id}/complaints`)
      .send({
        receivedOn: '2026-03-02',
        summary: 'Khiếu nại về diện tích đất được công nhận',
        complainant: 'Trần Thị Bình',
      })
      .expect(201);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.body).toMatchObject({
      householdId: h.id,
      projectId: h.projectId,
      status: 'received',
      acceptDueOn: '2026-03-12',
      acceptRuleCode: 'complaint.accept',
      runningDeadline: { kind: 'accept', dueOn: '2026-03-12' },
      overdue: false,
      resolveDueOn: null,
      version: 1,
    });
    expect(created.body.history).toEqual([
      expect.objectContaining({
        kind: 'received',
        occurredOn: '2026-03-02',
        newDueOn: '2026-03-12',
        legalBasis: 'Luật Khiếu nại 2011, Điều 27',
      }),
    ]);

    const read = await t.admin.get(`/api/v1/complaints/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
    const list = await t.admin.get(`/api/v1/households/${h.id}/complaints`).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
  });

  it.each([
    ['into Tết 2026, moving to the Monday after it', '2026-02-07', '2026-02-23'],
    ['onto a Saturday, moving to Monday', '2026-03-04', '2026-03-16'],
    ['onto Hùng Kings day 2026 (a Sunday) and its compensatory day', '2026-04-16', '2026-04-28'],
  ])('should move an acceptance deadline falling %s', async (_case, receivedOn, acceptDueOn) => {
    t.clock.set(new Date(`${receivedOn}T02:00:00Z`));
    const h = await household();
    expect((await receive(h.id, receivedOn)).acceptDueOn).toBe(acceptDueOn);
  });

  it('should carry a complaint through acceptance, escalation, extension and resolution', async () => {
    const h = await household();
    const { id } = await receive(h.id, '2026-03-02');

    const accepted = await t.admin
      .post(`/api/v1/complaints/${id}/accept`)
      .set('If-Match', 'W/"1"')
      .send({ acceptedOn: '2026-03-05', complex: true, note: 'Thông báo thụ lý số 12/TB-UBND' })
      .expect(200);
    // 45 days from 2026-03-05 is Sunday 2026-04-19.
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-03-05',
      complex: true,
      resolveRuleCode: 'complaint.resolve.complex',
      resolveDueOn: '2026-04-20',
      resolveDueSource: 'rule',
      runningDeadline: { kind: 'resolve', dueOn: '2026-04-20' },
      version: 2,
    });

    await t.admin
      .post(`/api/v1/complaints/${id}/escalate`)
      .send({ to: 'Chủ tịch UBND phường Tây Hồ', reason: 'Hộ dân đề nghị đối thoại trực tiếp' })
      .expect(200);
    const extended = await t.admin
      .post(`/api/v1/complaints/${id}/extend`)
      .send({
        newResolveDueOn: '2026-05-05',
        legalBasis: 'Luật Khiếu nại 2011, Điều 28',
        reason: 'Cần xác minh thêm nguồn gốc sử dụng đất',
      })
      .expect(200);
    expect(extended.body).toMatchObject({
      resolveDueOn: '2026-05-05',
      resolveDueSource: 'extension',
      resolveDueLegalBasis: 'Luật Khiếu nại 2011, Điều 28',
    });

    const resolved = await t.admin
      .post(`/api/v1/complaints/${id}/resolve`)
      .send({ decidedOn: '2026-03-10', decision: 'Quyết định số 45/QĐ-UBND: giữ nguyên đơn giá bồi thường' })
      .expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      decidedOn: '2026-03-10',
      runningDeadline: null,
      overdue: false,
    });
    expect(resolved.body.history.map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'accepted',
      'escalated',
      'extended',
      'resolved',
    ]);
    expect(resolved.body.history[2]).toMatchObject({
      escalatedTo: 'Chủ tịch UBND phường Tây Hồ',
      note: 'Hộ dân đề nghị đối thoại trực tiếp',
    });
    expect(resolved.body.history[3]).toMatchObject({ previousDueOn: '2026-04-20', newDueOn: '2026-05-05' });
  });

  it('should refuse illegal moves with 422 and the allowed ones', async () => {
    const h = await household();
    const { id } = await receive(h.id);
    const early = await t.admin
      .post(`/api/v1/complaints/${id}/resolve`)
      .send({ decidedOn: '2026-03-09', decision: 'Giữ nguyên' })
      .expect(422);
    expect(early.body).toMatchObject({
      code: 'COMPLAINT_TRANSITION_REFUSED',
      details: { status: 'received', action: 'resolve', allowed: ['accept', 'escalate', 'reject', 'withdraw'] },
    });
    await t.admin
      .post(`/api/v1/complaints/${id}/extend`)
      .send({ newResolveDueOn: '2026-05-01', legalBasis: 'Điều 28', reason: 'Phức tạp' })
      .expect(422);

    await t.admin.post(`/api/v1/complaints/${id}/withdraw`).send({ reason: 'Hộ dân rút đơn' }).expect(200);
    const closed = await t.admin.post(`/api/v1/complaints/${id}/accept`).send({ acceptedOn: '2026-03-05' }).expect(422);
    expect(closed.body.details).toMatchObject({ status: 'withdrawn', allowed: [] });
    const read = await t.admin.get(`/api/v1/complaints/${id}`).expect(200);
    expect(read.body).toMatchObject({ status: 'withdrawn', decidedOn: '2026-03-10', version: 2 });
  });

  it('should refuse dates the rules forbid, and stale versions', async () => {
    const h = await household();
    const { id } = await receive(h.id, '2026-03-02');
    const before = await t.admin.post(`/api/v1/complaints/${id}/accept`).send({ acceptedOn: '2026-03-01' }).expect(422);
    expect(before.body.code).toBe('COMPLAINT_DATE_TOO_EARLY');
    const future = await t.admin.post(`/api/v1/complaints/${id}/accept`).send({ acceptedOn: '2026-03-11' }).expect(422);
    expect(future.body.code).toBe('COMPLAINT_DATE_IN_FUTURE');
    await t.admin
      .post(`/api/v1/complaints/${id}/accept`)
      .set('If-Match', 'W/"7"')
      .send({ acceptedOn: '2026-03-05' })
      .expect(412);
    await t.admin.post(`/api/v1/complaints/${id}/accept`).send({ acceptedOn: '2026-03-05', version: 7 }).expect(409);
    await t.admin.post(`/api/v1/complaints/${id}/accept`).send({ acceptedOn: '2026-03-05' }).expect(200);
    const sooner = await t.admin
      .post(`/api/v1/complaints/${id}/extend`)
      .send({ newResolveDueOn: '2026-04-01', legalBasis: 'Điều 28', reason: 'Lùi hạn' })
      .expect(422);
    expect(sooner.body.code).toBe('COMPLAINT_EXTENSION_NOT_LATER');
  });

  it('should not count a complaint within its lawful extension as overdue', async () => {
    const project = await makeProject(t.dataSource);
    const h = await household(project.id);
    t.clock.set(new Date('2026-02-02T02:00:00Z'));
    const { id } = await receive(h.id, '2026-02-02');
    await t.admin.post(`/api/v1/complaints/${id}/accept`).send({ acceptedOn: '2026-02-02' }).expect(200);
    t.clock.set(TEST_NOW);

    // 30 days from 2026-02-02: Wednesday 2026-03-04, passed on 2026-03-10.
    const overdue = await t.admin.get(`/api/v1/complaints/${id}`).expect(200);
    expect(overdue.body).toMatchObject({ resolveDueOn: '2026-03-04', overdue: true });
    const listed = await t.admin.get(`/api/v1/projects/${project.id}/complaints?overdue=true`).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([id]);

    await t.admin
      .post(`/api/v1/complaints/${id}/extend`)
      .send({ newResolveDueOn: '2026-03-20', legalBasis: 'Luật Khiếu nại 2011, Điều 28', reason: 'Vụ việc phức tạp' })
      .expect(200);
    const extended = await t.admin.get(`/api/v1/complaints/${id}`).expect(200);
    expect(extended.body).toMatchObject({ resolveDueOn: '2026-03-20', overdue: false });
    await t.admin
      .get(`/api/v1/projects/${project.id}/complaints?overdue=true`)
      .expect(200)
      .expect(({ body }) => expect(body.total).toBe(0));

    t.clock.advanceDays(11);
    await t.admin
      .get(`/api/v1/projects/${project.id}/complaints?overdue=true`)
      .expect(200)
      .expect(({ body }) => expect(body.items.map((c: { id: string }) => c.id)).toEqual([id]));
  });

  it('should list overdue complaints per project as the clock moves', async () => {
    const project = await makeProject(t.dataSource);
    const other = await makeProject(t.dataSource);
    const waiting = await receive((await household(project.id)).id, '2026-03-02');
    const acceptedInTime = await receive((await household(project.id)).id, '2026-03-02');
    await t.admin.post(`/api/v1/complaints/${acceptedInTime.id}/accept`).send({ acceptedOn: '2026-03-09' }).expect(200);
    await receive((await household(other.id)).id, '2026-03-02');

    const today = await t.admin.get(`/api/v1/projects/${project.id}/complaints?overdue=true`).expect(200);
    expect(today.body.total).toBe(0);

    // The acceptance deadline is Thursday 2026-03-12: overdue from Friday.
    t.clock.advanceDays(3);
    const later = await t.admin.get(`/api/v1/projects/${project.id}/complaints?overdue=true`).expect(200);
    expect(later.body).toMatchObject({
      total: 1,
      items: [{ id: waiting.id, overdue: true, runningDeadline: { kind: 'accept' } }],
    });
    const notOverdue = await t.admin.get(`/api/v1/projects/${project.id}/complaints?overdue=false`).expect(200);
    expect(notOverdue.body.items.map((c: { id: string }) => c.id)).toEqual([acceptedInTime.id]);
    const byStatus = await t.admin
      .get(`/api/v1/projects/${project.id}/complaints?status=accepted,resolved`)
      .expect(200);
    expect(byStatus.body.total).toBe(1);
  });

  it('should recompute an open complaint’s due date through the job when its rule changes', async () => {
    const h = await household();
    const { id } = await receive(h.id, '2026-03-02');
    const rules = await t.admin.get('/api/v1/deadline-rules').expect(200);
    const rule = rules.body.items.find((r: { code: string }) => r.code === 'complaint.accept');
    try {
      await t.admin
        .patch(`/api/v1/deadline-rules/${rule.id}`)
        .set('If-Match', `W/"${rule.version}"`)
        .send({ offsetDays: 15 })
        .expect(200);
      await t.jobs.idle();
      const moved = await t.admin.get(`/api/v1/complaints/${id}`).expect(200);
      expect(moved.body).toMatchObject({ acceptDueOn: '2026-03-17', version: 2 });
      expect(moved.body.history.at(-1)).toMatchObject({
        kind: 'recomputed',
        actor: 'system',
        previousDueOn: '2026-03-12',
        newDueOn: '2026-03-17',
      });

      // Handling the change again (as a new event) changes nothing: the recomputation is idempotent.
      const [changed] = await t.jobs.eventsFor('complaints.recompute-deadlines', 'deadline-rule.changed');
      await t.jobs.deliver('complaints.recompute-deadlines', { ...changed, id: randomUUID() });
      const again = await t.admin.get(`/api/v1/complaints/${id}`).expect(200);
      expect(again.body.version).toBe(2);
    } finally {
      await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ offsetDays: 10 }).expect(200);
      await t.jobs.idle();
    }
    const restored = await t.admin.get(`/api/v1/complaints/${id}`).expect(200);
    expect(restored.body.acceptDueOn).toBe('2026-03-12');
  });

  it('should keep an extension when the resolution rule changes', async () => {
    const h = await household();
    const { id } = await receive(h.id, '2026-03-02');
    await t.admin.post(`/api/v1/complaints/${id}/accept`).send({ acceptedOn: '2026-03-05' }).expect(200);
    await t.admin
      .post(`/api/v1/complaints/${id}/extend`)
      .send({ newResolveDueOn: '2026-05-05', legalBasis: 'Luật Khiếu nại 2011, Điều 28', reason: 'Phức tạp' })
      .expect(200);
    const rules = await t.admin.get('/api/v1/deadline-rules').expect(200);
    const rule = rules.body.items.find((r: { code: string }) => r.code === 'complaint.resolve');
    try {
      await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ offsetDays: 20 }).expect(200);
      await t.jobs.idle();
      const kept = await t.admin.get(`/api/v1/complaints/${id}`).expect(200);
      expect(kept.body).toMatchObject({ resolveDueOn: '2026-05-05', resolveDueSource: 'extension' });
    } finally {
      await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ offsetDays: 30 }).expect(200);
      await t.jobs.idle();
    }
  });

  it('should answer 404 for complaints outside the caller’s wards, as if they did not exist', async () => {
    const mine = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const theirs = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
    const ownProject = await makeProject(t.dataSource, { unitIds: [mine.id] });
    const foreignProject = await makeProject(t.dataSource, { unitIds: [theirs.id] });
    const officer = await t.as('officer', [mine.id], 'Lê Văn Cường');
    const foreignHousehold = await household(foreignProject.id);
    const foreign = await receive(foreignHousehold.id);

    await officer.api.get(`/api/v1/complaints/${foreign.id}`).expect(404);
    await officer.api.post(`/api/v1/complaints/${foreign.id}/accept`).send({ acceptedOn: '2026-03-05' }).expect(404);
    await officer.api.get(`/api/v1/households/${foreignHousehold.id}/complaints`).expect(404);
    await officer.api.get(`/api/v1/projects/${foreignProject.id}/complaints`).expect(404);
    await officer.api
      .post(`/api/v1/households/${foreignHousehold.id}/complaints`)
      .send({ receivedOn: '2026-03-02', summary: 'Khiếu nại', complainant: 'Trần Thị Bình' })
      .expect(404);

    const own = await officer.api
      .post(`/api/v1/households/${(await household(ownProject.id)).id}/complaints`)
      .send({ receivedOn: '2026-03-02', summary: 'Khiếu nại', complainant: 'Phạm Thị Dung' })
      .expect(201);
    await officer.api.get(`/api/v1/complaints/${own.body.id}`).expect(200);
    await officer.api.get(`/api/v1/complaints/${MISSING}`).expect(404);

    const supervisor = await t.as('supervisor', [mine.id]);
    await supervisor.api.get(`/api/v1/complaints/${own.body.id}`).expect(200);
    await supervisor.api.post(`/api/v1/complaints/${own.body.id}/withdraw`).send({ reason: 'Rút đơn' }).expect(403);
  });

  it.each([
    ['no summary', { receivedOn: '2026-03-02', complainant: 'An' }, 'summary'],
    ['an impossible date', { receivedOn: '2026-02-30', summary: 'Khiếu nại', complainant: 'An' }, 'receivedOn'],
    ['a date in the future', { receivedOn: '2026-03-11', summary: 'Khiếu nại', complainant: 'An' }, 'receivedOn'],
    [
      'a non-boolean flag',
      { receivedOn: '2026-03-02', summary: 'Khiếu nại', complainant: 'An', complex: 'có' },
      'complex',
    ],
  ])('should answer 400 for %s and record nothing', async (_case, body, field) => {
    const h = await household();
    const response = await t.admin.post(`/api/v1/households/${h.id}/complaints`).send(body).expect(400);
    expect(Object.keys(response.body.details.fields)).toContain(field);
    const list = await t.admin.get(`/api/v1/households/${h.id}/complaints`).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('should answer 400 for bad ids, steps without their fields and bad filters', async () => {
    const h = await household();
    const { id } = await receive(h.id);
    await t.admin.get('/api/v1/complaints/not-a-uuid').expect(400);
    await t.admin.post(`/api/v1/complaints/${id}/accept`).send({}).expect(400);
    await t.admin.post(`/api/v1/complaints/${id}/escalate`).send({ to: 'Chủ tịch UBND phường' }).expect(400);
    await t.admin.post(`/api/v1/complaints/${id}/reject`).send({ decidedOn: '2026-13-01', reason: 'x' }).expect(400);
    await t.admin.get(`/api/v1/projects/${h.projectId}/complaints?overdue=maybe`).expect(400);
    await t.admin.get(`/api/v1/projects/${h.projectId}/complaints?status=closed`).expect(400);
    await t.admin.get(`/api/v1/projects/${MISSING}/complaints`).expect(404);
    await t.admin
      .post(`/api/v1/households/${MISSING}/complaints`)
      .send({ receivedOn: '2026-03-02', summary: 'x', complainant: 'y' })
      .expect(404);
  });

  it('should remind the working group of a received complaint’s acceptance deadline', async () => {
    const h = await household();
    const received = await receive(h.id, '2026-03-02');
    await t.jobs.idle();
    const reminders = await t.dataSource.query<{ kind: string; dedupe_key: string; administrative_unit_id: string }[]>(
      `SELECT kind, dedupe_key, administrative_unit_id FROM reminders WHERE subject_id = $1 ORDER BY kind`,
      [received.id],
    );
    expect(reminders.map((r) => [r.kind, r.dedupe_key])).toEqual([
      ['complaint.deadline-approaching', `complaint-approaching:${received.id}:accept:2026-03-12`],
      ['complaint.overdue', `complaint-overdue:${received.id}:accept:2026-03-12`],
    ]);
    expect(reminders.every((r) => r.administrative_unit_id !== null)).toBe(true);
  });

  it('should list a project’s complaints due within some days, the overdue ones included', async () => {
    const project = await makeProject(t.dataSource);
    const soon = await receive((await makeHousehold(t.dataSource, project.id)).id, '2026-03-02');
    const later = await receive((await makeHousehold(t.dataSource, project.id)).id, '2026-03-09');
    expect(soon.acceptDueOn < later.acceptDueOn).toBe(true);
    const ids = async (query: string) =>
      (await t.admin.get(`/api/v1/projects/${project.id}/complaints?${query}`).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      );
    // Today is 10 March: the first is due on the 12th, the second a week later.
    expect(await ids('dueWithinDays=3')).toEqual([soon.id]);
    expect(await ids('dueWithinDays=30')).toEqual([soon.id, later.id]);
    expect(await ids('dueWithinDays=0')).toEqual([]);
    await t.admin.get(`/api/v1/projects/${project.id}/complaints?dueWithinDays=-1`).expect(400);
  });
});
