import { DomainError, UnauthenticatedError } from '../../common/errors/domain-error.js';
import type { RefreshVerdict } from './domain/refresh-rotation.js';

/** One message for an unknown email and a wrong password, so the answer does not tell which accounts exist. */
export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('INVALID_CREDENTIALS', 'The email or the password is wrong');
  }
}

export class AccountLockedError extends DomainError {
  constructor(lockedUntil: Date) {
    super(
      'unauthenticated',
      'ACCOUNT_LOCKED',
      `Too many wrong passwords: signing in is blocked until ${lockedUntil.toISOString()}`,
      { lockedUntil: lockedUntil.toISOString() },
    );
  }
}

export class InvalidAccessTokenError extends UnauthenticatedError {
  constructor(message = 'The access token is not valid; sign in again') {
    super('INVALID_TOKEN', message);
  }
}

export class AccessTokenExpiredError extends UnauthenticatedError {
  constructor() {
    super('TOKEN_EXPIRED', 'The access token has expired; use the refresh token or sign in again');
  }
}

export class InvalidApiKeyError extends UnauthenticatedError {
  constructor() {
    super('INVALID_API_KEY', 'The API key is not valid, has expired or was revoked');
  }
}

const REFRESH_REFUSALS: Record<Exclude<RefreshVerdict, 'valid'>, [code: string, message: string]> = {
  unknown: ['INVALID_REFRESH_TOKEN', 'The refresh token is not valid; sign in again'],
  revoked: ['REFRESH_TOKEN_REVOKED', 'The refresh token was revoked; sign in again'],
  expired: ['REFRESH_TOKEN_EXPIRED', 'The refresh token has expired; sign in again'],
  reused: [
    'REFRESH_TOKEN_REUSED',
    'The refresh token was already used, so a copy may exist: every session of this sign-in was ended; sign in again',
  ],
};

export class RefreshTokenRefusedError extends UnauthenticatedError {
  constructor(verdict: Exclude<RefreshVerdict, 'valid'>) {
    super(...REFRESH_REFUSALS[verdict]);
  }
}

export class NotAUserSessionError extends DomainError {
  constructor() {
    super('forbidden', 'NOT_A_USER_SESSION', 'API keys have no session to end; revoke the key instead');
  }
}
