import { percent, planThresholdReached, planWardDigest } from './stats-reminders.js';

describe(percent.name, () => {
  it.each([
    [0.75, '75%'],
    [0.7312, '73,1%'],
    [1, '100%'],
  ])('should write %d as %s', (rate, text) => {
    expect(percent(rate)).toBe(text);
  });
});

describe(planThresholdReached.name, () => {
  it('should tell the chair once per project, due now', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    const plan = planThresholdReached(
      {
        projectId: 'p1',
        name: 'Mương Thụy Khuê',
        administrativeUnitId: 'u1',
        consentRate: 0.8,
        consentThreshold: 0.75,
        consentedHouseholds: 8,
        totalHouseholds: 10,
        areaConsentRate: 0.7,
      },
      now,
    );
    expect(plan).toMatchObject({
      kind: 'project.threshold-reached',
      assigneeRole: 'chair',
      dueAt: now,
      dedupeKey: 'threshold:p1',
      title: 'Dự án Mương Thụy Khuê đạt ngưỡng đồng thuận 75% (hiện 80%)',
    });
  });
});

describe(planWardDigest.name, () => {
  it('should name the ward and the day, keyed by both', () => {
    const plan = planWardDigest(
      {
        unitId: 'u1',
        unitName: 'Phường Tây Hồ',
        openReminders: 3,
        overdueFollowUps: 2,
        staleHouseholds: 1,
        upcomingDialogues: 0,
      },
      '2026-03-11',
      new Date('2026-03-11T00:00:00Z'),
    );
    expect(plan).toMatchObject({
      kind: 'ward.daily-digest',
      subjectType: 'administrative_unit',
      administrativeUnitId: 'u1',
      title: 'Tổng hợp nhắc việc ngày 11/03/2026 – Phường Tây Hồ',
      dedupeKey: 'digest:u1:2026-03-11',
      details: { date: '2026-03-11', openReminders: 3, overdueFollowUps: 2, staleHouseholds: 1, upcomingDialogues: 0 },
    });
  });
});
