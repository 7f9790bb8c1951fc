import {
  type FollowUpFacts,
  formatLocal,
  planComplaintDeadline,
  planDialogueUpcoming,
  planFollowUp,
} from './reminder-plans.js';

const TZ = 'Asia/Ho_Chi_Minh';

describe(planFollowUp.name, () => {
  const visitedAt = new Date('2026-03-09T08:30:00Z');
  const facts = (overrides: Partial<FollowUpFacts> = {}): FollowUpFacts => ({
    visitId: 'v1',
    householdId: 'h1',
    projectId: 'p1',
    visitedAt,
    nextFollowUpOn: '2026-03-16',
    lastContactAt: visitedAt,
    archived: false,
    handedOver: false,
    code: 'TK-001',
    headName: 'Nguyễn Văn An',
    createdBy: 'Trần Thị Mai',
    ...overrides,
  });

  it('should plan the latest visit’s follow-up at 08:00 Hanoi time on its day', () => {
    const decision = planFollowUp(facts(), TZ);
    expect(decision).toMatchObject({
      action: 'replace',
      plan: {
        kind: 'visit.follow-up-due',
        dueAt: new Date('2026-03-16T01:00:00Z'),
        dedupeKey: 'follow-up:h1:v1',
        title: 'Đến hạn thăm lại hộ Nguyễn Văn An (TK-001)',
      },
    });
  });

  it.each<[string, Partial<FollowUpFacts>, 'ignore' | 'replace', boolean]>([
    ['an older visit synced late', { lastContactAt: new Date('2026-03-09T09:00:00Z') }, 'ignore', false],
    ['a household never contacted', { lastContactAt: null }, 'ignore', false],
    ['no follow-up date', { nextFollowUpOn: null }, 'replace', false],
    ['an archived household', { archived: true }, 'replace', false],
    ['a handed-over household', { handedOver: true }, 'replace', false],
  ])('should handle %s', (_, overrides, action, hasPlan) => {
    const decision = planFollowUp(facts(overrides), TZ);
    expect(decision.action).toBe(action);
    if (decision.action === 'replace') expect(decision.plan !== null).toBe(hasPlan);
  });
});

describe(planDialogueUpcoming.name, () => {
  const session = {
    id: 's1',
    projectId: 'p1',
    scheduledAt: new Date('2026-03-12T01:30:00Z'),
    location: 'Hội trường UBND phường Tây Hồ',
    chair: 'Chủ tịch UBND phường',
    status: 'scheduled' as const,
  };

  it('should announce a session 24 hours ahead, keyed by its time', () => {
    expect(planDialogueUpcoming(session, TZ)).toMatchObject({
      dueAt: new Date('2026-03-11T01:30:00Z'),
      dedupeKey: 'dialogue-upcoming:s1:2026-03-12T01:30:00.000Z',
      title: 'Buổi đối thoại lúc 08:30 12/03/2026 tại Hội trường UBND phường Tây Hồ',
    });
  });

  it.each(['held', 'cancelled'] as const)('should announce nothing for a %s session', (status) => {
    expect(planDialogueUpcoming({ ...session, status }, TZ)).toBeNull();
  });
});

describe(planComplaintDeadline.name, () => {
  it('should warn three days ahead and report the morning after the last day', () => {
    const [approaching, overdue] = planComplaintDeadline(
      { complaintId: 'c1', projectId: 'p1', householdId: 'h1', kind: 'accept', dueOn: '2026-03-20' },
      TZ,
    );
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
});

describe(formatLocal.name, () => {
  it('should write a Hanoi wall-clock time', () => {
    expect(formatLocal(new Date('2026-03-10T17:05:00Z'), TZ)).toBe('00:05 11/03/2026');
  });
});
