// HTTP routes of the early warning (src/store/alarms.ts): the alarms of a plan's region — long-polled by the 大屏
// and the monitoring page with ?after=&wait=, so a new alarm reaches the screen within about a second of the check
// that raised it — a step of an alarm's lifecycle, and the dispatch rules. Who may call each is in
// src/server/authorization.ts; the store checks roles again on every write and that the alarm is of the plan's
// region (another region's alarm is "not found").
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AlarmItem, AlarmList, AlarmRuleBody, AlarmStepBody } from '../api/alarms.ts';
import { requirePlan } from '../app/requirePlan.ts';
import { t } from '../i18n/index.ts';
import { latestAlarmId, listAlarmRules, listAlarms, moveAlarm, setAlarmRule, type AlarmListing } from '../store/alarms.ts';
import type { Db } from '../store/db.ts';

/** Long-polls waiting at once, across plans; a further one is asked to come back shortly. */
export const MAX_WAITING = 100;
const MAX_WAIT_S = 25;
const POLL_MS = 1000;

const bad = (reply: FastifyReply, code: string, message: string) => reply.code(400).send({ error: { code, message } });

export function toAlarmItem(a: AlarmListing): AlarmItem {
  return {
    id: a.id!,
    source: a.source,
    outlet: a.outlet,
    pollutant: a.pollutant,
    pollutantName: a.pollutantName,
    kind: a.kind,
    state: a.state,
    raisedAt: a.raisedAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    reason: a.reason,
    clearCandidate: a.clearCandidate,
    workItem: a.workItem ? { leadUnit: a.workItem.leadUnit, deadline: a.workItem.deadline, status: a.workItem.status as 'notStarted' | 'inProgress' | 'done' } : null,
    dispatchNote: a.dispatchNote,
    history: a.history.map((h) => ({ from: h.from, to: h.to, actor: h.actor, at: h.at.toISOString(), note: h.note })),
  };
}

export function registerAlarmRoutes(app: FastifyInstance, db: Db): void {
  let waiting = 0;

  app.get<{ Params: { id: string }; Querystring: { state?: string; after?: string; wait?: string } }>('/api/plans/:id/alarms', async (req, reply) => {
    const plan = await requirePlan(db, req.params.id);
    const q = req.query;
    const state = q.state ?? 'open';
    if (!['open', 'closed', 'all'].includes(state)) return bad(reply, 'badState', t('alarms.api.state', { value: String(state).slice(0, 40) }));
    const int = (v: string | undefined, max: number) => (v === undefined || v === '' ? 0 : /^\d{1,12}$/.test(v) && Number(v) <= max ? Number(v) : null);
    const after = int(q.after, Number.MAX_SAFE_INTEGER);
    if (after === null) return bad(reply, 'badAfter', t('alarms.api.after', { value: String(q.after).slice(0, 40) }));
    const wait = int(q.wait, MAX_WAIT_S);
    if (wait === null) return bad(reply, 'badWait', t('alarms.api.wait', { value: String(q.wait).slice(0, 40), max: MAX_WAIT_S }));
    const regions = [plan.regionId];
    const list = () => listAlarms(db, { regionIds: regions, after, ...(state === 'all' ? {} : { state: state as 'open' | 'closed' }) });
    let alarms = await list();
    if (alarms.length === 0 && wait > 0) {
      if (waiting >= MAX_WAITING) return reply.code(503).header('Retry-After', '5').send({ error: { code: 'busy', message: t('alarms.api.busy') } });
      waiting++;
      try {
        const until = Date.now() + wait * 1000;
        let closed = false;
        req.raw.once('close', () => (closed = true));
        while (!closed && Date.now() < until && (await latestAlarmId(db, regions)) <= after) {
          await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, until - Date.now()))));
        }
        alarms = await list();
      } finally {
        waiting--;
      }
    }
    const answer: AlarmList = { alarms: alarms.map(toAlarmItem), latest: Math.max(after, await latestAlarmId(db, regions)) };
    return answer;
  });

  app.post<{ Params: { id: string; alarmId: string }; Body: AlarmStepBody }>('/api/plans/:id/alarms/:alarmId/steps', async (req, reply) => {
    const plan = await requirePlan(db, req.params.id);
    if (!/^\d{1,12}$/.test(req.params.alarmId)) return bad(reply, 'badId', t('alarms.error.noAlarm', { id: req.params.alarmId.slice(0, 20) }));
    const id = Number(req.params.alarmId);
    await moveAlarm(db, id, req.body.to, req.actor, req.body.note ?? null, new Date(), { regionId: plan.regionId });
    const [moved] = (await listAlarms(db, { regionIds: [plan.regionId], state: undefined, limit: 5000 })).filter((a) => a.id === id);
    return toAlarmItem(moved!);
  });

  app.get<{ Params: { id: string } }>('/api/plans/:id/alarm-rules', async (req) => {
    const plan = await requirePlan(db, req.params.id);
    return (await listAlarmRules(db, plan.id)).map((r) => ({ kind: r.kind, assignee: r.assignee, unitName: r.unitName ?? null, deadlineDays: r.deadlineDays }));
  });

  app.put<{ Params: { id: string }; Body: AlarmRuleBody }>('/api/plans/:id/alarm-rules', async (req) => {
    const plan = await requirePlan(db, req.params.id);
    const b = req.body;
    await setAlarmRule(db, { planId: plan.id, kind: b.kind, assignee: b.assignee, unitName: b.unitName ?? null, deadlineDays: b.deadlineDays }, req.actor);
    return (await listAlarmRules(db, plan.id)).map((r) => ({ kind: r.kind, assignee: r.assignee, unitName: r.unitName ?? null, deadlineDays: r.deadlineDays }));
  });
}
