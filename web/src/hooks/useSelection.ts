// The chosen plan and year: from the hash, else the remembered plan (or the first) and its default year.
// Incomplete overview/scorecard/entry addresses are completed in place, so the hash always says what is shown.
import { useEffect } from 'react';
import type { PlanSummary } from '../api/types.ts';
import { navigate, type Route } from '../lib/route.ts';
import { STORAGE_KEYS, readStored, writeStored } from '../lib/storage.ts';
import { defaultYear } from '../lib/years.ts';

export interface Selection {
  planId: string | undefined;
  plan: PlanSummary | undefined;
  year: number | undefined;
  /** the hash names a plan the API does not list */
  unknownPlan: boolean;
}

export function useSelection(route: Route, plans: PlanSummary[] | undefined): Selection {
  const remembered = readStored(STORAGE_KEYS.plan);
  let planId = route.plan;
  if (!planId && plans) planId = plans.find((p) => p.id === remembered)?.id ?? plans[0]?.id;
  const plan = plans?.find((p) => p.id === planId);
  const year = route.year ?? (plan ? defaultYear(plan) : undefined);
  const unknownPlan = plans !== undefined && planId !== undefined && plan === undefined;

  const fillable = route.page === 'overview' || route.page === 'scorecard' || route.page === 'entry';
  const needsFill = fillable && plan !== undefined && (route.plan !== planId || route.year !== year);
  useEffect(() => {
    if (needsFill && (route.page === 'overview' || route.page === 'scorecard' || route.page === 'entry'))
      navigate({ page: route.page, plan: planId, year, unit: route.unit }, { replace: true });
  }, [needsFill, route.page, route.unit, planId, year]);

  useEffect(() => {
    if (plan) writeStored(STORAGE_KEYS.plan, plan.id);
  }, [plan]);

  return { planId, plan, year, unknownPlan };
}
