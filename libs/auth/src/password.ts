import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * Memory-hard password hashing with scrypt (N=2^15, r=8, p=1: 32 MiB and ~100 ms per hash),
 * stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without losing old hashes.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N, r, p, maxmem: 256 * N * r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST.N, COST.r, COST.p);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) {
    return false;
  }
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password: verifying against it costs as much as a real one does. */
export const DUMMY_PASSWORD_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const MIN_PASSWORD_LENGTH = 12;

const COMMON_PASSWORDS = new Set([
  'password1234',
  '123456789012',
  'qwertyuiopå',
  'qwertyuiop12',
  'lösenord1234',
  'losenord1234',
  'sommar2024!!',
  'sommar2025!!',
  'sommar2026!!',
  'välkommen123',
  'valkommen123',
  'ledarspegel1',
  'administrator',
  'adminadmin12',
]);

/** Returns why a password is too weak for an HR account, or null when it is acceptable. */
export function passwordWeakness(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  }
  if (password.length > 256) {
    return 'the password must be at most 256 characters long';
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) {
    return 'the password is too common';
  }
  if (new Set(lower).size < 5) {
    return 'the password repeats too few different characters';
  }
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) {
    return 'the password must not contain the e-mail address';
  }
  if (/^(?:0123456789|1234567890|abcdefghij|qwertyuiop)/.test(lower)) {
    return 'the password starts with a keyboard or number sequence';
  }
  return null;
}
