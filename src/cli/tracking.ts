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

export const TRACKING_HELP = `  ecociv progress <规划> [--as-of 日期]    项目进度：汇总（与文件所列合计核对）与预警
  ecociv departments <规划> --year 年份   部门考核：各单位得分、排名和理由
  ecociv supervise <规划> [--as-of 日期]   对逾期的年度工作任务下发督办单
  ecociv import progress|projects|work-plan <规划> <文件.xlsx>
                                         导入进度表、项目表或年度工作计划（逐行校验，全部通过才保存）
  ecociv export progress|projects|work-plan|departments <规划> --out <文件.xlsx> [--year 年份] [--period 2024-Q1]
                                         导出为 Excel（进度表即填报模板）`;

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
  if (o.asOf !== undefined && !isIsoDate(o.asOf)) throw new TrackingUsageError(`日期“${o.asOf}”无效，应为 YYYY-MM-DD。`);
  const print = (obj: unknown, table: () => string) => io.out(o.format === 'json' ? JSON.stringify(obj, null, 2) : table());
  const opts = { ...(o.asOf ? { asOf: o.asOf } : {}), locale: o.locale };
  switch (command) {
    case 'progress': {
      const p = await projectProgress(db, need(args[0], '规划编号'), opts);
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
      if (o.year === undefined) throw new TrackingUsageError('请用 --year 指定考核年度。');
      const a = await departmentAssessment(db, need(args[0], '规划编号'), o.year, opts);
      print(a, () =>
        [
          `${a.title} ${a.year}年度部门考核（截至${a.asOf}；权重：${a.parts.map((p) => `${t(`department.part.${p}`, {}, o.locale)}${a.weights[p]}`).join('，')}）`,
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
      const plan = await requirePlan(db, need(args[0], '规划编号'));
      const issued = await issueNotices(db, plan.id, { ...(o.asOf ? { asOf: o.asOf } : {}), actor: cliActor() });
      print({ issued: issued.length, notices: issued }, () => (issued.length === 0 ? '没有需要督办的逾期任务。' : [`已下发督办单 ${issued.length} 份：`, ...issued.map((n) => `  · ${n.message}`)].join('\n')));
      return 0;
    }
    case 'import': {
      const kind = exchangeKind(args[0]);
      const plan = await requirePlan(db, need(args[1], '规划编号'));
      const file = need(args[2], '要导入的 .xlsx 文件');
      let data: Buffer;
      try {
        data = readFileSync(userPath(io, file));
      } catch (e) {
        throw new TrackingUsageError(`无法读取文件 ${file}：${(e as Error).message}`);
      }
      if (kind === 'departments') throw new TrackingUsageError('部门考核由系统计算，不能导入。');
      const { importProgressWorkbook, importProjectsWorkbook, importWorkPlanWorkbook } = await import('../exchange/workbooks.ts');
      const r = kind === 'progress' ? await importProgressWorkbook(db, plan.id, data, cliActor()) : kind === 'projects' ? await importProjectsWorkbook(db, plan.id, data, { actor: cliActor() }) : await importWorkPlanWorkbook(db, plan.id, data, cliActor());
      print(r, () => `已导入：${JSON.stringify(r)}`);
      return 0;
    }
    case 'export': {
      const kind = exchangeKind(args[0]);
      const plan = await requirePlan(db, need(args[1], '规划编号'));
      if (!o.out) throw new TrackingUsageError('请用 --out 指定输出文件（.xlsx）。');
      if (!o.out.toLowerCase().endsWith('.xlsx')) throw new TrackingUsageError(`输出文件“${o.out}”的扩展名应为 .xlsx。`);
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
      print({ written: o.out, bytes: buf.length }, () => `已写出 ${o.out}（${buf.length} 字节）。`);
      return 0;
    }
  }
}

function need(v: string | undefined, what: string): string {
  if (!v) throw new TrackingUsageError(`请指定${what}。\n\n${TRACKING_HELP}`);
  return v;
}

function exchangeKind(v: string | undefined): (typeof EXCHANGE_KINDS)[number] {
  if (!v || !(EXCHANGE_KINDS as readonly string[]).includes(v)) throw new TrackingUsageError(`导入导出的内容“${v ?? ''}”无效，应为 ${EXCHANGE_KINDS.join('、')}。`);
  return v as (typeof EXCHANGE_KINDS)[number];
}
