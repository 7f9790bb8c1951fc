import { afterFailedLogin, lockEndsAt, type LoginAttempts, NO_FAILED_LOGINS } from './login-lockout.js';

const now = new Date('2026-03-10T02:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const policy = { maxFailures: 3, lockMinutes: 15 };

describe('login lock-out', () => {
  it.each<[string, LoginAttempts, LoginAttempts]>([
    ['counts a first failure', NO_FAILED_LOGINS, { failedLogins: 1, lockedUntil: null }],
    ['counts below the limit', { failedLogins: 1, lockedUntil: null }, { failedLogins: 2, lockedUntil: null }],
    [
      'locks on reaching the limit',
      { failedLogins: 2, lockedUntil: null },
      { failedLogins: 3, lockedUntil: minutes(15) },
    ],
    [
      'extends a lock still running',
      { failedLogins: 3, lockedUntil: minutes(5) },
      { failedLogins: 4, lockedUntil: minutes(15) },
    ],
    [
      'starts counting again after a lock ran out',
      { failedLogins: 3, lockedUntil: minutes(-1) },
      { failedLogins: 1, lockedUntil: null },
    ],
    [
      'treats a lock ending exactly now as over',
      { failedLogins: 3, lockedUntil: now },
      { failedLogins: 1, lockedUntil: null },
    ],
  ])('should %s', (_, before, after) => {
    expect(afterFailedLogin(before, now, policy)).toEqual(after);
  });

  it.each<[LoginAttempts, Date | null]>([
    [NO_FAILED_LOGINS, null],
    [{ failedLogins: 3, lockedUntil: minutes(1) }, minutes(1)],
    [{ failedLogins: 3, lockedUntil: now }, null],
    [{ failedLogins: 3, lockedUntil: minutes(-1) }, null],
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
