// Field-by-field comparison of extracted indicator frameworks (and the plan's stated summaries) with the
// hand-transcribed built-in data in data/. Sources are compared by line only: data/ cites lines.
import type { Catalog } from '../../src/data/load.ts';
import type { FrameworkFile, IndicatorDataFile, PlanFile } from '../../src/data/schema.ts';
import type { ExtractedFramework } from '../../src/domain/planImport/types.ts';

export interface Difference {
  framework: string;
  number: string;
  part?: string;
  field: string;
  expected: unknown;
  actual: unknown;
  reason?: string;
}

export interface Comparison {
  compared: number;
  agreed: number;
  differences: Difference[];
}

/** A difference explained beforehand (a fault of data/ being fixed, a judgement the document leaves to people). */
export interface KnownReason {
  framework: string;
  number: string;
  part?: string;
  /** the start of the field's path */
  field: string;
  reason: string;
}

type Item = FrameworkFile['indicators'][number];
type Entry = IndicatorDataFile['entries'][number];
type Summary = NonNullable<PlanFile['statedSummaries']>[number];

const line = (s: { line: number } | undefined) => s?.line;
const canon = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x));

export function compareIndicators(
  extracted: ExtractedFramework[],
  catalog: Catalog,
  planId: string,
  statedSummaries: Summary[] = [],
  known: KnownReason[] = [],
): Comparison {
  const out: Comparison = { compared: 0, agreed: 0, differences: [] };
  const loaded = catalog.plans.find((p) => p.plan.id === planId);
  if (!loaded) throw new Error(`no built-in plan ${planId}`);
  const check = (framework: string, number: string, part: string | undefined, field: string, expected: unknown, actual: unknown) => {
    if (expected === undefined && actual === undefined) return;
    out.compared++;
    if (canon(expected) === canon(actual)) {
      out.agreed++;
      return;
    }
    const k = known.find((r) => r.framework === framework && r.number === number && (r.part === undefined || r.part === part) && field.startsWith(r.field));
    out.differences.push({ framework, number, ...(part !== undefined ? { part } : {}), field, expected, actual, ...(k ? { reason: k.reason } : {}) });
  };

  loaded.plan.frameworks.forEach((id, position) => {
    const builtin = catalog.frameworks.find((f) => f.id === id);
    if (!builtin) throw new Error(`no built-in framework ${id}`);
    const got = extracted.find((f) => f.matched === id) ?? extracted[position];
    check(id, '', undefined, 'matched', id, got?.matched ?? null);
    if (!got) return;
    // a scored framework's full and passing score
    check(id, '', undefined, 'scoring.maxScore', builtin.scoring?.maxScore, got.framework.scoring?.maxScore);
    check(id, '', undefined, 'scoring.passScore', builtin.scoring?.passScore, got.framework.scoring?.passScore);
    check(id, '', undefined, 'scoring.source.line', line(builtin.scoring?.source), line(got.framework.scoring?.source));
    // the framework's items
    const items = new Map(got.framework.indicators.map((i) => [i.number, i]));
    for (const exp of builtin.indicators) compareItem(id, exp, items.get(exp.number), check);
    for (const act of got.framework.indicators) if (!builtin.indicators.some((i) => i.number === act.number)) check(id, act.number, undefined, 'item', undefined, act.name);
    // the plan's data
    const data = loaded.indicatorData.find((d) => d.framework === id);
    const expEntries = data?.entries ?? [];
    const key = (e: Entry) => `${e.number}/${e.part ?? ''}`;
    const actEntries = new Map(got.data.entries.map((e) => [key(e), e]));
    for (const exp of expEntries) compareEntry(id, exp, actEntries.get(key(exp)), check);
    for (const act of got.data.entries) if (!expEntries.some((e) => key(e) === key(act))) check(id, act.number, act.part, 'entry', undefined, key(act));
  });

  // the stated summaries
  for (const exp of loaded.plan.statedSummaries ?? []) {
    const act = statedSummaries.find((s) => s.framework === exp.framework && s.printed === exp.printed) ?? statedSummaries.find((s) => s.framework === exp.framework);
    const f = (field: string, e: unknown, a: unknown) => check(exp.framework, '', undefined, `statedSummaries.${field}`, e, a);
    f('printed', exp.printed, act?.printed);
    f('year', exp.year, act?.year);
    f('counts', exp.counts, act?.counts);
    f('classes', exp.classes, act?.classes);
    f('score', exp.score, act?.score);
    f('source.line', line(exp.source), line(act?.source));
  }
  for (const act of statedSummaries) {
    if (!(loaded.plan.statedSummaries ?? []).some((s) => s.framework === act.framework)) check(act.framework, '', undefined, 'statedSummaries', undefined, act.printed);
  }
  return out;
}

type Check = (framework: string, number: string, part: string | undefined, field: string, expected: unknown, actual: unknown) => void;

function compareItem(fw: string, exp: Item, act: Item | undefined, check: Check): void {
  const n = exp.number;
  check(fw, n, undefined, 'number', exp.number, act?.number);
  for (const field of ['domain', 'task', 'name', 'unit', 'unitImplied', 'requirement', 'attribute', 'points', 'tiers', 'remark'] as const) {
    check(fw, n, undefined, field, exp[field], act?.[field]);
  }
  check(fw, n, undefined, 'source.line', line(exp.source), line(act?.source));
  check(fw, n, undefined, 'applicability.only', exp.applicability?.only, act?.applicability?.only);
  check(fw, n, undefined, 'applicability.printed', exp.applicability?.printed, act?.applicability?.printed);
  check(fw, n, undefined, 'applicability.source.line', line(exp.applicability?.source), line(act?.applicability?.source));
  const ev = exp.variants ?? [];
  const av = act?.variants ?? [];
  check(fw, n, undefined, 'variants.count', ev.length || undefined, av.length || undefined);
  ev.forEach((v, i) => {
    const a = av[i];
    check(fw, n, undefined, `variants[${i}].when`, v.when, a?.when);
    check(fw, n, undefined, `variants[${i}].requirement`, v.requirement, a?.requirement);
    check(fw, n, undefined, `variants[${i}].tiers`, v.tiers, a?.tiers);
    check(fw, n, undefined, `variants[${i}].source.line`, line(v.source), line(a?.source));
  });
  const ep = exp.parts ?? [];
  const ap = act?.parts ?? [];
  check(fw, n, undefined, 'parts.count', ep.length || undefined, ap.length || undefined);
  ep.forEach((p, i) => {
    const a = ap[i];
    check(fw, n, p.name, 'part.name', p.name, a?.name);
    for (const field of ['unit', 'requirement', 'points', 'tiers'] as const) check(fw, n, p.name, `part.${field}`, p[field], a?.[field]);
    check(fw, n, p.name, 'part.source.line', line(p.source), line(a?.source));
  });
}

function compareEntry(fw: string, exp: Entry, act: Entry | undefined, check: Check): void {
  const n = exp.number;
  const p = exp.part;
  check(fw, n, p, 'entry', `${n}/${p ?? ''}`, act ? `${act.number}/${act.part ?? ''}` : undefined);
  check(fw, n, p, 'leadUnits', exp.leadUnits, act?.leadUnits);
  const eo = exp.observations ?? [];
  const ao = act?.observations ?? [];
  check(fw, n, p, 'observations.count', eo.length || undefined, ao.length || undefined);
  for (const o of eo) {
    const a = ao.find((x) => x.year === o.year);
    const f = `observations[${o.year}]`;
    check(fw, n, p, `${f}.printed`, o.printed, a?.printed);
    check(fw, n, p, `${f}.source.line`, line(o.source), line(a?.source));
    check(fw, n, p, `${f}.dataYear`, o.dataYear, a?.dataYear);
    check(fw, n, p, `${f}.flags`, o.flags ? [...o.flags].sort() : undefined, a?.flags ? [...a.flags].sort() : undefined);
    check(fw, n, p, `${f}.footnote.mark`, o.footnote?.mark, a?.footnote?.mark);
    check(fw, n, p, `${f}.footnote.printed`, o.footnote?.printed, a?.footnote?.printed);
    check(fw, n, p, `${f}.footnote.source.line`, line(o.footnote?.source), line(a?.footnote?.source));
    check(fw, n, p, `${f}.correction`, o.correction?.printed, a?.correction?.printed);
  }
  check(fw, n, p, 'statedStatus.year', exp.statedStatus?.year, act?.statedStatus?.year);
  check(fw, n, p, 'statedStatus.printed', exp.statedStatus?.printed, act?.statedStatus?.printed);
  check(fw, n, p, 'statedStatus.source.line', line(exp.statedStatus?.source), line(act?.statedStatus?.source));
  check(fw, n, p, 'statedScore.year', exp.statedScore?.year, act?.statedScore?.year);
  check(fw, n, p, 'statedScore.points', exp.statedScore?.points, act?.statedScore?.points);
  check(fw, n, p, 'statedScore.source.line', line(exp.statedScore?.source), line(act?.statedScore?.source));
  const et = exp.targets ?? [];
  const at = act?.targets ?? [];
  check(fw, n, p, 'targets.count', et.length || undefined, at.length || undefined);
  for (const tg of et) {
    const a = at.find((x) => x.year === tg.year);
    check(fw, n, p, `targets[${tg.year}].printed`, tg.printed, a?.printed);
    check(fw, n, p, `targets[${tg.year}].source.line`, line(tg.source), line(a?.source));
  }
  const es = exp.statedAchievability;
  const as = act?.statedAchievability;
  check(fw, n, p, 'statedAchievability.printed', es?.printed, as?.printed);
  check(fw, n, p, 'statedAchievability.class', es?.class, as?.class);
  check(fw, n, p, 'statedAchievability.year', es?.year, as?.year);
  check(fw, n, p, 'statedAchievability.commitment', es?.commitment, as?.commitment);
  check(fw, n, p, 'statedAchievability.source.line', line(es?.source), line(as?.source));
}
