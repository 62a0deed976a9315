// Department assessment (部门考核) for a plan and year: every responsible unit scored on the indicators
// it leads, its projects, its work-plan items and its reporting, ranked, with the reasons behind each score.
import { ASSESSMENT_PARTS, scoreUnits, type UnitInputs } from '../domain/departments.ts';
import { addDays, periodOf } from '../domain/period.ts';
import { applyChanges, expectsReport, latestReports, plannedShare, projectWarnings } from '../domain/progress.ts';
import type { Status } from '../domain/types.ts';
import { timelinessOf } from '../domain/workPlan.ts';
import { t, type Locale } from '../i18n/index.ts';
import { todayInChina } from '../store/batch.ts';
import type { Queryable } from '../store/db.ts';
import { loadPlannedProjects, loadProgressReports, loadProjectChanges } from '../store/projectTracking.ts';
import { loadWorkItems } from '../store/workPlan.ts';
import { assessPlan } from './assessPlan.ts';
import { trackingSettings } from './projectProgress.ts';

/** A report counts as on time when it arrives within this many days after its period ends. */
export const REPORT_GRACE_DAYS = 15;

export async function departmentAssessment(db: Queryable, planId: string, year: number, opts: { asOf?: string; locale?: Locale } = {}) {
  const locale = opts.locale ?? 'zh-CN';
  const today = todayInChina();
  const asOf = opts.asOf ?? (today < `${year}-12-31` ? today : `${year}-12-31`);
  const assessment = await assessPlan(db, planId, year, locale);
  const settings = await trackingSettings(db, planId);
  const original = await loadPlannedProjects(db, planId);
  const changes = await loadProjectChanges(db, planId);
  const reports = await loadProgressReports(db, planId);
  const items = await loadWorkItems(db, planId, year);
  const adjusted = applyChanges(original, changes, asOf).filter((p) => !p.cancelled && p.yearStart !== null && p.yearStart <= year);
  const latest = latestReports(reports, asOf);
  const overdue = new Set(projectWarnings(original, changes, reports, { asOf, cadence: settings.cadence, tolerance: settings.tolerance }).filter((w) => w.kind === 'overdue').map((w) => w.projectKey));

  const units = new Map<string, UnitInputs>();
  const unit = (name: string): UnitInputs => {
    let u = units.get(name);
    if (!u) {
      u = { unit: name, indicators: [], projects: [], tasks: [], reporting: { expected: 0, onTime: 0, late: 0, returned: 0 } };
      units.set(name, u);
    }
    return u;
  };
  for (const fw of assessment.frameworks) {
    for (const r of fw.results) {
      if (r.status === 'notApplicable') continue;
      for (const name of (r.leadUnits as string[] | undefined) ?? []) unit(name).indicators.push({ framework: fw.name, number: r.number, name: r.name, status: r.status as Status });
    }
  }
  const count = settings.cadence === 'month' ? 12 : 4;
  const periods = Array.from({ length: count }, (_, i) => periodOf(year, settings.cadence, i + 1)).filter((p) => p.end <= asOf);
  for (const p of adjusted) {
    const last = latest.get(p.key);
    for (const name of p.leadUnits) {
      const u = unit(name);
      u.projects.push({
        key: p.key,
        name: p.name,
        scheduledShare: plannedShare(p, asOf),
        completedShare: p.investmentWan ? (last?.investmentCumulativeWan ?? 0) / p.investmentWan : null,
        overdue: overdue.has(p.key),
        completed: last?.status === 'completed',
      });
      for (const period of periods) {
        if (!expectsReport(p, period, reports)) continue;
        u.reporting.expected++;
        const r = reports.find((x) => x.projectKey === p.key && x.period === period.key);
        if (r) {
          if (r.reportedOn <= addDays(period.end, REPORT_GRACE_DAYS)) u.reporting.onTime++;
          else u.reporting.late++;
          u.reporting.returned += r.returnedCount;
        }
      }
    }
  }
  for (const i of items) unit(i.leadUnit).tasks.push({ id: i.id, title: i.title, timeliness: timelinessOf(i, asOf) });

  const ranking = scoreUnits([...units.values()], settings.weights).map((s) => ({
    ...s,
    parts: s.parts.map((p) => ({
      ...p,
      reason: p.score === null ? t(`department.none.${p.part}`, {}, locale) : t(`department.${p.part}`, { ...p.figures, score: p.score }, locale),
    })),
    inputs: units.get(s.unit)!,
  }));
  return {
    plan: assessment.plan,
    title: assessment.title,
    region: assessment.region,
    year,
    asOf,
    weights: settings.weights,
    parts: ASSESSMENT_PARTS,
    graceDays: REPORT_GRACE_DAYS,
    ranking,
  };
}

export type DepartmentAssessment = Awaited<ReturnType<typeof departmentAssessment>>;
