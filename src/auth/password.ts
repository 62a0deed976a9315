// Passwords: hashed with scrypt (memory-hard, built into Node), compared in constant time.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

/** N = 2^15, r = 8, p = 1: 32 MiB and some 50–100 ms per hash on the development machine. */
const PARAMS = { N: 1 << 15, r: 8, p: 1 };
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password people can live with and attackers cannot guess cheaply: the i18n key of the problem, if any. */
export function passwordProblem(password: unknown, username: string): string | undefined {
  if (typeof password !== 'string' || [...password].length < 10) return 'auth.error.passwordShort';
  if ([...password].length > 200) return 'auth.error.passwordLong';
  if (password.toLowerCase().includes(username.toLowerCase()) && username.length > 2) return 'auth.error.passwordName';
  if (new Set(password).size < 5) return 'auth.error.passwordSimple';
  return undefined;
}
