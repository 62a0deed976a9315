// Project tracking: the plan's project list with its later changes, progress reports per period,
// roll-ups of planned against completed investment, the planned-versus-actual curve, and warnings.
// Pure: dates are ISO strings handed in; nothing here reads a clock or a store.
import { lastEndedPeriod, periodsBetween, type Cadence, type Period } from './period.ts';
import type { Source } from './types.ts';

export const PROJECT_STATUSES = ['notStarted', 'underway', 'completed', 'delayed', 'cancelled', 'adjusted'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** statuses after which no more work or reports are expected */
const CLOSED: ReadonlySet<ProjectStatus> = new Set(['completed', 'cancelled']);

export interface PlannedProject {
  key: string;
  number: number | null;
  group: string;
  category: string | null;
  name: string;
  investmentWan: number | null;
  yearStart: number | null;
  yearEnd: number | null;
  leadUnits: string[];
  township: string | null;
  source?: Source | null;
}

export type ChangeKind = 'add' | 'adjust' | 'cancel';
/** the fields a change may set */
export const CHANGEABLE_FIELDS = ['name', 'group', 'category', 'investmentWan', 'yearStart', 'yearEnd', 'leadUnits', 'township'] as const;
export type ChangeFields = Partial<Pick<PlannedProject, (typeof CHANGEABLE_FIELDS)[number]>>;

export interface ProjectChange {
  id: number;
  projectKey: string;
  kind: ChangeKind;
  fields: ChangeFields;
  reason: string;
  effectiveOn: string;
}

export interface AdjustedProject extends PlannedProject {
  /** in the plan as issued (false for a project added later) */
  original: boolean;
  cancelled: boolean;
  changes: ProjectChange[];
}

export interface ProgressReport {
  projectKey: string;
  period: string;
  periodEnd: string;
  investmentPeriodWan: number | null;
  investmentCumulativeWan: number;
  physicalPercent: number | null;
  status: ProjectStatus;
  reportedOn: string;
  review: 'submitted' | 'returned' | 'accepted';
  returnedCount: number;
}

/** The project list as it stands on a date: the plan's rows with the changes in force by then applied in order. */
export function applyChanges(original: PlannedProject[], changes: ProjectChange[], asOf: string): AdjustedProject[] {
  const out = new Map<string, AdjustedProject>();
  for (const p of original) out.set(p.key, { ...p, original: true, cancelled: false, changes: [] });
  const inForce = changes.filter((c) => c.effectiveOn <= asOf).sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id);
  for (const c of inForce) {
    const cur = out.get(c.projectKey);
    if (c.kind === 'add') {
      if (cur) continue; // refused when recorded; ignored here should the plan later gain the same key
      const f = c.fields;
      out.set(c.projectKey, {
        key: c.projectKey,
        number: null,
        group: f.group ?? '',
        category: f.category ?? null,
        name: f.name ?? c.projectKey,
        investmentWan: f.investmentWan ?? null,
        yearStart: f.yearStart ?? null,
        yearEnd: f.yearEnd ?? null,
        leadUnits: f.leadUnits ?? [],
        township: f.township ?? null,
        original: false,
        cancelled: false,
        changes: [c],
      });
      continue;
    }
    if (!cur) continue;
    cur.changes.push(c);
    if (c.kind === 'cancel') cur.cancelled = true;
    else Object.assign(cur, definedFields(c.fields));
  }
  return [...out.values()];
}

function definedFields(f: ChangeFields): ChangeFields {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as ChangeFields;
}

/** Each project's latest report whose period had ended by the date (returned reports still count: they are the unit's figures). */
export function latestReports(reports: ProgressReport[], asOf: string): Map<string, ProgressReport> {
  const out = new Map<string, ProgressReport>();
  for (const r of reports) {
    if (r.periodEnd > asOf) continue;
    const cur = out.get(r.projectKey);
    if (!cur || r.periodEnd > cur.periodEnd) out.set(r.projectKey, r);
  }
  return out;
}

/**
 * The share of a project's investment its schedule calls for by a date: the plans give only the years,
 * so the schedule is linear from 1 January of the first year to 31 December of the last.
 */
export function plannedShare(p: Pick<PlannedProject, 'yearStart' | 'yearEnd'>, date: string): number | null {
  if (p.yearStart == null) return null;
  const start = Date.parse(`${p.yearStart}-01-01T00:00:00Z`);
  const end = Date.parse(`${(p.yearEnd ?? p.yearStart) + 1}-01-01T00:00:00Z`);
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000; // the whole day counts
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}

const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;

export type StatusKey = ProjectStatus | 'noReport';

export interface ProgressRow {
  name: string;
  /** projects in the plan as issued */
  originalCount: number;
  originalInvestmentWan: number | null;
  /** projects in force after changes (cancelled ones excluded) */
  adjustedCount: number;
  adjustedInvestmentWan: number | null;
  /** investment the linear schedule calls for by the date */
  scheduledWan: number;
  /** investment completed by the date: the latest cumulative figure reported for each project */
  completedWan: number;
  /** completed ÷ adjusted investment */
  completedShare: number | null;
  statusCounts: Record<StatusKey, number>;
}

function emptyCounts(): Record<StatusKey, number> {
  return { notStarted: 0, underway: 0, completed: 0, delayed: 0, cancelled: 0, adjusted: 0, noReport: 0 };
}

const sumKnown = (xs: Array<number | null>): number | null => (xs.length > 0 && xs.every((x) => x === null) ? null : round(xs.reduce<number>((s, x) => s + (x ?? 0), 0)));

function progressRow(name: string, originals: PlannedProject[], adjusted: AdjustedProject[], latest: Map<string, ProgressReport>, asOf: string): ProgressRow {
  const inForce = adjusted.filter((p) => !p.cancelled);
  const statusCounts = emptyCounts();
  for (const p of adjusted) {
    if (p.cancelled) statusCounts.cancelled++;
    else statusCounts[latest.get(p.key)?.status ?? 'noReport']++;
  }
  const adjustedInvestmentWan = sumKnown(inForce.map((p) => p.investmentWan));
  const completedWan = round(inForce.reduce((s, p) => s + (latest.get(p.key)?.investmentCumulativeWan ?? 0), 0));
  const scheduledWan = round(inForce.reduce((s, p) => s + (p.investmentWan ?? 0) * (plannedShare(p, asOf) ?? 0), 0), 2);
  return {
    name,
    originalCount: originals.length,
    originalInvestmentWan: sumKnown(originals.map((p) => p.investmentWan)),
    adjustedCount: inForce.length,
    adjustedInvestmentWan,
    scheduledWan,
    completedWan,
    completedShare: adjustedInvestmentWan ? round(completedWan / adjustedInvestmentWan) : null,
    statusCounts,
  };
}

type Dimension = 'group' | 'category' | 'leadUnit' | 'township';
const keysOf = (p: PlannedProject, d: Dimension): string[] =>
  d === 'group' ? [p.group] : d === 'category' ? [p.category ?? p.group] : d === 'township' ? [p.township ?? ''] : p.leadUnits.length > 0 ? p.leadUnits : [''];

function rowsBy(d: Dimension, original: PlannedProject[], adjusted: AdjustedProject[], latest: Map<string, ProgressReport>, asOf: string, order?: string[]): ProgressRow[] {
  const names: string[] = [...(order ?? [])];
  for (const p of [...original, ...adjusted]) for (const k of keysOf(p, d)) if (!names.includes(k)) names.push(k);
  return names.map((n) =>
    progressRow(
      n,
      original.filter((p) => keysOf(p, d).includes(n)),
      adjusted.filter((p) => keysOf(p, d).includes(n)),
      latest,
      asOf,
    ),
  );
}

export interface YearRow {
  year: number;
  /** adjusted investment spread evenly over each project's years */
  plannedWan: number;
  originalPlannedWan: number;
  /** investment reported as completed within the year (differences of the cumulative figures) */
  completedWan: number;
}

export interface CurvePoint {
  period: string;
  end: string;
  /** cumulative investment the linear schedule calls for by the period's end (adjusted list) */
  plannedWan: number;
  /** cumulative investment reported by the period's end */
  completedWan: number;
  /** projects with a report for this period */
  reported: number;
}

export interface ProgressRollup {
  asOf: string;
  total: ProgressRow;
  groups: ProgressRow[];
  categories: ProgressRow[];
  leadUnits: ProgressRow[];
  townships: ProgressRow[];
  years: YearRow[];
  curve: CurvePoint[];
}

/** Completed investment within each period of each project: the rise of its cumulative figure. */
export function periodInvestments(reports: ProgressReport[]): Array<{ projectKey: string; periodEnd: string; wan: number }> {
  const byProject = new Map<string, ProgressReport[]>();
  for (const r of reports) byProject.set(r.projectKey, [...(byProject.get(r.projectKey) ?? []), r]);
  const out: Array<{ projectKey: string; periodEnd: string; wan: number }> = [];
  for (const [key, list] of byProject) {
    list.sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    let prev = 0;
    for (const r of list) {
      out.push({ projectKey: key, periodEnd: r.periodEnd, wan: round(r.investmentCumulativeWan - prev) });
      prev = r.investmentCumulativeWan;
    }
  }
  return out;
}

export function rollupProgress(
  original: PlannedProject[],
  changes: ProjectChange[],
  reports: ProgressReport[],
  opts: { asOf: string; cadence: Cadence; groupOrder?: string[] },
): ProgressRollup {
  const { asOf, cadence } = opts;
  const adjusted = applyChanges(original, changes, asOf);
  const latest = latestReports(reports, asOf);
  const inForce = adjusted.filter((p) => !p.cancelled);

  const spread = (list: PlannedProject[], year: number) =>
    list.reduce((s, p) => {
      if (p.yearStart == null || p.investmentWan == null) return s;
      const end = p.yearEnd ?? p.yearStart;
      return year >= p.yearStart && year <= end ? s + p.investmentWan / (end - p.yearStart + 1) : s;
    }, 0);
  const yearsSet = new Set<number>();
  for (const p of [...original, ...inForce]) {
    if (p.yearStart == null) continue;
    for (let y = p.yearStart; y <= (p.yearEnd ?? p.yearStart); y++) yearsSet.add(y);
  }
  const inPeriod = periodInvestments(reports.filter((r) => r.periodEnd <= asOf));
  for (const x of inPeriod) yearsSet.add(Number(x.periodEnd.slice(0, 4)));
  const years = [...yearsSet].sort((a, b) => a - b).map((year) => ({
    year,
    plannedWan: round(spread(inForce, year)),
    originalPlannedWan: round(spread(original, year)),
    completedWan: round(inPeriod.filter((x) => x.periodEnd.startsWith(`${year}-`)).reduce((s, x) => s + x.wan, 0)),
  }));

  // The curve runs from the first project year (or first report) to the date.
  const firstYear = Math.min(...inForce.map((p) => p.yearStart ?? Infinity), ...reports.map((r) => Number(r.periodEnd.slice(0, 4))));
  const curve: CurvePoint[] = [];
  if (Number.isFinite(firstYear) && `${firstYear}-01-01` <= asOf) {
    const periods: Period[] = periodsBetween(`${firstYear}-01-01`, asOf, cadence);
    for (const period of periods) {
      const end = period.end < asOf ? period.end : asOf;
      const upTo = latestReports(reports, end);
      curve.push({
        period: period.key,
        end,
        plannedWan: round(inForce.reduce((s, p) => s + (p.investmentWan ?? 0) * (plannedShare(p, end) ?? 0), 0), 2),
        completedWan: round(inForce.reduce((s, p) => s + (upTo.get(p.key)?.investmentCumulativeWan ?? 0), 0), 2),
        reported: reports.filter((r) => r.period === period.key).length,
      });
    }
  }

  return {
    asOf,
    total: progressRow('', original, adjusted, latest, asOf),
    groups: rowsBy('group', original, adjusted, latest, asOf, opts.groupOrder),
    categories: rowsBy('category', original, adjusted, latest, asOf),
    leadUnits: rowsBy('leadUnit', original, adjusted, latest, asOf).sort((a, b) => (b.adjustedInvestmentWan ?? -1) - (a.adjustedInvestmentWan ?? -1)),
    townships: rowsBy('township', original, adjusted, latest, asOf),
    years,
    curve,
  };
}

export type ProjectWarning =
  | { kind: 'overdue'; projectKey: string; name: string; units: string[]; yearEnd: number; status: StatusKey; source?: Source | null }
  | {
      kind: 'behindSchedule';
      projectKey: string;
      name: string;
      units: string[];
      investmentWan: number;
      scheduledShare: number;
      completedShare: number;
      scheduledWan: number;
      completedWan: number;
      source?: Source | null;
    }
  | { kind: 'missingReport'; projectKey: string; name: string; units: string[]; period: string; lastReported: string | null; source?: Source | null };

export interface WarningOptions {
  asOf: string;
  cadence: Cadence;
  /** a project is behind when its completed share trails the scheduled share by more than this (0–1) */
  tolerance: number;
}

/** Is a project expected to report for a period: in force, begun by then, and not closed before it. */
export function expectsReport(p: AdjustedProject, period: Period, reports: ProgressReport[]): boolean {
  if (p.cancelled || p.yearStart == null || p.yearStart > period.year) return false;
  const before = latestReports(reports.filter((r) => r.projectKey === p.key), period.start);
  const last = before.get(p.key);
  return !(last && CLOSED.has(last.status));
}

export function projectWarnings(original: PlannedProject[], changes: ProjectChange[], reports: ProgressReport[], opts: WarningOptions): ProjectWarning[] {
  const { asOf } = opts;
  const adjusted = applyChanges(original, changes, asOf);
  const latest = latestReports(reports, asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const due = lastEndedPeriod(asOf, opts.cadence);
  const out: ProjectWarning[] = [];
  for (const p of adjusted) {
    if (p.cancelled) continue;
    const last = latest.get(p.key);
    const closed = last !== undefined && CLOSED.has(last.status);
    const base = { projectKey: p.key, name: p.name, units: p.leadUnits, source: p.source ?? null };
    if (p.yearEnd != null && p.yearEnd < asOfYear && !closed) {
      out.push({ kind: 'overdue', ...base, yearEnd: p.yearEnd, status: last?.status ?? 'noReport' });
    }
    const share = plannedShare(p, asOf);
    if (!closed && p.investmentWan && share !== null && share > 0) {
      const completedWan = last?.investmentCumulativeWan ?? 0;
      const completedShare = completedWan / p.investmentWan;
      if (share - completedShare > opts.tolerance) {
        out.push({
          kind: 'behindSchedule',
          ...base,
          investmentWan: p.investmentWan,
          scheduledShare: round(share),
          completedShare: round(completedShare),
          scheduledWan: round(p.investmentWan * share, 2),
          completedWan,
        });
      }
    }
    if (expectsReport(p, due, reports) && !reports.some((r) => r.projectKey === p.key && r.period === due.key)) {
      const prior = reports.filter((r) => r.projectKey === p.key && r.periodEnd <= asOf).sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0];
      out.push({ kind: 'missingReport', ...base, period: due.key, lastReported: prior?.period ?? null });
    }
  }
  return out;
}

