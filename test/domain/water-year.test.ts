// A year of water samples by GB 3838-2002 表1 and the national assessment method (环办〔2011〕22号), each expected
// class read by hand from the table (the limits are written beside each expectation).
import { describe, expect, it } from 'vitest';
import { drinkingCompliance, sectionShares, sectionYear, type SectionYearInput } from '../../src/domain/waterYear.ts';
import { computeStatistic } from '../../src/domain/monitoringStatistics.ts';

const river = (code: string, samples: SectionYearInput['samples'], target: SectionYearInput['target'] = 'Ⅲ'): SectionYearInput => ({ code, name: `断面${code}`, waterbody: 'river', target, samples });
const good = { pH: 7.5, DO: 7, CODMn: 3, 'NH3-N': 0.3, TP: 0.08 };

describe('a section’s class', () => {
  it('a river section with one item at Ⅳ is Ⅳ, misses its Ⅲ target, and its TN is ignored', () => {
    // DO 7 ≥ 6 → Ⅱ; CODMn 3 ≤ 4 → Ⅱ; NH3-N 1.2: 1.0 < 1.2 ≤ 1.5 → Ⅳ; TP 0.08 ≤ 0.1 → Ⅱ; TN 5 of a river: no class.
    const s = sectionYear(river('R1', [{ date: '2025-05-10', values: { ...good, 'NH3-N': 1.2, TN: 5 } }]));
    expect(s.class).toBe('Ⅳ');
    expect(s.exceeding).toEqual(['NH3-N']);
    expect(s.compliant).toBe(false);
    expect(s.totalNitrogenClass).toBeNull();
  });

  it('a lake’s TN is assessed on its own, never in the class (评价办法 一(一)1)', () => {
    // lake TP 0.03: 0.025 < 0.03 ≤ 0.05 → Ⅲ; TN 1.8: 1.5 < 1.8 ≤ 2.0 → Ⅴ, reported apart.
    const s = sectionYear({ code: 'L1', name: '水库', waterbody: 'reservoir', target: 'Ⅲ', samples: [{ date: '2025-06-01', values: { pH: 7.8, DO: 8, CODMn: 2.5, 'NH3-N': 0.2, TP: 0.03, TN: 1.8 } }] });
    expect(s.class).toBe('Ⅲ');
    expect(s.totalNitrogenClass).toBe('Ⅴ');
    expect(s.compliant).toBe(true);
  });

  it('fecal coliform is a reference item: 50,000 per L does not make the section 劣Ⅴ', () => {
    expect(sectionYear(river('R2', [{ date: '2025-05-10', values: { ...good, fecal_coliform: 50_000 } }])).class).toBe('Ⅱ');
  });

  it('the year’s class is from the annual mean of each item; each month from the month’s mean', () => {
    // NH3-N 0.4 (Ⅱ, ≤ 0.5) in March and 1.4 (Ⅳ) in August: annual mean 0.9 → Ⅲ (0.5 < 0.9 ≤ 1.0)
    const s = sectionYear(river('R3', [
      { date: '2025-03-05', values: { ...good, 'NH3-N': 0.4 } },
      { date: '2025-08-05', values: { ...good, 'NH3-N': 1.4 } },
    ]));
    expect(s.perSample.map((x) => x.class)).toEqual(['Ⅱ', 'Ⅳ']);
    expect(s.perMonth).toEqual([{ month: 3, class: 'Ⅱ' }, { month: 8, class: 'Ⅳ' }]);
    expect(s.class).toBe('Ⅲ');
    expect(s.compliant).toBe(true);
  });
});

describe('the region’s water figures', () => {
  it('shares of sections at Ⅲ or better and at 劣Ⅴ: 1 of 3 each → 33.3%', () => {
    // Ⅱ, Ⅳ (NH3-N 1.2), 劣Ⅴ (NH3-N 2.5 > 2.0)
    const sections = [
      sectionYear(river('A', [{ date: '2025-04-01', values: good }])),
      sectionYear(river('B', [{ date: '2025-04-01', values: { ...good, 'NH3-N': 1.2 } }], 'Ⅳ')),
      sectionYear(river('C', [{ date: '2025-04-01', values: { ...good, 'NH3-N': 2.5 } }])),
    ];
    expect(sectionShares(sections)).toMatchObject({ sections: 3, class3OrBetter: 1, worseThan5: 1, compliant: 2 });
    expect(computeStatistic('water.shareClass3OrBetter', { water: sections }).printed).toBe('33.3%');
    expect(computeStatistic('water.shareWorseThan5', { water: sections }).printed).toBe('33.3%');
    // A meets Ⅲ, B meets its Ⅳ target, C misses: 2 of 3
    expect(computeStatistic('water.sectionCompliance', { water: sections }).printed).toBe('66.7%');
    expect(computeStatistic('water.sectionClass', { water: [sections[1]!] }).printed).toBe('Ⅳ类');
  });

  it('drinking-water source compliance by samples meeting Ⅲ: 3 of 4 → 75%', () => {
    // a reservoir: TP read against the 湖、库 column, 0.02 → Ⅱ (0.01 < 0.02 ≤ 0.025); 0.08 would be Ⅳ there
    const lakeGood = { ...good, TP: 0.02 };
    const source = sectionYear({ code: 'S1', name: '水源地', waterbody: 'reservoir', target: 'Ⅲ', samples: [
      { date: '2025-01-10', values: lakeGood },
      { date: '2025-02-10', values: lakeGood },
      { date: '2025-03-10', values: { ...lakeGood, CODMn: 7 } }, // 6 < 7 ≤ 10 → Ⅳ
      { date: '2025-04-10', values: lakeGood },
    ] });
    expect(drinkingCompliance([source])).toEqual({ samples: 4, meeting: 3, rate: 0.75 });
    expect(computeStatistic('drinking.complianceRate', { water: [source] }).printed).toBe('75%');
  });

  it('no section with samples: 无数据, never 0', () => {
    const r = computeStatistic('water.shareClass3OrBetter', { water: [sectionYear(river('E', []))] });
    expect(r).toMatchObject({ value: null, printed: '无数据' });
  });
});
