// Targets stated in running text, linked to an indicator where one matches. Pure.
// (First version: to be written by the plan-content part.)
import type { PlanDocument } from './document.ts';
import type { ExtractContext, ExtractedFramework, PartResult, ProseTarget } from './types.ts';

export function extractProseTargets(_doc: PlanDocument, _ctx: ExtractContext, _frameworks: ExtractedFramework[]): PartResult<ProseTarget[]> {
  return { value: [], findings: [] };
}
