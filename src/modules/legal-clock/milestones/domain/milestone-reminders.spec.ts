import { type LegalDeadlineFacts, milestoneReminders, planLegalDeadline } from './milestone-reminders.js';

const TZ = 'Asia/Ho_Chi_Minh';

const facts = (overrides: Partial<LegalDeadlineFacts> = {}): LegalDeadlineFacts => ({
  milestoneId: 'm1',
  milestoneKind: 'plan_approved',
  projectId: 'p1',
  householdId: 'h1',
  administrativeUnitId: 'u1',
  ruleCode: 'compensation.payment',
  type: 'due',
  action: 'Chi trả tiền bồi thường, hỗ trợ',
  legalBasis: 'Luật Đất đai 2024, Điều 94',
  dueOn: '2026-04-09',
  ...overrides,
});

describe(planLegalDeadline.name, () => {
  it('should warn three days ahead and report the morning after a due deadline', () => {
    const { approaching, overdue, passedAt } = planLegalDeadline(facts(), TZ);
    expect(approaching).toMatchObject({
      kind: 'legal.deadline-approaching',
      subjectType: 'legal_milestone',
      subjectId: 'm1',
      dueAt: new Date('2026-04-06T01:00:00Z'),
      dedupeKey: 'legal-approaching:m1:compensation.payment:due:2026-04-09',
      title: 'Sắp đến mốc pháp lý: Chi trả tiền bồi thường, hỗ trợ (hạn cuối 09/04/2026; Luật Đất đai 2024, Điều 94)',
    });
    expect(overdue).toMatchObject({
      kind: 'legal.deadline.overdue',
      dueAt: new Date('2026-04-10T01:00:00Z'),
      dedupeKey: 'legal-overdue:m1:compensation.payment:due:2026-04-09',
      title: 'Quá hạn pháp lý: Chi trả tiền bồi thường, hỗ trợ (hạn cuối 09/04/2026; Luật Đất đai 2024, Điều 94)',
    });
    expect(passedAt).toEqual(new Date('2026-04-10T01:00:00Z'));
  });

  it.each([
    ['earliest', 'từ ngày 09/04/2026'],
    ['ends', 'kết thúc ngày 09/04/2026'],
    ['expires', 'hết hiệu lực ngày 09/04/2026'],
  ] as const)('should only announce a %s deadline, which cannot be missed', (type, words) => {
    const { approaching, overdue } = planLegalDeadline(facts({ type }), TZ);
    expect(overdue).toBeNull();
    expect(approaching.title).toContain(words);
    expect(approaching.dedupeKey).toBe(`legal-approaching:m1:compensation.payment:${type}:2026-04-09`);
  });
});

describe(milestoneReminders.name, () => {
  it('should keep the keys of old deadlines but plan nothing for them', () => {
    const { plans, keep } = milestoneReminders(
      [facts({ dueOn: '2026-01-02' })],
      new Date('2026-03-10T02:00:00Z'),
      '2026-03-10',
      TZ,
    );
    expect(plans).toEqual([]);
    expect(keep).toHaveLength(2);
  });

  it('should report a passed deadline without announcing it', () => {
    const { plans } = milestoneReminders(
      [facts({ dueOn: '2026-03-05' })],
      new Date('2026-03-10T02:00:00Z'),
      '2026-03-10',
      TZ,
    );
    expect(plans.map((plan) => plan.kind)).toEqual(['legal.deadline.overdue']);
  });

  it('should announce and report a deadline still ahead', () => {
    const { plans } = milestoneReminders([facts()], new Date('2026-03-10T02:00:00Z'), '2026-03-10', TZ);
    expect(plans.map((plan) => plan.kind)).toEqual(['legal.deadline-approaching', 'legal.deadline.overdue']);
  });
});
