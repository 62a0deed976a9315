// A plan's projects with their roll-ups, and its key tasks, in the public JSON form.
import { rollupProjects } from '../domain/projects.ts';
import type { Queryable } from '../store/db.ts';
import { loadProjects, loadTasks, type TaskRow } from '../store/queries.ts';
import { requirePlan } from './requirePlan.ts';


/** A plan's key tasks as the document sets them out (headings and clauses), with how many clauses. */
export async function planTasks(db: Queryable, planId: string) {
  const plan = await requirePlan(db, planId);
  const tasks = await loadTasks(db, planId);
  const countClauses = (nodes: TaskRow[]): number => nodes.reduce((n, t) => n + (t.kind === 'clause' ? 1 : 0) + countClauses(t.tasks), 0);
  return { plan: plan.id, title: plan.title, clauses: countClauses(tasks), tasks };
}

export async function planProjects(db: Queryable, planId: string) {
  const plan = await requirePlan(db, planId);
  const data = await loadProjects(db, planId);
  const rollup = rollupProjects(data.projects, data.groups, data.stated);
  return {
    plan: plan.id,
    title: plan.title,
    count: rollup.count,
    investmentWan: rollup.investmentWan,
    missingInvestment: rollup.missingInvestment,
    statedCount: rollup.statedCount,
    statedInvestmentWan: rollup.statedInvestmentWan,
    countDifference: rollup.countDifference,
    investmentDifferenceWan: rollup.investmentDifferenceWan,
    approximate: rollup.approximate,
    stated: data.stated,
    groups: rollup.groups.map((g) => ({
      ...g,
      number: data.groups.find((x) => x.name === g.name)?.number ?? null,
      stated: data.groups.find((x) => x.name === g.name)?.stated ?? null,
    })),
    categories: rollup.categories,
    leadUnits: rollup.leadUnits,
    years: rollup.years,
    projects: data.projects,
  };
}
