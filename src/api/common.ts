// Shapes shared by every area of the API. Written once with zod: the server validates with them and
// describes them in its OpenAPI document (src/server/openapi.ts); the web imports their types
// (web/src/api/types.ts, `import type` only, so zod stays out of the web bundle).
import { z } from 'zod';

/** A line of a source document: every figure keeps where it was read. */
export const SourceRef = z.object({
  document: z.string().describe('document id, e.g. 001'),
  line: z.number().int().describe('line number in the transcribed document'),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** An indicator's status against its requirement. */
export const Status = z.enum(['met', 'notMet', 'indeterminate', 'noData', 'notApplicable']);
export type Status = z.infer<typeof Status>;

/** The engine's achievability class of a target. */
export const AchievabilityClass = z.enum(['stable', 'expected', 'uncertain', 'difficult']);
export type AchievabilityClass = z.infer<typeof AchievabilityClass>;

/** A problem of a refused list of observations (0-based index into what was sent). */
export const EntryProblem = z.object({
  index: z.number().int().describe('position in the list that was sent'),
  field: z.string().describe('printed, note, year, part, reportingUnit …'),
  value: z.string(),
  message: z.string().describe('Chinese, as the server words it'),
});
export type EntryProblem = z.infer<typeof EntryProblem>;

/** A problem of a rejected batch or workbook (422 of the tracking routes, /api/progress/check). */
export const BatchProblem = z.object({
  row: z.number().int().describe('1-based: the entry in the request, or the sheet row of a workbook'),
  field: z.string().describe('a field name (physicalPercent), or a column header for a workbook'),
  value: z.string(),
  message: z.string().describe('Chinese, as the server words it'),
});
export type BatchProblem = z.infer<typeof BatchProblem>;

/** Every error answer: a code, a Chinese message, and for refused batches every problem. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('what went wrong, in Chinese, in the plan office\'s words'),
    problems: z
      .array(z.object({ row: z.number().int().optional(), index: z.number().int().optional(), field: z.string(), value: z.string(), message: z.string() }))
      .optional()
      .describe('every problem: row (entry number, or the sheet row for a workbook; index, 0-based, for observations), field (or column), value, message'),
    counting: z.enum(['entry', 'row']).optional().describe('for a refused batch: row numbers count entries of the request (entry) or rows of a sheet (row)'),
    sheet: z.string().nullable().optional().describe('for a refused workbook: the sheet the rows are on'),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** An error answer as the web reads it: every part may be missing. */
export type ApiErrorBody = { error?: { code?: string; message?: string; problems?: EntryProblem[] } };

/** A year, four digits. */
export const Year = z.number().int();
/** A day, YYYY-MM-DD. */
export const Day = z.string().describe('YYYY-MM-DD');
/** A number the store reads from a number or its text (forms send text). */
export const Amount = z.union([z.number(), z.string()]);
