// The public JSON of a plan import (`ecociv import plan --format json`, the HTTP API): a projection of
// ExtractedPlan in the shape issue #12 set out and docs/plan-import.md documents. Pure.
import type { TaskNode } from '../../data/schema.ts';
import type { ExtractedPlan, FindingKind } from './types.ts';

/** A place in the document: its line, and for a table cell its table, row and column. */
export interface ImportSourceJson {
  line: number;
  table?: number;
  row?: number;
  column?: number;
}

export interface ImportJson {
  plan: { title: string; region: string | null; periodStart: number | null; periodEnd: number | null; baseYear: number | null; targetYears: number[] };
  frameworks: Array<{
    id: string;
    name: string;
    /** the built-in framework the table was recognised as, or null: the plan's own */
    matched: string | null;
    indicators: Array<{
      number: string;
      part: string | null;
      name: string;
      unit: string | null;
      attribute: string | null;
      baseline: { year: number; printed: string } | null;
      targets: Array<{ year: number; printed: string }>;
      leadUnits: string[];
      source: ImportSourceJson | null;
    }>;
  }>;
  projects: Array<{ number: number | null; group: string; name: string; investmentWan: number | null; period: string | null; leadUnit: string | null; source: ImportSourceJson }>;
  statedProjectTotals: { count: number; investmentWan: number | null; groups: Array<{ name: string; count: number; investmentWan: number | null }> } | null;
  tasks: Array<{ chapter: string; section: string | null; text: string; figures: Array<{ name: string | null; printed: string; year: number | null }>; source: ImportSourceJson }>;
  findings: Array<{ kind: FindingKind; message: string; source: ImportSourceJson | null }>;
}

function place(s: { line: number; table?: number | undefined; row?: number | undefined; column?: number | undefined } | null | undefined): ImportSourceJson | null {
  if (!s) return null;
  return { line: s.line, ...(s.table !== undefined ? { table: s.table, ...(s.row !== undefined ? { row: s.row } : {}), ...(s.column !== undefined ? { column: s.column } : {}) } : {}) };
}

const heading = (n: TaskNode) => `${n.number} ${n.title}`.trim();

export function toImportJson(x: ExtractedPlan): ImportJson {
  const p = x.plan;
  const known = p.period.start > 0;
  const frameworks = x.frameworks.map((f) => {
    const entries = new Map(f.data.entries.map((e) => [`${e.number}\u0001${e.part ?? ''}`, e]));
    const indicators: ImportJson['frameworks'][number]['indicators'] = [];
    for (const item of f.framework.indicators) {
      const leaves = item.parts ? item.parts.map((part) => ({ part: part.name as string | null, unit: part.unit ?? item.unit, source: part.source ?? item.source })) : [{ part: null, unit: item.unit, source: item.source }];
      for (const leaf of leaves) {
        const e = entries.get(`${item.number}\u0001${leaf.part ?? ''}`);
        const obs = e?.observations ?? [];
        const base = obs.find((o) => o.year === p.baseYear) ?? obs[0];
        indicators.push({
          number: item.number,
          part: leaf.part,
          name: item.name,
          unit: leaf.unit ?? null,
          attribute: item.attribute ?? null,
          baseline: base ? { year: base.year, printed: base.printed } : null,
          targets: (e?.targets ?? []).map((tg) => ({ year: tg.year, printed: tg.printed })),
          leadUnits: e?.leadUnits ?? [],
          source: place(leaf.source),
        });
      }
    }
    return { id: f.matched ?? f.framework.id, name: f.framework.name, matched: f.matched, indicators };
  });
  const tasks: ImportJson['tasks'] = [];
  const walk = (n: TaskNode, chapter: string, parent: string | null) => {
    for (const c of n.clauses ?? []) {
      tasks.push({
        chapter,
        section: parent,
        text: c.text,
        figures: (c.figures ?? []).map((fg) => ({ name: fg.name ?? null, printed: fg.printed, year: fg.year ?? null })),
        source: place(c.source)!,
      });
    }
    for (const child of n.tasks ?? []) walk(child, chapter, heading(child));
  };
  for (const top of x.tasks?.tasks ?? []) walk(top, heading(top), null);
  const pr = x.projects;
  return {
    plan: { title: p.title, region: p.region || null, periodStart: known ? p.period.start : null, periodEnd: known ? p.period.end : null, baseYear: p.baseYear ?? null, targetYears: p.targetYears },
    frameworks,
    projects: (pr?.projects ?? []).map((q) => ({
      number: q.number ?? null,
      group: q.group,
      name: q.name,
      investmentWan: q.investmentWan,
      period: q.years?.printed ?? null,
      leadUnit: q.leadUnits && q.leadUnits.length > 0 ? q.leadUnits.join('、') : null,
      source: place(q.source)!,
    })),
    statedProjectTotals: pr
      ? {
          count: pr.stated.count,
          investmentWan: pr.stated.investmentWan,
          groups: pr.groups.filter((g) => g.stated).map((g) => ({ name: g.name, count: g.stated!.count, investmentWan: g.stated!.investmentWan })),
        }
      : null,
    tasks,
    findings: x.findings.map((f) => ({ kind: f.kind, message: f.message, source: place(f.source) })),
  };
}
