// The synthetic nation the engine benchmarks share: 2,844 counties × the national and Chongqing frameworks
// × 10 years of figures made from the built-in Wushan figures (numbers scattered ±15 %, the rest as
// printed), deterministic so that runs are comparable. bench/national.ts and bench/engine.ts both use it.
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../src/data/load.ts';
import { leafDataFromFile } from '../src/data/toEngine.ts';
import type { FrameworkDef, LeafData, ObservationInput } from '../src/domain/assess.ts';
import type { RegionTraits } from '../src/domain/types.ts';

export const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 2844);
export const YEARS = 10;
export const FIRST_YEAR = 2016;
export const ASSESS_YEAR = FIRST_YEAR + YEARS - 1;
export const FRAMEWORKS = ['national-demo-county', 'chongqing-demo-county'];

/** The process's peak resident memory so far, in MB. */
export function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const m = /VmHWM:\s+(\d+)/.exec(status);
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 2 ** 20);
}

/** A deterministic pseudo-random sequence, so runs are comparable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TERRAINS: Array<RegionTraits['terrain']> = ['山区', '丘陵', '平原'];

/** One county's data for one framework (fw indexes FRAMEWORKS), as a store would hand it over. */
export interface NationInput {
  county: number;
  traits: RegionTraits;
  fw: number;
  data: Map<string, LeafData>;
}

/** The frameworks and every county's data, county by county, framework by framework. */
export function syntheticNation(counties = COUNTIES): { frameworks: FrameworkDef[]; inputs: NationInput[] } {
  const catalog = loadCatalog();
  const wushan = catalog.plans.find((p) => p.plan.id === 'wushan-demo-county')!;
  const rand = rng(42);
  const inputs: NationInput[] = [];
  const fws = FRAMEWORKS.map((id) => catalog.frameworks.find((f) => f.id === id)!);
  const templates = fws.map((fw) => leafDataFromFile(fw, wushan.indicatorData.find((d) => d.framework === fw.id)!));
  for (let c = 0; c < counties; c++) {
    const traits: RegionTraits = { level: '区县', terrain: TERRAINS[c % 3]!, climate: '湿润地区', coastal: c % 10 === 0 };
    fws.forEach((_, fi) => {
      const data = new Map<string, LeafData>();
      for (const [key, tpl] of templates[fi]!) {
        const base = tpl.observations[0];
        if (!base) continue;
        const observations: ObservationInput[] = [];
        for (let y = 0; y < YEARS; y++) {
          const v = base.reading.value;
          if (v.kind === 'number' && v.lo === v.hi) {
            const x = Math.min(v.lo <= 100 ? 100 : Number.POSITIVE_INFINITY, Math.round(v.lo * (0.85 + rand() * 0.3) * 100) / 100);
            observations.push({ year: FIRST_YEAR + y, printed: String(x), reading: { ...base.reading, value: { kind: 'number', lo: x, hi: x, loOpen: false, hiOpen: false } }, flags: [] });
          } else observations.push({ ...base, year: FIRST_YEAR + y });
        }
        data.set(key, { observations, targets: tpl.targets, leadUnits: [] });
      }
      inputs.push({ county: c, traits, fw: fi, data });
    });
  }
  return { frameworks: fws as unknown as FrameworkDef[], inputs };
}
