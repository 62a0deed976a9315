// The `ecociv` command: plans, assess, projects, tasks, check, record, confirm, report, progress, departments,
// supervise, import, export, users, backup, restore, serve. runCli runs one command line, writing to an
// injected output: in this process (src/cli/main.ts), or inside the running server that owns the embedded
// data directory (src/server/cliRoute.ts), to which a command line hands itself (src/cli/remote.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { assessPlan, UnknownPlanError } from '../app/assessPlan.ts';
import { planConsistency } from '../app/consistency.ts';
import { planProjects, planTasks } from '../app/planProjects.ts';
import { DataError } from '../data/problems.ts';
import { t, type Locale } from '../i18n/index.ts';
import { DatabaseUnreachableError, type Db } from '../store/db.ts';
import { openStore, storeOptionsFromEnv } from '../store/index.ts';
import { listPlans, type TaskRow } from '../store/queries.ts';
import { recordConfirmation } from '../app/confirmIndicator.ts';
import { InvalidEntriesError, recordObservations, type ObservationEntry } from '../store/recordObservations.ts';
import { consistencyReport } from './consistencyReport.ts';
import { isChromiumMissing, isReportError, LazyPrinter, reports as loadReports } from '../reports/onDemand.ts';
import { formatWan, renderTable } from './table.ts';
import { runTracking, TRACKING_COMMANDS, trackingHelp, TrackingUsageError } from './tracking.ts';
import { BACKUP_COMMANDS, backupHelp, runBackup } from './backup.ts';
import { InvalidBatchError } from '../store/batch.ts';
import { NotFoundError } from '../store/errors.ts';
import { ForbiddenError } from '../store/access.ts';
import { runUsers, usersHelp, UsersUsageError } from './users.ts';
import { cliActor } from '../auth/roles.ts';
import { busyMessage, DataDirBusyError } from '../store/dirLock.ts';
import { userPath, type CliIo } from './io.ts';
import { forwardToServer } from './remote.ts';
import { isMonitoringCommand, MonitoringInputError, runMonitoring } from './monitoring.ts';
import { MONITORING_FIGURE_SUBCOMMANDS, type MonitoringSubcommand } from './monitoringFigures.ts';
import { MonitoringFigureError } from '../store/monitoringLinks.ts';
import { Hj212InputError, runHj212 } from './hj212.ts';
import { GepInputError } from './gepError.ts';
import { monitoringImportHelp, MonitoringImportUsageError, monitoringImportSubcommand } from './monitoringImport.ts';
import { REGISTRY_COMMANDS, runGateway, runRegistry, SourcesInputError } from './sources.ts';
import { DeviceInputError } from '../store/registry.ts';

class UsageError extends Error {}

// The report renderers (docx, charts, Chromium) take seconds to load: only the report command loads them.

/** The command line's help, in the language asked for. */
const help = (locale: Locale) => `${t('cli.help.main', { tracking: trackingHelp(locale), users: usersHelp(locale), backup: backupHelp(locale), monitoring: `${t('monitoring.help', {}, locale)}\n${t('monitoringFigures.help', {}, locale)}\n${monitoringImportHelp(locale)}`, hj212: t('hj212.help', {}, locale) }, locale)}\n${t('gep.help', {}, locale)}\n${t('gateway.help', {}, locale)}\n${t('alarms.help', {}, locale)}`;

/** Commands a running server must not run for a command line: a second server; a restore under its feet. */
export const NOT_THROUGH_SERVER = ['serve', 'restore', 'gateway'];

export interface RunOptions {
  /** the store to run against (the server's own); otherwise the command opens the store itself */
  db?: Db;
}

/** Run one command line; the exit code. Refusals are written to io.err; unexpected errors are thrown. */
export async function runCli(argv: string[], io: CliIo, ro: RunOptions = {}): Promise<number> {
  try {
    return await runCommand(argv, io, ro);
  } catch (e) {
    const failure = cliFailure(e, localeOfArgs(argv));
    if (!failure) throw e;
    io.err(failure.message);
    return failure.code;
  }
}

/** The sub-commands of `ecociv monitoring`, by name: each part of the monitoring work adds its own here. */
const MONITORING_SUBCOMMANDS: Record<string, MonitoringSubcommand> = { ...MONITORING_FIGURE_SUBCOMMANDS, import: monitoringImportSubcommand };

/** `ecociv monitoring <sub-command> …`: the sub-command parses its own options, on the store opened as for any command. */
async function runMonitoringSubcommand(args: string[], io: CliIo, ro: RunOptions): Promise<number> {
  const [sub, ...rest] = args;
  const handler = sub ? MONITORING_SUBCOMMANDS[sub] : undefined;
  if (!handler) throw new UsageError(t('monitoringFigures.error.unknownSubcommand', { value: sub ?? '' }, localeOfArgs(args)));
  if (ro.db) return handler(ro.db, io, rest);
  let db: Db;
  try {
    db = await openStore({ ...storeOptionsFromEnv(), onProgress: (line) => io.err(line), owner: { role: 'cli', command: ['monitoring', ...args].join(' ') } });
  } catch (e) {
    if (e instanceof DataDirBusyError && e.holder.role === 'serve') return forwardToServer(e, ['monitoring', ...args], io, false);
    throw e;
  }
  try {
    return await handler(db, io, rest);
  } finally {
    await db.close();
  }
}

/**
 * `ecociv sources …`, `ecociv devices …` (the pollution-source registry) and `ecociv gateway` (the HJ 212 gateway):
 * on the store opened as for any command; the registry's commands are handed to a running server that owns the
 * embedded directory. The gateway owns the store while it runs (as a command line: other command lines are told
 * who holds it); beside the web server on an embedded store, `ecociv serve --gateway-port` runs both.
 */
async function runSourcesCommand(argv: string[], io: CliIo, ro: RunOptions): Promise<number> {
  const [command, ...args] = argv as [string, ...string[]];
  const gateway = command === 'gateway';
  if (ro.db) {
    if (gateway) {
      io.err(busyMessage(ro.db.lock?.dir ?? ro.db.location, ro.db.lock?.info ?? { pid: process.pid, start: null, token: '', port: null, role: 'serve', command: 'serve', since: '' }, command));
      return 1;
    }
    return runRegistry(ro.db, io, command as (typeof REGISTRY_COMMANDS)[number], args);
  }
  let db: Db;
  try {
    db = await openStore({ ...storeOptionsFromEnv(), onProgress: (line) => io.err(line), owner: { role: 'cli', command: argv.join(' ') } });
  } catch (e) {
    if (!gateway && e instanceof DataDirBusyError && e.holder.role === 'serve') return forwardToServer(e, argv, io, false);
    throw e;
  }
  if (gateway) return runGateway(db, io, args, { closeDb: true });
  try {
    return await runRegistry(db, io, command as (typeof REGISTRY_COMMANDS)[number], args);
  } finally {
    await db.close();
  }
}

async function runCommand(argv: string[], io: CliIo, ro: RunOptions): Promise<number> {
  if (argv[0] === 'monitoring') return runMonitoringSubcommand(argv.slice(1), io, ro);
  if (argv[0] === 'gateway' || (REGISTRY_COMMANDS as readonly string[]).includes(argv[0] ?? '')) return runSourcesCommand(argv, io, ro);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      year: { type: 'string' },
      lang: { type: 'string', default: 'zh-CN' },
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string' },
      'gateway-port': { type: 'string' },
      status: { type: 'string' },
      points: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      period: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      unit: { type: 'string' },
      kind: { type: 'string' },
      'out-dir': { type: 'string' },
      all: { type: 'boolean' },
      'trust-unsigned': { type: 'boolean' },
      allow: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const locale: Locale = values.lang === 'en' ? 'en' : 'zh-CN';
  const helpText = help(locale);
  if (values.help || !command) {
    io.out(helpText);
    return command ? 0 : values.help ? 0 : 2;
  }
  const format = values.format;
  if (format !== 'table' && format !== 'json') throw new UsageError(t('error.badFormat', { value: String(format) }, locale));
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(t('error.badYear', { value: values.year }, locale));
    year = Number(values.year);
  }
  // the calculators need no store: they run before one is opened
  if (isMonitoringCommand(command)) return runMonitoring(io, command, rest, { format, locale });
  // the GEP workbook needs exceljs, loaded only for this command
  if (command === 'gep') return (await import('./gep.ts')).runGep(io, rest, { format, locale, ...(values.out !== undefined ? { out: values.out } : {}) });
  if (command === 'hj212') return runHj212(io, rest, { format, locale, ...(values.allow !== undefined ? { allow: values.allow } : {}) });
  if (![...['plans', 'assess', 'projects', 'tasks', 'check', 'record', 'confirm', 'report', 'serve', 'users'], ...TRACKING_COMMANDS, ...BACKUP_COMMANDS].includes(command)) throw new UsageError(`${t('error.unknownCommand', { value: command }, locale)}\n\n${helpText}`);
  if (command === 'confirm' && (rest.length < 3 || year === undefined))
    throw new UsageError(`${t('cli.error.confirmArgs', {}, locale)}\n\n${helpText}`);
  if (['assess', 'projects', 'tasks', 'check', 'record'].includes(command) && !rest[0])
    throw new UsageError(`${t(command === 'record' ? 'cli.error.needFile' : 'cli.error.needPlan', {}, locale)}\n\n${helpText}`);

  if (command === 'report') {
    if (values.all) {
      if (!values['out-dir']) throw new UsageError(`${t('cli.error.needOutDir', {}, locale)}\n\n${helpText}`);
    } else {
      if (!rest[0]) throw new UsageError(`${t('cli.error.needPlanOrAll', {}, locale)}\n\n${helpText}`);
      if (!values.kind) throw new UsageError(`${t('cli.error.needKind', {}, locale)}\n\n${helpText}`);
      if (!values.out) throw new UsageError(`${t('cli.error.needOut', {}, locale)}\n\n${helpText}`);
      const { formatOfFile, requireKind } = await loadReports();
      formatOfFile(requireKind(values.kind), values.out); // a wrong ending is refused before the store is opened
    }
  }
  const progress = (line: string) => io.err(line);
  const backup = (BACKUP_COMMANDS as readonly string[]).includes(command);
  let db: Db;
  if (ro.db) db = ro.db;
  else {
    try {
      // backup and restore take the store as it is: no load of the built-in data first
      db = await openStore({ ...storeOptionsFromEnv(), onProgress: progress, ...(backup ? { skipBuiltin: true } : {}), owner: { role: command === 'serve' ? 'serve' : 'cli', command: [command, ...rest].join(' ') } });
    } catch (e) {
      // the embedded directory belongs to a running server: it runs the command on the store it has open
      if (e instanceof DataDirBusyError && e.holder.role === 'serve' && !NOT_THROUGH_SERVER.includes(command)) return forwardToServer(e, argv, io, command === 'users' && ['add', 'set-password'].includes(rest[0] ?? ''));
      throw e;
    }
  }
  if (ro.db && NOT_THROUGH_SERVER.includes(command)) {
    // the server's own store: no second server in it, no restore under its feet
    io.err(busyMessage(ro.db.lock?.dir ?? ro.db.location, ro.db.lock?.info ?? { pid: process.pid, start: null, token: '', port: null, role: 'serve', command: 'serve', since: '' }, command));
    return 1;
  }
  if (command === 'serve') return serve(db, values.port, io, values['gateway-port']);
  try {
    const out = (obj: unknown, table: () => string) => io.out(format === 'json' ? JSON.stringify(obj, null, 2) : table());
    if (command === 'users')
      return await runUsers(db, io, rest, {
        format,
        locale,
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.role !== undefined ? { role: values.role } : {}),
        ...(values.region !== undefined ? { region: values.region } : {}),
        ...(values.unit !== undefined ? { unit: values.unit } : {}),
      });
    if (backup) return await runBackup(db, io, command as (typeof BACKUP_COMMANDS)[number], rest, { format, locale, trustUnsigned: values['trust-unsigned'] === true });
    if ((TRACKING_COMMANDS as readonly string[]).includes(command)) {
      return await runTracking(db, io, command as (typeof TRACKING_COMMANDS)[number], rest, {
        format,
        locale,
        ...(year !== undefined ? { year } : {}),
        ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
        ...(values.out !== undefined ? { out: values.out } : {}),
        ...(values.period !== undefined ? { period: values.period } : {}),
      });
    }
    switch (command) {
      case 'plans': {
        const plans = (await listPlans(db)).map((p) => ({ id: p.id, region: p.region, title: p.title, baseYear: p.baseYear, targetYears: p.targetYears }));
        out(plans, () =>
          renderTable(
            [t('table.id', {}, locale), t('table.region', {}, locale), t('table.title', {}, locale), t('table.baseYear', {}, locale), t('table.targetYears', {}, locale)],
            plans.map((p) => [p.id, p.region, p.title, p.baseYear, p.targetYears.join('、')]),
          ),
        );
        return 0;
      }
      case 'assess': {
        const a = await assessPlan(db, rest[0]!, year, locale);
        out(a, () => assessTable(a, locale));
        return 0;
      }
      case 'projects': {
        const p = await planProjects(db, rest[0]!);
        const contract = {
          count: p.count,
          investmentWan: p.investmentWan,
          statedCount: p.statedCount,
          statedInvestmentWan: p.statedInvestmentWan,
          groups: p.groups.map((g) => ({ name: g.name, count: g.count, investmentWan: g.investmentWan, statedCount: g.statedCount, statedInvestmentWan: g.statedInvestmentWan })),
        };
        out({ ...contract, plan: p.plan, countDifference: p.countDifference, investmentDifferenceWan: p.investmentDifferenceWan, missingInvestment: p.missingInvestment }, () => projectsTable(p, locale));
        return 0;
      }
      case 'tasks': {
        const tasks = await planTasks(db, rest[0]!);
        out(tasks, () => tasksOutline(tasks, locale));
        return 0;
      }
      case 'check': {
        const c = await planConsistency(db, rest[0]!, year, locale);
        out(c, () => consistencyReport(c, locale));
        return 0;
      }
      case 'confirm': {
        if (values.points !== undefined && !/^\d+(\.\d+)?$/.test(values.points)) throw new UsageError(t('cli.error.badPoints', { value: values.points }, locale));
        await recordConfirmation(db, {
          plan: rest[0]!,
          framework: rest[1]!,
          number: rest[2]!,
          year: year!,
          by: values.by ?? '',
          reason: values.reason ?? '',
          ...(values.status !== undefined ? { status: values.status as 'met' | 'notMet' } : {}),
          ...(values.points !== undefined ? { points: Number(values.points) } : {}),
        }, cliActor());
        out({ recorded: 1 }, () => t('cli.done.confirmed', {}, locale));
        return 0;
      }
      case 'report': {
        const { formatOfFile, generateReport, kindName, requireKind, writeAllReports } = await loadReports();
        const printer = new LazyPrinter();
        try {
          if (values.all) {
            const r = await writeAllReports(db, { outDir: userPath(io, values['out-dir']!), ...(year !== undefined ? { year } : {}), lang: locale, printer: printer.get, onProgress: (line) => io.out(line) });
            if (format === 'json') io.out(JSON.stringify(r, null, 2));
            return 0;
          }
          const kind = requireKind(values.kind!);
          const file = await generateReport(db, { plan: rest[0]!, kind, format: formatOfFile(kind, values.out!), ...(year !== undefined ? { year } : {}), lang: locale }, printer.get);
          mkdirSync(dirname(userPath(io, values.out!)), { recursive: true });
          writeFileSync(userPath(io, values.out!), file.data);
          const size = file.data.length >= 1024 * 1024 ? `${(file.data.length / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(file.data.length / 1024)} KB`;
          out({ file: values.out, kind, format: file.format, year: file.year, bytes: file.data.length }, () => t('report.written', { file: values.out!, kind: kindName(kind, locale), year: file.year, size }, locale));
          return 0;
        } finally {
          await printer.close();
        }
      }
      case 'record': {
        const entries = await readEntries(userPath(io, rest[0]!), rest[0]!, locale);
        const r = await recordObservations(db, entries, cliActor());
        out(r, () => t('cli.done.recorded', { n: r.recorded }, locale));
        return 0;
      }
    }
    return 0;
  } finally {
    if (!ro.db) await db.close();
  }
}

async function readEntries(path: string, file: string, locale: Locale): Promise<ObservationEntry[]> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(t('cli.error.readFile', { file, detail: (e as Error).message }, locale));
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (e) {
    throw new UsageError(t('cli.error.entriesFormat', { file, detail: (e as Error).message }, locale));
  }
  const list = Array.isArray(data) ? data : (data as { observations?: unknown })?.observations;
  if (!Array.isArray(list) || list.length === 0) throw new UsageError(t('cli.error.entriesList', { file }, locale));
  return list as ObservationEntry[];
}

type Assessment = Awaited<ReturnType<typeof assessPlan>>;

function assessTable(a: Assessment, locale: Locale): string {
  const blocks: string[] = [t('cli.assess.title', { title: a.title, region: a.region, year: a.year }, locale)];
  for (const f of a.frameworks) {
    blocks.push('');
    blocks.push(t('cli.frameworkHeader', { name: f.name, applicable: f.applicable, met: f.met, notMet: f.notMet, indeterminate: f.indeterminate, noData: f.noData, notApplicable: f.notApplicable }, locale));
    blocks.push(f.summary);
    if (f.maxScore !== null) blocks.push(t('cli.scoreLine', { score: f.score ?? `${f.scoreRange![0]}–${f.scoreRange![1]}`, max: f.maxScore, pass: f.passScore ?? '' }, locale));
    blocks.push(t('cli.classesLine', f.classes, locale));
    for (const s of f.stated) blocks.push(t('cli.statedLine', { printed: s.printed, line: s.source.line }, locale));
    const scored = f.maxScore !== null;
    const headers = [
      t('table.number', {}, locale),
      t('table.name', {}, locale),
      t('table.requirement', {}, locale),
      t('table.value', {}, locale),
      t('table.status', {}, locale),
      ...(scored ? [t('table.points', {}, locale)] : []),
      t('table.class', {}, locale),
      t('table.stated', {}, locale),
      t('table.leadUnits', {}, locale),
    ];
    const rows = f.results.map((r) => [
      r.number,
      r.name,
      r.requirement,
      'observation' in r && r.observation?.correction ? `${r.value}→${r.observation.correction.printed}` : r.value,
      r.confirmation ? `${r.statusText}*` : r.statusText,
      ...(scored ? [r.maxPoints === null ? null : `${r.points ?? `${r.pointsRange?.[0]}–${r.pointsRange?.[1]}`}/${r.maxPoints}`] : []),
      r.achievability?.classText ?? null,
      r.achievability?.stated?.classText ?? (r.achievability?.stated ? r.achievability.stated.commitment ? t('cli.assess.statedCommitment', { commitment: r.achievability.stated.commitment, year: r.achievability.stated.year ?? '' }, locale) : `${r.achievability.stated.year ?? ''}` : null),
      r.leadUnits.join('、') || null,
    ]);
    blocks.push(renderTable(headers, rows, scored ? [4, 24, 22, 22, 18, 8, 12, 12, 20] : [4, 24, 22, 22, 18, 12, 12, 20]));
    if (f.results.some((r) => r.confirmation)) blocks.push(t('cli.assess.confirmedNote', {}, locale));
  }
  return blocks.join('\n');
}

function projectsTable(p: Awaited<ReturnType<typeof planProjects>>, locale: Locale): string {
  const diff = (n: number | null) => (n === null ? '—' : n === 0 ? t('cli.noDifference', {}, locale) : (n > 0 ? '+' : '') + formatWan(n));
  const rows = p.groups.map((g) => [g.name, g.count, formatWan(g.investmentWan), g.statedCount, formatWan(g.statedInvestmentWan), `${diff(g.countDifference)} / ${diff(g.investmentDifferenceWan)}`]);
  rows.push([t('table.total', {}, locale), p.count, formatWan(p.investmentWan), p.statedCount, formatWan(p.statedInvestmentWan), `${diff(p.countDifference)} / ${diff(p.investmentDifferenceWan)}`]);
  const lines = [
    p.title,
    renderTable(
      [t('table.group', {}, locale), t('table.count', {}, locale), t('table.investment', {}, locale), t('table.statedCount', {}, locale), t('table.statedInvestment', {}, locale), t('table.difference', {}, locale)],
      rows,
    ),
  ];
  if (p.missingInvestment > 0) lines.push(t('cli.projects.missingInvestment', { n: p.missingInvestment }, locale));
  if (p.approximate) lines.push(t('cli.projects.approximate', {}, locale));
  return lines.join('\n');
}

function tasksOutline(plan: Awaited<ReturnType<typeof planTasks>>, locale: Locale): string {
  const lines: string[] = [plan.title];
  const walk = (nodes: TaskRow[], indent: string) => {
    for (const n of nodes) {
      const line = n.source ? t('cli.tasks.line', { line: n.source.line }, locale) : '';
      if (n.kind === 'heading') {
        const number = n.number ?? '';
        const sep = /^[一二三四五六七八九十]+$/.test(number) ? '、' : number.endsWith('）') || number === '' ? '' : ' ';
        lines.push(`${indent}${number}${sep}${n.title ?? ''}${line}`);
      }
      else {
        const units = n.leadUnits.length > 0 ? t('cli.tasks.leadUnits', { units: n.leadUnits.join('、') }, locale) : '';
        const deadline = n.deadline ? t('cli.tasks.deadline', { deadline: n.deadline }, locale) : '';
        lines.push(`${indent}· ${n.title ?? `${(n.text ?? '').slice(0, 24)}…`}${units}${deadline}${line}`);
      }
      walk(n.tasks, `${indent}  `);
    }
  };
  walk(plan.tasks, '');
  lines.push(t('cli.tasks.count', { n: plan.clauses }, locale));
  return lines.join('\n');
}

async function serve(db: Db, portArg: string | undefined, io: CliIo, gatewayPort?: string): Promise<number> {
  const { buildServer } = await import('../server/app.ts');
  const port = Number(portArg ?? process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  // the lock holder's token lets a command line on this machine hand its commands to this server
  const app = buildServer(db, { auth: { secureCookie: process.env.ECOCIV_COOKIE_SECURE === '1', ...(db.lock ? { cliToken: db.lock.info.token } : {}) } });
  await app.listen({ port, host });
  const address = app.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  db.lock?.setPort(actual);
  io.out(t('cli.serverListening', { url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/` }));
  // the HJ 212 gateway in the same process: on an embedded store the one process that may open it
  let gateway: Awaited<ReturnType<typeof import('../gateway/server.ts').startGateway>> | null = null;
  if (gatewayPort !== undefined) {
    if (!/^\d{1,5}$/.test(gatewayPort) || Number(gatewayPort) > 65535) throw new UsageError(t('gateway.cli.badNumber', { what: t('gateway.cli.port'), value: gatewayPort, max: 65535 }));
    const { startGateway } = await import('../gateway/server.ts');
    gateway = await startGateway(db, { port: Number(gatewayPort), host: process.env.ECOCIV_GATEWAY_HOST ?? '0.0.0.0', onLog: (line) => io.err(line) });
    io.out(t('gateway.cli.listening', { host: gateway.host, port: gateway.port, store: db.kind === 'pglite' ? t('gateway.cli.embedded') : 'PostgreSQL' }));
  }
  const stop = async () => {
    await gateway?.close();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

/** The language a command line asks for (--lang en), read before its options are checked. */
function localeOfArgs(argv: string[]): Locale {
  const i = argv.indexOf('--lang');
  return argv.includes('--lang=en') || (i >= 0 && argv[i + 1] === 'en') ? 'en' : 'zh-CN';
}

/** A refusal the command line reports in words (and its exit code); null for an unexpected error. */
export function cliFailure(e: unknown, locale: Locale = 'zh-CN'): { message: string; code: number } | null {
  if (e instanceof UsageError || e instanceof UnknownPlanError || e instanceof TrackingUsageError || e instanceof UsersUsageError || isReportError(e)) return { message: e.message, code: 2 };
  if (e instanceof MonitoringInputError || e instanceof Hj212InputError || e instanceof GepInputError || e instanceof SourcesInputError) return { message: e.message, code: e.code };
  if (e instanceof DeviceInputError) return { message: e.message, code: 2 };
  // src/store/alarms.ts AlarmInputError, known by name: the store's module is loaded only by the alarms command
  if (e instanceof Error && e.name === 'AlarmInputError') return { message: e.message, code: 1 };
  if (e instanceof MonitoringFigureError) return { message: e.message, code: 1 };
  if (e instanceof MonitoringImportUsageError) return { message: e.message, code: 2 };
  if (e instanceof InvalidEntriesError) return { message: t('cli.failure.entries', { n: e.problems.length, detail: e.message }, locale), code: 1 };
  if (e instanceof InvalidBatchError) return { message: t('cli.failure.batch', { n: e.problems.length, detail: e.message }, locale), code: 1 };
  if (e instanceof NotFoundError || e instanceof ForbiddenError) return { message: e.message, code: 1 };
  if (e instanceof DataError) return { message: t('cli.failure.data', { detail: e.message }, locale), code: 1 };
  if (e instanceof DatabaseUnreachableError || isChromiumMissing(e) || e instanceof DataDirBusyError) return { message: e.message, code: 1 };
  return null;
}
