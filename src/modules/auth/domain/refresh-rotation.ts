export type RefreshVerdict = 'valid' | 'unknown' | 'revoked' | 'expired' | 'reused';

export interface RefreshTokenState {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * Whether a presented refresh token may be exchanged. A token is good for one exchange: seeing it
 * again means a copy exists somewhere (RFC 9700 §4.14.2), so reuse is judged first, before revocation
 * or expiry, and the caller revokes the whole family.
 */
export function judgeRefreshToken(token: RefreshTokenState | null, now: Date): RefreshVerdict {
  if (!token) return 'unknown';
  if (token.usedAt) return 'reused';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt <= now) return 'expired';
  return 'valid';
}
