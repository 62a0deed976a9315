// The shape of the built-in data files (see data/README.md). Validated on load; nothing passes silently.
import { z } from 'zod';
import { t } from '../i18n/index.ts';

/** Where a figure stands: the document and the line of its text; for a table cell also its table, row and column (1-based). */
export const sourceSchema = z
  .object({
    document: z.string().min(1),
    line: z.number().int().positive(),
    table: z.number().int().positive().optional(),
    row: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
  })
  .strict();

const variantSchema = z
  .object({
    when: z
      .object({ terrain: z.string().optional(), climate: z.string().optional(), printed: z.string().optional() })
      .strict(),
    requirement: z.string().min(1),
    tiers: z.string().optional(),
    source: sourceSchema.optional(),
  })
  .strict();

const applicabilitySchema = z
  .object({ only: z.enum(['city', 'coastal']), printed: z.string().optional(), source: sourceSchema.optional() })
  .strict();

const polarity = z.enum(['higher', 'lower']).optional();

const partSchema = z
  .object({
    name: z.string().min(1),
    unit: z.string().optional(),
    requirement: z.string().optional(),
    variants: z.array(variantSchema).optional(),
    points: z.number().nonnegative().optional(),
    tiers: z.string().optional(),
    polarity,
    source: sourceSchema.optional(),
  })
  .strict();

const itemSchema = z
  .object({
    number: z.string().min(1),
    domain: z.string().optional(),
    task: z.string().optional(),
    name: z.string().min(1),
    unit: z.string().optional(),
    unitImplied: z.string().optional(),
    requirement: z.string().optional(),
    attribute: z.enum(['约束性', '参考性', '预期性']).optional(),
    points: z.number().nonnegative().optional(),
    tiers: z.string().optional(),
    remark: z.string().optional(),
    variants: z.array(variantSchema).optional(),
    applicability: applicabilitySchema.optional(),
    parts: z.array(partSchema).min(1).optional(),
    polarity,
    source: sourceSchema,
  })
  .strict();

export const frameworkFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    version: z.string().min(1),
    basis: z.string().optional(),
    source: sourceSchema,
    scoring: z
      .object({ maxScore: z.number().positive(), passScore: z.number().nonnegative(), source: sourceSchema.optional() })
      .strict()
      .optional(),
    indicators: z.array(itemSchema).min(1),
  })
  .strict();

export const regionsFileSchema = z
  .object({
    regions: z.array(
      z
        .object({
          name: z.string().min(1),
          parent: z.string().optional(),
          level: z.enum(['省', '市', '区县', '乡镇街道']),
          terrain: z.enum(['山区', '丘陵', '平原']).optional(),
          terrainSource: sourceSchema.optional(),
          climate: z.string().optional(),
          climateSource: sourceSchema.optional(),
          coastal: z.boolean(),
          coastalSource: sourceSchema.optional(),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * A figure or count the plan's prose states, as printed, with what the transcriber reads from it: a figure
 * for an indicator named as the sentence names it (人均公园绿地面积 超过18 平方米), or counts of a framework's
 * items (in all; applying only to cities; only to coastal regions).
 */
const statementSchema = z
  .object({
    printed: z.string().min(1).max(2000),
    year: z.number().int().optional(),
    figure: z.object({ name: z.string().min(1).max(200), printed: z.string().min(1).max(200), unit: z.string().min(1).max(50).optional() }).strict().optional(),
    itemCounts: z
      .object({
        framework: z.string().min(1),
        total: z.number().int().nonnegative().optional(),
        only: z.object({ city: z.number().int().nonnegative().optional(), coastal: z.number().int().nonnegative().optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    source: sourceSchema,
  })
  .strict()
  .refine((s) => (s.figure !== undefined && s.year !== undefined) || s.itemCounts !== undefined, { message: t('data.error.statementContent') });

const classCounts = z.record(z.enum(['稳定达标', '预计可达标', '不确定', '达标难度较大']), z.number().int().nonnegative());

export const planFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    region: z.string().min(1),
    scope: z.string().optional(),
    issuer: z.string().optional(),
    period: z.object({ start: z.number().int(), end: z.number().int() }).strict(),
    baseYear: z.number().int().optional(),
    targetYears: z.array(z.number().int()).min(1),
    targetYearsSource: sourceSchema.optional(),
    document: z.object({ id: z.string(), file: z.string(), title: z.string() }).strict(),
    frameworks: z.array(z.string()).min(1),
    /** the office that runs the plan (领导小组办公室), as the document places it */
    office: z.object({ unit: z.string().min(1), printed: z.string().min(1), source: sourceSchema }).strict().optional(),
    statedSummaries: z
      .array(
        z
          .object({
            framework: z.string(),
            year: z.number().int().optional(),
            printed: z.string().min(1),
            counts: z
              .object({ applicable: z.number().int(), met: z.number().int(), notMet: z.number().int() })
              .strict()
              .optional(),
            classes: classCounts.optional(),
            score: z.number().optional(),
            source: sourceSchema,
          })
          .strict(),
      )
      .optional(),
    /** what the plan's prose states about its own tables, checked against them (规划一致性检查) */
    statements: z.array(statementSchema).max(500).optional(),
  })
  .strict();

const flagSchema = z.enum(['抽样', '代用', '估算', '往年']);

const observationSchema = z
  .object({
    year: z.number().int(),
    printed: z.string(),
    source: sourceSchema.optional(),
    dataYear: z.number().int().optional(),
    flags: z.array(flagSchema).optional(),
    footnote: z.object({ mark: z.string(), printed: z.string(), source: sourceSchema.optional() }).strict().optional(),
    correction: z.object({ printed: z.string(), reason: z.string().min(1), source: sourceSchema }).strict().optional(),
    reportingUnit: z.string().optional(),
  })
  .strict();

const entrySchema = z
  .object({
    number: z.string().min(1),
    part: z.string().optional(),
    leadUnits: z.array(z.string().min(1)).optional(),
    observations: z.array(observationSchema).optional(),
    statedStatus: z
      .object({ year: z.number().int(), printed: z.enum(['达标', '未达标', '不涉及']), source: sourceSchema.optional() })
      .strict()
      .optional(),
    statedScore: z.object({ year: z.number().int(), points: z.number(), source: sourceSchema.optional() }).strict().optional(),
    targets: z
      .array(z.object({ year: z.number().int(), printed: z.string().min(1), source: sourceSchema.optional() }).strict())
      .optional(),
    statedAchievability: z
      .object({
        printed: z.string().min(1),
        class: z.enum(['稳定达标', '预计可达标', '不确定', '达标难度较大']).optional(),
        year: z.number().int().optional(),
        commitment: z.enum(['确保', '力争']).optional(),
        source: sourceSchema,
      })
      .strict()
      .optional(),
  })
  .strict();

export const indicatorDataFileSchema = z
  .object({ plan: z.string(), framework: z.string(), entries: z.array(entrySchema) })
  .strict();

const statedTotal = z
  .object({
    count: z.number().int().nonnegative(),
    investmentWan: z.number().nonnegative().nullable(),
    approximate: z.boolean().optional(),
    printed: z.string().min(1),
    source: sourceSchema,
  })
  .strict();

export const projectsFileSchema = z
  .object({
    plan: z.string(),
    stated: statedTotal,
    statedProse: z.object({ printed: z.string(), source: sourceSchema }).strict().optional(),
    groups: z.array(
      z
        .object({ number: z.union([z.string(), z.number()]), name: z.string().min(1), stated: statedTotal.optional() })
        .strict(),
    ),
    projects: z.array(
      z
        .object({
          number: z.number().int().optional(),
          group: z.string().min(1),
          category: z.string().optional(),
          categoryInherited: z.boolean().optional(),
          subCategory: z.string().optional(),
          subCategoryInherited: z.boolean().optional(),
          name: z.string().min(1),
          content: z.string().optional(),
          investmentWan: z.number().nonnegative().nullable(),
          investmentPrinted: z.string().optional(),
          years: z
            .object({ printed: z.string(), start: z.number().int(), end: z.number().int() })
            .strict()
            .optional(),
          leadUnits: z.array(z.string()).optional(),
          origin: z.string().optional(),
          indicators: z.array(z.string()).optional(),
          source: sourceSchema,
        })
        .strict(),
    ),
  })
  .strict();

const clauseSchema = z
  .object({
    title: z.string().min(1).optional(),
    text: z.string().min(1),
    leadUnits: z.array(z.string().min(1)).optional(),
    cooperatingUnits: z.array(z.string().min(1)).optional(),
    deadline: z.string().min(1).optional(),
    indicators: z.array(z.string().min(1)).optional(),
    /** figures and deadlines the clause states, as printed (e.g. 农村污水治理率 ≥40%, 2025年底前) */
    figures: z
      .array(z.object({ name: z.string().optional(), printed: z.string().min(1), year: z.number().int().optional() }).strict())
      .optional(),
    source: sourceSchema,
  })
  .strict();

export interface TaskNode {
  number: string;
  title: string;
  source: z.infer<typeof sourceSchema>;
  tasks?: TaskNode[] | undefined;
  clauses?: Array<z.infer<typeof clauseSchema>> | undefined;
}

const taskSchema: z.ZodType<TaskNode> = z.lazy(() =>
  z
    .object({
      number: z.string().min(1),
      title: z.string().min(1),
      source: sourceSchema,
      tasks: z.array(taskSchema).optional(),
      clauses: z.array(clauseSchema).optional(),
    })
    .strict(),
);

export const tasksFileSchema = z.object({ plan: z.string(), tasks: z.array(taskSchema).min(1) }).strict();

export const confirmationsFileSchema = z.array(
  z
    .object({
      framework: z.string(),
      number: z.string(),
      part: z.string().optional(),
      year: z.number().int(),
      status: z.enum(['met', 'notMet']).optional(),
      points: z.number().nonnegative().optional(),
      by: z.string().min(1),
      at: z.string().min(1),
      reason: z.string().min(1),
      source: sourceSchema.optional(),
    })
    .strict()
    .refine((c) => c.status !== undefined || c.points !== undefined, { message: t('data.error.statusOrPoints') }),
);

export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
export type RegionsFile = z.infer<typeof regionsFileSchema>;
export type PlanFile = z.infer<typeof planFileSchema>;
export type IndicatorDataFile = z.infer<typeof indicatorDataFileSchema>;
export type ProjectsFile = z.infer<typeof projectsFileSchema>;
export type ConfirmationsFile = z.infer<typeof confirmationsFileSchema>;
export type TasksFile = z.infer<typeof tasksFileSchema>;
export type Clause = z.infer<typeof clauseSchema>;
