/**
 * A reminder waits (`scheduled`) until it falls due, then fires (`open`); a person acknowledges it
 * and marks it done. Producers cancel reminders the world has made pointless (a newer visit).
 */
export const REMINDER_STATUSES = ['scheduled', 'open', 'acknowledged', 'done', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** Statuses a person may move a reminder to, by hand. */
export const REMINDER_ACTIONS = ['acknowledged', 'done'] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

/** Moves people make, as data. Firing and cancelling are the system's, not in this table. */
export const REMINDER_MOVES: Readonly<Record<ReminderStatus, readonly ReminderAction[]>> = {
  scheduled: [],
  open: ['acknowledged', 'done'],
  acknowledged: ['done'],
  done: [],
  cancelled: [],
};

/** Statuses the system may still cancel: nobody has closed them yet. */
export const CANCELLABLE_STATUSES: readonly ReminderStatus[] = ['scheduled', 'open'];

export type MoveDecision =
  | { allowed: true }
  | { allowed: false; code: 'REMINDER_NOT_DUE' | 'REMINDER_CLOSED'; message: string; allowedMoves: ReminderAction[] };

export function decideReminderMove(from: ReminderStatus, to: ReminderAction): MoveDecision {
  const allowed = REMINDER_MOVES[from];
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
    allowedMoves: [...allowed],
  };
}

export function isReminderStatus(value: unknown): value is ReminderStatus {
  return typeof value === 'string' && (REMINDER_STATUSES as readonly string[]).includes(value);
}
