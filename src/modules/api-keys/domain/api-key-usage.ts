/** How stale `last_used_at` may get: recording every request would be a write per read. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyValidity {
  revokedAt: Date | null;
  expiresAt: Date | null;
}

export function isUsable(key: ApiKeyValidity, now: Date): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > now.getTime());
}

export function shouldRecordUse(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}
