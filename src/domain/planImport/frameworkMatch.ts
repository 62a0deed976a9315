// Recognising a built-in framework by its items: a table is that framework when (nearly) all its items carry
// the framework's numbers and names. Pure.
import type { FrameworkFile } from '../../data/schema.ts';

/** Share of items that must agree (number and name) for a table to be a built-in framework. */
export const MATCH_SHARE = 0.8;
/** Names shorter than this must be equal; longer ones may contain one another (城镇新建绿色建筑 / …比例). */
const MIN_CONTAINED = 4;

const WIDTH: Record<string, string> = { '（': '(', '）': ')', '，': ',', '＞': '>', '＜': '<', '％': '%', 'Ⅴ': 'V', '“': '"', '”': '"' };

/** A name for comparison: no spaces, half-width brackets and signs. */
export function normaliseName(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[（），＞＜％Ⅴ“”]/g, (c) => WIDTH[c] ?? c)
    .replace(/["'‘’]/g, '');
}

export function similarNames(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < MIN_CONTAINED) return false;
  return x.includes(y) || y.includes(x);
}

export interface FrameworkMatch {
  id: string;
  share: number;
  /** items of the built-in framework the table lacks */
  missing: Array<{ number: string; name: string }>;
  /** the table's items that match no item of it */
  unmatched: Array<{ number: string; name: string }>;
}

export function matchFramework(table: FrameworkFile, builtins: FrameworkFile[]): FrameworkMatch | null {
  let best: FrameworkMatch | null = null;
  for (const fw of builtins) {
    const byNumber = new Map(fw.indicators.map((i) => [i.number, i]));
    const agreed = new Set<string>();
    const unmatched: FrameworkMatch['unmatched'] = [];
    for (const it of table.indicators) {
      const known = byNumber.get(it.number);
      if (known && similarNames(known.name, it.name)) agreed.add(it.number);
      else unmatched.push({ number: it.number, name: it.name });
    }
    const share = agreed.size / Math.max(fw.indicators.length, table.indicators.length, 1);
    if (share >= MATCH_SHARE && (!best || share > best.share)) {
      const missing = fw.indicators.filter((i) => !agreed.has(i.number)).map((i) => ({ number: i.number, name: i.name }));
      best = { id: fw.id, share, missing: missing.filter((m) => !unmatched.some((u) => u.number === m.number)), unmatched };
    }
  }
  return best;
}
