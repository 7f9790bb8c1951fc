import type { Household } from '../../src/modules/households/household.entity.js';
import { SyncController } from '../../src/modules/sync/sync.controller.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

// TEST_NOW is 2026-03-10 09:00 in Hanoi; the phone was offline the day before.
const visitAt = (minute: number) => new Date(Date.parse('2026-03-09T01:00:00Z') + minute * 60_000).toISOString();

describe(SyncController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should apply a 500-item batch item by item, refuse 3 bad ones, replay a duplicate, and change nothing when resent', async () => {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const project = await makeProject(t.dataSource, { unitIds: [unit.id] });
    const officer = await t.as('officer', [unit.id], 'Lê Văn Dũng');
    const households: Household[] = [];
    for (let i = 0; i < 50; i += 1) households.push(await makeHousehold(t.dataSource, project.id));
    const elsewhere = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);

    const visit = (minute: number) => ({
      visitedAt: visitAt(minute),
      officers: ['Lê Văn Dũng'],
      outcome: 'listened',
      notes: `Lần thăm thứ ${minute}: hộ nghe phổ biến phương án bồi thường`,
    });
    const items: Array<Record<string, unknown>> = Array.from({ length: 496 }, (_, i) => ({
      clientId: `phone-7-visit-${i}`,
      householdId: households[i % households.length].id,
      visit: visit(i),
    }));
    items.splice(100, 0, {
      clientId: 'phone-7-bad-outcome',
      householdId: households[0].id,
      visit: { ...visit(900), outcome: 'maybe' },
    });
    items.splice(200, 0, { clientId: 'phone-7-other-ward', householdId: elsewhere.id, visit: visit(901) });
    items.splice(300, 0, {
      clientId: 'phone-7-future',
      householdId: households[1].id,
      visit: { ...visit(902), visitedAt: '2026-04-01T08:00:00+07:00' },
    });
    items.push({ ...items[10] });
    expect(items).toHaveLength(500);

    const first = await officer.api.post('/api/v1/sync/visits').send({ items }).expect(200);
    expect(first.body.counts).toEqual({ created: 496, replayed: 1, rejected: 3 });
    expect(first.body.results).toHaveLength(500);
    expect(first.body.results.map((r: { index: number }) => r.index)).toEqual(items.map((_, i) => i));
    const rejected = first.body.results.filter((r: { outcome: string }) => r.outcome === 'rejected');
    expect(
      rejected.map((r: { clientId: string; error: { statusCode: number; code: string } }) => [
        r.clientId,
        r.error.statusCode,
        r.error.code,
      ]),
    ).toEqual([
      ['phone-7-bad-outcome', 400, 'VALIDATION_FAILED'],
      ['phone-7-other-ward', 404, 'HOUSEHOLD_NOT_FOUND'],
      ['phone-7-future', 422, 'VISIT_IN_FUTURE'],
    ]);
    expect(Object.keys(rejected[0].error.details.fields)).toEqual(['visit.outcome']);
    const duplicate = first.body.results[499];
    expect(duplicate).toMatchObject({ outcome: 'replayed', clientId: 'phone-7-visit-10' });
    expect(duplicate.visit.id).toBe(first.body.results[10].visit.id);

    const again = await officer.api.post('/api/v1/sync/visits').send({ items }).expect(200);
    expect(again.body.counts).toEqual({ created: 0, replayed: 497, rejected: 3 });
    expect(again.body.results[42].visit.id).toBe(first.body.results[42].visit.id);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM visits WHERE project_id = $1`, [
      project.id,
    ]);
    expect(count).toBe(496);
    // The latest visit of each household set its last contact, whatever order they came in.
    const [latest] = await t.dataSource.query(`SELECT last_contact_at FROM households WHERE id = $1`, [
      households[45].id,
    ]);
    expect(new Date(latest.last_contact_at).toISOString()).toBe(visitAt(495));
  }, 120_000);

  it('should refuse a client id reused for another visit, and an envelope that is not a batch', async () => {
    const unit = await makeUnit(t.dataSource);
    const project = await makeProject(t.dataSource, { unitIds: [unit.id] });
    const officer = await t.as('officer', [unit.id]);
    const household = await makeHousehold(t.dataSource, project.id);
    const item = {
      clientId: 'phone-1-visit-1',
      householdId: household.id,
      visit: { visitedAt: visitAt(0), officers: ['A'], outcome: 'absent' },
    };
    await officer.api
      .post('/api/v1/sync/visits')
      .send({ items: [item] })
      .expect(200);
    const reused = await officer.api
      .post('/api/v1/sync/visits')
      .send({
        items: [
          { ...item, visit: { ...item.visit, outcome: 'refused' } },
          { clientId: 7, householdId: 'x', visit: {} },
        ],
      })
      .expect(200);
    expect(
      reused.body.results.map((r: { outcome: string; error?: { code: string } }) => [r.outcome, r.error?.code]),
    ).toEqual([
      ['rejected', 'IDEMPOTENCY_KEY_REUSED'],
      ['rejected', 'VALIDATION_FAILED'],
    ]);
    expect(Object.keys(reused.body.results[1].error.details.fields).sort()).toEqual(
      expect.arrayContaining(['clientId', 'householdId', 'visit.outcome', 'visit.visitedAt']),
    );
    await officer.api.post('/api/v1/sync/visits').send({ items: [] }).expect(400);
    await officer.api
      .post('/api/v1/sync/visits')
      .send({ items: Array.from({ length: 501 }, () => item) })
      .expect(400);
    const supervisor = await t.as('supervisor', [unit.id]);
    await supervisor.api
      .post('/api/v1/sync/visits')
      .send({ items: [item] })
      .expect(403);
  });

  it('should apply offline consent moves with every check, answer a changed household as a conflict, and replay a resend', async () => {
    const unit = await makeUnit(t.dataSource);
    const project = await makeProject(t.dataSource, { unitIds: [unit.id] });
    const officer = await t.as('officer', [unit.id], 'Trần Thị Mai');
    const agreeing = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });
    const changed = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });
    const illegal = await makeHousehold(t.dataSource, project.id, { status: 'not_contacted' });
    // While the phone was offline, someone else moved this household.
    await officer.api
      .post(`/api/v1/households/${changed.id}/consent`)
      .send({ status: 'objecting', reason: 'Hộ phản đối đơn giá' })
      .expect(200);

    const items = [
      {
        clientId: 'move-1',
        householdId: agreeing.id,
        basedOnVersion: 1,
        move: { status: 'agreed', reason: 'Hộ đồng ý sau buổi vận động' },
      },
      {
        clientId: 'move-2',
        householdId: changed.id,
        basedOnVersion: 1,
        move: { status: 'agreed', reason: 'Hộ đồng ý' },
      },
      {
        clientId: 'move-3',
        householdId: illegal.id,
        basedOnVersion: 1,
        move: { status: 'handed_over', reason: 'Bàn giao', handedOverOn: '2026-03-09' },
      },
      { clientId: 'move-4', householdId: agreeing.id, move: { status: 'sideways' } },
    ];
    const first = await officer.api.post('/api/v1/sync/consent-moves').send({ items }).expect(200);
    expect(first.body.counts).toEqual({ moved: 1, replayed: 0, conflict: 1, rejected: 2 });
    expect(first.body.results[0]).toMatchObject({
      outcome: 'moved',
      household: { id: agreeing.id, status: 'agreed', version: 2 },
    });
    expect(first.body.results[1]).toMatchObject({
      outcome: 'conflict',
      household: { id: changed.id, status: 'objecting', version: 2 },
      error: { statusCode: 409, code: 'STALE_VERSION' },
    });
    expect(first.body.results[2]).toMatchObject({
      outcome: 'rejected',
      error: { statusCode: 422, code: 'CONSENT_TRANSITION_NOT_ALLOWED' },
    });
    expect(first.body.results[3].error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(first.body.results[3].error.details.fields)).toEqual(
      expect.arrayContaining(['basedOnVersion', 'move.status', 'move.reason']),
    );

    const again = await officer.api.post('/api/v1/sync/consent-moves').send({ items }).expect(200);
    expect(again.body.counts).toEqual({ moved: 0, replayed: 1, conflict: 1, rejected: 2 });
    expect(again.body.results[0]).toMatchObject({ outcome: 'replayed', household: { status: 'agreed', version: 2 } });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM consent_transitions WHERE household_id = ANY($1::uuid[])`,
      [[agreeing.id, changed.id, illegal.id]],
    );
    expect(count).toBe(2);
    const [{ version }] = await t.dataSource.query(`SELECT version FROM households WHERE id = $1`, [changed.id]);
    expect(version).toBe(2);
  });
});
