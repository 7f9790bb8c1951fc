import { isUsable, shouldRecordUse } from './api-key-usage.js';

const now = new Date('2026-03-10T02:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe(isUsable.name, () => {
  it.each([
    ['a key without expiry', { revokedAt: null, expiresAt: null }, true],
    ['a key expiring later', { revokedAt: null, expiresAt: at(1) }, true],
    ['a key expiring right now', { revokedAt: null, expiresAt: at(0) }, false],
    ['an expired key', { revokedAt: null, expiresAt: at(-1) }, false],
    ['a revoked key', { revokedAt: at(-1), expiresAt: null }, false],
  ])('should judge %s', (_, key, expected) => {
    expect(isUsable(key, now)).toBe(expected);
  });
});

describe(shouldRecordUse.name, () => {
  it.each([
    ['never used', null, true],
    ['used a second ago', at(-1_000), false],
    ['used 59.999 s ago', at(-59_999), false],
    ['used a minute ago', at(-60_000), true],
    ['used "in the future" (clock skew)', at(5_000), false],
  ])('should say a key %s is %s', (_, lastUsedAt, expected) => {
    expect(shouldRecordUse(lastUsedAt, now)).toBe(expected);
  });
});
