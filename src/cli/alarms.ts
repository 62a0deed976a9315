// `ecociv alarms check | list [--state open|closed|all] | ack|handle|close ID [--note …] | rule --plan P --kind K
// --assignee responsibleUnit|grid|unit [--unit 单位] --days N | rules --plan P`: the early warning of pollution
// sources (issue #16) from the command line. The gateway runs the checks itself every 10 minutes.
import { parseArgs } from 'node:util';
import { cliActor } from '../auth/roles.ts';
import type { AlarmState } from '../domain/alarms.ts';
import { t, type Locale } from '../i18n/index.ts';
import { listAlarmRules, listAlarms, moveAlarm, runAlarmChecks, setAlarmRule, type Assignee, type RuleKind } from '../store/alarms.ts';
import type { Db } from '../store/db.ts';
import type { CliIo } from './io.ts';
import { SourcesInputError } from './sources.ts';
import { renderTable } from './table.ts';

/** A refusal of the command line's words (exit 2). */
const argsError = (message: string) => new SourcesInputError(message, 2);

const MOVES: Record<string, AlarmState> = { ack: 'acknowledged', handle: 'handling', close: 'closed' };
const BEIJING = 8 * 3600_000;
const shownTime = (d: Date) => new Date(d.getTime() + BEIJING).toISOString().slice(0, 16).replace('T', ' ');

export async function runAlarms(db: Db, io: CliIo, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'table' },
        lang: { type: 'string', default: 'zh-CN' },
        state: { type: 'string', default: 'open' },
        note: { type: 'string' },
        plan: { type: 'string' },
        kind: { type: 'string' },
        assignee: { type: 'string' },
        unit: { type: 'string' },
        days: { type: 'string' },
      },
    });
  } catch (e) {
    throw argsError(`${(e as Error).message}\n\n${t('alarms.help')}`);
  }
  const v = parsed.values;
  const L: Locale = v.lang === 'en' ? 'en' : 'zh-CN';
  const [sub, ...rest] = parsed.positionals;
  const json = (x: unknown) => io.out(JSON.stringify(x, null, 2));
  if (v.format !== 'json' && v.format !== 'table') throw argsError(t('error.badFormat', { value: String(v.format) }, L));
  switch (sub) {
    case 'check': {
      const r = await runAlarmChecks(db);
      if (v.format === 'json') json(r);
      else io.out(t('alarms.cli.checked', { ...r }, L));
      return 0;
    }
    case 'list': {
      const state = v.state === 'all' ? undefined : (v.state as AlarmState | 'open');
      if (state !== undefined && !['open', 'raised', 'acknowledged', 'handling', 'closed'].includes(state)) throw argsError(t('alarms.cli.badState', { value: String(v.state) }, L));
      const alarms = await listAlarms(db, state ? { state } : {});
      if (v.format === 'json') {
        json(alarms.map((a) => ({ id: a.id, source: a.source, outlet: a.outlet, mn: a.mn, pollutant: a.pollutant, kind: a.kind, state: a.state, raisedAt: a.raisedAt, lastSeenAt: a.lastSeenAt, reason: a.reason, figures: a.figures, clearCandidate: a.clearCandidate, workItem: a.workItem, dispatchNote: a.dispatchNote, history: a.history })));
        return 0;
      }
      if (alarms.length === 0) {
        io.out(t('alarms.cli.none', {}, L));
        return 0;
      }
      const head = ['number', 'raised', 'source', 'kind', 'state', 'reason', 'assigned'].map((k) => t(`alarms.cli.col.${k}`, {}, L));
      const rows = alarms.map((a) => [
        String(a.id),
        shownTime(a.raisedAt),
        `${a.source} ${a.outlet}`,
        t(`alarms.kind.${a.kind}`, {}, L),
        t(`alarms.state.${a.state}`, {}, L) + (a.clearCandidate ? t('alarms.cli.clearCandidate', {}, L) : ''),
        a.reason,
        a.workItem ? t('alarms.cli.assigned', { unit: a.workItem.leadUnit, deadline: a.workItem.deadline }, L) : (a.dispatchNote ?? ''),
      ]);
      io.out(renderTable(head, rows));
      return 0;
    }
    case 'ack':
    case 'handle':
    case 'close': {
      const id = rest[0];
      if (!id || !/^\d{1,12}$/.test(id)) throw argsError(t('alarms.cli.needId', { value: id ?? '' }, L));
      const moved = await moveAlarm(db, Number(id), MOVES[sub]!, cliActor(), v.note ?? null);
      if (v.format === 'json') json({ id: moved.id, state: moved.state, history: moved.history });
      else io.out(t('alarms.cli.moved', { id, state: t(`alarms.state.${moved.state}`, {}, L) }, L));
      return 0;
    }
    case 'rule': {
      if (!v.plan || !v.kind || !v.assignee || !v.days) throw argsError(t('alarms.cli.ruleArgs', {}, L));
      if (!/^\d{1,3}$/.test(v.days)) throw argsError(t('alarms.error.days', { value: v.days }, L));
      await setAlarmRule(db, { planId: v.plan, kind: v.kind as RuleKind, assignee: v.assignee as Assignee, unitName: v.unit ?? null, deadlineDays: Number(v.days) }, cliActor());
      io.out(t('alarms.cli.ruleSet', {}, L));
      return 0;
    }
    case 'rules': {
      if (!v.plan) throw argsError(t('alarms.cli.ruleArgs', {}, L));
      const rules = await listAlarmRules(db, v.plan);
      if (v.format === 'json') json(rules);
      else
        io.out(
          rules.length === 0
            ? t('alarms.cli.noRules', {}, L)
            : renderTable(
                ['kind', 'assignee', 'days'].map((k) => t(`alarms.cli.col.${k}`, {}, L)),
                rules.map((r) => [r.kind === '*' ? t('alarms.kind.any', {}, L) : t(`alarms.kind.${r.kind}`, {}, L), r.assignee === 'unit' ? (r.unitName ?? '') : t(`alarms.assignee.${r.assignee}`, {}, L), String(r.deadlineDays)]),
              ),
        );
      return 0;
    }
    default:
      throw argsError(`${t('alarms.cli.unknownSub', { value: sub ?? '' }, L)}\n\n${t('alarms.help', {}, L)}`);
  }
}
