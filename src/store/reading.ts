// Readings are stored as jsonb; JSON has no Infinity, so unbounded interval ends travel as strings.
import type { ReadValue } from '../domain/phrase.ts';
import type { StateLevel, Trend, Value } from '../domain/types.ts';

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

/**
 * The reading in force as the typed columns of observations hold it (migration 11), in their order: value_kind,
 * value_lo, value_hi, value_lo_open, value_hi_open, value_trend, value_level, value_word, value_estimated.
 */
export const VALUE_COLUMNS = 'value_kind, value_lo, value_hi, value_lo_open, value_hi_open, value_trend, value_level, value_word, value_estimated';

/**
 * The engine's Value from the typed columns (as the driver returns them, from index `at` of a row), with no
 * JSON: a composite's pieces come as `pieces` (value_pieces, as the driver read it).
 */
export function valueFromColumns(row: readonly unknown[], at: number, pieces?: unknown): Value {
  const kind = row[at] as Value['kind'];
  switch (kind) {
    case 'number': {
      const trend = row[at + 5] as Trend | null;
      const v: Value = { kind, lo: row[at + 1] as number, hi: row[at + 2] as number, loOpen: row[at + 3] as boolean, hiOpen: row[at + 4] as boolean };
      if (trend !== null) v.trend = trend;
      return v;
    }
    case 'state':
      return { kind, level: row[at + 6] as StateLevel, word: row[at + 7] as string };
    case 'trend': {
      const v: Value = { kind, trend: row[at + 5] as Trend };
      if (row[at + 7] !== null) v.subject = row[at + 7] as string;
      if (row[at + 8] !== null) v.estimated = row[at + 8] as boolean;
      return v;
    }
    case 'composite':
      return decodeValue({ kind, parts: pieces as Value[] });
    default:
      return { kind, word: row[at + 7] as string };
  }
}
