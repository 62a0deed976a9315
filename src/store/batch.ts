// Batches are checked whole before anything is written; every problem names its row, field and value.
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
    this.list.push({ row, field, value: value === undefined || value === null ? '' : String(value), message: t(key, params) });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** A number as people type it: 1234, "1,234.5", "１２３４" (full-width). Undefined for blank; NaN when unreadable. */
export function readNumber(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  const s = String(v)
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

export function readText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** Today's date in China (UTC+8), ISO. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
