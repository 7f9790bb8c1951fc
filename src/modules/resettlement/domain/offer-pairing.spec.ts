import { type AvailableUnit, type OfferCandidate, pairUnitsWithWaitingList, unitFits } from './offer-pairing.js';

const unit = (code: string, kind: AvailableUnit['kind'] = 'apartment'): AvailableUnit => ({
  unitId: `unit-${code}`,
  code,
  kind,
  areaM2: 60,
});

const household = (
  code: string,
  committedAt: string,
  extra: { vulnerable?: boolean; refused?: string[] } = {},
): OfferCandidate => ({
  householdId: `hh-${code}`,
  code,
  vulnerable: extra.vulnerable ?? false,
  committedAt: new Date(committedAt),
  refusedUnitIds: (extra.refused ?? []).map((c) => `unit-${c}`),
});

describe(unitFits.name, () => {
  it.each([
    ['an apartment', unit('A-101', 'apartment'), household('H1', '2023-01-01'), true],
    ['a land plot', unit('L-01', 'land_plot'), household('H1', '2023-01-01'), true],
    [
      'a unit the household declined before',
      unit('A-101'),
      household('H1', '2023-01-01', { refused: ['A-101'] }),
      false,
    ],
    [
      'another unit than the one it declined',
      unit('A-102'),
      household('H1', '2023-01-01', { refused: ['A-101'] }),
      true,
    ],
  ])('should decide %s', (_name, u, h, expected) => {
    expect(unitFits(u, h)).toBe(expected);
  });
});

describe(pairUnitsWithWaitingList.name, () => {
  const pairs = (units: AvailableUnit[], candidates: OfferCandidate[]) =>
    pairUnitsWithWaitingList(units, candidates).map((p) => `${p.unit.code}→${p.household.code}`);

  const cases: Array<[string, AvailableUnit[], OfferCandidate[], string[]]> = [
    ['nothing without units', [], [household('H1', '2023-01-01')], []],
    ['nothing without households', [unit('A-101')], [], []],
    [
      'units in code order to households in waiting-list order',
      [unit('A-102'), unit('A-101')],
      [household('H1', '2023-01-01'), household('H2', '2022-01-01', { vulnerable: true })],
      ['A-101→H2', 'A-102→H1'],
    ],
    [
      'one unit per household, leaving extra units available',
      [unit('A-101'), unit('A-102'), unit('A-103')],
      [household('H1', '2023-01-01'), household('H2', '2023-02-01')],
      ['A-101→H1', 'A-102→H2'],
    ],
    [
      'a declined unit to the next household, and another unit to the one that declined it',
      [unit('A-101'), unit('A-102')],
      [household('H1', '2023-01-01', { refused: ['A-101'] }), household('H2', '2023-02-01')],
      ['A-101→H2', 'A-102→H1'],
    ],
    [
      'no offer of a unit every household has refused',
      [unit('A-101')],
      [household('H1', '2023-01-01', { refused: ['A-101'] })],
      [],
    ],
  ];

  it.each(cases)('should pair %s', (_name, units, candidates, expected) => {
    expect(pairs(units, candidates)).toEqual(expected);
  });
});
