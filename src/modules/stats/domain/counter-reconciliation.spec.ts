import {
  type CounterDifference,
  describe as describeDifference,
  PAST_FOLLOW_UPS,
  summarize,
} from './counter-reconciliation.js';

const difference = (overrides: Partial<CounterDifference>): CounterDifference => ({
  counter: 'households',
  projectId: 'p1',
  bucket: 'agreed',
  stored: { count: 3, areaM2: 300 },
  recounted: { count: 4, areaM2: 420.5 },
  ...overrides,
});

describe(summarize.name, () => {
  it('should say so when the counters equal the recount', () => {
    expect(summarize([])).toBe('Statistics counters equal a recount');
  });

  it('should count the rows that differed per counter and the projects they belong to', () => {
    expect(
      summarize([
        difference({}),
        difference({ counter: 'visit-days', bucket: '2026-03-09', stored: { count: 2 }, recounted: { count: 3 } }),
        difference({ counter: 'visit-days', projectId: 'p2', bucket: '2026-03-08' }),
      ]),
    ).toBe(
      'Statistics counters differed from a recount in 3 row(s) of 2 project(s) (households 1, visit-days 2); repaired',
    );
  });
});

describe(describeDifference.name, () => {
  it('should name the counter, the row and both values', () => {
    expect(describeDifference(difference({}))).toBe('households p1/agreed: stored 3 (300 m²), recounted 4 (420.5 m²)');
    expect(
      describeDifference(difference({ counter: 'visits', bucket: '', stored: { count: 0 }, recounted: { count: 7 } })),
    ).toBe('visits p1: stored 0, recounted 7');
  });
});

describe('PAST_FOLLOW_UPS', () => {
  it('should sort before every real date, as PostgreSQL compares dates and as strings compare', () => {
    expect(PAST_FOLLOW_UPS < '0001-01-01').toBe(true);
    expect(['2026-03-10', PAST_FOLLOW_UPS, '2025-12-31'].sort()[0]).toBe(PAST_FOLLOW_UPS);
  });
});
