// Columnar evaluation: statuses and scores of one framework for many regions at once, from typed arrays.
//
// A framework's rules are compiled once per kind of region (terrain, climate, coastal, level) into arrays
// (the requirement's kind, comparator, bound, state level or trend, polarity, points), and the readings of
// every region, leaf and year are held as columns (a small code for the kind of value, the interval's ends
// and whether each is open). The loop over them builds no object per item. It decides exactly as
// summariseFramework does (the same statuses, the same points). What the columns do not hold in place is
// decided by the object engine and counted: a value printed in several pieces, and every value of a leaf
// whose requirement is composite (面积不减少，性质不改变，功能不降低), go into a dictionary of distinct values
// (each judged once per rule where the previous period cannot matter); a leaf with two figures for one year,
// or a year outside the span held, is kept as its objects. Pure: no I/O.
import { compileFramework, leafStatusOf, type CompiledFramework, type CompiledLeaf, type FrameworkDef, type FrameworkSummary, type LeafData } from './assess.ts';
import { compareInterval, isBlanketDone, statusOf, trendSatisfies, type LeafFacts } from './evaluate.ts';
import { pointsFromTiers, type PointsRange } from './score.ts';
import type { Comparator, Polarity, RegionTraits, Status, Tier, Trend, Value } from './types.ts';

/** Status codes as held in the arrays. */
export const STATUS_CODES: readonly Status[] = ['met', 'notMet', 'indeterminate', 'noData', 'notApplicable'];
const MET = 0;
const NOT_MET = 1;
const INDETERMINATE = 2;
const NO_DATA = 3;
const NOT_APPLICABLE = 4;

/** What kind of value a cell holds. */
export const VALUE_CODES = { missing: 0, number: 1, state: 2, done: 3, undone: 4, absent: 5, trend: 6, none: 7, dictionary: 8 } as const;
const V = VALUE_CODES;

/** What kind of rule a leaf has for a kind of region; `fallback` (composite) is decided by the object engine. */
export const RULE_CODES = {
  noRequirement: 0,
  threshold: 1,
  weighted: 2,
  trend: 3,
  state: 4,
  directive: 5,
  absence: 6,
  relation: 7,
  fallback: 8,
} as const;
const R = RULE_CODES;

export const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<', '='];
export const TRENDS: readonly Trend[] = ['improve', 'notWorse', 'stable', 'decrease', 'increase'];

/** trendSatisfies as a table: [required][actual][polarity higher?] → status code, or 255 where it cannot tell. */
const TREND_TABLE = new Uint8Array(TRENDS.length * TRENDS.length * 2);
TRENDS.forEach((required, i) =>
  TRENDS.forEach((actual, j) =>
    (['lower', 'higher'] as Polarity[]).forEach((polarity, k) => {
      const ok = trendSatisfies(required, actual, polarity);
      TREND_TABLE[(i * TRENDS.length + j) * 2 + k] = ok === true ? MET : ok === false ? NOT_MET : 255;
    }),
  ),
);

export interface ColumnarRules {
  def: FrameworkDef;
  leafCount: number;
  itemCount: number;
  /** item i's leaves are itemLeafStart[i] … itemLeafStart[i+1]-1 */
  itemLeafStart: Int32Array;
  /** one compiled framework per kind of region */
  ruleSets: CompiledFramework[];
  /** the rule set of each region, in the order the regions were given */
  ruleSetOf: Uint16Array;
  // per rule set × leaf (index ruleSet * leafCount + leaf)
  kind: Uint8Array;
  /** index into COMPARATORS (threshold) */
  op: Uint8Array;
  bound: Float64Array;
  /** the required state level (state) or index into TRENDS (trend) */
  level: Uint8Array;
  /** 1 where higher is better */
  higher: Uint8Array;
  /** the leaf's full points, NaN where it does not score */
  points: Float64Array;
  tiers: Array<Tier[] | undefined>;
  leaves: CompiledLeaf[];
  // per rule set × item
  applicable: Uint8Array;
  /** points shared by all parts, NaN where none */
  sharedPoints: Float64Array;
  /** leaves whose rule is a fallback for some kind of region: their values all go into the dictionary */
  fallbackLeaf: Uint8Array;
}

function traitsKey(t: RegionTraits): string {
  return `${t.level}|${t.terrain ?? ''}|${t.climate ?? ''}|${t.coastal}`;
}

/** Compile a framework's rules into arrays, once per kind of region among `regions`. Throws PhraseError. */
export function compileColumnar(def: FrameworkDef, regions: readonly RegionTraits[]): ColumnarRules {
  const setIndex = new Map<string, number>();
  const ruleSets: CompiledFramework[] = [];
  const ruleSetOf = new Uint16Array(regions.length);
  regions.forEach((t, r) => {
    const key = traitsKey(t);
    let s = setIndex.get(key);
    if (s === undefined) {
      s = ruleSets.length;
      setIndex.set(key, s);
      ruleSets.push(compileFramework(def, t));
    }
    ruleSetOf[r] = s;
  });
  if (ruleSets.length === 0) ruleSets.push(compileFramework(def, { level: '区县', coastal: false }));
  const first = ruleSets[0]!;
  const itemCount = first.items.length;
  const itemLeafStart = new Int32Array(itemCount + 1);
  first.items.forEach((item, i) => (itemLeafStart[i + 1] = itemLeafStart[i]! + item.leaves.length));
  const leafCount = itemLeafStart[itemCount]!;
  const n = ruleSets.length * leafCount;
  const rules: ColumnarRules = {
    def,
    leafCount,
    itemCount,
    itemLeafStart,
    ruleSets,
    ruleSetOf,
    kind: new Uint8Array(n),
    op: new Uint8Array(n),
    bound: new Float64Array(n),
    level: new Uint8Array(n),
    higher: new Uint8Array(n),
    points: new Float64Array(n).fill(Number.NaN),
    tiers: new Array<Tier[] | undefined>(n).fill(undefined),
    leaves: new Array<CompiledLeaf>(n),
    applicable: new Uint8Array(ruleSets.length * itemCount),
    sharedPoints: new Float64Array(ruleSets.length * itemCount).fill(Number.NaN),
    fallbackLeaf: new Uint8Array(leafCount),
  };
  ruleSets.forEach((fw, s) => {
    fw.items.forEach((item, i) => {
      rules.applicable[s * itemCount + i] = item.applicable ? 1 : 0;
      if (item.sharedPoints !== undefined) rules.sharedPoints[s * itemCount + i] = item.sharedPoints;
      for (const leaf of item.leaves) {
        const u = s * leafCount + leaf.index;
        rules.leaves[u] = leaf;
        rules.higher[u] = leaf.polarity === 'higher' ? 1 : 0;
        if (leaf.points !== undefined) rules.points[u] = leaf.points;
        rules.tiers[u] = leaf.tiers;
        const req = leaf.requirement;
        if (!req) rules.kind[u] = R.noRequirement;
        else if (req.kind === 'threshold') {
          rules.kind[u] = R.threshold;
          rules.op[u] = COMPARATORS.indexOf(req.op);
          rules.bound[u] = req.value;
        } else if (req.kind === 'trend') {
          rules.kind[u] = R.trend;
          rules.level[u] = TRENDS.indexOf(req.trend);
        } else if (req.kind === 'state') {
          rules.kind[u] = R.state;
          rules.level[u] = req.level;
        } else if (req.kind === 'composite') {
          rules.kind[u] = R.fallback;
          rules.fallbackLeaf[leaf.index] = 1;
        } else rules.kind[u] = R[req.kind];
      }
    });
  });
  return rules;
}

export interface ColumnarReadings {
  regions: number;
  leafCount: number;
  firstYear: number;
  years: number;
  // per cell, index (yearIndex * regions + region) * leafCount + leaf: a year's readings lie together
  code: Uint8Array;
  /** the state level (state), 1 for 满足/达标/符合 (done), the trend's index (trend), or 1 + the trend's index printed beside a number */
  aux: Uint8Array;
  /** the interval's lower end (number), or the value's index in `dictionary` (dictionary) */
  lo: Float64Array;
  hi: Float64Array;
  /** bit 1: the lower end is open; bit 2: the upper end is open */
  open: Uint8Array;
  /** per region × leaf: an index into `objects` where that leaf's data is kept as objects, or -1 */
  fallback: Int32Array;
  objects: LeafData[];
  /** the distinct values not held in place, each once */
  dictionary: Value[];
}

/** One region's data for a framework: by leaf key, or in leaf order (see leafOrder). */
export type RegionLeafData = ReadonlyMap<string, LeafData> | ReadonlyArray<LeafData | undefined>;

/** Does a value fit the columns? Writes it into cell c when it does. */
function encodeValue(rd: ColumnarReadings, c: number, v: Value): boolean {
  switch (v.kind) {
    case 'number':
      rd.code[c] = V.number;
      rd.lo[c] = v.lo;
      rd.hi[c] = v.hi;
      rd.open[c] = (v.loOpen ? 1 : 0) | (v.hiOpen ? 2 : 0);
      rd.aux[c] = v.trend ? 1 + TRENDS.indexOf(v.trend) : 0;
      return true;
    case 'state':
      rd.code[c] = V.state;
      rd.aux[c] = v.level;
      return true;
    case 'done':
      rd.code[c] = V.done;
      rd.aux[c] = isBlanketDone(v.word) ? 1 : 0;
      return true;
    case 'undone':
      rd.code[c] = V.undone;
      return true;
    case 'absent':
      rd.code[c] = V.absent;
      return true;
    case 'trend':
      rd.code[c] = V.trend;
      rd.aux[c] = TRENDS.indexOf(v.trend);
      return true;
    case 'none':
      rd.code[c] = V.none;
      return true;
    case 'composite':
      return false;
  }
}

/**
 * Hold the readings of every region (in the order given to compileColumnar) for the years
 * firstYear … firstYear + years - 1 as columns. A leaf whose data does not fit (see the top of this file,
 * or a year outside the span) is kept as its objects.
 */
export function encodeReadings(
  rules: ColumnarRules,
  data: ReadonlyArray<RegionLeafData | undefined>,
  span: { firstYear: number; years: number },
): ColumnarReadings {
  const regions = data.length;
  const L = rules.leafCount;
  const cells = span.years * regions * L;
  const rd: ColumnarReadings = {
    regions,
    leafCount: L,
    firstYear: span.firstYear,
    years: span.years,
    code: new Uint8Array(cells),
    aux: new Uint8Array(cells),
    lo: new Float64Array(cells),
    hi: new Float64Array(cells),
    open: new Uint8Array(cells),
    fallback: new Int32Array(regions * L).fill(-1),
    objects: [],
    dictionary: [],
  };
  const entries = new Map<string, number>();
  const seenObjects = new Map<Value, number>();
  const toDictionary = (c: number, v: Value) => {
    let id = seenObjects.get(v);
    if (id === undefined) {
      // non-finite numbers kept apart (JSON writes them all as null)
      const key = JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
      id = entries.get(key);
      if (id === undefined) {
        id = rd.dictionary.length;
        entries.set(key, id);
        rd.dictionary.push(v);
      }
      seenObjects.set(v, id);
    }
    rd.code[c] = V.dictionary;
    rd.lo[c] = id;
  };
  const keys = rules.ruleSets[0]!.items.flatMap((i) => i.leaves.map((l) => l.key));
  const seen = new Uint8Array(span.years);
  for (let r = 0; r < regions; r++) {
    const d = data[r];
    for (let l = 0; l < L; l++) {
      const leafData = !d ? undefined : Array.isArray(d) ? (d as ReadonlyArray<LeafData | undefined>)[l] : (d as ReadonlyMap<string, LeafData>).get(keys[l]!);
      if (!leafData) continue;
      let fits = true;
      seen.fill(0);
      for (const o of leafData.observations) {
        const y = o.year - span.firstYear;
        // one figure a year, inside the span
        if (y < 0 || y >= span.years || seen[y]) {
          fits = false;
          break;
        }
        seen[y] = 1;
      }
      if (fits)
        for (const o of leafData.observations) {
          const c = ((o.year - span.firstYear) * regions + r) * L + l;
          const v = (o.correction ? o.correction.reading : o.reading).value;
          if (rules.fallbackLeaf[l] === 1 || !encodeValue(rd, c, v)) toDictionary(c, v);
        }
      else {
        rd.fallback[r * L + l] = rd.objects.length;
        rd.objects.push(leafData);
      }
    }
  }
  return rd;
}

export interface ColumnarSummary {
  regions: number;
  /** leaves judged (items that apply, every leaf): as summariseFramework counts them */
  evaluations: number;
  /** of those, the ones whose data was kept as objects, decided by the object engine */
  byObjects: number;
  /** of those, the ones whose value is in the dictionary, decided by the object engine's rules (once per distinct value where it can) */
  byDictionary: number;
  /** items by status, per region: counts[region * 5 + status code] (see STATUS_CODES) */
  counts: Int32Array;
  scoreMin: Float64Array;
  scoreMax: Float64Array;
  /** every leaf's status code, region * leafCount + leaf (notApplicable for items that do not apply) */
  leafStatus: Uint8Array;
}

/**
 * Statuses and scores of every region for a year, as summariseFramework gives them one region at a time
 * (without confirmations: a region with confirmations is assessed by summariseFramework).
 */
export function summariseColumnar(rules: ColumnarRules, rd: ColumnarReadings, year: number): ColumnarSummary {
  const regionCount = rd.regions;
  const L = rules.leafCount;
  const I = rules.itemCount;
  const { kind, op, bound, level, higher, points, tiers, applicable, sharedPoints, itemLeafStart, ruleSetOf } = rules;
  const { code, aux, lo, hi, open, fallback, objects } = rd;
  const yi = year - rd.firstYear;
  const inSpan = yi >= 0 && yi < rd.years;
  const out: ColumnarSummary = {
    regions: regionCount,
    evaluations: 0,
    byObjects: 0,
    byDictionary: 0,
    counts: new Int32Array(regionCount * 5),
    scoreMin: new Float64Array(regionCount),
    scoreMax: new Float64Array(regionCount),
    leafStatus: new Uint8Array(regionCount * L),
  };
  const { counts, leafStatus } = out;
  const scratch = { kind: 'number', lo: 0, hi: 0, loOpen: false, hiOpen: false } as { kind: 'number'; lo: number; hi: number; loOpen: boolean; hiOpen: boolean };
  const pushed: Array<{ points?: PointsRange; maxPoints?: number }> = [];
  let evaluations = 0;
  let byObjects = 0;
  let byDictionary = 0;
  const dictionary = rd.dictionary;
  const D = dictionary.length;
  // status codes per rule × dictionary entry, where the previous period cannot change them
  const judged = new Map<number, number>();
  // and where it can: per rule × dictionary entry, by the previous figure
  const judgedAfter = new Map<number, Map<number, number>>();
  const hasNumber = Uint8Array.from(dictionary, (v) => (holdsNumber(v) ? 1 : 0));
  // the last interval each rule placed in its bands, and the points it got
  const rulesHeld = rules.kind.length;
  const tierLo = new Float64Array(rulesHeld).fill(Number.NaN);
  const tierHi = new Float64Array(rulesHeld).fill(Number.NaN);
  const tierOpen = new Uint8Array(rulesHeld);
  const tierStatus = new Uint8Array(rulesHeld);
  const tierMin = new Float64Array(rulesHeld);
  const tierMax = new Float64Array(rulesHeld);
  for (let r = 0; r < regionCount; r++) {
    const s = ruleSetOf[r]!;
    const ruleBase = s * L;
    const cellBase = (yi * regionCount + r) * L;
    let scoreMin = 0;
    let scoreMax = 0;
    for (let it = 0; it < I; it++) {
      const first = itemLeafStart[it]!;
      const end = itemLeafStart[it + 1]!;
      if (applicable[s * I + it] === 0) {
        for (let l = first; l < end; l++) leafStatus[r * L + l] = NOT_APPLICABLE;
        counts[r * 5 + NOT_APPLICABLE]!++;
        continue;
      }
      let seen = 0;
      let itemMin = 0;
      let itemMax = 0;
      let scored = false;
      for (let l = first; l < end; l++) {
        const u = ruleBase + l;
        const k = kind[u]!;
        const slot = fallback[r * L + l]!;
        let st: number;
        let pMin = 0;
        let pMax = 0;
        evaluations++;
        if (slot >= 0) {
          // kept as objects: the object engine decides
          byObjects++;
          pushed.length = 0;
          st = STATUS_CODES.indexOf(leafStatusOf(rules.leaves[u]!, slot >= 0 ? objects[slot] : undefined, year, pushed));
          if (pushed.length > 0) {
            pMin = pushed[0]!.points!.min;
            pMax = pushed[0]!.points!.max;
          }
        } else {
          const c = cellBase + l;
          const vc = inSpan ? code[c]! : V.missing;
          st = INDETERMINATE;
          if (k === R.noRequirement) st = vc === V.missing ? NO_DATA : INDETERMINATE;
          else if (vc === V.missing || vc === V.none) st = NO_DATA;
          else if (vc === V.dictionary) {
            byDictionary++;
            const id = lo[c]!;
            const leaf = rules.leaves[u]!;
            const value = dictionary[id]!;
            const before = leaf.needsPrevious ? previousCell(rd, r, l, yi) : -1;
            const prev = before >= 0 ? pointAt(rd, before) : undefined;
            // the previous figure matters only to a trend judged on a single number
            const key = u * D + id;
            const cacheable = prev === undefined || hasNumber[id] === 0;
            let byPrevious: Map<number, number> | undefined;
            if (!cacheable) {
              byPrevious = judgedAfter.get(key);
              if (!byPrevious) judgedAfter.set(key, (byPrevious = new Map()));
            }
            const known = cacheable ? judged.get(key) : byPrevious!.get(prev!);
            if (known !== undefined) st = known;
            else {
              const facts: LeafFacts = { requirement: leaf.requirement!, requirementPrinted: leaf.requirementPrinted!, value, valuePrinted: '', polarity: leaf.polarity };
              if (prev !== undefined) facts.previous = { year: rd.firstYear + Math.floor(before / (regionCount * L)), value: prev };
              st = STATUS_CODES.indexOf(statusOf(facts));
              if (cacheable) judged.set(key, st);
              else byPrevious!.set(prev!, st);
            }
          }
          // 未开展 for a measured quantity: no figure
          else if (vc === V.state && aux[c] === 0 && k !== R.state) st = NO_DATA;
          else if (vc === V.done && aux[c] === 1) st = MET;
          else
            switch (k) {
              case R.threshold:
                if (vc === V.number) {
                  const a = lo[c]!;
                  const b = hi[c]!;
                  const x = bound[u]!;
                  if (a === b && open[c] === 0) {
                    switch (op[u]) {
                      case 0:
                        st = a >= x ? MET : NOT_MET;
                        break;
                      case 1:
                        st = a > x ? MET : NOT_MET;
                        break;
                      case 2:
                        st = a <= x ? MET : NOT_MET;
                        break;
                      case 3:
                        st = a < x ? MET : NOT_MET;
                        break;
                      default:
                        st = a === x ? MET : NOT_MET;
                    }
                  } else {
                    scratch.lo = a;
                    scratch.hi = b;
                    scratch.loOpen = (open[c]! & 1) !== 0;
                    scratch.hiOpen = (open[c]! & 2) !== 0;
                    const cmp = compareInterval(COMPARATORS[op[u]!]!, x, scratch);
                    st = cmp === 'all' ? MET : cmp === 'some' ? INDETERMINATE : NOT_MET;
                  }
                } else if (vc === V.done || vc === V.absent) st = MET;
                break;
              case R.trend:
                st = trendStatus(rd, r, l, yi, level[u]!, higher[u]!, vc, c);
                break;
              case R.state:
                if (vc === V.done) st = MET;
                else if (vc === V.state) {
                  const have = aux[c]!;
                  const need = level[u]!;
                  // 开展 against 有效开展 / 全面实施: a person's call
                  st = have >= need ? MET : need === 4 && have === 3 ? INDETERMINATE : NOT_MET;
                }
                break;
              case R.directive:
                st = vc === V.done ? MET : vc === V.undone ? NOT_MET : INDETERMINATE;
                break;
              case R.absence:
                if (vc === V.absent || vc === V.done) st = MET;
                else if (vc === V.number) st = hi[c] === 0 ? MET : lo[c]! > 0 ? NOT_MET : INDETERMINATE;
                break;
              case R.relation:
                st = vc === V.done ? MET : INDETERMINATE;
                break;
              // weighted: always a person's call
            }
          const full = points[u]!;
          if (full === full) {
            const t = tiers[u];
            if (t && k !== R.noRequirement && vc === V.dictionary) {
              const p = pointsFromTiers(t, dictionary[lo[c]!]!, STATUS_CODES[st]!, full);
              pMin = p.min;
              pMax = p.max;
            } else if (t && k !== R.noRequirement && vc === V.number && st !== NO_DATA) {
              const a = lo[c]!;
              const b = hi[c]!;
              const o = open[c]!;
              // an interval's bands take some work: the rule remembers the last one it placed
              if (a !== b && tierLo[u] === a && tierHi[u] === b && tierOpen[u] === o && tierStatus[u] === st) {
                pMin = tierMin[u]!;
                pMax = tierMax[u]!;
              } else {
                scratch.lo = a;
                scratch.hi = b;
                scratch.loOpen = (o & 1) !== 0;
                scratch.hiOpen = (o & 2) !== 0;
                const p = pointsFromTiers(t, scratch, STATUS_CODES[st]!, full);
                pMin = p.min;
                pMax = p.max;
                if (a !== b) {
                  tierLo[u] = a;
                  tierHi[u] = b;
                  tierOpen[u] = o;
                  tierStatus[u] = st;
                  tierMin[u] = pMin;
                  tierMax[u] = pMax;
                }
              }
            } else if (st === MET) {
              pMin = full;
              pMax = full;
            } else if (st === INDETERMINATE) pMax = full;
          }
        }
        leafStatus[r * L + l] = st;
        seen |= 1 << st;
        if (points[u]! === points[u]!) {
          scored = true;
          itemMin += pMin;
          itemMax += pMax;
        }
      }
      const status =
        seen & (1 << NOT_MET)
          ? NOT_MET
          : seen === 1 << MET
            ? MET
            : seen === 1 << NO_DATA
              ? NO_DATA
              : seen === 1 << NOT_APPLICABLE
                ? NOT_APPLICABLE
                : INDETERMINATE;
      counts[r * 5 + status]!++;
      const shared = sharedPoints[s * I + it]!;
      if (shared === shared) {
        if (status === MET) {
          scoreMin += shared;
          scoreMax += shared;
        } else if (status === INDETERMINATE) {
          scoreMin += 0;
          scoreMax += shared;
        } else {
          scoreMin += 0;
          scoreMax += 0;
        }
      } else if (scored) {
        scoreMin += itemMin;
        scoreMax += itemMax;
      }
    }
    out.scoreMin[r] = scoreMin;
    out.scoreMax[r] = scoreMax;
  }
  out.evaluations = evaluations;
  out.byObjects = byObjects;
  out.byDictionary = byDictionary;
  return out;
}

/** A trend requirement against a cell: the trend printed, or the change since the latest earlier figure. */
function trendStatus(rd: ColumnarReadings, r: number, l: number, yi: number, required: number, higher: number, vc: number, c: number): number {
  const T = TRENDS.length;
  if (vc === V.trend) {
    const t = TREND_TABLE[(required * T + rd.aux[c]!) * 2 + higher]!;
    return t === 255 ? INDETERMINATE : t;
  }
  if (vc === V.absent || vc === V.done) return MET;
  if (vc !== V.number) return INDETERMINATE;
  if (rd.aux[c]! > 0) {
    const t = TREND_TABLE[(required * T + rd.aux[c]! - 1) * 2 + higher]!;
    if (t !== 255) return t;
  }
  const x = rd.lo[c]!;
  if (x !== rd.hi[c]) return INDETERMINATE;
  const before = previousCell(rd, r, l, yi);
  const prev = before >= 0 ? pointAt(rd, before) : undefined;
  if (prev === undefined) return INDETERMINATE;
  const delta = x - prev;
  const signed = higher ? delta : -delta;
  if (signed > 0) return MET;
  if (signed === 0) return TRENDS[required] === 'improve' ? NOT_MET : MET;
  return NOT_MET;
}

function holdsNumber(v: Value): boolean {
  return v.kind === 'number' || (v.kind === 'composite' && v.parts.some(holdsNumber));
}

/** The cell of the latest observation before the year (the previous period), or -1. */
function previousCell(rd: ColumnarReadings, r: number, l: number, yi: number): number {
  for (let y = Math.min(yi, rd.years) - 1; y >= 0; y--) {
    const p = (y * rd.regions + r) * rd.leafCount + l;
    if (rd.code[p] !== V.missing) return p;
  }
  return -1;
}

/** A cell's figure when it is a single number (or a value in pieces holds one), as a trend compares it. */
function pointAt(rd: ColumnarReadings, p: number): number | undefined {
  const pc = rd.code[p]!;
  if (pc === V.number) return rd.lo[p] === rd.hi[p] ? rd.lo[p] : undefined;
  if (pc !== V.dictionary) return undefined;
  const v = rd.dictionary[rd.lo[p]!]!;
  if (v.kind === 'number') return v.lo === v.hi ? v.lo : undefined;
  if (v.kind === 'composite') for (const part of v.parts) if (part.kind === 'number' && part.lo === part.hi) return part.lo;
  return undefined;
}

/** One region's figures from a columnar summary, in summariseFramework's shape. */
export function regionSummary(rules: ColumnarRules, sum: ColumnarSummary, r: number): FrameworkSummary {
  const s = rules.ruleSetOf[r]!;
  let evaluations = 0;
  for (let it = 0; it < rules.itemCount; it++)
    if (rules.applicable[s * rules.itemCount + it]) evaluations += rules.itemLeafStart[it + 1]! - rules.itemLeafStart[it]!;
  const n = (code: number) => sum.counts[r * 5 + code]!;
  return {
    met: n(MET),
    notMet: n(NOT_MET),
    indeterminate: n(INDETERMINATE),
    noData: n(NO_DATA),
    notApplicable: n(NOT_APPLICABLE),
    evaluations,
    scoreMin: sum.scoreMin[r]!,
    scoreMax: sum.scoreMax[r]!,
  };
}
