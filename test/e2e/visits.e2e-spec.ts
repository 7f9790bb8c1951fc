import { VisitsController } from '../../src/modules/visits/visits.controller.js';
import { Visit } from '../../src/modules/visits/visit.entity.js';
import { makeHousehold, makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

describe(VisitsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const visit = (overrides: Record<string, unknown> = {}) => ({
    visitedAt: '2026-03-09T15:30:00+07:00',
    officers: ['Trần Thị Mai', 'Lê Văn Dũng'],
    outcome: 'listened',
    notes: 'Hộ lắng nghe, đề nghị xem lại đơn giá bồi thường.',
    nextFollowUpOn: '2026-03-16',
    ...overrides,
  });
  const newHousehold = async () => makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
  const countVisits = (householdId: string) => t.dataSource.getRepository(Visit).countBy({ householdId });

  it('should log the first visit, start persuasion and record it as a transition', async () => {
    const household = await newHousehold();
    const mai = await t.as('admin', [], 'Trần Thị Mai');
    const created = await mai.api.post(`/api/v1/households/${household.id}/visits`).send(visit()).expect(201);
    expect(created.body).toMatchObject({
      householdId: household.id,
      projectId: household.projectId,
      visitedAt: '2026-03-09T08:30:00.000Z',
      officers: ['Trần Thị Mai', 'Lê Văn Dũng'],
      outcome: 'listened',
      nextFollowUpOn: '2026-03-16',
      createdBy: 'Trần Thị Mai',
      createdById: mai.id,
    });

    const read = await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
    expect(read.body).toMatchObject({
      status: 'persuading',
      lastContactAt: '2026-03-09T08:30:00.000Z',
      nextFollowUpOn: '2026-03-16',
      version: 2,
    });
    const history = await t.admin.get(`/api/v1/households/${household.id}/consent-history`).expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        from: 'not_contacted',
        to: 'persuading',
        visitId: created.body.id,
        actor: 'Trần Thị Mai',
        actorId: mai.id,
      }),
    ]);
  });

  it('should not change the status on later visits', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, { status: 'objecting' });
    await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .send(visit({ outcome: 'refused' }))
      .expect(201);
    const read = await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
    expect(read.body.status).toBe('objecting');
    const history = await t.admin.get(`/api/v1/households/${household.id}/consent-history`).expect(200);
    expect(history.body.items).toEqual([]);
  });

  it('should return the original visit on a retry with the same Idempotency-Key and create nothing', async () => {
    const household = await newHousehold();
    const first = await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .set('Idempotency-Key', 'phone-7f3a-0001')
      .send(visit())
      .expect(201);
    const retry = await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .set('Idempotency-Key', 'phone-7f3a-0001')
      .send(visit())
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await countVisits(household.id)).toBe(1);
    const read = await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
    expect(read.body.version).toBe(2);
  });

  it('should create one visit from concurrent retries of one key', async () => {
    const household = await newHousehold();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.admin.post(`/api/v1/households/${household.id}/visits`).set('Idempotency-Key', 'burst-1').send(visit()),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await countVisits(household.id)).toBe(1);
    const history = await t.admin.get(`/api/v1/households/${household.id}/consent-history`).expect(200);
    expect(history.body.items).toHaveLength(1);
  });

  it('should refuse the same key with a different body', async () => {
    const household = await newHousehold();
    await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .set('Idempotency-Key', 'k-2')
      .send(visit())
      .expect(201);
    const reused = await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .set('Idempotency-Key', 'k-2')
      .send(visit({ outcome: 'agreed' }))
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countVisits(household.id)).toBe(1);
  });

  it('should create separate visits without a key', async () => {
    const household = await newHousehold();
    await t.admin.post(`/api/v1/households/${household.id}/visits`).send(visit()).expect(201);
    await t.admin.post(`/api/v1/households/${household.id}/visits`).send(visit()).expect(201);
    expect(await countVisits(household.id)).toBe(2);
  });

  it('should keep the latest contact when an older visit syncs late', async () => {
    const household = await newHousehold();
    await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .send(visit({ visitedAt: '2026-03-09T10:00:00+07:00', nextFollowUpOn: '2026-03-20' }))
      .expect(201);
    await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .send(visit({ visitedAt: '2026-03-02T10:00:00+07:00', nextFollowUpOn: '2026-03-05' }))
      .expect(201);
    const read = await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
    expect(read.body).toMatchObject({ lastContactAt: '2026-03-09T03:00:00.000Z', nextFollowUpOn: '2026-03-20' });

    const list = await t.admin.get(`/api/v1/households/${household.id}/visits`).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((v: { visitedAt: string }) => v.visitedAt)).toEqual([
      '2026-03-09T03:00:00.000Z',
      '2026-03-02T03:00:00.000Z',
    ]);
  });

  it.each([
    ['no officers', { officers: [] }, 'officerIds'],
    ['an officer id that is not a uuid', { officerIds: ['Trần Thị Mai'] }, 'officerIds'],
    ['an unknown outcome', { outcome: 'happy' }, 'outcome'],
    ['a time without a zone', { visitedAt: '2026-03-09T15:30:00' }, 'visitedAt'],
    ['an impossible follow-up date', { nextFollowUpOn: '2026-02-30' }, 'nextFollowUpOn'],
    ['a follow-up before the visit', { nextFollowUpOn: '2026-03-01' }, 'nextFollowUpOn'],
    ['an unknown field', { mood: 'ok' }, 'mood'],
  ])('should answer 400 for %s and write nothing', async (_label, overrides, field) => {
    const household = await newHousehold();
    const response = await t.admin.post(`/api/v1/households/${household.id}/visits`).send(visit(overrides)).expect(400);
    expect(response.body.details.fields[field]).toBeDefined();
    expect(await countVisits(household.id)).toBe(0);
  });

  it('should refuse a visit in the future and a malformed idempotency key', async () => {
    const household = await newHousehold();
    const future = await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .send(visit({ visitedAt: '2026-03-11T09:00:00+07:00', nextFollowUpOn: undefined }))
      .expect(422);
    expect(future.body.code).toBe('VISIT_IN_FUTURE');
    await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .set('Idempotency-Key', 'x'.repeat(201))
      .send(visit())
      .expect(400);
    expect(await countVisits(household.id)).toBe(0);
  });

  it('should refuse a visit to an archived household and answer 404 for an unknown one', async () => {
    const archived = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, {
      archivedAt: new Date(),
      archiveReason: 'x',
    });
    await t.admin.post(`/api/v1/households/${archived.id}/visits`).send(visit()).expect(422);
    const missing = '00000000-0000-4000-8000-000000000000';
    await t.admin.post(`/api/v1/households/${missing}/visits`).send(visit()).expect(404);
    await t.admin.get(`/api/v1/households/${missing}/visits`).expect(404);
  });
});
