import { type FollowUpFacts, planFollowUp } from './follow-up-reminder.js';

const TZ = 'Asia/Ho_Chi_Minh';

describe(planFollowUp.name, () => {
  const visitedAt = new Date('2026-03-09T08:30:00Z');
  const facts = (overrides: Partial<FollowUpFacts> = {}): FollowUpFacts => ({
    visitId: 'v1',
    householdId: 'h1',
    projectId: 'p1',
    administrativeUnitId: 'u1',
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
        administrativeUnitId: 'u1',
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
