// The plan's facts: title, region, issuing body, period, base year, target years, office, phases. Pure.
// (First version: to be written by the plan-content part.)
import type { PlanDocument } from './document.ts';
import type { ExtractContext, PartResult, PlanInfo } from './types.ts';

export function extractPlanInfo(_doc: PlanDocument, _ctx: ExtractContext): PartResult<PlanInfo> {
  return { value: { title: null, region: null, period: null, baseYear: null, targetYears: [], phases: [] }, findings: [] };
}
