import { planStaleReminder } from './stale-reminders.js';

describe(planStaleReminder.name, () => {
  const silent = {
    householdId: 'h1',
    projectId: 'p1',
    administrativeUnitId: 'u1',
    code: 'NTL-007',
    headName: 'Nguyễn Thị Hoa',
    lastContactAt: new Date('2026-02-28T18:00:00Z'),
    silentSince: new Date('2026-02-28T18:00:00Z'),
    staleAfterDays: 14,
  };

  it('should fall due when the allowance runs out, keyed by the Hanoi day of the last contact', () => {
    expect(planStaleReminder(silent, 'Asia/Ho_Chi_Minh')).toMatchObject({
      kind: 'household.stale',
      dueAt: new Date('2026-03-14T18:00:00Z'),
      dedupeKey: 'stale:h1:2026-03-01',
      title: 'Hộ Nguyễn Thị Hoa (NTL-007) chưa được tiếp xúc quá 14 ngày',
    });
  });

  it('should key a household never contacted as never', () => {
    expect(planStaleReminder({ ...silent, lastContactAt: null }, 'Asia/Ho_Chi_Minh').dedupeKey).toBe('stale:h1:never');
  });
});
