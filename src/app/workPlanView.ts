// The annual work plan of a plan: items with how each stands, their updates and supervision notices.
import { timelinessOf } from '../domain/workPlan.ts';
import { todayInChina } from '../store/batch.ts';
import type { Queryable } from '../store/db.ts';
import { loadNotices, loadTaskUpdates, loadWorkItems } from '../store/workPlan.ts';
import { requirePlan } from './requirePlan.ts';

export async function workPlan(db: Queryable, planId: string, opts: { year?: number; asOf?: string } = {}) {
  const plan = await requirePlan(db, planId);
  const asOf = opts.asOf ?? todayInChina();
  const items = await loadWorkItems(db, planId, opts.year);
  const updates = await loadTaskUpdates(db, planId);
  const notices = await loadNotices(db, planId);
  const rows = items.map((i) => ({
    ...i,
    timeliness: timelinessOf(i, asOf),
    updates: updates.filter((u) => u.workItemId === i.id),
    notices: notices.filter((n) => n.workItemId === i.id),
  }));
  const count = (k: string) => rows.filter((r) => r.timeliness === k).length;
  const years = (await db.query<{ year: number }>('SELECT DISTINCT year FROM work_items WHERE plan_id = $1 ORDER BY year', [planId])).rows.map((r) => r.year);
  return {
    plan: plan.id,
    title: plan.title,
    asOf,
    year: opts.year ?? null,
    years,
    counts: { items: rows.length, onTime: count('onTime'), late: count('late'), overdue: count('overdue'), pending: count('pending') },
    openNotices: notices.filter((n) => n.reply === null && rows.some((r) => r.id === n.workItemId)).length,
    items: rows,
  };
}
