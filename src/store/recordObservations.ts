// Record a batch of observations: every entry is checked first, and the batch lands whole or not at all.
import { parseValue, PhraseError } from '../domain/phrase.ts';
import type { Source } from '../domain/types.ts';
import { breathe, RANGE, yearInRange } from '../domain/limits.ts';
import { t } from '../i18n/index.ts';
import { phraseMessage } from '../data/problems.ts';
import { checkShape, Problems, readText, shown } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { encodeReading } from './reading.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { writeAudit } from './audit.ts';
import { unitScope } from './users.ts';
import { ENTRY_ROLES, lockRegionsOf, requirePlanRole } from './access.ts';
import { getPlan, leadUnitNames, leafContextOf, loadFramework, type FrameworkRow } from './queries.ts';

export interface ObservationEntry {
  /** the plan whose region and frameworks the value belongs to */
  plan: string;
  framework: string;
  /** item number as printed, e.g. "29" */
  number: string;
  /** part name for items with sub-indicators */
  part?: string;
  year: number;
  /** the value as the unit reports it, e.g. "96.2", "大于90", "已建立" */
  printed: string;
  /** the year the figure is of, when not the period itself */
  dataYear?: number;
  flags?: string[];
  note?: string;
  reportingUnit?: string;
  source?: Source;
}

export interface EntryProblem {
  index: number;
  field: string;
  value: string;
  message: string;
}

export class InvalidEntriesError extends Error {
  constructor(readonly problems: EntryProblem[]) {
    super(problems.map((p) => t('entry.error.problem', { n: p.index + 1, field: p.field, value: p.value, message: p.message })).join('\n'));
    this.name = 'InvalidEntriesError';
  }
}

const FLAGS = new Set(['抽样', '代用', '估算', '往年']);

/** Check a batch as recordObservations would, without saving anything: every problem, in order. */
export async function checkObservations(db: Queryable, entries: ObservationEntry[], actor: Actor = SYSTEM_ACTOR): Promise<EntryProblem[]> {
  return (await validate(db, entries, actor)).problems;
}

/**
 * Figures entered by units arrive as submitted (待审核) and count in the working assessment at once; a
 * reviewer approves them or returns them with a comment, and a returned figure may be entered again.
 * A figure of a published year cannot be entered or replaced here: that takes a revision with a reason.
 */
export async function recordObservations(db: Db, entries: ObservationEntry[], actor: Actor = SYSTEM_ACTOR): Promise<{ recorded: number }> {
  let recorded = 0;
  // checked inside the transaction, sharing the region's lock with publication: no figure lands in a year being published
  await db.transaction(async (tx) => {
    await lockRegionsOf(tx, entries.map((e) => (e && typeof e === 'object' ? (readText(e.plan) ?? '') : '')), 'shared');
    const { problems, rows, indices } = await validate(tx, entries, actor);
    if (problems.length > 0) throw new InvalidEntriesError(problems);
    for (const [k, r] of rows.entries()) {
      const [regionId, indicatorId, part, year] = r;
      // a returned figure is entered again; a figure computed from monitoring data gives way to a person's (it stays in computed_figures, shown beside)
      const replaced = await tx.query<{ printed: string; review: string }>(
        `DELETE FROM observations WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4 AND (review = 'returned' OR origin = 'computed') RETURNING printed, review`,
        [regionId, indicatorId, part, year],
      );
      await tx.query(
        `INSERT INTO observations (region_id, indicator_id, part, year, printed, reading, data_year, flags, reporting_unit_id, source, note, origin, plan_id, review, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::text[], $9, $10::jsonb, $11, 'entry', $12, 'submitted', $13)`,
        [...r, actor.name],
      );
      const entry = entries[indices[k]!];
      await writeAudit(tx, actor, {
        action: replaced.rows[0] ? 'observation.resubmit' : 'observation.record',
        entity: 'observation',
        entityId: `${regionId}:${indicatorId}:${part}:${year}`,
        planId: r[11] as string,
        regionId: regionId as number,
        before: replaced.rows[0] ?? null,
        after: { printed: r[4], year, part, note: r[10], reportingUnitId: r[8], ...(entry ? { framework: entry.framework, number: entry.number } : {}) },
      });
    }
    // What was submitted is no longer a draft.
    const drafts = new Set(entries.filter((e) => e.reportingUnit).map((e) => JSON.stringify([e.plan, e.reportingUnit, e.year])));
    for (const d of drafts) {
      const [plan, unit, year] = JSON.parse(d) as [string, string, number];
      await tx.query('DELETE FROM drafts WHERE plan_id = $1 AND unit_name = $2 AND year = $3', [plan, unit, year]);
    }
    recorded = rows.length;
  });
  return { recorded };
}

async function validate(db: Queryable, entries: ObservationEntry[], actor: Actor): Promise<{ problems: EntryProblem[]; rows: unknown[][]; indices: number[] }> {
  const problems: EntryProblem[] = [];
  const frameworks = new Map<string, FrameworkRow | undefined>();
  const plans = new Map<string, Awaited<ReturnType<typeof getPlan>>>();
  const rows: unknown[][] = [];
  const indices: number[] = [];
  const seen = new Set<string>();
  for (const [index, e] of entries.entries()) {
    await breathe(index);
    const bad = (field: string, value: unknown, message: string) => problems.push({ index, field, value: shown(value), message });
    const shape = new Problems();
    if (!checkShape(shape, index + 1, e, { lists: ['flags'], objects: ['source'] })) {
      for (const p of shape.list) problems.push({ index, field: p.field, value: p.value, message: p.message });
      continue;
    }
    if (e.flags !== undefined && e.flags !== null && !Array.isArray(e.flags)) {
      bad('flags', e.flags, t('entry.error.flagsList'));
      continue;
    }
    if (!plans.has(e.plan)) {
      plans.set(e.plan, await getPlan(db, e.plan));
      if (plans.get(e.plan)) await requirePlanRole(db, actor, e.plan, ENTRY_ROLES);
    }
    const plan = plans.get(e.plan);
    if (!plan) {
      bad('plan', e.plan, t('entry.error.noPlan'));
      continue;
    }
    if (!plan.frameworks.includes(e.framework)) {
      bad('framework', e.framework, t('entry.error.frameworkNotInPlanExpected', { plan: plan.title, frameworks: plan.frameworks.join('、') }));
      continue;
    }
    if (!frameworks.has(e.framework)) frameworks.set(e.framework, await loadFramework(db, e.framework));
    const fw = frameworks.get(e.framework)!;
    const indicatorId = fw.indicatorIds.get(e.number);
    const ctx = indicatorId === undefined ? undefined : leafContextOf(fw.def, e.number, e.part ?? '');
    if (indicatorId === undefined || !ctx) {
      bad(e.part ? 'part' : 'number', e.part ?? e.number, t('error.unknownIndicator', { framework: fw.def.name, number: e.number, part: e.part ? ` “${e.part}”` : '' }));
      continue;
    }
    if (!yearInRange(e.year)) {
      bad('year', e.year, t('limits.error.year', RANGE));
      continue;
    }
    if (e.dataYear !== undefined && e.dataYear !== null && !(yearInRange(e.dataYear) && e.dataYear <= e.year)) bad('dataYear', e.dataYear, t('limits.error.dataYear', { ...RANGE, year: e.year }));
    for (const f of e.flags ?? []) if (!FLAGS.has(f)) bad('flags', f, t('entry.error.flag'));
    if (typeof e.printed !== 'string' || e.printed.trim() === '') {
      bad('printed', e.printed, t('entry.error.printedEmpty'));
      continue;
    }
    let reading;
    try {
      reading = parseValue(e.printed, ctx);
    } catch (err) {
      if (err instanceof PhraseError) {
        bad('printed', e.printed, phraseMessage(err));
        continue;
      }
      throw err;
    }
    const key = `${plan.regionId}:${indicatorId}:${e.part ?? ''}:${e.year}`;
    if (seen.has(key)) {
      bad('year', e.year, t('entry.error.duplicateInBatch', { label: ctx.label, year: e.year }));
      continue;
    }
    seen.add(key);
    const scope = await unitScope(db, actor, plan.regionId);
    if (scope !== 'all') {
      const leads = await leadUnitNames(db, plan.id, indicatorId, e.part ?? '');
      if (!leads.some((l) => scope.has(l))) {
        bad('number', e.number, t('auth.error.notYourIndicator', { units: leads.join('、') || '—' }));
        continue;
      }
      if (e.reportingUnit && !scope.has(e.reportingUnit)) {
        bad('reportingUnit', e.reportingUnit, t('auth.error.notYourUnit', { units: [...scope].join('、') }));
        continue;
      }
    }
    const published = await db.query('SELECT 1 FROM publications WHERE plan_id = $1 AND year = $2', [plan.id, e.year]);
    if (published.rows.length > 0) {
      bad('year', e.year, t('review.error.published', { year: e.year }));
      continue;
    }
    const existing = await db.query<{ printed: string }>(
      `SELECT printed FROM observations WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4 AND review <> 'returned' AND origin <> 'computed'`,
      [plan.regionId, indicatorId, e.part ?? '', e.year],
    );
    if (existing.rows[0]) {
      bad('year', e.year, t('error.duplicateObservation', { label: ctx.label, year: e.year, existing: existing.rows[0].printed, printed: e.printed }));
      continue;
    }
    let unitId: number | null = null;
    if (e.reportingUnit) {
      const u = await db.query<{ id: number }>('SELECT id FROM units WHERE region_id = $1 AND name = $2', [plan.regionId, e.reportingUnit]);
      if (!u.rows[0]) bad('reportingUnit', e.reportingUnit, t('entry.error.notReportingUnit', { region: plan.region }));
      else unitId = u.rows[0].id;
    }
    rows.push([
      plan.regionId,
      indicatorId,
      e.part ?? '',
      e.year,
      e.printed,
      encodeReading(reading),
      e.dataYear ?? null,
      [...new Set([...(e.flags ?? []), ...reading.flags])],
      unitId,
      e.source ? JSON.stringify(e.source) : null,
      e.note ?? null,
      plan.id,
    ]);
    indices.push(index);
  }
  return { problems, rows, indices };
}
