// Evaluate one requirement against one value: 达标 / 未达标 / 无法判定 / 无数据, with the reason.
import type { Message, Polarity, Requirement, Status, Trend, Value } from './types.ts';

export interface Verdict {
  status: Status;
  reason: Message;
}

export interface LeafFacts {
  requirement: Requirement;
  requirementPrinted: string;
  value: Value;
  valuePrinted: string;
  polarity: Polarity;
  /** the indicator's unit, for the reason sentence (≥95% rather than ≥95) */
  unit?: string;
  /** the previous period's number, for trend requirements */
  previous?: { year: number; value: number };
}

const verdict = (status: Status, key: string, params: Record<string, string | number>): Verdict => ({
  status,
  reason: { key, params },
});

/** Evaluate a leaf (an item or a part of an item). */
export function evaluateLeaf(f: LeafFacts): Verdict {
  const v = decide(f);
  const p = { value: f.valuePrinted, requirement: f.requirementPrinted };
  return verdict(v.status, v.key, v.params ? { ...p, ...v.params } : p);
}

/**
 * The status alone, for assessing many regions: the same decision as evaluateLeaf without building the
 * message (numeric thresholds, the commonest case, skip even the judgement object).
 */
export function statusOf(f: LeafFacts): Status {
  const r = f.requirement;
  const v = f.value;
  if (r.kind === 'threshold' && v.kind === 'number') {
    const c = compareInterval(r.op, r.value, v);
    return c === 'all' ? 'met' : c === 'some' ? 'indeterminate' : 'notMet';
  }
  return decide(f).status;
}

const NO_DATA: Judgement = { status: 'noData', key: 'reason.noData' };
const NOT_CARRIED_OUT: Judgement = { status: 'noData', key: 'reason.notCarriedOut' };
const FULFILLED: Judgement = { status: 'met', key: 'reason.fulfilled' };

function decide(f: LeafFacts): Judgement {
  if (isNone(f.value)) return NO_DATA;
  // 未开展 for a measured quantity (GEP accounting not yet carried out) means there is no figure.
  if (f.value.kind === 'state' && f.value.level === 0 && !involvesState(f.requirement)) return NOT_CARRIED_OUT;
  if (f.value.kind === 'done' && isBlanketDone(f.value.word)) return FULFILLED;
  return judge(f.requirement, f.value, f);
}

interface Judgement {
  status: Status;
  key: string;
  params?: Record<string, string | number>;
}

function involvesState(r: Requirement): boolean {
  return r.kind === 'state' || (r.kind === 'composite' && r.parts.some(involvesState));
}

function isNone(v: Value): boolean {
  if (v.kind === 'none') return true;
  if (v.kind === 'composite') return v.parts.every(isNone);
  return false;
}

/** 满足/达标/符合 answer any requirement of the row they stand in. */
export function isBlanketDone(word: string): boolean {
  return word === '满足' || word === '达标' || word === '符合';
}

function judge(req: Requirement, value: Value, f: LeafFacts): Judgement {
  if (req.kind === 'composite') return judgeComposite(req.parts, value, f);
  if (value.kind === 'composite') {
    // One requirement, several value pieces: the piece of the matching kind decides.
    const pieces = value.parts.filter((part) => !isNone(part));
    const matching = pieces.filter((part) => matches(req, part));
    const candidates = matching.length > 0 ? matching : pieces;
    const results = candidates.map((part) => judge(req, part, f));
    return results.find((r) => r.status === 'met') ?? results.find((r) => r.status === 'notMet') ?? results[0] ?? {
      status: 'noData',
      key: 'reason.noData',
    };
  }
  switch (req.kind) {
    case 'threshold':
      return judgeThreshold(req.op, req.value, value, f.unit);
    case 'weighted':
      return { status: 'indeterminate', key: 'reason.weighted', params: { reference: req.reference } };
    case 'trend':
      return judgeTrend(req.trend, value, f);
    case 'state':
      return judgeState(req.level, req.word, value);
    case 'directive':
      if (value.kind === 'done') return { status: 'met', key: 'reason.directive.met' };
      if (value.kind === 'undone') return { status: 'notMet', key: 'reason.directive.notMet' };
      return { status: 'indeterminate', key: 'reason.directive.unknown' };
    case 'absence':
      if (value.kind === 'absent') return { status: 'met', key: 'reason.absence.met' };
      if (value.kind === 'number' && value.hi === 0) return { status: 'met', key: 'reason.absence.met' };
      if (value.kind === 'number' && value.lo > 0) return { status: 'notMet', key: 'reason.absence.notMet' };
      if (value.kind === 'done') return { status: 'met', key: 'reason.absence.met' };
      return { status: 'indeterminate', key: 'reason.absence.unknown' };
    case 'relation':
      if (value.kind === 'done') return { status: 'met', key: 'reason.fulfilled' };
      return { status: 'indeterminate', key: 'reason.relation' };
  }
}

/** Which value piece speaks to which kind of requirement. */
function matches(req: Requirement, value: Value): boolean {
  switch (req.kind) {
    case 'threshold':
    case 'weighted':
      return value.kind === 'number';
    case 'trend':
      return value.kind === 'trend' || (value.kind === 'number' && value.trend !== undefined) || value.kind === 'absent';
    case 'state':
      return value.kind === 'state';
    case 'directive':
      return value.kind === 'done' || value.kind === 'undone';
    case 'absence':
      return value.kind === 'absent';
    default:
      return false;
  }
}

function judgeComposite(parts: Requirement[], value: Value, f: LeafFacts): Judgement {
  const results = parts.map((part) => judge(part, value, f));
  const notMet = results.find((r) => r.status === 'notMet');
  if (notMet) return notMet;
  if (results.every((r) => r.status === 'met')) return { status: 'met', key: 'reason.allMet' };
  if (results.every((r) => r.status === 'noData')) return { status: 'noData', key: 'reason.noData' };
  const open = results.find((r) => r.status === 'indeterminate') ?? results.find((r) => r.status === 'noData')!;
  return { ...open, status: 'indeterminate' };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

type Op = '>=' | '>' | '<=' | '<' | '=';

/** Does one end of an interval satisfy "x op bound"? (An open end approaches its bound from inside.) */
function endSatisfies(op: Op, bound: number, x: number, open: boolean, side: 'lo' | 'hi'): boolean {
  switch (op) {
    case '>=':
      return x > bound || (x === bound && !(open && side === 'hi'));
    case '>':
      return x > bound || (x === bound && open && side === 'lo');
    case '<=':
      return x < bound || (x === bound && !(open && side === 'lo'));
    case '<':
      return x < bound || (x === bound && open && side === 'hi');
    case '=':
      return x === bound;
  }
}

/** Does the whole interval satisfy "x op bound"? Some of it? None of it? */
export function compareInterval(
  op: Op,
  bound: number,
  v: { lo: number; hi: number; loOpen: boolean; hiOpen: boolean },
): 'all' | 'some' | 'none' {
  if (op === '=') {
    if (v.lo === bound && v.hi === bound) return 'all';
    const inside = (v.lo < bound || (v.lo === bound && !v.loOpen)) && (v.hi > bound || (v.hi === bound && !v.hiOpen));
    return inside ? 'some' : 'none';
  }
  const loOk = endSatisfies(op, bound, v.lo, v.loOpen, 'lo');
  const hiOk = endSatisfies(op, bound, v.hi, v.hiOpen, 'hi');
  if (loOk && hiOk) return 'all';
  if (!loOk && !hiOk) return 'none';
  return 'some';
}

const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

function judgeThreshold(op: '>=' | '>' | '<=' | '<' | '=', bound: number, value: Value, unit?: string): Judgement {
  if (value.kind === 'done') return { status: 'met', key: 'reason.fulfilled' };
  if (value.kind === 'absent') return { status: 'met', key: 'reason.fulfilled' };
  if (value.kind !== 'number') return { status: 'indeterminate', key: 'reason.threshold.notNumber' };
  const suffix = unit === '%' || unit === '％' ? '%' : '';
  const params = { bound: `${OP_TEXT[op]}${fmt(bound)}${suffix}` };
  const c = compareInterval(op, bound, value);
  if (c === 'all') return { status: 'met', key: 'reason.threshold.met', params };
  if (c === 'some') return { status: 'indeterminate', key: 'reason.threshold.straddles', params };
  const point = op === '>=' || op === '>' ? value.hi : value.lo;
  return {
    status: 'notMet',
    key: 'reason.threshold.notMet',
    params: { ...params, gap: fmt(Math.abs(bound - point)) },
  };
}

/** Does a trend that happened satisfy the trend required? (undefined: cannot tell) */
export function trendSatisfies(required: Trend, actual: Trend, polarity: Polarity): boolean | undefined {
  const better = polarity === 'higher' ? 'increase' : 'decrease';
  const worse = polarity === 'higher' ? 'decrease' : 'increase';
  const normalised: Trend = actual === better ? 'improve' : actual === worse ? 'decrease' : actual;
  if (normalised === 'decrease') return false; // got worse
  if (required === 'improve') return normalised === 'improve' ? true : undefined;
  return normalised === 'improve' || normalised === 'stable' || normalised === 'notWorse';
}

function judgeTrend(required: Trend, value: Value, f: LeafFacts): Judgement {
  if (value.kind === 'trend') {
    const ok = trendSatisfies(required, value.trend, f.polarity);
    if (ok === true) return { status: 'met', key: value.estimated ? 'reason.trend.estimatedMet' : 'reason.trend.met' };
    if (ok === false) return { status: 'notMet', key: 'reason.trend.notMet' };
    return { status: 'indeterminate', key: 'reason.trend.unclear' };
  }
  if (value.kind === 'absent') return { status: 'met', key: 'reason.trend.atBest' };
  if (value.kind === 'done') return { status: 'met', key: 'reason.fulfilled' };
  if (value.kind === 'number') {
    if (value.trend) {
      const ok = trendSatisfies(required, value.trend, f.polarity);
      if (ok === true) return { status: 'met', key: 'reason.trend.met' };
      if (ok === false) return { status: 'notMet', key: 'reason.trend.notMet' };
    }
    if (f.previous && value.lo === value.hi) {
      const delta = value.lo - f.previous.value;
      const signed = f.polarity === 'higher' ? delta : -delta;
      const params = { previous: fmt(f.previous.value), previousYear: f.previous.year, change: fmt(delta) };
      if (signed > 0) return { status: 'met', key: 'reason.trend.computedBetter', params };
      if (signed === 0)
        return required === 'improve'
          ? { status: 'notMet', key: 'reason.trend.computedFlatNeedsRise', params }
          : { status: 'met', key: 'reason.trend.computedFlat', params };
      return { status: 'notMet', key: 'reason.trend.computedWorse', params };
    }
    return { status: 'indeterminate', key: 'reason.trend.needsHistory' };
  }
  return { status: 'indeterminate', key: 'reason.trend.unclear' };
}

function judgeState(required: number, word: string, value: Value): Judgement {
  if (value.kind === 'done') return { status: 'met', key: 'reason.fulfilled' };
  if (value.kind !== 'state') return { status: 'indeterminate', key: 'reason.state.unclear', params: { word } };
  if (value.level >= required) return { status: 'met', key: 'reason.state.met' };
  // 开展 against 有效开展 / 全面实施: whether it is "effective" or "comprehensive" is a person's call.
  if (required === 4 && value.level === 3) return { status: 'indeterminate', key: 'reason.state.qualifier' };
  return { status: 'notMet', key: 'reason.state.notMet' };
}
