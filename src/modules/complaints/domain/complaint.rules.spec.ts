import { COMPLAINT_ACTIONS, COMPLAINT_LIFE, COMPLAINT_STATUSES } from './complaint-status.js';
import {
  type ComplaintFacts,
  decideComplaintStep,
  isOverdue,
  openDeadline,
  resolveRuleCode,
} from './complaint.rules.js';

const TODAY = '2026-03-10';
const received: ComplaintFacts = {
  status: 'received',
  receivedOn: '2026-03-02',
  acceptedOn: null,
  acceptDueOn: '2026-03-12',
  resolveDueOn: null,
};
const accepted: ComplaintFacts = {
  ...received,
  status: 'accepted',
  acceptedOn: '2026-03-05',
  resolveDueOn: '2026-04-06',
};

describe('COMPLAINT_TRANSITIONS', () => {
  it('should reach every status from received', () => {
    const reached = new Set([
      COMPLAINT_LIFE.transitions.initial,
      ...COMPLAINT_LIFE.transitions.reachableFrom('received'),
    ]);
    expect([...reached].sort()).toEqual([...COMPLAINT_STATUSES].sort());
  });

  it.each([
    ['received', ['accept', 'escalate', 'reject', 'withdraw']],
    ['accepted', ['extend', 'escalate', 'resolve', 'reject', 'withdraw']],
    ['resolved', []],
    ['rejected', []],
    ['withdrawn', []],
  ] as const)('should allow from %s: %j', (status, actions) => {
    expect(COMPLAINT_LIFE.actionsFrom(status)).toEqual(
      COMPLAINT_ACTIONS.filter((a) => (actions as readonly string[]).includes(a)),
    );
  });
});

describe('decideComplaintStep', () => {
  it.each([
    ['accept a received complaint', received, { action: 'accept', on: '2026-03-05' }, 'accepted'],
    ['reject a received complaint (không thụ lý)', received, { action: 'reject', on: TODAY }, 'rejected'],
    ['escalate without a status change', accepted, { action: 'escalate', on: TODAY }, 'accepted'],
    ['resolve an accepted complaint', accepted, { action: 'resolve', on: TODAY }, 'resolved'],
    ['extend to a later day', accepted, { action: 'extend', on: TODAY, newResolveDueOn: '2026-04-21' }, 'accepted'],
    ['withdraw an accepted complaint', accepted, { action: 'withdraw', on: '2026-03-05' }, 'withdrawn'],
  ] as const)('should %s', (_case, facts, step, to) => {
    expect(decideComplaintStep(facts, step, TODAY)).toEqual({ allowed: true, to });
  });

  it.each([
    ['resolve before acceptance', received, { action: 'resolve', on: TODAY }, 'COMPLAINT_TRANSITION_REFUSED'],
    [
      'extend before acceptance',
      received,
      { action: 'extend', on: TODAY, newResolveDueOn: '2026-05-01' },
      'COMPLAINT_TRANSITION_REFUSED',
    ],
    ['accept twice', accepted, { action: 'accept', on: TODAY }, 'COMPLAINT_TRANSITION_REFUSED'],
    [
      'touch a closed complaint',
      { ...accepted, status: 'resolved' },
      { action: 'withdraw', on: TODAY },
      'COMPLAINT_TRANSITION_REFUSED',
    ],
    ['accept in the future', received, { action: 'accept', on: '2026-03-11' }, 'COMPLAINT_DATE_IN_FUTURE'],
    ['accept before receipt', received, { action: 'accept', on: '2026-03-01' }, 'COMPLAINT_DATE_TOO_EARLY'],
    ['resolve before acceptance day', accepted, { action: 'resolve', on: '2026-03-04' }, 'COMPLAINT_DATE_TOO_EARLY'],
    [
      'extend to the same day',
      accepted,
      { action: 'extend', on: TODAY, newResolveDueOn: '2026-04-06' },
      'COMPLAINT_EXTENSION_NOT_LATER',
    ],
    [
      'extend to an earlier day',
      accepted,
      { action: 'extend', on: TODAY, newResolveDueOn: '2026-04-01' },
      'COMPLAINT_EXTENSION_NOT_LATER',
    ],
  ] as const)('should refuse to %s', (_case, facts, step, code) => {
    expect(decideComplaintStep(facts as ComplaintFacts, step, TODAY)).toMatchObject({ allowed: false, code });
  });

  it('should list the allowed actions when refusing a move', () => {
    expect(decideComplaintStep(received, { action: 'resolve', on: TODAY }, TODAY)).toMatchObject({
      details: { status: 'received', action: 'resolve', allowed: ['accept', 'escalate', 'reject', 'withdraw'] },
    });
  });
});

describe('resolveRuleCode', () => {
  it.each([
    [false, false, 'complaint.resolve'],
    [true, false, 'complaint.resolve.complex'],
    [false, true, 'complaint.resolve.remote'],
    [true, true, 'complaint.resolve.remote-complex'],
  ])('should pick for complex=%s remote=%s: %s', (complex, remote, code) => {
    expect(resolveRuleCode(complex, remote)).toBe(code);
  });
});

describe('isOverdue', () => {
  it.each([
    ['received, due tomorrow', received, '2026-03-11', false],
    ['received, due today', received, '2026-03-12', false],
    ['received, due yesterday', received, '2026-03-13', true],
    ['accepted, acceptance deadline passed but resolution not', accepted, '2026-03-20', false],
    ['accepted, resolution deadline passed', accepted, '2026-04-07', true],
    ['resolved late is closed, not overdue', { ...accepted, status: 'resolved' }, '2026-05-01', false],
    ['without a tracked deadline', { ...received, acceptDueOn: null }, '2027-01-01', false],
  ] as const)('should judge %s', (_case, facts, today, overdue) => {
    expect(isOverdue(facts as ComplaintFacts, today)).toBe(overdue);
  });

  it('should name the running deadline', () => {
    expect(openDeadline(received)).toEqual({ kind: 'accept', dueOn: '2026-03-12' });
    expect(openDeadline(accepted)).toEqual({ kind: 'resolve', dueOn: '2026-04-06' });
  });
});
