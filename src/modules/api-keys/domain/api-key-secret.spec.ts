import { hashApiKey, issueApiKey, looksLikeApiKey } from './api-key-secret.js';

describe(issueApiKey.name, () => {
  it('should issue a key in the documented format whose hash is the hash of the whole key', () => {
    const issued = issueApiKey();
    expect(issued.key).toMatch(/^gpmb_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(issued.key.slice(5, 13)).toBe(issued.prefix);
    expect(issued.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.keyHash).toBe(hashApiKey(issued.key));
  });

  it('should never issue the same key twice', () => {
    const keys = new Set(Array.from({ length: 100 }, () => issueApiKey().key));
    expect(keys.size).toBe(100);
  });
});

describe(looksLikeApiKey.name, () => {
  it.each([
    ['', false],
    ['gpmb_', false],
    ['gpmb_0123abcd_short', false],
    [`gpmb_0123ABCD_${'a'.repeat(43)}`, false],
    [`gpmb_0123abcd_${'a'.repeat(43)}x`, false],
    [`Bearer gpmb_0123abcd_${'a'.repeat(43)}`, false],
    [`gpmb_0123abcd_${'a'.repeat(42)}-`, true],
  ])('should say %j is %s', (candidate, expected) => {
    expect(looksLikeApiKey(candidate)).toBe(expected);
  });
});
