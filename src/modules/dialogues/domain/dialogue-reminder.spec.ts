import { announcementCancelReason, planDialogueUpcoming } from './dialogue-reminder.js';

const TZ = 'Asia/Ho_Chi_Minh';

describe(planDialogueUpcoming.name, () => {
  const session = {
    id: 's1',
    projectId: 'p1',
    administrativeUnitId: 'u1',
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

  it.each([
    ['scheduled', 'Buổi đối thoại đã đổi giờ'],
    ['cancelled', 'Buổi đối thoại đã bị hủy'],
  ] as const)('should say why a %s session’s earlier announcement goes', (status, reason) => {
    expect(announcementCancelReason(status)).toBe(reason);
  });
});
