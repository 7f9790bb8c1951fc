/**
 * What went wrong, independent of transport. The HTTP edge (`HttpErrorFilter`) maps each kind to a
 * status; services and domain code never know about HTTP.
 */
export type ErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'rule_violation'
  | 'rate_limited'
  /** A body over a size limit. */
  | 'too_large'
  /** Content of a type the route does not take. */
  | 'unsupported_type';

export type ErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** `DialogueSession` → `DIALOGUE_SESSION`. */
function toConstantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('not_found', `${toConstantCase(entity)}_NOT_FOUND`, `${entity} ${id} was not found`, { entity, id });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'UNAUTHENTICATED', message = 'Sign in, or send an API key, to use this route') {
    super('unauthenticated', code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(action: string) {
    super('forbidden', 'FORBIDDEN', `Your role does not allow ${action}`, { action });
  }
}

/** The caller has used up its allowance for now; it may retry after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'TOO_MANY_REQUESTS', `Too many requests; retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

/** Field path → messages, as sent to clients for 400 responses. */
export type FieldErrors = Record<string, string[]>;

export class InputValidationError extends DomainError {
  constructor(fields: FieldErrors, message = 'The request is invalid') {
    super('invalid_input', 'VALIDATION_FAILED', message, { fields });
  }
}

/**
 * The caller's copy is older than the stored one. The HTTP edge answers 412 when the version came
 * as `If-Match`, 409 when it came as a `version` field: the service need not know which.
 */
export class StaleVersionError extends DomainError {
  constructor(entity: string, id: string, expected: number, actual: number) {
    super(
      'stale_version',
      'STALE_VERSION',
      `${entity} ${id} has changed since version ${expected} (now ${actual}); reload and retry`,
      {
        entity,
        id,
        expectedVersion: expected,
        currentVersion: actual,
      },
    );
  }
}

/** Refuses a change based on an older copy of the record; no expected version means "any". */
export function assertVersion(
  entity: string,
  record: { id: string; version: number },
  expected: number | undefined,
): void {
  if (expected !== undefined && expected !== record.version) {
    throw new StaleVersionError(entity, record.id, expected, record.version);
  }
}
