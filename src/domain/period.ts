// Reporting periods: a month (2024-03) or a quarter (2024-Q1), as progress is scheduled
// ("monthly progress, quarterly checks"). Dates are ISO strings (YYYY-MM-DD), compared as text.
import { isDateInRange } from './limits.ts';

export type Cadence = 'month' | 'quarter';

export interface Period {
  /** canonical key: 2024-03 or 2024-Q1 */
  key: string;
  year: number;
  cadence: Cadence;
  /** month 1–12, or quarter 1–4 */
  index: number;
  /** first and last day, ISO */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export function periodOf(year: number, cadence: Cadence, index: number): Period {
  if (cadence === 'month') {
    return { key: `${year}-${pad(index)}`, year, cadence, index, start: `${year}-${pad(index)}-01`, end: `${year}-${pad(index)}-${pad(lastDay(year, index))}` };
  }
  const firstMonth = (index - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return { key: `${year}-Q${index}`, year, cadence, index, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` };
}

/**
 * Read a period as people write it: 2024-Q1, 2024Q1, 2024年第一季度, 2024年1季度, 2024-03, 2024.3, 2024年3月.
 * Returns undefined when the text is not a period.
 */
export function parsePeriod(text: string): Period | undefined {
  const s = text.trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-.]?[Qq]([1-4])$/.exec(s) ?? /^(\d{4})年第?([一二三四1-4])季度$/.exec(s);
  if (m) return periodOf(Number(m[1]), 'quarter', QUARTER_WORDS[m[2]!]!);
  m = /^(\d{4})[-./](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(份)?$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return periodOf(Number(m[1]), 'month', month);
  }
  return undefined;
}

/** The period of this cadence that contains the date. */
export function periodContaining(date: string, cadence: Cadence): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return cadence === 'month' ? periodOf(year, 'month', month) : periodOf(year, 'quarter', Math.ceil(month / 3));
}

export function previousPeriod(p: Period): Period {
  const count = p.cadence === 'month' ? 12 : 4;
  return p.index > 1 ? periodOf(p.year, p.cadence, p.index - 1) : periodOf(p.year - 1, p.cadence, count);
}

/** The last period that had ended by the given date (the one a report is now due for). */
export function lastEndedPeriod(date: string, cadence: Cadence): Period {
  const current = periodContaining(date, cadence);
  return current.end <= date ? current : previousPeriod(current);
}

/** Periods from the one containing `from` to the one containing `to`, in order. */
export function periodsBetween(from: string, to: string, cadence: Cadence): Period[] {
  const out: Period[] = [];
  let p = periodContaining(to, cadence);
  const first = periodContaining(from, cadence);
  while (p.key >= first.key && out.length < 1200) {
    out.unshift(p);
    p = previousPeriod(p);
  }
  return out;
}

/** A real calendar day, YYYY-MM-DD, within the years of domain/limits.ts. */
export const isIsoDate = isDateInRange;

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
