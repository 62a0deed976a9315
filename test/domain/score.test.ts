// Points by band, ranges for straddling values, totals and the pass line.
import { describe, expect, it } from 'vitest';
import { parseTiers, parseValue } from '../../src/domain/phrase.ts';
import { pointsFromStatus, pointsFromTiers, totalScore, type PointsRange } from '../../src/domain/score.ts';
import type { Status } from '../../src/domain/types.ts';

const ctx = { label: '重庆市生态文明建设示范区县建设指标 第11项 森林覆盖率', unit: '%' };
const forest = parseTiers('A≥60 → 3；60＞A≥55 → 2；55＞A≥50 → 1', ctx);
const hundred = parseTiers('A=100 → 2；100＞A≥90 → 1', ctx);
const worded = parseTiers('100 → 3；城区100，乡镇完成上级考核要求 → 2', ctx);

const settled = (points: number): PointsRange => ({ points, min: points, max: points });
const range = (min: number, max: number): PointsRange => ({ points: null, min, max });
const score = (tiers: ReturnType<typeof parseTiers>, printed: string, status: Status, full: number) =>
  pointsFromTiers(tiers, parseValue(printed, ctx).value, status, full);

describe('pointsFromTiers: exact values', () => {
  it.each([
    ['65', 3],
    ['60', 3],
    ['59.9', 2],
    ['55', 2],
    ['54', 1],
    ['50', 1],
    ['49.9', 0],
  ] as const)('%s → %s points', (printed, points) => {
    expect(score(forest, printed, 'met', 3)).toEqual(settled(points));
  });

  it('A=100 → 2；100＞A≥90 → 1: 100 → 2, 95 → 1, 89 → 0', () => {
    expect(score(hundred, '100', 'met', 2)).toEqual(settled(2));
    expect(score(hundred, '95', 'notMet', 2)).toEqual(settled(1));
    expect(score(hundred, '89', 'notMet', 2)).toEqual(settled(0));
  });

  it('a worded band cannot be applied to a number: 99 against "100 → 3；城区100，乡镇… → 2" scores 0', () => {
    expect(score(worded, '100', 'met', 3)).toEqual(settled(3));
    expect(score(worded, '99', 'notMet', 3)).toEqual(settled(0));
  });
});

describe('pointsFromTiers: intervals', () => {
  it('a value inside one band is settled: 大于60 → 3', () => {
    expect(score(forest, '大于60', 'met', 3)).toEqual(settled(3));
  });

  it('a value straddling bands gives the range of their points', () => {
    expect(score(forest, '大于58', 'indeterminate', 3)).toEqual(range(2, 3));
    expect(score(forest, '接近60', 'indeterminate', 3)).toEqual(range(2, 3)); // [57, 60]
    expect(score(forest, '大于52', 'indeterminate', 3)).toEqual(range(1, 3));
    expect(score(hundred, '接近100', 'indeterminate', 2)).toEqual(range(1, 2));
    expect(score(hundred, '>99', 'indeterminate', 2)).toEqual(range(1, 2));
  });

  it('a value reaching below every band includes 0 in its range', () => {
    expect(score(forest, '大于45', 'indeterminate', 3)).toEqual(range(0, 3));
  });

  // A value whose open upper end sits on a band's closed lower edge (小于60 against A≥60) lies wholly below that band.
  it('小于60 (%) is [0, 60): 60＞A≥55 (2), 55＞A≥50 (1) or below every band (0), never A≥60 (3)', () => {
    expect(score(forest, '小于60', 'notMet', 3)).toEqual(range(0, 2));
  });

  it('<50 (%) is below every band: 0, settled', () => {
    expect(score(forest, '<50', 'notMet', 3)).toEqual(settled(0));
  });

  it('<100 (%) cannot be A=100: 0 or 1', () => {
    expect(score(hundred, '<100', 'notMet', 2)).toEqual(range(0, 1));
  });
});

describe('pointsFromTiers: words and missing data', () => {
  it('no data and not applicable score 0', () => {
    expect(score(forest, '-', 'noData', 3)).toEqual(settled(0));
    expect(pointsFromTiers(forest, undefined, 'notApplicable', 3)).toEqual(settled(0));
  });

  it('a word value falls back to the status: 满足 met → full, undecided → 0..full', () => {
    expect(score(worded, '满足', 'met', 3)).toEqual(settled(3));
    expect(score(worded, '满足', 'indeterminate', 3)).toEqual(range(0, 3));
  });
});

describe('pointsFromStatus', () => {
  it('met → full, notMet/noData → 0, indeterminate → 0..full', () => {
    expect(pointsFromStatus('met', 2)).toEqual(settled(2));
    expect(pointsFromStatus('notMet', 2)).toEqual(settled(0));
    expect(pointsFromStatus('noData', 2)).toEqual(settled(0));
    expect(pointsFromStatus('indeterminate', 2)).toEqual(range(0, 2));
  });
});

describe('totalScore', () => {
  it('a settled total of 92 passes at 92 (001: 92 for 2021)', () => {
    expect(totalScore([settled(50), settled(42)], 100, 92)).toEqual({
      score: 92,
      min: 92,
      max: 92,
      maxScore: 100,
      passScore: 92,
      passed: true,
    });
  });

  it('a settled total of 91 fails', () => {
    const t = totalScore([settled(50), settled(41)], 100, 92);
    expect(t.score).toBe(91);
    expect(t.passed).toBe(false);
  });

  it('a range across the pass line leaves score and pass open', () => {
    const t = totalScore([settled(50), range(40, 43)], 100, 92);
    expect(t.score).toBeNull();
    expect([t.min, t.max]).toEqual([90, 93]);
    expect(t.passed).toBeNull();
  });

  it('a range wholly above (or below) the pass line decides the pass', () => {
    expect(totalScore([settled(50), range(42, 45)], 100, 92)).toMatchObject({ score: null, passed: true });
    expect(totalScore([settled(40), range(0, 3)], 100, 92)).toMatchObject({ score: null, passed: false });
  });

  it('sums fractional points without floating-point residue', () => {
    expect(totalScore([settled(0.1), settled(0.2)], 1, 0.3)).toMatchObject({ score: 0.3, passed: true });
  });

  it('no items: 0', () => {
    expect(totalScore([], 100, 92)).toMatchObject({ score: 0, passed: false });
  });
});
