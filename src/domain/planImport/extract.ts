// Reading a plan document into data: the parts put together. Pure: the readers (src/exchange/planDocument)
// give the document, this gives what a person then reviews; nothing is stored here.
import type { FrameworkFile, IndicatorDataFile, PlanFile } from '../../data/schema.ts';
import { t } from '../../i18n/index.ts';
import type { PlanDocument } from './document.ts';
import { matchFramework, normaliseName } from './frameworkMatch.ts';
import { extractIndicators } from './indicators.ts';
import { extractPlanInfo } from './planInfo.ts';
import { extractProjects } from './projects.ts';
import { extractProseTargets } from './proseTargets.ts';
import { extractTasks } from './tasks.ts';
import type { ExtractContext, ExtractedFramework, ExtractedPlan, Finding, ProseTarget } from './types.ts';

/** The id an imported plan is proposed under: stable for one document id, lower-case and hyphenated. */
export function proposedPlanId(documentId: string): string {
  const slug = documentId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `plan-${slug || 'import'}`;
}

/** The document's name without its folder and extension, for a plan whose title the document does not print. */
function bareName(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

export function extractPlan(doc: PlanDocument, ctx: ExtractContext): ExtractedPlan {
  const findings: Finding[] = [];
  const planId = proposedPlanId(ctx.documentId);
  const info = extractPlanInfo(doc, ctx);
  findings.push(...info.findings);
  const indicators = extractIndicators(doc, ctx, info.value, planId);
  findings.push(...indicators.findings);
  const projects = extractProjects(doc, ctx, planId);
  findings.push(...projects.findings);
  const tasks = extractTasks(doc, ctx, planId);
  findings.push(...tasks.findings);
  const prose = extractProseTargets(doc, ctx, indicators.value.frameworks);
  const frameworks = [...indicators.value.frameworks];
  const own = indicators.value.frameworks.length === 0 ? frameworkFromProse(prose.value, ctx, planId, doc.name) : null;
  if (own) {
    frameworks.push(own);
    // the targets became the plan's own indicators: they are linked, not "unlinked"
    findings.push(...prose.findings.filter((f) => f.kind !== 'unlinkedTarget'));
  } else findings.push(...prose.findings);

  findings.push(...sameQuantityDiffers(frameworks));
  const missing = (field: string) => findings.push({ kind: 'missingPlanField', message: t('planImport.missing', { field: t(`planImport.field.${field}`) }), source: null });
  const v = info.value;
  if (!v.title) missing('title');
  if (!v.region) missing('region');
  if (!v.period) missing('period');
  if (v.targetYears.length === 0) missing('targetYears');
  const title = v.title ?? bareName(doc.name);
  const plan: PlanFile = {
    id: planId,
    title,
    region: v.region ?? '',
    ...(v.scope ? { scope: v.scope } : {}),
    ...(v.issuer ? { issuer: v.issuer } : {}),
    period: v.period ?? { start: 0, end: 0 },
    ...(v.baseYear !== null ? { baseYear: v.baseYear } : {}),
    targetYears: v.targetYears,
    ...(v.targetYearsSource ? { targetYearsSource: { document: ctx.documentId, ...v.targetYearsSource } } : {}),
    document: { id: ctx.documentId, file: bareFile(doc.name), title },
    frameworks: frameworks.map((f) => f.matched ?? f.framework.id),
    ...(v.office ? { office: { unit: v.office.unit, printed: v.office.printed, source: { document: ctx.documentId, ...v.office.source } } } : {}),
    ...(indicators.value.statedSummaries.length > 0 ? { statedSummaries: indicators.value.statedSummaries } : {}),
  };
  return {
    document: { id: ctx.documentId, name: doc.name, format: doc.format },
    plan,
    frameworks,
    projects: projects.value,
    tasks: tasks.value,
    proseTargets: prose.value,
    findings,
  };
}

/** A unit the printed target states a level in (达到72%以上, 达到127平方公里); none for a change (累计下降16%) or a word. */
const LEVEL_UNIT = /(?:达到|突破|保持|不低于|不少于|超过|控制在)[^\d]{0,4}[\d.]+\s*(%|％|亿元|万元|平方公里|公顷|万吨|吨)/;

/**
 * A plan that states its targets only in running text (a 行动方案 or its 解读: "具体目标是到2027年，森林覆盖率达到72%以上，…")
 * has them as its indicators: one item per target, in the order printed, with the unit a level is stated in. It is
 * recognised as a built-in framework when its items are that framework's (the same names in the same order).
 */
function frameworkFromProse(targets: ProseTarget[], ctx: ExtractContext, planId: string, docName: string): ExtractedFramework | null {
  const stated = targets.filter((x) => x.year !== null);
  if (stated.length === 0) return null;
  const src = (x: ProseTarget) => ({ document: ctx.documentId, ...x.source });
  const framework: FrameworkFile = {
    id: `${planId}-targets`,
    name: bareName(docName),
    version: String(Math.min(...stated.map((x) => x.year!))),
    source: src(stated[0]!),
    indicators: stated.map((x, i) => {
      const unit = LEVEL_UNIT.exec(x.printed)?.[1]?.replace('％', '%');
      return { number: String(i + 1), name: x.name, ...(unit ? { unit } : {}), source: src(x) };
    }),
  };
  const match = matchFramework(framework, ctx.builtinFrameworks);
  const data: IndicatorDataFile = {
    plan: planId,
    framework: match?.id ?? framework.id,
    entries: stated.map((x, i) => ({ number: String(i + 1), targets: [{ year: x.year!, printed: x.printed, source: src(x) }] })),
  };
  return { matched: match?.id ?? null, framework, data };
}

/** A printed value that states a bound, not a figure (大于70, ≥95, 85以上): it may agree with a figure inside it. */
const BOUND = /大于|小于|不低于|不高于|以上|以下|超过|[<>≤≥＜＞]/;

/** The first number a printed value states (91.73％ → 91.73; 大于70 → 70), or null. */
const firstNumber = (printed: string): number | null => {
  const m = /-?\d+(?:\.\d+)?/.exec(printed.replace(/【[^】]*】|\[[^\]]*\]/g, ''));
  return m ? Number(m[0]) : null;
};

/**
 * The same quantity printed with different figures for the same year in two tables of one plan (e.g. 91.73％ in one
 * table and 2 in another): each such pair is an inconsistency for the reviewer, never corrected here. The same
 * quantity: items (or parts) of the same name, ignoring width; a bound (大于80) is not compared with a figure.
 */
function sameQuantityDiffers(frameworks: ExtractedFramework[]): Finding[] {
  type Leaf = { fw: ExtractedFramework; number: string; name: string; year: number; printed: string; line: number };
  const leaves = (fw: ExtractedFramework): Leaf[] =>
    fw.data.entries.flatMap((e) => {
      const item = fw.framework.indicators.find((i) => i.number === e.number);
      if (!item) return [];
      const name = e.part ?? item.name;
      return (e.observations ?? []).map((o) => ({ fw, number: e.number, name, year: o.year, printed: o.printed, line: o.source?.line ?? item.source.line }));
    });
  const out: Finding[] = [];
  for (let i = 0; i < frameworks.length; i++)
    for (let j = i + 1; j < frameworks.length; j++) {
      const others = leaves(frameworks[j]!);
      for (const a of leaves(frameworks[i]!)) {
        const x = firstNumber(a.printed);
        if (x === null) continue;
        for (const b of others) {
          if (b.year !== a.year || normaliseName(a.name) !== normaliseName(b.name) || BOUND.test(a.printed) || BOUND.test(b.printed)) continue;
          const y = firstNumber(b.printed);
          if (y === null || y === x) continue;
          out.push({
            kind: 'inconsistency',
            message: t('planImport.sameQuantity', { year: a.year, tableA: a.fw.framework.name, numberA: a.number, tableB: b.fw.framework.name, numberB: b.number, name: a.name, x: a.printed, y: b.printed }),
            source: { line: b.line },
          });
        }
      }
    }
  return out;
}

function bareFile(name: string): string {
  return name.replace(/^.*[\\/]/, '');
}
