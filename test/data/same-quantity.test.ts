// The same quantity in two frameworks of one plan, for the same year, is one figure: if one table dates
// it to an earlier year (往年, a data year, by its note) the other table's copy carries the same dating.
// "The same quantity": the same indicator (or part) name, up to width, punctuation and the ratio word,
// and printed values that can be the same figure (84.52 and 大于80; >70【2】 and 大于70).
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import type { FrameworkFile, IndicatorDataFile } from '../../src/data/schema.ts';
import { normaliseIndicatorName } from '../../src/domain/consistency.ts';
import { parseValue } from '../../src/domain/phrase.ts';
import type { Value } from '../../src/domain/types.ts';
import { DATA_DIR } from './seed-text.ts';

const catalog = loadCatalog(DATA_DIR);

type Observation = NonNullable<IndicatorDataFile['entries'][number]['observations']>[number];

interface Figure {
  framework: string;
  number: string;
  name: string;
  unit?: string;
  observation: Observation;
}

const key = (name: string) => normaliseIndicatorName(name).replace(/(比例|比率|占比|比重|率)$/, '');

function figures(frameworks: FrameworkFile[], data: IndicatorDataFile[]): Figure[] {
  const out: Figure[] = [];
  for (const d of data) {
    const f = frameworks.find((x) => x.id === d.framework);
    if (!f) continue;
    for (const e of d.entries) {
      const item = f.indicators.find((i) => i.number === e.number);
      if (!item) continue;
      const part = e.part ? item.parts?.find((p) => p.name === e.part) : undefined;
      const unit = part?.unit ?? item.unit;
      for (const o of e.observations ?? []) out.push({ framework: f.id, number: e.number, name: part?.name ?? item.name, ...(unit ? { unit } : {}), observation: o });
    }
  }
  return out;
}

/** The numeric range a printed figure stands for, or undefined for words, composites and what cannot be read. */
function range(f: Figure): { lo: number; hi: number } | undefined {
  let v: Value;
  try {
    v = parseValue(f.observation.correction?.printed ?? f.observation.printed, { label: f.name, ...(f.unit ? { unit: f.unit } : {}) }).value;
  } catch {
    return undefined;
  }
  return v.kind === 'number' ? { lo: v.lo, hi: v.hi } : undefined;
}

const dating = (o: Observation) => ({ dataYear: o.dataYear ?? null, flags: [...(o.flags ?? [])].sort() });

/** Pairs of figures of one plan that are the same quantity in the same year but dated differently. */
function unevenDating(frameworks: FrameworkFile[], data: IndicatorDataFile[]): string[] {
  const all = figures(frameworks, data);
  const out: string[] = [];
  for (const [i, a] of all.entries()) {
    for (const b of all.slice(i + 1)) {
      if (a.framework === b.framework || a.observation.year !== b.observation.year || key(a.name) !== key(b.name)) continue;
      const ra = range(a);
      const rb = range(b);
      if (!ra || !rb || ra.hi < rb.lo || rb.hi < ra.lo) continue;
      if (JSON.stringify(dating(a.observation)) === JSON.stringify(dating(b.observation))) continue;
      out.push(`${a.observation.year} ${a.name}: ${a.framework} ${a.number} “${a.observation.printed}” ${JSON.stringify(dating(a.observation))} ≠ ${b.framework} ${b.number} “${b.observation.printed}” ${JSON.stringify(dating(b.observation))}`);
    }
  }
  return out;
}

/** How many same-quantity pairs the data holds (so that the check is seen to compare something). */
function pairs(frameworks: FrameworkFile[], data: IndicatorDataFile[]): number {
  const all = figures(frameworks, data);
  let n = 0;
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1)) {
      if (a.framework === b.framework || a.observation.year !== b.observation.year || key(a.name) !== key(b.name)) continue;
      const ra = range(a);
      const rb = range(b);
      if (ra && rb && ra.hi >= rb.lo && rb.hi >= ra.lo) n++;
    }
  return n;
}

describe('the same quantity in two frameworks of a plan carries the same dating', () => {
  for (const p of catalog.plans.filter((x) => x.indicatorData.length > 1)) {
    it(p.plan.id, () => {
      expect(pairs(catalog.frameworks, p.indicatorData)).toBeGreaterThan(10);
      expect(unevenDating(catalog.frameworks, p.indicatorData)).toEqual([]);
    });
  }

  it('would catch a figure dated in one table and not in the other', () => {
    const fw = (id: string, name: string) => ({ id, indicators: [{ number: '1', name, unit: '%' }] }) as unknown as FrameworkFile;
    const data = (framework: string, o: Observation) => ({ plan: 'p', framework, entries: [{ number: '1', observations: [o] }] }) as IndicatorDataFile;
    const frameworks = [fw('a', '公众对生态文明建设的满意度'), fw('b', '公众对生态文明建设的满意度')];
    const dated = { year: 2021, printed: '84.52【6】', dataYear: 2020, flags: ['往年' as const] };
    expect(unevenDating(frameworks, [data('a', dated), data('b', { year: 2021, printed: '大于80' })])).toHaveLength(1);
    expect(unevenDating(frameworks, [data('a', dated), data('b', { year: 2021, printed: '大于80', dataYear: 2020, flags: ['往年'] })])).toEqual([]);
    // a figure that cannot be the same (大于90 against 84.52) is another measurement
    expect(unevenDating(frameworks, [data('a', dated), data('b', { year: 2021, printed: '大于90' })])).toEqual([]);
  });
});
