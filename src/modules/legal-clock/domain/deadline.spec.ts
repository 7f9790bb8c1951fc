import { addDays, daysBetween, isWeekend } from '../../../common/time/civil-date.js';
import { computeDeadline, type DeadlineTerms, isWithinTetBlackout, nextWorkingDay } from './deadline.js';

function range(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const HOLIDAYS = new Set([
  '2025-01-01',
  ...range('2025-01-25', '2025-02-02'),
  '2026-01-01',
  ...range('2026-02-14', '2026-02-22'),
  '2026-04-26',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
]);

const calendar = (offsetDays: number): DeadlineTerms => ({ offsetDays, dayKind: 'calendar' });
const working = (offsetDays: number): DeadlineTerms => ({ offsetDays, dayKind: 'working' });

describe('computeDeadline', () => {
  it.each([
    ['a plain weekday', calendar(10), '2026-03-10', '2026-03-20', '2026-03-20'],
    ['a Saturday moving to Monday', calendar(10), '2026-03-11', '2026-03-21', '2026-03-23'],
    ['a Sunday moving to Monday', calendar(10), '2026-03-12', '2026-03-22', '2026-03-23'],
    ['Tết 2026 moving to the Monday after it', calendar(10), '2026-02-07', '2026-02-17', '2026-02-23'],
    ['the first day of Tết 2025 holidays', calendar(10), '2025-01-15', '2025-01-25', '2025-02-03'],
    ['the end of a 31-day month', calendar(30), '2026-01-31', '2026-03-02', '2026-03-02'],
    ['a holiday run into a weekend (30/4, 1/5, then Sat/Sun)', calendar(20), '2026-04-10', '2026-04-30', '2026-05-04'],
    ['National Day 2026', calendar(30), '2026-08-02', '2026-09-01', '2026-09-03'],
    ['the leap day 2028-02-29 (a Tuesday)', calendar(10), '2028-02-19', '2028-02-29', '2028-02-29'],
    ['a 30-day count across the leap day', calendar(30), '2028-01-30', '2028-02-29', '2028-02-29'],
    ['no leap day in 2027', calendar(10), '2027-02-19', '2027-03-01', '2027-03-01'],
    ['the new year', calendar(365), '2025-01-01', '2026-01-01', '2026-01-02'],
    ['zero days on a working day', calendar(0), '2026-03-10', '2026-03-10', '2026-03-10'],
    ['working days across a weekend', working(5), '2026-03-12', '2026-03-19', '2026-03-19'],
    ['working days across Tết 2026', working(5), '2026-02-12', '2026-02-26', '2026-02-26'],
    ['working days from a Saturday', working(1), '2026-03-14', '2026-03-16', '2026-03-16'],
  ])('should count %s', (_case, terms, from, unshiftedOn, dueOn) => {
    expect(computeDeadline(terms, from, HOLIDAYS)).toEqual({ unshiftedOn, dueOn });
  });

  it('should always land on a working day on or after the unshifted date', () => {
    for (let from = '2025-12-01'; from <= '2026-12-31'; from = addDays(from, 1)) {
      for (const terms of [calendar(10), calendar(45), working(10)]) {
        const { dueOn, unshiftedOn } = computeDeadline(terms, from, HOLIDAYS);
        expect(isWeekend(dueOn) || HOLIDAYS.has(dueOn)).toBe(false);
        expect(daysBetween(unshiftedOn, dueOn)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-03-10', '2026-03-10'],
    ['2026-03-14', '2026-03-16'],
    ['2026-02-14', '2026-02-23'],
    ['2025-12-31', '2025-12-31'],
    ['2026-01-01', '2026-01-02'],
  ])('should move %s to %s', (date, expected) => {
    expect(nextWorkingDay(date, HOLIDAYS)).toBe(expected);
  });
});

describe('isWithinTetBlackout', () => {
  const tet = ['2025-01-29', '2026-02-17'];
  it.each([
    ['2026-02-01', false],
    ['2026-02-02', true],
    ['2026-02-17', true],
    ['2026-03-04', true],
    ['2026-03-05', false],
    ['2025-01-13', false],
    ['2025-01-14', true],
    ['2025-02-13', true],
    ['2025-02-14', false],
    ['2027-02-06', false],
  ])('should say %s is %s', (date, expected) => {
    expect(isWithinTetBlackout(date, tet, 15)).toBe(expected);
  });
});
