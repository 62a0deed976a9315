// Assess one framework for many regions at once (a municipality, a province, the nation): status
// counts and scores per region, streaming regions in batches so memory stays flat.
import { compileFramework, leafKey, leafOrder, summariseFramework, type CompiledFramework, type FrameworkSummary, type LeafData } from '../domain/assess.ts';
import type { RegionTraits } from '../domain/types.ts';
import type { Queryable } from '../store/db.ts';
import { loadFramework, toObservation } from '../store/queries.ts';

export interface RegionsAssessmentOptions {
  frameworkId: string;
  year: number;
  targetYears: number[];
  /** only regions of this level (default 区县) */
  level?: string;
  /** regions per query */
  batchSize?: number;
  /** called after each batch with how many regions are done */
  onProgress?: (done: number, total: number) => void;
  /** receives each region's summary; by default results are not kept (only counted) */
  onRegion?: (regionId: number, s: FrameworkSummary) => void;
}

export interface RegionsAssessmentSummary {
  regions: number;
  evaluations: number;
  met: number;
  notMet: number;
  indeterminate: number;
  noData: number;
  notApplicable: number;
}

export async function assessRegions(db: Queryable, opts: RegionsAssessmentOptions): Promise<RegionsAssessmentSummary> {
  const fw = await loadFramework(db, opts.frameworkId);
  if (!fw) throw new Error(`framework ${opts.frameworkId} not found`);
  const numberOf = new Map([...fw.indicatorIds].map(([n, id]) => [id, n]));
  const ids = [...fw.indicatorIds.values()];
  const regions = await db.query<{ id: number; level: RegionTraits['level']; terrain: RegionTraits['terrain'] | null; climate: string | null; coastal: boolean }>(
    'SELECT id, level, terrain, climate, coastal FROM regions WHERE level = $1 ORDER BY id',
    [opts.level ?? '区县'],
  );
  const compiled = new Map<string, CompiledFramework>();
  const compiledFor = (t: RegionTraits): CompiledFramework => {
    const key = `${t.level}|${t.terrain ?? ''}|${t.climate ?? ''}|${t.coastal}`;
    let c = compiled.get(key);
    if (!c) {
      c = compileFramework(fw.def, t);
      compiled.set(key, c);
    }
    return c;
  };
  const summary: RegionsAssessmentSummary = { regions: 0, evaluations: 0, met: 0, notMet: 0, indeterminate: 0, noData: 0, notApplicable: 0 };
  const batchSize = opts.batchSize ?? 200;
  const all = regions.rows;
  for (let i = 0; i < all.length; i += batchSize) {
    const batch = all.slice(i, i + batchSize);
    const obs = await db.query<{
      region_id: number;
      indicator_id: number;
      part: string;
      year: number;
      printed: string;
      reading: never;
      data_year: number | null;
      flags: string[];
      footnote: null;
      correction: null;
      source: null;
    }>(
      `SELECT region_id, indicator_id, part, year, printed, reading, data_year, flags, footnote, correction, source
       FROM observations WHERE region_id = ANY($1::int[]) AND indicator_id = ANY($2::int[]) AND year <= $3`,
      [batch.map((r) => r.id), ids, opts.year],
    );
    const byRegion = new Map<number, Map<string, LeafData>>();
    for (const r of obs.rows) {
      let leaves = byRegion.get(r.region_id);
      if (!leaves) {
        leaves = new Map();
        byRegion.set(r.region_id, leaves);
      }
      const key = leafKey(numberOf.get(r.indicator_id)!, r.part || undefined);
      let d = leaves.get(key);
      if (!d) {
        d = { observations: [], targets: [], leadUnits: [] };
        leaves.set(key, d);
      }
      d.observations.push(toObservation(r));
    }
    for (const region of batch) {
      const traits: RegionTraits = {
        level: region.level,
        coastal: region.coastal,
        ...(region.terrain ? { terrain: region.terrain } : {}),
        ...(region.climate ? { climate: region.climate } : {}),
      };
      const c = compiledFor(traits);
      const leaves = byRegion.get(region.id);
      const data = leaves ? leafOrder(c).map((k) => leaves.get(k)) : [];
      const a = summariseFramework(c, data, { year: opts.year, targetYears: opts.targetYears });
      summary.regions++;
      summary.evaluations += a.evaluations;
      summary.met += a.met;
      summary.notMet += a.notMet;
      summary.indeterminate += a.indeterminate;
      summary.noData += a.noData;
      summary.notApplicable += a.notApplicable;
      opts.onRegion?.(region.id, a);
    }
    opts.onProgress?.(Math.min(i + batchSize, all.length), all.length);
  }
  return summary;
}
