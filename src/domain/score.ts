// Scoring a scored framework: points per tier, totals, pass line.
import type { Status, Tier, Value } from './types.ts';

export interface PointsRange {
  /** the points when they are settled; null while the value straddles bands */
  points: number | null;
  min: number;
  max: number;
}

/** Points for a leaf with bands: the band its whole value falls in; a straddling value gives a range. */
export function pointsFromTiers(tiers: Tier[], value: Value | undefined, status: Status, full: number): PointsRange {
  if (status === 'notApplicable' || status === 'noData' || !value) return settled(0);
  const numeric = value.kind === 'number' ? value : value.kind === 'composite' ? value.parts.find((p) => p.kind === 'number') : undefined;
  if (!numeric || numeric.kind !== 'number') return pointsFromStatus(status, full);
  if (numeric.lo === numeric.hi) {
    // an exact figure is in one band or in none
    for (const tier of tiers) if (tier.band && contains(tier.band, numeric.lo, false, 'lo')) return settled(tier.points);
    return settled(0);
  }
  const hits: number[] = [];
  let outside = false;
  for (const tier of tiers) {
    if (!tier.band) continue;
    const overlap = overlapOf(tier.band, numeric);
    if (overlap === 'all') return settled(tier.points);
    if (overlap === 'some') hits.push(tier.points);
  }
  // The part of the value outside every band scores 0.
  outside = !coveredByBands(tiers, numeric);
  if (hits.length === 0) return settled(0);
  const all = outside ? [...hits, 0] : hits;
  const min = Math.min(...all);
  const max = Math.max(...all);
  return min === max ? settled(min) : { points: null, min, max };
}

/** Points without bands: full when met, none when not met, open while indeterminate. */
export function pointsFromStatus(status: Status, full: number): PointsRange {
  if (status === 'met') return settled(full);
  if (status === 'indeterminate') return { points: null, min: 0, max: full };
  return settled(0);
}

const SETTLED = new Map<number, PointsRange>();

/** Settled points; the objects are shared and frozen, since results only read them. */
function settled(points: number): PointsRange {
  let r = SETTLED.get(points);
  if (!r) {
    r = Object.freeze({ points, min: points, max: points }) as PointsRange;
    SETTLED.set(points, r);
  }
  return r;
}

type Band = NonNullable<Tier['band']>;
type Interval = { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };

/**
 * Is the value's end x inside band b? A closed end is the point x; an open end stands for the values just
 * beside x on the inner side (just below it for an upper end, just above it for a lower end).
 */
function contains(b: Band, x: number, open: boolean, side: 'lo' | 'hi'): boolean {
  if (open && side === 'hi') return x > b.lo && x <= b.hi;
  if (open && side === 'lo') return x >= b.lo && x < b.hi;
  return (x > b.lo || (x === b.lo && !b.loOpen)) && (x < b.hi || (x === b.hi && !b.hiOpen));
}

function overlapOf(b: Band, v: Interval): 'all' | 'some' | 'none' {
  if (v.lo === v.hi) return contains(b, v.lo, false, 'lo') ? 'all' : 'none';
  if (contains(b, v.lo, v.loOpen, 'lo') && contains(b, v.hi, v.hiOpen, 'hi')) return 'all';
  return intersects(b, v) ? 'some' : 'none';
}

/** Do two intervals share at least one point? */
function intersects(a: Interval, b: Interval): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  return !loOpen && !hiOpen;
}

/** Is every point of the value inside some band? (Bands are printed contiguous from the top down.) */
function coveredByBands(tiers: Tier[], v: Interval): boolean {
  const bands = tiers.flatMap((t) => (t.band ? [t.band] : []));
  if (bands.length === 0) return false;
  const lo = Math.min(...bands.map((b) => b.lo));
  const hi = Math.max(...bands.map((b) => b.hi));
  const loBand = bands.find((b) => b.lo === lo)!;
  const aboveLo = v.lo > lo || (v.lo === lo && (!loBand.loOpen || v.loOpen));
  return aboveLo && v.hi <= hi;
}

export interface ScoreTotal {
  score: number | null;
  min: number;
  max: number;
  maxScore: number;
  passScore: number;
  passed: boolean | null;
}

/** Sum the items' points; the total is settled only when every item is. */
export function totalScore(items: PointsRange[], maxScore: number, passScore: number): ScoreTotal {
  const min = round(items.reduce((s, i) => s + i.min, 0));
  const max = round(items.reduce((s, i) => s + i.max, 0));
  const score = min === max ? min : null;
  const passed = min >= passScore ? true : max < passScore ? false : null;
  return { score, min, max, maxScore, passScore, passed };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
