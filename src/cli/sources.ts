// `ecociv sources import FILE --plan P | list --plan P | prune [--keep-months N] | log [--mn MN]`, `ecociv devices
// allow MN DEVIATION --reason …` and `ecociv gateway [--port 2121] [--host 0.0.0.0]`: the pollution-source
// registry, the retention of the data devices send, and the HJ 212 gateway (issue #16).
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cliActor } from '../auth/roles.ts';
import { LIMITS } from '../domain/limits.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../store/db.ts';
import { allowDeviation, importRegistry, listSources } from '../store/registry.ts';
import { pruneSourceData, retentionMonths, setRetentionMonths } from '../store/sourceData.ts';
import { userPath, type CliIo } from './io.ts';
import { renderTable } from './table.ts';

/** A refusal of the command line's words (exit 2) or of what it asks (exit 1). */
export class SourcesInputError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
    this.name = 'SourcesInputError';
  }
}

export const REGISTRY_COMMANDS = ['sources', 'devices', 'alarms'] as const;

const OPTIONS = {
  plan: { type: 'string' },
  format: { type: 'string', default: 'table' },
  lang: { type: 'string', default: 'zh-CN' },
  reason: { type: 'string' },
  'keep-months': { type: 'string' },
  mn: { type: 'string' },
  limit: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'max-connections': { type: 'string' },
  'idle-timeout': { type: 'string' },
  writers: { type: 'string' },
} as const;

function options(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new SourcesInputError(`${(e as Error).message}\n\n${t('gateway.help')}`, 2);
  }
  const v = parsed.values;
  const locale: Locale = v.lang === 'en' ? 'en' : 'zh-CN';
  if (v.format !== 'json' && v.format !== 'table') throw new SourcesInputError(t('error.badFormat', { value: String(v.format) }, locale), 2);
  return { ...v, format: v.format as 'json' | 'table', locale, positionals: parsed.positionals };
}

const positiveInt = (text: string | undefined, what: string, locale: Locale, max = 1_000_000): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new SourcesInputError(t('gateway.cli.badNumber', { what, value: text, max }, locale), 2);
  return Number(text);
};

/** `ecociv sources …` / `ecociv devices …` on an open store; the exit code. */
export async function runRegistry(db: Db, io: CliIo, command: (typeof REGISTRY_COMMANDS)[number], args: string[]): Promise<number> {
  if (command === 'alarms') {
    const { runAlarms } = await import('./alarms.ts');
    return runAlarms(db, io, args);
  }
  const o = options(args);
  const [sub, ...rest] = o.positionals;
  const L = o.locale;
  const json = (x: unknown) => io.out(JSON.stringify(x, null, 2));
  if (command === 'devices') {
    if (sub !== 'allow' || rest.length !== 2) throw new SourcesInputError(t('gateway.cli.allowArgs', {}, L), 2);
    const [mn, deviation] = rest as [string, string];
    const r = await allowDeviation(db, mn, deviation, o.reason ?? '', cliActor());
    if (o.format === 'json') json({ mn, deviation, added: r.added });
    else io.out(t(r.added ? 'gateway.cli.allowed' : 'gateway.cli.alreadyAllowed', { mn, deviation: t(`hj212.deviation.${deviation}`, {}, L) }, L));
    return 0;
  }
  switch (sub) {
    case 'import': {
      const file = rest[0];
      if (!file || !o.plan) throw new SourcesInputError(t('gateway.cli.importArgs', {}, L), 2);
      let data: Buffer;
      try {
        const path = userPath(io, file);
        if (statSync(path).size > LIMITS.unpackedBytes) throw new SourcesInputError(t('gateway.cli.tooLarge', { file, max: Math.round(LIMITS.unpackedBytes / 2 ** 20) }, L), 1);
        data = readFileSync(path);
      } catch (e) {
        if (e instanceof SourcesInputError) throw e;
        throw new SourcesInputError(t('gateway.cli.unreadable', { file, detail: (e as Error).message }, L), 2);
      }
      const { readRegistryWorkbook } = await import('../exchange/sourcesWorkbook.ts'); // exceljs loads only for this command
      const wb = await readRegistryWorkbook(data, file);
      const r = await importRegistry(db, o.plan, wb, file, cliActor());
      if (o.format === 'json') json(r);
      else io.out(t('gateway.cli.imported', { file, ...r }, L));
      return 0;
    }
    case 'list': {
      if (!o.plan) throw new SourcesInputError(t('gateway.cli.listArgs', {}, L), 2);
      const list = await listSources(db, o.plan);
      if (o.format === 'json') {
        json(list);
        return 0;
      }
      if (list.length === 0) {
        io.out(t('gateway.cli.noSources', { plan: o.plan }, L));
        return 0;
      }
      const rows: Array<Array<string | number | null>> = [];
      for (const s of list)
        for (const out of s.outlets.length > 0 ? s.outlets : [null])
          rows.push([
            s.name,
            s.creditCode,
            [s.township, s.grid].filter(Boolean).join(' / ') || null,
            s.responsibleUnit,
            out ? `${out.code} ${out.name}（${t(`gateway.outletKind.${out.kind}`, {}, L)}）` : null,
            out?.devices.map((d) => (d.deviations.length > 0 ? `${d.mn} [${d.deviations.join(', ')}]` : d.mn)).join('\n') || null,
            out?.pollutants.map((p) => `${p.name ?? p.code} ${p.limit === null ? '—' : `≤${p.limit} ${p.unit ?? ''}`}（${t(`gateway.averagingShort.${p.averaging}`, {}, L)}）`).join('\n') || null,
          ]);
      io.out(
        renderTable(
          ['name', 'creditCode', 'grid', 'responsibleUnit', 'outletName', 'mn', 'pollutantName'].map((f) => t(`gateway.col.${f}`, {}, L)),
          rows,
          [20, 20, 14, 14, 20, 26, 26],
        ),
      );
      return 0;
    }
    case 'prune': {
      const keep = positiveInt(o['keep-months'], t('gateway.cli.keepMonths', {}, L), L, 1200);
      if (keep !== undefined && keep !== (await retentionMonths(db))) await setRetentionMonths(db, keep, cliActor());
      const r = await pruneSourceData(db, cliActor());
      if (o.format === 'json') json(r);
      else io.out(t('gateway.cli.pruned', { months: r.months, keptFrom: r.keptFrom, dropped: r.droppedMonths.join('、') || t('gateway.cli.none', {}, L), logRows: r.logRows }, L));
      return 0;
    }
    case 'log': {
      const limit = positiveInt(o.limit, 'limit', L, 10_000) ?? 50;
      const r = await db.query<{ received_at: Date | string; remote: string | null; mn: string | null; cn: string | null; outcome: string; reasons: string[]; size: number }>(
        `SELECT received_at, remote, mn, cn, outcome, reasons, size FROM packet_log WHERE ($1::text IS NULL OR mn = $1) ORDER BY id DESC LIMIT $2`,
        [o.mn ?? null, limit],
      );
      const rows = r.rows.map((x) => ({
        receivedAt: new Date(x.received_at).toISOString(),
        remote: x.remote,
        mn: x.mn,
        cn: x.cn,
        outcome: x.outcome,
        reasons: x.reasons,
        size: Number(x.size),
      }));
      if (o.format === 'json') json(rows);
      else
        io.out(
          renderTable(
            ['receivedAt', 'remote', 'mn', 'cn', 'outcome'].map((f) => t(`gateway.log.${f}`, {}, L)),
            rows.map((x) => [x.receivedAt, x.remote, x.mn, x.cn, x.reasons.length > 0 ? x.reasons.map((c) => t(`gateway.reason.${c}`, {}, L)).join('；') : t(`gateway.outcome.${x.outcome}`, {}, L)]),
            [24, 22, 26, 6, 40],
          ),
        );
      return 0;
    }
    default:
      throw new SourcesInputError(`${t('gateway.cli.unknownSub', { value: sub ?? '' }, L)}\n\n${t('gateway.help', {}, L)}`, 2);
  }
}

/** `ecociv gateway [--port 2121] [--host 0.0.0.0] [--max-connections N] [--idle-timeout S] [--writers N]` on an open store: serves until SIGTERM / SIGINT. */
export async function runGateway(db: Db, io: CliIo, args: string[], opts: { closeDb: boolean }): Promise<number> {
  const o = options(args);
  const L = o.locale;
  const port = o.port === undefined ? 2121 : o.port === '0' ? 0 : positiveInt(o.port, t('gateway.cli.port', {}, L), L, 65535)!;
  const { startGateway } = await import('../gateway/server.ts');
  const gateway = await startGateway(db, {
    port,
    host: o.host ?? '0.0.0.0',
    ...(o['max-connections'] !== undefined ? { maxConnections: positiveInt(o['max-connections'], 'max-connections', L)! } : {}),
    ...(o.writers !== undefined ? { maxInFlight: positiveInt(o.writers, 'writers', L, 64)! } : {}),
    ...(o['idle-timeout'] !== undefined ? { idleTimeoutMs: positiveInt(o['idle-timeout'], 'idle-timeout', L, 86_400)! * 1000 } : {}),
    onLog: (line) => io.err(line),
  });
  io.out(t('gateway.cli.listening', { host: gateway.host, port: gateway.port, store: db.kind === 'pglite' ? t('gateway.cli.embedded', {}, L) : 'PostgreSQL' }, L));
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void (async () => {
        await gateway.close();
        const st = gateway.stats;
        const per = (x: number) => (st.batches === 0 ? 0 : Math.round(x / st.batches));
        io.out(t('gateway.cli.stopped', { accepted: st.accepted, duplicates: st.duplicates, refused: st.refused, batches: st.batches, packets: per(st.written), ms: per(st.writeMs) }, L));
        if (opts.closeDb) await db.close();
        resolve(0);
      })();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
