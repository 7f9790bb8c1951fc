import { sortWaitingList, type WaitingHousehold } from './waiting-list.js';

const h = (code: string, vulnerable: boolean, committedAt: string): WaitingHousehold => ({
  householdId: `id-${code}`,
  code,
  vulnerable,
  committedAt: new Date(committedAt),
});

describe(sortWaitingList.name, () => {
  const cases: Array<[string, WaitingHousehold[], string[]]> = [
    ['an empty list', [], []],
    [
      'vulnerable households before others, whatever their commitment date',
      [h('TK-01', false, '2022-01-01'), h('TK-02', true, '2023-06-01')],
      ['TK-02', 'TK-01'],
    ],
    [
      'earliest commitment first within the vulnerable',
      [h('TK-03', true, '2023-10-01'), h('TK-04', true, '2022-12-31')],
      ['TK-04', 'TK-03'],
    ],
    [
      'earliest commitment first among the others',
      [h('TK-05', false, '2023-12-01'), h('TK-06', false, '2023-01-15'), h('TK-07', false, '2023-05-05')],
      ['TK-06', 'TK-07', 'TK-05'],
    ],
    [
      'the code when commitments tie',
      [h('TK-09', false, '2023-12-01'), h('TK-08', false, '2023-12-01')],
      ['TK-08', 'TK-09'],
    ],
    [
      'the Thụy Khuê holdouts: two vulnerable, then six by commitment',
      [
        h('TK-A', false, '2023-03-01'),
        h('TK-B', true, '2023-09-01'),
        h('TK-C', false, '2023-01-01'),
        h('TK-D', false, '2023-12-01'),
        h('TK-E', true, '2023-02-01'),
        h('TK-F', false, '2023-06-01'),
        h('TK-G', false, '2023-04-01'),
        h('TK-H', false, '2023-11-01'),
      ],
      ['TK-E', 'TK-B', 'TK-C', 'TK-A', 'TK-G', 'TK-F', 'TK-H', 'TK-D'],
    ],
  ];

  it.each(cases)('should order %s', (_name, households, expected) => {
    expect(sortWaitingList(households).map((x) => x.code)).toEqual(expected);
  });

  it('should not reorder its input', () => {
    const input = [h('TK-01', false, '2023-01-01'), h('TK-02', true, '2023-01-01')];
    sortWaitingList(input);
    expect(input.map((x) => x.code)).toEqual(['TK-01', 'TK-02']);
  });
});
