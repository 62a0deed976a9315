// A later year's figures for a built-in plan, as a data office would enter them: every value of a year with figures
// carried forward, with some changed. For the mid-term report and the trends.
import { assessPlan } from '../../src/app/assessPlan.ts';
import type { Db } from '../../src/store/db.ts';
import { recordObservations, type ObservationEntry } from '../../src/store/recordObservations.ts';

/** changes: "framework/number" or "framework/number/part" → the new printed value */
export async function recordLaterYear(db: Db, plan: string, from: number, to: number, changes: Record<string, string>): Promise<number> {
  const a = await assessPlan(db, plan, from);
  const entries: ObservationEntry[] = [];
  for (const f of a.frameworks)
    for (const r of f.results) {
      const leaves = 'parts' in r && r.parts ? r.parts.map((p) => ({ part: p.part ?? undefined, observation: p.observation })) : [{ part: undefined, observation: 'observation' in r ? r.observation : null }];
      for (const l of leaves) {
        if (!l.observation) continue;
        const key = [f.id, r.number, l.part].filter(Boolean).join('/');
        // footnote marks belong to the document's notes, not to a value entered later
        const printed = changes[key] ?? l.observation.printed.replace(/【\d+】|\[\d+\]|\*/g, '');
        entries.push({ plan, framework: f.id, number: r.number, ...(l.part ? { part: l.part } : {}), year: to, printed });
      }
    }
  const r = await recordObservations(db, entries);
  return r.recorded;
}
