// The years a plan can be assessed for: its base year, its target years and the years in between.
import type { PlanSummary } from '../api/types.ts';

export function planYears(plan: Pick<PlanSummary, 'baseYear' | 'targetYears'>): number[] {
  const marks = [...(plan.baseYear !== null ? [plan.baseYear] : []), ...plan.targetYears];
  if (marks.length === 0) return [];
  const from = Math.min(...marks);
  const to = Math.max(...marks);
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/** The base year, or the first target year when the plan has none. */
export function defaultYear(plan: Pick<PlanSummary, 'baseYear' | 'targetYears'>): number | undefined {
  return plan.baseYear ?? plan.targetYears[0];
}
