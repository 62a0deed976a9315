// The annual work plan in the store: work items, status updates with evidence, supervision notices and replies.
import { breathe, RANGE, yearInRange } from '../domain/limits.ts';
import { addDays, isIsoDate } from '../domain/period.ts';
import { itemsToSupervise, WORK_STATUSES, type WorkItem, type WorkStatus } from '../domain/workPlan.ts';
import { keyForLabel, t } from '../i18n/index.ts';
import { checkShape, InvalidBatchError, isoDay, Problems, readNumber, readText, shown, splitList, todayInChina } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { writeAudit } from './audit.ts';
import { unitScope } from './users.ts';
import { ENTRY_ROLES, OFFICE_ROLES, reportDay, requirePlanRole, serverValue } from './access.ts';


export interface StoredWorkItem extends WorkItem {
  indicators: string[];
  task: { key: string; title: string | null; text: string | null; source: unknown } | null;
}

export async function loadWorkItems(db: Queryable, planId: string, year?: number): Promise<StoredWorkItem[]> {
  const r = await db.query<{
    id: string; year: number; task_key: string | null; title: string; lead_unit: string; cooperating_units: string[];
    deadline: string; status: WorkStatus; done_on: string | null; indicator_names: string[];
    t_title: string | null; t_text: string | null; t_source: unknown;
  }>(
    `SELECT w.id, w.year, w.task_key, w.title, w.lead_unit, w.cooperating_units, w.deadline::text AS deadline, w.status, w.done_on::text AS done_on,
            w.indicator_names, t.title AS t_title, t.text AS t_text, t.source AS t_source
     FROM work_items w LEFT JOIN tasks t ON t.plan_id = w.plan_id AND t.key = w.task_key
     WHERE w.plan_id = $1 AND ($2::int IS NULL OR w.year = $2) ORDER BY w.deadline, w.id`,
    [planId, year ?? null],
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    year: x.year,
    taskKey: x.task_key,
    title: x.title,
    leadUnit: x.lead_unit,
    cooperatingUnits: x.cooperating_units ?? [],
    deadline: isoDay(x.deadline)!,
    status: x.status,
    doneOn: isoDay(x.done_on),
    indicators: x.indicator_names ?? [],
    task: x.task_key ? { key: x.task_key, title: x.t_title, text: x.t_text, source: x.t_source } : null,
  }));
}

/** A work item as the plan office enters or imports it. */
export interface WorkItemEntry {
  plan: string;
  year: number | string;
  /** the key task it breaks down (its key, e.g. L1461), if any */
  task?: string | null;
  title: string;
  leadUnit: string;
  cooperatingUnits?: string[] | string | null;
  /** ISO date */
  deadline: string;
  indicators?: string[] | string | null;
}

export async function checkWorkItems(db: Queryable, entries: WorkItemEntry[], actor: Actor = SYSTEM_ACTOR): Promise<{ problems: Problems; rows: unknown[][] }> {
  const problems = new Problems();
  const rows: unknown[][] = [];
  const taskKeys = new Map<string, Set<string> | null>(); // null: no such plan
  for (const [i, e] of entries.entries()) {
    await breathe(i);
    const row = i + 1;
    if (!checkShape(problems, row, e, { lists: ['cooperatingUnits', 'indicators'] })) continue;
    const planId = readText(e.plan) ?? '';
    if (!taskKeys.has(planId)) {
      const p = await db.query('SELECT 1 FROM plans WHERE id = $1', [planId]);
      taskKeys.set(planId, p.rows.length === 0 ? null : new Set((await db.query<{ key: string }>('SELECT key FROM tasks WHERE plan_id = $1', [planId])).rows.map((x) => x.key)));
    }
    const keys = taskKeys.get(planId);
    if (!keys) {
      problems.add(row, 'plan', e?.plan, 'progress.error.unknownPlan');
      continue;
    }
    await requirePlanRole(db, actor, planId, OFFICE_ROLES);
    const year = readNumber(e.year);
    if (year === undefined || !yearInRange(year)) problems.add(row, 'year', e.year, 'limits.error.year', RANGE);
    const task = readText(e.task);
    if (task && !keys.has(task)) problems.add(row, 'task', task, 'work.error.task');
    const title = readText(e.title);
    if (!title) problems.add(row, 'title', e.title, 'work.error.title');
    const lead = readText(e.leadUnit);
    if (!lead) problems.add(row, 'leadUnit', e.leadUnit, 'work.error.leadUnit');
    const deadline = readText(e.deadline) ?? '';
    if (!isIsoDate(deadline)) problems.add(row, 'deadline', e.deadline, 'limits.error.date', RANGE);
    else if (year !== undefined && Number(deadline.slice(0, 4)) < year) problems.add(row, 'deadline', deadline, 'work.error.deadlineBeforeYear', { year });
    rows.push([planId, year, task ?? null, title, lead, splitList(e.cooperatingUnits), deadline, splitList(e.indicators)]);
  }
  return { problems, rows };
}

export async function recordWorkItems(db: Db, entries: WorkItemEntry[], actor: Actor = SYSTEM_ACTOR): Promise<{ recorded: number; ids: number[] }> {
  const { problems, rows } = await checkWorkItems(db, entries, actor);
  if (!problems.empty) throw new InvalidBatchError(problems.list);
  const ids = await db.transaction(async (tx) => {
    const out: number[] = [];
    for (const r of rows) {
      const ins = await tx.query<{ id: string }>(
        `INSERT INTO work_items (plan_id, year, task_key, title, lead_unit, cooperating_units, deadline, indicator_names)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8::text[]) RETURNING id`,
        r,
      );
      out.push(Number(ins.rows[0]!.id));
      await writeAudit(tx, actor, { action: 'workItem.create', entity: 'work_item', entityId: ins.rows[0]!.id, planId: r[0] as string, after: { year: r[1], task: r[2], title: r[3], leadUnit: r[4], deadline: r[6] } });
    }
    return out;
  });
  return { recorded: ids.length, ids };
}

/** A clerk acts only for their own unit; the plan office and trusted callers for any. */
async function requireUnit(db: Queryable, actor: Actor, planId: string, unit: string, field: string): Promise<void> {
  const plan = await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [planId]);
  if (!plan.rows[0]) return;
  const scope = await unitScope(db, actor, plan.rows[0].region_id);
  if (scope !== 'all' && !scope.has(unit)) throw new InvalidBatchError([{ row: 1, field, value: unit, message: t('auth.error.notYourUnit', { units: [...scope].join('、') || '—' }) }]);
}

export interface TaskUpdateEntry {
  status: string;
  progress: string;
  evidence?: string | null;
  /** the signed-in user; only a trusted caller (the command line) names someone */
  reportedBy?: string | null;
  /** today; an earlier day only by the plan office, with backdateReason */
  reportedOn?: string | null;
  backdateReason?: string | null;
}

/** A unit reports on a work item: its status, what was done, and the evidence. Done items record the day. */
export async function recordTaskUpdate(db: Db, workItemId: number, u: TaskUpdateEntry, opts: { today?: string; actor?: Actor } = {}): Promise<{ id: number }> {
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const problems = new Problems();
  if (!checkShape(problems, 1, u)) throw new InvalidBatchError(problems.list);
  const status = keyForLabel('workStatus', WORK_STATUSES, String(u.status ?? ''));
  if (!status) problems.add(1, 'status', u?.status, 'work.error.status');
  const progress = readText(u?.progress);
  if (!progress) problems.add(1, 'progress', u?.progress, 'work.error.progress');
  const who = serverValue(actor, u?.reportedBy, 'reportedBy', actor.name);
  if (!who.ok) problems.add(1, who.field, who.value, who.key, who.params);
  if (!problems.empty) throw new InvalidBatchError(problems.list);
  return db.transaction(async (tx) => {
    const item = await tx.query<{ plan_id: string; lead_unit: string; status: string }>('SELECT plan_id, lead_unit, status FROM work_items WHERE id = $1 FOR UPDATE', [workItemId]);
    if (item.rows.length === 0) throw new NotFoundError(t('work.error.noItem', { id: workItemId }));
    const it = item.rows[0]!;
    await requirePlanRole(tx, actor, it.plan_id, ENTRY_ROLES);
    await requireUnit(tx, actor, it.plan_id, it.lead_unit, 'workItem');
    const day = await reportDay(tx, actor, it.plan_id, u.reportedOn, u.backdateReason, opts.today ?? todayInChina());
    if (!day.ok) throw new InvalidBatchError([{ row: 1, field: day.field, value: shown(day.value), message: t(day.key, day.params) }]);
    const reportedOn = day.on;
    const ins = await tx.query<{ id: string }>(
      `INSERT INTO task_updates (work_item_id, status, progress, evidence, reported_by, reported_on, backdate_reason) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [workItemId, status, progress, readText(u.evidence) ?? null, who.ok ? who.value : actor.name, reportedOn, day.reason],
    );
    await tx.query(`UPDATE work_items SET status = $2, done_on = CASE WHEN $2 = 'done' THEN $3::date ELSE NULL END WHERE id = $1`, [workItemId, status, reportedOn]);
    await writeAudit(tx, actor, { action: 'workItem.update', entity: 'work_item', entityId: workItemId, planId: it.plan_id, before: { status: it.status }, after: { status, progress, evidence: readText(u.evidence) ?? null, reportedOn, ...(day.reason ? { backdateReason: day.reason } : {}) } });
    return { id: Number(ins.rows[0]!.id) };
  });
}

export async function loadTaskUpdates(db: Queryable, planId: string): Promise<Array<{ id: number; workItemId: number; status: WorkStatus; progress: string; evidence: string | null; reportedBy: string | null; reportedOn: string }>> {
  const r = await db.query<{ id: string; work_item_id: string; status: WorkStatus; progress: string; evidence: string | null; reported_by: string | null; reported_on: string }>(
    `SELECT u.id, u.work_item_id, u.status, u.progress, u.evidence, u.reported_by, u.reported_on::text AS reported_on
     FROM task_updates u JOIN work_items w ON w.id = u.work_item_id WHERE w.plan_id = $1 ORDER BY u.reported_on, u.id`,
    [planId],
  );
  return r.rows.map((x) => ({ id: Number(x.id), workItemId: Number(x.work_item_id), status: x.status, progress: x.progress, evidence: x.evidence, reportedBy: x.reported_by, reportedOn: isoDay(x.reported_on)! }));
}

export interface StoredNotice {
  id: number;
  workItemId: number;
  unit: string;
  issuedOn: string;
  replyDue: string;
  message: string;
  issuedBy: string | null;
  reply: string | null;
  repliedBy: string | null;
  repliedOn: string | null;
}

export async function loadNotices(db: Queryable, planId: string): Promise<StoredNotice[]> {
  const r = await db.query<{ id: string; work_item_id: string; unit: string; issued_on: string; reply_due: string; message: string; issued_by: string | null; reply: string | null; replied_by: string | null; replied_on: string | null }>(
    `SELECT id, work_item_id, unit, issued_on::text AS issued_on, reply_due::text AS reply_due, message, issued_by, reply, replied_by, replied_on::text AS replied_on
     FROM supervision_notices WHERE plan_id = $1 ORDER BY issued_on DESC, id DESC`,
    [planId],
  );
  return r.rows.map((x) => ({
    id: Number(x.id), workItemId: Number(x.work_item_id), unit: x.unit, issuedOn: isoDay(x.issued_on)!, replyDue: isoDay(x.reply_due)!, message: x.message,
    issuedBy: x.issued_by, reply: x.reply, repliedBy: x.replied_by, repliedOn: isoDay(x.replied_on),
  }));
}

/** Days a unit has to reply to a supervision notice. */
export const REPLY_DAYS = 7;

/**
 * Issue a supervision notice to the lead unit of every overdue work item that has no notice awaiting a reply.
 * Idempotent: running it twice on the same day issues nothing new.
 */
export async function issueNotices(db: Db, planId: string, opts: { asOf?: string; issuedBy?: string; actor?: Actor } = {}): Promise<StoredNotice[]> {
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const asOf = opts.asOf ?? todayInChina();
  const by = serverValue(actor, opts.issuedBy, 'issuedBy', actor.name);
  if (!by.ok) throw new InvalidBatchError([{ row: 1, field: by.field, value: shown(by.value), message: t(by.key, by.params) }]);
  return db.transaction(async (tx) => {
    await requirePlanRole(tx, actor, planId, OFFICE_ROLES);
    await tx.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [planId]);
    const items = await loadWorkItems(tx, planId);
    const notices = await loadNotices(tx, planId);
    const due = itemsToSupervise(items, notices.map((n) => ({ workItemId: n.workItemId, open: n.reply === null })), asOf);
    const out: StoredNotice[] = [];
    for (const item of due) {
      const days = Math.round((Date.parse(asOf) - Date.parse(item.deadline)) / 86_400_000);
      const message = t('notice.message', { unit: item.leadUnit, title: item.title, deadline: item.deadline, days, due: addDays(asOf, REPLY_DAYS) });
      const ins = await tx.query<{ id: string }>(
        `INSERT INTO supervision_notices (plan_id, work_item_id, unit, issued_on, reply_due, message, issued_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [planId, item.id, item.leadUnit, asOf, addDays(asOf, REPLY_DAYS), message, by.value],
      );
      await writeAudit(tx, actor, { action: 'notice.issue', entity: 'supervision_notice', entityId: ins.rows[0]!.id, planId, after: { workItem: item.id, unit: item.leadUnit, message } });
      out.push({ id: Number(ins.rows[0]!.id), workItemId: item.id, unit: item.leadUnit, issuedOn: asOf, replyDue: addDays(asOf, REPLY_DAYS), message, issuedBy: readText(opts.issuedBy) ?? null, reply: null, repliedBy: null, repliedOn: null });
    }
    return out;
  });
}

export async function replyToNotice(db: Db, noticeId: number, r: { reply: string; repliedBy?: string | null; repliedOn?: string | null }, opts: { today?: string; actor?: Actor } = {}): Promise<void> {
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const problems = new Problems();
  if (!checkShape(problems, 1, r)) throw new InvalidBatchError(problems.list);
  const reply = readText(r.reply);
  if (!reply) problems.add(1, 'reply', r?.reply, 'notice.error.reply');
  const today = opts.today ?? todayInChina();
  const day = serverValue(actor, r?.repliedOn, 'repliedOn', today);
  const by = serverValue(actor, r?.repliedBy, 'repliedBy', actor.name);
  for (const x of [day, by]) if (!x.ok) problems.add(1, x.field, x.value, x.key, x.params);
  const on = day.ok ? day.value : today;
  if (!isIsoDate(on)) problems.add(1, 'repliedOn', r?.repliedOn, 'limits.error.date', RANGE);
  if (!problems.empty) throw new InvalidBatchError(problems.list);
  await db.transaction(async (tx) => {
    const cur = await tx.query<{ reply: string | null; plan_id: string; unit: string }>('SELECT reply, plan_id, unit FROM supervision_notices WHERE id = $1 FOR UPDATE', [noticeId]);
    if (cur.rows.length === 0) throw new NotFoundError(t('notice.error.none', { id: noticeId }));
    await requirePlanRole(tx, actor, cur.rows[0]!.plan_id, ENTRY_ROLES);
    await requireUnit(tx, actor, cur.rows[0]!.plan_id, cur.rows[0]!.unit, 'notice');
    if (cur.rows[0]!.reply !== null) throw new InvalidBatchError([{ row: 1, field: 'reply', value: reply!, message: t('notice.error.replied') }]);
    await tx.query('UPDATE supervision_notices SET reply = $2, replied_by = $3, replied_on = $4 WHERE id = $1', [noticeId, reply, by.ok ? by.value : actor.name, on]);
    await writeAudit(tx, actor, { action: 'notice.reply', entity: 'supervision_notice', entityId: noticeId, planId: cur.rows[0]!.plan_id, after: { reply, repliedOn: on } });
  });
}

