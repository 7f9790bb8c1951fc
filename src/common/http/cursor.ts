import { InputValidationError } from '../errors/domain-error.js';

/**
 * Keyset pagination's position: the sort and the last row's sort values, as opaque base64url JSON.
 * Clients pass `nextCursor` back as `cursor`; they never build one.
 */
export type CursorValue = string | number | null;

export function encodeCursor(sort: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([sort, ...values]), 'utf8').toString('base64url');
}

/** The values a cursor holds for `sort`; a cursor that is malformed or made for another sort is a 400. */
export function decodeCursor(cursor: string, sort: string, arity: number): CursorValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === arity + 1 &&
    decoded[0] === sort &&
    decoded.slice(1).every((value) => value === null || typeof value === 'string' || typeof value === 'number');
  if (!valid) {
    throw new InputValidationError({
      cursor: ['cursor must be a nextCursor this list returned, with the same sort'],
    });
  }
  return (decoded as CursorValue[]).slice(1);
}
