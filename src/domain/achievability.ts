// Achievability (可达性研判): will the indicator meet its requirement by the target year?
//
// Method (documented in the README):
// - Not met, numeric, two or more yearly points: compound annual growth actually achieved over the
//   history (CAGR) is compared with the compound annual growth required to reach the requirement by
//   the target year, as in the UN ESCAP SDG progress assessment: ratio = actual / required.
//   ratio ≥ 1 → 预计可达标; 0.5 ≤ ratio < 1 → 不确定; ratio < 0.5 (or moving the wrong way) → 达标难度较大.
// - Not met, numeric, one point: no trend, and the answer says so. The class then rests on the size
//   of the change needed: required growth ≤ 3 %/year → 预计可达标; ≤ 10 %/year → 不确定; more → 达标难度较大.
// - Met at (or within 1 % of) the unit's ceiling, e.g. 100 % → 稳定达标: it cannot do better.
// - Met, numeric: margin beyond the requirement ≥ 5 % of it, and not worsening where a trend exists
//   → 稳定达标; a smaller margin with one point (or proxy data) → 不确定; worsening towards the line → 不确定.
// - Met, non-numeric (state, directive, absence) → 稳定达标. Not met, non-numeric → 不确定.
// - 无法判定 and 无数据 → 不确定, saying why. Past the target year and still not met → 达标难度较大.
import type { AchievabilityClass, Message, Polarity, Requirement, Status, Value } from './types.ts';

export const MARGIN_STABLE = 0.05;
/** Within 1 % of the highest possible value (e.g. ≥ 99 of 100 %) counts as at the top. */
export const NEAR_CEILING = 0.01;
export const GROWTH_EASY = 0.03;
export const GROWTH_HARD = 0.1;
export const RATIO_ON_TRACK = 1;
export const RATIO_HARD = 0.5;

export interface AchievabilityInput {
  status: Status;
  requirement?: Requirement;
  polarity: Polarity;
  /** the latest value and the year the figure is of */
  value?: Value;
  dataYear?: number;
  /** yearly numeric points, oldest first, including the latest */
  history: Array<{ year: number; value: number }>;
  targetYear?: number;
  target?: Requirement;
  /** flags of the latest observation (代用, 抽样 …) */
  flags: string[];
  /** how many periods have a value (intervals and words count; history holds only exact numbers) */
  periods?: number;
  /** the highest value the unit allows (100 for %): a value at it cannot improve */
  ceiling?: number;
}

export interface AchievabilityFigures {
  current?: number;
  required?: number;
  gapToRequirement?: number;
  target?: number;
  gapToTarget?: number;
  years?: number;
  annualChangeNeeded?: number;
  growthNeeded?: number;
  growthActual?: number;
  ratio?: number;
  points: number;
}

export interface Achievability {
  class: AchievabilityClass;
  reason: Message;
  figures: AchievabilityFigures;
}

/**
 * A representative point for a value: an exact number itself; for an interval, the point of it nearest
 * the requirement (大于70 against ≥60 → 70; 小于90 against ≥95 → 90), so gaps are never overstated.
 */
function pointOf(v: Value, reference: number | undefined): number | undefined {
  if (v.kind !== 'number') return undefined;
  if (v.lo === v.hi) return v.lo;
  if (reference !== undefined) {
    const p = Math.min(Math.max(reference, v.lo), v.hi);
    if (Number.isFinite(p)) return p;
  }
  if (Number.isFinite(v.lo)) return v.lo;
  if (Number.isFinite(v.hi)) return v.hi;
  return undefined;
}

/** The numeric bound of a requirement, if it has one (a composite's first threshold). */
export function thresholdOf(r: Requirement | undefined): { op: string; value: number } | undefined {
  if (!r) return undefined;
  if (r.kind === 'threshold') return { op: r.op, value: r.value };
  if (r.kind === 'composite') {
    for (const p of r.parts) {
      const t = thresholdOf(p);
      if (t) return t;
    }
  }
  return undefined;
}

const round = (n: number, d = 4): number => Math.round(n * 10 ** d) / 10 ** d;

function cagr(from: number, to: number, years: number): number | undefined {
  if (years <= 0 || from <= 0 || to <= 0) return undefined;
  return (to / from) ** (1 / years) - 1;
}

export function classifyAchievability(input: AchievabilityInput): Achievability | undefined {
  const { status, polarity } = input;
  if (status === 'notApplicable') return undefined;
  const points = Math.max(input.periods ?? 0, input.history.length);
  const figures: AchievabilityFigures = { points };
  const req = thresholdOf(input.requirement);
  const current = input.value ? pointOf(input.value, req?.value) : undefined;
  const tgt = thresholdOf(input.target);
  const years =
    input.targetYear !== undefined && input.dataYear !== undefined ? input.targetYear - input.dataYear : undefined;
  if (current !== undefined) figures.current = current;
  if (years !== undefined) figures.years = years;
  const sign = polarity === 'higher' ? 1 : -1;
  if (req && current !== undefined) {
    figures.required = req.value;
    figures.gapToRequirement = round(Math.max(0, sign * (req.value - current)));
  }
  if (tgt && current !== undefined) {
    figures.target = tgt.value;
    figures.gapToTarget = round(Math.max(0, sign * (tgt.value - current)));
  }
  const make = (cls: AchievabilityClass, key: string, params: Record<string, string | number> = {}): Achievability => ({
    class: cls,
    reason: { key, params: { ...params, points } },
    figures,
  });

  if (status === 'noData') return make('uncertain', 'achievability.noData');
  if (status === 'indeterminate') return make('uncertain', 'achievability.indeterminate');

  const trend = trendGrowth(input.history);
  if (trend !== undefined) figures.growthActual = round(trend);

  if (status === 'met') {
    if (!req || current === undefined) return make('stable', 'achievability.metQualitative');
    const margin = req.value === 0 ? sign * (current - req.value) : (sign * (current - req.value)) / Math.abs(req.value);
    const worsening = trend !== undefined && sign * trend < 0;
    const params = { margin: round(margin * 100, 2) };
    if (input.ceiling !== undefined && current >= input.ceiling * (1 - NEAR_CEILING))
      return make('stable', 'achievability.atCeiling', { ceiling: input.ceiling });
    if (worsening) return make('uncertain', 'achievability.metWorsening', params);
    if (margin >= MARGIN_STABLE || (trend !== undefined && margin >= 0))
      return make('stable', 'achievability.metWithMargin', params);
    if (input.flags.includes('代用')) return make('uncertain', 'achievability.metProxyMarginal', params);
    return make('uncertain', 'achievability.metMarginal', params);
  }

  // not met
  if (!req || current === undefined) return make('uncertain', 'achievability.notMetQualitative');
  if (years === undefined) return make('uncertain', 'achievability.noTargetYear');
  if (years <= 0) return make('difficult', 'achievability.pastTargetYear', { required: req.value });
  const gap = sign * (req.value - current);
  figures.annualChangeNeeded = round(gap / years);
  const needed = polarity === 'higher' ? cagr(current, req.value, years) : cagr(req.value, current, years);
  if (needed !== undefined) figures.growthNeeded = round(needed);
  const params = {
    required: req.value,
    years,
    annual: round(gap / years, 2),
    growth: needed !== undefined ? round(needed * 100, 2) : '—',
  };
  if (trend !== undefined && needed !== undefined && needed > 0) {
    const ratio = (sign * trend) / needed;
    figures.ratio = round(ratio);
    const withRatio = { ...params, actual: round(sign * trend * 100, 2), ratio: round(ratio, 2) };
    if (ratio >= RATIO_ON_TRACK) return make('expected', 'achievability.onTrack', withRatio);
    if (ratio >= RATIO_HARD) return make('uncertain', 'achievability.behindTrack', withRatio);
    return make('difficult', 'achievability.offTrack', withRatio);
  }
  if (needed === undefined) return make('uncertain', 'achievability.noTrendNoGrowth', params);
  if (needed <= GROWTH_EASY) return make('expected', 'achievability.noTrendSmallGap', params);
  if (needed <= GROWTH_HARD) return make('uncertain', 'achievability.noTrendMediumGap', params);
  return make('difficult', 'achievability.noTrendLargeGap', params);
}

/** Compound annual growth over the history (first to last point), or undefined with < 2 points. */
function trendGrowth(history: Array<{ year: number; value: number }>): number | undefined {
  if (history.length < 2) return undefined;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const span = last.year - first.year;
  if (span <= 0) return undefined;
  const g = cagr(first.value, last.value, span);
  if (g !== undefined) return g;
  // values at or below zero: fall back to a linear rate relative to the magnitude
  const base = Math.max(Math.abs(first.value), 1e-9);
  return (last.value - first.value) / span / base;
}
