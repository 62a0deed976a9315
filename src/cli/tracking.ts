// The tracking commands of `ecociv`: progress, departments, supervise, import, export.
import { readFileSync, writeFileSync } from 'node:fs';
import { departmentAssessment } from '../app/departmentAssessment.ts';
import { projectProgress } from '../app/projectProgress.ts';
import { requirePlan } from '../app/requirePlan.ts';
import { isIsoDate } from '../domain/period.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../store/db.ts';
import { issueNotices } from '../store/workPlan.ts';
import { cliActor } from '../auth/roles.ts';
import { formatWan, renderTable } from './table.ts';
import { userPath, type CliIo } from './io.ts';

export const TRACKING_COMMANDS = ['progress', 'departments', 'supervise', 'import', 'export'] as const;
const EXCHANGE_KINDS = ['progress', 'projects', 'work-plan', 'departments'] as const;

/** The tracking commands' lines of the help. */
export const trackingHelp = (locale: Locale) => t('cli.help.tracking', {}, locale);

export class TrackingUsageError extends Error {}

export interface TrackingOptions {
  asOf?: string;
  year?: number;
  out?: string;
  period?: string;
  format: 'table' | 'json';
  locale: Locale;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export async function runTracking(db: Db, io: CliIo, command: (typeof TRACKING_COMMANDS)[number], args: string[], o: TrackingOptions): Promise<number> {
  if (o.asOf !== undefined && !isIsoDate(o.asOf)) throw new TrackingUsageError(t('cli.error.badDate', { value: o.asOf }, o.locale));
  const print = (obj: unknown, table: () => string) => io.out(o.format === 'json' ? JSON.stringify(obj, null, 2) : table());
  const opts = { ...(o.asOf ? { asOf: o.asOf } : {}), locale: o.locale };
  const planId = (v: string | undefined) => need(v, 'cli.what.plan', o.locale);
  switch (command) {
    case 'progress': {
      const p = await projectProgress(db, planId(args[0]), opts);
      print(p, () => {
        const rows = [...p.rollup.groups, { ...p.rollup.total, name: t('table.total', {}, o.locale) }].map((g) => [
          g.name, g.originalCount, formatWan(g.originalInvestmentWan), g.adjustedCount, formatWan(g.adjustedInvestmentWan), formatWan(g.scheduledWan), formatWan(g.completedWan), pct(g.completedShare),
        ]);
        return [
          t('cli.progress.title', { title: p.title, asOf: p.asOf }, o.locale),
          renderTable(['group', 'originalCount', 'originalInvestment', 'adjustedCount', 'adjustedInvestment', 'scheduled', 'completed', 'completedShare'].map((k) => t(`cli.progress.${k}`, {}, o.locale)), rows),
          t('cli.progress.stated', { statedCount: p.stated.statedCount ?? '—', statedInvestment: formatWan(p.stated.statedInvestmentWan), count: p.stated.count, investment: formatWan(p.stated.investmentWan) }, o.locale),
          '',
          t('cli.progress.warnings', { n: p.warnings.length }, o.locale),
          ...p.warnings.map((w) => `  · ${w.text}`),
        ].join('\n');
      });
      return 0;
    }
    case 'departments': {
      if (o.year === undefined) throw new TrackingUsageError(t('cli.error.departmentsYear', {}, o.locale));
      const a = await departmentAssessment(db, planId(args[0]), o.year, opts);
      print(a, () =>
        [
          t('cli.departments.title', { title: a.title, year: a.year, asOf: a.asOf, weights: a.parts.map((p) => `${t(`department.part.${p}`, {}, o.locale)}${a.weights[p]}`).join('，') }, o.locale),
          renderTable(
            [t('xlsx.col.rank', {}, o.locale), t('xlsx.col.unit', {}, o.locale), t('xlsx.col.total', {}, o.locale), ...a.parts.map((p) => t(`department.part.${p}`, {}, o.locale))],
            a.ranking.map((r) => [r.rank, r.unit, r.total, ...r.parts.map((p) => p.score)]),
          ),
          '',
          ...a.ranking.flatMap((r) => [`${r.rank}. ${r.unit}：${r.total ?? '—'}`, ...r.parts.map((p) => `   ${t(`department.part.${p.part}`, {}, o.locale)}：${p.reason}`)]),
        ].join('\n'),
      );
      return 0;
    }
    case 'supervise': {
      const plan = await requirePlan(db, planId(args[0]));
      const issued = await issueNotices(db, plan.id, { ...(o.asOf ? { asOf: o.asOf } : {}), actor: cliActor() });
      print({ issued: issued.length, notices: issued }, () => (issued.length === 0 ? t('cli.supervise.none', {}, o.locale) : [t('cli.supervise.issued', { n: issued.length }, o.locale), ...issued.map((n) => `  · ${n.message}`)].join('\n')));
      return 0;
    }
    case 'import': {
      const kind = exchangeKind(args[0], o.locale);
      const plan = await requirePlan(db, planId(args[1]));
      const file = need(args[2], 'cli.what.xlsxFile', o.locale);
      let data: Buffer;
      try {
        data = readFileSync(userPath(io, file));
      } catch (e) {
        throw new TrackingUsageError(t('cli.error.readFile', { file, detail: (e as Error).message }, o.locale));
      }
      if (kind === 'departments') throw new TrackingUsageError(t('cli.error.importDepartments', {}, o.locale));
      const { importProgressWorkbook, importProjectsWorkbook, importWorkPlanWorkbook } = await import('../exchange/workbooks.ts');
      const r = kind === 'progress' ? await importProgressWorkbook(db, plan.id, data, cliActor()) : kind === 'projects' ? await importProjectsWorkbook(db, plan.id, data, { actor: cliActor() }) : await importWorkPlanWorkbook(db, plan.id, data, cliActor());
      print(r, () => t('cli.done.imported', { detail: JSON.stringify(r) }, o.locale));
      return 0;
    }
    case 'export': {
      const kind = exchangeKind(args[0], o.locale);
      const plan = await requirePlan(db, planId(args[1]));
      if (!o.out) throw new TrackingUsageError(t('cli.error.needOutXlsx', {}, o.locale));
      if (!o.out.toLowerCase().endsWith('.xlsx')) throw new TrackingUsageError(t('cli.error.outXlsx', { file: o.out }, o.locale));
      const { departmentsWorkbook, progressWorkbook, projectsWorkbook, workPlanWorkbook } = await import('../exchange/workbooks.ts');
      const buf =
        kind === 'progress'
          ? await progressWorkbook(db, plan.id, { ...opts, ...(o.period ? { period: o.period } : {}) })
          : kind === 'projects'
            ? await projectsWorkbook(db, plan.id, opts)
            : kind === 'work-plan'
              ? await workPlanWorkbook(db, plan.id, { ...opts, ...(o.year ? { year: o.year } : {}) })
              : await departmentsWorkbook(await departmentAssessment(db, plan.id, o.year ?? Number((o.asOf ?? new Date().toISOString()).slice(0, 4)), opts), o.locale);
      writeFileSync(userPath(io, o.out), buf);
      print({ written: o.out, bytes: buf.length }, () => t('cli.done.written', { file: o.out!, bytes: buf.length }, o.locale));
      return 0;
    }
  }
}

/** The argument, or a refusal naming what is missing (whatKey: cli.what.*) with the help. */
function need(v: string | undefined, whatKey: string, locale: Locale): string {
  if (!v) throw new TrackingUsageError(`${t('cli.error.need', { what: t(whatKey, {}, locale) }, locale)}\n\n${trackingHelp(locale)}`);
  return v;
}

function exchangeKind(v: string | undefined, locale: Locale): (typeof EXCHANGE_KINDS)[number] {
  if (!v || !(EXCHANGE_KINDS as readonly string[]).includes(v)) throw new TrackingUsageError(t('cli.error.exchangeKind', { value: v ?? '', kinds: EXCHANGE_KINDS.join('、') }, locale));
  return v as (typeof EXCHANGE_KINDS)[number];
}
