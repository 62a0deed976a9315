// The fast path (summariseFramework) must give exactly the statuses and scores of the full assessment.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { confirmationsFor, leafDataFromFile, regionTraits } from '../../src/data/toEngine.ts';
import { assessFramework, compileFramework, summariseFramework, type FrameworkDef, type LeafData } from '../../src/domain/assess.ts';
import type { RegionTraits } from '../../src/domain/types.ts';

const catalog = loadCatalog();

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function compare(def: FrameworkDef, traits: RegionTraits, data: Map<string, LeafData>, year: number, confirmations = [] as ReturnType<typeof confirmationsFor>) {
  const c = compileFramework(def, traits);
  const opts = { year, targetYears: [2024, 2027], confirmations };
  const full = assessFramework(c, data, opts);
  const fast = summariseFramework(c, data, opts);
  expect({ met: fast.met, notMet: fast.notMet, indeterminate: fast.indeterminate, noData: fast.noData, notApplicable: fast.notApplicable }).toEqual({
    met: full.met,
    notMet: full.notMet,
    indeterminate: full.indeterminate,
    noData: full.noData,
    notApplicable: full.notApplicable,
  });
  if (full.score) {
    expect(fast.scoreMin).toBeCloseTo(full.score.min, 9);
    expect(fast.scoreMax).toBeCloseTo(full.score.max, 9);
  }
}

describe('summariseFramework agrees with assessFramework', () => {
  it('on every built-in plan and framework, with its confirmations', () => {
    let checked = 0;
    for (const p of catalog.plans) {
      for (const d of p.indicatorData) {
        const fw = catalog.frameworks.find((f) => f.id === d.framework)! as unknown as FrameworkDef;
        compare(fw, regionTraits(catalog, p.plan.region), leafDataFromFile(catalog.frameworks.find((f) => f.id === d.framework)!, d), p.plan.baseYear ?? 2027, confirmationsFor(p, d.framework));
        checked++;
      }
    }
    expect(checked).toBe(4);
  });

  it('on 300 synthetic counties with random figures over several years and every terrain', () => {
    const rand = rng(7);
    const wushan = catalog.plans.find((p) => p.plan.id === 'wushan-demo-county')!;
    for (const d of wushan.indicatorData) {
      const file = catalog.frameworks.find((f) => f.id === d.framework)!;
      const template = leafDataFromFile(file, d);
      for (let county = 0; county < 150; county++) {
        const traits: RegionTraits = { level: county % 7 === 0 ? '市' : '区县', terrain: (['山区', '丘陵', '平原'] as const)[county % 3]!, climate: '湿润地区', coastal: county % 5 === 0 };
        const data = new Map<string, LeafData>();
        for (const [key, leaf] of template) {
          if (rand() < 0.05) continue; // some indicators without any figure
          const observations = leaf.observations.flatMap((o) =>
            [2020, 2021, 2022].map((year) => {
              const v = o.reading.value;
              if (v.kind !== 'number' || rand() < 0.2) return { ...o, year };
              const x = Math.round(Math.min(100, (Number.isFinite(v.lo) ? v.lo : 50) * (0.6 + rand() * 0.8)) * 10) / 10;
              return { ...o, year, printed: String(x), reading: { ...o.reading, value: { kind: 'number' as const, lo: x, hi: rand() < 0.1 ? x + 5 : x, loOpen: false, hiOpen: false } } };
            }),
          );
          data.set(key, { ...leaf, observations });
        }
        compare(file as unknown as FrameworkDef, traits, data, 2022);
      }
    }
  });
});
