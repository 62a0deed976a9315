// Key tasks: chapter → section → clause, with the figures and deadlines a clause states. Pure.
// (First version: to be written by the plan-content part.)
import type { TasksFile } from '../../data/schema.ts';
import type { PlanDocument } from './document.ts';
import type { ExtractContext, PartResult } from './types.ts';

export function extractTasks(_doc: PlanDocument, _ctx: ExtractContext, _planId: string): PartResult<TasksFile | null> {
  return { value: null, findings: [] };
}
