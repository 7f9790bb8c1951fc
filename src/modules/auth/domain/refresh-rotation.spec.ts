import { judgeRefreshToken, type RefreshTokenState, type RefreshVerdict } from './refresh-rotation.js';

const now = new Date('2026-03-10T02:00:00Z');
const earlier = new Date('2026-03-09T02:00:00Z');
const later = new Date('2026-04-09T02:00:00Z');
const fresh: RefreshTokenState = { usedAt: null, revokedAt: null, expiresAt: later };

describe('judgeRefreshToken', () => {
  it.each<[string, RefreshTokenState | null, RefreshVerdict]>([
    ['accept an unused, live token', fresh, 'valid'],
    ['not know a token that was never issued', null, 'unknown'],
    ['refuse a revoked token', { ...fresh, revokedAt: earlier }, 'revoked'],
    ['refuse an expired token', { ...fresh, expiresAt: earlier }, 'expired'],
    ['refuse a token expiring this instant', { ...fresh, expiresAt: now }, 'expired'],
    ['see a used token as reused', { ...fresh, usedAt: earlier }, 'reused'],
    ['see reuse even once the family is revoked', { ...fresh, usedAt: earlier, revokedAt: earlier }, 'reused'],
    ['see reuse even once expired', { ...fresh, usedAt: earlier, expiresAt: earlier }, 'reused'],
    ['prefer revoked over expired', { ...fresh, revokedAt: earlier, expiresAt: earlier }, 'revoked'],
  ])('should %s', (_, token, verdict) => {
    expect(judgeRefreshToken(token, now)).toBe(verdict);
  });
});
