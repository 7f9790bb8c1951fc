/** How many wrong passwords in a row lock an account, and for how long. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface LoginAttempts {
  failedLogins: number;
  lockedUntil: Date | null;
  /** When the last wrong password was given. */
  lastFailedAt: Date | null;
}

export const NO_FAILED_LOGINS: LoginAttempts = { failedLogins: 0, lockedUntil: null, lastFailedAt: null };

/**
 * Wrong passwords older than this are forgotten, for accounts and for emails without one alike
 * (whose counts are then purged), so that lockout never tells the two apart.
 */
export const FORGET_FAILURES_AFTER_MS = 24 * 3600_000;

/** When the lock running at `now` ends, or null when signing in is allowed. */
export function lockEndsAt(attempts: LoginAttempts, now: Date): Date | null {
  return attempts.lockedUntil !== null && attempts.lockedUntil > now ? attempts.lockedUntil : null;
}

/**
 * Counts a wrong password. Reaching the limit locks the account for the policy's period; once that
 * lock has run out the count starts again, so each period allows `maxFailures` fresh tries rather
 * than re-locking on the first typo. Failures a day old are forgotten.
 */
export function afterFailedLogin(attempts: LoginAttempts, now: Date, policy: LockoutPolicy): LoginAttempts {
  const lockExpired = attempts.lockedUntil !== null && attempts.lockedUntil <= now;
  const forgotten =
    attempts.lastFailedAt !== null && now.getTime() - attempts.lastFailedAt.getTime() >= FORGET_FAILURES_AFTER_MS;
  const failedLogins = (lockExpired || forgotten ? 0 : attempts.failedLogins) + 1;
  if (failedLogins >= policy.maxFailures) {
    return { failedLogins, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lastFailedAt: now };
  }
  return { failedLogins, lockedUntil: lockExpired ? null : attempts.lockedUntil, lastFailedAt: now };
}
