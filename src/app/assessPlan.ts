// Assess a plan from the store: the engine's results in the public JSON form (see README "JSON forms").
import { assessFramework, compileFramework, type ItemResult, type LeafResult } from '../domain/assess.ts';
import type { AchievabilityClass } from '../domain/types.ts';
import { formatMessage, t, type Locale } from '../i18n/index.ts';
import type { Queryable } from '../store/db.ts';
import { loadAssessmentInputs, type AssessmentScope, type StatedSummary } from '../store/queries.ts';
import { explainRequirement } from './explain.ts';
import { requirePlan } from './requirePlan.ts';

export { UnknownPlanError } from './requirePlan.ts';

const CLASS_ZH: Record<AchievabilityClass, string> = {
  stable: '稳定达标',
  expected: '预计可达标',
  uncertain: '不确定',
  difficult: '达标难度较大',
};
const CLASS_FROM_ZH = Object.fromEntries(Object.entries(CLASS_ZH).map(([k, v]) => [v, k])) as Record<string, AchievabilityClass>;

export function classFromChinese(zh: string): AchievabilityClass | undefined {
  return CLASS_FROM_ZH[zh];
}

function leafJson(l: LeafResult, locale: Locale) {
  const o = l.observation;
  return {
    part: l.part ?? null,
    status: l.status,
    statusText: t(`status.${l.status}`, {}, locale),
    reason: formatMessage(l.reason, locale),
    value: l.value,
    requirement: l.requirement,
    requirementParsed: l.parsed ?? null,
    requirementExplained: explainRequirement(l.parsed, l.unit, locale),
    points: l.points ? l.points.points : null,
    pointsRange: l.points ? [l.points.min, l.points.max] : null,
    maxPoints: l.maxPoints ?? null,
    observation: o
      ? {
          year: o.year,
          printed: o.printed,
          dataYear: o.dataYear ?? null,
          flags: o.flags,
          footnote: o.footnote ?? null,
          correction: o.correction ? { printed: o.correction.printed, reason: o.correction.reason, source: o.correction.source ?? null } : null,
          source: o.source ?? null,
        }
      : null,
    target: l.target ?? null,
    stated: {
      status: l.stated?.statedStatus ?? null,
      score: l.stated?.statedScore ?? null,
      achievability: l.stated?.statedAchievability ?? null,
    },
    achievability: achievabilityJson(l, locale),
  };
}

function achievabilityJson(r: Pick<ItemResult | LeafResult, 'achievability'> & { stated?: LeafResult['stated'] }, locale: Locale) {
  const a = r.achievability;
  const stated = r.stated?.statedAchievability;
  if (!a && !stated) return null;
  const statedClass = stated?.class ? classFromChinese(stated.class) : undefined;
  return {
    class: a?.class ?? null,
    classText: a ? t(`class.${a.class}`, {}, locale) : null,
    reason: a ? formatMessage(a.reason, locale) : null,
    figures: a?.figures ?? null,
    stated: stated
      ? {
          printed: stated.printed,
          class: statedClass ?? null,
          classText: stated.class ?? null,
          year: stated.year ?? null,
          commitment: stated.commitment ?? null,
          source: stated.source ?? null,
        }
      : null,
    /** true when the document states a class and it differs from the engine's */
    differs: statedClass !== undefined && a !== undefined ? statedClass !== a.class : null,
  };
}

function leafProvenance(l: ReturnType<typeof leafJson>) {
  return { observation: l.observation, target: l.target, stated: l.stated };
}

function itemJson(i: ItemResult, locale: Locale) {
  const parts = i.parts?.map((p) => leafJson(p, locale));
  const statedAchievability = i.parts ? i.parts.find((p) => p.stated?.statedAchievability)?.stated : i.leaf.stated;
  return {
    number: i.number,
    name: i.name,
    domain: i.domain ?? null,
    task: i.task ?? null,
    unit: i.unit ?? null,
    attribute: i.attribute ?? null,
    status: i.status,
    statusText: t(`status.${i.status}`, {}, locale),
    computedStatus: i.computedStatus,
    reason: formatMessage(i.reason, locale),
    value: i.value,
    requirement: i.requirement,
    requirementParsed: i.parts ? null : (i.leaf.parsed ?? null),
    requirementExplained: i.parts ? null : explainRequirement(i.leaf.parsed, i.leaf.unit, locale),
    leadUnits: i.leadUnits,
    points: i.points ? i.points.points : null,
    pointsRange: i.points ? [i.points.min, i.points.max] : null,
    maxPoints: i.maxPoints ?? null,
    confirmation: i.confirmation ?? null,
    achievability: achievabilityJson({ achievability: i.achievability, ...(statedAchievability ? { stated: statedAchievability } : {}) }, locale),
    ...(parts ? { parts } : leafProvenance(leafJson(i.leaf, locale))),
  };
}

function summarySentence(
  locale: Locale,
  region: string,
  name: string,
  a: { year: number; applicable: number; met: number; notMet: number; indeterminate: number; noData: number },
): string {
  let rest = '';
  if (a.indeterminate > 0) rest += t('summary.rest.indeterminate', { n: a.indeterminate }, locale);
  if (a.noData > 0) rest += t('summary.rest.noData', { n: a.noData }, locale);
  return t('summary.national', { year: a.year, region, framework: name, applicable: a.applicable, met: a.met, notMet: a.notMet, rest }, locale);
}

export type PlanAssessment = Awaited<ReturnType<typeof assessPlan>>;

export async function assessPlan(db: Queryable, planId: string, year: number | undefined, locale: Locale = 'zh-CN', scope: AssessmentScope = {}) {
  await requirePlan(db, planId); // an unknown plan is an error naming the plans there are
  const inputs = (await loadAssessmentInputs(db, planId, scope))!;
  const { plan, region } = inputs;
  const y = year ?? plan.baseYear ?? plan.targetYears[0]!;
  const frameworks = inputs.frameworks.map(({ framework, data, confirmations }) => {
    const compiled = compileFramework(framework.def, region);
    const a = assessFramework(compiled, data, { year: y, targetYears: plan.targetYears, confirmations });
    const stated: StatedSummary[] = plan.statedSummaries.filter((s) => s.framework === framework.def.id && (s.year === undefined || s.year === y));
    const classes: Record<AchievabilityClass, number> = a.classes;
    return {
      id: a.id,
      name: a.name,
      version: framework.version,
      applicable: a.applicable,
      met: a.met,
      notMet: a.notMet,
      indeterminate: a.indeterminate,
      noData: a.noData,
      notApplicable: a.notApplicable,
      confirmed: a.confirmed,
      score: a.score ? a.score.score : null,
      scoreRange: a.score ? [a.score.min, a.score.max] : null,
      maxScore: a.score ? a.score.maxScore : null,
      passScore: a.score ? a.score.passScore : null,
      passed: a.score ? a.score.passed : null,
      classes,
      summary: a.score
        ? a.score.score !== null
          ? t('summary.score', { year: y, framework: a.name, score: a.score.score, max: a.score.maxScore, pass: a.score.passScore, verdict: t(a.score.passed ? 'summary.passed' : 'summary.failed', {}, locale) }, locale)
          : t('summary.scoreRange', { year: y, framework: a.name, min: a.score.min, max: a.score.max, maxScore: a.score.maxScore, pass: a.score.passScore }, locale)
        : summarySentence(locale, plan.region, a.name, a),
      stated: stated.map((s) => ({ ...s, classes: s.classes ?? null, counts: s.counts ?? null, score: s.score ?? null })),
      deductions: a.score
        ? a.items
            .filter((i) => i.maxPoints !== undefined && i.points && i.points.points !== null && i.points.points < i.maxPoints)
            .map((i) => ({ number: i.number, name: i.name, points: i.points!.points, maxPoints: i.maxPoints!, lost: i.maxPoints! - (i.points!.points ?? 0) }))
        : [],
      results: a.items.map((i) => itemJson(i, locale)),
    };
  });
  // approved revisions of published figures: the value in force is the revised one; the report shows both
  const revised = await db.query<{ framework_id: string; number: string; part: string; old_printed: string; new_printed: string; reason: string; submitted_by: string; reviewed_by: string | null }>(
    `SELECT i.framework_id, i.number, r.part, r.old_printed, r.new_printed, r.reason, r.submitted_by, r.reviewed_by
     FROM observation_revisions r JOIN indicators i ON i.id = r.indicator_id
     WHERE r.plan_id = $1 AND r.year = $2 AND r.state = 'approved' ORDER BY r.id`,
    [plan.id, y],
  );
  return {
    plan: plan.id,
    title: plan.title,
    region: plan.region,
    year: y,
    frameworks: frameworks.map((f) => ({
      ...f,
      revisions: revised.rows
        .filter((r) => r.framework_id === f.id)
        .map((r) => ({ number: r.number, part: r.part || null, previous: r.old_printed, printed: r.new_printed, reason: r.reason, by: r.submitted_by, approvedBy: r.reviewed_by })),
    })),
  };
}
