// Batches are checked whole before anything is written; every problem names its row, field and value.
import { LIMITS } from '../domain/limits.ts';
import { t, type Locale } from '../i18n/index.ts';

export interface BatchProblem {
  /** 1-based: the entry's place in a request, or the sheet row of a workbook */
  row: number;
  field: string;
  value: string;
  message: string;
}

export class InvalidBatchError extends Error {
  constructor(
    readonly problems: BatchProblem[],
    /** how rows are counted: entries of a request, or rows of a sheet */
    readonly counting: 'entry' | 'row' = 'entry',
    readonly sheet?: string,
  ) {
    super(problems.map((p) => formatProblem(p, counting, sheet)).join('\n'));
    this.name = 'InvalidBatchError';
  }
}

export function formatProblem(p: BatchProblem, counting: 'entry' | 'row', sheet?: string, locale: Locale = 'zh-CN'): string {
  const where = t(counting === 'row' ? 'batch.row' : 'batch.entry', { row: p.row, sheet: sheet ?? '' }, locale);
  return t('batch.problem', { where, field: p.field, value: p.value, message: p.message }, locale);
}

/** Collects problems while a batch is checked. */
export class Problems {
  readonly list: BatchProblem[] = [];
  add(row: number, field: string, value: unknown, key: string, params: Record<string, string | number> = {}): void {
    this.list.push({ row, field, value: shown(value), message: t(key, params) });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** A value as a problem shows it: text as it is, anything else as JSON; never throws. */
export function shown(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.replace(/\u0000/g, '\\u0000');
  if (typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return Object.prototype.toString.call(v);
  }
}

const scalar = (x: unknown) => x === null || x === undefined || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
const hasNul = (v: unknown): boolean =>
  typeof v === 'string' ? v.includes('\u0000') : Array.isArray(v) ? v.some(hasNul) : v !== null && typeof v === 'object' ? Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x)) : false;

/** The length of the longest text in a value (a list's longest item). */
const longest = (v: unknown): number => (typeof v === 'string' ? v.length : Array.isArray(v) ? Math.max(0, ...v.map(longest)) : 0);

/**
 * An entry as a request may carry it, checked for shape before anything reads it: an object whose fields
 * are text, numbers or booleans (lists of them where a field takes a list, nested objects only where one is
 * expected), with no NUL character, which PostgreSQL cannot store. A problem for each field that is not;
 * false when there was any.
 */
export function checkShape(problems: Problems, row: number, e: unknown, opts: { lists?: readonly string[]; objects?: readonly string[]; prefix?: string } = {}): e is Record<string, unknown> {
  if (!e || typeof e !== 'object' || Array.isArray(e)) {
    problems.add(row, opts.prefix ? opts.prefix.replace(/\.$/, '') : 'entry', e, 'batch.error.notObject');
    return false;
  }
  const before = problems.list.length;
  for (const [name, v] of Object.entries(e)) {
    const field = `${opts.prefix ?? ''}${name}`;
    const allowed = opts.objects?.includes(name) || scalar(v) || (Array.isArray(v) && !!opts.lists?.includes(name) && v.every(scalar));
    if (!allowed) problems.add(row, field, v, 'batch.error.notText');
    else if (hasNul(v) || name.includes('\u0000')) problems.add(row, field, v, 'batch.error.nul');
    else if (longest(v) > LIMITS.textChars) problems.add(row, field, String(v).slice(0, 50) + '…', 'limits.error.text', { length: longest(v), max: LIMITS.textChars });
  }
  return problems.list.length === before;
}

/** A number as people type it: 1234, "1,234.5", "１２３４" (full-width). Undefined for blank; NaN when unreadable. */
export function readNumber(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  const s = String(v)
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

export function readText(v: unknown): string | undefined {
  if (v === undefined || v === null || typeof v === 'object') return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** Today's date in China (UTC+8), ISO. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A list as people write it in one cell or field: 县水利局、县林业局 (also , ， ; ； or one a line), or an array. */
export function splitList(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => String(x).trim()).filter(Boolean) : String(v ?? '').split(/[、,，;；\n]/).map((x) => x.trim()).filter(Boolean);
}

/** A date column as the drivers return it (a Date, or text), as YYYY-MM-DD; null stays null. */
export function isoDay(d: unknown): string | null {
  return d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
}
