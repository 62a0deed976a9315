// Plan consistency (规划一致性检查): what does not add up across a plan's indicators, projects, tasks and
// stated totals — the things reviewers find by hand. Every finding cites the lines involved.
import { normalise, parseValue, stripMarks } from './phrase.ts';
import { rollupProjects, type ProjectInput, type StatedTotal } from './projects.ts';
import type { Message, Source, Status, Value } from './types.ts';

/** The checks, in the order a report lists them. */
export const FINDING_KINDS = [
  'projectUnknownIndicator',
  'projectIndicatorVariant',
  'unmetWithoutProject',
  'statedTotalDiffers',
  'indicatorWithoutLeadUnit',
  'footnoteUnresolved',
  'projectOutsidePeriod',
  'duplicateProjectNumber',
  'statedFigureDiffers',
  'statedCountDiffers',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY: Record<FindingKind, Severity> = {
  projectUnknownIndicator: 'warning',
  projectIndicatorVariant: 'info',
  unmetWithoutProject: 'warning',
  statedTotalDiffers: 'error',
  indicatorWithoutLeadUnit: 'warning',
  footnoteUnresolved: 'warning',
  projectOutsidePeriod: 'warning',
  duplicateProjectNumber: 'error',
  statedFigureDiffers: 'warning',
  statedCountDiffers: 'warning',
};

/** What a finding is about. */
export type Subject =
  | { type: 'project'; number: number | null; name: string; group: string }
  | { type: 'indicator'; framework: string; number: string; name: string; part?: string }
  | { type: 'total'; group: string | null }
  | { type: 'footnote'; mark: string };

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  message: Message;
  /** the lines involved, in document order */
  lines: Source[];
  subjects: Subject[];
  /** the figures compared, where the finding is about figures */
  figures?: { stated: number; actual: number; difference: number };
}

export interface ObservationCheckInput {
  year: number;
  printed: string;
  part?: string;
  dataYear?: number;
  flags?: string[];
  footnote?: { mark: string; printed: string; source?: Source };
  source?: Source;
  /** the figure a documented correction of a misprint gives instead of the printed one */
  corrected?: string;
}

/** An indicator or one of its parts: its name and line, how it stands in the assessed year, who leads it. */
export interface PartCheckInput {
  name: string;
  source?: Source;
  /** status in the assessed year; absent when not assessed */
  status?: Status;
  /** the value judged in the year */
  value?: string | null;
  /** where the value judged is printed (and corrected, where a misprint was corrected) */
  valueLines?: Source[];
  requirement?: string | null;
  leadUnits: string[];
  /** the unit as the table prints it */
  unit?: string;
}

export interface IndicatorCheckInput extends PartCheckInput {
  number: string;
  parts: PartCheckInput[];
  /** the item applies only to cities (仅考核市) or only to coastal regions (海域、海岸), as the table marks it */
  applicability?: 'city' | 'coastal';
  /** every observation of the indicator and its parts, any year */
  observations: ObservationCheckInput[];
}

export interface FrameworkCheckInput {
  id: string;
  name: string;
  indicators: IndicatorCheckInput[];
}

export interface ProjectCheckInput extends ProjectInput {
  /** 对应创建指标: the indicators the project says it serves, as printed */
  indicators: string[];
  source?: Source | null;
}

export interface TaskCheckInput {
  indicators: string[];
  source?: Source | null;
}

export interface ConsistencyInput {
  year: number;
  period?: { start: number; end: number } | null;
  frameworks: FrameworkCheckInput[];
  projects: ProjectCheckInput[];
  groups: Array<{ name: string; stated?: StatedTotal | null }>;
  stated?: StatedTotal | null;
  tasks: TaskCheckInput[];
  /** what the plan's prose states about its own tables (a figure of an indicator, a count of items of a kind) */
  statements?: StatementCheckInput[];
}

/** A figure or count the plan's prose states, transcribed beside the sentence that states it. */
export interface StatementCheckInput {
  printed: string;
  source?: Source | null;
  /** the year the stated figure is of */
  year?: number;
  /** a figure for an indicator: the indicator as the sentence names it, the figure and unit as printed (超过18, 平方米) */
  figure?: { name: string; printed: string; unit?: string };
  /** a count of a framework's items: in all, and of those that apply only to cities or only to coastal regions */
  itemCounts?: { framework: string; total?: number; only?: { city?: number; coastal?: number } };
}

// ---------------------------------------------------------------------------------------------------------
// Indicator names as projects and tasks print them

const PUNCTUATION = /[\s、，,。.·・:：;；“”"'‘’()（）〈〉《》<>\-—_/]/g;
const RATIO_SUFFIX = /(比例|比率|占比|比重|率)$/;

/** Width, spaces and punctuation do not make a different name: “城镇污水处理率” = “城镇污水处理率 ”. */
export function normaliseIndicatorName(name: string): string {
  const halfWidth = normalise(name).replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return halfWidth.replace(PUNCTUATION, '');
}

/** The name without its ratio word: 城镇新建绿色建筑比例 and 城镇新建绿色建筑 are the same indicator. */
function nameCore(name: string): string {
  return normaliseIndicatorName(name).replace(RATIO_SUFFIX, '');
}

export interface NamedIndicator {
  framework: FrameworkCheckInput;
  indicator: IndicatorCheckInput;
  part?: PartCheckInput;
  name: string;
}

export type NameMatch = { how: 'exact' | 'variant'; targets: NamedIndicator[] } | undefined;

/** Looks a printed name up among a plan's indicators and their parts: exactly, then as a written variant. */
export class IndicatorNames {
  private readonly exact = new Map<string, NamedIndicator[]>();
  private readonly core = new Map<string, NamedIndicator[]>();

  constructor(frameworks: FrameworkCheckInput[]) {
    for (const framework of frameworks) {
      for (const indicator of framework.indicators) {
        this.add({ framework, indicator, name: indicator.name });
        for (const part of indicator.parts) this.add({ framework, indicator, part, name: part.name });
      }
    }
  }

  private add(n: NamedIndicator): void {
    push(this.exact, n.name, n);
    push(this.core, nameCore(n.name), n);
  }

  /** The indicators the name means: exactly as printed, or else every indicator it is a written variant of. */
  match(printed: string): NameMatch {
    const exact = this.exact.get(printed);
    if (exact) return { how: 'exact', targets: exact };
    const variant = this.core.get(nameCore(printed));
    return variant ? { how: 'variant', targets: variant } : undefined;
  }

  /** Every indicator the name may mean, exact and variant alike (城镇新建绿色建筑比例 serves 城镇新建绿色建筑 too). */
  served(printed: string): NamedIndicator[] {
    return this.core.get(nameCore(printed)) ?? [];
  }

  /** Indicators whose names are similar to the printed one, but not the same. */
  similar(printed: string): NamedIndicator[] {
    return [...this.core.values()].flat().filter((n) => similarName(printed, n.name));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A name that may mean the other: one is the other with characters left out (城镇污水处理率 ⊂ 城镇集中式污水处理率). */
export function similarName(a: string, b: string): boolean {
  const [short, long] = [nameCore(a), nameCore(b)].sort((x, y) => x.length - y.length) as [string, string];
  if (short === long || short.length < 4 || short.length / long.length < 0.6) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

// ---------------------------------------------------------------------------------------------------------
// The checks

const byLine = (a: Source, b: Source) => a.document.localeCompare(b.document) || a.line - b.line;

function lines(...sources: Array<Source | null | undefined>): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of sources) {
    if (!s) continue;
    const key = `${s.document}:${s.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ document: s.document, line: s.line });
  }
  return out.sort(byLine);
}

function finding(kind: FindingKind, key: string, params: Record<string, string | number>, sources: Source[], subjects: Subject[]): Finding {
  return { kind, severity: SEVERITY[kind], message: { key: `consistency.${kind}.${key}`, params }, lines: sources, subjects };
}

const projectSubject = (p: ProjectCheckInput): Subject => ({ type: 'project', number: p.number ?? null, name: p.name, group: p.group });
const indicatorSubject = (n: NamedIndicator): Subject => ({
  type: 'indicator',
  framework: n.framework.id,
  number: n.indicator.number,
  name: n.indicator.name,
  ...(n.part ? { part: n.part.name } : {}),
});
/** A message inside a message's parameters (see i18n expandNested). */
const nested = (key: string, params: Record<string, string | number> = {}): string => `${key}|${JSON.stringify(params)}`;
const projectNumber = (p: ProjectCheckInput): string => (p.number == null ? '—' : String(p.number));
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const figure = (n: number): string => grouped.format(n);
const LIST_SEPARATOR = '、';
const partName = (name: string, part: string): string => nested('consistency.partName', { name, part });

/** Projects naming an indicator the plan does not have; and names that match only as a written variant. */
function checkProjectIndicators(input: ConsistencyInput, names: IndicatorNames): Finding[] {
  const out: Finding[] = [];
  for (const p of input.projects) {
    const unknown: string[] = [];
    const similar = new Set<string>();
    for (const printed of p.indicators) {
      const m = names.match(printed);
      if (!m) {
        unknown.push(printed);
        for (const n of names.similar(printed)) similar.add(n.name);
        continue;
      }
      if (m.how === 'variant') {
        const target = m.targets[0]!;
        out.push(
          finding(
            'projectIndicatorVariant',
            'message',
            {
              number: projectNumber(p),
              project: p.name,
              printed,
              indicator: target.name,
              framework: target.framework.name,
              indicatorNumber: target.indicator.number,
            },
            lines(p.source, target.part?.source ?? target.indicator.source),
            [projectSubject(p), ...m.targets.map(indicatorSubject)],
          ),
        );
      }
    }
    if (unknown.length === 0) continue;
    const params = { number: projectNumber(p), project: p.name, names: unknown.join(LIST_SEPARATOR) };
    out.push(
      similar.size > 0
        ? finding('projectUnknownIndicator', 'similar', { ...params, similar: [...similar].join(LIST_SEPARATOR) }, lines(p.source), [projectSubject(p)])
        : finding('projectUnknownIndicator', 'message', params, lines(p.source), [projectSubject(p)]),
    );
  }
  return out;
}

/** Indicators not met in the year that no project and no task names (exactly or as a written variant). */
function checkUnmetWithoutProject(input: ConsistencyInput, names: IndicatorNames): Finding[] {
  const served = new Set<IndicatorCheckInput | PartCheckInput>();
  const printedNames = new Set<string>();
  for (const printed of [...input.projects.flatMap((p) => p.indicators), ...input.tasks.flatMap((t) => t.indicators)]) {
    printedNames.add(printed);
    for (const n of names.served(printed)) served.add(n.part ?? n.indicator);
  }
  const out: Finding[] = [];
  for (const f of input.frameworks) {
    for (const i of f.indicators) {
      if (i.status !== 'notMet') continue;
      const unmetParts = i.parts.filter((p) => p.status === 'notMet');
      if (served.has(i) || unmetParts.some((p) => served.has(p))) continue;
      const similar = [...printedNames].filter((n) => [i.name, ...unmetParts.map((p) => p.name)].some((x) => similarName(n, x)));
      // an item with parts is not met through a part: name that part and give its figures
      const decisive = unmetParts[0];
      const params = {
        framework: f.name,
        number: i.number,
        name: decisive ? partName(i.name, decisive.name) : i.name,
        year: input.year,
        value: (decisive ? decisive.value : i.value) ?? '—',
        requirement: (decisive ? decisive.requirement : i.requirement) ?? '—',
      };
      const sources = lines(i.source, ...(i.valueLines ?? []), ...unmetParts.flatMap((p) => [p.source, ...(p.valueLines ?? [])]));
      const subjects: Subject[] = [{ type: 'indicator', framework: f.id, number: i.number, name: i.name }];
      out.push(
        similar.length > 0
          ? finding('unmetWithoutProject', 'similar', { ...params, similar: similar.join(LIST_SEPARATOR) }, sources, subjects)
          : finding('unmetWithoutProject', 'message', params, sources, subjects),
      );
    }
  }
  return out;
}

/** Half the place of the last printed digit: 约82.9亿元 (829000 万元) is exact to ±500 万元. */
function roundingTolerance(stated: number): number {
  if (stated === 0 || !Number.isInteger(stated)) return 0;
  let place = 1;
  while (stated % (place * 10) === 0) place *= 10;
  return place / 2;
}

/** Stated counts and investments (the plan's and each group's) against the sum of the project rows. */
function checkStatedTotals(input: ConsistencyInput): Finding[] {
  const rollup = rollupProjects(input.projects, input.groups, input.stated);
  const scopes = [
    { group: null as string | null, row: rollup, stated: input.stated ?? null, rows: input.projects },
    ...input.groups.map((g, i) => ({ group: g.name, row: rollup.groups[i]!, stated: g.stated ?? null, rows: input.projects.filter((p) => p.group === g.name) })),
  ];
  const out: Finding[] = [];
  for (const { group, row, stated, rows } of scopes) {
    if (!stated) continue;
    const scope = group ?? nested('consistency.scope.plan');
    const compare = (key: string, actual: number | null, statedValue: number | null, tolerance: number, note: string) => {
      if (actual === null || statedValue === null) return;
      const difference = Math.round((actual - statedValue) * 10000) / 10000;
      if (Math.abs(difference) <= tolerance) return;
      const direction = difference > 0 ? 'more' : key === 'count' ? 'fewer' : 'less';
      const params = { scope, stated: figure(statedValue), actual: figure(actual), difference: nested(`consistency.difference.${direction}`, { n: figure(Math.abs(difference)) }), note };
      const f = finding('statedTotalDiffers', key, params, lines(stated.source, ...rows.map((p) => p.source)), [{ type: 'total', group }]);
      out.push({ ...f, figures: { stated: statedValue, actual, difference } });
    };
    compare('count', row.count, stated.count, 0, '');
    // projects without an investment leave nothing to compare; a partial sum is compared and says how many are missing
    const investment = row.missingInvestment === row.count ? null : row.investmentWan;
    const note = row.missingInvestment > 0 ? nested('consistency.note.missingInvestment', { n: row.missingInvestment }) : '';
    if (stated.approximate) compare('investmentApproximate', investment, stated.investmentWan, roundingTolerance(stated.investmentWan ?? 0), note);
    else compare('investment', investment, stated.investmentWan, 0, note);
  }
  return out;
}

const leadUnitsOf = (n: NamedIndicator): string[] =>
  n.part ? n.part.leadUnits : [...new Set([...n.indicator.leadUnits, ...n.indicator.parts.flatMap((p) => p.leadUnits)])];
const hasLeadUnit = (n: NamedIndicator): boolean => leadUnitsOf(n).length > 0;

/** Applicable indicators without a lead unit, unless a same-named indicator of another framework of the plan has one. */
function checkLeadUnits(input: ConsistencyInput, names: IndicatorNames): Finding[] {
  const out: Finding[] = [];
  for (const f of input.frameworks) {
    for (const i of f.indicators) {
      if (i.status === 'notApplicable' || i.leadUnits.length > 0) continue;
      const partsWithout = i.parts.filter((p) => p.leadUnits.length === 0 && p.status !== 'notApplicable');
      const subject: Subject = { type: 'indicator', framework: f.id, number: i.number, name: i.name };
      if (i.parts.length > 0 && partsWithout.length < i.parts.length) {
        for (const p of partsWithout)
          out.push(finding('indicatorWithoutLeadUnit', 'part', { framework: f.name, number: i.number, name: i.name, part: p.name }, lines(p.source ?? i.source), [{ ...subject, part: p.name }]));
        continue;
      }
      const namesake = names.match(i.name)?.targets.find((n) => n.framework !== f && hasLeadUnit(n));
      if (namesake) continue;
      const params = { framework: f.name, number: i.number, name: i.name };
      // a similar name elsewhere in the plan that has a lead unit is likely meant: say so, but do not assume it
      const likely = names.similar(i.name).find((n) => n.framework !== f && hasLeadUnit(n));
      out.push(
        likely
          ? finding(
              'indicatorWithoutLeadUnit',
              'similar',
              { ...params, similar: likely.name, similarFramework: likely.framework.name, similarNumber: likely.indicator.number, units: leadUnitsOf(likely).join(LIST_SEPARATOR) },
              lines(i.source, likely.part?.source ?? likely.indicator.source),
              [subject, indicatorSubject(likely)],
            )
          : finding('indicatorWithoutLeadUnit', 'message', params, lines(i.source), [subject]),
      );
    }
  }
  return out;
}

/** Footnote marks on values that no footnote defines; footnotes whose mark the value does not carry. */
function checkFootnotes(input: ConsistencyInput): Finding[] {
  const out: Finding[] = [];
  const markKey = (m: string) => normalise(m).replace(/[【】[\]\s]/g, '');
  for (const f of input.frameworks) {
    for (const i of f.indicators) {
      for (const o of i.observations) {
        const { marks, asterisk } = stripMarks(o.printed);
        const defined = o.footnote ? markKey(o.footnote.mark) : undefined;
        const params = { framework: f.name, number: i.number, name: o.part ? partName(i.name, o.part) : i.name, year: o.year, printed: o.printed };
        const subject: Subject = { type: 'indicator', framework: f.id, number: i.number, name: i.name, ...(o.part ? { part: o.part } : {}) };
        for (const mark of marks) {
          if (markKey(mark) === defined) continue;
          out.push(finding('footnoteUnresolved', 'mark', { ...params, mark }, lines(o.source), [subject, { type: 'footnote', mark }]));
        }
        if (o.footnote && defined !== '*' && !marks.some((m) => markKey(m) === defined))
          out.push(
            finding('footnoteUnresolved', 'unused', { ...params, mark: o.footnote.mark, footnote: o.footnote.printed }, lines(o.source, o.footnote.source), [
              subject,
              { type: 'footnote', mark: o.footnote.mark },
            ]),
          );
        // the plans mark older-year figures with *: resolved by the data year, the 往年 flag, or a * footnote
        if (asterisk && o.dataYear === undefined && !o.flags?.includes('往年') && defined !== '*')
          out.push(finding('footnoteUnresolved', 'asterisk', params, lines(o.source), [subject, { type: 'footnote', mark: '*' }]));
      }
    }
  }
  return out;
}

/** Projects whose years fall outside the plan period. */
function checkProjectYears(input: ConsistencyInput): Finding[] {
  const period = input.period;
  if (!period) return [];
  return input.projects
    .filter((p) => (p.yearStart != null && p.yearStart < period.start) || (p.yearEnd != null && p.yearEnd > period.end))
    .map((p) =>
      finding(
        'projectOutsidePeriod',
        'message',
        { number: projectNumber(p), project: p.name, years: p.yearStart === p.yearEnd || p.yearEnd == null ? `${p.yearStart}` : `${p.yearStart}—${p.yearEnd}`, start: period.start, end: period.end },
        lines(p.source),
        [projectSubject(p)],
      ),
    );
}

/** Two projects under one number. */
function checkProjectNumbers(input: ConsistencyInput): Finding[] {
  const byNumber = new Map<number, ProjectCheckInput[]>();
  for (const p of input.projects) if (p.number != null) push(byNumber, p.number, p);
  return [...byNumber]
    .filter(([, list]) => list.length > 1)
    .map(([number, list]) =>
      finding('duplicateProjectNumber', 'message', { number, projects: list.map((p) => `“${p.name}”`).join(LIST_SEPARATOR) }, lines(...list.map((p) => p.source)), list.map(projectSubject)),
    );
}

// ---------------------------------------------------------------------------------------------------------
// What the prose states against what the tables print

type Range = { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };

/** The number a printed figure stands for (a point or an open range: 超过18 → (18, ∞)), or undefined for words. */
function numberOf(printed: string, name: string, unit?: string): Range | undefined {
  let v: Value;
  try {
    v = parseValue(printed, { label: name, ...(unit ? { unit } : {}) }).value;
  } catch {
    return undefined;
  }
  return v.kind === 'number' ? { lo: v.lo, hi: v.hi, loOpen: v.loOpen, hiOpen: v.hiOpen } : undefined;
}

const isPoint = (r: Range) => r.lo === r.hi && !r.loOpen && !r.hiOpen;
const within = (x: number, r: Range) => (r.loOpen ? x > r.lo : x >= r.lo) && (r.hiOpen ? x < r.hi : x <= r.hi);
const sameRange = (a: Range, b: Range) => a.lo === b.lo && a.hi === b.hi && a.loOpen === b.loOpen && a.hiOpen === b.hiOpen;

/** Two printed figures say the same: the same number or range, or an exact figure inside the other's range (84.52 and 大于80). */
function agree(a: Range, b: Range): boolean {
  if (sameRange(a, b)) return true;
  if (isPoint(a) && !isPoint(b)) return within(a.lo, b);
  if (isPoint(b) && !isPoint(a)) return within(b.lo, a);
  return false;
}

/** A unit the sentence prints is the table's when it is the same, or the table's unit per something (平方米 and 平方米/人). */
function sameUnit(stated: string | undefined, table: string | undefined): boolean {
  if (stated === undefined || table === undefined) return true;
  const a = normalise(stated);
  const b = normalise(table);
  return a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
}

/** A figure the prose states for an indicator against the table's figure of the same year. */
function checkStatedFigures(input: ConsistencyInput, names: IndicatorNames): Finding[] {
  const out: Finding[] = [];
  for (const st of input.statements ?? []) {
    const fig = st.figure;
    if (!fig || st.year === undefined) continue;
    const m = names.match(fig.name);
    const targets = m ? m.targets : names.similar(fig.name);
    const stated = numberOf(fig.printed, fig.name, fig.unit);
    if (!stated) continue;
    for (const n of targets) {
      const unit = n.part?.unit ?? n.indicator.unit;
      if (!sameUnit(fig.unit, unit)) continue;
      const observations = n.indicator.observations.filter((o) => o.year === st.year && o.part === n.part?.name);
      for (const o of observations) {
        const table = numberOf(o.corrected ?? o.printed, n.name, unit);
        if (!table || agree(stated, table)) continue;
        out.push(
          finding(
            'statedFigureDiffers',
            'message',
            {
              printed: st.printed,
              year: st.year,
              framework: n.framework.name,
              number: n.indicator.number,
              name: n.part ? partName(n.indicator.name, n.part.name) : n.indicator.name,
              value: o.corrected ?? o.printed,
            },
            lines(st.source, o.source),
            [indicatorSubject(n)],
          ),
        );
      }
    }
  }
  return out;
}

const ITEM_KINDS = ['city', 'coastal'] as const;

/** A count of a framework's items the prose states (in all, city-only, coastal) against the items the table marks so. */
function checkStatedCounts(input: ConsistencyInput): Finding[] {
  const out: Finding[] = [];
  for (const st of input.statements ?? []) {
    const c = st.itemCounts;
    if (!c) continue;
    const f = input.frameworks.find((x) => x.id === c.framework);
    if (!f) continue;
    const compare = (key: string, stated: number | undefined, items: IndicatorCheckInput[]) => {
      if (stated === undefined || stated === items.length) return;
      const params = {
        printed: st.printed,
        framework: f.name,
        stated,
        actual: items.length,
        numbers: items.map((i) => i.number).join(LIST_SEPARATOR) || '—',
      };
      // the items marked so are what the finding is about; for the count in all, the sentence alone
      const marked = key === 'total' ? [] : items;
      const subjects: Subject[] = marked.map((i) => ({ type: 'indicator', framework: f.id, number: i.number, name: i.name }));
      const base = finding('statedCountDiffers', key, params, lines(st.source, ...marked.map((i) => i.source)), subjects);
      out.push({ ...base, figures: { stated, actual: items.length, difference: items.length - stated } });
    };
    compare('total', c.total, f.indicators);
    for (const kind of ITEM_KINDS) compare(kind, c.only?.[kind], f.indicators.filter((i) => i.applicability === kind));
  }
  return out;
}

export function checkConsistency(input: ConsistencyInput): Finding[] {
  const names = new IndicatorNames(input.frameworks);
  return [
    ...checkProjectIndicators(input, names),
    ...checkUnmetWithoutProject(input, names),
    ...checkStatedTotals(input),
    ...checkLeadUnits(input, names),
    ...checkFootnotes(input),
    ...checkProjectYears(input),
    ...checkProjectNumbers(input),
    ...checkStatedFigures(input, names),
    ...checkStatedCounts(input),
  ].sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind));
}
