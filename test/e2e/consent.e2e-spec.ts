import { HouseholdsController } from '../../src/modules/households/households.controller.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { type Agent, createTestApp, type TestApp, type TestUser } from '../utils/create-test-app.js';

describe(`${HouseholdsController.name} consent`, () => {
  let t: TestApp;
  let mai: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    mai = await t.as('admin', [], 'Trần Thị Mai');
  });

  afterAll(async () => {
    await t.close();
  });

  const move = (id: string, body: Record<string, unknown>, as: Agent = t.admin) =>
    as.post(`/api/v1/households/${id}/consent`).send(body);

  it('should walk a household from persuasion to hand-over and keep every step in the history', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, { status: 'persuading' });

    const conditional = await move(
      household.id,
      {
        status: 'conditional',
        reason: 'Hộ cam kết bàn giao khi có nhà tái định cư',
        condition: 'resettlement_housing',
        conditionNote: 'Căn hộ 2 phòng ngủ tại khu TĐC',
        evidence: [{ kind: 'minutes', reference: 'BB-2023-117' }],
      },
      mai.api,
    ).expect(200);
    expect(conditional.body).toMatchObject({ status: 'conditional', condition: 'resettlement_housing', version: 2 });
    expect(conditional.headers.etag).toBe('W/"2"');

    await move(household.id, { status: 'agreed', reason: 'Đã bố trí căn hộ tái định cư' }).expect(200);
    const handedOver = await move(household.id, {
      status: 'handed_over',
      reason: 'Bàn giao mặt bằng',
      handedOverOn: '2026-03-09',
    }).expect(200);
    expect(handedOver.body).toMatchObject({
      status: 'handed_over',
      handoverMode: 'voluntary',
      handedOverOn: '2026-03-09',
      condition: null,
    });

    const history = await t.admin.get(`/api/v1/households/${household.id}/consent-history`).expect(200);
    expect(history.body.items.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'persuading>conditional',
      'conditional>agreed',
      'agreed>handed_over',
    ]);
    expect(history.body.items[0]).toMatchObject({
      reason: 'Hộ cam kết bàn giao khi có nhà tái định cư',
      actor: 'Trần Thị Mai',
      actorId: mai.id,
      condition: 'resettlement_housing',
      evidence: [{ kind: 'minutes', reference: 'BB-2023-117' }],
      at: t.clock.now().toISOString(),
    });
  });

  it('should refuse an illegal move with 422 and the statuses allowed from here', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    const response = await move(household.id, { status: 'agreed', reason: 'Nhảy cóc' }).expect(422);
    expect(response.body).toMatchObject({
      code: 'CONSENT_TRANSITION_NOT_ALLOWED',
      details: { from: 'not_contacted', to: 'agreed', allowed: ['persuading'] },
    });
    const history = await t.admin.get(`/api/v1/households/${household.id}/consent-history`).expect(200);
    expect(history.body.items).toEqual([]);
  });

  it('should allow a withdrawal of consent with its reason', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, { status: 'agreed' });
    await move(household.id, { status: 'objecting', reason: 'Hộ rút lại đồng ý do tranh chấp thừa kế' }).expect(200);
    const history = await t.admin.get(`/api/v1/households/${household.id}/consent-history`).expect(200);
    expect(history.body.items[0]).toMatchObject({
      from: 'agreed',
      to: 'objecting',
      reason: 'Hộ rút lại đồng ý do tranh chấp thừa kế',
    });
  });

  it('should refuse enforcement until its legal preconditions can be recorded', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, { status: 'objecting' });
    const response = await move(household.id, { status: 'enforcement_pending', reason: 'Cưỡng chế' }).expect(422);
    expect(response.body.code).toBe('ENFORCEMENT_PRECONDITIONS_MISSING');
  });

  it.each([
    ['no reason', { status: 'persuading' }, 'reason'],
    ['an empty reason', { status: 'persuading', reason: '   ' }, 'reason'],
    ['an unknown status', { status: 'happy', reason: 'x' }, 'status'],
    ['an unknown field', { status: 'persuading', reason: 'x', by: 'me' }, 'by'],
    ['a malformed date', { status: 'handed_over', reason: 'x', handedOverOn: '09/03/2026' }, 'handedOverOn'],
    [
      'a malformed evidence item',
      { status: 'persuading', reason: 'x', evidence: [{ kind: 'photo' }] },
      'evidence.0.reference',
    ],
  ])('should answer 400 for %s', async (_label, body, field) => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    const response = await move(household.id, body).expect(400);
    expect(response.body.details.fields[field]).toBeDefined();
  });

  it('should require a condition for conditional consent and a date for hand-over', async () => {
    const persuading = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, {
      status: 'persuading',
    });
    const noCondition = await move(persuading.id, { status: 'conditional', reason: 'x' }).expect(422);
    expect(noCondition.body.code).toBe('CONSENT_CONDITION_REQUIRED');
    const agreed = await makeHousehold(t.dataSource, persuading.projectId, { status: 'agreed' });
    expect((await move(agreed.id, { status: 'handed_over', reason: 'x' }).expect(422)).body.code).toBe(
      'HANDOVER_DATE_REQUIRED',
    );
    const future = await move(agreed.id, { status: 'handed_over', reason: 'x', handedOverOn: '2026-03-11' }).expect(
      422,
    );
    expect(future.body.code).toBe('HANDOVER_DATE_IN_FUTURE');
  });

  it('should refuse a move based on a stale version or a status that has changed', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, { status: 'persuading' });
    await move(household.id, { status: 'objecting', reason: 'x' }).set('If-Match', 'W/"1"').expect(200);
    await move(household.id, { status: 'agreed', reason: 'y' }).set('If-Match', 'W/"1"').expect(412);
    const changed = await move(household.id, { status: 'agreed', reason: 'y', from: 'persuading' }).expect(409);
    expect(changed.body).toMatchObject({ code: 'CONSENT_STATUS_CHANGED', details: { currentStatus: 'objecting' } });
  });

  it('should let only one of two concurrent moves from the same status succeed', async () => {
    const ward = await makeUnit(t.dataSource);
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource, { unitIds: [ward.id] })).id, {
      status: 'persuading',
    });
    const officerA = await t.as('officer', [ward.id], 'Cán bộ A');
    const officerB = await t.as('officer', [ward.id], 'Cán bộ B');
    const results = await Promise.all([
      move(household.id, { status: 'agreed', reason: 'Cán bộ A', from: 'persuading' }, officerA.api),
      move(household.id, { status: 'objecting', reason: 'Cán bộ B', from: 'persuading' }, officerB.api),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = await t.admin.get(`/api/v1/households/${household.id}/consent-history`).expect(200);
    expect(history.body.items).toHaveLength(1);
    const read = await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
    expect(read.body.status).toBe(history.body.items[0].to);
  });

  it('should refuse moving an archived household', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id, {
      status: 'persuading',
      archivedAt: new Date(),
      archiveReason: 'x',
    });
    expect((await move(household.id, { status: 'agreed', reason: 'x' }).expect(422)).body.code).toBe(
      'HOUSEHOLD_ARCHIVED',
    );
  });

  it('should answer 404 for an unknown household', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await move(missing, { status: 'persuading', reason: 'x' }).expect(404);
    await t.admin.get(`/api/v1/households/${missing}/consent-history`).expect(404);
  });
});
