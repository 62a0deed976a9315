// What a link may feed: the indicators (each part of an item with parts) of the plan's frameworks, in the plan's
// order, as the plan prints them — for the 指标关联 panel's select.
import type { Queryable } from '../store/db.ts';
import { loadFramework } from '../store/queries.ts';
import { requirePlan } from './requirePlan.ts';

export interface LinkableIndicator {
  framework: string;
  frameworkName: string;
  number: string;
  /** the part of an item that has parts; null for an item without */
  part: string | null;
  /** the item's name (without the part) */
  name: string;
  unit: string | null;
}

/** linkableIndicators(db, planId) → every indicator leaf of the plan's frameworks; UnknownPlanError for an unknown plan. */
export async function linkableIndicators(db: Queryable, planId: string): Promise<LinkableIndicator[]> {
  const plan = await requirePlan(db, planId);
  const out: LinkableIndicator[] = [];
  for (const id of plan.frameworks) {
    const fw = await loadFramework(db, id);
    if (!fw) continue;
    for (const item of fw.def.indicators)
      for (const p of item.parts ?? [undefined])
        out.push({ framework: id, frameworkName: fw.def.name, number: item.number, part: p?.name ?? null, name: item.name, unit: p?.unit ?? item.unit ?? null });
  }
  return out;
}
