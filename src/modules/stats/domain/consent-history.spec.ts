import { countPeriods, periodsBetween } from './consent-history.js';

describe('periodsBetween', () => {
  it('should cut months at month ends, the first from `from` and the last at `to`', () => {
    expect(periodsBetween('2022-11-15', '2023-02-10', 'month')).toEqual([
      { start: '2022-11-15', end: '2022-11-30' },
      { start: '2022-12-01', end: '2022-12-31' },
      { start: '2023-01-01', end: '2023-01-31' },
      { start: '2023-02-01', end: '2023-02-10' },
    ]);
    expect(periodsBetween('2024-02-01', '2024-03-31', 'month').map((p) => p.end)).toEqual(['2024-02-29', '2024-03-31']);
  });

  it('should cut weeks on Sundays (Monday to Sunday) and days one by one', () => {
    // 2026-03-10 is a Tuesday.
    expect(periodsBetween('2026-03-10', '2026-03-24', 'week')).toEqual([
      { start: '2026-03-10', end: '2026-03-15' },
      { start: '2026-03-16', end: '2026-03-22' },
      { start: '2026-03-23', end: '2026-03-24' },
    ]);
    expect(periodsBetween('2026-03-10', '2026-03-12', 'day').map((p) => p.end)).toEqual([
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
    ]);
  });

  it('should count periods as periodsBetween makes them', () => {
    for (const [from, to] of [
      ['2022-11-15', '2023-02-10'],
      ['2026-03-10', '2026-03-24'],
      ['2026-03-15', '2026-03-16'],
      ['2020-01-01', '2026-12-31'],
    ]) {
      for (const granularity of ['day', 'week', 'month'] as const) {
        expect(countPeriods(from, to, granularity)).toBe(periodsBetween(from, to, granularity).length);
      }
    }
  });
});
