// Project and task tracking: progress, changes, the work plan, supervision, department assessment,
// settings, attachments (src/app/projectProgress.ts, workPlanView.ts, departmentAssessment.ts).
import { z } from 'zod';
import { Amount, BatchProblem, Day, SourceRef, Status } from './common.ts';
import { ProjectRollup } from './plans.ts';

export const ProjectStatus = z.enum(['notStarted', 'underway', 'completed', 'delayed', 'cancelled', 'adjusted']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export const StatusKey = z.enum([...ProjectStatus.options, 'noReport']);
export type StatusKey = z.infer<typeof StatusKey>;
export const Review = z.enum(['submitted', 'returned', 'accepted']);
export type Review = z.infer<typeof Review>;
export const Cadence = z.enum(['quarter', 'month']);
export type Cadence = z.infer<typeof Cadence>;
export const AssessmentPart = z.enum(['indicators', 'projects', 'tasks', 'reporting']);
export type AssessmentPart = z.infer<typeof AssessmentPart>;
export const Weights = z.record(AssessmentPart, z.number());
export type Weights = z.infer<typeof Weights>;

export const TrackingSettings = z.object({
  cadence: Cadence,
  tolerance: z.number().describe('behind schedule when the completed share trails the scheduled share by more than this (0–1)'),
  weights: Weights,
});
export type TrackingSettings = z.infer<typeof TrackingSettings>;

/** One roll-up row (a group, category, lead unit, township, or the total). */
export const ProgressRow = z.object({
  name: z.string(),
  originalCount: z.number().int(),
  originalInvestmentWan: z.number().nullable(),
  adjustedCount: z.number().int(),
  adjustedInvestmentWan: z.number().nullable(),
  scheduledWan: z.number(),
  completedWan: z.number(),
  completedShare: z.number().nullable(),
  statusCounts: z.record(StatusKey, z.number().int()),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

export const ProgressYear = z.object({ year: z.number().int(), plannedWan: z.number(), originalPlannedWan: z.number(), completedWan: z.number() });
export type ProgressYear = z.infer<typeof ProgressYear>;

export const CurvePoint = z.object({ period: z.string(), end: z.string(), plannedWan: z.number(), completedWan: z.number(), reported: z.number().int() });
export type CurvePoint = z.infer<typeof CurvePoint>;

export const WarningKind = z.enum(['overdue', 'behindSchedule', 'missingReport']);
export type WarningKind = z.infer<typeof WarningKind>;

const warningBase = {
  projectKey: z.string(),
  name: z.string(),
  units: z.array(z.string()),
  source: SourceRef.nullable().optional().describe('the project\'s row in the plan'),
  text: z.string().describe('a ready-made sentence naming the figures (in the language asked for)'),
};
/** A warning, with the figures its sentence names (by kind). */
export const ProgressWarning = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overdue'), ...warningBase, yearEnd: z.number().int(), status: StatusKey.describe('the latest report\'s status, noReport when none') }),
  z.object({
    kind: z.literal('behindSchedule'),
    ...warningBase,
    investmentWan: z.number(),
    scheduledShare: z.number().describe('0–1: the share of the investment due by the day asked for'),
    completedShare: z.number().describe('0–1: the share reported as spent'),
    scheduledWan: z.number(),
    completedWan: z.number(),
  }),
  z.object({ kind: z.literal('missingReport'), ...warningBase, period: z.string().describe('the period whose report is missing'), lastReported: z.string().nullable().describe('the last period reported, null when none') }),
]);
export type ProgressWarning = z.infer<typeof ProgressWarning>;

export const ChangeKind = z.enum(['add', 'adjust', 'cancel']);
export type ChangeKind = z.infer<typeof ChangeKind>;

export const ChangeFields = z.object({
  name: z.string(),
  group: z.string(),
  category: z.string().nullable(),
  investmentWan: z.number().nullable(),
  yearStart: z.number().int().nullable(),
  yearEnd: z.number().int().nullable(),
  leadUnits: z.array(z.string()),
  township: z.string().nullable(),
});
export type ChangeFields = z.infer<typeof ChangeFields>;

export const ProjectChange = z.object({
  id: z.number().int(),
  projectKey: z.string(),
  kind: ChangeKind,
  fields: ChangeFields.partial(),
  reason: z.string(),
  effectiveOn: z.string(),
  recordedBy: z.string().nullable().optional(),
  recordedAt: z.string().optional(),
});
export type ProjectChange = z.infer<typeof ProjectChange>;

export const Attachment = z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() });
export type Attachment = z.infer<typeof Attachment>;

export const ProgressReport = z.object({
  id: z.number().int(),
  projectKey: z.string(),
  period: z.string(),
  periodEnd: z.string(),
  investmentPeriodWan: z.number().nullable(),
  investmentCumulativeWan: z.number(),
  physicalPercent: z.number().nullable(),
  status: ProjectStatus,
  milestones: z.string().nullable(),
  problems: z.string().nullable(),
  measures: z.string().nullable(),
  reportingUnit: z.string().nullable(),
  reportedBy: z.string().nullable(),
  reportedOn: z.string(),
  backdateReason: z.string().nullable().describe('why the plan office stated an earlier report date'),
  review: Review,
  reviewComment: z.string().nullable(),
  returnedCount: z.number().int(),
  attachments: z.array(Attachment),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

/** A project as it stands on the date (the plan's row with the changes in force applied). */
export const TrackedProject = ChangeFields.extend({
  key: z.string(),
  number: z.number().int().nullable(),
  source: SourceRef.nullable(),
  original: z.boolean().describe('in the plan as issued (false for a project added later)'),
  cancelled: z.boolean(),
  changes: z.array(ProjectChange),
  scheduledShare: z.number().nullable(),
  completedShare: z.number().nullable(),
  latest: ProgressReport.pick({ period: true, investmentCumulativeWan: true, physicalPercent: true, status: true, reportedOn: true, review: true }).nullable(),
  reports: z.array(ProgressReport),
});
export type TrackedProject = z.infer<typeof TrackedProject>;

/** GET /api/plans/{id}/progress?asOf= */
export const Progress = z.object({
  plan: z.string(),
  title: z.string(),
  asOf: z.string(),
  settings: TrackingSettings,
  /** the plan's rows against the totals the document states */
  stated: z.object({
    count: z.number().int(),
    investmentWan: z.number().nullable(),
    statedCount: z.number().int().nullable(),
    statedInvestmentWan: z.number().nullable(),
    countDifference: z.number().nullable().optional(),
    investmentDifferenceWan: z.number().nullable().optional(),
    groups: z.array(ProjectRollup),
  }),
  rollup: z.object({
    asOf: z.string(),
    total: ProgressRow,
    groups: z.array(ProgressRow),
    categories: z.array(ProgressRow),
    leadUnits: z.array(ProgressRow),
    townships: z.array(ProgressRow),
    years: z.array(ProgressYear),
    curve: z.array(CurvePoint),
  }),
  warnings: z.array(ProgressWarning),
  changes: z.array(ProjectChange),
  projects: z.array(TrackedProject),
});
export type Progress = z.infer<typeof Progress>;

/** One progress report as sent (POST /api/progress, /api/progress/check); the reporter is the signed-in user. */
export const ProgressInput = z.strictObject({
  plan: z.string(),
  project: z.string().describe('the project\'s key (its number in the plan\'s table)'),
  period: z.string().describe('2024-Q1, 2024年第一季度, 2024-03 or 2024年3月'),
  investmentPeriodWan: Amount.optional().describe('万元 within the period'),
  investmentCumulativeWan: Amount.optional().describe('万元 since the project began'),
  physicalPercent: Amount.optional(),
  status: z.string().describe('notStarted|underway|completed|delayed|cancelled|adjusted, or 未开工/在建/完工/延期/取消/调整'),
  milestones: z.string().optional(),
  problems: z.string().optional(),
  measures: z.string().optional(),
  reportingUnit: z.string().optional().describe('a lead unit of the project; a clerk\'s own unit by default'),
  reportedOn: Day.optional().describe('today when absent; an earlier day only by the plan office, with backdateReason'),
  backdateReason: z.string().optional().describe('补报理由, shown to the reviewer and kept in the audit trail'),
});
/** A progress report as the web's form holds it (every figure as typed). */
export type ProgressInput = { [K in keyof z.infer<typeof ProgressInput>]: K extends 'plan' | 'project' | 'period' | 'status' ? string : string | undefined };

/** POST /api/progress, /api/progress/check */
export const ProgressBody = z.strictObject({ reports: z.array(ProgressInput) });
/** POST /api/progress/{reportId}/review */
export const ProgressReviewBody = z.strictObject({ decision: z.enum(['accepted', 'returned']), comment: z.string().optional() });
/** POST /api/project-changes */
export const ProjectChangeBody = z.strictObject({
  plan: z.string(),
  project: z.string(),
  kind: ChangeKind,
  fields: z.record(z.string(), z.unknown()).optional().describe('name, group, category, investmentWan, yearStart, yearEnd, leadUnits, township'),
  reason: z.string(),
  effectiveOn: Day,
});
/** One work item as sent to POST /api/work-items. */
export const WorkItemInput = z.strictObject({
  plan: z.string(),
  year: z.number().int(),
  task: z.string().optional().describe('the key task it serves (its key, e.g. L1461)'),
  title: z.string(),
  leadUnit: z.string(),
  cooperatingUnits: z.union([z.array(z.string()), z.string()]).optional(),
  deadline: Day,
  indicators: z.union([z.array(z.string()), z.string()]).optional(),
});
export const WorkItemsBody = z.strictObject({ items: z.array(WorkItemInput) });
/** POST /api/work-items/{itemId}/updates: reportedOn + backdateReason for an earlier day, plan office only. */
export const TaskUpdateBody = z.strictObject({
  status: z.string(),
  progress: z.string(),
  evidence: z.string().optional(),
  reportedOn: Day.optional(),
  backdateReason: z.string().optional(),
});
/** POST /api/plans/{id}/supervision */
export const SupervisionBody = z.strictObject({ asOf: Day.optional() });
/** POST /api/supervision/{noticeId}/reply: who and when are the server's. */
export const ReplyBody = z.strictObject({ reply: z.string() });
/** PUT /api/plans/{id}/settings */
export const SettingsBody = z.strictObject({ weights: z.record(z.string(), z.number()).optional(), cadence: Cadence.optional(), tolerance: z.number().min(0).max(1).optional() });
/** POST /api/attachments?plan=&owner=&id=&name= */
export const AttachmentQuery = z.strictObject({ plan: z.string(), owner: z.enum(['progress', 'taskUpdate', 'reply']), id: z.string(), name: z.string() });

export const WorkStatus = z.enum(['notStarted', 'inProgress', 'done']);
export type WorkStatus = z.infer<typeof WorkStatus>;
export const Timeliness = z.enum(['onTime', 'late', 'overdue', 'pending']);
export type Timeliness = z.infer<typeof Timeliness>;

export const TaskUpdate = z.object({
  id: z.number().int(),
  workItemId: z.number().int().describe('the work item it reports on'),
  status: WorkStatus,
  progress: z.string(),
  evidence: z.string().nullable(),
  reportedBy: z.string().nullable(),
  reportedOn: z.string(),
});
export type TaskUpdate = z.infer<typeof TaskUpdate>;

/** A supervision notice (督办单) and its reply. */
export const Notice = z.object({
  id: z.number().int(),
  workItemId: z.number().int(),
  unit: z.string(),
  issuedOn: z.string(),
  replyDue: z.string(),
  message: z.string(),
  issuedBy: z.string().nullable(),
  reply: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedOn: z.string().nullable(),
});
export type Notice = z.infer<typeof Notice>;

export const WorkItem = z.object({
  id: z.number().int(),
  year: z.number().int(),
  taskKey: z.string().nullable(),
  task: z.object({ key: z.string(), title: z.string().nullable(), text: z.string().nullable(), source: SourceRef.nullable() }).nullable(),
  title: z.string(),
  leadUnit: z.string(),
  cooperatingUnits: z.array(z.string()),
  deadline: z.string(),
  status: WorkStatus,
  doneOn: z.string().nullable(),
  indicators: z.array(z.string()),
  timeliness: Timeliness,
  updates: z.array(TaskUpdate),
  notices: z.array(Notice),
});
export type WorkItem = z.infer<typeof WorkItem>;

/** GET /api/plans/{id}/work-plan?year=&asOf= */
export const WorkPlan = z.object({
  plan: z.string(),
  title: z.string(),
  asOf: z.string(),
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  counts: z.object({ items: z.number().int() }).and(z.record(Timeliness, z.number().int())),
  openNotices: z.number().int(),
  items: z.array(WorkItem),
});
export type WorkPlan = z.infer<typeof WorkPlan>;

export const PartScore = z.object({
  part: AssessmentPart,
  score: z.number().nullable().describe('0–100, or null when the unit has nothing in this part'),
  weight: z.number(),
  figures: z.record(z.string(), z.number()),
  reason: z.string().describe('the sentence behind the score'),
});
export type PartScore = z.infer<typeof PartScore>;

/** What a unit's score was computed from (src/domain/departments.ts UnitInputs). */
export const UnitInputs = z.object({
  unit: z.string(),
  indicators: z.array(z.object({ framework: z.string(), number: z.string(), name: z.string(), status: Status })),
  projects: z.array(z.object({ key: z.string(), name: z.string(), scheduledShare: z.number().nullable(), completedShare: z.number().nullable(), overdue: z.boolean(), completed: z.boolean() })),
  tasks: z.array(z.object({ id: z.number().int(), title: z.string(), timeliness: Timeliness })),
  reporting: z.object({ expected: z.number().int(), onTime: z.number().int(), late: z.number().int(), returned: z.number().int() }),
});
export type UnitInputs = z.infer<typeof UnitInputs>;

export const UnitScore = z.object({
  unit: z.string(),
  rank: z.number().int(),
  total: z.number().nullable(),
  parts: z.array(PartScore),
  inputs: UnitInputs.describe('the indicators, projects, work items and progress reports the unit is scored on'),
});
export type UnitScore = z.infer<typeof UnitScore>;

/** GET /api/plans/{id}/departments?year=&asOf= */
export const Departments = z.object({
  plan: z.string(),
  title: z.string(),
  region: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  weights: Weights,
  parts: z.array(AssessmentPart),
  graceDays: z.number().int().describe('days after a period ends within which its progress report counts as on time'),
  ranking: z.array(UnitScore),
});
export type Departments = z.infer<typeof Departments>;

export const RecordedIds = z.object({ recorded: z.number().int(), ids: z.array(z.number().int()) });
export const CreatedId = z.object({ id: z.number().int() });
export const BatchProblems = z.object({ problems: z.array(BatchProblem) });
export const Issued = z.object({ issued: z.number().int(), notices: z.array(Notice) });
export const SettingsSaved = z.object({ saved: z.array(z.string()) });
