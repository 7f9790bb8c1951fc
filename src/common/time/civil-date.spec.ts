import {
  addDays,
  atLocalTime,
  daysBetween,
  offsetMs,
  toLocalDate,
  toLocalDateTime,
  viDate,
  viDateTime,
} from './civil-date.js';

describe(atLocalTime.name, () => {
  it.each([
    ['2026-03-16', '08:00', 'Asia/Ho_Chi_Minh', '2026-03-16T01:00:00.000Z'],
    ['2026-01-01', '00:30', 'Asia/Ho_Chi_Minh', '2025-12-31T17:30:00.000Z'],
    ['2026-03-16', '08:00', 'UTC', '2026-03-16T08:00:00.000Z'],
    // Paris moves to summer time on 29 March 2026.
    ['2026-03-28', '08:00', 'Europe/Paris', '2026-03-28T07:00:00.000Z'],
    ['2026-03-30', '08:00', 'Europe/Paris', '2026-03-30T06:00:00.000Z'],
  ])('should place %s %s in %s at %s', (date, time, zone, expected) => {
    expect(atLocalTime(date, time, zone).toISOString()).toBe(expected);
  });
});

describe(addDays.name, () => {
  it.each([
    ['2026-03-16', -3, '2026-03-13'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('should move %s by %i days to %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe(offsetMs.name, () => {
  it('should read Hanoi as seven hours ahead of UTC', () => {
    expect(offsetMs(new Date('2026-03-10T02:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(7 * 3600 * 1000);
  });
});

describe(daysBetween.name, () => {
  it.each([
    ['2026-03-10', '2026-03-20', 10],
    ['2026-03-20', '2026-03-10', -10],
    ['2024-02-28', '2024-03-01', 2],
  ])('should count from %s to %s as %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe(toLocalDate.name, () => {
  it('should read an instant late in the UTC day as the next Hanoi day', () => {
    expect(toLocalDate(new Date('2026-03-10T18:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-11');
  });
});

describe(toLocalDateTime.name, () => {
  it('should give the Hanoi wall-clock time of an instant', () => {
    expect(toLocalDateTime(new Date('2026-03-10T15:05:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({
      date: '2026-03-10',
      time: '22:05',
      hour: 22,
    });
  });

  it('should cross midnight into the next Hanoi day', () => {
    expect(toLocalDateTime(new Date('2026-03-10T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({
      date: '2026-03-11',
      time: '00:30',
      hour: 0,
    });
  });
});

describe(viDate.name, () => {
  it('should write a civil date as Vietnamese documents do', () => {
    expect(viDate('2026-03-01')).toBe('01/03/2026');
  });
});

describe(viDateTime.name, () => {
  it('should write a Hanoi wall-clock time', () => {
    expect(viDateTime(new Date('2026-03-10T17:05:00Z'), 'Asia/Ho_Chi_Minh')).toBe('00:05 11/03/2026');
  });
});
