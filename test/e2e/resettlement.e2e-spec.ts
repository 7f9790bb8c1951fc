import type { Household } from '../../src/modules/households/household.entity.js';
import { ResettlementModule } from '../../src/modules/resettlement/resettlement.module.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { type Agent, createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY_MS = 86_400_000;

interface OfferBody {
  id: string;
  unitCode: string;
  householdCode: string;
  householdId: string;
  status: string;
  expiresAt: string;
  closedAt: string | null;
}

/**
 * The Thụy Khuê holdouts: by the end of 2023, 8 households had committed to hand over once
 * resettlement housing exists. Two are vulnerable; the rest committed at different times.
 * Expected waiting-list order: TK-02, TK-04 (vulnerable), then TK-03, TK-01, TK-05, TK-06, TK-07, TK-08.
 */
const HOLDOUTS: Array<{ code: string; headName: string; vulnerable: boolean; committedOn: string }> = [
  { code: 'TK-01', headName: 'Nguyễn Văn Hùng', vulnerable: false, committedOn: '2023-03-01' },
  { code: 'TK-02', headName: 'Trần Thị Lan', vulnerable: true, committedOn: '2023-09-01' },
  { code: 'TK-03', headName: 'Lê Văn Dũng', vulnerable: false, committedOn: '2023-01-10' },
  { code: 'TK-04', headName: 'Phạm Thị Hoa', vulnerable: true, committedOn: '2023-11-20' },
  { code: 'TK-05', headName: 'Hoàng Văn Nam', vulnerable: false, committedOn: '2023-05-05' },
  { code: 'TK-06', headName: 'Vũ Thị Mai', vulnerable: false, committedOn: '2023-06-15' },
  { code: 'TK-07', headName: 'Đặng Văn Long', vulnerable: false, committedOn: '2023-08-08' },
  { code: 'TK-08', headName: 'Bùi Thị Thu', vulnerable: false, committedOn: '2023-12-01' },
];
const WAITING_ORDER = ['TK-02', 'TK-04', 'TK-03', 'TK-01', 'TK-05', 'TK-06', 'TK-07', 'TK-08'];
const UNIT_CODES = ['CT2-0801', 'CT2-0802', 'CT2-0803', 'CT2-0804', 'CT2-0805'];

describe(ResettlementModule.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    t.clock.set(TEST_NOW);
  });

  /** A ward, the Thụy Khuê canal project in it, its holdouts waiting for housing, and other households. */
  async function thuyKhue() {
    const ward = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
    const project = await makeProject(t.dataSource, {
      unitIds: [ward.id],
      name: 'Cải tạo vệ sinh mương thoát nước Thụy Khuê',
    });
    const holdouts = new Map<string, Household>();
    for (const h of HOLDOUTS) {
      holdouts.set(
        h.code,
        await makeHousehold(t.dataSource, project.id, {
          code: h.code,
          headName: h.headName,
          vulnerable: h.vulnerable,
          needsResettlement: true,
          status: 'conditional',
          consentCondition: 'resettlement_housing',
          statusChangedAt: new Date(`${h.committedOn}T03:00:00Z`),
        }),
      );
    }
    // Not on the waiting list: consented already, objecting, or waiting for something else.
    await makeHousehold(t.dataSource, project.id, { code: 'TK-11', status: 'agreed' });
    await makeHousehold(t.dataSource, project.id, { code: 'TK-12', status: 'agreed' });
    await makeHousehold(t.dataSource, project.id, {
      code: 'TK-13',
      status: 'handed_over',
      handoverMode: 'voluntary',
      handedOverOn: '2023-06-01',
    });
    await makeHousehold(t.dataSource, project.id, {
      code: 'TK-14',
      status: 'handed_over',
      handoverMode: 'voluntary',
      handedOverOn: '2023-07-01',
    });
    await makeHousehold(t.dataSource, project.id, { code: 'TK-15', status: 'objecting' });
    await makeHousehold(t.dataSource, project.id, {
      code: 'TK-16',
      status: 'conditional',
      consentCondition: 'compensation_review',
      statusChangedAt: new Date('2022-01-01T00:00:00Z'),
    });
    return { ward, project, holdouts };
  }

  async function createFund(projectIds: string[], administrativeUnitId: string, as: Agent = t.admin) {
    const response = await as
      .post('/api/v1/resettlement-funds')
      .send({
        name: 'Quỹ nhà tái định cư Đông Ngạc',
        site: 'Tòa CT2, khu tái định cư Đông Ngạc, Hà Nội',
        administrativeUnitId,
        projectIds,
      })
      .expect(201);
    return response.body as { id: string; offerExpiryDays: number; version: number };
  }

  const addUnits = (fundId: string, codes: string[], as: Agent = t.admin) =>
    as.post(`/api/v1/resettlement-funds/${fundId}/units`).send({
      units: codes.map((code, i) => ({ code, kind: i % 2 ? 'land_plot' : 'apartment', areaM2: 55.5 + i })),
    });

  const offersOf = async (fundId: string, status?: string): Promise<OfferBody[]> =>
    (
      await t.admin
        .get('/api/v1/resettlement-offers')
        .query({ fundId, limit: 200, ...(status ? { status } : {}) })
        .expect(200)
    ).body.items;

  const pendingByUnit = async (fundId: string) =>
    Object.fromEntries((await offersOf(fundId, 'pending')).map((o) => [o.unitCode, o.householdCode]));

  const offerFor = async (fundId: string, householdCode: string, status = 'pending') => {
    const found = (await offersOf(fundId, status)).find((o) => o.householdCode === householdCode);
    if (!found) throw new Error(`no ${status} offer for ${householdCode}`);
    return found;
  };

  const consentRate = async (projectId: string): Promise<number> =>
    (await t.admin.get(`/api/v1/projects/${projectId}/stats`).expect(200)).body.consentRate;

  /** A project with `count` waiting households, a fund, and `units` units already offered. */
  async function fundWithOffers(count: number, units: number) {
    const ward = await makeUnit(t.dataSource);
    const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
    for (let i = 1; i <= count; i++) {
      await makeHousehold(t.dataSource, project.id, {
        code: `H-${i}`,
        status: 'conditional',
        consentCondition: 'resettlement_housing',
        statusChangedAt: new Date(`2023-0${i}-01T00:00:00Z`),
      });
    }
    const fund = await createFund([project.id], ward.id);
    await addUnits(
      fund.id,
      Array.from({ length: units }, (_, i) => `U-${i + 1}`),
    ).expect(202);
    await t.jobs.idle();
    return { ward, project, fund };
  }

  describe('the Thụy Khuê story', () => {
    it('should offer units in waiting-list order, and move households to agreed as they accept', async () => {
      const { ward, project, holdouts } = await thuyKhue();
      const chair = await t.as('chair', [ward.id], 'Nguyễn Thị Hằng');
      const fund = await createFund([project.id], ward.id, chair.api);
      expect(fund.offerExpiryDays).toBe(15);

      const waiting = await chair.api.get(`/api/v1/resettlement-funds/${fund.id}/waiting-list`).expect(200);
      expect(waiting.body.items.map((e: { code: string }) => e.code)).toEqual(WAITING_ORDER);
      expect(waiting.body).toMatchObject({ total: 8, fundId: fund.id });
      expect(waiting.body.items[0]).toMatchObject({ position: 1, vulnerable: true, pendingOfferId: null });

      // Five units arrive: accepted at once, offered in the background.
      const added = await addUnits(fund.id, UNIT_CODES, chair.api).expect(202);
      expect(added.body.units.map((u: { code: string; status: string }) => `${u.code}:${u.status}`)).toEqual(
        UNIT_CODES.map((code) => `${code}:available`),
      );
      await t.jobs.idle();

      expect(await pendingByUnit(fund.id)).toEqual({
        'CT2-0801': 'TK-02',
        'CT2-0802': 'TK-04',
        'CT2-0803': 'TK-03',
        'CT2-0804': 'TK-01',
        'CT2-0805': 'TK-05',
      });
      const firstOffers = await offersOf(fund.id);
      for (const offer of firstOffers) {
        expect(offer.expiresAt).toBe(new Date(TEST_NOW.getTime() + 15 * DAY_MS).toISOString());
      }
      const units = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/units`).expect(200);
      expect(units.body.items.map((u: { status: string }) => u.status)).toEqual(Array(5).fill('offered'));
      const reminders = await t.dataSource.query<{ kind: string; household_id: string }[]>(
        `SELECT kind, household_id FROM reminders WHERE subject_id = ANY($1::uuid[]) ORDER BY kind`,
        [firstOffers.map((o) => o.id)],
      );
      expect(reminders.filter((r) => r.kind === 'resettlement.offer-visit')).toHaveLength(5);
      expect(reminders.filter((r) => r.kind === 'resettlement.offer-expiry')).toHaveLength(5);

      // Three households accept: each is agreed, with the move in its history, and the unit is theirs.
      expect(await consentRate(project.id)).toBeCloseTo(4 / 14, 4);
      for (const code of ['TK-02', 'TK-04', 'TK-03']) {
        const offer = await offerFor(fund.id, code);
        const accepted = await chair.api
          .post(`/api/v1/resettlement-offers/${offer.id}/accept`)
          .send({ note: 'Hộ ký biên bản nhận nhà' })
          .expect(200);
        expect(accepted.body).toMatchObject({ status: 'accepted', note: 'Hộ ký biên bản nhận nhà' });
        const household = await t.admin.get(`/api/v1/households/${holdouts.get(code)?.id}`).expect(200);
        expect(household.body.status).toBe('agreed');
        const history = await t.admin.get(`/api/v1/households/${holdouts.get(code)?.id}/consent-history`).expect(200);
        expect(history.body.items).toHaveLength(1);
        expect(history.body.items[0]).toMatchObject({ from: 'conditional', to: 'agreed', actor: 'Nguyễn Thị Hằng' });
        expect(history.body.items[0].reason).toContain(offer.unitCode);
      }
      expect(await consentRate(project.id)).toBeCloseTo(7 / 14, 4);
      const allocated = await t.admin
        .get(`/api/v1/resettlement-funds/${fund.id}/units`)
        .query({ status: 'allocated' })
        .expect(200);
      expect(allocated.body.items.map((u: { code: string }) => u.code)).toEqual(['CT2-0801', 'CT2-0802', 'CT2-0803']);
      const afterAccepts = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/waiting-list`).expect(200);
      expect(afterAccepts.body.items.map((e: { code: string }) => e.code)).toEqual(WAITING_ORDER.slice(3));

      // Five days later TK-01 declines: its unit goes to the sixth household on the list.
      t.clock.advanceDays(5);
      const declined = await chair.api
        .post(`/api/v1/resettlement-offers/${(await offerFor(fund.id, 'TK-01')).id}/decline`)
        .send({ reason: 'Hộ không nhận căn tầng 8 vì có người già yếu' })
        .expect(200);
      expect(declined.body).toMatchObject({ status: 'declined', note: 'Hộ không nhận căn tầng 8 vì có người già yếu' });
      await t.jobs.idle();
      expect(await pendingByUnit(fund.id)).toEqual({ 'CT2-0804': 'TK-06', 'CT2-0805': 'TK-05' });
      expect((await offerFor(fund.id, 'TK-06')).expiresAt).toBe(
        new Date(TEST_NOW.getTime() + 20 * DAY_MS).toISOString(),
      );

      // Sixteen days after the first offers, TK-05 has not answered: its offer expires, and the unit
      // goes to the next household on the list that has not refused it. TK-01 declined another
      // unit, not this one, so it keeps its place ahead of TK-07.
      t.clock.set(new Date(TEST_NOW.getTime() + 16 * DAY_MS));
      await t.jobs.run('resettlement.expire-offers', {});
      await t.jobs.idle();
      expect((await offerFor(fund.id, 'TK-05', 'expired')).unitCode).toBe('CT2-0805');
      expect(await pendingByUnit(fund.id)).toEqual({ 'CT2-0804': 'TK-06', 'CT2-0805': 'TK-01' });
      const expiredReminders = await t.dataSource.query<{ status: string }[]>(
        `SELECT status FROM reminders WHERE subject_id = $1`,
        [(await offerFor(fund.id, 'TK-05', 'expired')).id],
      );
      expect(expiredReminders.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);

      // Running every job again changes nothing.
      await t.jobs.run('resettlement.offer-units', { fundId: fund.id });
      await t.jobs.run('resettlement.expire-offers', {});
      await t.jobs.idle();
      const all = await offersOf(fund.id);
      expect(all).toHaveLength(7);
      expect(all.map((o) => o.status).sort()).toEqual([
        'accepted',
        'accepted',
        'accepted',
        'declined',
        'expired',
        'pending',
        'pending',
      ]);
      expect(await consentRate(project.id)).toBeCloseTo(7 / 14, 4);
    });
  });

  describe('offers', () => {
    it('should leave a unit available when nobody is waiting, and offer it once a household waits', async () => {
      const { project, fund } = await fundWithOffers(0, 1);
      const units = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/units`).expect(200);
      expect(units.body.items).toMatchObject([{ code: 'U-1', status: 'available' }]);

      await makeHousehold(t.dataSource, project.id, {
        code: 'H-late',
        status: 'conditional',
        consentCondition: 'resettlement_housing',
      });
      await t.jobs.run('resettlement.offer-units', { fundId: fund.id });
      expect(await pendingByUnit(fund.id)).toEqual({ 'U-1': 'H-late' });
    });

    it('should refuse to accept an offer past its expiry, and let only the expiry job close it', async () => {
      const { fund } = await fundWithOffers(1, 1);
      const offer = await offerFor(fund.id, 'H-1');
      t.clock.advanceDays(15);
      const late = await t.admin.post(`/api/v1/resettlement-offers/${offer.id}/accept`).send({}).expect(422);
      expect(late.body.code).toBe('OFFER_EXPIRED');
      await t.admin.post(`/api/v1/resettlement-offers/${offer.id}/decline`).send({ reason: 'Quá hạn' }).expect(422);
      expect((await offerFor(fund.id, 'H-1')).status).toBe('pending');

      await t.jobs.run('resettlement.expire-offers', {});
      await t.jobs.idle();
      expect((await offerFor(fund.id, 'H-1', 'expired')).closedAt).toBe(t.clock.now().toISOString());
      const units = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/units`).expect(200);
      expect(units.body.items[0].status).toBe('available');
    });

    it('should withdraw the offer of a household that left the waiting list, and offer the unit to the next', async () => {
      const { fund } = await fundWithOffers(2, 1);
      const offer = await offerFor(fund.id, 'H-1');
      await t.admin
        .post(`/api/v1/households/${offer.householdId}/consent`)
        .send({ status: 'objecting', reason: 'Hộ rút lại cam kết, không chờ nhà tái định cư nữa' })
        .expect(200);

      await t.jobs.run('resettlement.expire-offers', {});
      await t.jobs.idle();

      expect((await offerFor(fund.id, 'H-1', 'withdrawn')).unitCode).toBe('U-1');
      expect(await pendingByUnit(fund.id)).toEqual({ 'U-1': 'H-2' });
    });

    it('should announce offers made and accepted to webhook subscribers', async () => {
      await t.dataSource.query(`UPDATE webhook_subscriptions SET active = false`);
      const subscription = await t.admin
        .post('/api/v1/webhooks')
        .send({
          url: 'https://tai-dinh-cu.example.vn/hooks',
          events: ['resettlement.offer_created', 'resettlement.offer_accepted'],
        })
        .expect(201);
      try {
        const { fund } = await fundWithOffers(1, 1);
        const offer = await offerFor(fund.id, 'H-1');
        await t.admin.post(`/api/v1/resettlement-offers/${offer.id}/accept`).send({}).expect(200);
        await t.jobs.idle();

        const deliveries = await t.dataSource.query<{ event: string; payload: Record<string, unknown> }[]>(
          `SELECT event, payload FROM webhook_deliveries WHERE subscription_id = $1 AND payload->>'offerId' = $2
           ORDER BY created_at, event DESC`,
          [subscription.body.id, offer.id],
        );
        expect(deliveries).toEqual([
          {
            event: 'resettlement.offer_created',
            payload: expect.objectContaining({
              fundId: fund.id,
              unitCode: 'U-1',
              householdCode: 'H-1',
              status: 'pending',
            }),
          },
          {
            event: 'resettlement.offer_accepted',
            payload: expect.objectContaining({ householdId: offer.householdId, status: 'accepted' }),
          },
        ]);
      } finally {
        await t.dataSource.query(`UPDATE webhook_subscriptions SET active = false WHERE id = $1`, [
          subscription.body.id,
        ]);
      }
    });

    it('should refuse to answer an offer twice', async () => {
      const { fund } = await fundWithOffers(1, 1);
      const offer = await offerFor(fund.id, 'H-1');
      await t.admin.post(`/api/v1/resettlement-offers/${offer.id}/accept`).send({}).expect(200);
      const again = await t.admin
        .post(`/api/v1/resettlement-offers/${offer.id}/decline`)
        .send({ reason: 'Đổi ý' })
        .expect(422);
      expect(again.body.code).toBe('OFFER_NOT_PENDING');
    });

    it('should refuse a stale If-Match on an answer', async () => {
      const { fund } = await fundWithOffers(1, 1);
      const offer = await offerFor(fund.id, 'H-1');
      await t.admin
        .post(`/api/v1/resettlement-offers/${offer.id}/accept`)
        .set('If-Match', 'W/"7"')
        .send({})
        .expect(412);
    });

    it('should change nothing when the household is no longer conditional at acceptance', async () => {
      const { fund } = await fundWithOffers(1, 1);
      const offer = await offerFor(fund.id, 'H-1');
      await t.admin
        .post(`/api/v1/households/${offer.householdId}/consent`)
        .send({ status: 'objecting', reason: 'Hộ rút lại cam kết' })
        .expect(200);

      await t.admin.post(`/api/v1/resettlement-offers/${offer.id}/accept`).send({}).expect(409);

      expect((await offerFor(fund.id, 'H-1')).status).toBe('pending');
      const units = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/units`).expect(200);
      expect(units.body.items[0].status).toBe('offered');
    });

    it('should never offer a declined unit to the same household again', async () => {
      const { fund } = await fundWithOffers(1, 1);
      const offer = await offerFor(fund.id, 'H-1');
      await t.admin
        .post(`/api/v1/resettlement-offers/${offer.id}/decline`)
        .send({ reason: 'Diện tích nhỏ' })
        .expect(200);
      await t.jobs.idle();
      await t.jobs.run('resettlement.offer-units', { fundId: fund.id });
      expect(await offersOf(fund.id, 'pending')).toEqual([]);
      const units = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/units`).expect(200);
      expect(units.body.items[0].status).toBe('available');
    });

    it('should validate answers and filters', async () => {
      const { fund } = await fundWithOffers(1, 1);
      const offer = await offerFor(fund.id, 'H-1');
      const noReason = await t.admin.post(`/api/v1/resettlement-offers/${offer.id}/decline`).send({}).expect(400);
      expect(noReason.body.details.fields).toHaveProperty('reason');
      const badStatus = await t.admin.get('/api/v1/resettlement-offers').query({ status: 'maybe' }).expect(400);
      expect(badStatus.body.details.fields).toHaveProperty('status');
      await t.admin.post('/api/v1/resettlement-offers/not-a-uuid/accept').send({}).expect(400);
      await t.admin.post(`/api/v1/resettlement-offers/${UNKNOWN_ID}/accept`).send({}).expect(404);
    });
  });

  describe('funds and units', () => {
    it('should validate a new fund', async () => {
      const ward = await makeUnit(t.dataSource);
      const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
      const empty = await t.admin.post('/api/v1/resettlement-funds').send({}).expect(400);
      expect(Object.keys(empty.body.details.fields)).toEqual(
        expect.arrayContaining(['name', 'site', 'administrativeUnitId', 'projectIds']),
      );
      const unknown = await t.admin
        .post('/api/v1/resettlement-funds')
        .send({ name: 'Quỹ', site: 'Khu A', administrativeUnitId: UNKNOWN_ID, projectIds: [project.id, UNKNOWN_ID] })
        .expect(400);
      expect(unknown.body.details.fields).toHaveProperty('administrativeUnitId');
      const noProject = await t.admin
        .post('/api/v1/resettlement-funds')
        .send({ name: 'Quỹ', site: 'Khu A', administrativeUnitId: ward.id, projectIds: [UNKNOWN_ID] })
        .expect(400);
      expect(noProject.body.details.fields.projectIds).toHaveLength(1);
      await t.admin
        .post('/api/v1/resettlement-funds')
        .send({
          name: 'Quỹ',
          site: 'Khu A',
          administrativeUnitId: ward.id,
          projectIds: [project.id],
          offerExpiryDays: 0,
        })
        .expect(400);
    });

    it('should refuse bad units with 400 and taken codes with 409, storing none of the batch', async () => {
      const { fund } = await fundWithOffers(0, 1);
      for (const units of [
        [],
        [{ code: 'X-1', kind: 'villa', areaM2: 50 }],
        [{ code: 'X-1', kind: 'apartment', areaM2: -5 }],
        [{ code: 'X-1', kind: 'apartment', areaM2: 50.123 }],
        [
          { code: 'X-1', kind: 'apartment', areaM2: 50 },
          { code: 'X-1', kind: 'apartment', areaM2: 60 },
        ],
      ]) {
        await t.admin.post(`/api/v1/resettlement-funds/${fund.id}/units`).send({ units }).expect(400);
      }
      const taken = await t.admin
        .post(`/api/v1/resettlement-funds/${fund.id}/units`)
        .send({
          units: [
            { code: 'X-2', kind: 'apartment', areaM2: 50 },
            { code: 'U-1', kind: 'apartment', areaM2: 50 },
          ],
        })
        .expect(409);
      expect(taken.body).toMatchObject({ code: 'RESETTLEMENT_UNIT_CODE_TAKEN', details: { codes: ['U-1'] } });
      const units = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/units`).expect(200);
      expect(units.body.items.map((u: { code: string }) => u.code)).toEqual(['U-1']);
    });

    it('should change a fund under optimistic concurrency, with new offers using the new expiry', async () => {
      const ward = await makeUnit(t.dataSource);
      const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
      await makeHousehold(t.dataSource, project.id, {
        code: 'H-1',
        status: 'conditional',
        consentCondition: 'resettlement_housing',
      });
      const fund = await createFund([project.id], ward.id);
      const patched = await t.admin
        .patch(`/api/v1/resettlement-funds/${fund.id}`)
        .set('If-Match', 'W/"1"')
        .send({ offerExpiryDays: 30, name: 'Quỹ nhà tái định cư Phú Thượng' })
        .expect(200);
      expect(patched.body).toMatchObject({ offerExpiryDays: 30, version: 2, name: 'Quỹ nhà tái định cư Phú Thượng' });
      expect(patched.headers.etag).toBe('W/"2"');
      await t.admin
        .patch(`/api/v1/resettlement-funds/${fund.id}`)
        .set('If-Match', 'W/"1"')
        .send({ offerExpiryDays: 10 })
        .expect(412);
      await t.admin.patch(`/api/v1/resettlement-funds/${fund.id}`).send({ projectIds: [] }).expect(400);

      await addUnits(fund.id, ['A-1']).expect(202);
      await t.jobs.idle();
      expect((await offerFor(fund.id, 'H-1')).expiresAt).toBe(new Date(TEST_NOW.getTime() + 30 * DAY_MS).toISOString());
    });

    it('should answer 404 for unknown funds and 400 for ids that are not UUIDs', async () => {
      await t.admin.get(`/api/v1/resettlement-funds/${UNKNOWN_ID}`).expect(404);
      await t.admin.get(`/api/v1/resettlement-funds/${UNKNOWN_ID}/waiting-list`).expect(404);
      await t.admin.get(`/api/v1/resettlement-funds/${UNKNOWN_ID}/units`).expect(404);
      await addUnits(UNKNOWN_ID, ['A-1']).expect(404);
      await t.admin.patch(`/api/v1/resettlement-funds/${UNKNOWN_ID}`).send({ name: 'Quỹ' }).expect(404);
      await t.admin.get('/api/v1/resettlement-funds/abc').expect(400);
    });
  });

  describe('scope', () => {
    it('should hide funds and offers of other wards exactly like missing ones', async () => {
      const { ward, project, fund } = await fundWithOffers(1, 1);
      const offer = await offerFor(fund.id, 'H-1');
      const elsewhere = await t.as('chair', [(await makeUnit(t.dataSource)).id], 'Chủ tịch phường khác');
      const local = await t.as('supervisor', [ward.id], 'Giám sát MTTQ');

      await elsewhere.api.get(`/api/v1/resettlement-funds/${fund.id}`).expect(404);
      await elsewhere.api.get(`/api/v1/resettlement-funds/${fund.id}/waiting-list`).expect(404);
      await elsewhere.api.get(`/api/v1/resettlement-funds/${fund.id}/units`).expect(404);
      await addUnits(fund.id, ['A-9'], elsewhere.api).expect(404);
      await elsewhere.api.post(`/api/v1/resettlement-offers/${offer.id}/accept`).send({}).expect(404);
      await elsewhere.api.post(`/api/v1/resettlement-offers/${offer.id}/decline`).send({ reason: 'Không' }).expect(404);
      const theirFunds = await elsewhere.api.get('/api/v1/resettlement-funds').expect(200);
      expect(theirFunds.body.items.map((f: { id: string }) => f.id)).not.toContain(fund.id);
      const theirOffers = await elsewhere.api.get('/api/v1/resettlement-offers').query({ fundId: fund.id }).expect(200);
      expect(theirOffers.body).toMatchObject({ items: [], total: 0 });
      await elsewhere.api
        .post('/api/v1/resettlement-funds')
        .send({ name: 'Quỹ', site: 'Khu A', administrativeUnitId: ward.id, projectIds: [project.id] })
        .expect(400);

      // The Fatherland Front reads the ward's funds, and changes nothing.
      const funds = await local.api.get('/api/v1/resettlement-funds').query({ projectId: project.id }).expect(200);
      expect(funds.body.items.map((f: { id: string }) => f.id)).toEqual([fund.id]);
      await local.api.get(`/api/v1/resettlement-funds/${fund.id}/waiting-list`).expect(200);
      await local.api.post(`/api/v1/resettlement-offers/${offer.id}/accept`).send({}).expect(403);
      await addUnits(fund.id, ['A-9'], local.api).expect(403);
    });

    /** Two wards, a project in each, and a fund the admin set up to serve both. */
    async function sharedFund() {
      const wardA = await makeUnit(t.dataSource, { name: 'Phường Ba Đình' });
      const wardB = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
      const projectA = await makeProject(t.dataSource, { unitIds: [wardA.id], name: 'Mở rộng phố Đội Cấn' });
      const projectB = await makeProject(t.dataSource, { unitIds: [wardB.id], name: 'Kè mương Thụy Khuê' });
      const fund = await createFund([projectA.id, projectB.id], wardA.id);
      return { wardA, wardB, projectA, projectB, fund };
    }

    const waiting = (projectId: string, code: string, vulnerable: boolean, committedOn: string) =>
      makeHousehold(t.dataSource, projectId, {
        code,
        headName: 'Nguyễn Văn Bình',
        vulnerable,
        needsResettlement: true,
        status: 'conditional',
        consentCondition: 'resettlement_housing',
        statusChangedAt: new Date(`${committedOn}T03:00:00Z`),
      });

    it("should show a shared fund's waiting list only for households in the caller's wards, at their true places", async () => {
      const { wardA, projectA, projectB, fund } = await sharedFund();
      await waiting(projectA.id, 'A-1', false, '2023-02-01');
      await waiting(projectB.id, 'B-1', true, '2023-05-01');
      await waiting(projectA.id, 'A-2', false, '2023-03-01');
      await waiting(projectB.id, 'B-2', false, '2023-01-01');
      const supervisorA = await t.as('supervisor', [wardA.id], 'Giám sát MTTQ phường Ba Đình');

      const all = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}/waiting-list`).expect(200);
      expect(all.body.total).toBe(4);
      expect(all.body.items.map((e: { code: string; position: number }) => [e.code, e.position])).toEqual([
        ['B-1', 1],
        ['B-2', 2],
        ['A-1', 3],
        ['A-2', 4],
      ]);

      const mine = await supervisorA.api.get(`/api/v1/resettlement-funds/${fund.id}/waiting-list`).expect(200);
      expect(mine.body.total).toBe(2);
      expect(mine.body.items.map((e: { code: string; position: number }) => [e.code, e.position])).toEqual([
        ['A-1', 3],
        ['A-2', 4],
      ]);
      const paged = await supervisorA.api
        .get(`/api/v1/resettlement-funds/${fund.id}/waiting-list`)
        .query({ limit: 1, offset: 1 })
        .expect(200);
      expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(paged.body.items.map((e: { code: string; position: number }) => [e.code, e.position])).toEqual([
        ['A-2', 4],
      ]);
    });

    it("should refuse to drop another ward's project from a shared fund", async () => {
      const { wardA, projectA, projectB, fund } = await sharedFund();
      const chairA = await t.as('chair', [wardA.id], 'Chủ tịch phường Ba Đình');

      const refused = await chairA.api
        .patch(`/api/v1/resettlement-funds/${fund.id}`)
        .send({ projectIds: [projectA.id] })
        .expect(400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { projectIds: [expect.stringContaining(projectB.id)] } },
      });
      const unchanged = await t.admin.get(`/api/v1/resettlement-funds/${fund.id}`).expect(200);
      expect(unchanged.body.projectIds).toEqual([projectA.id, projectB.id].sort());
      expect(unchanged.body.version).toBe(fund.version);

      // Keeping the other ward's project while changing the rest is fine.
      await chairA.api
        .patch(`/api/v1/resettlement-funds/${fund.id}`)
        .send({ projectIds: [projectA.id, projectB.id] })
        .expect(200);

      const dropped = await t.admin
        .patch(`/api/v1/resettlement-funds/${fund.id}`)
        .send({ projectIds: [projectA.id] })
        .expect(200);
      expect(dropped.body.projectIds).toEqual([projectA.id]);
    });

    it("should refuse to place a fund in another ward's administrative unit", async () => {
      const wardA = await makeUnit(t.dataSource, { name: 'Phường Ba Đình' });
      const wardB = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
      const projectA = await makeProject(t.dataSource, { unitIds: [wardA.id] });
      const chairA = await t.as('chair', [wardA.id], 'Chủ tịch phường Ba Đình');
      const body = { name: 'Quỹ nhà tái định cư Ba Đình', site: 'Tòa N1, Ba Đình', projectIds: [projectA.id] };

      const refused = await chairA.api
        .post('/api/v1/resettlement-funds')
        .send({ ...body, administrativeUnitId: wardB.id })
        .expect(400);
      const missing = await chairA.api
        .post('/api/v1/resettlement-funds')
        .send({ ...body, administrativeUnitId: UNKNOWN_ID })
        .expect(400);
      // Another ward's unit and a missing one get the same answer, so neither leaks.
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: missing.body.message,
        details: { fields: { administrativeUnitId: [`administrative unit ${wardB.id} does not exist`] } },
      });

      const fund = await createFund([projectA.id], wardA.id, chairA.api);
      await chairA.api
        .patch(`/api/v1/resettlement-funds/${fund.id}`)
        .send({ administrativeUnitId: wardB.id })
        .expect(400);
      await t.admin.patch(`/api/v1/resettlement-funds/${fund.id}`).send({ administrativeUnitId: wardB.id }).expect(200);
    });
  });
});
