import {
  afterFailedLogin,
  FORGET_FAILURES_AFTER_MS,
  lockEndsAt,
  type LoginAttempts,
  NO_FAILED_LOGINS,
} from './login-lockout.js';

const now = new Date('2026-03-10T02:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const policy = { maxFailures: 3, lockMinutes: 15 };
/** A failure a minute ago, in the "before" states; "after" states are stamped now. */
const LAST = minutes(-1);

describe('login lock-out', () => {
  const before = (failedLogins: number, lockedUntil: Date | null, lastFailedAt: Date | null = LAST) => ({
    failedLogins,
    lockedUntil,
    lastFailedAt,
  });
  /** Every failure is stamped with its time. */
  const after = (failedLogins: number, lockedUntil: Date | null) => ({ failedLogins, lockedUntil, lastFailedAt: now });

  it.each<[string, LoginAttempts, LoginAttempts]>([
    ['counts a first failure', NO_FAILED_LOGINS, after(1, null)],
    ['counts below the limit', before(1, null), after(2, null)],
    ['locks on reaching the limit', before(2, null), after(3, minutes(15))],
    ['extends a lock still running', before(3, minutes(5)), after(4, minutes(15))],
    ['starts counting again after a lock ran out', before(3, minutes(-1)), after(1, null)],
    ['treats a lock ending exactly now as over', before(3, now), after(1, null)],
    ['forgets failures a day old', before(2, null, new Date(now.getTime() - FORGET_FAILURES_AFTER_MS)), after(1, null)],
    ['remembers failures younger than a day', before(2, null, minutes(-23 * 60)), after(3, minutes(15))],
  ])('should %s', (_, state, next) => {
    expect(afterFailedLogin(state, now, policy)).toEqual(next);
  });

  it.each<[LoginAttempts, Date | null]>([
    [NO_FAILED_LOGINS, null],
    [{ failedLogins: 3, lockedUntil: minutes(1), lastFailedAt: LAST }, minutes(1)],
    [{ failedLogins: 3, lockedUntil: now, lastFailedAt: LAST }, null],
    [{ failedLogins: 3, lockedUntil: minutes(-1), lastFailedAt: LAST }, null],
  ])('should tell when the lock on %o ends', (attempts, endsAt) => {
    expect(lockEndsAt(attempts, now)).toEqual(endsAt);
  });

  it('should lock after exactly maxFailures failures in a row', () => {
    let attempts = NO_FAILED_LOGINS;
    for (let i = 1; i < policy.maxFailures; i += 1) {
      attempts = afterFailedLogin(attempts, now, policy);
      expect(lockEndsAt(attempts, now)).toBeNull();
    }
    expect(lockEndsAt(afterFailedLogin(attempts, now, policy), now)).toEqual(minutes(15));
  });
});
