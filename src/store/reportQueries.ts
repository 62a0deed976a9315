// What reports need beyond an assessment: the years a plan has figures for, and the documents' titles.
import type { Queryable } from './db.ts';

/** Years with at least one observation for the plan's region in the plan's frameworks, oldest first. */
export async function observationYears(db: Queryable, planId: string): Promise<number[]> {
  const r = await db.query<{ year: number }>(
    `SELECT DISTINCT o.year FROM observations o
     JOIN plans p ON p.region_id = o.region_id
     JOIN indicators i ON i.id = o.indicator_id
     JOIN plan_frameworks pf ON pf.plan_id = p.id AND pf.framework_id = i.framework_id
     WHERE p.id = $1 ORDER BY o.year`,
    [planId],
  );
  return r.rows.map((x) => Number(x.year));
}

/** Every document's title by its id (the "001" a source names). */
export async function documentTitles(db: Queryable): Promise<Record<string, string>> {
  const r = await db.query<{ id: string; title: string }>('SELECT id, title FROM documents ORDER BY id');
  return Object.fromEntries(r.rows.map((x) => [x.id, x.title]));
}
