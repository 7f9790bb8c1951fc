import { resolveLandArea, sumAreas } from './land-area.js';

describe(resolveLandArea.name, () => {
  it.each([
    [
      'parcels given: their sum',
      null,
      [80.25, 39.75],
      undefined,
      { ok: true, area: { areaM2: 120, source: 'parcels' } },
    ],
    [
      'parcels and a matching declared area',
      null,
      [0.1, 0.2],
      0.3,
      { ok: true, area: { areaM2: 0.3, source: 'parcels' } },
    ],
    ['parcels and a different declared area', null, [50], 60, { ok: false, declared: 60, parcelsSum: 50 }],
    ['only a declared area', null, undefined, 120, { ok: true, area: { areaM2: 120, source: 'declared' } }],
    ['nothing at all', null, undefined, undefined, { ok: true, area: { areaM2: 0, source: 'declared' } }],
    [
      'an edit that keeps parcel-derived area',
      { areaM2: 99, source: 'parcels' },
      undefined,
      undefined,
      { ok: true, area: { areaM2: 99, source: 'parcels' } },
    ],
    [
      'a declared area contradicting existing parcels',
      { areaM2: 99, source: 'parcels' },
      undefined,
      100,
      { ok: false, declared: 100, parcelsSum: 99 },
    ],
    [
      'parcels removed: the declared area',
      { areaM2: 99, source: 'parcels' },
      [],
      40,
      { ok: true, area: { areaM2: 40, source: 'declared' } },
    ],
    [
      'a new declared area',
      { areaM2: 99, source: 'declared' },
      undefined,
      40,
      { ok: true, area: { areaM2: 40, source: 'declared' } },
    ],
  ] as const)('should resolve %s', (_label, current, parcels, declared, expected) => {
    expect(resolveLandArea(current, parcels, declared)).toEqual(expected);
  });

  it('should sum in hundredths', () => {
    expect(sumAreas([0.1, 0.2])).toBe(0.3);
    expect(sumAreas([])).toBe(0);
  });
});
