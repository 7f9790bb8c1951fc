import { type CalendarFacts, forbiddenTimes, type ForbiddenTimeCode } from './enforcement-window.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const TET = ['2025-01-29', '2026-02-17', '2027-02-06'];
const WORKDAY: CalendarFacts = { isHoliday: false, tetFirstDays: TET, tetBlackoutDays: 15 };
const HOLIDAY: CalendarFacts = { ...WORKDAY, isHoliday: true };

/** An instant given as Hanoi wall-clock time. */
const hanoi = (local: string) => new Date(`${local}+07:00`);

describe(forbiddenTimes.name, () => {
  const cases: Array<[string, string, CalendarFacts, ForbiddenTimeCode[]]> = [
    ['a weekday morning', '2026-03-10T08:00:00', WORKDAY, []],
    ['one minute before the night', '2026-03-10T21:59:00', WORKDAY, []],
    ['the last second before the night', '2026-03-10T21:59:59', WORKDAY, []],
    ['the night starts', '2026-03-10T22:00:00', WORKDAY, ['night']],
    ['midnight', '2026-03-11T00:00:00', WORKDAY, ['night']],
    ['one minute before the night ends', '2026-03-11T05:59:00', WORKDAY, ['night']],
    ['the night ends', '2026-03-11T06:00:00', WORKDAY, []],
    ['a public holiday', '2026-04-30T09:00:00', HOLIDAY, ['public_holiday']],
    ['a public holiday at night', '2026-09-02T23:00:00', HOLIDAY, ['night', 'public_holiday']],
    ['16 days before Tết', '2026-02-01T09:00:00', WORKDAY, []],
    ['15 days before Tết', '2026-02-02T09:00:00', WORKDAY, ['tet_period']],
    ['the first day of Tết', '2026-02-17T09:00:00', HOLIDAY, ['public_holiday', 'tet_period']],
    ['15 days after Tết', '2026-03-04T09:00:00', WORKDAY, ['tet_period']],
    ['16 days after Tết', '2026-03-05T09:00:00', WORKDAY, []],
    ['15 days before Tết across the year end', '2027-01-22T09:00:00', WORKDAY, ['tet_period']],
    ['16 days before Tết across the year end', '2027-01-21T09:00:00', WORKDAY, []],
    ['a year the calendar has no Tết for', '2028-06-01T09:00:00', WORKDAY, ['tet_unknown']],
    [
      'a year without Tết, blackout rule switched off',
      '2028-06-01T09:00:00',
      { ...WORKDAY, tetBlackoutDays: null },
      [],
    ],
    ['near Tết with the blackout rule switched off', '2026-02-10T09:00:00', { ...WORKDAY, tetBlackoutDays: null }, []],
    ['near Tết with a longer blackout', '2026-03-05T09:00:00', { ...WORKDAY, tetBlackoutDays: 20 }, ['tet_period']],
  ];

  it.each(cases)('should decide: %s (%s)', (_, local, calendar, expected) => {
    expect(forbiddenTimes(hanoi(local), ZONE, calendar).map((r) => r.code)).toEqual(expected);
  });

  it('should judge by local time, not UTC', () => {
    // 15:00Z is 22:00 in Hanoi; 23:00Z on 10 March is 06:00 on 11 March in Hanoi.
    expect(forbiddenTimes(new Date('2026-03-10T15:00:00Z'), ZONE, WORKDAY).map((r) => r.code)).toEqual(['night']);
    expect(forbiddenTimes(new Date('2026-03-10T23:00:00Z'), ZONE, WORKDAY)).toEqual([]);
  });

  it('should say why, citing the article', () => {
    const [reason] = forbiddenTimes(hanoi('2026-02-02T09:00:00'), ZONE, WORKDAY);
    expect(reason.message).toBe(
      '2026-02-02 is 15 days before Tết (2026-02-17); enforcement is forbidden within 15 days before or after Tết (LL2024 art. 89)',
    );
  });
});
