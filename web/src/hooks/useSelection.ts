// The chosen plan and year: from the hash, else the remembered plan (or the first) and its default year.
// Incomplete addresses are completed in place, so the hash always says what is shown (the tasks and progress
// pages show no year, so only their plan is filled in).
import { useEffect } from 'react';
import type { PlanSummary } from '../api/types.ts';
import { navigate, YEARLESS_PAGES, type Route } from '../lib/route.ts';
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

  const page = route.page === 'notFound' || route.page === 'plans' ? undefined : route.page;
  const withYear = page !== undefined && !YEARLESS_PAGES.includes(page);
  const needsFill = page !== undefined && plan !== undefined && (route.plan !== planId || (withYear && route.year !== year));
  const { unit, framework, number, asOf } = route;
  const filledYear = withYear ? year : route.year;
  useEffect(() => {
    if (needsFill && page) navigate({ page, plan: planId, year: filledYear, unit, framework, number, asOf }, { replace: true });
  }, [needsFill, page, planId, filledYear, unit, framework, number, asOf]);

  useEffect(() => {
    if (plan) writeStored(STORAGE_KEYS.plan, plan.id);
  }, [plan]);

  return { planId, plan, year, unknownPlan };
}
