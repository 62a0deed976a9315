// Passwords: hashed with scrypt (memory-hard, built into Node), compared in constant time; their strength
// estimated by zxcvbn-ts against a list of common passwords, words and names.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';

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

/** The lowest zxcvbn score (0–4) a password must reach: 3, "safely unguessable" against online guessing. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/**
 * zxcvbn-ts with the common-password list and the English words and names, built once (about 0.1 s). It scores
 * the first 64 characters: its matching grows faster than the length (a repetitive 200-character password takes
 * most of a second), and 64 characters that are not guessable are enough.
 */
function strength(): ZxcvbnFactory {
  if (estimator) return estimator;
  // loaded on the first password checked, not by every command that opens the store (the dictionaries are large)
  const require = createRequire(import.meta.url);
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  estimator = new Factory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations, maxLength: 64 });
  return estimator;
}

/** Why zxcvbn found a password guessable: the longest pattern it recognised, as a catalogue key. */
function weakness(sequence: ZxcvbnResult['sequence']): string {
  const found = sequence.filter((m) => m.pattern !== 'bruteforce').sort((a, b) => b.token.length - a.token.length)[0];
  if (!found) return 'accounts.password.reason.simple';
  if (found.pattern === 'dictionary') {
    const name = (found as { dictionaryName?: string }).dictionaryName ?? '';
    if (name === 'userInputs') return 'accounts.password.reason.personal';
    if (name.startsWith('passwords') || name === 'diceware') return 'accounts.password.reason.common';
    return 'accounts.password.reason.words';
  }
  if (found.pattern === 'spatial') return 'accounts.password.reason.keyboard';
  if (found.pattern === 'repeat') return 'accounts.password.reason.repeat';
  if (found.pattern === 'sequence') return 'accounts.password.reason.sequence';
  if (found.pattern === 'date' || found.pattern === 'regex') return 'accounts.password.reason.date';
  return 'accounts.password.reason.simple';
}

export interface PasswordProblem {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * A password people can live with and attackers cannot guess cheaply: at least 10 characters, not
 * containing the user name, and a zxcvbn score of at least 3 with the user name and display name as
 * things an attacker knows. The problem (a catalogue key and its parameters), if any.
 */
export function passwordProblem(password: unknown, username: string, displayName?: string | null): PasswordProblem | undefined {
  if (typeof password !== 'string' || [...password].length < 10) return { key: 'auth.error.passwordShort' };
  if ([...password].length > 200) return { key: 'auth.error.passwordLong' };
  if (password.toLowerCase().includes(username.toLowerCase()) && username.length > 2) return { key: 'auth.error.passwordName' };
  const inputs = [username, ...(displayName ? [displayName] : [])];
  const r = strength().check(password.normalize('NFC'), inputs);
  if (r.score < MIN_PASSWORD_SCORE) return { key: 'accounts.password.weak', params: { score: r.score, min: MIN_PASSWORD_SCORE, reason: `${weakness(r.sequence)}|{}` } };
  return undefined;
}
