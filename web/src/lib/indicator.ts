// One indicator across a plan's years: the item of each year's assessment, its values as numbers where they
// are printed as plain numbers, and its requirement and targets where they are plain thresholds (≥90, >95%,
// 100). Anything else is shown as printed and left off the chart.
import type { Assessment, ResultItem } from '../api/types.ts';

export interface YearItem {
  year: number;
  item: ResultItem | undefined;
}

const NUMBER = /^\s*([-+]?\d+(?:\.\d+)?)\s*[%\uff05]?\s*$/;
const THRESHOLD = /^\s*(?:[≥≤><=\uff1e\uff1c\u2267\u2266])?\s*([-+]?\d+(?:\.\d+)?)\s*[%\uff05]?\s*$/;

/** 24.3 or 24.3% → 24.3; 49.3【4】, 大于90, >90 → null. */
export function plainNumber(printed: string | null | undefined): number | null {
  const m = printed ? NUMBER.exec(printed) : null;
  return m ? Number(m[1]) : null;
}

/** ≥90, >95%, 100 → the number; anything worded → null. */
export function plainThreshold(printed: string | null | undefined): number | null {
  const m = printed ? THRESHOLD.exec(printed) : null;
  return m ? Number(m[1]) : null;
}

export function itemOf(a: Assessment | undefined, framework: string, number: string): ResultItem | undefined {
  return a?.frameworks.find((f) => f.id === framework)?.results.find((r) => r.number === number);
}

export function yearItems(years: number[], assessments: Assessment[], framework: string, number: string): YearItem[] {
  return years.map((year, i) => ({ year, item: itemOf(assessments[i], framework, number) }));
}

export interface TrendSeries {
  /** the part's name; null for an indicator without parts */
  part: string | null;
  values: (number | null)[];
}

/** One series per part (or one for the whole indicator), a value per year where it is a plain number. */
export function trendSeries(rows: YearItem[]): TrendSeries[] {
  const parts = rows.find((r) => r.item?.parts?.length)?.item?.parts?.map((p) => p.part) ?? null;
  if (!parts) return [{ part: null, values: rows.map((r) => plainNumber(r.item?.value)) }];
  return parts.map((part) => ({
    part,
    values: rows.map((r) => plainNumber(r.item?.parts?.find((p) => p.part === part)?.value)),
  }));
}

export interface MarkLine {
  kind: 'requirement' | 'target';
  value: number;
  printed: string;
  year?: number;
}

/** The requirement and the distinct targets that are plain thresholds (only for an indicator without parts). */
export function markLines(rows: YearItem[]): MarkLine[] {
  const first = rows.find((r) => r.item)?.item;
  if (!first || first.parts?.length) return [];
  const out: MarkLine[] = [];
  const req = plainThreshold(first.requirement);
  if (req !== null && first.requirement) out.push({ kind: 'requirement', value: req, printed: first.requirement });
  const seen = new Set<string>();
  for (const r of rows) {
    const tg = r.item?.target;
    if (!tg || seen.has(`${tg.year}`)) continue;
    seen.add(`${tg.year}`);
    const v = plainThreshold(tg.printed);
    if (v !== null) out.push({ kind: 'target', value: v, printed: tg.printed, year: tg.year });
  }
  return out;
}

/** The names a project's 对应创建指标 may use for the indicator: its own and its parts'. */
export function indicatorNames(item: ResultItem): string[] {
  return [item.name, ...(item.parts ?? []).map((p) => p.part).filter((p): p is string => !!p)];
}
