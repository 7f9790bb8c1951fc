/** `{ field: { before, after } }` for an update, `{ field: { after } }` for a creation. */
export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

export type EntityAuditAction = 'create' | 'update' | 'transition' | 'archive' | 'restore' | 'revoke' | 'delete';

export const REDACTED = '[redacted]';

/** Credentials and their digests never reach the trail, not even hashed. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'passwordHash',
  'keyHash',
  'tokenHash',
  'requestHash',
  'secret',
]);

/**
 * A value as jsonb can hold it and a reader expects it: instants as ISO strings. Arrays and
 * objects are copied as they are now (as JSON would store them): the row is written at the end of
 * the unit of work, and the entity's own array may be changed in place meanwhile.
 */
export function toAuditValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  // A SQL expression handed to a query builder (`() => 'now()'`): its value is not known here.
  if (typeof value === 'function') return '[expression]';
  if (Buffer.isBuffer(value)) return '[binary]';
  if (value !== null && typeof value === 'object') return JSON.parse(JSON.stringify(value)) as unknown;
  return value;
}

function shown(field: string, value: unknown): unknown {
  return SECRET_FIELDS.has(field) ? REDACTED : toAuditValue(value);
}

export function creationChanges(after: Readonly<Record<string, unknown>>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== undefined) changes[field] = { after: shown(field, value) };
  }
  return changes;
}

/**
 * Fields whose value really changed. Without `before` (an update issued as a query rather than by
 * saving a loaded entity) only the new values are known.
 */
export function updateChanges(
  fields: readonly string[],
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>>,
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    if (after[field] === undefined) continue;
    if (!before) {
      changes[field] = { after: shown(field, after[field]) };
      continue;
    }
    const was = toAuditValue(before[field]);
    const now = toAuditValue(after[field]);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[field] = SECRET_FIELDS.has(field) ? { before: REDACTED, after: REDACTED } : { before: was, after: now };
  }
  return changes;
}

export function deletionChanges(before: Readonly<Record<string, unknown>>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(before)) {
    if (value !== undefined) changes[field] = { before: shown(field, value) };
  }
  return changes;
}

/**
 * What an update means, for readers of the trail: archiving and restoring (households are never
 * deleted), revoking a credential, and a status change (the consent state machine above all) are
 * named; anything else is an update.
 */
export function actionForUpdate(changes: AuditChanges): EntityAuditAction {
  if ('archivedAt' in changes) return changes.archivedAt.after === null ? 'restore' : 'archive';
  if ('revokedAt' in changes && changes.revokedAt.after !== null) return 'revoke';
  if ('status' in changes) return 'transition';
  return 'update';
}
