// The UI text in parts: the shared part (app shell, words several pages share) and one part per page (or per
// group of pages that share a feature). A page loads its parts with its code (pages/lazyPage.tsx); the Chinese
// shared part is in the first bundle, the English one arrives only when English is chosen. No React here.
import zhCNCommon from './parts/common.zh-CN.ts';
import type zhCNAudit from './parts/audit.zh-CN.ts';
import type zhCNBigscreen from './parts/bigscreen.zh-CN.ts';
import type zhCNConsistency from './parts/consistency.zh-CN.ts';
import type zhCNDepartments from './parts/departments.zh-CN.ts';
import type zhCNDetail from './parts/detail.zh-CN.ts';
import type zhCNEntry from './parts/entry.zh-CN.ts';
import type zhCNIndicator from './parts/indicator.zh-CN.ts';
import type zhCNMonitoring from './parts/monitoring.zh-CN.ts';
import type zhCNOverview from './parts/overview.zh-CN.ts';
import type zhCNPlans from './parts/plans.zh-CN.ts';
import type zhCNPlanImport from './parts/planImport.zh-CN.ts';
import type zhCNProgress from './parts/progress.zh-CN.ts';
import type zhCNProjects from './parts/projects.zh-CN.ts';
import type zhCNReports from './parts/reports.zh-CN.ts';
import type zhCNReview from './parts/review.zh-CN.ts';
import type zhCNScorecard from './parts/scorecard.zh-CN.ts';
import type zhCNTasks from './parts/tasks.zh-CN.ts';
import type zhCNUsers from './parts/users.zh-CN.ts';
import type zhCNWorkplan from './parts/workplan.zh-CN.ts';

export type Lang = 'zh-CN' | 'en';

/** Every key of every part: `t('…')` accepts only these (a key in no part is a compile error). */
export type MessageKey =
  | keyof typeof zhCNCommon
  | keyof typeof zhCNAudit
  | keyof typeof zhCNBigscreen
  | keyof typeof zhCNConsistency
  | keyof typeof zhCNDepartments
  | keyof typeof zhCNDetail
  | keyof typeof zhCNEntry
  | keyof typeof zhCNIndicator
  | keyof typeof zhCNMonitoring
  | keyof typeof zhCNOverview
  | keyof typeof zhCNPlans
  | keyof typeof zhCNPlanImport
  | keyof typeof zhCNProgress
  | keyof typeof zhCNProjects
  | keyof typeof zhCNReports
  | keyof typeof zhCNReview
  | keyof typeof zhCNScorecard
  | keyof typeof zhCNTasks
  | keyof typeof zhCNUsers
  | keyof typeof zhCNWorkplan;

/** a part as loaded: its keys and their text in one language */
export type MessagePart = Partial<Record<MessageKey, string>>;

type Loader = () => Promise<{ default: MessagePart }>;

/** The parts a page can ask for, each by language (dynamic imports: Vite makes each part its own chunk). */
export const PART_LOADERS = {
  audit: { 'zh-CN': () => import('./parts/audit.zh-CN.ts'), en: () => import('./parts/audit.en.ts') },
  bigscreen: { 'zh-CN': () => import('./parts/bigscreen.zh-CN.ts'), en: () => import('./parts/bigscreen.en.ts') },
  consistency: { 'zh-CN': () => import('./parts/consistency.zh-CN.ts'), en: () => import('./parts/consistency.en.ts') },
  departments: { 'zh-CN': () => import('./parts/departments.zh-CN.ts'), en: () => import('./parts/departments.en.ts') },
  detail: { 'zh-CN': () => import('./parts/detail.zh-CN.ts'), en: () => import('./parts/detail.en.ts') },
  entry: { 'zh-CN': () => import('./parts/entry.zh-CN.ts'), en: () => import('./parts/entry.en.ts') },
  indicator: { 'zh-CN': () => import('./parts/indicator.zh-CN.ts'), en: () => import('./parts/indicator.en.ts') },
  monitoring: { 'zh-CN': () => import('./parts/monitoring.zh-CN.ts'), en: () => import('./parts/monitoring.en.ts') },
  overview: { 'zh-CN': () => import('./parts/overview.zh-CN.ts'), en: () => import('./parts/overview.en.ts') },
  plans: { 'zh-CN': () => import('./parts/plans.zh-CN.ts'), en: () => import('./parts/plans.en.ts') },
  planImport: { 'zh-CN': () => import('./parts/planImport.zh-CN.ts'), en: () => import('./parts/planImport.en.ts') },
  progress: { 'zh-CN': () => import('./parts/progress.zh-CN.ts'), en: () => import('./parts/progress.en.ts') },
  projects: { 'zh-CN': () => import('./parts/projects.zh-CN.ts'), en: () => import('./parts/projects.en.ts') },
  reports: { 'zh-CN': () => import('./parts/reports.zh-CN.ts'), en: () => import('./parts/reports.en.ts') },
  review: { 'zh-CN': () => import('./parts/review.zh-CN.ts'), en: () => import('./parts/review.en.ts') },
  scorecard: { 'zh-CN': () => import('./parts/scorecard.zh-CN.ts'), en: () => import('./parts/scorecard.en.ts') },
  tasks: { 'zh-CN': () => import('./parts/tasks.zh-CN.ts'), en: () => import('./parts/tasks.en.ts') },
  users: { 'zh-CN': () => import('./parts/users.zh-CN.ts'), en: () => import('./parts/users.en.ts') },
  workplan: { 'zh-CN': () => import('./parts/workplan.zh-CN.ts'), en: () => import('./parts/workplan.en.ts') },
} satisfies Record<string, Record<Lang, Loader>>;

export type PartName = keyof typeof PART_LOADERS;

/** The shared part in Chinese: always present (the default language, in the first bundle). */
export const COMMON_ZH_CN: MessagePart = zhCNCommon;

/** The shared part in English, loaded when English is first chosen. */
export const loadCommonEn = (): Promise<{ default: MessagePart }> => import('./parts/common.en.ts');
