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
import { runTracking, TRACKING_COMMANDS, TRACKING_HELP, TrackingUsageError } from './tracking.ts';
import { BACKUP_COMMANDS, BACKUP_HELP, runBackup } from './backup.ts';
import { InvalidBatchError } from '../store/batch.ts';
import { NotFoundError } from '../store/errors.ts';
import { ForbiddenError } from '../store/access.ts';
import { runUsers, USERS_HELP, UsersUsageError } from './users.ts';
import { cliActor } from '../auth/roles.ts';
import { busyMessage, DataDirBusyError } from '../store/dirLock.ts';
import { userPath, type CliIo } from './io.ts';
import { forwardToServer } from './remote.ts';
import { isMonitoringCommand, MonitoringInputError, runMonitoring } from './monitoring.ts';

class UsageError extends Error {}

// The report renderers (docx, charts, Chromium) take seconds to load: only the report command loads them.

const HELP = `ecociv — 生态文明建设规划的数据化评估

用法：
  ecociv plans                          列出规划
  ecociv assess <规划> [--year 年份]     评估指标（默认基准年）
  ecociv projects <规划>                 重点工程项目汇总（与文件所列合计核对）
  ecociv tasks <规划>                    重点任务（按规划文本的章节）
  ecociv check <规划> [--year 年份]      规划一致性检查（项目所列指标、未达标指标、文件合计、牵头单位、注释），逐条注明出处行
  ecociv record <文件.json|.yaml>        录入现状值（整批成功或整批不保存）
  ecociv confirm <规划> <指标体系> <序号> --year 年份 (--status met|notMet | --points 分) --by 确认人 --reason 理由
                                         人工确认无法判定的指标（与计算结果并列保存）
${TRACKING_HELP}
${USERS_HELP}
${BACKUP_HELP}
${t('monitoring.help')}
  ecociv report <规划> --kind 类型 --out 文件 [--year 年份]
                                         生成报告，格式由文件扩展名决定（默认最近有现状值的年份）：
                                         annual 年度自评估报告 .docx .pdf .html；application 申报达标情况表 .xlsx；
                                         midterm 中期/终期评估报告 .docx .pdf .html；public 信息公开摘要 .docx .pdf .html
  ecociv report --all --out-dir 目录 [--year 年份]
                                         为库中每个规划生成全部报告（每个规划一个子目录），逐个报告进度
  ecociv serve                           启动 HTTP 服务（PORT，默认 3000）

选项：
  --format table|json   输出格式（默认 table，中文）
  --lang zh-CN|en       表格语言（默认 zh-CN）

配置：DATABASE_URL（PostgreSQL 服务器；不设则使用内置 PGlite），ECOCIV_DATA_DIR（PGlite 数据目录，默认 ./data/store），PORT`;

/** Commands a running server must not run for a command line: a second server; a restore under its feet. */
export const NOT_THROUGH_SERVER = ['serve', 'restore'];

export interface RunOptions {
  /** the store to run against (the server's own); otherwise the command opens the store itself */
  db?: Db;
}

/** Run one command line; the exit code. Refusals are written to io.err; unexpected errors are thrown. */
export async function runCli(argv: string[], io: CliIo, ro: RunOptions = {}): Promise<number> {
  try {
    return await runCommand(argv, io, ro);
  } catch (e) {
    const failure = cliFailure(e);
    if (!failure) throw e;
    io.err(failure.message);
    return failure.code;
  }
}

async function runCommand(argv: string[], io: CliIo, ro: RunOptions): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      year: { type: 'string' },
      lang: { type: 'string', default: 'zh-CN' },
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string' },
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
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.out(HELP);
    return command ? 0 : values.help ? 0 : 2;
  }
  const format = values.format;
  if (format !== 'table' && format !== 'json') throw new UsageError(t('error.badFormat', { value: String(format) }));
  const locale: Locale = values.lang === 'en' ? 'en' : 'zh-CN';
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(t('error.badYear', { value: values.year }));
    year = Number(values.year);
  }
  // the calculators need no store: they run before one is opened
  if (isMonitoringCommand(command)) return runMonitoring(io, command, rest, { format, locale });
  if (![...['plans', 'assess', 'projects', 'tasks', 'check', 'record', 'confirm', 'report', 'serve', 'users'], ...TRACKING_COMMANDS, ...BACKUP_COMMANDS].includes(command)) throw new UsageError(`${t('error.unknownCommand', { value: command })}\n\n${HELP}`);
  if (command === 'confirm' && (rest.length < 3 || year === undefined))
    throw new UsageError(`请指定规划、指标体系、序号和 --year。\n\n${HELP}`);
  if (['assess', 'projects', 'tasks', 'check', 'record'].includes(command) && !rest[0])
    throw new UsageError(`${command === 'record' ? '请指定要录入的文件。' : '请指定规划编号（见 ecociv plans）。'}\n\n${HELP}`);

  if (command === 'report') {
    if (values.all) {
      if (!values['out-dir']) throw new UsageError(`请用 --out-dir 指定输出目录。\n\n${HELP}`);
    } else {
      if (!rest[0]) throw new UsageError(`请指定规划编号（见 ecociv plans），或用 --all 生成全部规划的报告。\n\n${HELP}`);
      if (!values.kind) throw new UsageError(`请用 --kind 指定报告类型：annual、application、midterm、public。\n\n${HELP}`);
      if (!values.out) throw new UsageError(`请用 --out 指定输出文件，格式由扩展名决定（如 --out 报告.pdf）。\n\n${HELP}`);
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
  if (command === 'serve') return serve(db, values.port, io);
  try {
    const out = (obj: unknown, table: () => string) => io.out(format === 'json' ? JSON.stringify(obj, null, 2) : table());
    if (command === 'users')
      return await runUsers(db, io, rest, {
        format,
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.role !== undefined ? { role: values.role } : {}),
        ...(values.region !== undefined ? { region: values.region } : {}),
        ...(values.unit !== undefined ? { unit: values.unit } : {}),
      });
    if (backup) return await runBackup(db, io, command as (typeof BACKUP_COMMANDS)[number], rest, { format, trustUnsigned: values['trust-unsigned'] === true });
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
        out(tasks, () => tasksOutline(tasks));
        return 0;
      }
      case 'check': {
        const c = await planConsistency(db, rest[0]!, year, locale);
        out(c, () => consistencyReport(c, locale));
        return 0;
      }
      case 'confirm': {
        if (values.points !== undefined && !/^\d+(\.\d+)?$/.test(values.points)) throw new UsageError(`得分“${values.points}”无效，应为数字。`);
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
        out({ recorded: 1 }, () => '已保存确认。');
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
        const entries = await readEntries(userPath(io, rest[0]!), rest[0]!);
        const r = await recordObservations(db, entries, cliActor());
        out(r, () => `已保存 ${r.recorded} 条现状值。`);
        return 0;
      }
    }
    return 0;
  } finally {
    if (!ro.db) await db.close();
  }
}

async function readEntries(path: string, file: string): Promise<ObservationEntry[]> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`无法读取文件 ${file}：${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (e) {
    throw new UsageError(`文件 ${file} 格式有误（应为 JSON 或 YAML）：${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { observations?: unknown })?.observations;
  if (!Array.isArray(list) || list.length === 0) throw new UsageError(`文件 ${file} 应包含 observations 列表，且至少一条。`);
  return list as ObservationEntry[];
}

type Assessment = Awaited<ReturnType<typeof assessPlan>>;

function assessTable(a: Assessment, locale: Locale): string {
  const blocks: string[] = [`${a.title}（${a.region}，${a.year}年）`];
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
      r.achievability?.stated?.classText ?? (r.achievability?.stated ? r.achievability.stated.commitment ? `${r.achievability.stated.commitment}${r.achievability.stated.year ?? ''}年` : `${r.achievability.stated.year ?? ''}` : null),
      r.leadUnits.join('、') || null,
    ]);
    blocks.push(renderTable(headers, rows, scored ? [4, 24, 22, 22, 18, 8, 12, 12, 20] : [4, 24, 22, 22, 18, 12, 12, 20]));
    if (f.results.some((r) => r.confirmation)) blocks.push(locale === 'en' ? '* settled by a confirmation (see --format json)' : '* 经确认的判定（详见 --format json）');
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
  if (p.missingInvestment > 0) lines.push(`${p.missingInvestment} 个项目文件中未列投资额，未计入合计（无数据）。`);
  if (p.approximate) lines.push('文件所列合计为约数。');
  return lines.join('\n');
}

function tasksOutline(t: Awaited<ReturnType<typeof planTasks>>): string {
  const lines: string[] = [t.title];
  const walk = (nodes: TaskRow[], indent: string) => {
    for (const n of nodes) {
      const line = n.source ? `（第${n.source.line}行）` : '';
      if (n.kind === 'heading') {
        const number = n.number ?? '';
        const sep = /^[一二三四五六七八九十]+$/.test(number) ? '、' : number.endsWith('）') || number === '' ? '' : ' ';
        lines.push(`${indent}${number}${sep}${n.title ?? ''}${line}`);
      }
      else {
        const units = n.leadUnits.length > 0 ? ` 牵头：${n.leadUnits.join('、')}` : '';
        const deadline = n.deadline ? ` 时限：${n.deadline}` : '';
        lines.push(`${indent}· ${n.title ?? `${(n.text ?? '').slice(0, 24)}…`}${units}${deadline}${line}`);
      }
      walk(n.tasks, `${indent}  `);
    }
  };
  walk(t.tasks, '');
  lines.push(`共 ${t.clauses} 条任务条目。`);
  return lines.join('\n');
}

async function serve(db: Db, portArg: string | undefined, io: CliIo): Promise<number> {
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
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

/** A refusal the command line reports in words (and its exit code); null for an unexpected error. */
export function cliFailure(e: unknown): { message: string; code: number } | null {
  if (e instanceof UsageError || e instanceof UnknownPlanError || e instanceof TrackingUsageError || e instanceof UsersUsageError || isReportError(e)) return { message: e.message, code: 2 };
  if (e instanceof MonitoringInputError) return { message: e.message, code: e.code };
  if (e instanceof InvalidEntriesError) return { message: `数据未保存，发现 ${e.problems.length} 处错误：\n${e.message}`, code: 1 };
  if (e instanceof InvalidBatchError) return { message: `未保存，发现 ${e.problems.length} 处错误：\n${e.message}`, code: 1 };
  if (e instanceof NotFoundError || e instanceof ForbiddenError) return { message: e.message, code: 1 };
  if (e instanceof DataError) return { message: `内置数据有误，无法启动：\n${e.message}`, code: 1 };
  if (e instanceof DatabaseUnreachableError || isChromiumMissing(e) || e instanceof DataDirBusyError) return { message: e.message, code: 1 };
  return null;
}
