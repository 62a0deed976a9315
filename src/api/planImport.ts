// 规划导入: a plan document uploaded, read into data and kept for review (pending); corrected field by field;
// accepted (the whole plan lands in one transaction) or discarded. The extraction in the public JSON shape
// (src/domain/planImport/json.ts, docs/plan-import.md), what needs attention, and for a revised document the
// differences against the stored plan. Routes: src/server/planImportRoutes.ts.
import { z } from 'zod';

export const ImportStatus = z.enum(['pending', 'accepted', 'discarded']);
export const FindingKind = z.enum(['unknownPhrase', 'unreadableValue', 'subtotalMismatch', 'totalMismatch', 'unmatchedItem', 'missingItem', 'footnoteMissing', 'inconsistency', 'unknownTable', 'missingPlanField', 'unlinkedTarget']);

/** A place in the document: its line, and for a table cell its table, row and column (1-based). */
export const ImportSource = z.object({
  line: z.number().int(),
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  column: z.number().int().optional(),
});

export const ImportJsonShape = z.object({
  plan: z.object({
    title: z.string(),
    region: z.string().nullable(),
    periodStart: z.number().int().nullable(),
    periodEnd: z.number().int().nullable(),
    baseYear: z.number().int().nullable(),
    targetYears: z.array(z.number().int()),
  }),
  frameworks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      matched: z.string().nullable().describe('the built-in framework the table was recognised as, or null: the plan’s own'),
      indicators: z.array(
        z.object({
          number: z.string(),
          part: z.string().nullable(),
          name: z.string(),
          unit: z.string().nullable(),
          attribute: z.string().nullable(),
          baseline: z.object({ year: z.number().int(), printed: z.string() }).nullable(),
          targets: z.array(z.object({ year: z.number().int(), printed: z.string() })),
          leadUnits: z.array(z.string()),
          source: ImportSource.nullable(),
        }),
      ),
    }),
  ),
  projects: z.array(
    z.object({
      number: z.number().int().nullable(),
      group: z.string(),
      name: z.string(),
      investmentWan: z.number().nullable(),
      period: z.string().nullable(),
      leadUnit: z.string().nullable(),
      source: ImportSource,
    }),
  ),
  statedProjectTotals: z
    .object({
      count: z.number().int(),
      investmentWan: z.number().nullable(),
      groups: z.array(z.object({ name: z.string(), count: z.number().int(), investmentWan: z.number().nullable() })),
    })
    .nullable(),
  tasks: z.array(
    z.object({
      chapter: z.string(),
      section: z.string().nullable(),
      text: z.string(),
      figures: z.array(z.object({ name: z.string().nullable(), printed: z.string(), year: z.number().int().nullable() })),
      source: ImportSource,
    }),
  ),
  findings: z.array(z.object({ kind: FindingKind, message: z.string().describe('Chinese, in the plan office’s words'), source: ImportSource.nullable() })),
});

export const PlanImportSummary = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.enum(['text', 'docx', 'pdf']),
  status: ImportStatus,
  title: z.string(),
  region: z.string().nullable(),
  regionKnown: z.boolean().describe('the region is in the store; else accepting names one or creates it'),
  replaces: z.object({ id: z.string(), title: z.string() }).nullable().describe('the stored plan a revised document replaces'),
  planId: z.string().nullable().describe('the plan that landed (accepted)'),
  createdBy: z.string(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  counts: z.object({ indicators: z.number().int(), frameworks: z.number().int(), projects: z.number().int(), investmentWan: z.number(), tasks: z.number().int(), findings: z.number().int() }),
  lineCount: z.number().int(),
  edits: z.number().int().describe('corrections made so far'),
});
export type PlanImportSummary = z.infer<typeof PlanImportSummary>;

export const PlanDifference = z.object({
  area: z.enum(['plan', 'indicator', 'project', 'task']),
  change: z.enum(['added', 'removed', 'changed']),
  label: z.string(),
  field: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const RegionChoice = z.object({ name: z.string(), level: z.string(), parent: z.string().nullable() });

export const PlanImportDetail = PlanImportSummary.extend({
  extraction: ImportJsonShape,
  differences: z.array(PlanDifference).nullable().describe('against the stored plan it replaces; null for a new plan'),
  regions: z.array(RegionChoice).describe('the regions the reviewer may choose or create under'),
});
export type PlanImportDetail = z.infer<typeof PlanImportDetail>;

export const PlanImportLines = z.object({ from: z.number().int(), to: z.number().int(), total: z.number().int(), lines: z.array(z.string()) });

export const FieldEditShape = z.strictObject({
  kind: z.enum(['planField', 'indicator', 'project', 'task']),
  field: z.string().describe('planField: title, region, periodStart, periodEnd, baseYear, targetYears; indicator: name, unit, baseline, target, leadUnits; project: name, group, investmentWan, period, leadUnit; task: text'),
  value: z.string().describe('as typed; empty clears a baseline, target, unit or investment'),
  framework: z.string().optional().describe('indicator: the framework id the extraction shows'),
  number: z.string().optional(),
  part: z.string().nullable().optional(),
  year: z.number().int().optional().describe('indicator target: its year'),
  index: z.number().int().optional().describe('project or task: its place in the extraction’s list, 0-based'),
});
export const EditBody = z.strictObject({ edits: z.array(FieldEditShape) });
export const AcceptBody = z.strictObject({
  region: z.string().optional().describe('an existing district or county, when the document names none the store has'),
  newRegion: z.strictObject({ name: z.string(), parent: z.string() }).optional().describe('a new 区县 to create under an existing region'),
});
export const UploadQuery = z.strictObject({ name: z.string().optional().describe('the file’s name (its ending tells the format)') });
export const ListQuery = z.strictObject({ status: ImportStatus.optional() });

export const Accepted = z.object({
  planId: z.string(),
  title: z.string(),
  region: z.string(),
  replaced: z.boolean().describe('a stored plan’s document rows were replaced; entries made since are kept'),
  frameworks: z.number().int(),
  indicators: z.number().int(),
  projects: z.number().int(),
  investmentWan: z.number(),
  tasks: z.number().int(),
  keptFigures: z.number().int().describe('document figures not stored: the region already holds a figure for that indicator and year'),
});

export type ImportJsonShape = z.infer<typeof ImportJsonShape>;
export type PlanDifference = z.infer<typeof PlanDifference>;
export type PlanImportLines = z.infer<typeof PlanImportLines>;
export type Accepted = z.infer<typeof Accepted>;
export type RegionChoice = z.infer<typeof RegionChoice>;
export type FieldEditShape = z.infer<typeof FieldEditShape>;
