// Password hashing with scrypt (node:crypto; RFC 7914), the memory-hard function OWASP lists
// for password storage. The stored form names its parameters, so they can be raised later
// without breaking existing accounts: scrypt$N$r$p$salt$hash (salt and hash base64url).
import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB per hash). */
const defaults = { N: 2 ** 17, r: 8, p: 1 };
const keyLength = 32;

function maxmem(N: number, r: number): number {
  return 128 * N * r * 2;
}

export async function hashPassword(password: string, params = defaults): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, {
    ...params,
    maxmem: maxmem(params.N, params.r),
  });
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    ...params,
    maxmem: maxmem(params.N, params.r),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A readable random password for accounts the demo creates: 4 groups of 5 letters/digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY23456789';
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)] ?? 'x');
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
