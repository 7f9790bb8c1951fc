import { createHash, randomBytes } from 'node:crypto';

/**
 * `gpmb_<prefix>_<secret>`: the prefix (8 hex characters) is stored in clear so an administrator can
 * tell keys apart; the secret is 32 random bytes. Only the SHA-256 of the whole key is kept. A slow
 * hash would add nothing: the key is random and 256 bits long, not a password a human chose.
 */
const KEY_PATTERN = /^gpmb_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export interface IssuedApiKey {
  key: string;
  prefix: string;
  keyHash: string;
}

export function issueApiKey(): IssuedApiKey {
  const prefix = randomBytes(4).toString('hex');
  const key = `gpmb_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Lets garbage be refused without a database round trip. */
export function looksLikeApiKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}
