import fc from 'fast-check';
import { DAY_MS, HOUR_MS } from '../../../common/time/civil-date.js';
import {
  planVisitWindow,
  recentVisitWindow,
  utcDate,
  type VisitWindowPlan,
  visitBucketHorizon,
} from './visit-window.js';

/** Counts visits through a plan the way the repository's SQL does, from buckets made as the triggers make them. */
function countThrough(plan: VisitWindowPlan, visits: readonly Date[]): number {
  const at = (d: Date) => d.getTime();
  const hourOf = (v: Date) => Math.floor(at(v) / HOUR_MS) * HOUR_MS;
  const inHours = (v: Date, r: { from: Date; to: Date }) => hourOf(v) >= at(r.from) && hourOf(v) < at(r.to);
  return visits.filter(
    (v) =>
      (at(v) > at(plan.head.after) && at(v) < at(plan.head.before)) ||
      inHours(v, plan.headHours) ||
      (utcDate(v) >= plan.days.from && utcDate(v) < plan.days.to) ||
      inHours(v, plan.tailHours) ||
      (at(v) >= at(plan.tail.from) && at(v) <= at(plan.tail.upTo)),
  ).length;
}

describe(planVisitWindow.name, () => {
  it('should split 30 days into partial hours, whole hours and whole days', () => {
    // 2026-03-10 09:00 in Hanoi, and 30 days before.
    const plan = planVisitWindow(new Date('2026-02-08T02:17:05.250Z'), new Date('2026-03-10T02:17:05.250Z'));
    expect(plan).toEqual({
      head: { after: new Date('2026-02-08T02:17:05.250Z'), before: new Date('2026-02-08T03:00:00Z') },
      headHours: { from: new Date('2026-02-08T03:00:00Z'), to: new Date('2026-02-09T00:00:00Z') },
      days: { from: '2026-02-09', to: '2026-03-10' },
      tailHours: { from: new Date('2026-03-10T00:00:00Z'), to: new Date('2026-03-10T02:00:00Z') },
      tail: { from: new Date('2026-03-10T02:00:00Z'), upTo: new Date('2026-03-10T02:17:05.250Z') },
    });
  });

  it('should leave the whole-hour ranges empty when the window starts and ends on a day', () => {
    const plan = planVisitWindow(new Date('2026-02-08T00:00:00Z'), new Date('2026-03-10T00:00:00Z'));
    expect(plan.headHours).toEqual({ from: new Date('2026-02-08T01:00:00Z'), to: new Date('2026-02-09T00:00:00Z') });
    expect(plan.tailHours).toEqual({ from: new Date('2026-03-10T00:00:00Z'), to: new Date('2026-03-10T00:00:00Z') });
    expect(plan.tail).toEqual({ from: new Date('2026-03-10T00:00:00Z'), upTo: new Date('2026-03-10T00:00:00Z') });
  });

  it('should read 29 day buckets and 23 hour buckets for the 30 days before any instant', () => {
    const hours = (range: { from: Date; to: Date }) => (range.to.getTime() - range.from.getTime()) / HOUR_MS;
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (now) => {
        const plan = recentVisitWindow(now);
        const days = (Date.parse(plan.days.to) - Date.parse(plan.days.from)) / DAY_MS;
        return days === 29 && hours(plan.headHours) + hours(plan.tailHours) === 23;
      }),
    );
  });

  it('should count exactly the visits after the start and up to the end, to the millisecond', () => {
    const instant = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-05-01') });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: DAY_MS, max: 60 * DAY_MS }),
        fc.array(fc.integer({ min: -70 * DAY_MS, max: 2 * DAY_MS }), { maxLength: 60 }),
        (until, length, offsets) => {
          const since = until - length;
          // Visits at random instants, and on the window's edges and their neighbours.
          const edges = [since - 1, since, since + 1, until - 1, until, until + 1];
          const visits = [...offsets.map((offset) => until + offset), ...edges].map((ms) => new Date(ms));
          const expected = visits.filter((v) => v.getTime() > since && v.getTime() <= until).length;
          return countThrough(planVisitWindow(new Date(since), new Date(until)), visits) === expected;
        },
      ),
    );
  });

  it('should refuse a window shorter than a day', () => {
    expect(() => planVisitWindow(new Date('2026-03-10T00:00:00Z'), new Date('2026-03-10T23:59:59Z'))).toThrow(
      RangeError,
    );
  });
});

describe(visitBucketHorizon.name, () => {
  it('should keep every bucket a later window can read, and a day of slack', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    expect(visitBucketHorizon(now)).toEqual(new Date('2026-02-07T00:00:00Z'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY_MS }), (later) => {
        const { head } = recentVisitWindow(new Date(now.getTime() + later));
        return Math.floor(head.after.getTime() / HOUR_MS) * HOUR_MS >= visitBucketHorizon(now).getTime();
      }),
    );
  });
});
