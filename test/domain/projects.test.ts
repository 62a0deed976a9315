// Key-project roll-ups: counts and investment compared with the totals the document states.
import { describe, expect, it } from 'vitest';
import { rollupProjects, type ProjectInput } from '../../src/domain/projects.ts';

const projects: ProjectInput[] = [
  { group: '生态环境', category: '水环境', name: '污水管网改造', investmentWan: 1000, yearStart: 2022, yearEnd: 2023, leadUnits: ['区水利局'] },
  { group: '生态环境', category: '大气环境', name: '扬尘治理', investmentWan: 500.5, yearStart: 2022, yearEnd: 2022, leadUnits: ['区生态环境局', '区水利局'] },
  { group: '生态经济', name: '生态农业示范园', investmentWan: null, yearStart: 2024, leadUnits: [] },
];
const groups = [
  { name: '生态环境', stated: { count: 2, investmentWan: 1500.5 } },
  { name: '生态经济', stated: { count: 2, investmentWan: 300 } },
  { name: '生态文化' },
];

describe('rollupProjects', () => {
  const r = rollupProjects(projects, groups, { count: 4, investmentWan: 2000, printed: '共4项，总投资2000万元' });

  it('totals count every project and sum the known investments', () => {
    expect(r.count).toBe(3);
    expect(r.investmentWan).toBe(1500.5);
  });

  it('counts projects without an investment as missing, not as zero-cost', () => {
    expect(r.missingInvestment).toBe(1);
    const economy = r.groups.find((g) => g.name === '生态经济')!;
    expect(economy.missingInvestment).toBe(1);
    // its only project has no stated investment: the group's investment is unknown (无数据), not 0
    expect(economy.investmentWan).toBeNull();
  });

  it('reports the difference from the stated total (computed − stated)', () => {
    expect(r.statedCount).toBe(4);
    expect(r.statedInvestmentWan).toBe(2000);
    expect(r.countDifference).toBe(-1);
    expect(r.investmentDifferenceWan).toBe(-499.5);
  });

  it('a group that agrees with its stated total shows zero differences', () => {
    const env = r.groups.find((g) => g.name === '生态环境')!;
    expect(env).toMatchObject({ count: 2, investmentWan: 1500.5, countDifference: 0, investmentDifferenceWan: 0 });
  });

  it('a group that disagrees shows non-zero differences', () => {
    const economy = r.groups.find((g) => g.name === '生态经济')!;
    expect(economy.countDifference).toBe(-1);
    // no investment is known, so no investment difference can be stated
    expect(economy.investmentDifferenceWan).toBeNull();
  });

  it('keeps the listed groups in order, including empty ones, with no difference where nothing is stated', () => {
    expect(r.groups.map((g) => g.name)).toEqual(['生态环境', '生态经济', '生态文化']);
    const culture = r.groups[2]!;
    expect(culture).toMatchObject({ count: 0, investmentWan: 0, statedCount: null, countDifference: null, investmentDifferenceWan: null });
  });

  it('without a stated total, differences are null (not 0)', () => {
    const bare = rollupProjects(projects, []);
    expect(bare.statedCount).toBeNull();
    expect(bare.countDifference).toBeNull();
    expect(bare.investmentDifferenceWan).toBeNull();
  });

  it('categories fall back to the group', () => {
    expect(r.categories.map((c) => [c.name, c.count]).sort()).toEqual(
      [
        ['大气环境', 1],
        ['水环境', 1],
        ['生态经济', 1],
      ].sort(),
    );
  });

  it('lead units: a project with two units counts for each, largest investment first', () => {
    expect(r.leadUnits[0]).toMatchObject({ name: '区水利局', count: 2, investmentWan: 1500.5 });
    expect(r.leadUnits.find((u) => u.name === '区生态环境局')).toMatchObject({ count: 1, investmentWan: 500.5 });
  });

  it('spreads each investment evenly over its years', () => {
    expect(r.years).toEqual([
      { year: 2022, count: 2, investmentWan: 1000.5 },
      { year: 2023, count: 1, investmentWan: 500 },
      { year: 2024, count: 1, investmentWan: 0 },
    ]);
  });

  it('sums decimals without floating-point residue', () => {
    const decimals: ProjectInput[] = [0.1, 0.2, 0.3].map((w, i) => ({ group: 'g', name: `p${i}`, investmentWan: w, leadUnits: [] }));
    const d = rollupProjects(decimals, [{ name: 'g', stated: { count: 3, investmentWan: 0.6 } }]);
    expect(d.investmentWan).toBe(0.6);
    expect(d.groups[0]!.investmentDifferenceWan).toBe(0);
  });

  it('passes on that a stated total is approximate (约82.9亿元)', () => {
    const a = rollupProjects(projects, [], { count: 29, investmentWan: 829000, approximate: true, printed: '约82.9亿元' });
    expect(a.approximate).toBe(true);
    expect(a.countDifference).toBe(3 - 29);
  });
});
