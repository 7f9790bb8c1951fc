import type { Precondition } from './enforcement-preconditions.js';
import type { EnforcementStatus } from './enforcement-status.js';
import type { ForbiddenTime } from './enforcement-window.js';
import {
  decideEdit,
  decideOutcome,
  decideSchedule,
  decisionDateErrors,
  type DecisionDates,
  fileStatus,
  outcomeDateErrors,
} from './enforcement.rules.js';

const NOW = new Date('2026-03-10T02:00:00Z');
const LATER = new Date('2026-03-20T02:00:00Z');
const NIGHT: ForbiddenTime = { code: 'night', message: '23:00 is at night' };

describe(decideSchedule.name, () => {
  const cases: Array<[string, EnforcementStatus, Precondition[], ForbiddenTime[], Date, string]> = [
    ['a ready record at a lawful time', 'ready', [], [], LATER, 'allowed'],
    ['a draft whose file has just become complete', 'draft', [], [], LATER, 'allowed'],
    ['a reschedule', 'scheduled', [], [], LATER, 'allowed'],
    ['a record with persuasion missing', 'draft', ['ward_persuasion'], [], LATER, 'ENFORCEMENT_PRECONDITIONS_MISSING'],
    ['a time in the past', 'ready', [], [], NOW, 'ENFORCEMENT_SCHEDULE_IN_PAST'],
    ['a forbidden time', 'ready', [], [NIGHT], LATER, 'ENFORCEMENT_TIME_FORBIDDEN'],
    ['an executed record', 'executed', [], [], LATER, 'ENFORCEMENT_RECORD_CLOSED'],
    ['a complied record', 'complied', [], [], LATER, 'ENFORCEMENT_RECORD_CLOSED'],
    ['a cancelled record', 'cancelled', [], [], LATER, 'ENFORCEMENT_RECORD_CLOSED'],
  ];

  it.each(cases)('should decide: %s', (_, status, missing, forbidden, scheduledAt, expected) => {
    const decision = decideSchedule({ status, missing, forbidden, scheduledAt, now: NOW });
    expect(decision.allowed ? 'allowed' : decision.code).toBe(expected);
  });

  it('should list the missing preconditions and the forbidden-time reasons', () => {
    expect(
      decideSchedule({
        status: 'draft',
        missing: ['dialogue_session_held'],
        forbidden: [],
        scheduledAt: LATER,
        now: NOW,
      }),
    ).toMatchObject({ details: { missing: ['dialogue_session_held'], legalBasis: 'LL2024 art. 89' } });
    expect(
      decideSchedule({ status: 'ready', missing: [], forbidden: [NIGHT], scheduledAt: LATER, now: NOW }),
    ).toMatchObject({ message: '23:00 is at night', details: { reasons: ['night'] } });
  });
});

describe(decideEdit.name, () => {
  it.each<[EnforcementStatus, boolean]>([
    ['draft', true],
    ['ready', true],
    ['scheduled', false],
    ['executed', false],
    ['complied', false],
    ['cancelled', false],
  ])('should allow editing a %s record: %s', (status, allowed) => {
    expect(decideEdit(status).allowed).toBe(allowed);
  });
});

describe(decideOutcome.name, () => {
  it.each<[EnforcementStatus, boolean]>([
    ['draft', false],
    ['ready', false],
    ['scheduled', true],
    ['executed', false],
    ['complied', false],
  ])('should let a %s record end: %s', (status, allowed) => {
    expect(decideOutcome(status).allowed).toBe(allowed);
  });
});

describe(fileStatus.name, () => {
  it('should be ready only when nothing is missing', () => {
    expect(fileStatus([])).toBe('ready');
    expect(fileStatus(['decision_posted'])).toBe('draft');
  });
});

describe(decisionDateErrors.name, () => {
  const TODAY = '2026-03-10';
  const valid: DecisionDates = {
    decisionIssuedOn: '2026-03-01',
    decisionPostedOn: '2026-03-02',
    delivery: 'delivered',
    deliveredOn: '2026-03-03',
    deliveryNote: null,
  };
  const cases: Array<[string, Partial<DecisionDates>, string[]]> = [
    ['valid dates', {}, []],
    ['nothing posted or delivered yet', { decisionPostedOn: null, delivery: null, deliveredOn: null }, []],
    ['posted and delivered on the day of issue', { decisionPostedOn: '2026-03-01', deliveredOn: '2026-03-01' }, []],
    [
      'a decision issued tomorrow',
      { decisionIssuedOn: '2026-03-11', decisionPostedOn: null, delivery: null, deliveredOn: null },
      ['decisionIssuedOn'],
    ],
    ['posted before it was issued', { decisionPostedOn: '2026-02-28' }, ['decisionPostedOn']],
    ['delivered in the future', { deliveredOn: '2026-03-11' }, ['deliveredOn']],
    ['a delivery without its date', { deliveredOn: null }, ['deliveredOn']],
    ['a date without the delivery', { delivery: null }, ['delivery']],
    ['a refusal without a witness note', { delivery: 'refused' }, ['deliveryNote']],
    ['a refusal with a witness note', { delivery: 'refused', deliveryNote: 'Tổ trưởng TDP chứng kiến' }, []],
  ];

  it.each(cases)('should check: %s', (_, change, fields) => {
    expect(Object.keys(decisionDateErrors({ ...valid, ...change }, TODAY))).toEqual(fields);
  });
});

describe(outcomeDateErrors.name, () => {
  it.each<[string, string[]]>([
    ['2026-03-05', []],
    ['2026-03-04', ['compliedOn must not be before 2026-03-05']],
    ['2026-03-11', ['compliedOn must not be after today (2026-03-10)']],
  ])('should check %s', (value, messages) => {
    const errors = outcomeDateErrors('compliedOn', value, '2026-03-05', '2026-03-10');
    expect(errors.compliedOn ?? []).toEqual(messages);
  });
});
