// Record a person's judgement for an indicator the engine cannot decide. It is stored beside the
// computed result (never over it) and shown as a confirmation with who, when and why. The store checks
// the entry and saves it; whether the indicator is open to a judgement is the assessment's to say, so the
// use case (src/app/confirmIndicator.ts) assesses the year between the two steps.
import { isDateInRange, LIMITS, RANGE, yearInRange } from '../domain/limits.ts';
import type { Db } from './db.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { writeAudit } from './audit.ts';
import { getPlan, loadFramework } from './queries.ts';
import { t } from '../i18n/index.ts';
import { InvalidEntriesError, type EntryProblem } from './recordObservations.ts';
import { CONFIRM_ROLES, requirePlanRole, serverValue } from './access.ts';
import { todayInChina } from './batch.ts';

export interface ConfirmationEntry {
  plan: string;
  framework: string;
  /** item number as printed */
  number: string;
  year: number;
  /** the judgement: met or not met (for scored items, points may be given instead or as well) */
  status?: 'met' | 'notMet';
  points?: number;
  /** who confirms (name and post) */
  by: string;
  /** why: the evidence, in a sentence */
  reason: string;
  /** when; defaults to today (YYYY-MM-DD) */
  at?: string;
}

/** An entry that passed the checks that need no assessment: the plan, who and when, the indicator's row. */
export interface CheckedConfirmation {
  entry: ConfirmationEntry;
  plan: { id: string; regionId: number };
  who: string;
  when: string;
  /** undefined when the framework has no such item */
  indicatorId: number | undefined;
}

/** What the assessment says of the indicator for the year (src/app/assessPlan.ts ResultItem). */
export interface AssessedItem {
  computedStatus: string;
  statusText: string;
  pointsRange: readonly (number | null)[] | null;
  maxPoints: number | null;
}

/** Check an entry as far as it can be without assessing: refused whole (InvalidEntriesError) with every problem. */
export async function checkConfirmation(db: Db, e: ConfirmationEntry, actor: Actor = SYSTEM_ACTOR): Promise<CheckedConfirmation> {
  const problems: EntryProblem[] = [];
  const bad = (field: string, value: unknown, message: string) => problems.push({ index: 0, field, value: String(value ?? ''), message });
  const plan = await getPlan(db, e.plan);
  if (plan) await requirePlanRole(db, actor, plan.id, CONFIRM_ROLES);
  // who and when: the signed-in user and today; the command line names the person and the day
  // (off the web nobody is signed in: the confirmer must be named, never taken to be the machine)
  const by = serverValue(actor, e.by, 'by', actor.user ? actor.name : '');
  const at = serverValue(actor, e.at, 'at', todayInChina());
  for (const x of [by, at]) if (!x.ok) bad(x.field, x.value, t(x.key, x.params));
  const who = by.ok ? by.value : '';
  const when = at.ok ? at.value : '';
  if (!plan) bad('plan', e.plan, t('entry.error.noPlan'));
  else if (!plan.frameworks.includes(e.framework)) bad('framework', e.framework, t('entry.error.frameworkNotInPlan', { plan: plan.title }));
  if (e.status !== undefined && e.status !== 'met' && e.status !== 'notMet') bad('status', e.status, t('entry.error.confirmStatus'));
  if (e.status === undefined && e.points === undefined) bad('status', '', t('entry.error.confirmNoJudgement'));
  if (!who) bad('by', e.by, t('entry.error.confirmBy'));
  if (!e.reason || !e.reason.trim()) bad('reason', e.reason, t('entry.error.confirmReason'));
  if (when && !isDateInRange(when)) bad('at', e.at, t('limits.error.date', RANGE));
  if (e.points !== undefined && e.points !== null && !(typeof e.points === 'number' && e.points >= 0 && e.points <= LIMITS.maxWeight)) bad('points', e.points, t('limits.error.points', { max: LIMITS.maxWeight }));
  if (!yearInRange(e.year)) bad('year', e.year, t('limits.error.year', RANGE));
  // a published year is locked: its judgements too
  else if (plan && (await db.query('SELECT 1 FROM publications WHERE plan_id = $1 AND year = $2', [plan.id, e.year])).rows.length > 0) bad('year', e.year, t('review.error.published', { year: e.year }));
  if (problems.length > 0 || !plan) throw new InvalidEntriesError(problems);
  const fw = (await loadFramework(db, e.framework))!;
  return { entry: e, plan: { id: plan.id, regionId: plan.regionId }, who, when, indicatorId: fw.indicatorIds.get(e.number) };
}

/** Save a checked entry, given what the assessment says of its indicator: refused when the engine can decide it. */
export async function saveConfirmation(db: Db, c: CheckedConfirmation, item: AssessedItem | undefined, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  const { entry: e, plan, who, when, indicatorId } = c;
  const problems: EntryProblem[] = [];
  const bad = (field: string, value: unknown, message: string) => problems.push({ index: 0, field, value: String(value ?? ''), message });
  if (indicatorId === undefined || !item) {
    bad('number', e.number, t('entry.error.noItem', { number: e.number }));
    throw new InvalidEntriesError(problems);
  }
  const open = item.computedStatus === 'indeterminate' || (item.pointsRange !== null && item.pointsRange[0] !== item.pointsRange[1]);
  if (!open) bad('number', e.number, t('entry.error.computable', { number: e.number, year: e.year, status: item.statusText }));
  if (e.points !== undefined) {
    if (item.maxPoints === null) bad('points', e.points, t('entry.error.notScored'));
    else if (!(e.points >= 0 && e.points <= item.maxPoints)) bad('points', e.points, t('entry.error.pointsRange', { max: item.maxPoints }));
  }
  if (problems.length > 0) throw new InvalidEntriesError(problems);
  await db.transaction(async (tx) => {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO confirmations (region_id, indicator_id, year, status, points, confirmed_by, confirmed_at, reason, plan_id, origin)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'entry') RETURNING id`,
      [plan.regionId, indicatorId, e.year, e.status ?? null, e.points ?? null, who, when, e.reason.trim(), plan.id],
    );
    await writeAudit(tx, actor, {
      action: 'confirmation.record',
      entity: 'confirmation',
      entityId: r.rows[0]!.id,
      planId: plan.id,
      regionId: plan.regionId,
      before: { computedStatus: item.computedStatus },
      after: { framework: e.framework, number: e.number, year: e.year, status: e.status ?? null, points: e.points ?? null, by: who, at: when, reason: e.reason.trim() },
    });
  });
}
