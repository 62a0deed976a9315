// 可达性研判: class, reason and the figures behind it.
import { describe, expect, it } from 'vitest';
import { classifyAchievability, type AchievabilityInput } from '../../src/domain/achievability.ts';
import { evaluateLeaf } from '../../src/domain/evaluate.ts';
import { parseRequirement, parseValue } from '../../src/domain/phrase.ts';
import type { Value } from '../../src/domain/types.ts';
import { formatMessage } from '../../src/i18n/index.ts';

const ctx = { label: '测试指标' };
const num = (x: number): Value => ({ kind: 'number', lo: x, hi: x, loOpen: false, hiOpen: false });
const cagr = (from: number, to: number, years: number) => (to / from) ** (1 / years) - 1;

function classify(input: Partial<AchievabilityInput> & Pick<AchievabilityInput, 'status'>) {
  const a = classifyAchievability({ polarity: 'higher', history: [], flags: [], ...input });
  if (!a) throw new Error('no achievability');
  const text = formatMessage(a.reason);
  for (const s of [text, formatMessage(a.reason, 'en')]) {
    expect(s).not.toBe(a.reason.key);
    expect(s).not.toMatch(/\{\w+\}/);
  }
  return { ...a, text };
}

describe('one data point', () => {
  it('Qianjiang-like: 0.89 against >3 by 2028, from 2021 data → difficult, needs ≈19 %/year', () => {
    const a = classify({
      status: 'notMet',
      requirement: parseRequirement('>3', ctx),
      value: num(0.89),
      dataYear: 2021,
      targetYear: 2028,
      history: [{ year: 2021, value: 0.89 }],
    });
    expect(a.class).toBe('difficult');
    expect(a.figures.growthNeeded).toBeCloseTo(cagr(0.89, 3, 7), 3);
    expect(a.figures.growthNeeded).toBeCloseTo(0.1897, 3);
    expect(a.figures.years).toBe(7);
    expect(a.figures.gapToRequirement).toBeCloseTo(2.11, 6);
    expect(a.figures.points).toBe(1);
    expect(a.text).toContain('仅有1个数据点');
    expect(a.text).toContain('无趋势');
  });

  it('92.76 against >95 with three years to go → expected (a small gap), and says there is no trend', () => {
    const a = classify({
      status: 'notMet',
      requirement: parseRequirement('＞95%', { label: 'x', unit: '%' }),
      value: num(92.76),
      dataYear: 2021,
      targetYear: 2024,
      history: [{ year: 2021, value: 92.76 }],
      ceiling: 100,
    });
    expect(a.class).toBe('expected');
    expect(a.figures.gapToRequirement).toBeCloseTo(2.24, 6);
    expect(a.figures.growthNeeded).toBeLessThanOrEqual(0.03);
    expect(a.text).toContain('仅有1个数据点');
    expect(a.text).toContain('无趋势');
  });

  it('a medium gap (≈6 %/year) with one point → uncertain', () => {
    const a = classify({
      status: 'notMet',
      requirement: parseRequirement('≥60', ctx),
      value: num(50),
      dataYear: 2021,
      targetYear: 2024,
      history: [{ year: 2021, value: 50 }],
    });
    expect(a.class).toBe('uncertain');
    expect(a.text).toContain('无趋势');
  });

  it('met but marginal with one point → uncertain, saying a trend cannot be judged', () => {
    const a = classify({
      status: 'met',
      requirement: parseRequirement('≥60', ctx),
      value: num(61),
      dataYear: 2021,
      targetYear: 2024,
      history: [{ year: 2021, value: 61 }],
    });
    expect(a.class).toBe('uncertain');
    expect(a.text).toContain('仅有1个数据点');
  });
});

describe('two or more points: ratio of actual to required compound annual growth (ESCAP)', () => {
  const base = {
    status: 'notMet' as const,
    requirement: parseRequirement('≥60', ctx),
    dataYear: 2021,
    targetYear: 2024,
  };

  it('ratio ≥ 1 → expected', () => {
    const a = classify({ ...base, value: num(55), history: [{ year: 2019, value: 50 }, { year: 2021, value: 55 }] });
    const ratio = cagr(50, 55, 2) / cagr(55, 60, 3);
    expect(ratio).toBeGreaterThanOrEqual(1);
    expect(a.figures.ratio).toBeCloseTo(ratio, 3);
    expect(a.figures.growthActual).toBeCloseTo(cagr(50, 55, 2), 3);
    expect(a.figures.growthNeeded).toBeCloseTo(cagr(55, 60, 3), 3);
    expect(a.class).toBe('expected');
    expect(a.figures.points).toBe(2);
  });

  it('0.5 ≤ ratio < 1 → uncertain', () => {
    const a = classify({ ...base, value: num(55), history: [{ year: 2019, value: 52.8 }, { year: 2021, value: 55 }] });
    const ratio = cagr(52.8, 55, 2) / cagr(55, 60, 3);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(1);
    expect(a.figures.ratio).toBeCloseTo(ratio, 3);
    expect(a.class).toBe('uncertain');
  });

  it('ratio < 0.5 → difficult', () => {
    const a = classify({ ...base, value: num(50), history: [{ year: 2019, value: 49.9 }, { year: 2021, value: 50 }] });
    const ratio = cagr(49.9, 50, 2) / cagr(50, 60, 3);
    expect(ratio).toBeLessThan(0.5);
    expect(a.figures.ratio).toBeCloseTo(ratio, 3);
    expect(a.class).toBe('difficult');
  });

  it('ratio ≈ 0.33 (some progress, far too slow) → difficult', () => {
    const a = classify({ ...base, value: num(50), history: [{ year: 2019, value: 48 }, { year: 2021, value: 50 }] });
    const ratio = cagr(48, 50, 2) / cagr(50, 60, 3);
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.5);
    expect(a.figures.ratio).toBeCloseTo(ratio, 3);
    expect(a.class).toBe('difficult');
  });

  it('moving the wrong way → difficult', () => {
    const a = classify({ ...base, value: num(50), history: [{ year: 2019, value: 52 }, { year: 2021, value: 50 }] });
    expect(a.figures.ratio).toBeLessThan(0);
    expect(a.class).toBe('difficult');
  });

  it('lower-is-better: a steady fall fast enough → expected', () => {
    const a = classify({
      status: 'notMet',
      polarity: 'lower',
      requirement: parseRequirement('≤0.4', ctx),
      value: num(0.45),
      dataYear: 2021,
      targetYear: 2024,
      history: [{ year: 2019, value: 0.5 }, { year: 2021, value: 0.45 }],
    });
    expect(a.class).toBe('expected');
    expect(a.figures.gapToRequirement).toBeCloseTo(0.05, 6);
  });

  it('uses the threshold of a target when given: gap to target reported separately', () => {
    const a = classify({
      ...base,
      value: num(55),
      target: parseRequirement('达到62%以上', ctx),
      history: [{ year: 2019, value: 50 }, { year: 2021, value: 55 }],
    });
    expect(a.figures.gapToRequirement).toBe(5);
    expect(a.figures.gapToTarget).toBe(7);
  });
});

describe('met', () => {
  it('at the 100% ceiling → stable', () => {
    const a = classify({
      status: 'met',
      requirement: parseRequirement('100', { label: 'x', unit: '%' }),
      value: num(100),
      dataYear: 2021,
      targetYear: 2024,
      history: [{ year: 2021, value: 100 }],
      ceiling: 100,
    });
    expect(a.class).toBe('stable');
  });

  it('with a wide margin → stable', () => {
    const a = classify({ status: 'met', requirement: parseRequirement('≥60', ctx), value: num(70), history: [{ year: 2021, value: 70 }] });
    expect(a.class).toBe('stable');
  });

  it('with a margin but worsening → uncertain', () => {
    const a = classify({
      status: 'met',
      requirement: parseRequirement('≥60', ctx),
      value: num(70),
      history: [{ year: 2019, value: 75 }, { year: 2021, value: 70 }],
    });
    expect(a.class).toBe('uncertain');
    expect(a.text).toContain('变差');
  });

  it('marginal on proxy data (代用) → uncertain, and says the data are a proxy', () => {
    const a = classify({
      status: 'met',
      requirement: parseRequirement('≥60', ctx),
      value: num(61),
      history: [{ year: 2021, value: 61 }],
      flags: ['代用'],
      ceiling: 100,
    });
    expect(a.class).toBe('uncertain');
    expect(a.text).toContain('代用');
  });

  it('a qualitative requirement met → stable', () => {
    const a = classify({
      status: 'met',
      requirement: parseRequirement('建立', ctx),
      value: { kind: 'state', level: 2, word: '已建立' },
    });
    expect(a.class).toBe('stable');
  });
});

describe('other statuses', () => {
  it('no data → uncertain, saying why', () => {
    const a = classify({ status: 'noData' });
    expect(a.class).toBe('uncertain');
    expect(a.text).toContain('无现状数据');
  });

  it('indeterminate → uncertain', () => {
    expect(classify({ status: 'indeterminate' }).class).toBe('uncertain');
  });

  it('not applicable → no achievability at all', () => {
    expect(classifyAchievability({ status: 'notApplicable', polarity: 'higher', history: [], flags: [] })).toBeUndefined();
  });

  it('past the target year and still not met → difficult', () => {
    const a = classify({
      status: 'notMet',
      requirement: parseRequirement('≥60', ctx),
      value: num(50),
      dataYear: 2024,
      targetYear: 2024,
    });
    expect(a.class).toBe('difficult');
  });
});

describe('interval values', () => {
  it('小于90 (%) against ≥95: the gap is 5, the same gap the status reason gives', () => {
    const pct = { label: 'x', unit: '%' };
    const requirement = parseRequirement('≥95', pct);
    const value = parseValue('小于90', pct).value;
    const verdict = evaluateLeaf({ requirement, requirementPrinted: '≥95', value, valuePrinted: '小于90', polarity: 'higher' });
    expect(verdict.status).toBe('notMet');
    expect(verdict.reason.params?.gap).toBe('5');
    const a = classify({ status: 'notMet', requirement, value, dataYear: 2021, targetYear: 2024, periods: 1, ceiling: 100 });
    expect(a.figures.gapToRequirement).toBe(5);
  });
});
