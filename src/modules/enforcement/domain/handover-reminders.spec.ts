import { planHandoverDeadline } from './handover-reminders.js';

const deadline = {
  enforcementRecordId: 'e1',
  projectId: 'p1',
  householdId: 'h1',
  administrativeUnitId: 'u1',
  decisionNo: '125/QĐ-UBND',
  compliedOn: '2026-03-10',
  dueOn: '2026-04-09',
  legalBasis: 'Luật Đất đai 2024, Điều 89(4)',
};

describe(planHandoverDeadline.name, () => {
  it('should warn three days ahead and report the morning after the hand-over day', () => {
    const [approaching, overdue] = planHandoverDeadline(deadline, new Date('2026-03-10T02:00:00Z'), 'Asia/Ho_Chi_Minh');
    expect(approaching).toMatchObject({
      kind: 'enforcement.handover-approaching',
      dueAt: new Date('2026-04-06T01:00:00Z'),
      dedupeKey: 'enforcement-handover:h1:approaching:e1:2026-04-09',
    });
    expect(approaching.title).toContain('Quyết định cưỡng chế số 125/QĐ-UBND');
    expect(overdue).toMatchObject({
      kind: 'enforcement.handover.overdue',
      dueAt: new Date('2026-04-10T01:00:00Z'),
      dedupeKey: 'enforcement-handover:h1:overdue:e1:2026-04-09',
      title: expect.stringContaining('Quá hạn bàn giao mặt bằng'),
    });
  });

  it('should only report a hand-over deadline already passed', () => {
    const plans = planHandoverDeadline(deadline, new Date('2026-04-20T02:00:00Z'), 'Asia/Ho_Chi_Minh');
    expect(plans.map((plan) => plan.kind)).toEqual(['enforcement.handover.overdue']);
  });
});
