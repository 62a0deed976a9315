// Turning loaded data files into the engine's inputs.
import { leafContexts, leafKey, type Confirmation, type FrameworkDef, type LeafData, type ObservationInput } from '../domain/assess.ts';
import { parseRequirement, parseValue } from '../domain/phrase.ts';
import type { RegionTraits } from '../domain/types.ts';
import type { Catalog, LoadedPlan } from './load.ts';
import type { FrameworkFile, IndicatorDataFile } from './schema.ts';

export function regionTraits(catalog: Catalog, name: string): RegionTraits {
  const r = catalog.regions.find((x) => x.name === name);
  if (!r) throw new Error(`unknown region ${name}`);
  return {
    level: r.level,
    coastal: r.coastal,
    ...(r.terrain ? { terrain: r.terrain } : {}),
    ...(r.climate ? { climate: r.climate } : {}),
  };
}

export function leafDataFromFile(fw: FrameworkFile, file: IndicatorDataFile): Map<string, LeafData> {
  const contexts = leafContexts(fw as unknown as FrameworkDef);
  const out = new Map<string, LeafData>();
  for (const entry of file.entries) {
    const key = leafKey(entry.number, entry.part);
    const ctx = contexts.get(key)!;
    const observations: ObservationInput[] = (entry.observations ?? []).map((o) => {
      const reading = parseValue(o.printed, ctx);
      const obs: ObservationInput = {
        year: o.year,
        printed: o.printed,
        reading,
        flags: [...new Set([...(o.flags ?? []), ...reading.flags])],
      };
      if (o.dataYear !== undefined) obs.dataYear = o.dataYear;
      if (o.source) obs.source = o.source;
      if (o.footnote) obs.footnote = o.footnote;
      if (o.correction)
        obs.correction = { printed: o.correction.printed, reason: o.correction.reason, source: o.correction.source, reading: parseValue(o.correction.printed, ctx) };
      if (ctx.unit) obs.unit = ctx.unit;
      return obs;
    });
    const data: LeafData = {
      observations,
      targets: (entry.targets ?? []).map((tg) => ({
        year: tg.year,
        printed: tg.printed,
        requirement: parseRequirement(tg.printed, ctx),
        ...(tg.source ? { source: tg.source } : {}),
      })),
      leadUnits: entry.leadUnits ?? [],
    };
    if (entry.statedStatus) data.statedStatus = entry.statedStatus;
    if (entry.statedScore) data.statedScore = entry.statedScore;
    if (entry.statedAchievability) data.statedAchievability = entry.statedAchievability;
    out.set(key, data);
  }
  return out;
}

export function confirmationsFor(plan: LoadedPlan, frameworkId: string): Confirmation[] {
  return plan.confirmations
    .filter((c) => c.framework === frameworkId)
    .map((c) => ({
      number: c.number,
      year: c.year,
      by: c.by,
      at: c.at,
      reason: c.reason,
      ...(c.part ? { part: c.part } : {}),
      ...(c.status ? { status: c.status } : {}),
      ...(c.points !== undefined ? { points: c.points } : {}),
      ...(c.source ? { source: c.source } : {}),
    }));
}
