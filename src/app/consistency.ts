// The plan consistency check (规划一致性检查) from the store: the whole plan read at once, findings with their lines.
import { assessFramework, compileFramework, leafKey, type ItemDef, type ItemResult, type LeafData, type LeafResult } from '../domain/assess.ts';
import {
  checkConsistency,
  FINDING_KINDS,
  SEVERITY,
  type FrameworkCheckInput,
  type IndicatorCheckInput,
  type PartCheckInput,
  type TaskCheckInput,
} from '../domain/consistency.ts';
import { formatMessage, t, type Locale } from '../i18n/index.ts';
import type { Source } from '../domain/types.ts';
import type { Queryable } from '../store/db.ts';
import { loadAssessmentInputs, loadProjects, loadTasks, type TaskRow } from '../store/queries.ts';
import { requirePlan } from './requirePlan.ts';

/** The value judged in the year: a documented correction of a misprint replaces the printed figure, citing both lines. */
function judgedValue(l: LeafResult): Pick<PartCheckInput, 'status' | 'value' | 'valueLines' | 'requirement'> {
  const o = l.observation;
  const valueLines = [o?.source, o?.correction?.source].filter((s): s is Source => s !== undefined);
  return { status: l.status, value: o?.correction?.printed ?? l.value, requirement: l.requirement, valueLines };
}

function indicatorInput(def: ItemDef, data: Map<string, LeafData>, result: ItemResult): IndicatorCheckInput {
  const leafOf = (part?: string) => data.get(leafKey(def.number, part));
  const partResult = (name: string) => result.parts?.find((p) => p.part === name);
  return {
    number: def.number,
    name: def.name,
    ...(def.source ? { source: def.source } : {}),
    ...(def.unit ? { unit: def.unit } : {}),
    ...(def.applicability ? { applicability: def.applicability.only } : {}),
    ...judgedValue(result.leaf),
    status: result.status,
    leadUnits: leafOf()?.leadUnits ?? [],
    parts: (def.parts ?? []).map((p) => {
      const r = partResult(p.name);
      return {
        name: p.name,
        ...(p.source ? { source: p.source } : {}),
        ...(p.unit ? { unit: p.unit } : {}),
        ...(r ? judgedValue(r) : {}),
        leadUnits: leafOf(p.name)?.leadUnits ?? [],
      };
    }),
    observations: [undefined, ...(def.parts ?? []).map((p) => p.name)].flatMap((part) =>
      (leafOf(part)?.observations ?? []).map((o) => ({
        year: o.year,
        printed: o.printed,
        flags: o.flags,
        ...(part ? { part } : {}),
        ...(o.dataYear !== undefined ? { dataYear: o.dataYear } : {}),
        ...(o.footnote ? { footnote: o.footnote } : {}),
        ...(o.source ? { source: o.source } : {}),
        ...(o.correction ? { corrected: o.correction.printed } : {}),
      })),
    ),
  };
}

function flattenTasks(nodes: TaskRow[]): TaskCheckInput[] {
  return nodes.flatMap((n) => [
    { indicators: n.indicators, source: n.source },
    ...flattenTasks(n.tasks),
  ]);
}

/** "文件001第1742、1745行": the lines of a finding, grouped by document. */
export function linesText(lines: Source[], locale: Locale): string {
  const byDocument = new Map<string, number[]>();
  for (const l of lines) byDocument.set(l.document, [...(byDocument.get(l.document) ?? []), l.line]);
  const sep = t('consistency.lineSeparator', {}, locale);
  return [...byDocument].map(([document, numbers]) => t('consistency.lineRef', { document, lines: numbers.join(sep) }, locale)).join(sep);
}

export type PlanConsistency = Awaited<ReturnType<typeof planConsistency>>;

/** Reads the plan's frameworks, values, lead units, projects, stated totals and tasks, assesses the year, and checks. */
export async function planConsistency(db: Queryable, planId: string, year: number | undefined, locale: Locale = 'zh-CN') {
  const plan = await requirePlan(db, planId);
  const inputs = (await loadAssessmentInputs(db, planId))!;
  const y = year ?? plan.baseYear ?? plan.targetYears[0]!;
  const frameworks: FrameworkCheckInput[] = inputs.frameworks.map(({ framework, data, confirmations }) => {
    const a = assessFramework(compileFramework(framework.def, inputs.region), data, { year: y, targetYears: plan.targetYears, confirmations });
    return {
      id: framework.def.id,
      name: framework.def.name,
      indicators: framework.def.indicators.map((def, i) => indicatorInput(def, data, a.items[i]!)),
    };
  });
  const projects = await loadProjects(db, planId);
  const tasks = flattenTasks(await loadTasks(db, planId));
  const findings = checkConsistency({
    year: y,
    period: { start: plan.periodStart, end: plan.periodEnd },
    frameworks,
    projects: projects.projects,
    groups: projects.groups,
    stated: projects.stated,
    tasks,
    statements: plan.statements,
  });
  const kindText = (kind: string) => t(`consistency.kind.${kind}`, {}, locale);
  return {
    plan: plan.id,
    title: plan.title,
    region: plan.region,
    year: y,
    total: findings.length,
    /** every check, in report order, with how many findings it made (0: passed) */
    checks: FINDING_KINDS.map((kind) => ({
      kind,
      kindText: kindText(kind),
      severity: SEVERITY[kind],
      severityText: t(`consistency.severity.${SEVERITY[kind]}`, {}, locale),
      count: findings.filter((f) => f.kind === kind).length,
    })),
    findings: findings.map((f) => ({
      kind: f.kind,
      kindText: kindText(f.kind),
      severity: f.severity,
      message: formatMessage(f.message, locale),
      messageKey: f.message.key,
      lines: f.lines,
      linesText: linesText(f.lines, locale),
      subjects: f.subjects,
      figures: f.figures ?? null,
    })),
  };
}
