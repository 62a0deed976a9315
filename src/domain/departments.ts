// Department assessment (部门考核): a year-end score per responsible unit from four parts — the
// indicators it leads, its projects, its work-plan items and its reporting — with configurable
// weights, and the figures behind every part so that each score can be explained.
import { LIMITS } from './limits.ts';
import type { Status } from './types.ts';

export const ASSESSMENT_PARTS = ['indicators', 'projects', 'tasks', 'reporting'] as const;
export type AssessmentPart = (typeof ASSESSMENT_PARTS)[number];
export type Weights = Record<AssessmentPart, number>;

/** Default weights (points out of 100) when a plan sets none. */
export const DEFAULT_WEIGHTS: Weights = { indicators: 40, projects: 30, tasks: 20, reporting: 10 };

export interface UnitInputs {
  unit: string;
  indicators: Array<{ framework: string; number: string; name: string; status: Status }>;
  /** led projects in force: completed share against the share the schedule calls for by the date */
  projects: Array<{ key: string; name: string; scheduledShare: number | null; completedShare: number | null; overdue: boolean; completed: boolean }>;
  tasks: Array<{ id: number; title: string; timeliness: 'onTime' | 'late' | 'overdue' | 'pending' }>;
  reporting: { expected: number; onTime: number; late: number; returned: number };
}

export interface PartScore {
  part: AssessmentPart;
  /** 0–100, or null when the unit has nothing in this part (its weight is then shared by the others) */
  score: number | null;
  weight: number;
  figures: Record<string, number>;
}

export interface UnitScore {
  unit: string;
  rank: number;
  /** weighted score 0–100 over the parts the unit has; null when it has none */
  total: number | null;
  parts: PartScore[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A returned report (sent back for correction) costs this many points of the reporting part. */
export const RETURN_PENALTY = 5;

function indicatorPart(u: UnitInputs): Omit<PartScore, 'weight'> {
  const count = (s: Status) => u.indicators.filter((i) => i.status === s).length;
  const met = count('met');
  const notMet = count('notMet');
  const noData = count('noData');
  const indeterminate = count('indeterminate');
  const judged = met + notMet + noData;
  // 无数据 counts against the unit: supplying the figure is its job.
  return { part: 'indicators', score: judged === 0 ? null : r1((met / judged) * 100), figures: { led: u.indicators.length, met, notMet, noData, indeterminate } };
}

function projectPart(u: UnitInputs): Omit<PartScore, 'weight'> {
  const scored = u.projects.filter((p) => p.completed || p.overdue || (p.scheduledShare !== null && p.scheduledShare > 0 && p.completedShare !== null));
  const ratio = (p: UnitInputs['projects'][number]) =>
    p.completed ? 1 : p.overdue ? 0 : Math.min(1, (p.completedShare ?? 0) / (p.scheduledShare ?? 1));
  const score = scored.length === 0 ? null : r1((scored.reduce((s, p) => s + ratio(p), 0) / scored.length) * 100);
  return {
    part: 'projects',
    score,
    figures: {
      led: u.projects.length,
      scored: scored.length,
      completed: u.projects.filter((p) => p.completed).length,
      overdue: u.projects.filter((p) => p.overdue).length,
      behind: scored.filter((p) => !p.completed && !p.overdue && ratio(p) < 1).length,
    },
  };
}

function taskPart(u: UnitInputs): Omit<PartScore, 'weight'> {
  const n = (t: string) => u.tasks.filter((x) => x.timeliness === t).length;
  const onTime = n('onTime');
  const late = n('late');
  const overdue = n('overdue');
  const due = onTime + late + overdue;
  return { part: 'tasks', score: due === 0 ? null : r1(((onTime + 0.5 * late) / due) * 100), figures: { items: u.tasks.length, due, onTime, late, overdue, pending: n('pending') } };
}

function reportingPart(u: UnitInputs): Omit<PartScore, 'weight'> {
  const { expected, onTime, late, returned } = u.reporting;
  const missing = Math.max(0, expected - onTime - late);
  const score = expected === 0 ? null : r1(Math.max(0, ((onTime + 0.5 * late) / expected) * 100 - RETURN_PENALTY * returned));
  return { part: 'reporting', score, figures: { expected, onTime, late, missing, returned } };
}

export function scoreUnits(units: UnitInputs[], weights: Weights = DEFAULT_WEIGHTS): UnitScore[] {
  const scored = units.map((u) => {
    const parts: PartScore[] = [indicatorPart(u), projectPart(u), taskPart(u), reportingPart(u)].map((p) => ({ ...p, weight: weights[p.part] }));
    const present = parts.filter((p) => p.score !== null && p.weight > 0);
    const weightSum = present.reduce((s, p) => s + p.weight, 0);
    const total = weightSum === 0 ? null : r1(present.reduce((s, p) => s + p.weight * (p.score ?? 0), 0) / weightSum);
    return { unit: u.unit, rank: 0, total, parts };
  });
  scored.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.unit.localeCompare(b.unit, 'zh-CN'));
  // equal totals share a rank
  scored.forEach((s, i) => {
    s.rank = i > 0 && s.total === scored[i - 1]!.total ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}

export function checkWeights(w: Partial<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const part of ASSESSMENT_PARTS) {
    const v = w[part];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > LIMITS.maxWeight) problems.push(part);
  }
  return problems;
}
