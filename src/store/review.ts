// Review of entered figures: a reviewer approves submitted figures or returns them with a comment; the
// plan office publishes a year once every figure is reviewed, which locks it; a locked figure changes
// only through a revision with a reason, approved again, and both the old and the new value are kept.
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { RANGE, yearInRange } from '../domain/limits.ts';
import { parseValue, PhraseError } from '../domain/phrase.ts';
import { phraseMessage } from '../data/problems.ts';
import { t } from '../i18n/index.ts';
import type { FigureProvenance } from '../app/monitoringFigures.ts';
import { writeAudit } from './audit.ts';
import { InvalidBatchError, readText } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { getPlan, leadUnitNames, leafContextOf, loadFramework } from './queries.ts';
import { encodeReading } from './reading.ts';
import { unitScope } from './users.ts';
import { ENTRY_ROLES, lockRegionsOf, OFFICE_ROLES, requirePlanRole, REVIEW_ROLES } from './access.ts';

export interface FigureRef {
  framework: string;
  number: string;
  part?: string | null;
}

const fail = (field: string, value: unknown, key: string, params: Record<string, string | number> = {}): never => {
  throw new InvalidBatchError([{ row: 1, field, value: value === undefined || value === null ? '' : String(value), message: t(key, params) }]);
};

/** What awaits review in a plan: submitted figures and revisions. */
export async function reviewQueue(db: Queryable, planId: string) {
  const plan = await getPlan(db, planId);
  if (!plan) throw new NotFoundError(t('progress.error.unknownPlan'));
  const obs = await db.query<{ framework_id: string; number: string; name: string; part: string; year: number; printed: string; review: string; review_comment: string | null; submitted_by: string | null; unit: string | null; note: string | null; origin: 'entry' | 'import' | 'computed'; source: unknown }>(
    `SELECT i.framework_id, i.number, i.name, o.part, o.year, o.printed, o.review, o.review_comment, o.submitted_by, u.name AS unit, o.note, o.origin, o.source
     FROM observations o JOIN indicators i ON i.id = o.indicator_id LEFT JOIN units u ON u.id = o.reporting_unit_id
     WHERE o.region_id = $1 AND o.origin <> 'document' AND i.framework_id = ANY($2::text[]) AND o.review IN ('submitted', 'returned')
     ORDER BY o.year DESC, i.framework_id, i.position, o.part`,
    [plan.regionId, plan.frameworks],
  );
  const revisions = await db.query<{ id: string; framework_id: string; number: string; name: string; part: string; year: number; old_printed: string; new_printed: string; reason: string; state: string; submitted_by: string; review_comment: string | null }>(
    `SELECT r.id, i.framework_id, i.number, i.name, r.part, r.year, r.old_printed, r.new_printed, r.reason, r.state, r.submitted_by, r.review_comment
     FROM observation_revisions r JOIN indicators i ON i.id = r.indicator_id WHERE r.plan_id = $1 ORDER BY r.id DESC`,
    [planId],
  );
  const published = await db.query<{ year: number; published_at: Date | string; published_by: string }>('SELECT year, published_at, published_by FROM publications WHERE plan_id = $1 ORDER BY year', [planId]);
  return {
    plan: plan.id,
    figures: obs.rows.map((o) => ({ framework: o.framework_id, number: o.number, name: o.name, part: o.part || null, year: o.year, printed: o.printed, review: o.review, reviewComment: o.review_comment, submittedBy: o.submitted_by, unit: o.unit, note: o.note,
      // a computed figure's source is its provenance (src/app/monitoringFigures.ts): shown in words by the review page
      origin: o.origin, provenance: o.origin === 'computed' ? (typeof o.source === 'string' ? (JSON.parse(o.source) as FigureProvenance) : (o.source as FigureProvenance | null)) : null })),
    revisions: revisions.rows.map((r) => ({ id: Number(r.id), framework: r.framework_id, number: r.number, name: r.name, part: r.part || null, year: r.year, oldPrinted: r.old_printed, newPrinted: r.new_printed, reason: r.reason, state: r.state, submittedBy: r.submitted_by, reviewComment: r.review_comment })),
    published: published.rows.map((p) => ({ year: p.year, publishedAt: new Date(p.published_at).toISOString(), publishedBy: p.published_by })),
  };
}

export interface ReviewEntry {
  plan: string;
  year: number;
  /** the figures decided; all submitted figures of the year when omitted */
  figures?: FigureRef[];
  /** revisions decided, by id */
  revisions?: number[];
  decision: 'approved' | 'returned';
  comment?: string;
}

/** Approve or return submitted figures and revisions, all in one transaction. */
export async function reviewFigures(db: Db, e: ReviewEntry, actor: Actor = SYSTEM_ACTOR): Promise<{ figures: number; revisions: number }> {
  if (e?.decision !== 'approved' && e?.decision !== 'returned') fail('decision', e?.decision, 'review.error.decision');
  if (e.decision === 'returned' && !readText(e.comment)) fail('comment', e.comment, 'progress.error.returnNeedsComment');
  const plan = await getPlan(db, String(e.plan ?? ''));
  if (!plan) return fail('plan', e.plan, 'progress.error.unknownPlan');
  if (!yearInRange(e.year)) fail('year', e.year, 'limits.error.year', RANGE);
  return db.transaction(async (tx) => {
    await requirePlanRole(tx, actor, plan.id, REVIEW_ROLES);
    let figures = 0;
    const refs = e.figures ?? null;
    const ids: Array<{ indicatorId: number; part: string | null; label: string }> = [];
    if (refs) {
      for (const f of refs) {
        const fw = await loadFramework(tx, f.framework);
        const id = fw?.indicatorIds.get(String(f.number));
        if (!fw || id === undefined || !plan.frameworks.includes(f.framework)) fail('figures', `${f.framework} ${f.number}`, 'review.error.figure');
        ids.push({ indicatorId: id!, part: f.part ?? null, label: `${f.framework} ${f.number}${f.part ? ` ${f.part}` : ''}` });
      }
    }
    const rows = await tx.query<{ indicator_id: number; part: string; printed: string; review: string }>(
      `SELECT o.indicator_id, o.part, o.printed, o.review FROM observations o JOIN indicators i ON i.id = o.indicator_id
       WHERE o.region_id = $1 AND o.year = $2 AND o.review = 'submitted' AND i.framework_id = ANY($3::text[]) FOR UPDATE OF o`,
      [plan.regionId, e.year, plan.frameworks],
    );
    const chosen = rows.rows.filter((r) => !refs || ids.some((x) => x.indicatorId === r.indicator_id && (x.part === null || x.part === r.part)));
    if (refs && chosen.length < ids.length) fail('figures', ids.map((x) => x.label).join('、'), 'review.error.notSubmitted');
    for (const r of chosen) {
      await tx.query(
        `UPDATE observations SET review = $5, review_comment = $6, reviewed_by = $7 WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4`,
        [plan.regionId, r.indicator_id, r.part, e.year, e.decision, readText(e.comment) ?? null, actor.name],
      );
      await writeAudit(tx, actor, { action: `observation.${e.decision === 'approved' ? 'approve' : 'return'}`, entity: 'observation', entityId: `${plan.regionId}:${r.indicator_id}:${r.part}:${e.year}`, planId: plan.id, regionId: plan.regionId, before: { review: r.review, printed: r.printed }, after: { review: e.decision, comment: readText(e.comment) ?? null } });
      figures++;
    }
    let revisions = 0;
    for (const id of e.revisions ?? []) {
      const rev = await tx.query<{ region_id: number; indicator_id: number; part: string; year: number; old_printed: string; new_printed: string; state: string; plan_id: string }>(
        'SELECT region_id, indicator_id, part, year, old_printed, new_printed, state, plan_id FROM observation_revisions WHERE id = $1 FOR UPDATE',
        [id],
      );
      const r = rev.rows[0];
      if (!r || r.plan_id !== plan.id) return fail('revisions', id, 'review.error.noRevision', { id });
      if (r.state !== 'submitted') fail('revisions', id, 'review.error.revisionDone', { id });
      await tx.query('UPDATE observation_revisions SET state = $2, reviewed_by = $3, review_comment = $4, reviewed_at = now() WHERE id = $1', [id, e.decision, actor.name, readText(e.comment) ?? null]);
      if (e.decision === 'approved') {
        const reading = await tx.query<{ reading: unknown }>('SELECT reading FROM observations WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4', [r.region_id, r.indicator_id, r.part, r.year]);
        const newReading = (await revisionReading(tx, r.indicator_id, r.part, r.new_printed)) ?? reading.rows[0]?.reading;
        await tx.query(
          `UPDATE observations SET printed = $5, reading = $6::jsonb, review = 'approved', reviewed_by = $7,
             note = trim(both ' ' from coalesce(note, '') || ' ' || $8) WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4`,
          [r.region_id, r.indicator_id, r.part, r.year, r.new_printed, typeof newReading === 'string' ? newReading : JSON.stringify(newReading), actor.name, t('review.revisedNote', { old: r.old_printed, id })],
        );
      }
      await writeAudit(tx, actor, { action: `revision.${e.decision === 'approved' ? 'approve' : 'return'}`, entity: 'observation_revision', entityId: id, planId: plan.id, regionId: r.region_id, before: { state: r.state, printed: r.old_printed }, after: { state: e.decision, printed: e.decision === 'approved' ? r.new_printed : r.old_printed } });
      revisions++;
    }
    if (figures === 0 && revisions === 0) fail('figures', '', 'review.error.nothing');
    return { figures, revisions };
  });
}

async function revisionReading(db: Queryable, indicatorId: number, part: string, printed: string): Promise<string | undefined> {
  const fw = await db.query<{ framework_id: string; number: string }>('SELECT framework_id, number FROM indicators WHERE id = $1', [indicatorId]);
  const f = fw.rows[0] && (await loadFramework(db, fw.rows[0].framework_id));
  const ctx = f ? leafContextOf(f.def, fw.rows[0]!.number, part) : undefined;
  return ctx ? encodeReading(parseValue(printed, ctx)) : undefined;
}

/** Publish a year's assessment: every entered figure of the year must have been reviewed; the year is then locked. */
export async function publishYear(db: Db, planId: string, year: number, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  const plan = await getPlan(db, planId);
  if (!plan) throw new NotFoundError(t('progress.error.unknownPlan'));
  if (!yearInRange(year)) fail('year', year, 'limits.error.year', RANGE);
  await db.transaction(async (tx) => {
    await requirePlanRole(tx, actor, plan.id, OFFICE_ROLES);
    // nothing is entered in the region while its year is being published
    await lockRegionsOf(tx, [plan.id], 'exclusive');
    const open = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id
       WHERE o.region_id = $1 AND o.year = $2 AND o.review IN ('submitted', 'returned') AND i.framework_id = ANY($3::text[])`,
      [plan.regionId, year, plan.frameworks],
    );
    if (Number(open.rows[0]!.n) > 0) fail('year', year, 'review.error.unreviewed', { n: Number(open.rows[0]!.n) });
    const r = await tx.query('INSERT INTO publications (plan_id, year, published_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING year', [planId, year, actor.name]);
    if (r.rows.length === 0) fail('year', year, 'review.error.alreadyPublished', { year });
    await writeAudit(tx, actor, { action: 'assessment.publish', entity: 'publication', entityId: `${planId}:${year}`, planId, regionId: plan.regionId, after: { year } });
  });
}

export interface RevisionEntry extends FigureRef {
  plan: string;
  year: number;
  printed: string;
  reason: string;
}

/** Propose a new value for a figure of a published year; it takes effect once a reviewer approves it. */
export async function recordRevision(db: Db, e: RevisionEntry, actor: Actor = SYSTEM_ACTOR): Promise<{ id: number }> {
  const plan = await getPlan(db, String(e?.plan ?? ''));
  if (!plan) return fail('plan', e?.plan, 'progress.error.unknownPlan');
  await requirePlanRole(db, actor, plan.id, ENTRY_ROLES);
  if (!readText(e.reason)) fail('reason', e.reason, 'change.error.reason');
  if (!yearInRange(e.year)) fail('year', e.year, 'limits.error.year', RANGE);
  const pub = await db.query('SELECT 1 FROM publications WHERE plan_id = $1 AND year = $2', [plan.id, e.year]);
  if (pub.rows.length === 0) fail('year', e.year, 'review.error.notPublished', { year: e.year });
  const fw = plan.frameworks.includes(e.framework) ? await loadFramework(db, e.framework) : undefined;
  const indicatorId = fw?.indicatorIds.get(String(e.number));
  const ctx = fw && indicatorId !== undefined ? leafContextOf(fw.def, String(e.number), e.part ?? '') : undefined;
  if (!fw || indicatorId === undefined || !ctx) return fail('number', e.number, 'review.error.figure');
  try {
    parseValue(String(e.printed ?? ''), ctx);
  } catch (err) {
    if (err instanceof PhraseError) fail('printed', e.printed, 'review.error.value', { detail: phraseMessage(err) });
    throw err;
  }
  const scope = await unitScope(db, actor, plan.regionId);
  if (scope !== 'all') {
    const leads = await leadUnitNames(db, plan.id, indicatorId, e.part ?? '');
    if (!leads.some((l) => scope.has(l))) fail('number', e.number, 'auth.error.notYourIndicator', { units: leads.join('、') || '—' });
  }
  return db.transaction(async (tx) => {
    // the value it replaces, read under the row's lock: an approval of another revision cannot slip in between
    const cur = await tx.query<{ printed: string }>('SELECT printed FROM observations WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4 FOR UPDATE', [plan.regionId, indicatorId, e.part ?? '', e.year]);
    if (!cur.rows[0]) fail('number', e.number, 'review.error.noFigure', { year: e.year });
    const r = await tx.query<{ id: string }>(
      `INSERT INTO observation_revisions (region_id, indicator_id, part, year, plan_id, old_printed, new_printed, reason, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [plan.regionId, indicatorId, e.part ?? '', e.year, plan.id, cur.rows[0]!.printed, e.printed, readText(e.reason), actor.name],
    );
    await writeAudit(tx, actor, { action: 'revision.submit', entity: 'observation_revision', entityId: r.rows[0]!.id, planId: plan.id, regionId: plan.regionId, before: { printed: cur.rows[0]!.printed }, after: { printed: e.printed, reason: readText(e.reason) } });
    return { id: Number(r.rows[0]!.id) };
  });
}
