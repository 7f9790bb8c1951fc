import {
  type FollowUpFacts,
  formatLocal,
  type LegalDeadlineFacts,
  planComplaintDeadline,
  planDialogueUpcoming,
  planFollowUp,
  planHandoverDeadline,
  planLegalDeadline,
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

describe(planLegalDeadline.name, () => {
  const facts = (overrides: Partial<LegalDeadlineFacts> = {}): LegalDeadlineFacts => ({
    milestoneId: 'm1',
    milestoneKind: 'plan_approved',
    projectId: 'p1',
    householdId: 'h1',
    ruleCode: 'compensation.payment',
    type: 'due',
    action: 'Chi trả tiền bồi thường, hỗ trợ',
    legalBasis: 'Luật Đất đai 2024, Điều 94',
    dueOn: '2026-04-09',
    ...overrides,
  });

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

describe(planHandoverDeadline.name, () => {
  it('should warn three days ahead and report the morning after the hand-over day', () => {
    const [approaching, overdue] = planHandoverDeadline(
      {
        enforcementRecordId: 'e1',
        projectId: 'p1',
        householdId: 'h1',
        decisionNo: '125/QĐ-UBND',
        compliedOn: '2026-03-10',
        dueOn: '2026-04-09',
        legalBasis: 'Luật Đất đai 2024, Điều 89(4)',
      },
      TZ,
    );
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
});
