// The columnar path must give exactly what the object engine gives: every leaf's status (as the full
// assessment computes it), every item's status and every score, on the built-in frameworks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { leafDataFromFile, regionTraits } from '../../src/data/toEngine.ts';
import { assessFramework, compileFramework, summariseFramework, type FrameworkDef, type LeafData, type ObservationInput } from '../../src/domain/assess.ts';
import { compileColumnar, encodeReadings, regionSummary, STATUS_CODES, summariseColumnar } from '../../src/domain/columnar.ts';
import type { ReadValue } from '../../src/domain/phrase.ts';
import type { RegionTraits, StateLevel, Trend, Value } from '../../src/domain/types.ts';

const catalog = loadCatalog();
const FRAMEWORKS = ['national-demo-county', 'chongqing-demo-county', 'two-mountains-base', 'wushan-action-2027'];

/** Runs both engines over the same regions and compares everything a user would see. */
function compareEngines(def: FrameworkDef, traits: RegionTraits[], data: Array<Map<string, LeafData>>, year: number, span: { firstYear: number; years: number }) {
  const rules = compileColumnar(def, traits);
  const readings = encodeReadings(rules, data, span);
  const sum = summariseColumnar(rules, readings, year);
  const opts = { year, targetYears: [2024, 2027] };
  let evaluations = 0;
  traits.forEach((t, r) => {
    const compiled = compileFramework(def, t);
    const fast = summariseFramework(compiled, data[r]!, opts);
    expect(regionSummary(rules, sum, r), `region ${r}`).toEqual(fast);
    evaluations += fast.evaluations;
    const full = assessFramework(compiled, data[r]!, opts);
    // an item that does not apply has no leaf results: each of its leaves reads 不涉及
    const leafStatuses = full.items.flatMap((item, i) =>
      item.status === 'notApplicable' ? compiled.items[i]!.leaves.map(() => 'notApplicable') : (item.parts ?? [item.leaf]).map((l) => l.status),
    );
    const columnar = [...sum.leafStatus.subarray(r * rules.leafCount, (r + 1) * rules.leafCount)].map((c) => STATUS_CODES[c]);
    expect(columnar, `region ${r}`).toEqual(leafStatuses);
  });
  expect(sum.evaluations).toBe(evaluations);
  return sum;
}

const reading = (v: Value): ReadValue => ({ value: v, marks: [], asterisk: false, flags: [], notes: [] });

function frameworkDef(id: string): FrameworkDef {
  return catalog.frameworks.find((f) => f.id === id)! as unknown as FrameworkDef;
}

describe('columnar evaluation gives the object engine’s statuses and scores', () => {
  it('on every built-in plan and framework, for each year it has figures', () => {
    let checked = 0;
    for (const p of catalog.plans) {
      for (const d of p.indicatorData) {
        const file = catalog.frameworks.find((f) => f.id === d.framework)!;
        const data = leafDataFromFile(file, d);
        const years = [...data.values()].flatMap((l) => l.observations.map((o) => o.year));
        if (years.length === 0) continue;
        const first = Math.min(...years);
        const span = { firstYear: first, years: Math.max(...years) - first + 1 };
        for (const year of new Set(years)) compareEngines(frameworkDef(d.framework), [regionTraits(catalog, p.plan.region)], [data], year, span);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('the Wushan figures (29 of 35 national items met in 2021) come out the same, and most leaves are judged in place', () => {
    const wushan = catalog.plans.find((p) => p.plan.id === 'wushan-demo-county')!;
    const d = wushan.indicatorData.find((x) => x.framework === 'national-demo-county')!;
    const data = leafDataFromFile(catalog.frameworks.find((f) => f.id === d.framework)!, d);
    const sum = compareEngines(frameworkDef(d.framework), [regionTraits(catalog, wushan.plan.region)], [data], 2021, { firstYear: 2021, years: 1 });
    expect(sum.byObjects).toBe(0);
    expect(sum.byDictionary).toBeLessThan(sum.evaluations / 3);
  });

  it('a composite requirement with a trend is judged against each county’s own previous figure', () => {
    // 7/优良天数比例: 完成上级规定的考核任务；保持稳定或持续改善 — the same 2021 figure, a different 2020 one
    const traits: RegionTraits = { level: '区县', terrain: '山区', climate: '湿润地区', coastal: false };
    const point = (year: number, x: number): ObservationInput => ({ year, printed: String(x), reading: reading({ kind: 'number', lo: x, hi: x, loOpen: false, hiOpen: false }), flags: [] });
    const county = (before: number) => new Map<string, LeafData>([['7/优良天数比例', { observations: [point(2020, before), point(2021, 90)], targets: [], leadUnits: [] }]]);
    const data = [county(95), county(85), county(95), county(85)];
    const sum = compareEngines(frameworkDef('national-demo-county'), data.map(() => traits), data, 2021, { firstYear: 2020, years: 2 });
    const rules = compileColumnar(frameworkDef('national-demo-county'), [traits]);
    const leaf = rules.ruleSets[0]!.items.flatMap((i) => i.leaves).find((l) => l.key === '7/优良天数比例')!.index;
    const status = (r: number) => STATUS_CODES[sum.leafStatus[r * rules.leafCount + leaf]!];
    expect([status(0), status(1), status(2), status(3)]).toEqual(['notMet', 'indeterminate', 'notMet', 'indeterminate']);
  });

  // Generated readings: every kind of value the engine reads, intervals with open ends, missing years,
  // corrections, pieces, two figures in one year, for regions of every terrain, coastal or not.
  const trend = fc.constantFrom<Trend>('improve', 'notWorse', 'stable', 'decrease', 'increase');
  const bound = fc.constantFrom(0, 1, 10, 12, 15, 37, 43, 50, 60, 80, 85, 90, 95, 100, Number.POSITIVE_INFINITY);
  const interval = fc.record({ lo: bound, hi: bound, loOpen: fc.boolean(), hiOpen: fc.boolean() }).map(({ lo, hi, loOpen, hiOpen }) => ({
    kind: 'number' as const,
    lo: Math.min(lo, hi),
    hi: Math.max(lo, hi),
    loOpen,
    hiOpen,
  }));
  const simple: fc.Arbitrary<Value> = fc.oneof(
    fc.double({ min: 0, max: 120, noNaN: true }).map((x) => ({ kind: 'number' as const, lo: x, hi: x, loOpen: false, hiOpen: false })),
    bound.map((x) => ({ kind: 'number' as const, lo: x, hi: x, loOpen: false, hiOpen: false })),
    interval,
    fc.tuple(bound, trend).map(([x, t]) => ({ kind: 'number' as const, lo: x, hi: x, loOpen: false, hiOpen: false, trend: t })),
    fc.integer({ min: 0, max: 4 }).map((level) => ({ kind: 'state' as const, level: level as StateLevel, word: '建立' })),
    fc.constantFrom('满足', '达标', '完成', '达到').map((word) => ({ kind: 'done' as const, word })),
    fc.constant({ kind: 'undone' as const, word: '未完成' }),
    fc.constant({ kind: 'absent' as const, word: '不明显' }),
    trend.map((t) => ({ kind: 'trend' as const, trend: t })),
    fc.constant({ kind: 'none' as const, word: '-' }),
  );
  const value: fc.Arbitrary<Value> = fc.oneof({ weight: 12, arbitrary: simple }, { weight: 1, arbitrary: fc.array(simple, { minLength: 1, maxLength: 3 }).map((parts) => ({ kind: 'composite' as const, parts })) });
  const observation = fc.record({ year: fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 2019, max: 2022 }) }, { weight: 1, arbitrary: fc.constantFrom(2018, 2023) }), value, corrected: fc.option(value, { freq: 8 }) }).map(({ year, value: v, corrected }) => {
    const o: ObservationInput = { year, printed: '', reading: reading(v), flags: [] };
    if (corrected) o.correction = { printed: '', reading: reading(corrected), reason: '印刷错误' };
    return o;
  });
  const region = fc.record({
    traits: fc.record({
      level: fc.constantFrom<RegionTraits['level']>('区县', '区县', '市'),
      terrain: fc.constantFrom<RegionTraits['terrain']>('山区', '丘陵', '平原'),
      coastal: fc.boolean(),
    }),
    // per leaf: its observations, or none at all
    leaves: fc.array(
      fc.option(
        fc.oneof(
          { weight: 12, arbitrary: fc.uniqueArray(observation, { selector: (o) => o.year, maxLength: 5 }) },
          { weight: 1, arbitrary: fc.array(observation, { maxLength: 4 }) }, // at times two figures for one year
        ),
        { freq: 10 },
      ),
      { minLength: 60, maxLength: 60 },
    ),
  });

  for (const id of FRAMEWORKS) {
    it(`on generated readings for ${id}`, () => {
      const def = frameworkDef(id);
      const keys = compileFramework(def, { level: '区县', coastal: false }).items.flatMap((i) => i.leaves.map((l) => l.key));
      fc.assert(
        fc.property(fc.array(region, { minLength: 1, maxLength: 6 }), fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 2019, max: 2022 }) }, { weight: 1, arbitrary: fc.constantFrom(2018, 2024) }), (regions, year) => {
          const traits = regions.map((g) => ({ ...g.traits, climate: '湿润地区' }) as RegionTraits);
          const data = regions.map((g) => {
            const m = new Map<string, LeafData>();
            keys.forEach((k, i) => {
              const obs = g.leaves[i % g.leaves.length];
              if (obs) m.set(k, { observations: obs, targets: [], leadUnits: [] });
            });
            return m;
          });
          compareEngines(def, traits, data, year, { firstYear: 2019, years: 4 });
        }),
        { numRuns: 100 },
      );
    });
  }
});
