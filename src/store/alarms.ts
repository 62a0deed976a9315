// Alarms of pollution sources (issue #16): the checks run over the stored source data, the alarms they keep
// open (deduplicated by device, pollutant and kind), the work item each new alarm is dispatched as by the plan
// office's rules, the lifecycle a person moves an alarm through, and the 督办 the work plan already issues for
// overdue items. The rules themselves are pure: src/domain/alarms.ts.
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { addDays } from '../domain/period.ts';
import {
  DEFAULT_ALARM_SETTINGS,
  evaluateSource,
  isRefusal,
  mergeFindings,
  transition,
  type Alarm,
  type AlarmSettings,
  type AlarmState,
  type CommandKind,
  type FindingKind,
  type PermittedLimit,
  type SeriesPoint,
} from '../domain/alarms.ts';
import { t } from '../i18n/index.ts';
import { ENTRY_ROLES, ForbiddenError, OFFICE_ROLES, requirePlanRole } from './access.ts';
import { writeAudit } from './audit.ts';
import { todayInChina } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { unitScope } from './users.ts';
import { issueNotices } from './workPlan.ts';

export const ALARM_KINDS: readonly FindingKind[] = ['exceedance', 'stuck', 'zero', 'negative', 'outOfRange', 'silent', 'lowTransmission'];
export type RuleKind = FindingKind | '*';
export type Assignee = 'responsibleUnit' | 'grid' | 'unit';

/** A refusal of an alarm action or rule, said in words. */
export class AlarmInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlarmInputError';
  }
}

/** The checks act as the system, named so in the audit trail. */
const ALARM_ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'alarm-checks' };

const HOUR = 3600_000;
const BEIJING = 8 * HOUR;
/** How far back each command kind is read: enough for the stuck and transmission rules. */
const WINDOWS: Record<Exclude<CommandKind, 'minute'>, { cn: number; back: number; interval: number }> = {
  hourly: { cn: 2061, back: 48 * HOUR, interval: HOUR },
  daily: { cn: 2031, back: 8 * 24 * HOUR, interval: 24 * HOUR },
};

/** A DataTime stored as Beijing wall time (timestamp without zone) as an instant. */
function fromBeijing(text: string): Date {
  return new Date(Date.parse(`${text.replace(' ', 'T')}Z`) - BEIJING);
}
function toBeijing(d: Date): string {
  return new Date(d.getTime() + BEIJING).toISOString().slice(0, 19).replace('T', ' ');
}

interface DeviceRow {
  id: number;
  mn: string;
  region_id: number;
  source_name: string;
  outlet_name: string;
  responsible_unit: string | null;
  grid: string | null;
  last_packet: string | null;
}

interface StoredAlarmRow {
  id: string;
  device_id: number;
  pollutant: string;
  kind: FindingKind;
  state: AlarmState;
  raised_at: Date | string;
  last_seen_at: Date | string;
  period_from: Date | string;
  period_to: Date | string;
  figures: Alarm['figures'];
  reason: string;
  history: Array<{ from: AlarmState; to: AlarmState; actor: string; at: string; note: string | null }>;
}

const asDate = (x: Date | string) => (x instanceof Date ? x : new Date(x));

function toAlarm(r: StoredAlarmRow): Alarm {
  return {
    id: Number(r.id),
    deviceId: r.device_id,
    pollutant: r.pollutant === '' ? null : r.pollutant,
    kind: r.kind,
    state: r.state,
    raisedAt: asDate(r.raised_at),
    lastSeenAt: asDate(r.last_seen_at),
    from: asDate(r.period_from),
    to: asDate(r.period_to),
    figures: r.figures,
    reason: r.reason,
    history: r.history.map((h) => ({ ...h, at: new Date(h.at) })),
  };
}

export interface CheckSummary {
  devices: number;
  opened: number;
  updated: number;
  clearCandidates: number;
  dispatched: number;
  /** alarms opened with no rule to dispatch them by */
  undispatched: number;
  notices: number;
}

/**
 * runAlarmChecks(db, now, settings?): the rules over each device's last 48 hours of hourly and 8 days of daily
 * data and its last packet; new alarms stored and dispatched, lasting ones updated, and alarms not seen for
 * `clearHours` marked as candidates to close (closing stays a person's act). One transaction; then 督办 for
 * overdue work items of the plans that received alarm items.
 */
export async function runAlarmChecks(db: Db, now: Date = new Date(), settings: Partial<AlarmSettings> = {}): Promise<CheckSummary> {
  const s = { ...DEFAULT_ALARM_SETTINGS, ...settings };
  const summary: CheckSummary = { devices: 0, opened: 0, updated: 0, clearCandidates: 0, dispatched: 0, undispatched: 0, notices: 0 };
  const plansTouched = new Set<string>();
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(771015)');
    const devices = (
      await tx.query<DeviceRow>(
        `SELECT d.id, d.mn, s.region_id, s.name AS source_name, o.name AS outlet_name, s.responsible_unit, s.grid,
                (SELECT max(received_at) FROM packet_log l WHERE l.device_id = d.id AND l.outcome <> 'refused')::text AS last_packet
         FROM devices d JOIN outlets o ON o.id = d.outlet_id JOIN pollution_sources s ON s.id = o.source_id ORDER BY d.id`,
      )
    ).rows;
    summary.devices = devices.length;
    const limitRows = (
      await tx.query<{ device_id: number; code: string; name: string | null; limit_value: number | null; unit: string | null; averaging: 'hour' | 'day'; kind: 'gas' | 'water' }>(
        `SELECT d.id AS device_id, p.code, p.name, p.limit_value, p.unit, p.averaging, o.kind
         FROM devices d JOIN outlets o ON o.id = d.outlet_id JOIN outlet_pollutants p ON p.outlet_id = o.id WHERE p.limit_value IS NOT NULL`,
      )
    ).rows;
    const openRows = (await tx.query<StoredAlarmRow & { work_item_id: string | null }>("SELECT * FROM alarms WHERE state <> 'closed'")).rows;
    const open = openRows.map(toAlarm);
    const undispatched = new Set(openRows.filter((r) => r.work_item_id === null).map((r) => Number(r.id)));
    const names = new Map(limitRows.map((l) => [`${l.device_id}|${l.code}`, l.name]));
    for (const d of devices) {
      const limits: PermittedLimit[] = limitRows
        .filter((l) => l.device_id === d.id)
        .map((l) => ({ pollutant: l.code, value: l.limit_value!, unit: l.unit, averaging: l.averaging, basis: l.kind === 'gas' ? 'converted' : 'measured' }));
      const findings = [];
      for (const [kind, w] of Object.entries(WINDOWS) as Array<[Exclude<CommandKind, 'minute'>, (typeof WINDOWS)['hourly']]>) {
        const window = { from: new Date(now.getTime() - w.back), to: now };
        const rows = (
          await tx.query<{ t: string; pollutants: Record<string, { avg?: number | null; rtd?: number | null; zsAvg?: number | null; flag?: string | null }> }>(
            `SELECT to_char(data_time, 'YYYY-MM-DD HH24:MI:SS') AS t, pollutants FROM source_data
             WHERE device_id = $1 AND cn = $2 AND data_time >= $3::timestamp AND data_time < $4::timestamp ORDER BY data_time`,
            [d.id, w.cn, toBeijing(window.from), toBeijing(window.to)],
          )
        ).rows;
        const series: Record<string, SeriesPoint[]> = {};
        for (const r of rows) {
          const time = fromBeijing(r.t);
          for (const [code, v] of Object.entries(r.pollutants)) {
            (series[code] ??= []).push({ time, value: v.avg ?? v.rtd ?? null, converted: v.zsAvg ?? null, flag: v.flag ?? null });
          }
        }
        const sendsKind = rows.length > 0;
        if (!sendsKind && kind === 'daily') continue;
        findings.push(
          ...evaluateSource(
            {
              deviceId: d.id,
              kind,
              window,
              series,
              limits,
              expectedIntervalMs: w.interval,
              names: Object.fromEntries(limitRows.filter((l) => l.device_id === d.id && l.name).map((l) => [l.code, l.name!])),
              // silence is judged once, against the hourly interval
              lastPacketAt: kind === 'hourly' && d.last_packet ? new Date(d.last_packet) : null,
              settings: s,
            },
            now,
          ),
        );
      }
      const merged = mergeFindings(open.filter((a) => a.deviceId === d.id), findings, now, s);
      // an alarm left undispatched (no rule then, or no unit registered) is dispatched once a rule applies
      for (const a of open.filter((x) => x.deviceId === d.id && undispatched.has(x.id!))) {
        const pollutantName = a.pollutant ? (names.get(`${d.id}|${a.pollutant}`) ?? a.pollutant) : null;
        const planId = await dispatch(tx, a.id!, a, d, pollutantName, now);
        if (planId) {
          summary.dispatched++;
          plansTouched.add(planId);
        }
      }
      for (const a of merged.updated) {
        await tx.query('UPDATE alarms SET last_seen_at = $2, period_to = $3, figures = $4::jsonb, reason = $5, clear_candidate = false WHERE id = $1', [a.id, a.lastSeenAt, a.to, JSON.stringify(a.figures), a.reason]);
        summary.updated++;
      }
      for (const a of merged.closedCandidates) {
        await tx.query('UPDATE alarms SET clear_candidate = true WHERE id = $1', [a.id]);
        summary.clearCandidates++;
      }
      for (const a of merged.opened) {
        const ins = await tx.query<{ id: string }>(
          `INSERT INTO alarms (device_id, pollutant, kind, state, raised_at, last_seen_at, period_from, period_to, figures, reason)
           VALUES ($1, $2, $3, 'raised', $4, $5, $6, $7, $8::jsonb, $9) RETURNING id`,
          [d.id, a.pollutant ?? '', a.kind, a.raisedAt, a.lastSeenAt, a.from, a.to, JSON.stringify(a.figures), a.reason],
        );
        const id = Number(ins.rows[0]!.id);
        summary.opened++;
        const pollutantName = a.pollutant ? (names.get(`${d.id}|${a.pollutant}`) ?? a.pollutant) : null;
        const dispatched = await dispatch(tx, id, a, d, pollutantName, now);
        if (dispatched) {
          summary.dispatched++;
          plansTouched.add(dispatched);
        } else summary.undispatched++;
        await writeAudit(tx, ALARM_ACTOR, {
          action: 'alarm.raise',
          entity: 'alarm',
          entityId: id,
          after: { source: d.source_name, outlet: d.outlet_name, kind: t(`alarms.kind.${a.kind}`), reason: a.reason },
        });
      }
    }
  });
  const today = todayInChina(now);
  for (const planId of plansTouched) {
    summary.notices += (await issueNotices(db, planId, { asOf: today })).length;
  }
  return summary;
}

/** The work item of a new alarm, by the rule of a plan of the source's region; returns the plan, or null when no rule applies. */
async function dispatch(tx: Queryable, alarmId: number, a: Alarm, d: DeviceRow, pollutantName: string | null, now: Date): Promise<string | null> {
  const rule = (
    await tx.query<{ plan_id: string; assignee: Assignee; unit_name: string | null; deadline_days: number }>(
      `SELECT r.plan_id, r.assignee, r.unit_name, r.deadline_days FROM alarm_rules r JOIN plans p ON p.id = r.plan_id
       WHERE p.region_id = $1 AND r.kind IN ($2, '*') ORDER BY (r.kind = '*'), r.plan_id LIMIT 1`,
      [d.region_id, a.kind],
    )
  ).rows[0];
  if (!rule) {
    await tx.query('UPDATE alarms SET dispatch_note = $2 WHERE id = $1', [alarmId, t('alarms.dispatch.noRule')]);
    return null;
  }
  const lead = rule.assignee === 'unit' ? rule.unit_name : rule.assignee === 'grid' ? d.grid : d.responsible_unit;
  if (!lead) {
    await tx.query('UPDATE alarms SET dispatch_note = $2 WHERE id = $1', [alarmId, t(rule.assignee === 'grid' ? 'alarms.dispatch.noGrid' : 'alarms.dispatch.noUnit', { source: d.source_name })]);
    return null;
  }
  const day = todayInChina(now);
  const deadline = addDays(day, rule.deadline_days);
  const title = t('alarms.workItem.title', { source: d.source_name, outlet: d.outlet_name, what: pollutantName ? `${pollutantName}${t(`alarms.kind.${a.kind}`)}` : t(`alarms.kind.${a.kind}`) });
  const ins = await tx.query<{ id: string }>(
    `INSERT INTO work_items (plan_id, year, task_key, title, lead_unit, cooperating_units, deadline, indicator_names)
     VALUES ($1, $2, NULL, $3, $4, '{}', $5, '{}') RETURNING id`,
    [rule.plan_id, Number(day.slice(0, 4)), title, lead, deadline],
  );
  await tx.query('UPDATE alarms SET work_item_id = $2, dispatch_note = NULL WHERE id = $1', [alarmId, ins.rows[0]!.id]);
  await writeAudit(tx, ALARM_ACTOR, { action: 'workItem.create', entity: 'work_item', entityId: ins.rows[0]!.id, planId: rule.plan_id, after: { title, leadUnit: lead, deadline, alarm: alarmId } });
  return rule.plan_id;
}

export interface AlarmListing extends Alarm {
  mn: string;
  /** the pollutant as the discharge permit names it */
  pollutantName: string | null;
  source: string;
  outlet: string;
  regionId: number;
  clearCandidate: boolean;
  workItem: { id: number; planId: string; leadUnit: string; deadline: string; status: string } | null;
  dispatchNote: string | null;
}

/** Alarms, newest first; `state` 'open' for all but closed. Only alarms of regions the actor reads are listed. */
export async function listAlarms(db: Queryable, opts: { state?: AlarmState | 'open'; regionIds?: number[] | null; limit?: number; after?: number } = {}): Promise<AlarmListing[]> {
  const r = await db.query<StoredAlarmRow & { mn: string; pollutant_name: string | null; source: string; outlet: string; region_id: number; clear_candidate: boolean; dispatch_note: string | null; wi_id: string | null; wi_plan: string | null; wi_lead: string | null; wi_deadline: string | null; wi_status: string | null }>(
    `SELECT a.*, d.mn, (SELECT p.name FROM outlet_pollutants p WHERE p.outlet_id = o.id AND p.code = a.pollutant ORDER BY p.averaging LIMIT 1) AS pollutant_name, s.name AS source, o.name AS outlet, s.region_id,
            w.id AS wi_id, w.plan_id AS wi_plan, w.lead_unit AS wi_lead, to_char(w.deadline, 'YYYY-MM-DD') AS wi_deadline, w.status AS wi_status
     FROM alarms a JOIN devices d ON d.id = a.device_id JOIN outlets o ON o.id = d.outlet_id JOIN pollution_sources s ON s.id = o.source_id
     LEFT JOIN work_items w ON w.id = a.work_item_id
     WHERE ($1::text IS NULL OR ($1 = 'open' AND a.state <> 'closed') OR a.state = $1)
       AND ($2::int[] IS NULL OR s.region_id = ANY($2::int[]))
       AND a.id > $4
     ORDER BY a.raised_at DESC, a.id DESC LIMIT $3`,
    [opts.state ?? null, opts.regionIds ?? null, Math.min(Math.max(opts.limit ?? 500, 1), 5000), opts.after ?? 0],
  );
  return r.rows.map((x) => ({
    ...toAlarm(x),
    mn: x.mn,
    pollutantName: x.pollutant_name,
    source: x.source,
    outlet: x.outlet,
    regionId: x.region_id,
    clearCandidate: x.clear_candidate,
    dispatchNote: x.dispatch_note,
    workItem: x.wi_id ? { id: Number(x.wi_id), planId: x.wi_plan!, leadUnit: x.wi_lead!, deadline: x.wi_deadline!, status: x.wi_status! } : null,
  }));
}

/**
 * moveAlarm(db, id, to, actor, note): the next lifecycle step (产生 → 确认 → 处置 → 关闭), refused out of order;
 * closing needs the handling note or evidence, and closes the dispatched work item with that evidence. Who: the
 * plan office of the work item's plan, or the unit it was dispatched to; an alarm not dispatched, the plan office
 * of a plan of its region.
 */
export async function moveAlarm(db: Db, id: number, to: AlarmState, actor: Actor, note: string | null, now: Date = new Date(), opts: { regionId?: number } = {}): Promise<Alarm> {
  return db.transaction(async (tx) => {
    const row = (await tx.query<StoredAlarmRow & { region_id: number; work_item_id: string | null }>(
      `SELECT a.*, s.region_id FROM alarms a JOIN devices d ON d.id = a.device_id JOIN outlets o ON o.id = d.outlet_id
       JOIN pollution_sources s ON s.id = o.source_id WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    )).rows[0];
    if (!row || (opts.regionId !== undefined && row.region_id !== opts.regionId)) throw new NotFoundError(t('alarms.error.noAlarm', { id }));
    const item = row.work_item_id
      ? (await tx.query<{ id: string; plan_id: string; lead_unit: string; status: string }>('SELECT id, plan_id, lead_unit, status FROM work_items WHERE id = $1 FOR UPDATE', [row.work_item_id])).rows[0]
      : undefined;
    if (item) {
      await requirePlanRole(tx, actor, item.plan_id, ENTRY_ROLES);
      const scope = await unitScope(tx, actor, row.region_id);
      if (scope !== 'all' && !scope.has(item.lead_unit)) throw new ForbiddenError(t('auth.error.notYourUnit', { units: [...scope].join('、') || '—' }));
    } else {
      const plan = (await tx.query<{ id: string }>('SELECT id FROM plans WHERE region_id = $1 ORDER BY id LIMIT 1', [row.region_id])).rows[0];
      if (!plan) throw new ForbiddenError(t('alarms.error.noPlan'));
      await requirePlanRole(tx, actor, plan.id, OFFICE_ROLES);
    }
    const moved = transition(toAlarm(row), to, actor.name, note, now);
    if (isRefusal(moved)) throw new AlarmInputError(moved.error);
    await tx.query('UPDATE alarms SET state = $2, history = $3::jsonb WHERE id = $1', [id, to, JSON.stringify(moved.history)]);
    if (to === 'closed' && item && item.status !== 'done') {
      const day = todayInChina(now);
      await tx.query(
        `INSERT INTO task_updates (work_item_id, status, progress, evidence, reported_by, reported_on) VALUES ($1, 'done', $2, $3, $4, $5)`,
        [item.id, t('alarms.workItem.closed'), note, actor.name, day],
      );
      await tx.query("UPDATE work_items SET status = 'done', done_on = $2 WHERE id = $1", [item.id, day]);
    }
    await writeAudit(tx, actor, { action: `alarm.${to}`, entity: 'alarm', entityId: id, ...(item ? { planId: item.plan_id } : {}), before: { state: t(`alarms.state.${row.state}`) }, after: { state: t(`alarms.state.${to}`), note } });
    return moved;
  });
}

export interface AlarmRule {
  planId: string;
  kind: RuleKind;
  assignee: Assignee;
  unitName?: string | null;
  deadlineDays: number;
}

/** Set who gets the work items of a kind of alarm in a plan (the plan office). */
export async function setAlarmRule(db: Db, rule: AlarmRule, actor: Actor): Promise<void> {
  if (rule.kind !== '*' && !ALARM_KINDS.includes(rule.kind)) throw new AlarmInputError(t('alarms.error.kind', { value: String(rule.kind), expected: ['*', ...ALARM_KINDS].join('、') }));
  if (!['responsibleUnit', 'grid', 'unit'].includes(rule.assignee)) throw new AlarmInputError(t('alarms.error.assignee', { value: String(rule.assignee) }));
  const unit = rule.unitName?.trim() ?? '';
  if (rule.assignee === 'unit' && unit === '') throw new AlarmInputError(t('alarms.error.unitName'));
  if (!Number.isInteger(rule.deadlineDays) || rule.deadlineDays < 1 || rule.deadlineDays > 365) throw new AlarmInputError(t('alarms.error.days', { value: String(rule.deadlineDays) }));
  await db.transaction(async (tx) => {
    const plan = await tx.query('SELECT 1 FROM plans WHERE id = $1', [rule.planId]);
    if (plan.rows.length === 0) throw new NotFoundError(t('progress.error.unknownPlan'));
    await requirePlanRole(tx, actor, rule.planId, OFFICE_ROLES);
    const before = (await tx.query('SELECT assignee, unit_name, deadline_days FROM alarm_rules WHERE plan_id = $1 AND kind = $2', [rule.planId, rule.kind])).rows[0] ?? null;
    await tx.query(
      `INSERT INTO alarm_rules (plan_id, kind, assignee, unit_name, deadline_days, set_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (plan_id, kind) DO UPDATE SET assignee = EXCLUDED.assignee, unit_name = EXCLUDED.unit_name, deadline_days = EXCLUDED.deadline_days, set_by = EXCLUDED.set_by, set_at = now()`,
      [rule.planId, rule.kind, rule.assignee, rule.assignee === 'unit' ? unit : null, rule.deadlineDays, actor.name],
    );
    await writeAudit(tx, actor, { action: 'alarmRule.set', entity: 'alarm_rule', entityId: `${rule.planId}:${rule.kind}`, planId: rule.planId, before, after: { kind: rule.kind === '*' ? t('alarms.kind.any') : t(`alarms.kind.${rule.kind}`), assignee: t(`alarms.assignee.${rule.assignee}`), unit: unit || null, days: rule.deadlineDays } });
  });
}

export async function listAlarmRules(db: Queryable, planId: string): Promise<AlarmRule[]> {
  const r = await db.query<{ plan_id: string; kind: RuleKind; assignee: Assignee; unit_name: string | null; deadline_days: number }>('SELECT * FROM alarm_rules WHERE plan_id = $1 ORDER BY kind', [planId]);
  return r.rows.map((x) => ({ planId: x.plan_id, kind: x.kind, assignee: x.assignee, unitName: x.unit_name, deadlineDays: x.deadline_days }));
}

/** The highest alarm id of the regions (0 when none): the web asks for alarms after it. */
export async function latestAlarmId(db: Queryable, regionIds: number[]): Promise<number> {
  const r = await db.query<{ id: string | null }>(
    `SELECT max(a.id) AS id FROM alarms a JOIN devices d ON d.id = a.device_id JOIN outlets o ON o.id = d.outlet_id
     JOIN pollution_sources s ON s.id = o.source_id WHERE s.region_id = ANY($1::int[])`,
    [regionIds],
  );
  return Number(r.rows[0]?.id ?? 0);
}
