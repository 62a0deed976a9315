// Reading a plan document into data: the parts put together. Pure: the readers (src/exchange/planDocument)
// give the document, this gives what a person then reviews; nothing is stored here.
import type { PlanFile } from '../../data/schema.ts';
import { t } from '../../i18n/index.ts';
import type { PlanDocument } from './document.ts';
import { extractIndicators } from './indicators.ts';
import { extractPlanInfo } from './planInfo.ts';
import { extractProjects } from './projects.ts';
import { extractProseTargets } from './proseTargets.ts';
import { extractTasks } from './tasks.ts';
import type { ExtractContext, ExtractedPlan, Finding } from './types.ts';

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
  findings.push(...prose.findings);

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
    frameworks: indicators.value.frameworks.map((f) => f.matched ?? f.framework.id),
    ...(v.office ? { office: { unit: v.office.unit, printed: v.office.printed, source: { document: ctx.documentId, ...v.office.source } } } : {}),
    ...(indicators.value.statedSummaries.length > 0 ? { statedSummaries: indicators.value.statedSummaries } : {}),
  };
  return {
    document: { id: ctx.documentId, name: doc.name, format: doc.format },
    plan,
    frameworks: indicators.value.frameworks,
    projects: projects.value,
    tasks: tasks.value,
    proseTargets: prose.value,
    findings,
  };
}

function bareFile(name: string): string {
  return name.replace(/^.*[\\/]/, '');
}
