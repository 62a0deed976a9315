// The JSON the API returns (src/server/openapi.ts, src/app/assessPlan.ts, src/app/planProjects.ts, src/server/app.ts).
export type Status = 'met' | 'notMet' | 'indeterminate' | 'noData' | 'notApplicable';
export type AchievabilityClass = 'stable' | 'expected' | 'uncertain' | 'difficult';

/** A requirement in the typed form the engine reads (src/domain/types.ts Requirement). */
export type Comparator = '>=' | '>' | '<=' | '<' | '=';
export type RequirementParsed =
  | { kind: 'threshold'; op: Comparator; value: number; subject?: string; aspirational?: boolean; weighted?: false }
  | { kind: 'weighted'; op: Comparator; reference: string }
  | { kind: 'trend'; trend: string; subject?: string }
  | { kind: 'state'; level: number; word: string }
  | { kind: 'directive'; word: string }
  | { kind: 'absence'; subject: string }
  | { kind: 'relation'; word: string }
  | { kind: 'composite'; parts: RequirementParsed[] };

export interface SourceRef {
  document: string;
  line: number;
}

export interface PlanSummary {
  id: string;
  region: string;
  title: string;
  baseYear: number | null;
  targetYears: number[];
}

export interface PlanDetail extends PlanSummary {
  issuer: string | null;
  scope: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  document: { id: string; file?: string; title: string } | null;
  frameworks: string[];
  /** the frameworks with their names and editions */
  frameworkDetails?: Array<{ id: string; name: string; version: string }>;
  office: { unit: string; printed?: string; source?: SourceRef } | null;
}

export interface StatedAchievability {
  printed: string;
  class: AchievabilityClass | null;
  classText: string | null;
  year: number | null;
  commitment: string | null;
  source: SourceRef | null;
}

export interface Achievability {
  class: AchievabilityClass | null;
  classText: string | null;
  reason: string | null;
  figures: Record<string, number> | null;
  stated: StatedAchievability | null;
  differs: boolean | null;
}

export interface Observation {
  year: number;
  printed: string;
  dataYear: number | null;
  flags: string[];
  footnote: { mark: string; printed: string; source?: SourceRef | null } | null;
  correction: { printed: string; reason: string; source: SourceRef | null } | null;
  source: SourceRef | null;
}

export interface StatedJudgements {
  status: { year?: number; printed: string; source?: SourceRef | null } | null;
  score: { year?: number; points: number; source?: SourceRef | null } | null;
  achievability: { year?: number; class?: string; printed: string; commitment?: string; source?: SourceRef | null } | null;
}

export interface Leaf {
  part: string | null;
  status: Status;
  statusText: string;
  reason: string;
  value: string | null;
  requirement: string | null;
  /** the requirement as the engine reads it; null when there is none */
  requirementParsed: RequirementParsed | null;
  /** a sentence explaining it (Chinese), e.g. 数值不低于50（%）; null when there is none */
  requirementExplained: string | null;
  points: number | null;
  pointsRange: [number | null, number | null] | null;
  maxPoints: number | null;
  observation: Observation | null;
  target: { year: number; printed: string } | null;
  stated: StatedJudgements;
  achievability: Achievability | null;
}

export interface Confirmation {
  number: string;
  year: number;
  by: string;
  at: string;
  reason: string;
  status?: Status | null;
  points?: number | null;
  source?: SourceRef | null;
}

export interface ResultItem {
  number: string;
  name: string;
  domain: string | null;
  task: string | null;
  unit: string | null;
  attribute: string | null;
  status: Status;
  statusText: string;
  computedStatus: Status;
  reason: string;
  value: string | null;
  requirement: string | null;
  /** the requirement as the engine reads it; null when there is none */
  requirementParsed: RequirementParsed | null;
  /** a sentence explaining it (Chinese), e.g. 数值不低于50（%）; null when there is none */
  requirementExplained: string | null;
  leadUnits: string[];
  points: number | null;
  pointsRange: [number | null, number | null] | null;
  maxPoints: number | null;
  confirmation: Confirmation | null;
  achievability: Achievability | null;
  parts?: Leaf[];
  observation?: Observation | null;
  target?: { year: number; printed: string } | null;
  stated?: StatedJudgements;
}

export interface StatedSummary {
  framework: string;
  year?: number;
  printed: string;
  source: SourceRef;
  classes: Record<string, number> | null;
  counts: Record<string, number> | null;
  score: number | null;
}

export interface FrameworkAssessment {
  id: string;
  name: string;
  version?: string;
  applicable: number;
  met: number;
  notMet: number;
  indeterminate: number;
  noData: number;
  notApplicable: number;
  confirmed?: number;
  score: number | null;
  scoreRange?: [number | null, number | null] | null;
  maxScore: number | null;
  passScore: number | null;
  passed?: boolean | null;
  classes?: Record<AchievabilityClass, number>;
  summary?: string;
  stated?: StatedSummary[];
  results: ResultItem[];
}

export interface Assessment {
  plan: string;
  title?: string;
  region?: string;
  year: number;
  frameworks: FrameworkAssessment[];
}

export interface StatedProjects {
  count?: number | null;
  investmentWan?: number | null;
  approximate?: boolean;
  printed?: string;
  source?: SourceRef | null;
  prose?: { printed: string; source?: SourceRef | null } | null;
}

export interface ProjectRollup {
  name: string;
  number?: string;
  count: number;
  investmentWan: number | null;
  missingInvestment?: number;
  statedCount: number | null;
  statedInvestmentWan: number | null;
  countDifference?: number | null;
  investmentDifferenceWan?: number | null;
  approximate?: boolean;
  stated?: StatedProjects | null;
}

export interface Projects {
  plan?: string;
  count: number;
  investmentWan: number | null;
  missingInvestment?: number;
  statedCount: number | null;
  statedInvestmentWan: number | null;
  countDifference?: number | null;
  investmentDifferenceWan?: number | null;
  approximate?: boolean;
  stated?: StatedProjects | null;
  groups: ProjectRollup[];
  categories: ProjectRollup[];
  /** a jointly led project counts in full under each unit; '' collects the projects without a lead unit */
  leadUnits: ProjectRollup[];
  /** investment spread evenly over each project's years (the plans give no yearly split) */
  years: ProjectYear[];
  projects: Project[];
}

export interface ProjectYear {
  year: number;
  count: number;
  investmentWan: number;
}

/** One project as the plan's project table lists it. */
export interface Project {
  number: number | null;
  group: string;
  category: string | null;
  subCategory: string | null;
  name: string;
  content: string | null;
  investmentWan: number | null;
  yearsPrinted: string | null;
  yearStart: number | null;
  yearEnd: number | null;
  leadUnits: string[];
  origin: string | null;
  /** the names of the indicators it serves (对应创建指标) */
  indicators: string[];
  source: SourceRef | null;
}

/** A heading (chapter, section, subsection) or a clause of the plan's key tasks. */
export interface TaskNode {
  /** stable key (the line it starts on, e.g. L1461); work-plan items name their task by it */
  key?: string;
  kind: 'heading' | 'clause';
  depth: number;
  number: string | null;
  title: string | null;
  text: string | null;
  leadUnits: string[];
  cooperatingUnits: string[];
  deadline: string | null;
  indicators: string[];
  source: SourceRef | null;
  tasks: TaskNode[];
}

/** GET /api/plans/{id}/tasks */
export interface Tasks {
  plan: string;
  title: string;
  clauses: number;
  tasks: TaskNode[];
}

export interface EntryProblem {
  /** position in the list that was sent */
  index: number;
  /** printed, note, year, part, reportingUnit … */
  field: string;
  value: string;
  /** Chinese, as the server words it */
  message: string;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; problems?: EntryProblem[] };
}

/** One value as the data-entry page sends it (POST /api/observations, /check, PUT …/drafts). */
export interface EntryInput {
  plan: string;
  framework: string;
  number: string;
  part?: string;
  year: number;
  printed: string;
  note?: string;
  reportingUnit: string;
}

/** GET /api/plans/{id}/units */
export interface ReportingUnit {
  name: string;
  /** how many leaves the unit leads */
  indicators: number;
}

/** One leaf (indicator or sub-indicator) the unit leads. */
export interface EntryRow {
  framework: string;
  frameworkName: string;
  number: string;
  part: string | null;
  name: string;
  unit: string | null;
  requirement: string | null;
  attribute: string | null;
  /** what is expected, in Chinese */
  hint: string;
  previous: { year: number; printed: string } | null;
  current: { printed: string; origin: string } | null;
}

/** GET /api/plans/{id}/entry?unit=&year= */
export interface EntrySheet {
  plan: string;
  unit: string;
  year: number;
  draft: { entries: EntryInput[]; savedAt: string } | null;
  rows: EntryRow[];
}

/** GET /api/plans/{id}/consistency (src/app/consistency.ts) */
export type FindingKind =
  | 'projectUnknownIndicator'
  | 'projectIndicatorVariant'
  | 'unmetWithoutProject'
  | 'statedTotalDiffers'
  | 'indicatorWithoutLeadUnit'
  | 'footnoteUnresolved'
  | 'projectOutsidePeriod'
  | 'duplicateProjectNumber';
export type Severity = 'error' | 'warning' | 'info';

export type FindingSubject =
  | { type: 'project'; number: number | null; name: string; group: string }
  | { type: 'indicator'; framework: string; number: string; name: string; part?: string }
  | { type: 'total'; group: string | null }
  | { type: 'footnote'; mark: string };

export interface ConsistencyCheck {
  kind: FindingKind;
  kindText: string;
  severity: Severity;
  severityText: string;
  count: number;
}

export interface Finding {
  kind: FindingKind;
  kindText: string;
  severity: Severity;
  message: string;
  messageKey: string;
  lines: SourceRef[];
  /** the lines as text in the language asked for, e.g. 文件001第1937行 */
  linesText: string;
  subjects: FindingSubject[];
  figures: { stated: number; actual: number; difference: number } | null;
}

export interface Consistency {
  plan: string;
  title: string;
  region: string;
  year: number;
  total: number;
  checks: ConsistencyCheck[];
  findings: Finding[];
}

/** GET /api/session, POST /api/session */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Array<{ role: string; regionId: number | null; regionName?: string | null; unit: string | null }>;
}
export interface SessionInfo {
  user: SessionUser | null;
  csrfToken?: string;
  setupNeeded?: boolean;
}

// ── Project and task tracking (src/app/projectProgress.ts, workPlanView.ts, departmentAssessment.ts) ──

export type ProjectStatus = 'notStarted' | 'underway' | 'completed' | 'delayed' | 'cancelled' | 'adjusted';
export type StatusKey = ProjectStatus | 'noReport';
export type Review = 'submitted' | 'returned' | 'accepted';
export type Cadence = 'quarter' | 'month';
export type AssessmentPart = 'indicators' | 'projects' | 'tasks' | 'reporting';
export type Weights = Record<AssessmentPart, number>;

export interface TrackingSettings {
  cadence: Cadence;
  /** behind schedule when the completed share trails the scheduled share by more than this (0–1) */
  tolerance: number;
  weights: Weights;
}

/** One roll-up row (a group, category, lead unit, township, or the total). */
export interface ProgressRow {
  name: string;
  originalCount: number;
  originalInvestmentWan: number | null;
  adjustedCount: number;
  adjustedInvestmentWan: number | null;
  scheduledWan: number;
  completedWan: number;
  completedShare: number | null;
  statusCounts: Record<StatusKey, number>;
}

export interface ProgressYear {
  year: number;
  plannedWan: number;
  originalPlannedWan: number;
  completedWan: number;
}

export interface CurvePoint {
  period: string;
  end: string;
  plannedWan: number;
  completedWan: number;
  reported: number;
}

export type WarningKind = 'overdue' | 'behindSchedule' | 'missingReport';

export interface ProgressWarning {
  kind: WarningKind;
  projectKey: string;
  name: string;
  units: string[];
  /** a ready-made sentence naming the figures (in the language asked for) */
  text: string;
}

export interface ProjectChange {
  id: number;
  projectKey: string;
  kind: ChangeKind;
  fields: Partial<ChangeFields>;
  reason: string;
  effectiveOn: string;
  recordedBy?: string | null;
  recordedAt?: string;
}

export type ChangeKind = 'add' | 'adjust' | 'cancel';

export interface ChangeFields {
  name: string;
  group: string;
  category: string | null;
  investmentWan: number | null;
  yearStart: number | null;
  yearEnd: number | null;
  leadUnits: string[];
  township: string | null;
}

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface ProgressReport {
  id: number;
  projectKey: string;
  period: string;
  periodEnd: string;
  investmentPeriodWan: number | null;
  investmentCumulativeWan: number;
  physicalPercent: number | null;
  status: ProjectStatus;
  milestones: string | null;
  problems: string | null;
  measures: string | null;
  reportingUnit: string | null;
  reportedBy: string | null;
  reportedOn: string;
  /** why the plan office stated an earlier report date */
  backdateReason: string | null;
  review: Review;
  reviewComment: string | null;
  returnedCount: number;
  attachments: Attachment[];
}

/** A project as it stands on the date (the plan's row with the changes in force applied). */
export interface TrackedProject extends ChangeFields {
  key: string;
  number: number | null;
  source: SourceRef | null;
  /** in the plan as issued (false for a project added later) */
  original: boolean;
  cancelled: boolean;
  changes: ProjectChange[];
  scheduledShare: number | null;
  completedShare: number | null;
  latest: Pick<ProgressReport, 'period' | 'investmentCumulativeWan' | 'physicalPercent' | 'status' | 'reportedOn' | 'review'> | null;
  reports: ProgressReport[];
}

/** GET /api/plans/{id}/progress?asOf= */
export interface Progress {
  plan: string;
  title: string;
  asOf: string;
  settings: TrackingSettings;
  /** the plan's rows against the totals the document states */
  stated: {
    count: number;
    investmentWan: number | null;
    statedCount: number | null;
    statedInvestmentWan: number | null;
    countDifference?: number | null;
    investmentDifferenceWan?: number | null;
    groups: ProjectRollup[];
  };
  rollup: {
    asOf: string;
    total: ProgressRow;
    groups: ProgressRow[];
    categories: ProgressRow[];
    leadUnits: ProgressRow[];
    townships: ProgressRow[];
    years: ProgressYear[];
    curve: CurvePoint[];
  };
  warnings: ProgressWarning[];
  changes: ProjectChange[];
  projects: TrackedProject[];
}

/** One progress report as the form sends it (POST /api/progress, /api/progress/check). */
export interface ProgressInput {
  plan: string;
  project: string;
  period: string;
  investmentPeriodWan?: string;
  investmentCumulativeWan?: string;
  physicalPercent?: string;
  status: string;
  milestones?: string;
  problems?: string;
  measures?: string;
  reportingUnit?: string;
  /** today when absent; an earlier day only by the plan office, with backdateReason (the reporter is the signed-in user) */
  reportedOn?: string;
  backdateReason?: string;
}

/** A problem of a rejected batch or workbook (422 of the tracking routes, /api/progress/check). */
export interface BatchProblem {
  /** 1-based: the entry in the request, or the sheet row of a workbook */
  row: number;
  /** a field name (physicalPercent), or a column header for a workbook */
  field: string;
  value: string;
  /** Chinese, as the server words it */
  message: string;
}

export type WorkStatus = 'notStarted' | 'inProgress' | 'done';
export type Timeliness = 'onTime' | 'late' | 'overdue' | 'pending';

export interface TaskUpdate {
  id: number;
  status: WorkStatus;
  progress: string;
  evidence: string | null;
  reportedBy: string | null;
  reportedOn: string;
}

export interface Notice {
  id: number;
  workItemId: number;
  unit: string;
  issuedOn: string;
  replyDue: string;
  message: string;
  issuedBy: string | null;
  reply: string | null;
  repliedBy: string | null;
  repliedOn: string | null;
}

export interface WorkItem {
  id: number;
  year: number;
  taskKey: string | null;
  task: { key: string; title: string | null; text: string | null; source: SourceRef | null } | null;
  title: string;
  leadUnit: string;
  cooperatingUnits: string[];
  deadline: string;
  status: WorkStatus;
  doneOn: string | null;
  indicators: string[];
  timeliness: Timeliness;
  updates: TaskUpdate[];
  notices: Notice[];
}

/** GET /api/plans/{id}/work-plan?year=&asOf= */
export interface WorkPlan {
  plan: string;
  title: string;
  asOf: string;
  year: number | null;
  years: number[];
  counts: { items: number } & Record<Timeliness, number>;
  openNotices: number;
  items: WorkItem[];
}

export interface PartScore {
  part: AssessmentPart;
  /** 0–100, or null when the unit has nothing in this part */
  score: number | null;
  weight: number;
  figures: Record<string, number>;
  /** the sentence behind the score */
  reason: string;
}

export interface UnitScore {
  unit: string;
  rank: number;
  total: number | null;
  parts: PartScore[];
}

/** GET /api/plans/{id}/departments?year=&asOf= */
export interface Departments {
  plan: string;
  year: number;
  asOf: string;
  weights: Weights;
  parts: AssessmentPart[];
  ranking: UnitScore[];
}

/** Reports (src/reports/) */
export type ReportKind = 'annual' | 'application' | 'midterm' | 'public';
export type ReportFormat = 'docx' | 'pdf' | 'xlsx' | 'html';

/** GET /api/plans/{id}/reports */
export interface ReportsInfo {
  plan: string;
  /** years with figures: a report can be made for each */
  years: number[];
  kinds: Array<{ kind: ReportKind; name: string; formats: ReportFormat[] }>;
}
