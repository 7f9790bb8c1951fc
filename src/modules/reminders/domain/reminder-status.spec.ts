import {
  CANCELLABLE_STATUSES,
  decideReminderMove,
  personMoves,
  type ReminderAction,
  type ReminderStatus,
} from './reminder-status.js';

describe(decideReminderMove.name, () => {
  const cases: Array<[ReminderStatus, ReminderAction, boolean, string | null]> = [
    ['open', 'acknowledged', true, null],
    ['open', 'done', true, null],
    ['acknowledged', 'done', true, null],
    ['acknowledged', 'acknowledged', false, 'REMINDER_CLOSED'],
    ['scheduled', 'acknowledged', false, 'REMINDER_NOT_DUE'],
    ['scheduled', 'done', false, 'REMINDER_NOT_DUE'],
    ['done', 'acknowledged', false, 'REMINDER_CLOSED'],
    ['done', 'done', false, 'REMINDER_CLOSED'],
    ['cancelled', 'done', false, 'REMINDER_CLOSED'],
  ];

  it.each(cases)('should decide %s → %s: allowed=%s', (from, to, allowed, code) => {
    const decision = decideReminderMove(from, to);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) {
      expect(decision.code).toBe(code);
      expect(decision.allowedMoves).toEqual(personMoves(from));
    }
  });
});

describe(personMoves.name, () => {
  it.each([
    ['scheduled', []],
    ['open', ['acknowledged', 'done']],
    ['acknowledged', ['done']],
    ['done', []],
    ['cancelled', []],
  ] as const)('should let a person move a %s reminder to %j', (from, moves) => {
    expect(personMoves(from)).toEqual(moves);
  });

  it('should let the system cancel only what nobody has closed', () => {
    expect(CANCELLABLE_STATUSES).toEqual(['scheduled', 'open']);
  });
});
