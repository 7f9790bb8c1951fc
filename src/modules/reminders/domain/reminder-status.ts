import { Transitions } from '../../../common/state-machine/transitions.js';

/**
 * A reminder waits (`scheduled`) until it falls due, then fires (`open`); a person acknowledges it
 * and marks it done. Producers cancel reminders the world has made pointless (a newer visit).
 */
export const REMINDER_STATUSES = ['scheduled', 'open', 'acknowledged', 'done', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** Statuses a person may move a reminder to, by hand; firing and cancelling are the system's. */
export const REMINDER_ACTIONS = ['acknowledged', 'done'] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

export const REMINDER_LIFE = Transitions.define<ReminderStatus>('scheduled', {
  scheduled: ['open', 'cancelled'],
  open: ['acknowledged', 'done', 'cancelled'],
  acknowledged: ['done'],
  done: [],
  cancelled: [],
});

const isAction = (status: ReminderStatus): status is ReminderAction =>
  (REMINDER_ACTIONS as readonly string[]).includes(status);

/** The moves a person may make from `from`. */
export function personMoves(from: ReminderStatus): ReminderAction[] {
  return REMINDER_LIFE.allowed(from).filter(isAction);
}

/** Statuses the system may still cancel: nobody has closed them yet. */
export const CANCELLABLE_STATUSES: readonly ReminderStatus[] = REMINDER_STATUSES.filter((status) =>
  REMINDER_LIFE.can(status, 'cancelled'),
);

export type MoveDecision =
  | { allowed: true }
  | { allowed: false; code: 'REMINDER_NOT_DUE' | 'REMINDER_CLOSED'; message: string; allowedMoves: ReminderAction[] };

export function decideReminderMove(from: ReminderStatus, to: ReminderAction): MoveDecision {
  const allowed = personMoves(from);
  if (allowed.includes(to)) return { allowed: true };
  if (from === 'scheduled') {
    return {
      allowed: false,
      code: 'REMINDER_NOT_DUE',
      message: 'The reminder has not fallen due yet',
      allowedMoves: [],
    };
  }
  return {
    allowed: false,
    code: 'REMINDER_CLOSED',
    message: `A reminder that is ${from} cannot become ${to}`,
    allowedMoves: allowed,
  };
}
