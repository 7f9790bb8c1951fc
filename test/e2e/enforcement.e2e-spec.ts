import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DialoguesService } from '../../src/modules/dialogues/dialogues.service.js';
import { EnforcementController } from '../../src/modules/enforcement/enforcement.controller.js';
import type { Household } from '../../src/modules/households/household.entity.js';
import { makeDialogueSession } from '../factories/dialogue-factories.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { makeVisit } from '../factories/visit-factories.js';
import { type Agent, createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

/** Today in these tests is Tuesday 2026-03-10, 09:00 in Hanoi. */
describe(EnforcementController.name, () => {
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

  /** An objecting household of a project in `unitId`, with the persuasion the law asks for on file. */
  async function holdout(unitId?: string) {
    const project = await makeProject(t.dataSource, unitId ? { unitIds: [unitId] } : {});
    const household = await makeHousehold(t.dataSource, project.id, {
      status: 'objecting',
      headName: 'Lê Văn Cường',
      address: 'Ngõ 12 Thụy Khuê, phường Tây Hồ',
    });
    const wardVisit = await makeVisit(t.dataSource, household, {
      officers: ['Nguyễn Thị Hoa (tổ công tác phường)'],
      outcome: 'refused',
    });
    const frontVisit = await makeVisit(t.dataSource, household, {
      visitedAt: new Date('2026-03-03T02:00:00Z'),
      officers: ['Phạm Văn Đức (Mặt trận Tổ quốc phường)'],
      outcome: 'refused',
    });
    const dialogue = await makeDialogueSession(t.dataSource, project.id, {
      status: 'held',
      householdIds: [household.id],
    });
    return { project, household, wardVisit, frontVisit, dialogue };
  }

  type Holdout = Awaited<ReturnType<typeof holdout>>;

  const DECISION = { decisionNo: '125/QĐ-UBND', decisionIssuedOn: '2026-03-02' };

  const completeFile = (h: Holdout) => ({
    decisionPostedOn: '2026-03-03',
    delivery: 'refused',
    deliveredOn: '2026-03-04',
    deliveryNote: 'Hộ từ chối nhận quyết định; có sự chứng kiến của tổ trưởng tổ dân phố số 9',
    attestations: [
      { visitId: h.wardVisit.id, by: 'ward' },
      { visitId: h.frontVisit.id, by: 'fatherland_front' },
    ],
    dialogueSessionId: h.dialogue.id,
  });

  /** A record with the whole file, ready to be scheduled. */
  async function readyRecord(h: Holdout, as: Agent = t.admin): Promise<{ id: string; version: number }> {
    const created = await as
      .post(`/api/v1/households/${h.household.id}/enforcement`)
      .send({ ...DECISION, ...completeFile(h) })
      .expect(201);
    expect(created.body.status).toBe('ready');
    return created.body as { id: string; version: number };
  }

  const schedule = (id: string, scheduledAt: string, as: Agent = t.admin) =>
    as.post(`/api/v1/enforcement/${id}/schedule`).send({ scheduledAt });

  const householdOf = async (h: { household: Household }) =>
    (await t.admin.get(`/api/v1/households/${h.household.id}`).expect(200)).body as { status: string };

  it('should take an objecting household through a lawful enforcement to compliance', async () => {
    const h = await holdout();

    const created = await t.admin.post(`/api/v1/households/${h.household.id}/enforcement`).send(DECISION).expect(201);
    expect(created.body).toMatchObject({
      householdId: h.household.id,
      projectId: h.project.id,
      decisionNo: '125/QĐ-UBND',
      status: 'draft',
      missingPreconditions: [
        'ward_persuasion',
        'fatherland_front_persuasion',
        'dialogue_session_held',
        'decision_posted',
        'decision_delivered',
      ],
      version: 1,
    });
    expect(created.headers.etag).toBe('W/"1"');
    const id = created.body.id as string;

    const filed = await t.admin
      .patch(`/api/v1/enforcement/${id}`)
      .set('If-Match', created.headers.etag)
      .send(completeFile(h))
      .expect(200);
    expect(filed.body).toMatchObject({
      status: 'ready',
      missingPreconditions: [],
      delivery: 'refused',
      deliveredOn: '2026-03-04',
      version: 2,
      attestations: [
        { visitId: h.wardVisit.id, by: 'ward', officers: ['Nguyễn Thị Hoa (tổ công tác phường)'] },
        { visitId: h.frontVisit.id, by: 'fatherland_front', officers: ['Phạm Văn Đức (Mặt trận Tổ quốc phường)'] },
      ],
    });

    const atNight = await schedule(id, '2026-03-24T22:30:00+07:00').expect(422);
    expect(atNight.body).toMatchObject({
      code: 'ENFORCEMENT_TIME_FORBIDDEN',
      details: { reasons: ['night'], legalBasis: 'LL2024 art. 89' },
    });
    expect(atNight.body.message).toContain('22:30 local time is between 22:00 and 06:00');

    const onHoliday = await schedule(id, '2026-04-30T08:00:00+07:00').expect(422);
    expect(onHoliday.body).toMatchObject({
      code: 'ENFORCEMENT_TIME_FORBIDDEN',
      details: { reasons: ['public_holiday'] },
    });
    expect(onHoliday.body.message).toContain('2026-04-30 is a public holiday');

    const nearTet = await schedule(id, '2027-01-22T08:00:00+07:00').expect(422);
    expect(nearTet.body).toMatchObject({ code: 'ENFORCEMENT_TIME_FORBIDDEN', details: { reasons: ['tet_period'] } });
    expect(nearTet.body.message).toContain('2027-01-22 is 15 days before Tết (2027-02-06)');

    expect((await householdOf(h)).status).toBe('objecting');

    const scheduled = await schedule(id, '2026-03-24T08:00:00+07:00').expect(200);
    expect(scheduled.body).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-03-24T01:00:00.000Z',
      version: 3,
    });
    expect(await householdOf(h)).toMatchObject({ status: 'enforcement_pending' });
    const history = await t.admin.get(`/api/v1/households/${h.household.id}/consent-history`).expect(200);
    const pending = history.body.items.at(-1);
    expect(pending).toMatchObject({ from: 'objecting', to: 'enforcement_pending', actor: 'Quản trị viên' });
    expect(pending.reason).toContain('Quyết định số 125/QĐ-UBND ngày 02/03/2026');
    expect(pending.reason).toContain('08:00 ngày 24/03/2026');
    expect(pending.evidence).toEqual(
      expect.arrayContaining([
        { kind: 'decision', reference: '125/QĐ-UBND' },
        expect.objectContaining({ kind: 'visit', reference: h.frontVisit.id }),
        { kind: 'dialogue_session', reference: h.dialogue.id },
      ]),
    );

    const complied = await t.admin
      .post(`/api/v1/enforcement/${id}/comply`)
      .set('If-Match', scheduled.headers.etag)
      .send({ compliedOn: '2026-03-10', outcome: 'Hộ ký cam kết tự tháo dỡ và bàn giao mặt bằng' })
      .expect(200);
    expect(complied.body).toMatchObject({
      status: 'complied',
      compliedOn: '2026-03-10',
      handoverDueOn: '2026-04-09',
      version: 4,
    });
    expect(complied.body.handoverDueBasis).toContain('89');
    expect(await householdOf(h)).toMatchObject({ status: 'agreed' });
    const after = await t.admin.get(`/api/v1/households/${h.household.id}/consent-history`).expect(200);
    expect(after.body.items.at(-1)).toMatchObject({ from: 'enforcement_pending', to: 'agreed' });
    expect(after.body.items.at(-1).reason).toContain('chậm nhất ngày 09/04/2026');

    const listed = await t.admin.get(`/api/v1/households/${h.household.id}/enforcement`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, status: 'complied' })]);
  });

  it('should close a record in preparation once the household agrees through the consent route', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    await t.admin
      .post(`/api/v1/households/${h.household.id}/consent`)
      .send({ status: 'agreed', reason: 'Hộ đồng ý phương án bồi thường sau đối thoại' })
      .expect(200);
    await t.jobs.idle();
    const after = await t.admin.get(`/api/v1/enforcement/${record.id}`).expect(200);
    expect(after.body).toMatchObject({ status: 'cancelled', cancelReason: expect.stringContaining('agreed') });
    // Handling the move again (as a new event) changes nothing.
    const [moved] = await t.jobs.eventsFor('enforcement.close-drafts-on-consent', 'household.consent-changed');
    await t.jobs.deliver('enforcement.close-drafts-on-consent', { ...moved, id: randomUUID() });
    const again = await t.admin.get(`/api/v1/enforcement/${record.id}`).expect(200);
    expect(again.body.version).toBe(after.body.version);
  });

  it('should refuse to schedule without documented persuasion, listing what is missing', async () => {
    const h = await holdout();
    const created = await t.admin
      .post(`/api/v1/households/${h.household.id}/enforcement`)
      .send({
        ...DECISION,
        decisionPostedOn: '2026-03-03',
        delivery: 'delivered',
        deliveredOn: '2026-03-03',
        attestations: [{ visitId: h.frontVisit.id, by: 'fatherland_front' }],
      })
      .expect(201);
    expect(created.body.status).toBe('draft');

    const refused = await schedule(created.body.id as string, '2026-03-24T08:00:00+07:00').expect(422);
    expect(refused.body).toMatchObject({
      code: 'ENFORCEMENT_PRECONDITIONS_MISSING',
      details: { missing: ['ward_persuasion', 'dialogue_session_held'] },
    });
    expect(await householdOf(h)).toMatchObject({ status: 'objecting' });
    const history = await t.admin.get(`/api/v1/households/${h.household.id}/consent-history`).expect(200);
    expect(history.body.items).toEqual([]);
  });

  it('should still refuse the public consent route a move to enforcement_pending', async () => {
    const h = await holdout();
    await readyRecord(h);
    const response = await t.admin
      .post(`/api/v1/households/${h.household.id}/consent`)
      .send({ status: 'enforcement_pending', reason: 'Cưỡng chế' })
      .expect(422);
    expect(response.body.code).toBe('ENFORCEMENT_PRECONDITIONS_MISSING');
  });

  it('should execute a scheduled enforcement and hand the site over as enforced', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    await schedule(record.id, '2026-03-24T08:00:00+07:00').expect(200);

    const early = await t.admin
      .post(`/api/v1/enforcement/${record.id}/execute`)
      .send({ handedOverOn: '2026-03-10' })
      .expect(400);
    expect(early.body.details.fields.handedOverOn).toEqual(['handedOverOn must not be before 2026-03-24']);

    t.clock.set(new Date('2026-03-24T09:00:00Z'));
    const executed = await t.admin
      .post(`/api/v1/enforcement/${record.id}/execute`)
      .send({ handedOverOn: '2026-03-24', outcome: 'Đã cưỡng chế, lập biên bản bàn giao mặt bằng' })
      .expect(200);
    expect(executed.body).toMatchObject({ status: 'executed', handedOverOn: '2026-03-24' });
    expect(await householdOf(h)).toMatchObject({
      status: 'handed_over',
      handoverMode: 'enforced',
      handedOverOn: '2026-03-24',
    });

    const again = await t.admin
      .post(`/api/v1/enforcement/${record.id}/comply`)
      .send({ compliedOn: '2026-03-24' })
      .expect(422);
    expect(again.body.code).toBe('ENFORCEMENT_NOT_SCHEDULED');
  });

  it('should allow a reschedule without a second consent move, and no edits once scheduled', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    await schedule(record.id, '2026-03-24T08:00:00+07:00').expect(200);
    const moved = await schedule(record.id, '2026-03-25T14:00:00+07:00').expect(200);
    expect(moved.body).toMatchObject({ status: 'scheduled', scheduledAt: '2026-03-25T07:00:00.000Z' });
    const history = await t.admin.get(`/api/v1/households/${h.household.id}/consent-history`).expect(200);
    expect(history.body.items.filter((i: { to: string }) => i.to === 'enforcement_pending')).toHaveLength(1);

    const edit = await t.admin.patch(`/api/v1/enforcement/${record.id}`).send({ persuasionNote: 'x' }).expect(422);
    expect(edit.body.code).toBe('ENFORCEMENT_RECORD_CLOSED');
    const cancel = await t.admin.post(`/api/v1/enforcement/${record.id}/cancel`).send({ reason: 'x' }).expect(422);
    expect(cancel.body.code).toBe('ENFORCEMENT_RECORD_CLOSED');
  });

  it('should move the household once when two schedules race', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    const responses = await Promise.all([
      schedule(record.id, '2026-03-24T08:00:00+07:00'),
      schedule(record.id, '2026-03-25T08:00:00+07:00'),
    ]);
    // The loser either finds the record changed under it (409) or, arriving later, reschedules (200).
    expect(responses.map((r) => r.status)).toContain(200);
    for (const response of responses) expect([200, 409]).toContain(response.status);
    const history = await t.admin.get(`/api/v1/households/${h.household.id}/consent-history`).expect(200);
    expect(history.body.items.map((i: { to: string }) => i.to)).toEqual(['enforcement_pending']);
  });

  it('should refuse a schedule in the past', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    const response = await schedule(record.id, '2026-03-09T08:00:00+07:00').expect(422);
    expect(response.body.code).toBe('ENFORCEMENT_SCHEDULE_IN_PAST');
  });

  it('should refuse a year whose Tết the holiday calendar does not know', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    const response = await schedule(record.id, '2100-06-01T08:00:00+07:00').expect(422);
    expect(response.body).toMatchObject({
      code: 'ENFORCEMENT_TIME_FORBIDDEN',
      details: { reasons: ['tet_unknown'] },
    });
    // A year outside those the product keeps is a malformed value, not a question for the calendar.
    const far = await schedule(record.id, '9999-12-31T08:00:00+07:00').expect(400);
    expect(Object.keys(far.body.details.fields)).toEqual(['scheduledAt']);
  });

  it('should keep one open record per household, and let a cancelled one be replaced', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    const duplicate = await t.admin.post(`/api/v1/households/${h.household.id}/enforcement`).send(DECISION).expect(409);
    expect(duplicate.body.code).toBe('ENFORCEMENT_RECORD_OPEN');

    const cancelled = await t.admin
      .post(`/api/v1/enforcement/${record.id}/cancel`)
      .send({ reason: 'Quyết định bị thu hồi để ban hành lại' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', missingPreconditions: [] });
    await t.admin.post(`/api/v1/households/${h.household.id}/enforcement`).send(DECISION).expect(201);
  });

  it('should refuse a record for a household that does not object', async () => {
    const project = await makeProject(t.dataSource);
    const household = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });
    const response = await t.admin.post(`/api/v1/households/${household.id}/enforcement`).send(DECISION).expect(422);
    expect(response.body).toMatchObject({ code: 'HOUSEHOLD_NOT_OBJECTING', details: { status: 'persuading' } });
  });

  it('should refuse a stale If-Match with 412', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    const response = await t.admin
      .patch(`/api/v1/enforcement/${record.id}`)
      .set('If-Match', 'W/"7"')
      .send({ persuasionNote: 'Đã vận động 6 lần từ năm 2022' })
      .expect(412);
    expect(response.body.code).toBe('STALE_VERSION');
  });

  it('should answer 404 for records and households outside the caller’s wards', async () => {
    const [mine, theirs] = [await makeUnit(t.dataSource), await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' })];
    const chair = await t.as('chair', [mine.id], 'Chủ tịch UBND phường Tây Hồ');
    const h = await holdout(theirs.id);
    const record = await readyRecord(h);

    await chair.api.get(`/api/v1/enforcement/${record.id}`).expect(404);
    await chair.api.patch(`/api/v1/enforcement/${record.id}`).send({ persuasionNote: 'x' }).expect(404);
    const scheduled = await schedule(record.id, '2026-03-24T08:00:00+07:00', chair.api).expect(404);
    expect(scheduled.body.code).toBe('ENFORCEMENT_RECORD_NOT_FOUND');
    await chair.api.post(`/api/v1/enforcement/${record.id}/cancel`).send({ reason: 'x' }).expect(404);
    await chair.api.get(`/api/v1/households/${h.household.id}/enforcement`).expect(404);
    await chair.api.post(`/api/v1/households/${h.household.id}/enforcement`).send(DECISION).expect(404);

    const own = await holdout(mine.id);
    const ownRecord = await readyRecord(own, chair.api);
    await chair.api.get(`/api/v1/enforcement/${ownRecord.id}`).expect(200);

    const supervisor = await t.as('supervisor', [mine.id], 'Mặt trận Tổ quốc phường');
    await supervisor.api.get(`/api/v1/enforcement/${ownRecord.id}`).expect(200);
    await schedule(ownRecord.id, '2026-03-24T08:00:00+07:00', supervisor.api).expect(403);
  });

  it('should answer 400 with field messages for bad input, and write nothing', async () => {
    const h = await holdout();
    const other = await holdout();
    const url = `/api/v1/households/${h.household.id}/enforcement`;

    const badDate = await t.admin.post(url).send({ decisionNo: '', decisionIssuedOn: '2026-02-30' }).expect(400);
    expect(Object.keys(badDate.body.details.fields).sort()).toEqual(['decisionIssuedOn', 'decisionNo']);

    const future = await t.admin
      .post(url)
      .send({ ...DECISION, decisionPostedOn: '2026-03-01' })
      .expect(400);
    expect(future.body.details.fields.decisionPostedOn).toEqual([
      'decisionPostedOn must not be before the decision was issued (2026-03-02)',
    ]);

    const unwitnessed = await t.admin
      .post(url)
      .send({ ...DECISION, delivery: 'refused', deliveredOn: '2026-03-04' })
      .expect(400);
    expect(Object.keys(unwitnessed.body.details.fields)).toEqual(['deliveryNote']);

    const foreign = await t.admin
      .post(url)
      .send({
        ...DECISION,
        attestations: [{ visitId: other.wardVisit.id, by: 'ward' }],
        dialogueSessionId: other.dialogue.id,
      })
      .expect(400);
    expect(foreign.body.details.fields).toEqual({
      'attestations.0.visitId': [`visit ${other.wardVisit.id} is not a visit of this household`],
      dialogueSessionId: [`dialogue session ${other.dialogue.id} does not exist`],
    });

    const uninvited = await makeDialogueSession(t.dataSource, h.project.id, { status: 'held' });
    const notInvited = await t.admin
      .post(url)
      .send({ ...DECISION, dialogueSessionId: uninvited.id })
      .expect(400);
    expect(notInvited.body.details.fields.dialogueSessionId).toEqual([
      `dialogue session ${uninvited.id} did not invite this household`,
    ]);

    const scheduledSession = await makeDialogueSession(t.dataSource, h.project.id, { householdIds: [h.household.id] });
    const notHeld = await t.admin
      .post(url)
      .send({ ...DECISION, dialogueSessionId: scheduledSession.id })
      .expect(400);
    expect(notHeld.body.details.fields.dialogueSessionId).toEqual([
      `dialogue session ${scheduledSession.id} has not been held`,
    ]);

    const badBody = await t.admin
      .post(url)
      .send({ ...DECISION, attestations: [{ visitId: 'nope', by: 'police' }] })
      .expect(400);
    expect(Object.keys(badBody.body.details.fields).sort()).toEqual(['attestations.0.by', 'attestations.0.visitId']);

    const listed = await t.admin.get(url).expect(200);
    expect(listed.body.items).toEqual([]);

    const record = await readyRecord(h);
    const noZone = await schedule(record.id, '2026-03-24T08:00:00').expect(400);
    expect(Object.keys(noZone.body.details.fields)).toEqual(['scheduledAt']);
    await t.admin
      .post(`/api/v1/enforcement/not-a-uuid/schedule`)
      .send({ scheduledAt: '2026-03-24T08:00:00+07:00' })
      .expect(400);
    await t.admin.post(`/api/v1/enforcement/${record.id}/comply`).send({ compliedOn: 'hôm nay' }).expect(400);
    await t.admin.patch(`/api/v1/enforcement/${record.id}`).send({ decisionNo: null }).expect(400);
    expect(await householdOf(h)).toMatchObject({ status: 'objecting' });
  });

  it('should answer a dialogue session of another ward exactly like one that does not exist', async () => {
    const [mine, theirs] = [await makeUnit(t.dataSource), await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' })];
    const chair = await t.as('chair', [mine.id], 'Chủ tịch UBND phường Tây Hồ');
    const own = await holdout(mine.id);
    const foreign = await holdout(theirs.id);
    const url = `/api/v1/households/${own.household.id}/enforcement`;
    const draft = await chair.api.post(url).send(DECISION).expect(201);

    /** The response with the session id named in it and the request id left out. */
    const seen = async (send: (sessionId: string) => Promise<{ status: number; body: Record<string, unknown> }>) => {
      const answers = [];
      for (const sessionId of [foreign.dialogue.id, randomUUID()]) {
        const { status, body } = await send(sessionId);
        const { requestId: _requestId, ...rest } = body;
        answers.push({ status, body: JSON.parse(JSON.stringify(rest).replaceAll(sessionId, '<session>')) as unknown });
      }
      return answers;
    };

    const created = await seen((dialogueSessionId) => chair.api.post(url).send({ ...DECISION, dialogueSessionId }));
    expect(created[0]).toEqual(created[1]);
    expect(created[0].status).toBe(400);
    const patched = await seen((dialogueSessionId) =>
      chair.api.patch(`/api/v1/enforcement/${draft.body.id}`).send({ dialogueSessionId }),
    );
    expect(patched[0]).toEqual(patched[1]);
    expect(patched[0].status).toBe(400);
  });

  it('should check that the household objects under its lock, so a concurrent consent move is not overtaken', async () => {
    const h = await holdout();
    const url = `/api/v1/households/${h.household.id}/enforcement`;
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      await runner.query('SELECT id FROM households WHERE id = $1 FOR UPDATE', [h.household.id]);

      const creating = t.admin
        .post(url)
        .send(DECISION)
        .then((response) => response);
      // Wait until the request is blocked behind the lock held here, then move the household on.
      for (let blocked = false; !blocked; await sleep(20)) {
        const [{ count }] = await t.dataSource.query<{ count: number }[]>(
          'SELECT count(*)::int AS count FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
          [pid],
        );
        blocked = count > 0;
      }
      await runner.query(`UPDATE households SET status = 'agreed' WHERE id = $1`, [h.household.id]);
      await runner.commitTransaction();

      const response = await creating;
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'HOUSEHOLD_NOT_OBJECTING', details: { status: 'agreed' } });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const listed = await t.admin.get(url).expect(200);
    expect(listed.body.items).toEqual([]);
  });

  it('should read each dialogue session once when listing a household’s records', async () => {
    const h = await holdout();
    const url = `/api/v1/households/${h.household.id}/enforcement`;
    for (const decisionNo of ['120/QĐ-UBND', '121/QĐ-UBND', '122/QĐ-UBND']) {
      const created = await t.admin
        .post(url)
        .send({ ...DECISION, decisionNo, dialogueSessionId: h.dialogue.id })
        .expect(201);
      await t.admin.post(`/api/v1/enforcement/${created.body.id}/cancel`).send({ reason: 'Ban hành lại' }).expect(200);
    }
    await t.admin
      .post(url)
      .send({ ...DECISION, dialogueSessionId: h.dialogue.id })
      .expect(201);

    const reads = jest.spyOn(t.app.get(DialoguesService), 'get');
    try {
      const listed = await t.admin.get(url).expect(200);
      expect(listed.body.items).toHaveLength(4);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  describe('racing a consent move (lock order: household, then its records)', () => {
    const LAWFUL = '2026-03-17T09:00:00+07:00';

    it('should let a schedule and a consent move of one household both finish, one of them refused cleanly', async () => {
      for (let round = 0; round < 8; round++) {
        const h = await holdout();
        const record = await readyRecord(h);
        const [scheduled, moved] = await Promise.all([
          schedule(record.id, LAWFUL),
          t.admin
            .post(`/api/v1/households/${h.household.id}/consent`)
            .send({ status: 'agreed', reason: 'Hộ đồng ý phương án bồi thường' }),
        ]);
        // Whichever locks the household first wins; the other sees its result and is refused cleanly.
        const after = await householdOf(h);
        if (scheduled.status === 200) {
          expect(after.status).toBe('enforcement_pending');
          expect(moved.status).toBe(422);
          expect(moved.body.code).toBe('ENFORCEMENT_IN_PROGRESS');
        } else {
          expect(after.status).toBe('agreed');
          expect(moved.status).toBe(200);
          expect(scheduled.status).toBe(409);
          expect(scheduled.body).toMatchObject({
            code: 'CONSENT_STATUS_CHANGED',
            details: { expectedStatus: 'objecting', currentStatus: 'agreed' },
          });
        }
      }
      await t.jobs.idle();
    });

    it('should let the drafts closing after a consent move race further edits of the record without a deadlock', async () => {
      const h = await holdout();
      const record = await readyRecord(h);
      const responses = await Promise.all([
        t.admin
          .post(`/api/v1/households/${h.household.id}/consent`)
          .send({ status: 'conditional', condition: 'compensation_review', reason: 'Chờ xem xét lại giá bồi thường' }),
        ...Array.from({ length: 4 }, (_, i) =>
          t.admin.patch(`/api/v1/enforcement/${record.id}`).send({ persuasionNote: `Ghi chú ${i}` }),
        ),
      ]);
      for (const response of responses) expect([200, 409, 422]).toContain(response.status);
      await t.jobs.idle();
      const after = await t.admin.get(`/api/v1/enforcement/${record.id}`).expect(200);
      expect(after.body.status).toBe('cancelled');
    });
  });

  it('should stop preparing enforcement against a household once it is archived', async () => {
    const h = await holdout();
    const record = await readyRecord(h);
    await t.admin
      .patch(`/api/v1/households/${h.household.id}`)
      .send({ archived: true, archiveReason: 'Hộ đã chuyển đi, hồ sơ trùng với hộ khác' })
      .expect(200);
    await t.jobs.idle();
    const after = await t.admin.get(`/api/v1/enforcement/${record.id}`).expect(200);
    expect(after.body).toMatchObject({ status: 'cancelled', cancelReason: expect.stringContaining('lưu trữ') });
  });

  it('should list a project’s records in preparation, and others by status', async () => {
    const h = await holdout();
    const created = await t.admin.post(`/api/v1/households/${h.household.id}/enforcement`).send(DECISION).expect(201);
    const listed = await t.admin.get(`/api/v1/projects/${h.project.id}/enforcement`).expect(200);
    expect(listed.body).toMatchObject({ projectId: h.project.id });
    expect(listed.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [created.body.id, 'draft'],
    ]);
    expect(listed.body.items[0].missingPreconditions.length).toBeGreaterThan(0);
    const done = await t.admin.get(`/api/v1/projects/${h.project.id}/enforcement?status=executed,complied`).expect(200);
    expect(done.body.items).toEqual([]);
    await t.admin.get(`/api/v1/projects/${h.project.id}/enforcement?status=finished`).expect(400);
  });
});
