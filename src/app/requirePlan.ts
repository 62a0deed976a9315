// The plan a request names, or an error listing the plans there are.
import type { Queryable } from '../store/db.ts';
import { getPlan, type PlanRow } from '../store/queries.ts';
import { t } from '../i18n/index.ts';

export class UnknownPlanError extends Error {
  constructor(
    readonly plan: string,
    readonly available: string[],
  ) {
    super(t('error.unknownPlan', { plan, available: available.join('、') }));
    this.name = 'UnknownPlanError';
  }
}

export async function requirePlan(db: Queryable, planId: string): Promise<PlanRow> {
  const plan = await getPlan(db, planId);
  if (plan) return plan;
  const r = await db.query<{ id: string }>('SELECT id FROM plans ORDER BY id');
  throw new UnknownPlanError(planId, r.rows.map((x) => x.id));
}
