import { createHash } from 'node:crypto';
import { DomainError, InputValidationError } from '../errors/domain-error.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

/** Reads an optional `Idempotency-Key` header: 1–200 visible ASCII characters (a UUID is typical). */
export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = raw.trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new InputValidationError({
      'header:idempotency-key': ['Idempotency-Key must be 1 to 200 visible ASCII characters'],
    });
  }
  return key;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * A hash of the request body that ignores key order, so a replay can be told from a different
 * request. No body hashes like `null`.
 */
export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string) {
    super(
      'rule_violation',
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request; use a new key for a new request',
      { idempotencyKey: key },
    );
  }
}
