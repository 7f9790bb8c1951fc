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
  | 'precondition_failed'
  | 'rule_violation';

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

/** Field path → messages, as sent to clients for 400 responses. */
export type FieldErrors = Record<string, string[]>;

export class InputValidationError extends DomainError {
  constructor(fields: FieldErrors, message = 'The request is invalid') {
    super('invalid_input', 'VALIDATION_FAILED', message, { fields });
  }
}

/**
 * The caller's copy is older than the stored one. `viaHeader` is true when the version came from
 * `If-Match`, which HTTP answers with 412; a `version` field in the body answers 409.
 */
export class StaleVersionError extends DomainError {
  constructor(entity: string, id: string, expected: number, actual: number, viaHeader: boolean) {
    super(
      viaHeader ? 'precondition_failed' : 'stale_version',
      'STALE_VERSION',
      `${entity} ${id} has changed since version ${expected} (now ${actual}); reload and retry`,
      { entity, id, expectedVersion: expected, currentVersion: actual },
    );
  }
}
