// Assessing a framework for a region and year: every item's status, points and achievability.
// Pure: takes definitions and observations as data, returns results as data.
import { classifyAchievability, type Achievability } from './achievability.ts';
import { compareInterval, evaluateLeaf, statusOf, type LeafFacts } from './evaluate.ts';
import { inferPolarity, parseRequirement, parseTiers, PhraseError, type ReadValue } from './phrase.ts';
import { pointsFromStatus, pointsFromTiers, totalScore, type PointsRange, type ScoreTotal } from './score.ts';
import type {
  AchievabilityClass,
  Applicability,
  Message,
  Polarity,
  RegionTraits,
  Requirement,
  Source,
  Status,
  Tier,
  Variant,
} from './types.ts';

// ---------------------------------------------------------------- definitions

export interface PartDef {
  name: string;
  unit?: string;
  requirement?: string;
  variants?: Variant[];
  points?: number;
  tiers?: string;
  polarity?: Polarity;
  source?: Source;
}

export interface ItemDef extends Omit<PartDef, 'name'> {
  number: string;
  /** a unit the transcriber inferred where the table prints none (used to read values, not shown) */
  unitImplied?: string;
  name: string;
  domain?: string;
  task?: string;
  attribute?: string;
  remark?: string;
  applicability?: Applicability;
  parts?: PartDef[];
}

export interface FrameworkDef {
  id: string;
  name: string;
  scoring?: { maxScore: number; passScore: number };
  indicators: ItemDef[];
}

/** A leaf is an item without parts, or one part of an item. Its key is "7" or "7/优良天数比例". */
export function leafKey(number: string, part?: string): string {
  return part ? `${number}/${part}` : number;
}

export interface CompiledLeaf {
  key: string;
  /** position among the framework's leaves (see leafOrder) */
  index: number;
  part?: string;
  label: string;
  unit?: string;
  requirementPrinted?: string;
  requirement?: Requirement;
  tiers?: Tier[];
  points?: number;
  polarity: Polarity;
  /** the requirement has a trend part, so the previous period's value matters */
  needsPrevious?: boolean;
  /** why the leaf has no requirement for this region, if it has none */
  missing?: 'noRequirement' | 'noVariant' | 'conditionalVariant';
}

export interface CompiledItem {
  def: ItemDef;
  applicable: boolean;
  applicability?: Applicability;
  leaves: CompiledLeaf[];
  /** points shared by all parts (full only if every part is met) */
  sharedPoints?: number;
  sharedTiers?: Tier[];
}

export interface CompiledFramework {
  def: FrameworkDef;
  items: CompiledItem[];
}

export interface LeafContext {
  /** e.g. "国家生态文明建设示范县建设指标 第26项 农业废弃物综合利用率（秸秆综合利用率）" */
  label: string;
  unit?: string;
  polarity: Polarity;
}

/** What each leaf's values and targets are read with: its label, unit and polarity, by leaf key. */
export function leafContexts(def: FrameworkDef): Map<string, LeafContext> {
  const out = new Map<string, LeafContext>();
  for (const item of def.indicators) {
    for (const p of item.parts ?? [undefined]) {
      const unit = p?.unit ?? item.unit ?? item.unitImplied;
      out.set(leafKey(item.number, p?.name), {
        label: `${def.name} 第${item.number}项 ${p ? `${item.name}（${p.name}）` : item.name}`,
        polarity: p?.polarity ?? item.polarity ?? inferPolarity(p ? `${item.name}${p.name}` : item.name),
        ...(unit ? { unit } : {}),
      });
    }
  }
  return out;
}

/** Does an item apply to this region? */
export function isApplicable(a: Applicability | undefined, region: RegionTraits): boolean {
  if (!a) return true;
  if (a.only === 'city') return region.level === '市';
  if (a.only === 'coastal') return region.coastal;
  return true;
}

function pickVariant(variants: Variant[], region: RegionTraits): Variant | 'conditional' | undefined {
  const exact = variants.find(
    (v) =>
      (v.when.terrain !== undefined && v.when.terrain === region.terrain) ||
      (v.when.climate !== undefined && v.when.climate === region.climate),
  );
  if (exact) return exact;
  // A variant whose condition is words only (e.g. 综合利用率>60%的地区) is the one printed for the region.
  if (variants.length === 1 && variants[0]!.when.printed !== undefined) return variants[0];
  return variants.some((v) => v.when.printed !== undefined) ? 'conditional' : undefined;
}

function compileLeaf(
  framework: FrameworkDef,
  item: ItemDef,
  part: PartDef | undefined,
  region: RegionTraits,
): CompiledLeaf {
  const spec = part ?? item;
  const name = part ? `${item.name}（${part.name}）` : item.name;
  const label = `${framework.name} 第${item.number}项 ${name}`;
  const unit = spec.unit ?? (part ? item.unit : item.unitImplied) ?? item.unitImplied;
  const polarity = spec.polarity ?? item.polarity ?? inferPolarity(part ? `${item.name}${part.name}` : item.name);
  const ctx = { label, polarity, ...(unit !== undefined ? { unit } : {}) };
  const leaf: CompiledLeaf = { key: leafKey(item.number, part?.name), index: -1, label, polarity, ...(unit ? { unit } : {}) };
  if (part) leaf.part = part.name;
  let requirement = spec.requirement;
  let tiers = spec.tiers;
  const variants = spec.variants ?? (part ? undefined : item.variants);
  if (variants && variants.length > 0) {
    const v = pickVariant(variants, region);
    // Without the region's variant, neither its requirement nor its bands are known.
    if (v === 'conditional' || !v) {
      leaf.missing = v ? 'conditionalVariant' : 'noVariant';
      tiers = undefined;
    } else {
      requirement = v.requirement;
      tiers = v.tiers ?? tiers;
    }
  }
  if (requirement !== undefined) {
    leaf.requirementPrinted = requirement;
    leaf.requirement = parseRequirement(requirement, ctx);
    if (hasTrend(leaf.requirement)) leaf.needsPrevious = true;
  } else if (!leaf.missing) leaf.missing = 'noRequirement';
  if (tiers) leaf.tiers = parseTiers(tiers, ctx);
  if (spec.points !== undefined && (part || !item.parts)) leaf.points = spec.points;
  return leaf;
}

function hasTrend(r: Requirement): boolean {
  return r.kind === 'trend' || (r.kind === 'composite' && r.parts.some(hasTrend));
}

/** Resolve variants for the region and read every requirement and tier once. Throws PhraseError. */
export function compileFramework(def: FrameworkDef, region: RegionTraits): CompiledFramework {
  const items = def.indicators.map((item): CompiledItem => {
    const applicable = isApplicable(item.applicability, region);
    const leaves = item.parts
      ? item.parts.map((p) => compileLeaf(def, item, p, region))
      : [compileLeaf(def, item, undefined, region)];
    const compiled: CompiledItem = { def: item, applicable, leaves };
    if (item.applicability) compiled.applicability = item.applicability;
    if (item.parts && item.points !== undefined) {
      compiled.sharedPoints = item.points;
      if (item.tiers) compiled.sharedTiers = parseTiers(item.tiers, { label: `${def.name} 第${item.number}项` });
    }
    return compiled;
  });
  let index = 0;
  for (const item of items) for (const leaf of item.leaves) leaf.index = index++;
  return { def, items };
}

/** The leaf keys of a framework in index order: data can be handed to summariseFramework as an array. */
export function leafOrder(fw: CompiledFramework): string[] {
  return fw.items.flatMap((i) => i.leaves.map((l) => l.key));
}

/** Read every phrase of a framework under every variant, so a bad phrase fails at load time. */
export function validateFrameworkPhrases(def: FrameworkDef): PhraseError[] {
  const errors: PhraseError[] = [];
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof PhraseError) errors.push(e);
      else throw e;
    }
  };
  const contexts = leafContexts(def);
  for (const item of def.indicators) {
    for (const part of item.parts ?? [undefined]) {
      const spec: PartDef | ItemDef = part ?? item;
      const ctx = contexts.get(leafKey(item.number, part?.name))!;
      if (spec.requirement !== undefined) attempt(() => parseRequirement(spec.requirement!, ctx));
      if (spec.tiers !== undefined) attempt(() => parseTiers(spec.tiers!, ctx));
      for (const v of spec.variants ?? []) {
        attempt(() => parseRequirement(v.requirement, ctx));
        if (v.tiers) attempt(() => parseTiers(v.tiers!, ctx));
      }
    }
    if (item.parts && item.tiers) attempt(() => parseTiers(item.tiers!, { label: `${def.name} 第${item.number}项 ${item.name}` }));
  }
  return errors;
}

// ---------------------------------------------------------------- data

export interface ObservationInput {
  year: number;
  printed: string;
  reading: ReadValue;
  dataYear?: number;
  flags: string[];
  /** a documented correction of a printing error: its reading is used, both are shown */
  correction?: { printed: string; reading: ReadValue; reason: string; source?: Source };
  footnote?: { mark: string; printed: string; source?: Source };
  source?: Source;
  unit?: string;
}

export interface LeafData {
  observations: ObservationInput[]; // any order
  targets: Array<{ year: number; printed: string; requirement?: Requirement; source?: Source }>;
  statedStatus?: { year: number; printed: string; source?: Source };
  statedScore?: { year: number; points: number; source?: Source };
  statedAchievability?: { printed: string; class?: string; year?: number; commitment?: string; source?: Source };
  leadUnits: string[];
}

export interface Confirmation {
  number: string;
  part?: string;
  year: number;
  status?: Status;
  points?: number;
  by: string;
  at: string;
  reason: string;
  source?: Source;
}

// ---------------------------------------------------------------- results

export interface LeafResult {
  key: string;
  part?: string;
  status: Status;
  reason: Message;
  requirement: string | null;
  /** the requirement as the engine read it */
  parsed?: Requirement;
  unit?: string;
  value: string | null;
  observation?: ObservationInput;
  points?: PointsRange;
  maxPoints?: number;
  achievability?: Achievability;
  target?: { year: number; printed: string };
  stated?: Pick<LeafData, 'statedStatus' | 'statedScore' | 'statedAchievability'>;
}

export interface ItemResult {
  number: string;
  name: string;
  domain?: string;
  task?: string;
  attribute?: string;
  unit?: string;
  status: Status;
  /** the status the engine computed, before any confirmation */
  computedStatus: Status;
  reason: Message;
  confirmation?: Confirmation;
  requirement: string | null;
  value: string | null;
  leadUnits: string[];
  parts?: LeafResult[];
  leaf: LeafResult;
  points?: PointsRange;
  maxPoints?: number;
  achievability?: Achievability;
}

export interface FrameworkAssessment {
  id: string;
  name: string;
  year: number;
  applicable: number;
  met: number;
  notMet: number;
  indeterminate: number;
  noData: number;
  notApplicable: number;
  confirmed: number;
  score: ScoreTotal | null;
  classes: Record<AchievabilityClass, number>;
  items: ItemResult[];
}

export interface AssessOptions {
  year: number;
  /** the plan's target years; the first after the data year is used for achievability */
  targetYears: number[];
  confirmations?: Confirmation[];
}

const NO_DATA: ReadValue = { value: { kind: 'none', word: '-' }, marks: [], asterisk: false, flags: [], notes: [] };

/** The observation of that year (one per year: the store refuses a second). Usually the last one. */
function latestFor(observations: ObservationInput[], year: number): ObservationInput | undefined {
  for (let i = observations.length - 1; i >= 0; i--) if (observations[i]!.year === year) return observations[i];
  return undefined;
}

function effectiveReading(o: ObservationInput): ReadValue {
  return o.correction ? o.correction.reading : o.reading;
}

function pointValue(r: ReadValue): number | undefined {
  const v = r.value;
  if (v.kind === 'number' && v.lo === v.hi) return v.lo;
  if (v.kind === 'composite') {
    const n = v.parts.find((p) => p.kind === 'number' && p.lo === p.hi);
    if (n && n.kind === 'number') return n.lo;
  }
  return undefined;
}

/** Evaluate one compiled leaf for a year. Exported for the benchmark and for item assembly. */
export function assessLeaf(leaf: CompiledLeaf, data: LeafData | undefined, opts: AssessOptions): LeafResult {
  const obs = data ? latestFor(data.observations, opts.year) : undefined;
  const result: LeafResult = {
    key: leaf.key,
    status: 'noData',
    reason: { key: 'reason.noObservation', params: { year: opts.year } },
    requirement: leaf.requirementPrinted ?? null,
    value: obs ? obs.printed : null,
  };
  if (leaf.part) result.part = leaf.part;
  if (leaf.requirement) result.parsed = leaf.requirement;
  if (leaf.unit) result.unit = leaf.unit;
  if (obs) result.observation = obs;
  if (data && (data.statedStatus || data.statedScore || data.statedAchievability)) {
    result.stated = {};
    if (data.statedStatus?.year === opts.year) result.stated.statedStatus = data.statedStatus;
    if (data.statedScore?.year === opts.year) result.stated.statedScore = data.statedScore;
    if (data.statedAchievability) result.stated.statedAchievability = data.statedAchievability;
  }
  const reading = obs ? effectiveReading(obs) : NO_DATA;
  if (!leaf.requirement) {
    if (obs) {
      result.status = 'indeterminate';
      result.reason = { key: `reason.${leaf.missing ?? 'noRequirement'}`, params: { value: obs.printed } };
    }
  } else if (obs) {
    const prev = previousPoint(data!.observations, opts.year);
    const facts = {
      requirement: leaf.requirement,
      requirementPrinted: leaf.requirementPrinted!,
      value: reading.value,
      valuePrinted: obs.correction ? obs.correction.printed : obs.printed,
      polarity: leaf.polarity,
      ...(leaf.unit ? { unit: leaf.unit } : {}),
      ...(prev ? { previous: prev } : {}),
    };
    const v = evaluateLeaf(facts);
    result.status = v.status;
    result.reason = v.reason;
  }
  if (leaf.points !== undefined) {
    result.maxPoints = leaf.points;
    result.points = leaf.tiers
      ? pointsFromTiers(leaf.tiers, reading.value, result.status, leaf.points)
      : pointsFromStatus(result.status, leaf.points);
  }
  if (!leaf.requirement) return result;
  result.achievability = achievabilityFor(leaf, data, obs, reading, result.status, opts);
  const target = targetFor(data, obs, opts);
  if (target) result.target = { year: target.year, printed: target.printed };
  return result;
}

/** The previous period's figure: the latest observation before the year, when it is a number. */
function previousPoint(observations: ObservationInput[], year: number): { year: number; value: number } | undefined {
  let prev: ObservationInput | undefined;
  for (const o of observations) if (o.year < year && (!prev || o.year > prev.year)) prev = o;
  if (!prev) return undefined;
  const v = pointValue(effectiveReading(prev));
  return v === undefined ? undefined : { year: prev.year, value: v };
}

function targetFor(data: LeafData | undefined, obs: ObservationInput | undefined, opts: AssessOptions) {
  if (!data || data.targets.length === 0) return undefined;
  const from = obs?.dataYear ?? opts.year;
  const sorted = [...data.targets].sort((a, b) => a.year - b.year);
  return sorted.find((t) => t.year > from) ?? sorted[sorted.length - 1];
}

function achievabilityFor(
  leaf: CompiledLeaf,
  data: LeafData | undefined,
  obs: ObservationInput | undefined,
  reading: ReadValue,
  status: Status,
  opts: AssessOptions,
): Achievability | undefined {
  const dataYear = obs ? (obs.dataYear ?? obs.year) : opts.year;
  const target = targetFor(data, obs, opts);
  const targetYear = target?.year ?? opts.targetYears.find((y) => y > dataYear);
  const history: Array<{ year: number; value: number }> = [];
  for (const o of data?.observations ?? []) {
    if (o.year > opts.year) continue;
    const v = pointValue(effectiveReading(o));
    if (v !== undefined) history.push({ year: o.dataYear ?? o.year, value: v });
  }
  history.sort((a, b) => a.year - b.year);
  const periods = (data?.observations ?? []).filter((o) => o.year <= opts.year && effectiveReading(o).value.kind !== 'none').length;
  return classifyAchievability({
    periods,
    ...(leaf.unit !== undefined && /^[%％]$/.test(leaf.unit) ? { ceiling: 100 } : {}),
    status,
    polarity: leaf.polarity,
    value: reading.value,
    dataYear,
    history,
    flags: obs ? [...obs.flags, ...reading.flags] : [],
    ...(leaf.requirement ? { requirement: leaf.requirement } : {}),
    ...(targetYear !== undefined ? { targetYear } : {}),
    ...(target?.requirement ? { target: target.requirement } : {}),
  });
}

const CLASS_ORDER: AchievabilityClass[] = ['stable', 'expected', 'uncertain', 'difficult'];

function combineStatus(statuses: Status[]): Status {
  if (statuses.some((s) => s === 'notMet')) return 'notMet';
  if (statuses.every((s) => s === 'met')) return 'met';
  if (statuses.every((s) => s === 'noData')) return 'noData';
  if (statuses.every((s) => s === 'notApplicable')) return 'notApplicable';
  return 'indeterminate';
}

function sharedPointsFor(item: CompiledItem, status: Status): PointsRange | undefined {
  if (item.sharedPoints === undefined) return undefined;
  return pointsFromStatus(status, item.sharedPoints);
}

/** Assess every item of a compiled framework. */
export function assessFramework(
  fw: CompiledFramework,
  dataByLeaf: Map<string, LeafData>,
  opts: AssessOptions,
): FrameworkAssessment {
  const items: ItemResult[] = [];
  const confirmations = opts.confirmations ?? [];
  for (const item of fw.items) items.push(assessItem(item, dataByLeaf, opts, confirmations));
  const count = (s: Status) => items.filter((i) => i.status === s).length;
  const classes: Record<AchievabilityClass, number> = { stable: 0, expected: 0, uncertain: 0, difficult: 0 };
  for (const i of items) if (i.achievability) classes[i.achievability.class]++;
  let score: ScoreTotal | null = null;
  if (fw.def.scoring) {
    const ranges = items.filter((i) => i.points).map((i) => i.points!);
    const maxPoints = items.reduce((s, i) => s + (i.maxPoints ?? 0), 0);
    score = totalScore(ranges, maxPoints || fw.def.scoring.maxScore, fw.def.scoring.passScore);
  }
  return {
    id: fw.def.id,
    name: fw.def.name,
    year: opts.year,
    applicable: items.length - count('notApplicable'),
    met: count('met'),
    notMet: count('notMet'),
    indeterminate: count('indeterminate'),
    noData: count('noData'),
    notApplicable: count('notApplicable'),
    confirmed: items.filter((i) => i.confirmation).length,
    score,
    classes,
    items,
  };
}

function assessItem(
  item: CompiledItem,
  dataByLeaf: Map<string, LeafData>,
  opts: AssessOptions,
  confirmations: Confirmation[],
): ItemResult {
  const def = item.def;
  const leadUnits = new Set<string>();
  for (const leaf of item.leaves) for (const u of dataByLeaf.get(leaf.key)?.leadUnits ?? []) leadUnits.add(u);
  if (!item.applicable) {
    const na: LeafResult = {
      key: def.number,
      status: 'notApplicable',
      reason: { key: `reason.notApplicable.${item.applicability?.only ?? 'other'}`, params: { printed: item.applicability?.printed ?? '' } },
      requirement: null,
      value: null,
    };
    return {
      number: def.number,
      name: def.name,
      ...optional(def),
      status: 'notApplicable',
      computedStatus: 'notApplicable',
      reason: na.reason,
      requirement: null,
      value: null,
      leadUnits: [...leadUnits],
      leaf: na,
    };
  }
  const leaves = item.leaves.map((leaf) => assessLeaf(leaf, dataByLeaf.get(leaf.key), opts));
  const computedStatus = leaves.length === 1 ? leaves[0]!.status : combineStatus(leaves.map((l) => l.status));
  const decisive =
    leaves.find((l) => l.status === computedStatus && computedStatus !== 'met') ?? leaves.find((l) => l.status === computedStatus) ?? leaves[0]!;
  let reason: Message = leaves.length === 1 ? decisive.reason : partsReason(computedStatus, decisive, leaves.length);

  const { points: computedPoints, maxPoints } = itemPoints(item, computedStatus, leaves.map((l) => ({ points: l.points, maxPoints: l.maxPoints })));
  const settled = settleWithConfirmation(item, computedStatus, computedPoints, maxPoints, confirmations, opts.year);
  const status = settled.status;
  const points = settled.points;
  const applied = settled.applied;
  if (applied) {
    reason = {
      key: 'reason.confirmed',
      params: { computed: reasonKeyParams(reason), by: applied.by, at: applied.at, why: applied.reason },
    };
  }

  const achievabilities = leaves.flatMap((l) => (l.achievability ? [l.achievability] : []));
  let achievability = achievabilities.reduce<Achievability | undefined>(
    (worst, a) => (!worst || CLASS_ORDER.indexOf(a.class) > CLASS_ORDER.indexOf(worst.class) ? a : worst),
    undefined,
  );
  if (applied && achievability && status === 'met' && achievability.class === 'uncertain' && computedStatus === 'indeterminate') {
    achievability = { ...achievability, class: 'stable', reason: { key: 'achievability.confirmedMet', params: {} } };
  }

  const result: ItemResult = {
    number: def.number,
    name: def.name,
    ...optional(def),
    status,
    computedStatus,
    reason,
    requirement: leaves.length === 1 ? leaves[0]!.requirement : leaves.map((l) => `${l.part}：${l.requirement ?? '—'}`).join('；'),
    value: leaves.length === 1 ? leaves[0]!.value : joinValues(leaves),
    leadUnits: [...leadUnits],
    leaf: leaves[0]!,
  };
  if (leaves.length > 1 || item.def.parts) result.parts = leaves;
  if (applied) result.confirmation = applied;
  if (points) result.points = points;
  if (maxPoints !== undefined) result.maxPoints = maxPoints;
  if (achievability) result.achievability = achievability;
  return result;
}


const NO_POINTS: { points?: PointsRange; maxPoints?: number } = Object.freeze({});

/** An item's points: shared by its parts, or the sum of its leaves' points. */
function itemPoints(
  item: CompiledItem,
  status: Status,
  leaves: Array<{ points?: PointsRange | undefined; maxPoints?: number | undefined }>,
): { points?: PointsRange; maxPoints?: number } {
  const shared = sharedPointsFor(item, status);
  if (shared) return { points: shared, maxPoints: item.sharedPoints! };
  if (leaves.length === 0 || !leaves.some((l) => l.points)) return NO_POINTS;
  let min = 0;
  let max = 0;
  let maxPoints = 0;
  for (const l of leaves) {
    if (l.points) {
      min += l.points.min;
      max += l.points.max;
    }
    maxPoints += l.maxPoints ?? 0;
  }
  return { points: { points: min === max ? min : null, min, max }, maxPoints };
}

/** A person's (or the document's) confirmation settles what the engine could not; never what it could. */
function settleWithConfirmation(
  item: CompiledItem,
  computedStatus: Status,
  points: PointsRange | undefined,
  maxPoints: number | undefined,
  confirmations: Confirmation[],
  year: number,
): { status: Status; points?: PointsRange; applied?: Confirmation } {
  if (confirmations.length === 0) return points ? { status: computedStatus, points } : { status: computedStatus };
  const out: { status: Status; points?: PointsRange; applied?: Confirmation } = { status: computedStatus };
  if (points) out.points = points;
  const c = confirmations.find(
    (x) => x.number === item.def.number && x.year === year && (x.part === undefined || item.leaves.some((l) => l.part === x.part)),
  );
  if (!c) return out;
  if (computedStatus === 'indeterminate' && c.status) {
    out.status = c.status;
    out.applied = c;
  }
  if (points && points.points === null && c.points !== undefined) {
    out.points = { points: c.points, min: c.points, max: c.points };
    out.applied = c;
    // Full points mean the requirement is met; fewer mean it is not (the bands below the requirement).
    if (computedStatus === 'indeterminate' && !c.status && maxPoints !== undefined) out.status = c.points >= maxPoints ? 'met' : 'notMet';
  }
  return out;
}

// ---------------------------------------------------------------- summaries (fast path)

const EMPTY: Array<{ points?: PointsRange; maxPoints?: number }> = [];

export interface FrameworkSummary {
  met: number;
  notMet: number;
  indeterminate: number;
  noData: number;
  notApplicable: number;
  evaluations: number;
  scoreMin: number;
  scoreMax: number;
}

/**
 * Status counts and score of a framework without reasons or achievability: for assessing many regions
 * at once. Gives the same statuses and points as assessFramework (a test holds them together).
 */
export function summariseFramework(
  fw: CompiledFramework,
  dataByLeaf: Map<string, LeafData> | ReadonlyArray<LeafData | undefined>,
  opts: AssessOptions,
): FrameworkSummary {
  const byIndex = Array.isArray(dataByLeaf) ? (dataByLeaf as ReadonlyArray<LeafData | undefined>) : undefined;
  const byKey = byIndex ? undefined : (dataByLeaf as Map<string, LeafData>);
  const s: FrameworkSummary = { met: 0, notMet: 0, indeterminate: 0, noData: 0, notApplicable: 0, evaluations: 0, scoreMin: 0, scoreMax: 0 };
  const confirmations = opts.confirmations ?? [];
  for (const item of fw.items) {
    if (!item.applicable) {
      s.notApplicable++;
      continue;
    }
    let status: Status | undefined;
    const leafPoints: Array<{ points?: PointsRange; maxPoints?: number }> = item.leaves.length === 1 && item.leaves[0]!.points === undefined ? EMPTY : [];
    let statuses: Status[] | undefined;
    for (const leaf of item.leaves) {
      const leafStatus = leafStatusOf(leaf, byIndex ? byIndex[leaf.index] : byKey!.get(leaf.key), opts.year, leafPoints);
      s.evaluations++;
      if (item.leaves.length === 1) status = leafStatus;
      else (statuses ??= []).push(leafStatus);
    }
    const computed = status ?? combineStatus(statuses!);
    if (leafPoints.length === 0 && item.sharedPoints === undefined && confirmations.length === 0) {
      count(s, computed);
      continue;
    }
    const { points, maxPoints } = itemPoints(item, computed, leafPoints);
    const settled = settleWithConfirmation(item, computed, points, maxPoints, confirmations, opts.year);
    count(s, settled.status);
    if (settled.points) {
      s.scoreMin += settled.points.min;
      s.scoreMax += settled.points.max;
    }
  }
  return s;
}

function count(s: FrameworkSummary, status: Status): void {
  switch (status) {
    case 'met':
      s.met++;
      break;
    case 'notMet':
      s.notMet++;
      break;
    case 'indeterminate':
      s.indeterminate++;
      break;
    case 'noData':
      s.noData++;
      break;
    case 'notApplicable':
      s.notApplicable++;
      break;
  }
}

/** A leaf's status (and its points, pushed onto `points` when it scores): the fast path's decision. */
export function leafStatusOf(
  leaf: CompiledLeaf,
  data: LeafData | undefined,
  year: number,
  points: Array<{ points?: PointsRange; maxPoints?: number }>,
): Status {
  const obs = data ? latestFor(data.observations, year) : undefined;
  let status: Status;
  let reading: ReadValue = NO_DATA;
  if (!leaf.requirement) status = obs ? 'indeterminate' : 'noData';
  else if (!obs) status = 'noData';
  else {
    reading = effectiveReading(obs);
    const value = reading.value;
    const requirement = leaf.requirement;
    if (requirement.kind === 'threshold' && value.kind === 'number') {
      const c = compareInterval(requirement.op, requirement.value, value);
      status = c === 'all' ? 'met' : c === 'some' ? 'indeterminate' : 'notMet';
    } else {
      const prev = leaf.needsPrevious ? previousPoint(data!.observations, year) : undefined;
      const facts: LeafFacts = {
        requirement,
        requirementPrinted: leaf.requirementPrinted!,
        value,
        valuePrinted: obs.printed,
        polarity: leaf.polarity,
      };
      if (prev) facts.previous = prev;
      status = statusOf(facts);
    }
  }
  if (leaf.points !== undefined) {
    points.push({
      maxPoints: leaf.points,
      points: leaf.tiers ? pointsFromTiers(leaf.tiers, reading.value, status, leaf.points) : pointsFromStatus(status, leaf.points),
    });
  }
  return status;
}

function joinValues(leaves: LeafResult[]): string | null {
  if (leaves.every((l) => l.value === null)) return null;
  return leaves.map((l) => `${l.part}：${l.value ?? '—'}`).join('；');
}

function partsReason(status: Status, decisive: LeafResult, n: number): Message {
  return {
    key: `reason.parts.${status}`,
    params: { count: n, part: decisive.part ?? '', detail: reasonKeyParams(decisive.reason) },
  };
}

/** Nested messages are carried as "key|json" so that a formatter can render them in any language. */
function reasonKeyParams(m: Message): string {
  return `${m.key}|${JSON.stringify(m.params ?? {})}`;
}

function optional(def: ItemDef): Partial<Pick<ItemResult, 'domain' | 'task' | 'attribute' | 'unit'>> {
  const o: Partial<Pick<ItemResult, 'domain' | 'task' | 'attribute' | 'unit'>> = {};
  if (def.domain) o.domain = def.domain;
  if (def.task) o.task = def.task;
  if (def.attribute) o.attribute = def.attribute;
  if (def.unit) o.unit = def.unit;
  return o;
}
