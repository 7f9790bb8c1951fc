import { LegalCalendarService } from '../../src/modules/legal-clock/legal-calendar.service.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe(LegalCalendarService.name, () => {
  let t: TestApp;
  let calendar: LegalCalendarService;

  beforeAll(async () => {
    t = await createTestApp();
    calendar = t.app.get(LegalCalendarService);
  });

  afterAll(async () => {
    await t.close();
  });

  async function ruleNamed(code: string): Promise<{ id: string; version: number; offsetDays: number }> {
    const rules = await t.admin.get('/api/v1/deadline-rules').expect(200);
    return rules.body.items.find((rule: { code: string }) => rule.code === code);
  }

  it('should serve the seeded rules with their articles to any reader', async () => {
    const officer = await t.as('officer');
    const response = await officer.api.get('/api/v1/deadline-rules').expect(200);
    const byCode = Object.fromEntries(
      response.body.items.map((r: { code: string; offsetDays: number; legalBasis: string }) => [
        r.code,
        [r.offsetDays, r.legalBasis],
      ]),
    );
    expect(byCode).toMatchObject({
      'complaint.accept': [10, 'Luật Khiếu nại 2011, Điều 27'],
      'complaint.resolve': [30, 'Luật Khiếu nại 2011, Điều 28'],
      'complaint.resolve.complex': [45, expect.any(String)],
      'complaint.resolve.remote': [45, expect.any(String)],
      'complaint.resolve.remote-complex': [60, expect.any(String)],
      'recovery.decision.agricultural': [90, 'Luật Đất đai 2024, Điều 85'],
      'recovery.decision.non-agricultural': [180, expect.any(String)],
      'recovery.notice.validity': [365, expect.any(String)],
      'inventory.persuasion': [15, expect.any(String)],
      'inventory.compulsory': [10, expect.any(String)],
      'plan.posting': [30, expect.any(String)],
      'plan.recovery-decision': [10, expect.any(String)],
      'compensation.payment': [30, expect.any(String)],
      'enforcement.compliance-handover': [30, expect.any(String)],
      'enforcement.tet-blackout': [15, expect.any(String)],
    });
    expect(response.body.items).toHaveLength(15);
  });

  it('should let only administrators change a rule, with versions checked', async () => {
    const rule = await ruleNamed('inventory.compulsory');
    const chair = await t.as('chair');
    await chair.api.patch(`/api/v1/deadline-rules/${rule.id}`).send({ description: 'x' }).expect(403);
    await t.admin
      .patch(`/api/v1/deadline-rules/${rule.id}`)
      .set('If-Match', 'W/"99"')
      .send({ description: 'x' })
      .expect(412);
    await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ offsetDays: -1 }).expect(400);
    await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ dayKind: 'lunar' }).expect(400);
    await t.admin.patch(`/api/v1/deadline-rules/${MISSING}`).send({ description: 'x' }).expect(404);

    const changed = await t.admin
      .patch(`/api/v1/deadline-rules/${rule.id}`)
      .set('If-Match', `W/"${rule.version}"`)
      .send({ description: 'Áp dụng theo hướng dẫn của Sở Nông nghiệp và Môi trường' })
      .expect(200);
    expect(changed.headers.etag).toBe(`W/"${rule.version + 1}"`);
    expect(changed.body).toMatchObject({
      description: 'Áp dụng theo hướng dẫn của Sở Nông nghiệp và Môi trường',
      offsetDays: 10,
      version: rule.version + 1,
    });
    // A wording change moves no deadline, so nothing is announced.
    const outbox = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM job_outbox WHERE payload->>'name' = 'deadline-rule.changed'`,
    );
    expect(outbox[0].n).toBe(0);
  });

  it('should announce the change in the rule change’s transaction, once per change', async () => {
    const rule = await ruleNamed('plan.posting');
    await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ offsetDays: 31 }).expect(200);
    await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ offsetDays: 30 }).expect(200);
    const rows = await t.dataSource.query<{ version: number }[]>(
      `SELECT DISTINCT (payload->'payload'->>'version')::int AS version FROM job_outbox
       WHERE name = 'event:complaints.recompute-deadlines' AND payload->'payload'->>'ruleId' = $1`,
      [rule.id],
    );
    expect(rows.map((row) => row.version).sort()).toEqual([rule.version + 1, rule.version + 2]);
  });

  it('should list the holidays of a year, with Tết day one marked', async () => {
    const response = await t.admin.get('/api/v1/holidays?year=2026').expect(200);
    const dates = response.body.items.map((h: { date: string }) => h.date);
    expect(dates).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-02-14',
        '2026-02-17',
        '2026-02-22',
        '2026-04-26',
        '2026-04-30',
        '2026-05-01',
        '2026-09-02',
      ]),
    );
    expect(dates.every((d: string) => d.startsWith('2026-'))).toBe(true);
    expect(response.body.items.filter((h: { tetDayOne: boolean }) => h.tetDayOne)).toEqual([
      expect.objectContaining({ date: '2026-02-17', kind: 'tet', name: expect.stringContaining('Mùng 1') }),
    ]);
    await t.admin.get('/api/v1/holidays?year=abc').expect(400);
  });

  it('should add and remove holidays, refusing duplicates', async () => {
    const officer = await t.as('officer');
    await officer.api
      .post('/api/v1/holidays')
      .send({ date: '2028-03-20', name: 'Nghỉ bù', kind: 'compensatory' })
      .expect(403);
    const created = await t.admin
      .post('/api/v1/holidays')
      .send({ date: '2028-03-20', name: 'Nghỉ bù theo thông báo của Chính phủ', kind: 'compensatory' })
      .expect(201);
    // 10 days from 2028-03-10 is that Monday, now a holiday.
    expect((await calendar.dueDate('complaint.accept', '2028-03-10')).dueOn).toBe('2028-03-21');
    const duplicate = await t.admin
      .post('/api/v1/holidays')
      .send({ date: '2028-03-20', name: 'Lặp', kind: 'public' })
      .expect(409);
    expect(duplicate.body.code).toBe('HOLIDAY_DATE_TAKEN');

    await t.admin.delete(`/api/v1/holidays/${created.body.id}`).expect(204);
    await t.admin.delete(`/api/v1/holidays/${created.body.id}`).expect(404);
    expect((await calendar.dueDate('complaint.accept', '2028-03-10')).dueOn).toBe('2028-03-20');
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      created.body.id,
    ]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['create', 'delete']);
  });

  it('should refuse bad holidays with 400, and a second Tết day one in a year with 409', async () => {
    await t.admin.post('/api/v1/holidays').send({ date: '2028-02-30', name: 'x', kind: 'public' }).expect(400);
    await t.admin.post('/api/v1/holidays').send({ date: '2028-05-02', name: 'x', kind: 'holiday' }).expect(400);
    await t.admin
      .post('/api/v1/holidays')
      .send({ date: '2028-05-02', name: 'x', kind: 'public', tetDayOne: true })
      .expect(400);
    const second = await t.admin
      .post('/api/v1/holidays')
      .send({ date: '2026-02-18', name: 'x', kind: 'tet', tetDayOne: true })
      .expect(409);
    expect(second.body.code).toBe('HOLIDAY_DATE_TAKEN');
    const other = await t.admin
      .post('/api/v1/holidays')
      .send({ date: '2026-02-13', name: 'x', kind: 'tet', tetDayOne: true })
      .expect(409);
    expect(other.body.code).toBe('TET_DAY_ONE_TAKEN');
  });

  it.each([
    ['complaint.accept', '2026-02-07', '2026-02-23'],
    ['complaint.accept', '2026-03-04', '2026-03-16'],
    ['complaint.resolve', '2026-01-31', '2026-03-02'],
    ['complaint.resolve.complex', '2025-12-01', '2026-01-15'],
    ['complaint.resolve.remote-complex', '2025-12-19', '2026-02-23'],
  ])('should compute %s from %s as %s', async (code, from, dueOn) => {
    const due = await calendar.dueDate(code, from);
    expect(due).toMatchObject({ dueOn, ruleCode: code });
    expect(due.legalBasis).toMatch(/^Luật Khiếu nại 2011/);
  });

  it('should answer the calendar questions other capabilities ask', async () => {
    expect(await calendar.dueDate('complaint.accept', '2026-02-07')).toEqual({
      dueOn: '2026-02-23',
      unshiftedOn: '2026-02-17',
      ruleCode: 'complaint.accept',
      legalBasis: 'Luật Khiếu nại 2011, Điều 27',
      offsetDays: 10,
    });
    expect(await calendar.isHoliday('2026-02-17')).toBe(true);
    expect(await calendar.isHoliday('2026-03-10')).toBe(false);
    expect(await calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-23');
    expect(await calendar.nextWorkingDay('2026-03-10')).toBe('2026-03-10');
    expect(await calendar.tetFirstDay(2024)).toBe('2024-02-10');
    expect(await calendar.tetFirstDay(2025)).toBe('2025-01-29');
    expect(await calendar.tetFirstDay(2026)).toBe('2026-02-17');
    expect(await calendar.tetFirstDay(2027)).toBe('2027-02-06');
    expect(await calendar.tetFirstDay(2031)).toBeNull();
    expect(await calendar.isWithinTetBlackout('2026-02-02')).toBe(true);
    expect(await calendar.isWithinTetBlackout('2026-03-04')).toBe(true);
    expect(await calendar.isWithinTetBlackout('2026-03-05')).toBe(false);
    expect(await calendar.isWithinTetBlackout('2025-01-14')).toBe(true);
    await expect(calendar.dueDate('no.such.rule', '2026-03-10')).rejects.toMatchObject({
      code: 'DEADLINE_RULE_NOT_FOUND',
    });
  });
});
