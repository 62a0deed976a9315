// Indicator tables: recognised as a built-in framework or read as the plan's own; values, flags, footnotes,
// targets, lead units, stated status; the plan's own achievement analysis. Pure.
// (First version: to be written by the indicators part.)
import type { PlanFile } from '../../data/schema.ts';
import type { PlanDocument } from './document.ts';
import type { ExtractContext, ExtractedFramework, PartResult, PlanInfo } from './types.ts';

export interface IndicatorsResult {
  frameworks: ExtractedFramework[];
  /** the document's own counts/classes/score per framework (plan.yaml statedSummaries) */
  statedSummaries: NonNullable<PlanFile['statedSummaries']>;
}

export function extractIndicators(_doc: PlanDocument, _ctx: ExtractContext, _info: PlanInfo, _planId: string): PartResult<IndicatorsResult> {
  return { value: { frameworks: [], statedSummaries: [] }, findings: [] };
}
