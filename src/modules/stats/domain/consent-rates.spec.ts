import { consentFigures, rate, roundArea, type StatusTallies, thresholdReached } from './consent-rates.js';

describe(consentFigures.name, () => {
  const zeroByStatus = {
    not_contacted: 0,
    persuading: 0,
    objecting: 0,
    conditional: 0,
    agreed: 0,
    enforcement_pending: 0,
    handed_over: 0,
  };

  it('should report zeros for every status and rate of an empty project', () => {
    expect(consentFigures({}, 0.75)).toEqual({
      households: { total: 0, consented: 0, byStatus: zeroByStatus },
      consentRate: 0,
      conditionalRate: 0,
      handedOverRate: 0,
      area: { totalM2: 0, consentedM2: 0, handedOverM2: 0, consentRate: 0, byStatus: zeroByStatus },
      consentThreshold: 0.75,
      thresholdReached: false,
    });
  });

  it.each<{
    name: string;
    tallies: StatusTallies;
    expected: { consentRate: number; conditionalRate: number; handedOverRate: number; areaConsentRate: number };
  }>([
    {
      name: 'mixed statuses',
      tallies: {
        not_contacted: { households: 1, areaM2: 100 },
        persuading: { households: 2, areaM2: 200 },
        conditional: { households: 1, areaM2: 100 },
        agreed: { households: 3, areaM2: 300 },
        handed_over: { households: 1, areaM2: 300 },
      },
      expected: { consentRate: 0.5, conditionalRate: 0.125, handedOverRate: 0.125, areaConsentRate: 0.6 },
    },
    {
      name: 'many small consenting plots, one huge holdout: by households high, by area low',
      tallies: { agreed: { households: 3, areaM2: 150 }, objecting: { households: 1, areaM2: 10_000 } },
      expected: { consentRate: 0.75, conditionalRate: 0, handedOverRate: 0, areaConsentRate: 0.0148 },
    },
    {
      name: 'one large handed-over plot, many small holdouts: by area high, by households low',
      tallies: { handed_over: { households: 1, areaM2: 9_000 }, objecting: { households: 9, areaM2: 1_000 } },
      expected: { consentRate: 0.1, conditionalRate: 0, handedOverRate: 0.1, areaConsentRate: 0.9 },
    },
    {
      name: 'rates rounded to 4 decimals',
      tallies: { agreed: { households: 1, areaM2: 1 }, persuading: { households: 2, areaM2: 2 } },
      expected: { consentRate: 0.3333, conditionalRate: 0, handedOverRate: 0, areaConsentRate: 0.3333 },
    },
    {
      name: 'households without a known area count by households only',
      tallies: { agreed: { households: 2, areaM2: 0 }, persuading: { households: 2, areaM2: 0 } },
      expected: { consentRate: 0.5, conditionalRate: 0, handedOverRate: 0, areaConsentRate: 0 },
    },
  ])('should compute rates for $name', ({ tallies, expected }) => {
    const figures = consentFigures(tallies, 0.75);
    expect({
      consentRate: figures.consentRate,
      conditionalRate: figures.conditionalRate,
      handedOverRate: figures.handedOverRate,
      areaConsentRate: figures.area.consentRate,
    }).toEqual(expected);
  });

  it('should total households and areas over every status', () => {
    const figures = consentFigures(
      {
        persuading: { households: 2, areaM2: 0.1 },
        agreed: { households: 1, areaM2: 0.2 },
        handed_over: { households: 4, areaM2: 120.35 },
      },
      0.75,
    );
    expect(figures.households).toEqual({
      total: 7,
      consented: 5,
      byStatus: { ...zeroByStatus, persuading: 2, agreed: 1, handed_over: 4 },
    });
    expect(figures.area).toMatchObject({ totalM2: 120.65, consentedM2: 120.55, handedOverM2: 120.35 });
    expect(figures.area.byStatus).toEqual({ ...zeroByStatus, persuading: 0.1, agreed: 0.2, handed_over: 120.35 });
  });
});

describe(thresholdReached.name, () => {
  it.each([
    { consented: 0, total: 0, threshold: 0.75, reached: false },
    { consented: 3, total: 4, threshold: 0.75, reached: true },
    { consented: 74, total: 100, threshold: 0.75, reached: false },
    { consented: 7, total: 10, threshold: 0.7, reached: true },
    { consented: 2, total: 3, threshold: 0.6667, reached: false },
    { consented: 2, total: 3, threshold: 0.6666, reached: true },
    { consented: 75_001, total: 100_000, threshold: 0.75, reached: true },
    { consented: 1, total: 1, threshold: 1, reached: true },
  ])('should say $reached for $consented of $total against $threshold', ({ consented, total, threshold, reached }) => {
    expect(thresholdReached(consented, total, threshold)).toBe(reached);
  });
});

describe(rate.name, () => {
  it.each([
    { part: 0, whole: 0, expected: 0 },
    { part: 5, whole: 0, expected: 0 },
    { part: 1, whole: 3, expected: 0.3333 },
    { part: 2, whole: 3, expected: 0.6667 },
    { part: 4, whole: 4, expected: 1 },
  ])('should give $expected for $part / $whole', ({ part, whole, expected }) => {
    expect(rate(part, whole)).toBe(expected);
  });
});

describe(roundArea.name, () => {
  it('should remove float noise from a sum of exact decimals', () => {
    expect(roundArea(0.1 + 0.2)).toBe(0.3);
    expect(roundArea(1.005)).toBe(1.01);
  });
});
