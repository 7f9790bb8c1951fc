import { hash, verify } from '@node-rs/argon2';

/**
 * Phones and desktops encode Vietnamese letters differently (composed "ậ" or "a" + two marks); NFKC
 * makes the same typed password the same bytes everywhere, as NIST SP 800-63B §5.1.1.2 recommends.
 */
const normalise = (password: string): string => password.normalize('NFKC');

/** argon2id with the library's defaults (19 MiB, 2 passes): memory-hard, ~tens of ms per hash. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalise(password));
  } catch {
    // A malformed stored hash must read as a wrong password, not as a 500 that tells the account exists.
    return false;
  }
}

let nobodysHash: Promise<string> | undefined;

/**
 * Costs what a real verification costs and always fails: run when the email is unknown or the account
 * inactive, so response times do not tell which accounts exist.
 */
export async function verifyPasswordOfNobody(password: string): Promise<false> {
  nobodysHash ??= hashPassword('no account has this password');
  await verifyPassword(await nobodysHash, password);
  return false;
}
