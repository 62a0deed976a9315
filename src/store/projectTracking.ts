// Project tracking in the store: changes to the project list, progress reports (all or nothing),
// and their review by the plan office.
import { amountInRange, breathe, RANGE, yearInRange } from '../domain/limits.ts';
import { isIsoDate, parsePeriod } from '../domain/period.ts';
import {
  applyChanges,
  CHANGEABLE_FIELDS,
  PROJECT_STATUSES,
  type ChangeFields,
  type ChangeKind,
  type PlannedProject,
  type ProgressReport,
  type ProjectChange,
  type ProjectStatus,
} from '../domain/progress.ts';
import { keyForLabel, t } from '../i18n/index.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { writeAudit } from './audit.ts';
import { NotFoundError } from './errors.ts';
import { unitScope } from './users.ts';
import { ENTRY_ROLES, lockFor, lockRegionsOf, OFFICE_ROLES, reportDay, requirePlanRole, serverValue, REVIEW_ROLES } from './access.ts';
import { checkShape, InvalidBatchError, isoDay, Problems, readNumber, readText, splitList, todayInChina } from './batch.ts';
import { inTransaction, type Db, type Queryable } from './db.ts';
import { loadProjects } from './queries.ts';

export async function loadPlannedProjects(db: Queryable, planId: string): Promise<PlannedProject[]> {
  const data = await loadProjects(db, planId);
  return data.projects.map((p) => ({
    key: p.key,
    number: p.number ?? null,
    group: p.group,
    category: p.category ?? null,
    name: p.name,
    investmentWan: p.investmentWan,
    yearStart: p.yearStart ?? null,
    yearEnd: p.yearEnd ?? null,
    leadUnits: p.leadUnits,
    township: p.township,
    source: p.source,
  }));
}

const iso = (d: unknown): string => isoDay(d) ?? '';

export async function loadProjectChanges(db: Queryable, planId: string): Promise<Array<ProjectChange & { recordedBy: string | null; recordedAt: string }>> {
  const r = await db.query<{ id: string; project_key: string; kind: ChangeKind; fields: ChangeFields; reason: string; effective_on: unknown; recorded_by: string | null; created_at: unknown }>(
    'SELECT id, project_key, kind, fields, reason, effective_on::text AS effective_on, recorded_by, created_at FROM project_changes WHERE plan_id = $1 ORDER BY effective_on, id',
    [planId],
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    projectKey: x.project_key,
    kind: x.kind,
    fields: x.fields,
    reason: x.reason,
    effectiveOn: iso(x.effective_on),
    recordedBy: x.recorded_by,
    recordedAt: x.created_at instanceof Date ? x.created_at.toISOString() : String(x.created_at),
  }));
}

export interface StoredReport extends ProgressReport {
  id: number;
  milestones: string | null;
  problems: string | null;
  measures: string | null;
  reportingUnit: string | null;
  reportedBy: string | null;
  /** why the plan office stated an earlier report date than the day it was entered */
  backdateReason: string | null;
  reviewComment: string | null;
  attachments: Array<{ id: number; fileName: string; contentType: string; sizeBytes: number }>;
}

export async function loadProgressReports(db: Queryable, planId: string, projectKey?: string): Promise<StoredReport[]> {
  const r = await db.query<{
    id: string;
    project_key: string;
    period: string;
    period_end: unknown;
    investment_period_wan: string | null;
    investment_cumulative_wan: string;
    physical_percent: string | null;
    status: ProjectStatus;
    milestones: string | null;
    problems: string | null;
    measures: string | null;
    reporting_unit: string | null;
    reported_by: string | null;
    reported_on: unknown;
    backdate_reason: string | null;
    review: StoredReport['review'];
    review_comment: string | null;
    returned_count: number;
  }>(
    `SELECT id, project_key, period, period_end::text AS period_end, investment_period_wan, investment_cumulative_wan, physical_percent, status,
            milestones, problems, measures, reporting_unit, reported_by, reported_on::text AS reported_on, backdate_reason, review, review_comment, returned_count
     FROM project_progress WHERE plan_id = $1 AND ($2::text IS NULL OR project_key = $2) ORDER BY period_end, project_key`,
    [planId, projectKey ?? null],
  );
  const files = await db.query<{ id: string; owner_id: string; file_name: string; content_type: string; size_bytes: number }>(
    `SELECT a.id, a.owner_id, a.file_name, a.content_type, a.size_bytes FROM attachments a
     WHERE a.plan_id = $1 AND a.owner_kind = 'progress' ORDER BY a.id`,
    [planId],
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    projectKey: x.project_key,
    period: x.period,
    periodEnd: iso(x.period_end),
    investmentPeriodWan: x.investment_period_wan === null ? null : Number(x.investment_period_wan),
    investmentCumulativeWan: Number(x.investment_cumulative_wan),
    physicalPercent: x.physical_percent === null ? null : Number(x.physical_percent),
    status: x.status,
    milestones: x.milestones,
    problems: x.problems,
    measures: x.measures,
    reportingUnit: x.reporting_unit,
    reportedBy: x.reported_by,
    reportedOn: iso(x.reported_on),
    backdateReason: x.backdate_reason,
    review: x.review,
    reviewComment: x.review_comment,
    returnedCount: x.returned_count,
    attachments: files.rows
      .filter((f) => f.owner_id === x.id)
      .map((f) => ({ id: Number(f.id), fileName: f.file_name, contentType: f.content_type, sizeBytes: f.size_bytes })),
  }));
}

/** A progress report as a unit submits it (from a form, a request or a workbook row). */
export interface ProgressEntry {
  plan: string;
  /** the project's key (its number in the plan's table) */
  project: string | number;
  /** 2024-Q1, 2024年第一季度, 2024-03 … */
  period: string;
  /** 万元, cumulative since the project began */
  investmentCumulativeWan?: number | string | null;
  /** 万元, within the period; with the cumulative figure it must agree with the previous report */
  investmentPeriodWan?: number | string | null;
  physicalPercent?: number | string | null;
  /** a status key or its label (在建, underway) */
  status: string;
  milestones?: string | null;
  problems?: string | null;
  measures?: string | null;
  /** one of the project's lead units (a clerk's own by default); set by the server for a clerk */
  reportingUnit?: string | null;
  /** who reported: the signed-in user; only a trusted caller (the command line) names someone */
  reportedBy?: string | null;
  /** ISO date; today (China) when not given. An earlier day only by the plan office, with backdateReason */
  reportedOn?: string | null;
  backdateReason?: string | null;
}

interface CheckedReport {
  projectKey: string;
  period: string;
  periodEnd: string;
  periodWan: number;
  cumulativeWan: number;
  physical: number | null;
  status: ProjectStatus;
  replaces: number | null;
  entry: ProgressEntry;
  reportedOn: string;
  backdateReason: string | null;
  reportingUnit: string | null;
  reportedBy: string;
}

const TOLERANCE_WAN = 0.01;

/** Check a batch of progress reports against the plan and the reports already stored. */
export async function checkProgress(db: Queryable, entries: ProgressEntry[], opts: { today?: string; actor?: Actor } = {}): Promise<{ problems: Problems; rows: Array<CheckedReport & { plan: string }> }> {
  const problems = new Problems();
  const rows: Array<CheckedReport & { plan: string }> = [];
  const plans = new Map<string, { projects: Map<string, { name: string; cancelled: boolean; leadUnits: string[] }>; reports: StoredReport[]; scope: 'all' | Set<string> } | null>();
  const today = opts.today ?? todayInChina();
  const actor = opts.actor ?? SYSTEM_ACTOR;
  for (const [i, e] of entries.entries()) {
    await breathe(i);
    const row = i + 1;
    if (!checkShape(problems, row, e)) continue;
    const planId = readText(e.plan) ?? '';
    if (!plans.has(planId)) {
      const exists = await db.query('SELECT 1 FROM plans WHERE id = $1', [planId]);
      if (exists.rows.length === 0) plans.set(planId, null);
      else {
        const adjusted = applyChanges(await loadPlannedProjects(db, planId), await loadProjectChanges(db, planId), '9999-12-31');
        const region = await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [planId]);
        plans.set(planId, {
          projects: new Map(adjusted.map((p) => [p.key, { name: p.name, cancelled: p.cancelled, leadUnits: p.leadUnits }])),
          reports: await loadProgressReports(db, planId),
          scope: await unitScope(db, actor, region.rows[0]!.region_id),
        });
      }
    }
    const plan = plans.get(planId);
    if (plan) await requirePlanRole(db, actor, planId, ENTRY_ROLES);
    if (!plan) {
      problems.add(row, 'plan', e.plan, 'progress.error.unknownPlan');
      continue;
    }
    const key = readText(e.project) ?? '';
    const project = plan.projects.get(key);
    // a clerk reports only for the projects of their own unit
    const notYours = !!project && plan.scope !== 'all' && !project.leadUnits.some((u) => (plan.scope as Set<string>).has(u));
    if (!project) problems.add(row, 'project', e.project, 'progress.error.unknownProject', { plan: planId });
    else if (project.cancelled) problems.add(row, 'project', e.project, 'progress.error.cancelled', { name: project.name });
    else if (notYours)
      problems.add(row, 'project', e.project, 'auth.error.notYourProject', { name: project.name, units: project.leadUnits.join('、') || '—' });
    const written = parsePeriod(String(e.period ?? ''));
    if (!written) problems.add(row, 'period', e.period, 'progress.error.period');
    else if (!yearInRange(written.year)) problems.add(row, 'period', e.period, 'limits.error.periodYear', RANGE);
    const period = written && yearInRange(written.year) ? written : undefined;
    // who and when: the server's, bar an earlier day stated by the plan office with a reason
    const day = await reportDay(db, actor, planId, e.reportedOn, e.backdateReason, today);
    const reportedOn = day.ok ? day.on : '';
    if (!day.ok) problems.add(row, day.field, day.value, day.key, day.params);
    else if (period && period.start > reportedOn) problems.add(row, 'period', e.period, 'progress.error.futurePeriod', { start: period.start, reportedOn });
    const who = serverValue(actor, e.reportedBy, 'reportedBy', actor.name);
    if (!who.ok) problems.add(row, who.field, who.value, who.key, who.params);
    let reportingUnit = readText(e.reportingUnit) ?? null;
    if (actor.user && project) {
      const mine = plan.scope === 'all' ? project.leadUnits : project.leadUnits.filter((u) => (plan.scope as Set<string>).has(u));
      if (reportingUnit === null) reportingUnit = plan.scope === 'all' ? null : (mine[0] ?? null);
      else if (!mine.includes(reportingUnit)) problems.add(row, 'reportingUnit', reportingUnit, 'access.error.reportingUnit', { unit: reportingUnit, name: project.name, units: project.leadUnits.join('、') || '—' });
    }
    if (period && (await db.query('SELECT 1 FROM publications WHERE plan_id = $1 AND year = $2', [planId, period.year])).rows.length > 0)
      problems.add(row, 'period', e.period, 'review.error.published', { year: period.year });
    const status = keyForLabel('projectStatus', PROJECT_STATUSES, String(e.status ?? ''));
    if (!status) problems.add(row, 'status', e.status, 'progress.error.status');
    const physical = readNumber(e.physicalPercent);
    if (physical !== undefined && !(physical >= 0 && physical <= 100)) problems.add(row, 'physicalPercent', e.physicalPercent, 'progress.error.percent');
    const cumulative = readNumber(e.investmentCumulativeWan);
    const inPeriod = readNumber(e.investmentPeriodWan);
    const badCumulative = cumulative !== undefined && !amountInRange(cumulative);
    const badInPeriod = inPeriod !== undefined && !amountInRange(inPeriod);
    if (badCumulative) problems.add(row, 'investmentCumulativeWan', e.investmentCumulativeWan, 'limits.error.amount', RANGE);
    if (badInPeriod) problems.add(row, 'investmentPeriodWan', e.investmentPeriodWan, 'limits.error.amount', RANGE);
    if (cumulative === undefined && inPeriod === undefined) problems.add(row, 'investmentCumulativeWan', '', 'progress.error.noAmount');
    if (!day.ok || !who.ok || !project || project.cancelled || notYours || !period || !status || badCumulative || badInPeriod || (cumulative === undefined && inPeriod === undefined)) continue;

    // The previous and next reports of this project: stored ones, and earlier rows of this batch.
    const others = [
      ...plan.reports.filter((r) => r.projectKey === key && r.period !== period.key).map((r) => ({ periodEnd: r.periodEnd, cumulative: r.investmentCumulativeWan, period: r.period })),
      ...rows.filter((r) => r.plan === planId && r.projectKey === key).map((r) => ({ periodEnd: r.periodEnd, cumulative: r.cumulativeWan, period: r.period })),
    ];
    if (rows.some((r) => r.plan === planId && r.projectKey === key && r.period === period.key)) {
      problems.add(row, 'period', e.period, 'progress.error.duplicateInBatch', { project: key });
      continue;
    }
    const existing = plan.reports.find((r) => r.projectKey === key && r.period === period.key);
    if (existing && existing.review !== 'returned') {
      problems.add(row, 'period', e.period, 'progress.error.exists', { project: key, period: period.key });
      continue;
    }
    const prev = others.filter((o) => o.periodEnd < period.end).sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0];
    const next = others.filter((o) => o.periodEnd > period.end).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))[0];
    const prevWan = prev?.cumulative ?? 0;
    const cum = cumulative ?? prevWan + (inPeriod ?? 0);
    const per = inPeriod ?? cum - prevWan;
    if (cumulative !== undefined && inPeriod !== undefined && Math.abs(cumulative - prevWan - inPeriod) > TOLERANCE_WAN) {
      problems.add(row, 'investmentPeriodWan', e.investmentPeriodWan, 'progress.error.disagree', { cumulative, previous: prevWan, period: prev?.period ?? '—', expected: Math.round((cumulative - prevWan) * 100) / 100 });
      continue;
    }
    if (cum + TOLERANCE_WAN < prevWan) {
      problems.add(row, 'investmentCumulativeWan', e.investmentCumulativeWan ?? e.investmentPeriodWan, 'progress.error.decreasing', { previous: prevWan, period: prev?.period ?? '—' });
      continue;
    }
    if (next && cum > next.cumulative + TOLERANCE_WAN) {
      problems.add(row, 'investmentCumulativeWan', e.investmentCumulativeWan ?? cum, 'progress.error.aboveNext', { next: next.cumulative, period: next.period });
      continue;
    }
    rows.push({ plan: planId, projectKey: key, period: period.key, periodEnd: period.end, periodWan: per, cumulativeWan: cum, physical: physical ?? null, status, replaces: existing?.id ?? null, entry: e, reportedOn, backdateReason: day.reason, reportingUnit, reportedBy: who.ok ? who.value : actor.name });
  }
  return { problems, rows };
}

/**
 * Record progress reports: every entry is checked first; all land or none. A returned report is replaced by its
 * correction. The check reads the project's earlier and later reports, so it runs inside the transaction under a
 * lock per project: two reports of one project sent at once are checked one after the other.
 */
export async function recordProgress(db: Db, entries: ProgressEntry[], opts: { today?: string; actor?: Actor } = {}): Promise<{ recorded: number; ids: number[] }> {
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const named = entries.filter((e) => e && typeof e === 'object');
  const keys = [...new Set(named.map((e) => JSON.stringify([readText(e.plan) ?? '', readText(e.project) ?? ''])))].sort();
  const ids = await db.transaction(async (tx) => {
    await lockRegionsOf(tx, named.map((e) => readText(e.plan) ?? ''), 'shared');
    for (const k of keys) await lockFor(tx, 'progress', k);
    const { problems, rows } = await checkProgress(tx, entries, opts);
    if (!problems.empty) throw new InvalidBatchError(problems.list);
    const out: number[] = [];
    for (const r of rows) {
      const e = r.entry;
      const values = [
        r.plan, r.projectKey, r.period, r.periodEnd, r.periodWan, r.cumulativeWan, r.physical, r.status,
        readText(e.milestones) ?? null, readText(e.problems) ?? null, readText(e.measures) ?? null,
        r.reportingUnit, r.reportedBy, r.reportedOn, r.backdateReason,
      ];
      const after = { project: r.projectKey, period: r.period, periodWan: r.periodWan, cumulativeWan: r.cumulativeWan, physical: r.physical, status: r.status, reportingUnit: r.reportingUnit, reportedBy: r.reportedBy, reportedOn: r.reportedOn, ...(r.backdateReason ? { backdateReason: r.backdateReason } : {}) };
      if (r.replaces !== null) {
        await tx.query(
          `UPDATE project_progress SET investment_period_wan = $5, investment_cumulative_wan = $6, physical_percent = $7, status = $8,
             milestones = $9, problems = $10, measures = $11, reporting_unit = $12, reported_by = $13, reported_on = $14, backdate_reason = $15, review = 'submitted'
           WHERE plan_id = $1 AND project_key = $2 AND period = $3 AND period_end = $4`,
          values,
        );
        out.push(r.replaces);
        await writeAudit(tx, actor, { action: 'progress.resubmit', entity: 'project_progress', entityId: r.replaces, planId: r.plan, after });
      } else {
        const ins = await tx.query<{ id: string }>(
          `INSERT INTO project_progress (plan_id, project_key, period, period_end, investment_period_wan, investment_cumulative_wan, physical_percent, status,
             milestones, problems, measures, reporting_unit, reported_by, reported_on, backdate_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
          values,
        );
        out.push(Number(ins.rows[0]!.id));
        await writeAudit(tx, actor, { action: 'progress.record', entity: 'project_progress', entityId: ins.rows[0]!.id, planId: r.plan, after });
      }
    }
    return out;
  });
  return { recorded: ids.length, ids };
}

/** The plan office accepts a report, or returns it to the unit with a comment saying what to correct. */
export async function reviewProgress(db: Db, id: number, decision: 'accepted' | 'returned', comment?: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  if (decision === 'returned' && !readText(comment)) throw new InvalidBatchError([{ row: 1, field: 'comment', value: '', message: keyMessage('progress.error.returnNeedsComment') }]);
  await db.transaction(async (tx) => {
    const before = await tx.query<{ review: string; review_comment: string | null; plan_id: string }>('SELECT review, review_comment, plan_id FROM project_progress WHERE id = $1 FOR UPDATE', [id]);
    if (before.rows.length === 0) throw new NotFoundError(keyMessage('progress.error.noReport', { id }));
    await requirePlanRole(tx, actor, before.rows[0]!.plan_id, REVIEW_ROLES);
    await tx.query(
      `UPDATE project_progress SET review = $2, review_comment = $3, returned_count = returned_count + (CASE WHEN $2 = 'returned' THEN 1 ELSE 0 END)
       WHERE id = $1`,
      [id, decision, readText(comment) ?? null],
    );
    const b = before.rows[0]!;
    await writeAudit(tx, actor, { action: `progress.${decision === 'returned' ? 'return' : 'accept'}`, entity: 'project_progress', entityId: id, planId: b.plan_id, before: { review: b.review, comment: b.review_comment }, after: { review: decision, comment: readText(comment) ?? null } });
  });
}

const keyMessage = (key: string, params: Record<string, string | number> = {}) => t(key, params);

/** A change to the project list, as the plan office records it. */
export interface ChangeEntry {
  plan: string;
  project: string | number;
  kind: ChangeKind;
  fields?: Record<string, unknown>;
  reason: string;
  /** ISO date the change takes effect */
  effectiveOn: string;
  /** who recorded it: the signed-in user; only a trusted caller (the command line) names someone */
  recordedBy?: string;
}

export async function recordProjectChange(db: Queryable, c: ChangeEntry, actor: Actor = SYSTEM_ACTOR): Promise<{ id: number }> {
  const problems = new Problems();
  if (!checkShape(problems, 1, c, { objects: ['fields'] }) || (c.fields !== undefined && c.fields !== null && !checkShape(problems, 1, c.fields, { lists: ['leadUnits'], prefix: 'fields.' })))
    throw new InvalidBatchError(problems.list);
  // the check reads the project list as changed so far: under a lock per plan, so two changes at once are checked in turn
  return inTransaction(db, async (tx) => {
    await lockFor(tx, 'projects', readText(c?.plan) ?? '');
    const planId = readText(c?.plan) ?? '';
    const exists = await tx.query('SELECT 1 FROM plans WHERE id = $1', [planId]);
    if (exists.rows.length === 0) throw new InvalidBatchError([{ row: 1, field: 'plan', value: planId, message: keyMessage('progress.error.unknownPlan') }]);
    await requirePlanRole(tx, actor, planId, OFFICE_ROLES);
    const who = serverValue(actor, c.recordedBy, 'recordedBy', actor.name);
    if (!who.ok) problems.add(1, who.field, who.value, who.key, who.params);
    const key = readText(c.project) ?? '';
    const adjusted = applyChanges(await loadPlannedProjects(tx, planId), await loadProjectChanges(tx, planId), '9999-12-31');
    const current = adjusted.find((p) => p.key === key);
    if (!['add', 'adjust', 'cancel'].includes(c.kind)) problems.add(1, 'kind', c.kind, 'change.error.kind');
    if (c.kind === 'add' && current) problems.add(1, 'project', key, 'change.error.exists', { name: current.name });
    if (c.kind !== 'add' && !current) problems.add(1, 'project', key, 'progress.error.unknownProject', { plan: planId });
    if (c.kind !== 'add' && current?.cancelled) problems.add(1, 'project', key, 'progress.error.cancelled', { name: current.name });
    if (!key) problems.add(1, 'project', key, 'change.error.key');
    if (!readText(c.reason)) problems.add(1, 'reason', c.reason, 'change.error.reason');
    if (!isIsoDate(String(c.effectiveOn ?? ''))) problems.add(1, 'effectiveOn', c.effectiveOn, 'limits.error.date', RANGE);
    const fields: ChangeFields = {};
    const raw = c.fields ?? {};
    for (const [name, v] of Object.entries(raw)) {
      if (!(CHANGEABLE_FIELDS as readonly string[]).includes(name)) {
        problems.add(1, `fields.${name}`, v, 'change.error.field', { allowed: CHANGEABLE_FIELDS.join('、') });
        continue;
      }
      if (name === 'investmentWan' || name === 'yearStart' || name === 'yearEnd') {
        const n = readNumber(v);
        const fits = n !== undefined && (name === 'investmentWan' ? amountInRange(n) : yearInRange(n));
        if (!fits) problems.add(1, `fields.${name}`, v, name === 'investmentWan' ? 'limits.error.amount' : 'limits.error.year', RANGE);
        else fields[name] = n;
      } else if (name === 'leadUnits') {
        fields.leadUnits = splitList(v);
      } else {
        const s = readText(v);
        if (s === undefined && name === 'name') problems.add(1, 'fields.name', v, 'change.error.name');
        else (fields as Record<string, string | null>)[name] = s ?? null;
      }
    }
    if (c.kind === 'add') {
      if (!fields.name) problems.add(1, 'fields.name', raw.name, 'change.error.name');
      if (!fields.group) problems.add(1, 'fields.group', raw.group, 'change.error.group');
    }
    if (c.kind === 'adjust' && Object.keys(fields).length === 0 && problems.empty) problems.add(1, 'fields', '', 'change.error.nothing');
    const ys = fields.yearStart ?? current?.yearStart;
    const ye = fields.yearEnd ?? current?.yearEnd;
    if (ys != null && ye != null && ys > ye) problems.add(1, 'fields.yearEnd', ye, 'change.error.years', { start: ys });
    if (!problems.empty) throw new InvalidBatchError(problems.list);
    const r = await tx.query<{ id: string }>(
      `INSERT INTO project_changes (plan_id, project_key, kind, fields, reason, effective_on, recorded_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) RETURNING id`,
      [planId, key, c.kind, JSON.stringify(fields), readText(c.reason), c.effectiveOn, who.ok ? who.value : actor.name],
    );
    await writeAudit(tx, actor, { action: `project.${c.kind}`, entity: 'project_change', entityId: r.rows[0]!.id, planId, before: current ? { key, name: current.name, investmentWan: current.investmentWan, yearStart: current.yearStart, yearEnd: current.yearEnd, leadUnits: current.leadUnits } : null, after: { key, fields, reason: readText(c.reason), effectiveOn: c.effectiveOn } });
    return { id: Number(r.rows[0]!.id) };
  });
}

export async function planSettings(db: Queryable, planId: string): Promise<Record<string, unknown>> {
  const r = await db.query<{ settings: Record<string, unknown> }>('SELECT settings FROM plan_settings WHERE plan_id = $1', [planId]);
  return r.rows[0]?.settings ?? {};
}

export async function savePlanSettings(db: Queryable, planId: string, settings: Record<string, unknown>, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  await requirePlanRole(db, actor, planId, OFFICE_ROLES);
  const before = await planSettings(db, planId);
  await inTransaction(db, async (tx) => {
    await writeAudit(tx, actor, { action: 'settings.update', entity: 'plan_settings', entityId: planId, planId, before, after: settings });
    await tx.query(
      `INSERT INTO plan_settings (plan_id, settings) VALUES ($1, $2::jsonb)
       ON CONFLICT (plan_id) DO UPDATE SET settings = plan_settings.settings || EXCLUDED.settings`,
      [planId, JSON.stringify(settings)],
    );
  });
}
