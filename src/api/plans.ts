// Plans, their assessment, projects, key tasks, consistency findings and report kinds (GET /api/plans…).
import { z } from 'zod';
import { FINDING_KINDS } from '../domain/consistency.ts';
import { AchievabilityClass, SourceRef, Status } from './common.ts';

/** GET /api/plans: one plan in the list. */
export const PlanSummary = z.object({
  id: z.string(),
  region: z.string(),
  title: z.string(),
  baseYear: z.number().int().nullable(),
  targetYears: z.array(z.number().int()),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** GET /api/plans/{id}: region, issuer, period, years, frameworks, office, document. */
export const PlanDetail = PlanSummary.extend({
  issuer: z.string().nullable(),
  scope: z.string().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  document: z.object({ id: z.string(), file: z.string().optional(), title: z.string() }).nullable(),
  frameworks: z.array(z.string()),
  frameworkDetails: z.array(z.object({ id: z.string(), name: z.string(), version: z.string() })).optional().describe('the frameworks with their names and editions'),
  office: z.object({ unit: z.string(), printed: z.string().optional(), source: SourceRef.optional() }).nullable().describe('the office that runs the plan, with its line'),
  statedSummaries: z
    .array(
      z.object({
        framework: z.string(),
        year: z.number().int().optional(),
        printed: z.string().describe('the sentence as the plan prints it'),
        counts: z.object({ applicable: z.number().int(), met: z.number().int(), notMet: z.number().int() }).optional(),
        classes: z.record(z.string(), z.number()).optional().describe('the plan\'s own achievability classes (its words) with their counts'),
        score: z.number().optional(),
        source: SourceRef,
      }),
    )
    .describe('what the plan itself states about its frameworks (counts, classes, score), each with its line'),
  statements: z
    .array(
      z.object({
        printed: z.string().describe('the words as the plan prints them'),
        year: z.number().int().optional(),
        figure: z.object({ name: z.string(), printed: z.string(), unit: z.string().optional() }).optional().describe('a figure stated for an indicator, named as the sentence names it'),
        itemCounts: z
          .object({ framework: z.string(), total: z.number().int().optional(), only: z.object({ city: z.number().int().optional(), coastal: z.number().int().optional() }).optional() })
          .optional()
          .describe('counts of a framework\'s items the text states: in all, only for cities, only for coastal regions'),
        source: SourceRef,
      }),
    )
    .optional()
    .describe('what the plan\'s text states about its own tables, compared with them by the consistency check'),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const Comparator = z.enum(['>=', '>', '<=', '<', '=']);
export type Comparator = z.infer<typeof Comparator>;

/** A requirement made of others (each must hold). */
const CompositeRequirement = z.object({
  kind: z.literal('composite'),
  get parts(): z.ZodArray<typeof RequirementParsed> {
    return z.array(RequirementParsed);
  },
});

/** A requirement in the typed form the engine reads (src/domain/types.ts Requirement). */
export const RequirementParsed = z
  .discriminatedUnion('kind', [
  z.object({ kind: z.literal('threshold'), op: Comparator, value: z.number(), subject: z.string().optional(), aspirational: z.boolean().optional(), weighted: z.literal(false).optional() }),
  z.object({ kind: z.literal('weighted'), op: Comparator, reference: z.string() }),
  z.object({ kind: z.literal('trend'), trend: z.string(), subject: z.string().optional() }),
  z.object({ kind: z.literal('state'), level: z.number(), word: z.string() }),
  z.object({ kind: z.literal('directive'), word: z.string() }),
  z.object({ kind: z.literal('absence'), subject: z.string() }),
  z.object({ kind: z.literal('relation'), word: z.string() }),
  CompositeRequirement,
  ])
  .meta({ id: 'RequirementParsed' });
export type RequirementParsed = z.infer<typeof RequirementParsed>;

/** The plan document's own judgement of a target, kept beside the engine's. */
export const StatedAchievability = z.object({
  printed: z.string(),
  class: AchievabilityClass.nullable(),
  classText: z.string().nullable(),
  year: z.number().int().nullable(),
  commitment: z.string().nullable(),
  source: SourceRef.nullable(),
});
export type StatedAchievability = z.infer<typeof StatedAchievability>;

/** Whether a target is achievable by its year: the engine's class, its reason and figures, and the plan's own. */
export const Achievability = z.object({
  class: AchievabilityClass.nullable(),
  classText: z.string().nullable(),
  reason: z.string().nullable(),
  figures: z.record(z.string(), z.number()).nullable(),
  stated: StatedAchievability.nullable().describe('the plan document\'s own judgement, kept beside the engine\'s'),
  differs: z.boolean().nullable(),
});
export type Achievability = z.infer<typeof Achievability>;

/** A value as recorded, with its footnote, correction and line. */
export const Observation = z.object({
  year: z.number().int(),
  printed: z.string(),
  dataYear: z.number().int().nullable(),
  flags: z.array(z.string()),
  footnote: z.object({ mark: z.string(), printed: z.string(), source: SourceRef.nullable().optional() }).nullable(),
  correction: z.object({ printed: z.string(), reason: z.string(), source: SourceRef.nullable() }).nullable(),
  source: SourceRef.nullable(),
});
export type Observation = z.infer<typeof Observation>;

/** What the plan document itself says of the indicator: status, score and achievability. */
export const StatedJudgements = z.object({
  status: z.object({ year: z.number().int().optional(), printed: z.string(), source: SourceRef.nullable().optional() }).nullable(),
  score: z.object({ year: z.number().int().optional(), points: z.number(), source: SourceRef.nullable().optional() }).nullable(),
  achievability: z
    .object({ year: z.number().int().optional(), class: z.string().optional(), printed: z.string(), commitment: z.string().optional(), source: SourceRef.nullable().optional() })
    .nullable(),
});
export type StatedJudgements = z.infer<typeof StatedJudgements>;

const PointsRange = z.tuple([z.number().nullable(), z.number().nullable()]);
const Target = z.object({ year: z.number().int(), printed: z.string() });

/** One leaf (a part of a composite indicator) as assessed. */
export const Leaf = z.object({
  part: z.string().nullable(),
  status: Status,
  statusText: z.string(),
  reason: z.string().describe('one sentence naming the figures'),
  value: z.string().nullable(),
  requirement: z.string().nullable(),
  requirementParsed: RequirementParsed.nullable().describe('the requirement as the engine reads it; null when there is none'),
  requirementExplained: z.string().nullable().describe('a sentence explaining it (Chinese), e.g. 数值不低于50（%）; null when there is none'),
  points: z.number().nullable(),
  pointsRange: PointsRange.nullable(),
  maxPoints: z.number().nullable(),
  observation: Observation.nullable(),
  target: Target.nullable(),
  stated: StatedJudgements,
  achievability: Achievability.nullable(),
});
export type Leaf = z.infer<typeof Leaf>;

/** A person's judgement of an indicator the engine cannot decide: who, when, why. */
export const Confirmation = z.object({
  number: z.string(),
  year: z.number().int(),
  by: z.string(),
  at: z.string(),
  reason: z.string(),
  status: Status.nullable().optional(),
  points: z.number().nullable().optional(),
  source: SourceRef.nullable().optional(),
});
export type Confirmation = z.infer<typeof Confirmation>;

/** One indicator of a framework as assessed for the year. */
export const ResultItem = z.object({
  number: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  task: z.string().nullable(),
  unit: z.string().nullable(),
  attribute: z.string().nullable(),
  status: Status.describe('the status shown: a confirmation\'s when there is one, else the computed one'),
  statusText: z.string(),
  computedStatus: Status,
  reason: z.string(),
  value: z.string().nullable(),
  requirement: z.string().nullable(),
  requirementParsed: RequirementParsed.nullable().describe('the requirement as the engine reads it (kind: threshold, trend, state, directive, absence, relation, weighted, composite); null when there is none'),
  requirementExplained: z.string().nullable().describe('a sentence explaining it (Chinese), e.g. 数值不低于50（%）; null when there is none'),
  leadUnits: z.array(z.string()),
  points: z.number().nullable(),
  pointsRange: PointsRange.nullable(),
  maxPoints: z.number().nullable(),
  confirmation: Confirmation.nullable(),
  achievability: Achievability.nullable(),
  parts: z.array(Leaf).optional(),
  observation: Observation.nullable().optional(),
  target: Target.nullable().optional(),
  stated: StatedJudgements.optional(),
});
export type ResultItem = z.infer<typeof ResultItem>;

/** A summary the plan document states for a framework (its own counts, classes, score). */
export const StatedSummary = z.object({
  framework: z.string(),
  year: z.number().int().optional(),
  printed: z.string(),
  source: SourceRef,
  classes: z.record(z.string(), z.number()).nullable(),
  counts: z.record(z.string(), z.number()).nullable(),
  score: z.number().nullable(),
});
export type StatedSummary = z.infer<typeof StatedSummary>;

/** One framework assessed: counts, score against the pass line, every indicator. */
export const FrameworkAssessment = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string().optional(),
  applicable: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  indeterminate: z.number().int(),
  noData: z.number().int(),
  notApplicable: z.number().int(),
  confirmed: z.number().int().optional(),
  score: z.number().nullable(),
  scoreRange: PointsRange.nullable().optional(),
  maxScore: z.number().nullable(),
  passScore: z.number().nullable(),
  passed: z.boolean().nullable().optional(),
  classes: z.record(AchievabilityClass, z.number()).optional(),
  summary: z.string().optional().describe('the summary sentence'),
  stated: z.array(StatedSummary).optional(),
  deductions: z
    .array(z.object({ number: z.string(), name: z.string(), points: z.number().nullable(), maxPoints: z.number(), lost: z.number() }))
    .optional()
    .describe('scored frameworks: the indicators that lost points, with what they got and what they lost'),
  results: z.array(ResultItem),
  revisions: z
    .array(z.object({ number: z.string(), part: z.string().nullable(), previous: z.string(), printed: z.string().describe('the value in force'), reason: z.string(), by: z.string(), approvedBy: z.string().nullable() }))
    .optional()
    .describe('approved revisions of the published year\'s figures: the old value and the new, why, who asked, who approved'),
});
export type FrameworkAssessment = z.infer<typeof FrameworkAssessment>;

/** GET /api/plans/{id}/assessment */
export const Assessment = z.object({
  plan: z.string(),
  title: z.string().optional(),
  region: z.string().optional(),
  year: z.number().int(),
  frameworks: z.array(FrameworkAssessment),
});
export type Assessment = z.infer<typeof Assessment>;

/** Totals the document states for projects (a group or the whole table). */
export const StatedProjects = z.object({
  count: z.number().nullable().optional(),
  investmentWan: z.number().nullable().optional(),
  approximate: z.boolean().optional(),
  printed: z.string().optional(),
  source: SourceRef.nullable().optional(),
  prose: z.object({ printed: z.string(), source: SourceRef.nullable().optional() }).nullable().optional(),
});
export type StatedProjects = z.infer<typeof StatedProjects>;

const rollupFields = {
  count: z.number().int(),
  investmentWan: z.number().nullable().describe('null when no project has a stated investment (无数据)'),
  missingInvestment: z.number().int().optional(),
  statedCount: z.number().int().nullable(),
  statedInvestmentWan: z.number().nullable(),
  countDifference: z.number().nullable().optional(),
  investmentDifferenceWan: z.number().nullable().optional(),
  approximate: z.boolean().optional(),
  stated: StatedProjects.nullable().optional(),
};

/** Projects rolled up by a group, category or lead unit, against the totals the document states. */
export const ProjectRollup = z.object({ name: z.string(), number: z.string().optional(), ...rollupFields });
export type ProjectRollup = z.infer<typeof ProjectRollup>;

/** Investment spread evenly over a project's years (the plans give no yearly split). */
export const ProjectYear = z.object({ year: z.number().int(), count: z.number().int(), investmentWan: z.number() });
export type ProjectYear = z.infer<typeof ProjectYear>;

/** One project as the plan's project table lists it. */
export const Project = z.object({
  key: z.string().describe('stable key: progress reports and changes name the project by it'),
  number: z.number().int().nullable(),
  group: z.string(),
  category: z.string().nullable(),
  subCategory: z.string().nullable(),
  name: z.string(),
  content: z.string().nullable(),
  investmentWan: z.number().nullable(),
  yearsPrinted: z.string().nullable(),
  yearStart: z.number().int().nullable(),
  yearEnd: z.number().int().nullable(),
  leadUnits: z.array(z.string()),
  township: z.string().nullable(),
  origin: z.string().nullable(),
  indicators: z.array(z.string()).describe('the names of the indicators it serves (对应创建指标)'),
  source: SourceRef.nullable(),
});
export type Project = z.infer<typeof Project>;

/** GET /api/plans/{id}/projects */
export const Projects = z.object({
  plan: z.string().optional(),
  title: z.string().optional().describe('the plan\'s title'),
  ...rollupFields,
  groups: z.array(ProjectRollup),
  categories: z.array(ProjectRollup),
  leadUnits: z.array(ProjectRollup).describe('a jointly led project counts in full under each unit; \'\' collects the projects without a lead unit'),
  years: z.array(ProjectYear).describe('investment spread evenly over each project\'s years (the plans give no yearly split)'),
  projects: z.array(Project),
});
export type Projects = z.infer<typeof Projects>;

/** A heading (chapter, section, subsection) or a clause of the plan's key tasks. */
export const TaskNode = z.object({
  key: z.string().optional().describe('stable key (the line it starts on, e.g. L1461); work-plan items name their task by it'),
  kind: z.enum(['heading', 'clause']),
  depth: z.number().int(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  leadUnits: z.array(z.string()),
  cooperatingUnits: z.array(z.string()),
  deadline: z.string().nullable(),
  indicators: z.array(z.string()),
  source: SourceRef.nullable(),
  /** the headings and clauses under it */
  get tasks(): z.ZodArray<typeof TaskNode> {
    return z.array(TaskNode);
  },
}).meta({ id: 'TaskNode' });
export type TaskNode = z.infer<typeof TaskNode>;

/** GET /api/plans/{id}/tasks: headings (chapter, section, subsection) with their clauses. */
export const Tasks = z.object({ plan: z.string(), title: z.string(), clauses: z.number().int(), tasks: z.array(TaskNode) });
export type Tasks = z.infer<typeof Tasks>;

/** The kinds of consistency finding, in report order (src/domain/consistency.ts FINDING_KINDS). */
export const FindingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKind>;
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** What a finding is about. */
export const FindingSubject = z.discriminatedUnion('type', [
  z.object({ type: z.literal('project'), number: z.number().int().nullable(), name: z.string(), group: z.string() }),
  z.object({ type: z.literal('indicator'), framework: z.string(), number: z.string(), name: z.string(), part: z.string().optional() }),
  z.object({ type: z.literal('total'), group: z.string().nullable() }),
  z.object({ type: z.literal('footnote'), mark: z.string() }),
]);
export type FindingSubject = z.infer<typeof FindingSubject>;

/** A check with its count (0: nothing found). */
export const ConsistencyCheck = z.object({ kind: FindingKind, kindText: z.string(), severity: Severity, severityText: z.string(), count: z.number().int() });
export type ConsistencyCheck = z.infer<typeof ConsistencyCheck>;

/** One thing that does not add up, with its lines. */
export const Finding = z.object({
  kind: FindingKind,
  kindText: z.string(),
  severity: Severity,
  message: z.string().describe('the finding in a sentence naming the figures'),
  messageKey: z.string(),
  lines: z.array(SourceRef),
  linesText: z.string().describe('the lines as text in the language asked for, e.g. 文件001第1937行'),
  subjects: z.array(FindingSubject),
  figures: z.object({ stated: z.number(), actual: z.number(), difference: z.number() }).nullable().describe('stated, actual and difference (actual − stated) for stated totals'),
});
export type Finding = z.infer<typeof Finding>;

/** GET /api/plans/{id}/consistency */
export const Consistency = z.object({
  plan: z.string(),
  title: z.string(),
  region: z.string(),
  year: z.number().int(),
  total: z.number().int(),
  checks: z.array(ConsistencyCheck).describe('every check in report order, with its count'),
  findings: z.array(Finding),
});
export type Consistency = z.infer<typeof Consistency>;

export const ReportKind = z.enum(['annual', 'application', 'midterm', 'public']);
export type ReportKind = z.infer<typeof ReportKind>;
export const ReportFormat = z.enum(['docx', 'pdf', 'xlsx', 'html']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** GET /api/plans/{id}/reports */
export const ReportsInfo = z.object({
  plan: z.string(),
  years: z.array(z.number().int()).describe('years with figures: a report can be made for each'),
  kinds: z.array(z.object({ kind: ReportKind, name: z.string(), formats: z.array(ReportFormat) })),
});
export type ReportsInfo = z.infer<typeof ReportsInfo>;
