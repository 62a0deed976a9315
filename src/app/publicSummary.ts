// 信息公开: the public version of a plan's assessment — counts, score, each indicator's value against its
// requirement, the project totals — without internal notes, reasons, confirmations or responsible units.
// Published years only, from the figures of published years and the document's own: an unknown plan, a
// plan with nothing published and a year not published all get the same answer.
import { t, type Locale } from '../i18n/index.ts';
import type { Queryable } from '../store/db.ts';
import { assessPlan } from './assessPlan.ts';
import { planProjects } from './planProjects.ts';

/** Nothing published to show (HTTP 404): the same for an unknown plan. */
export class NotPublishedError extends Error {
  constructor(locale: Locale) {
    super(t('access.public.none', {}, locale));
    this.name = 'NotPublishedError';
  }
}

/** The years of a plan whose assessment has been published, in order; none for an unknown plan. */
export async function publishedYears(db: Queryable, planId: string): Promise<number[]> {
  return (await db.query<{ year: number }>('SELECT year FROM publications WHERE plan_id = $1 ORDER BY year', [planId])).rows.map((r) => r.year);
}

export async function publicSummary(db: Queryable, planId: string, year: number | undefined, locale: Locale = 'zh-CN') {
  const years = await publishedYears(db, planId);
  const y = year ?? years.at(-1);
  if (y === undefined || !years.includes(y)) throw new NotPublishedError(locale);
  const a = await assessPlan(db, planId, y, locale, { publishedYears: years });
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
