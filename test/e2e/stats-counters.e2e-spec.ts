import type { Actor } from '../../src/common/request-context.js';
import { addDays, HOUR_MS } from '../../src/common/time/civil-date.js';
import { HouseholdsService } from '../../src/modules/households/households.service.js';
import { StatsCounters } from '../../src/modules/stats/stats-counters.service.js';
import { VisitsService } from '../../src/modules/visits/visits.service.js';
import { PAST_FOLLOW_UPS } from '../../src/modules/stats/domain/counter-reconciliation.js';
import { makeDialogueSession } from '../factories/dialogue-factories.js';
import { makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { aggregatedFigures, countedFigures, expectCountersRight } from '../utils/stats-recount.js';

const REASON = 'Ghi nhận sau buổi làm việc với hộ';

/**
 * Every change the API makes to what the statistics count (households with their parcels and area,
 * consent moves on every route, visits and their follow-ups, archiving) and time passing: after
 * each step the counters equal a recount. Each block has an app (and database) of its own, because
 * the reconciliation, like time, only goes forward.
 */
describe(StatsCounters.name, () => {
  let t: TestApp;

  afterEach(async () => {
    await t.close();
  });

  const today = () => t.clock.today();
  const hoursAgo = (hours: number) => new Date(t.clock.now().getTime() - hours * HOUR_MS).toISOString();

  async function household(projectId: string, body: Record<string, unknown>): Promise<{ id: string }> {
    return (
      await t.admin
        .post(`/api/v1/projects/${projectId}/households`)
        .send({ headName: 'Nguyễn Văn An', ...body })
        .expect(201)
    ).body as { id: string };
  }

  const change = async (id: string, body: Record<string, unknown>) =>
    t.admin.patch(`/api/v1/households/${id}`).send(body).expect(200);

  const move = async (id: string, status: string, extra: Record<string, unknown> = {}) =>
    t.admin
      .post(`/api/v1/households/${id}/consent`)
      .send({ status, reason: REASON, ...extra })
      .expect(200);

  async function visit(id: string, visitedAt: string, nextFollowUpOn?: string): Promise<{ id: string }> {
    const officers = ['Trần Thị Mai'];
    const body = { visitedAt, officers, outcome: 'listened', ...(nextFollowUpOn ? { nextFollowUpOn } : {}) };
    return (await t.admin.post(`/api/v1/households/${id}/visits`).send(body).expect(201)).body as { id: string };
  }

  it('should equal a recount after every change to households, consent and visits, as time passes', async () => {
    t = await createTestApp({ worker: true });
    const project = await makeProject(t.dataSource);
    const check = () => expectCountersRight(t, [project.id]);
    const parcel = (parcelNumber: string, areaM2: number) => ({ mapSheet: '12', parcelNumber, areaM2, landUse: 'ODT' });

    // Created with parcels, with a declared area, with neither.
    const a = await household(project.id, { code: 'A', parcels: [parcel('101', 120.5), parcel('102', 80.25)] });
    const b = await household(project.id, { code: 'B', landAreaM2: 1_500 });
    const c = await household(project.id, { code: 'C', landAreaM2: 300.1 });
    const d = await household(project.id, { code: 'D' });
    const e = await household(project.id, { code: 'E', parcels: [parcel('201', 45)] });
    await check();

    // Parcels replaced, parcels removed for a declared area, a declared area changed, a name changed.
    await change(a.id, { parcels: [parcel('101', 99.99)] });
    await change(e.id, { parcels: [], landAreaM2: 10 });
    await change(b.id, { landAreaM2: 1_450.75 });
    await change(d.id, { headName: 'Nguyễn Văn Đông' });
    await check();

    // First visits start the persuasion and plan follow-ups.
    for (const h of [a, b, c, d, e]) await visit(h.id, hoursAgo(48), addDays(today(), 2));
    await check();

    // Consent moves, forward and back.
    await move(a.id, 'agreed');
    await move(b.id, 'objecting');
    await move(c.id, 'conditional', { condition: 'compensation_review' });
    await move(c.id, 'agreed');
    await move(c.id, 'handed_over', { handedOverOn: today() });
    await move(d.id, 'agreed');
    await move(d.id, 'objecting');
    await check();

    // A visit moves a follow-up, one clears it, one synced late (older than the last contact) changes none.
    await visit(b.id, hoursAgo(3), addDays(today(), 1));
    await visit(d.id, hoursAgo(2));
    await visit(e.id, hoursAgo(24 * 10), addDays(today(), 20));
    await check();

    // Archived and restored (with a new area on the way back), one left archived.
    await change(e.id, { archived: true, archiveReason: 'Trùng hồ sơ' });
    await check();
    await change(e.id, { archived: false, landAreaM2: 12.5 });
    await change(d.id, { archived: true, archiveReason: 'Hộ đã chuyển đi' });
    await check();

    // Time passes: follow-ups fall overdue, then the visits leave the 30-day window.
    t.clock.advanceDays(3);
    const overdue = await check();
    expect(
      countedFigures((await t.admin.get(`/api/v1/projects/${project.id}/stats`)).body).followUps.overdue,
    ).toBeGreaterThan(0);
    expect(overdue.foldedFollowUps).toBeGreaterThan(0);

    // An overdue household visited after its past follow-up was folded away: it moves out of the past row.
    await visit(b.id, hoursAgo(1), addDays(today(), 7));
    await move(e.id, 'objecting');
    await check();

    t.clock.advanceDays(40);
    const later = await check();
    expect(later.droppedVisitBuckets).toBeGreaterThan(0);
    expect((await aggregatedFigures(t, project.id)).visits).toEqual({ total: 9, last30Days: 0 });
    // The rows an overdue count reads stay few: every follow-up is past now, at most one row per
    // status (a status whose households all moved on keeps its row, at zero).
    const past = await t.dataSource.query<Array<{ status: string; on: string }>>(
      `SELECT status, follow_up_on::text AS on FROM stats_follow_up_counters
        WHERE project_id = $1 AND follow_up_on < $2 AND households <> 0 ORDER BY status`,
      [project.id, today()],
    );
    expect(past).toEqual(['agreed', 'handed_over', 'objecting'].map((status) => ({ status, on: PAST_FOLLOW_UPS })));
  });

  it('should equal a recount through enforcement (both ways out) and a resettlement offer', async () => {
    t = await createTestApp({ worker: true });
    const ward = await makeUnit(t.dataSource);
    const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
    const check = () => expectCountersRight(t, [project.id]);

    async function holdout(code: string) {
      const h = await household(project.id, { code, landAreaM2: 2_000 });
      const wardVisit = await visit(h.id, '2026-03-02T02:00:00Z');
      const frontVisit = await visit(h.id, '2026-03-03T02:00:00Z', '2026-03-09');
      await move(h.id, 'objecting');
      const dialogue = await makeDialogueSession(t.dataSource, project.id, { status: 'held', householdIds: [h.id] });
      const record = await t.admin
        .post(`/api/v1/households/${h.id}/enforcement`)
        .send({
          decisionNo: '125/QĐ-UBND',
          decisionIssuedOn: '2026-03-02',
          decisionPostedOn: '2026-03-03',
          delivery: 'refused',
          deliveredOn: '2026-03-04',
          deliveryNote: 'Hộ từ chối nhận quyết định; có tổ trưởng tổ dân phố chứng kiến',
          attestations: [
            { visitId: wardVisit.id, by: 'ward' },
            { visitId: frontVisit.id, by: 'fatherland_front' },
          ],
          dialogueSessionId: dialogue.id,
        });
      expect(record.body).toMatchObject({ status: 'ready' });
      await t.admin
        .post(`/api/v1/enforcement/${record.body.id}/schedule`)
        .send({ scheduledAt: '2026-03-24T08:00:00+07:00' })
        .expect(200);
      return { household: h, recordId: record.body.id as string };
    }

    const complies = await holdout('CC-1');
    const enforced = await holdout('CC-2');
    await check();
    await t.admin
      .post(`/api/v1/enforcement/${complies.recordId}/comply`)
      .send({ compliedOn: '2026-03-10', outcome: 'Hộ ký cam kết tự bàn giao' })
      .expect(200);
    await check();

    // Waiting for a resettlement flat, offered one, accepting it.
    const waiting = await household(project.id, { code: 'TDC-1', landAreaM2: 75 });
    await visit(waiting.id, hoursAgo(5));
    await move(waiting.id, 'conditional', { condition: 'resettlement_housing' });
    const fund = await t.admin
      .post('/api/v1/resettlement-funds')
      .send({ name: 'Quỹ nhà Đông Ngạc', site: 'Tòa CT2', administrativeUnitId: ward.id, projectIds: [project.id] })
      .expect(201);
    await t.admin
      .post(`/api/v1/resettlement-funds/${fund.body.id}/units`)
      .send({ units: [{ code: 'CT2-0801', kind: 'apartment', areaM2: 55.5 }] })
      .expect(202);
    await t.jobs.idle();
    const offers = await t.admin.get('/api/v1/resettlement-offers').query({ fundId: fund.body.id }).expect(200);
    await t.admin.post(`/api/v1/resettlement-offers/${offers.body.items[0].id}/accept`).send({}).expect(200);
    await t.jobs.idle();
    await check();

    t.clock.set(new Date('2026-03-24T09:00:00Z'));
    await t.admin
      .post(`/api/v1/enforcement/${enforced.recordId}/execute`)
      .send({ handedOverOn: '2026-03-24', outcome: 'Đã cưỡng chế, lập biên bản bàn giao' })
      .expect(200);
    await t.jobs.idle();
    const stats = (await t.admin.get(`/api/v1/projects/${project.id}/stats`).expect(200)).body;
    expect(stats.households.byStatus).toMatchObject({ agreed: 2, handed_over: 1, enforcement_pending: 0 });
    expect(stats.area).toMatchObject({ handedOverM2: 2_000, consentedM2: 4_075 });
    await check();
  });

  it('should stay exact under parallel moves and visits on households of one project', async () => {
    t = await createTestApp({ worker: true });
    const project = await makeProject(t.dataSource);
    const households = await Promise.all(
      Array.from({ length: 40 }, (_, i) => household(project.id, { code: `P-${i}`, landAreaM2: 100 + i })),
    );
    // First visits at once: each takes its household, then the visit and the status counters.
    await Promise.all(households.map((h, i) => visit(h.id, hoursAgo(1 + (i % 5)), addDays(today(), i % 4))));
    await expectCountersRight(t, [project.id]);

    const first = ['agreed', 'objecting', 'conditional', 'agreed'] as const;
    const extra = (status: string) => (status === 'conditional' ? { condition: 'land_valuation' } : {});
    await Promise.all(households.map((h, i) => move(h.id, first[i % 4], extra(first[i % 4]))));
    // Crossing moves: agreed → objecting while objecting → agreed, on the same counter rows in both orders.
    const second = (i: number) =>
      ({ agreed: 'objecting', objecting: 'agreed', conditional: 'persuading' })[first[i % 4]];
    await Promise.all(
      households.map(async (h, i) => {
        await move(h.id, second(i));
        if (i % 3 === 0) await visit(h.id, hoursAgo(0.5), addDays(today(), 1));
      }),
    );

    const stats = (await t.admin.get(`/api/v1/projects/${project.id}/stats`).expect(200)).body;
    expect(stats.households.byStatus).toMatchObject({ objecting: 20, agreed: 10, persuading: 10 });
    expect(stats.visits.total).toBe(54);
    await expectCountersRight(t, [project.id]);
  });

  it('should keep a change and its counters in one transaction: a change rolled back counts nothing', async () => {
    t = await createTestApp({ worker: true });
    const project = await makeProject(t.dataSource);
    const h = await household(project.id, { code: 'R-1', landAreaM2: 50 });
    await visit(h.id, hoursAgo(1), today());
    const before = countedFigures((await t.admin.get(`/api/v1/projects/${project.id}/stats`).expect(200)).body);

    const households = t.app.get(HouseholdsService);
    const visits = t.app.get(VisitsService);
    const actor: Actor = { type: 'user', id: t.adminUser.id, name: t.adminUser.fullName };
    const failed = t.tx.run(async () => {
      await households.transition(h.id, { status: 'agreed', reason: REASON }, actor, undefined);
      await visits.record(h.id, { visitedAt: hoursAgo(0.1), officers: ['Trần Thị Mai'], outcome: 'agreed' }, actor);
      throw new Error('the rest of the use case failed');
    });
    await expect(failed).rejects.toThrow('the rest of the use case failed');

    expect(countedFigures((await t.admin.get(`/api/v1/projects/${project.id}/stats`).expect(200)).body)).toEqual(
      before,
    );
    await expectCountersRight(t, [project.id]);
  });
});
