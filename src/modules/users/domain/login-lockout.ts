/** How many wrong passwords in a row lock an account, and for how long. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface LoginAttempts {
  failedLogins: number;
  lockedUntil: Date | null;
}

export const NO_FAILED_LOGINS: LoginAttempts = { failedLogins: 0, lockedUntil: null };

/** When the lock running at `now` ends, or null when signing in is allowed. */
export function lockEndsAt(attempts: LoginAttempts, now: Date): Date | null {
  return attempts.lockedUntil !== null && attempts.lockedUntil > now ? attempts.lockedUntil : null;
}

/**
 * Counts a wrong password. Reaching the limit locks the account for the policy's period; once that
 * lock has run out the count starts again, so each period allows `maxFailures` fresh tries rather
 * than re-locking on the first typo.
 */
export function afterFailedLogin(attempts: LoginAttempts, now: Date, policy: LockoutPolicy): LoginAttempts {
  const lockExpired = attempts.lockedUntil !== null && attempts.lockedUntil <= now;
  const failedLogins = (lockExpired ? 0 : attempts.failedLogins) + 1;
  if (failedLogins >= policy.maxFailures) {
    return { failedLogins, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedLogins, lockedUntil: lockExpired ? null : attempts.lockedUntil };
}
