// Readings are stored as jsonb; JSON has no Infinity, so unbounded interval ends travel as strings.
import type { ReadValue } from '../domain/phrase.ts';

export function encodeReading(r: ReadValue): string {
  return JSON.stringify(r, (_k, v: unknown) =>
    v === Number.POSITIVE_INFINITY ? '+inf' : v === Number.NEGATIVE_INFINITY ? '-inf' : v,
  );
}

/** Restore ±Infinity in a reading that came back from jsonb (already parsed into objects). */
export function decodeReading<T>(v: T): T {
  if (v === '+inf') return Number.POSITIVE_INFINITY as T;
  if (v === '-inf') return Number.NEGATIVE_INFINITY as T;
  if (Array.isArray(v)) return v.map(decodeReading) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decodeReading(x);
    return out as T;
  }
  return v;
}
