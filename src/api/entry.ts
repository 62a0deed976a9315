// Data entry: units, the entry sheet, drafts, observations and confirmations (what the web sends and gets).
import { z } from 'zod';
import { EntryProblem } from './common.ts';

/** One value as sent to POST /api/observations (and /check); who and when are the server's. */
export const ObservationInput = z.strictObject({
  plan: z.string(),
  framework: z.string(),
  number: z.string().describe('the item number as printed'),
  part: z.string().optional().describe('the sub-indicator, for a composite indicator'),
  year: z.number().int(),
  printed: z.string().describe('as printed: 96.2, 大于90, 已建立, -'),
  dataYear: z.number().int().optional(),
  flags: z.array(z.enum(['抽样', '代用', '估算', '往年'])).optional(),
  note: z.string().optional(),
  reportingUnit: z.string().optional(),
  source: z.unknown().optional().describe('where the value was read'),
});

/** POST /api/observations, /api/observations/check */
export const ObservationsBody = z.strictObject({ observations: z.array(ObservationInput) });

/** One value as the data-entry page sends it (POST /api/observations, /check, PUT …/drafts). */
export const EntryInput = z.object({
  ...ObservationInput.pick({ plan: true, framework: true, number: true, part: true, year: true, printed: true, note: true }).shape,
  reportingUnit: z.string(),
});
export type EntryInput = z.infer<typeof EntryInput>;

/** PUT /api/plans/{id}/drafts?unit=&year= */
export const DraftBody = z.strictObject({ entries: z.array(z.unknown()) });

/** POST /api/confirmations: who and when are set by the server from the session and the day. */
export const ConfirmationBody = z.strictObject({
  plan: z.string(),
  framework: z.string(),
  number: z.string(),
  year: z.number().int(),
  status: z.enum(['met', 'notMet']).optional(),
  points: z.number().optional(),
  reason: z.string().describe('why the indicator is judged so (shown beside the computed result)'),
});

/** GET /api/plans/{id}/units: a unit that leads indicators of the plan. */
export const ReportingUnit = z.object({
  name: z.string(),
  indicators: z.number().int().describe('how many leaves the unit leads'),
});
export type ReportingUnit = z.infer<typeof ReportingUnit>;

/** One leaf (indicator or sub-indicator) the unit leads. */
export const EntryRow = z.object({
  framework: z.string(),
  frameworkName: z.string(),
  number: z.string(),
  part: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  requirement: z.string().nullable(),
  attribute: z.string().nullable(),
  hint: z.string().describe('what is expected, in Chinese'),
  previous: z.object({ year: z.number().int(), printed: z.string() }).nullable(),
  current: z
    .object({
      printed: z.string(),
      origin: z.string(),
      review: z.enum(['submitted', 'approved', 'returned']).describe('where the figure stands in review'),
      reviewComment: z.string().nullable().describe('the reviewer\'s reason when returned'),
    })
    .nullable(),
});
export type EntryRow = z.infer<typeof EntryRow>;

/** GET /api/plans/{id}/entry?unit=&year= */
export const EntrySheet = z.object({
  plan: z.string(),
  unit: z.string(),
  year: z.number().int(),
  draft: z.object({ entries: z.array(EntryInput), savedAt: z.string() }).nullable(),
  rows: z.array(EntryRow),
});
export type EntrySheet = z.infer<typeof EntrySheet>;

export const Recorded = z.object({ recorded: z.number().int() });
export const Problems = z.object({ problems: z.array(EntryProblem) });
export const SavedAt = z.object({ savedAt: z.string() });
