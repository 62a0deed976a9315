// `ecociv monitoring link | unlink | links | compute`: which statistic of which stations feeds which indicator, and
// the figures computed from the monitoring data, with their provenance in words.
import { parseArgs } from 'node:util';
import { cliActor } from '../auth/roles.ts';
import { computeMonitoringFigures, listMonitoringLinks, removeMonitoringLink, setMonitoringLink, type ComputedFigure, type FigureProvenance } from '../app/monitoringFigures.ts';
import { isStatisticId, STATISTICS, type StatisticId } from '../domain/monitoringStatistics.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../store/db.ts';
import { getPlan } from '../store/queries.ts';
import { kindName, MonitoringFigureError, resolveIndicator, statisticName } from '../store/monitoringLinks.ts';
import type { CliIo } from './io.ts';
import { renderTable } from './table.ts';

/** A sub-command of `ecociv monitoring`: parses its own arguments (everything after the sub-command's name). */
export type MonitoringSubcommand = (db: Db, io: CliIo, args: string[]) => Promise<number>;

const OPTIONS = {
  plan: { type: 'string' },
  indicator: { type: 'string' },
  part: { type: 'string' },
  statistic: { type: 'string' },
  stations: { type: 'string' },
  year: { type: 'string' },
  format: { type: 'string', default: 'table' },
  lang: { type: 'string', default: 'zh-CN' },
} as const;

function options(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
  } catch (e) {
    throw new MonitoringFigureError((e as Error).message);
  }
  const v = parsed.values;
  const locale: Locale = v.lang === 'en' ? 'en' : 'zh-CN';
  const format = v.format === 'json' ? 'json' : 'table';
  if (v.format !== 'json' && v.format !== 'table') throw new MonitoringFigureError(t('error.badFormat', { value: String(v.format) }, locale));
  let year: number | undefined;
  if (v.year !== undefined) {
    if (!/^\d{4}$/.test(v.year)) throw new MonitoringFigureError(t('monitoringFigures.error.badYear', { value: v.year }, locale));
    year = Number(v.year);
  }
  if (!v.plan) throw new MonitoringFigureError(t('monitoringFigures.error.needPlan', {}, locale));
  return { ...v, plan: v.plan, locale, format, year };
}

/** "two-mountains-base 3" → { framework, number } (the framework's id, then the item's number). */
function indicatorRef(text: string | undefined, locale: Locale): { framework: string; number: string } {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(text ?? '');
  if (!m) throw new MonitoringFigureError(t('monitoringFigures.error.linkArgs', {}, locale));
  return { framework: m[1]!, number: m[2]! };
}

const link: MonitoringSubcommand = async (db, io, args) => {
  const o = options(args);
  const ref = indicatorRef(o.indicator, o.locale);
  if (!o.statistic || !o.stations) throw new MonitoringFigureError(t('monitoringFigures.error.linkArgs', {}, o.locale));
  if (!isStatisticId(o.statistic)) throw new MonitoringFigureError(t('monitoringFigures.error.unknownStatistic', { statistic: o.statistic, known: Object.keys(STATISTICS).join('、') }, o.locale));
  const stations = o.stations.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  await setMonitoringLink(db, { plan: o.plan, ...ref, part: o.part ?? null, statistic: o.statistic, stations }, cliActor());
  const target = await resolveIndicator(db, { plan: o.plan, ...ref, part: o.part ?? null });
  io.out(t('monitoringFigures.linkSet', { label: target.label, stations: stations.join('、'), statistic: t(`monitoringFigures.statistic.${o.statistic}`, {}, o.locale) }, o.locale));
  return 0;
};

const unlink: MonitoringSubcommand = async (db, io, args) => {
  const o = options(args);
  const ref = indicatorRef(o.indicator, o.locale);
  await removeMonitoringLink(db, { plan: o.plan, ...ref, part: o.part ?? null }, cliActor());
  const target = await resolveIndicator(db, { plan: o.plan, ...ref, part: o.part ?? null });
  io.out(t('monitoringFigures.linkRemoved', { label: target.label }, o.locale));
  return 0;
};

const links: MonitoringSubcommand = async (db, io, args) => {
  const o = options(args);
  if (!(await getPlan(db, o.plan))) throw new MonitoringFigureError(t('monitoringFigures.error.unknownPlan', { plan: o.plan }, o.locale));
  const list = await listMonitoringLinks(db, o.plan);
  if (o.format === 'json') {
    io.out(JSON.stringify(list, null, 2));
    return 0;
  }
  if (list.length === 0) {
    io.out(t('monitoringFigures.noLinks', { plan: o.plan }, o.locale));
    return 0;
  }
  io.out(
    renderTable(
      [t('monitoringFigures.table.indicator', {}, o.locale), t('monitoringFigures.table.statistic', {}, o.locale), t('monitoringFigures.table.stations', {}, o.locale), t('monitoringFigures.table.setBy', {}, o.locale)],
      list.map((l) => [`${l.framework} ${l.number} ${l.name}`, t(`monitoringFigures.statistic.${l.statistic}`, {}, o.locale), l.stations.map((s) => `${s.name}（${s.code}）`).join('、'), l.setBy]),
    ),
  );
  return 0;
};

/** provenanceLines(p, locale) → the provenance in words: stations counted or not and why, valid days, editions. */
export function provenanceLines(p: FigureProvenance, locale: Locale = 'zh-CN'): string[] {
  const samples = STATISTICS[p.statistic].kind !== 'air';
  const lines = p.stations.map((s) =>
    s.counted
      ? t(samples ? 'monitoringFigures.countedSamples' : 'monitoringFigures.counted', { name: s.name, code: s.code, days: s.validDays }, locale)
      : t('monitoringFigures.notCounted', { name: s.name, code: s.code, reason: t(`monitoringFigures.reason.${s.reason ?? 'noData'}`, {}, locale), days: s.validDays }, locale),
  );
  if (!samples && p.validDays !== null) lines.push(t('monitoringFigures.validDays', { days: p.validDays }, locale));
  for (const e of p.editions) lines.push(t(samples ? 'monitoringFigures.editionSamples' : 'monitoringFigures.edition', { edition: e.edition, from: e.from, to: e.to, days: e.days }, locale));
  if (p.insufficient) lines.push(t('monitoringFigures.why', { reason: t(`monitoringFigures.insufficient.${p.insufficient}`, {}, locale) }, locale));
  return lines;
}

const compute: MonitoringSubcommand = async (db, io, args) => {
  const o = options(args);
  const { figures } = await computeMonitoringFigures(db, { plan: o.plan, ...(o.year !== undefined ? { year: o.year } : {}) }, cliActor());
  if (o.format === 'json') {
    io.out(JSON.stringify(figures, null, 2));
    return 0;
  }
  if (figures.length === 0) {
    io.out(t((await listMonitoringLinks(db, o.plan)).length === 0 ? 'monitoringFigures.noLinks' : 'monitoringFigures.noFigures', { plan: o.plan }, o.locale));
    return 0;
  }
  io.out(figuresText(figures, o.locale));
  return 0;
};

/** figuresText(figures, locale) → a table of the figures, each followed by its provenance in words. */
export function figuresText(figures: ComputedFigure[], locale: Locale = 'zh-CN'): string {
  return figures
    .map((f) => {
      const head = renderTable(
        [t('monitoringFigures.table.indicator', {}, locale), t('monitoringFigures.table.year', {}, locale), t('monitoringFigures.table.statistic', {}, locale), t('monitoringFigures.table.computed', {}, locale), t('monitoringFigures.table.entered', {}, locale)],
        [[`${f.framework} ${f.number} ${f.name}`, f.year, t(`monitoringFigures.statistic.${f.statistic}`, {}, locale), f.printed, f.entered?.printed ?? '—']],
      );
      const notes = provenanceLines(f.provenance, locale);
      if (f.entered) notes.push(t('monitoringFigures.enteredBeside', { printed: f.entered.printed }, locale));
      return [head, ...notes.map((l) => `  ${l}`)].join('\n');
    })
    .join('\n\n');
}

/** The sub-commands this part adds to `ecociv monitoring` (the import adds its own beside them). */
export const MONITORING_FIGURE_SUBCOMMANDS: Record<string, MonitoringSubcommand> = { link, unlink, links, compute };

export { statisticName, kindName, type StatisticId };
