// 信息公开: the public version of a plan's assessment — counts, score, each indicator's value against its
// requirement, the project totals — without internal notes, reasons, confirmations or responsible units.
import type { Locale } from '../i18n/index.ts';
import type { Queryable } from '../store/db.ts';
import { assessPlan } from './assessPlan.ts';
import { planProjects } from './planProjects.ts';

export async function publicSummary(db: Queryable, planId: string, year: number | undefined, locale: Locale = 'zh-CN') {
  const a = await assessPlan(db, planId, year, locale);
  const p = await planProjects(db, planId);
  return {
    plan: a.plan,
    title: a.title,
    region: a.region,
    year: a.year,
    frameworks: a.frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      summary: f.summary,
      applicable: f.applicable,
      met: f.met,
      notMet: f.notMet,
      indeterminate: f.indeterminate,
      noData: f.noData,
      score: f.score,
      maxScore: f.maxScore,
      passScore: f.passScore,
      indicators: f.results.map((r) => ({ number: r.number, name: r.name, unit: r.unit, requirement: r.requirement, value: r.value, status: r.status, statusText: r.statusText })),
    })),
    projects: { count: p.count, investmentWan: p.investmentWan },
  };
}
