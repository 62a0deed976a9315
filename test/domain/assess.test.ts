// Assessing a small hand-made framework: counts, points, not-applicable items and confirmations.
import { describe, expect, it } from 'vitest';
import {
  assessFramework,
  compileFramework,
  type Confirmation,
  type FrameworkDef,
  type LeafData,
  type ObservationInput,
} from '../../src/domain/assess.ts';
import { PhraseError, parseRequirement, parseValue } from '../../src/domain/phrase.ts';
import type { RegionTraits } from '../../src/domain/types.ts';
import { formatMessage } from '../../src/i18n/index.ts';

const def: FrameworkDef = {
  id: 'tiny',
  name: '测试指标体系',
  scoring: { maxScore: 10, passScore: 8 },
  indicators: [
    { number: '1', name: '河长制', unit: '-', requirement: '全面实施', points: 2 },
    {
      number: '2',
      name: '环境空气质量',
      parts: [
        { name: '优良天数比例', unit: '%', requirement: '优良天数比例≥85', points: 2 },
        { name: 'PM2.5浓度', unit: 'ug/m3', requirement: 'PM2.5浓度≤37', points: 2 },
      ],
    },
    {
      number: '3',
      name: '单位地区生产总值二氧化碳排放',
      unit: '吨/万元',
      requirement: '完成上级管控目标',
      applicability: { only: 'city', printed: '仅考核市，本县不涉及' },
    },
    { number: '4', name: '森林覆盖率', unit: '%', requirement: '≥60', points: 4, tiers: 'A≥60 → 4；60＞A≥55 → 2；55＞A≥50 → 1' },
  ],
};

const county: RegionTraits = { level: '区县', terrain: '山区', coastal: false };
const city: RegionTraits = { level: '市', coastal: false };

function obs(year: number, printed: string, unit?: string): ObservationInput {
  const reading = parseValue(printed, { label: 'test', ...(unit ? { unit } : {}) });
  return { year, printed, reading, flags: [] };
}

function data(overrides: Record<string, LeafData> = {}): Map<string, LeafData> {
  return new Map(
    Object.entries({
      '1': { observations: [obs(2021, '全面实施')], targets: [], leadUnits: ['区水利局'] },
      '2/优良天数比例': { observations: [obs(2021, '92.3', '%')], targets: [], leadUnits: ['区生态环境局'] },
      '2/PM2.5浓度': { observations: [obs(2021, '40')], targets: [], leadUnits: ['区生态环境局'] },
      '3': { observations: [obs(2021, '完成上级管控目标')], targets: [], leadUnits: ['区发展改革委'] },
      '4': {
        observations: [obs(2021, '大于58', '%')],
        targets: [{ year: 2024, printed: '≥60', requirement: parseRequirement('≥60', { label: 'test' }) }],
        leadUnits: ['区林业局'],
      },
      ...overrides,
    }),
  );
}

const opts = { year: 2021, targetYears: [2024, 2027] };
const confirm60: Confirmation = {
  number: '4',
  year: 2021,
  points: 4,
  by: '区林业局',
  at: '2022-03-01',
  reason: '森林资源二类调查核实为61.2%',
};

const item = (a: ReturnType<typeof assessFramework>, n: string) => a.items.find((i) => i.number === n)!;

describe('assessFramework without confirmations', () => {
  const a = assessFramework(compileFramework(def, county), data(), opts);

  it('counts the statuses of the four items', () => {
    expect(a).toMatchObject({
      id: 'tiny',
      year: 2021,
      applicable: 3,
      met: 1,
      notMet: 1,
      indeterminate: 1,
      noData: 0,
      notApplicable: 1,
      confirmed: 0,
    });
    expect(a.items.map((i) => [i.number, i.status])).toEqual([
      ['1', 'met'],
      ['2', 'notMet'],
      ['3', 'notApplicable'],
      ['4', 'indeterminate'],
    ]);
  });

  it('an item with parts fails when one part fails, and says which part and why', () => {
    const air = item(a, '2');
    expect(air.parts?.map((p) => [p.part, p.status])).toEqual([
      ['优良天数比例', 'met'],
      ['PM2.5浓度', 'notMet'],
    ]);
    const text = formatMessage(air.reason);
    expect(text).toContain('PM2.5浓度');
    expect(text).toContain('差距3');
    expect(air.points).toEqual({ points: 2, min: 2, max: 2 });
    expect(air.maxPoints).toBe(4);
    expect(air.leadUnits).toEqual(['区生态环境局']);
  });

  it('a city-only item is not applicable to a county, with the printed reason and no points', () => {
    const co2 = item(a, '3');
    expect(co2.status).toBe('notApplicable');
    expect(formatMessage(co2.reason)).toContain('仅考核市，本县不涉及');
    expect(co2.points).toBeUndefined();
    expect(co2.achievability).toBeUndefined();
  });

  it('a straddling value on a tiered item gives a points range and an open total', () => {
    const forest = item(a, '4');
    expect(forest.status).toBe('indeterminate');
    expect(formatMessage(forest.reason)).toContain('大于58');
    expect(forest.points).toEqual({ points: null, min: 2, max: 4 });
    expect(a.score).toMatchObject({ score: null, min: 6, max: 8, maxScore: 10, passScore: 8, passed: null });
  });

  it('the same item is applicable to a city', () => {
    const c = assessFramework(compileFramework(def, city), data(), opts);
    expect(item(c, '3').status).toBe('met');
    expect(c.notApplicable).toBe(0);
    expect(c.applicable).toBe(4);
  });

  it('an item without an observation for the year has no data', () => {
    const d = data();
    d.delete('1');
    const n = assessFramework(compileFramework(def, county), d, opts);
    expect(item(n, '1').status).toBe('noData');
    expect(formatMessage(item(n, '1').reason)).toContain('2021');
    expect(n.noData).toBe(1);
    expect(item(n, '1').points).toEqual({ points: 0, min: 0, max: 0 });
  });
});

describe('assessFramework with a confirmation', () => {
  const a = assessFramework(compileFramework(def, county), data(), { ...opts, confirmations: [confirm60] });
  const forest = item(a, '4');

  it('settles the straddling value, reported as a confirmation', () => {
    expect(forest.computedStatus).toBe('indeterminate');
    expect(forest.status).toBe('met');
    expect(forest.confirmation).toMatchObject({ by: '区林业局', at: '2022-03-01' });
    expect(forest.points).toEqual({ points: 4, min: 4, max: 4 });
    expect(forest.reason.key).toBe('reason.confirmed');
    const text = formatMessage(forest.reason);
    expect(text).toContain('区林业局');
    expect(text).toContain('2022-03-01');
    expect(text).toContain('森林资源二类调查核实为61.2%');
    // the computed reason is still shown
    expect(text).toContain('大于58');
  });

  it('updates the counts and the total', () => {
    expect(a).toMatchObject({ met: 2, notMet: 1, indeterminate: 0, confirmed: 1 });
    expect(a.score).toMatchObject({ score: 8, min: 8, max: 8, passed: true });
  });

  it('a confirmation with fewer than full points settles the item as not met', () => {
    const b = assessFramework(compileFramework(def, county), data(), { ...opts, confirmations: [{ ...confirm60, points: 2 }] });
    expect(item(b, '4')).toMatchObject({ status: 'notMet', computedStatus: 'indeterminate', points: { points: 2 } });
    expect(b.score).toMatchObject({ score: 6, passed: false });
  });

  it('does not override what the engine computed', () => {
    const b = assessFramework(compileFramework(def, county), data(), {
      ...opts,
      confirmations: [{ number: '2', year: 2021, status: 'met', points: 4, by: '某人', at: '2022-01-01', reason: '希望达标' }],
    });
    const air = item(b, '2');
    expect(air.status).toBe('notMet');
    expect(air.confirmation).toBeUndefined();
    expect(air.points).toEqual({ points: 2, min: 2, max: 2 });
    expect(b.confirmed).toBe(0);
  });

  it('a confirmation for another year is not applied', () => {
    const b = assessFramework(compileFramework(def, county), data(), { ...opts, confirmations: [{ ...confirm60, year: 2020 }] });
    expect(item(b, '4').status).toBe('indeterminate');
    expect(item(b, '4').confirmation).toBeUndefined();
    expect(b.confirmed).toBe(0);
  });
});

describe('compileFramework', () => {
  it('a bad phrase fails at compile time, naming the framework, item and phrase', () => {
    const bad: FrameworkDef = {
      ...def,
      indicators: [{ number: '5', name: '某指标', unit: '%', requirement: '大约还行' }],
    };
    let error: unknown;
    try {
      compileFramework(bad, county);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PhraseError);
    const message = (error as PhraseError).message;
    expect(message).toContain('大约还行');
    expect(message).toContain('测试指标体系');
    expect(message).toContain('第5项');
    expect(message).toContain('某指标');
  });

  it('picks the requirement of the region’s terrain', () => {
    const variants: FrameworkDef = {
      id: 'v',
      name: '变体',
      indicators: [
        {
          number: '1',
          name: '森林覆盖率',
          unit: '%',
          variants: [
            { when: { terrain: '山区' }, requirement: '≥60' },
            { when: { terrain: '丘陵' }, requirement: '≥40' },
            { when: { terrain: '平原' }, requirement: '≥18' },
          ],
        },
      ],
    };
    const leafData = new Map([['1', { observations: [obs(2021, '50', '%')], targets: [], leadUnits: [] }]]);
    const mountain = assessFramework(compileFramework(variants, county), leafData, opts);
    const hills = assessFramework(compileFramework(variants, { level: '区县', terrain: '丘陵', coastal: false }), leafData, opts);
    expect(mountain.items[0]!.status).toBe('notMet');
    expect(mountain.items[0]!.requirement).toBe('≥60');
    expect(hills.items[0]!.status).toBe('met');
    expect(hills.items[0]!.requirement).toBe('≥40');
  });
});
