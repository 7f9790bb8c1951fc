import { planComplaintDeadline } from './complaint-reminders.js';

const TZ = 'Asia/Ho_Chi_Minh';
const deadline = {
  complaintId: 'c1',
  projectId: 'p1',
  householdId: 'h1',
  administrativeUnitId: 'u1',
  kind: 'accept' as const,
  dueOn: '2026-03-20',
};

describe(planComplaintDeadline.name, () => {
  it('should warn three days ahead and report the morning after the last day', () => {
    const [approaching, overdue] = planComplaintDeadline(deadline, new Date('2026-03-10T02:00:00Z'), TZ);
    expect(approaching).toMatchObject({
      kind: 'complaint.deadline-approaching',
      dueAt: new Date('2026-03-17T01:00:00Z'),
      dedupeKey: 'complaint-approaching:c1:accept:2026-03-20',
    });
    expect(overdue).toMatchObject({
      kind: 'complaint.overdue',
      dueAt: new Date('2026-03-21T01:00:00Z'),
      dedupeKey: 'complaint-overdue:c1:accept:2026-03-20',
      title: 'Quá hạn thụ lý khiếu nại (hạn cuối 20/03/2026)',
    });
  });

  it('should only report a deadline that has already passed', () => {
    const plans = planComplaintDeadline(deadline, new Date('2026-03-25T02:00:00Z'), TZ);
    expect(plans.map((plan) => plan.kind)).toEqual(['complaint.overdue']);
  });
});
