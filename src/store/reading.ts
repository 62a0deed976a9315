// Readings are stored as jsonb; JSON has no Infinity, so unbounded interval ends travel as strings.
import type { ReadValue } from '../domain/phrase.ts';
import type { Value } from '../domain/types.ts';

export function encodeReading(r: ReadValue): string {
  return JSON.stringify(r, (_k, v: unknown) =>
    v === Number.POSITIVE_INFINITY ? '+inf' : v === Number.NEGATIVE_INFINITY ? '-inf' : v,
  );
}

const bound = (x: unknown): number => (x === '+inf' ? Number.POSITIVE_INFINITY : x === '-inf' ? Number.NEGATIVE_INFINITY : (x as number));

function decodeValue(v: Value): Value {
  if (v.kind === 'number') {
    if (typeof v.lo === 'string' || typeof v.hi === 'string') return { ...v, lo: bound(v.lo), hi: bound(v.hi) };
    return v;
  }
  if (v.kind === 'composite') return { ...v, parts: v.parts.map(decodeValue) };
  return v;
}

/** Restore ±Infinity in a reading that came back from jsonb (already parsed into objects). */
export function decodeReading<T extends { reading: ReadValue }>(holder: T): T;
export function decodeReading(r: ReadValue): ReadValue;
export function decodeReading(x: ReadValue | { reading: ReadValue }): unknown {
  if ('reading' in x) return { ...x, reading: decodeReading(x.reading) };
  return { ...x, value: decodeValue(x.value) };
}
