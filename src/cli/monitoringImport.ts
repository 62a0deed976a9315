// `ecociv monitoring import FILE --plan P [--kind K] [--replace] [--format json]`: a station list or monitoring data
// into the store (issue #13), read as a stream with progress on stderr; the result in Chinese or as JSON (the
// ImportResult of src/store/monitoringImport.ts). A refused file lists every problem (row, column, value, what was
// expected) and leaves the store unchanged.
import { createReadStream, statSync } from 'node:fs';
import { cliActor } from '../auth/roles.ts';
import { MONITORING_FILE_KINDS, type MonitoringFileKind } from '../domain/monitoringColumns.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../store/db.ts';
import { type ImportResult } from '../store/monitoringImport.ts';
import { importMonitoringData } from '../app/monitoringData.ts';
import { parseArgs } from 'node:util';
import { userPath, type CliIo } from './io.ts';

/** A command line this command cannot run (exit 2). */
export class MonitoringImportUsageError extends Error {}

export interface MonitoringImportOptions {
  plan?: string;
  kind?: string;
  replace?: boolean;
  format: 'table' | 'json';
  locale: Locale;
}

/** The help lines of `ecociv monitoring import`. */
export const monitoringImportHelp = (locale: Locale) => t('monitoringImport.cli.help', {}, locale);

/** Is this command line `ecociv monitoring import …`? */
export const isMonitoringImport = (command: string, rest: string[]) => command === 'monitoring' && rest[0] === 'import';

/** Checks what needs no store (file, plan, kind) before one is opened. */
export function checkMonitoringImportArgs(args: string[], o: MonitoringImportOptions): void {
  if (!args[0]) throw new MonitoringImportUsageError(`${t('monitoringImport.cli.needFile', {}, o.locale)}\n\n${monitoringImportHelp(o.locale)}`);
  if (!o.plan) throw new MonitoringImportUsageError(`${t('monitoringImport.cli.needPlan', {}, o.locale)}\n\n${monitoringImportHelp(o.locale)}`);
  if (o.kind !== undefined && !(MONITORING_FILE_KINDS as readonly string[]).includes(o.kind))
    throw new MonitoringImportUsageError(t('monitoringImport.cli.badKind', { value: o.kind, kinds: MONITORING_FILE_KINDS.join('、') }, o.locale));
}

/** Run `ecociv monitoring import FILE` (args: the words after `import`); the exit code. */
export async function runMonitoringImport(db: Db, io: CliIo, args: string[], o: MonitoringImportOptions): Promise<number> {
  checkMonitoringImportArgs(args, o);
  const file = args[0]!;
  const path = userPath(io, file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new MonitoringImportUsageError(t('monitoringImport.cli.unreadable', { file, detail: (e as Error).message }, o.locale));
  }
  const r: ImportResult = await importMonitoringData(
    db,
    {
      planId: o.plan!,
      fileName: file.split(/[\\/]/).pop()!,
      ...(o.kind ? { kind: o.kind as MonitoringFileKind } : {}),
      open: () => createReadStream(path, { highWaterMark: 1 << 16 }),
      size,
      replace: o.replace === true,
      onProgress: (p) =>
        io.err(
          p.totalBytes
            ? t('monitoringImport.cli.progress', { rows: p.rows.toLocaleString('en-US'), percent: `${Math.min(100, (100 * p.bytes) / p.totalBytes).toFixed(0)}%` }, o.locale)
            : t('monitoringImport.cli.progressNoSize', { rows: p.rows.toLocaleString('en-US') }, o.locale),
        ),
    },
    cliActor(),
  );
  if (o.format === 'json') io.out(JSON.stringify(r, null, 2));
  else
    io.out(
      t('monitoringImport.cli.done', { file, kind: t(`monitoringImport.kind.${r.kind}`, {}, o.locale), rows: r.rows, stations: r.stationIds.length }, o.locale) +
        (r.from ? t('monitoringImport.cli.doneSpan', { from: r.from, to: r.to ?? r.from }, o.locale) : ''),
    );
  return 0;
}

/** `ecociv monitoring import …` as a sub-command of `ecociv monitoring` (args: the words after `import`). */
export async function monitoringImportSubcommand(db: Db, io: CliIo, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { plan: { type: 'string' }, kind: { type: 'string' }, replace: { type: 'boolean' }, format: { type: 'string', default: 'table' }, lang: { type: 'string', default: 'zh-CN' } } });
  } catch (e) {
    throw new MonitoringImportUsageError(`${(e as Error).message}\n\n${monitoringImportHelp('zh-CN')}`);
  }
  const v = parsed.values;
  const locale: Locale = v.lang === 'en' ? 'en' : 'zh-CN';
  if (v.format !== 'json' && v.format !== 'table') throw new MonitoringImportUsageError(t('error.badFormat', { value: String(v.format) }, locale));
  return runMonitoringImport(db, io, parsed.positionals, { ...(v.plan !== undefined ? { plan: v.plan } : {}), ...(v.kind !== undefined ? { kind: v.kind } : {}), replace: v.replace === true, format: v.format, locale });
}
