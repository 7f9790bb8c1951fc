import { forecastConsent } from './consent-forecast.js';

describe('forecastConsent', () => {
  it('should date the threshold and 100 % exactly at a constant pace, with no spread', () => {
    const forecast = forecastConsent({
      today: '2026-03-10',
      consentedAtWeekEnds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      total: 20,
      threshold: 0.75,
    });
    expect(forecast).toMatchObject({ velocityPerWeek: 1, spreadPerWeek: 0, velocityInterval: { low: 1, high: 1 } });
    // 15 of 20 for 75 %: 3 more weeks; 8 more for all of them.
    expect(forecast.threshold).toEqual({
      households: 15,
      remaining: 3,
      reached: false,
      expectedOn: '2026-03-31',
      earliestOn: '2026-03-31',
      latestOn: '2026-03-31',
    });
    expect(forecast.complete).toMatchObject({ remaining: 8, expectedOn: '2026-05-05' });
  });

  it('should widen the interval with the spread, and give no latest date when the slow pace is not positive', () => {
    const steady = forecastConsent({
      today: '2026-03-10',
      consentedAtWeekEnds: [0, 2, 2, 4, 4],
      total: 10,
      threshold: 0.75,
    });
    expect(steady.velocityPerWeek).toBe(1);
    expect(steady.velocityInterval.low).toBeLessThan(1);
    expect(steady.velocityInterval.high).toBeGreaterThan(1);
    expect(steady.threshold.earliestOn! < steady.threshold.expectedOn!).toBe(true);
    expect(steady.threshold.latestOn).toBeNull();

    const stalled = forecastConsent({
      today: '2026-03-10',
      consentedAtWeekEnds: [5, 5, 4, 5, 5],
      total: 10,
      threshold: 0.75,
    });
    expect(stalled.threshold).toMatchObject({ remaining: 3, expectedOn: null, latestOn: null });
  });

  it('should say a reached target is reached', () => {
    const done = forecastConsent({ today: '2026-03-10', consentedAtWeekEnds: [7, 8], total: 10, threshold: 0.7 });
    expect(done.threshold).toMatchObject({ households: 7, remaining: 0, reached: true, expectedOn: null });
    expect(done.complete).toMatchObject({ remaining: 2, expectedOn: '2026-03-24' });
  });
});
