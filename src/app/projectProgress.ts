// Project progress for a plan: the list as issued and as adjusted, each project's latest report,
// roll-ups against the stated totals, the planned-versus-actual curve, and warnings.
import { DEFAULT_WEIGHTS, type Weights } from '../domain/departments.ts';
import type { Cadence } from '../domain/period.ts';
import { applyChanges, latestReports, plannedShare, projectWarnings, rollupProgress, type ProjectWarning } from '../domain/progress.ts';
import { rollupProjects } from '../domain/projects.ts';
import { t, type Locale } from '../i18n/index.ts';
import { todayInChina } from '../store/batch.ts';
import type { Queryable } from '../store/db.ts';
import { loadProjects } from '../store/queries.ts';
import { loadPlannedProjects, loadProgressReports, loadProjectChanges, planSettings } from '../store/projectTracking.ts';
import { requirePlan } from './requirePlan.ts';

export interface TrackingSettings {
  /** how often projects report: quarter (default) or month */
  cadence: Cadence;
  /** behind schedule when the completed share trails the scheduled share by more than this (default 0.2) */
  tolerance: number;
  weights: Weights;
}

export async function trackingSettings(db: Queryable, planId: string): Promise<TrackingSettings> {
  const s = await planSettings(db, planId);
  return {
    cadence: s.cadence === 'month' ? 'month' : 'quarter',
    tolerance: typeof s.tolerance === 'number' ? s.tolerance : 0.2,
    weights: { ...DEFAULT_WEIGHTS, ...((s.weights as Partial<Weights> | undefined) ?? {}) },
  };
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const wan = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

export function warningText(w: ProjectWarning, locale: Locale): string {
  const base = { name: w.name, key: w.projectKey, units: w.units.join('、') || t('progress.noUnit', {}, locale) };
  switch (w.kind) {
    case 'overdue':
      return t('warning.overdue', { ...base, yearEnd: w.yearEnd, status: t(`projectStatus.${w.status}`, {}, locale) }, locale);
    case 'behindSchedule':
      return t('warning.behindSchedule', { ...base, investment: wan(w.investmentWan), scheduled: pct(w.scheduledShare), scheduledWan: wan(w.scheduledWan), completed: pct(w.completedShare), completedWan: wan(w.completedWan) }, locale);
    case 'missingReport':
      return t(w.lastReported ? 'warning.missingReport' : 'warning.neverReported', { ...base, period: w.period, last: w.lastReported ?? '' }, locale);
  }
}

export async function projectProgress(db: Queryable, planId: string, opts: { asOf?: string; locale?: Locale } = {}) {
  const plan = await requirePlan(db, planId);
  const locale = opts.locale ?? 'zh-CN';
  const asOf = opts.asOf ?? todayInChina();
  const settings = await trackingSettings(db, planId);
  const original = await loadPlannedProjects(db, planId);
  const data = await loadProjects(db, planId);
  const changes = await loadProjectChanges(db, planId);
  const reports = await loadProgressReports(db, planId);
  const adjusted = applyChanges(original, changes, asOf);
  const latest = latestReports(reports, asOf);
  const stated = rollupProjects(data.projects, data.groups, data.stated);
  const rollup = rollupProgress(original, changes, reports, { asOf, cadence: settings.cadence, groupOrder: data.groups.map((g) => g.name) });
  const warnings = projectWarnings(original, changes, reports, { asOf, cadence: settings.cadence, tolerance: settings.tolerance });
  return {
    plan: plan.id,
    title: plan.title,
    asOf,
    settings,
    /** the plan's rows against the totals the document states (unchanged by later changes or reports) */
    stated: {
      count: stated.count,
      investmentWan: stated.investmentWan,
      statedCount: stated.statedCount,
      statedInvestmentWan: stated.statedInvestmentWan,
      countDifference: stated.countDifference,
      investmentDifferenceWan: stated.investmentDifferenceWan,
      groups: stated.groups,
    },
    rollup,
    warnings: warnings.map((w) => ({ ...w, text: warningText(w, locale) })),
    changes,
    projects: adjusted.map((p) => {
      const r = latest.get(p.key);
      const share = plannedShare(p, asOf);
      return {
        ...p,
        scheduledShare: share,
        latest: r
          ? { period: r.period, investmentCumulativeWan: r.investmentCumulativeWan, physicalPercent: r.physicalPercent, status: r.status, reportedOn: r.reportedOn, review: r.review }
          : null,
        completedShare: p.investmentWan ? (r?.investmentCumulativeWan ?? 0) / p.investmentWan : null,
        reports: reports.filter((x) => x.projectKey === p.key),
      };
    }),
  };
}
