// 报警 (early warning of pollution sources, src/store/alarms.ts): the alarms of a plan's region with their
// lifecycle and the work item each was dispatched as; a step of the lifecycle; the rules of dispatch. Kinds,
// states and assignees are keys; the web shows them in words.
import { z } from 'zod';

export const AlarmKind = z.enum(['exceedance', 'stuck', 'zero', 'negative', 'outOfRange', 'silent', 'lowTransmission']);
export const AlarmState = z.enum(['raised', 'acknowledged', 'handling', 'closed']);
export const AlarmRuleKind = z.enum(['*', ...AlarmKind.options]);
export const Assignee = z.enum(['responsibleUnit', 'grid', 'unit']);

export const AlarmStep = z.object({
  from: AlarmState,
  to: AlarmState,
  actor: z.string(),
  at: z.string().describe('ISO time'),
  note: z.string().nullable(),
});

export const AlarmItem = z.object({
  id: z.number().int(),
  source: z.string().describe('the enterprise'),
  outlet: z.string(),
  pollutant: z.string().nullable().describe('HJ 212 code; null for the device as a whole'),
  pollutantName: z.string().nullable().describe('as the discharge permit names it'),
  kind: AlarmKind,
  state: AlarmState,
  raisedAt: z.string().describe('ISO time'),
  lastSeenAt: z.string().describe('ISO time the condition was last found'),
  reason: z.string().describe('in words, with its figures'),
  clearCandidate: z.boolean().describe('not seen for a while: may be closed'),
  workItem: z.object({ leadUnit: z.string(), deadline: z.string(), status: z.enum(['notStarted', 'inProgress', 'done']) }).nullable(),
  dispatchNote: z.string().nullable().describe('why no work item was made'),
  history: z.array(AlarmStep),
});
export type AlarmItem = z.infer<typeof AlarmItem>;

export const AlarmList = z.object({
  alarms: z.array(AlarmItem),
  /** the highest alarm id of the region: ask for later ones with ?after= */
  latest: z.number().int(),
});
export type AlarmList = z.infer<typeof AlarmList>;

export const AlarmStepBody = z
  .object({
    to: AlarmState.exclude(['raised']),
    note: z.string().max(5000).nullable().optional().describe('at most 5,000 characters, as every text field (LIMITS.textChars)'),
  })
  .strict();
export type AlarmStepBody = z.infer<typeof AlarmStepBody>;

export const AlarmRule = z.object({
  kind: AlarmRuleKind,
  assignee: Assignee,
  unitName: z.string().nullable(),
  deadlineDays: z.number().int(),
});
export const AlarmRules = z.array(AlarmRule);

export const AlarmRuleBody = z
  .object({
    kind: AlarmRuleKind,
    assignee: Assignee,
    unitName: z.string().max(200).nullable().optional(),
    deadlineDays: z.number().int(),
  })
  .strict();
export type AlarmRuleBody = z.infer<typeof AlarmRuleBody>;
