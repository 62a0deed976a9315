// Project tables, read by their header; groups and subtotals checked against the rows. Pure.
// (First version: to be written by the plan-content part.)
import type { ProjectsFile } from '../../data/schema.ts';
import type { PlanDocument } from './document.ts';
import type { ExtractContext, PartResult } from './types.ts';

export function extractProjects(_doc: PlanDocument, _ctx: ExtractContext, _planId: string): PartResult<ProjectsFile | null> {
  return { value: null, findings: [] };
}
