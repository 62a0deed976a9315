// Data entry (数据填报): the indicators a unit leads, with last year's value beside each, and drafts.
import { compileFramework, leafKey } from '../domain/assess.ts';
import type { Requirement } from '../domain/types.ts';
import { t, type Locale } from '../i18n/index.ts';
import { inTransaction, type Queryable } from '../store/db.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { writeAudit } from '../store/audit.ts';
import { InvalidBatchError, Problems } from '../store/batch.ts';
import { LIMITS } from '../domain/limits.ts';
import { loadFramework, regionTraitsOf } from '../store/queries.ts';
import type { ObservationEntry } from '../store/recordObservations.ts';
import { requirePlan } from './requirePlan.ts';
import { ENTRY_ROLES, requirePlanRole } from '../store/access.ts';


/** The units that lead indicators of the plan, with how many indicators (or parts) each leads. */
export async function planUnits(db: Queryable, planId: string): Promise<Array<{ name: string; indicators: number }>> {
  await requirePlan(db, planId);
  const r = await db.query<{ name: string; n: string | number }>(
    `SELECT u.name, count(*) AS n FROM lead_units l JOIN units u ON u.id = l.unit_id
     WHERE l.plan_id = $1 GROUP BY u.name ORDER BY count(*) DESC, u.name`,
    [planId],
  );
  return r.rows.map((x) => ({ name: x.name, indicators: Number(x.n) }));
}

/** What the entry form should say is expected, from the requirement's kind and the unit. */
export function entryHint(requirement: Requirement | undefined, unit: string | undefined, locale: Locale = 'zh-CN'): string {
  const kind = requirement?.kind === 'composite' ? requirement.parts[requirement.parts.length - 1]!.kind : requirement?.kind;
  const percent = unit === '%' || unit === '％';
  switch (kind) {
    case 'state':
      return t('entry.hint.state', {}, locale);
    case 'directive':
      return t('entry.hint.directive', {}, locale);
    case 'absence':
      return t('entry.hint.absence', {}, locale);
    case 'trend':
      return t(percent ? 'entry.hint.trendPercent' : 'entry.hint.trend', {}, locale);
    default:
      return percent ? t('entry.hint.numberPercent', {}, locale) : t('entry.hint.number', { unit: unit && unit !== '-' ? t('entry.hint.unit', { unit }, locale) : '' }, locale);
  }
}

export interface EntryRow {
  framework: string;
  frameworkName: string;
  number: string;
  part: string | null;
  name: string;
  unit: string | null;
  requirement: string | null;
  attribute: string | null;
  hint: string;
  previous: { year: number; printed: string } | null;
  /** this year's figure, with where it stands in review (submitted, approved, returned with a comment) */
  current: { printed: string; origin: string; review: string; reviewComment: string | null } | null;
}

export async function entryForm(db: Queryable, planId: string, unitName: string, year: number) {
  const plan = await requirePlan(db, planId);
  const region = await regionTraitsOf(db, plan.regionId);
  const led = await db.query<{ framework_id: string; number: string; part: string }>(
    `SELECT i.framework_id, i.number, l.part FROM lead_units l
     JOIN units u ON u.id = l.unit_id JOIN indicators i ON i.id = l.indicator_id
     WHERE l.plan_id = $1 AND u.name = $2`,
    [planId, unitName],
  );
  const wanted = new Set(led.rows.map((r) => `${r.framework_id}|${leafKey(r.number, r.part || undefined)}`));
  const rows: EntryRow[] = [];
  for (const fwId of plan.frameworks) {
    const fw = await loadFramework(db, fwId);
    if (!fw) continue;
    const compiled = compileFramework(fw.def, region);
    const ids = [...fw.indicatorIds.values()];
    const obs = await db.query<{ indicator_id: number; part: string; year: number; printed: string; origin: string; review: string; review_comment: string | null }>(
      `SELECT indicator_id, part, year, printed, origin, review, review_comment FROM observations
       WHERE region_id = $1 AND indicator_id = ANY($2::int[]) AND year <= $3 ORDER BY year`,
      [plan.regionId, ids, year],
    );
    for (const item of compiled.items) {
      if (!item.applicable) continue;
      const indicatorId = fw.indicatorIds.get(item.def.number)!;
      for (const leaf of item.leaves) {
        if (!wanted.has(`${fwId}|${leaf.key}`)) continue;
        const mine = obs.rows.filter((o) => o.indicator_id === indicatorId && o.part === (leaf.part ?? ''));
        const current = mine.find((o) => o.year === year);
        const previous = [...mine].reverse().find((o) => o.year < year);
        rows.push({
          framework: fwId,
          frameworkName: fw.def.name,
          number: item.def.number,
          part: leaf.part ?? null,
          name: item.def.name,
          unit: leaf.unit ?? null,
          requirement: leaf.requirementPrinted ?? null,
          attribute: item.def.attribute ?? null,
          hint: entryHint(leaf.requirement, leaf.unit),
          previous: previous ? { year: previous.year, printed: previous.printed } : null,
          current: current ? { printed: current.printed, origin: current.origin, review: current.review, reviewComment: current.review_comment } : null,
        });
      }
    }
  }
  const draft = await db.query<{ entries: ObservationEntry[]; saved_at: Date | string }>(
    'SELECT entries, saved_at FROM drafts WHERE plan_id = $1 AND unit_name = $2 AND year = $3',
    [planId, unitName, year],
  );
  const d = draft.rows[0];
  return {
    plan: plan.id,
    unit: unitName,
    year,
    draft: d ? { entries: d.entries, savedAt: new Date(d.saved_at).toISOString() } : null,
    rows,
  };
}

/** The bounds of a draft (domain/limits.ts): entries, each an object of short texts, and its size as a whole. */
export function checkDraft(entries: unknown[]): void {
  const problems = new Problems();
  if (entries.length > LIMITS.draftEntries) problems.add(1, 'entries', entries.length, 'limits.draft.tooMany', { max: LIMITS.draftEntries, count: entries.length });
  for (const [i, e] of entries.slice(0, LIMITS.draftEntries).entries()) {
    if (!e || typeof e !== 'object' || Array.isArray(e)) {
      problems.add(i + 1, 'entry', e, 'limits.draft.entry', { row: i + 1 });
      continue;
    }
    for (const [field, v] of Object.entries(e)) {
      const length = typeof v === 'string' ? v.length : JSON.stringify(v ?? null).length;
      if (length > LIMITS.textChars) problems.add(i + 1, field, `${String(typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 50)}…`, 'limits.draft.text', { row: i + 1, field, length, max: LIMITS.textChars });
    }
  }
  const size = JSON.stringify(entries).length;
  if (problems.empty && size > LIMITS.draftChars) problems.add(1, 'entries', `${size}`, 'limits.draft.tooLong', { size, max: LIMITS.draftChars });
  if (!problems.empty) throw new InvalidBatchError(problems.list);
}

/** Which indicator (or part) a draft entry is for, so that a new save can be compared with the last. */
const draftKey = (e: unknown, i: number): string => {
  const x = (e ?? {}) as Record<string, unknown>;
  return x.framework !== undefined || x.number !== undefined ? JSON.stringify([x.framework ?? null, x.number ?? null, x.part ?? null]) : `#${i}`;
};

/** A value as text with its keys in order: the store (jsonb) does not keep the order they were typed in. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v ?? null);

/** What a save changes in a draft: the entries new or different (before and after) and those removed. */
export function draftChanges(previous: unknown[], next: unknown[]): { before: unknown[]; after: unknown[]; removed: string[] } {
  const old = new Map(previous.map((e, i) => [draftKey(e, i), e]));
  const out = { before: [] as unknown[], after: [] as unknown[], removed: [] as string[] };
  const seen = new Set<string>();
  for (const [i, e] of next.entries()) {
    const key = draftKey(e, i);
    seen.add(key);
    const was = old.get(key);
    if (was !== undefined && canonical(was) === canonical(e)) continue;
    if (was !== undefined) out.before.push(was);
    out.after.push(e);
  }
  for (const key of old.keys()) if (!seen.has(key)) out.removed.push(key);
  return out;
}

/**
 * Save what a unit has typed, as typed; it is not assessed until submitted. The audit trail records what
 * the save changed (entries new, different or removed), not the whole draft again.
 */
export async function saveDraft(db: Queryable, planId: string, unitName: string, year: number, entries: unknown[], actor: Actor = SYSTEM_ACTOR): Promise<{ savedAt: string }> {
  await requirePlan(db, planId);
  await requirePlanRole(db, actor, planId, ENTRY_ROLES);
  checkDraft(entries);
  return inTransaction(db, async (tx) => {
    const previous = await tx.query<{ entries: unknown[] }>('SELECT entries FROM drafts WHERE plan_id = $1 AND unit_name = $2 AND year = $3 FOR UPDATE', [planId, unitName, year]);
    const change = draftChanges(previous.rows[0]?.entries ?? [], entries);
    await writeAudit(tx, actor, {
      action: 'draft.save',
      entity: 'draft',
      entityId: `${unitName}:${year}`,
      planId,
      before: change.before.length > 0 ? { entries: change.before } : null,
      after: { entries: change.after, ...(change.removed.length > 0 ? { removed: change.removed } : {}), count: entries.length },
    });
    const r = await tx.query<{ saved_at: Date | string }>(
      `INSERT INTO drafts (plan_id, unit_name, year, entries) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (plan_id, unit_name, year) DO UPDATE SET entries = EXCLUDED.entries, saved_at = now()
       RETURNING saved_at`,
      [planId, unitName, year, JSON.stringify(entries)],
    );
    return { savedAt: new Date(r.rows[0]!.saved_at).toISOString() };
  });
}
