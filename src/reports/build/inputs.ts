// What a report is built from: the engine's assessments and the project roll-up, as the API returns them.
// Pure types and helpers; src/reports/generate.ts fills them from the store.
import type { PlanAssessment } from '../../app/assessPlan.ts';
import type { planProjects } from '../../app/planProjects.ts';
import type { projectProgress } from '../../app/projectProgress.ts';
import type { Source } from '../../domain/types.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { PlanRow } from '../../store/queries.ts';

export type PlanProjects = Awaited<ReturnType<typeof planProjects>>;
export type ProjectProgress = Awaited<ReturnType<typeof projectProgress>>;
export type FrameworkAssessment = PlanAssessment['frameworks'][number];
export type IndicatorResult = FrameworkAssessment['results'][number];

export interface ReportInputs {
  lang: Locale;
  plan: PlanRow;
  /** the report's year */
  year: number;
  /** the assessment of that year */
  assessment: PlanAssessment;
  /** assessments of every year with figures up to the report's year, oldest first (the last is `assessment`) */
  history: PlanAssessment[];
  projects: PlanProjects;
  /** project progress as reported by the end of the year (none reported: the report says so) */
  progress?: ProjectProgress;
  /** document titles by id, for naming sources */
  documents: Record<string, string>;
  generatedOn: Date;
}

/** A translator bound to the report's language. */
export type Tr = (key: string, params?: Record<string, string | number>) => string;
export const translator =
  (lang: Locale): Tr =>
  (key, params = {}) =>
    t(key, params, lang);

/** One judged value of an indicator: the item itself, or each of its parts. */
export interface Leaf {
  part: string | null;
  value: string | null;
  requirement: string | null;
  status: string;
  statusText: string;
  observation: { year: number; printed: string; footnote: { mark: string; printed: string; source?: Source | null } | null; source: Source | null } | null;
  target: { year: number; printed: string } | null;
  stated: {
    status: { printed: string; source?: Source | null } | null;
    score: { points: number; source?: Source | null } | null;
    achievability: { printed: string; source?: Source | null } | null;
  };
}

export function leavesOf(r: IndicatorResult): Leaf[] {
  if ('parts' in r && r.parts) return r.parts as unknown as Leaf[];
  return [{ ...(r as unknown as Leaf), part: null }];
}

/** The target the achievability works towards: the item's, or its first part's. */
export function targetOf(r: IndicatorResult): { year: number; printed: string } | null {
  return leavesOf(r).find((l) => l.target)?.target ?? null;
}

/** "001" → 《巫山县生态文明建设示范县创建规划（2022—2028年）》第1454行 */
export function sourceText(s: Source | null | undefined, documents: Record<string, string>, tr: Tr): string {
  if (!s) return '—';
  const title = documents[s.document];
  return tr('report.source', { document: title ? tr('report.documentTitle', { title, id: s.document }) : s.document, line: s.line });
}

/** Printed text per part on its own line ("优良天数比例：98.1"), or the item's own text. */
export function perPart(r: IndicatorResult, pick: (l: Leaf) => string | null): string {
  const leaves = leavesOf(r);
  if (leaves.length === 1 && leaves[0]!.part === null) return pick(leaves[0]!) ?? '';
  return leaves.map((l) => `${l.part}：${pick(l) ?? '—'}`).join('\n');
}

export function scoreText(r: IndicatorResult): string {
  if (r.maxPoints === null) return '';
  const points = r.points ?? (r.pointsRange ? `${r.pointsRange[0]}–${r.pointsRange[1]}` : '—');
  return `${points}/${r.maxPoints}`;
}

export const isScored = (f: FrameworkAssessment): boolean => f.maxScore !== null;

/** The plan's own achievability judgement of an indicator, in a word: its class, or its commitment and year. */
export function statedJudgement(r: IndicatorResult, tr: Tr): string {
  const s = r.achievability?.stated;
  if (!s) return '—';
  if (s.classText) return s.year ? tr('report.statedWithYear', { judgement: s.classText, year: s.year }) : s.classText;
  if (s.year) return tr('report.statedYear', { commitment: s.commitment ?? '', year: s.year });
  return '—';
}
