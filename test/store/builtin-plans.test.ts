// The built-in Chongqing plans, assessed from the store on both engines: what the plan office checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan, type PlanAssessment } from '../../src/app/assessPlan.ts';
import { planProjects } from '../../src/app/planProjects.ts';
import { listPlans } from '../../src/store/queries.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

describe.each(ENGINES)('built-in plans on %s', (engine) => {
  let store: TestStore;
  let wushan: PlanAssessment;
  let qianjiang: PlanAssessment;

  beforeAll(async () => {
    store = await openTestStore(engine);
    wushan = await assessPlan(store.db, 'wushan-demo-county', 2021);
    qianjiang = await assessPlan(store.db, 'qianjiang-apeng-two-mountains', 2022);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('lists the three plans with region, title and years', async () => {
    const plans = await listPlans(store.db);
    const byId = Object.fromEntries(plans.map((p) => [p.id, p]));
    expect(Object.keys(byId).sort()).toEqual(['qianjiang-apeng-two-mountains', 'wushan-action-2027', 'wushan-demo-county']);
    expect(byId['wushan-demo-county']).toMatchObject({ region: '巫山县', baseYear: 2021, targetYears: [2024, 2027] });
    expect(byId['qianjiang-apeng-two-mountains']).toMatchObject({ region: '黔江区', baseYear: 2022, targetYears: [2028] });
    expect(byId['wushan-action-2027']).toMatchObject({ region: '巫山县', baseYear: null, targetYears: [2027] });
  });

  it('Wushan 2021, national framework: 35 applicable, 29 met, the six unmet the document names', () => {
    const f = wushan.frameworks.find((x) => x.id === 'national-demo-county')!;
    expect(f.results).toHaveLength(43);
    expect(f.applicable).toBe(35);
    expect(f.met).toBe(29);
    expect(f.notMet).toBe(6);
    expect(f.indeterminate).toBe(0);
    expect(f.noData).toBe(0);
    expect(f.notApplicable).toBe(8);
    const unmet = f.results.filter((r) => r.status === 'notMet').map((r) => r.name);
    // 001 line 1454 names these six.
    expect(unmet.sort()).toEqual(
      ['生态文明建设规划', '农业废弃物综合利用率', '村镇饮用水卫生合格率', '三大粮食作物化肥农药利用率', '农村生活污水治理率', '城镇新建绿色建筑比例'].sort(),
    );
    expect(f.summary).toBe('2021年巫山县国家生态文明建设示范县建设指标35项指标中，已达标29项，未达标6项。');
    // Only 秸秆综合利用率 of item 26 misses, as the document says.
    const item26 = f.results.find((r) => r.number === '26')!;
    expect('parts' in item26 && item26.parts!.filter((p) => p.status === 'notMet').map((p) => p.part)).toEqual(['秸秆综合利用率']);
  });

  it('a confirmation settles the one indeterminate national item and is reported as a confirmation', () => {
    const f = wushan.frameworks.find((x) => x.id === 'national-demo-county')!;
    const item2 = f.results.find((r) => r.number === '2')!;
    expect(item2.computedStatus).toBe('indeterminate');
    expect(item2.status).toBe('met');
    expect(item2.confirmation).toMatchObject({ by: expect.stringContaining('规划编制组'), at: '2022-12-01' });
    expect(item2.reason).toContain('已确认');
    expect(item2.reason).toContain('有效开展');
    expect(f.confirmed).toBe(1);
  });

  it('Wushan 2021, Chongqing framework: 92 of 100 with exactly the five deductions of line 1455', () => {
    const f = wushan.frameworks.find((x) => x.id === 'chongqing-demo-county')!;
    expect(f.score).toBe(92);
    expect(f.maxScore).toBe(100);
    expect(f.passScore).toBe(92);
    expect(f.passed).toBe(true);
    const lost = Object.fromEntries(f.deductions.map((d) => [d.name, d.lost]));
    expect(lost).toEqual({
      村镇饮用水卫生合格率: 2,
      城镇新建绿色建筑: 2,
      生态环境教育基地: 2,
      城镇集中式污水处理率: 1,
      城镇人均公园绿地面积: 1,
    });
    // The misprinted "2" of item 26 is kept, and the corrected 91.73％ (footnote 5 of table 1) is what scores.
    const item26 = f.results.find((r) => r.number === '26')!;
    expect(item26.value).toBe('2');
    expect('observation' in item26 && item26.observation?.correction?.printed).toBe('91.73％');
    expect(item26.points).toBe(2);
  });

  it('keeps every figure with its document line', () => {
    const f = wushan.frameworks.find((x) => x.id === 'national-demo-county')!;
    const item29 = f.results.find((r) => r.number === '29')!;
    expect('observation' in item29 && item29.observation).toMatchObject({
      printed: '49.3【4】',
      flags: ['抽样'],
      source: { document: '001', line: expect.any(Number) },
      footnote: { mark: '【4】', printed: expect.stringContaining('抽检') },
    });
    expect(item29.leadUnits).toEqual(['县卫生健康委']);
  });

  it('shows the document’s own achievability judgement beside the engine’s', () => {
    const f = wushan.frameworks.find((x) => x.id === 'national-demo-county')!;
    const item31 = f.results.find((r) => r.number === '31')!; // 农村生活污水治理率 24.3 vs ≥50
    expect(item31.achievability?.class).toBe('difficult');
    expect(item31.achievability?.stated).toMatchObject({ year: 2024, commitment: '确保' });
    expect(item31.achievability?.reason).toContain('仅有1个数据点');
  });

  it('Wushan projects: 80 projects, 513,306 万元, groups 31/4/17/21/7 matching their stated sums', async () => {
    const p = await planProjects(store.db, 'wushan-demo-county');
    expect(p.count).toBe(80);
    expect(p.investmentWan).toBe(513306);
    expect(p.statedCount).toBe(80);
    expect(p.statedInvestmentWan).toBe(513306);
    expect(p.groups.map((g) => [g.name, g.count, g.statedCount])).toEqual([
      ['生态安全保障工程', 31, 31],
      ['生态空间优化工程', 4, 4],
      ['生态经济发展工程', 17, 17],
      ['生态生活示范工程', 21, 21],
      ['生态文化繁荣工程', 7, 7],
    ]);
    for (const g of p.groups) {
      expect(g.investmentWan).toBe(g.statedInvestmentWan);
      expect(g.investmentDifferenceWan).toBe(0);
    }
  });

  it('Qianjiang projects: the 22 named projects are fewer than the stated 29, and the difference is shown', async () => {
    const p = await planProjects(store.db, 'qianjiang-apeng-two-mountains');
    expect(p.statedCount).toBe(29);
    expect(p.count).toBe(22);
    expect(p.countDifference).toBe(-7);
    expect(p.missingInvestment).toBe(22);
    expect(p.statedInvestmentWan).toBe(829000);
    expect(p.groups).toHaveLength(6);
  });

  it('Qianjiang 2022: 20 indicators; No. 5 and No. 20 unmet with the document’s 达标难度较大 beside', () => {
    const f = qianjiang.frameworks[0]!;
    expect(f.results).toHaveLength(20);
    const no5 = f.results.find((r) => r.number === '5')!;
    expect(no5.status).toBe('notMet');
    expect(no5.value).toBe('92.76%*');
    expect(no5.requirement).toBe('＞95%');
    expect(no5.achievability?.stated?.class).toBe('difficult');
    expect(no5.achievability?.class).not.toBeNull();
    const no20 = f.results.find((r) => r.number === '20')!;
    expect(no20.status).toBe('notMet');
    expect(no20.achievability?.stated?.class).toBe('difficult');
    expect(no20.achievability?.class).toBe('difficult');
    // 0.89 % (2021) to more than 3 % by 2028: about 19 % a year.
    expect(no20.achievability?.figures?.growthNeeded).toBeCloseTo(0.1897, 3);
    expect(no20.achievability?.reason).toContain('18.9');
    expect('observation' in no20 && no20.observation?.flags).toEqual(expect.arrayContaining(['代用', '往年']));
  });

  it('Qianjiang No. 17 rests on a proxy and is uncertain, saying why; No. 4 and No. 10 have no data', () => {
    const f = qianjiang.frameworks[0]!;
    const no17 = f.results.find((r) => r.number === '17')!;
    expect(no17.achievability?.class).toBe('uncertain');
    expect(no17.achievability?.reason).toContain('代用');
    expect(no17.achievability?.stated?.class).toBe('uncertain');
    expect(f.results.find((r) => r.number === '4')!.status).toBe('noData');
    expect(f.results.find((r) => r.number === '10')!.status).toBe('noData');
  });

  it('Qianjiang: the document’s class counts (7/10/1/2) are shown beside the engine’s own', () => {
    const f = qianjiang.frameworks[0]!;
    expect(f.stated[0]!.classes).toEqual({ 稳定达标: 7, 预计可达标: 10, 不确定: 1, 达标难度较大: 2 });
    const engine = f.classes;
    expect(engine.stable + engine.expected + engine.uncertain + engine.difficult).toBe(20);
  });
});

describe.each(ENGINES)('key tasks on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('Wushan’s tasks come back as the document sets them out, chapter by chapter', async () => {
    const { planTasks } = await import('../../src/app/planProjects.ts');
    const t = await planTasks(store.db, 'wushan-demo-county');
    expect(t.clauses).toBe(134);
    expect(t.tasks[0]).toMatchObject({ kind: 'heading', number: '第三章', title: '建设高效完善的生态制度体系', source: { document: '001', line: 1457 } });
    const water = t.tasks.flatMap((c) => c.tasks).flatMap((sec) => sec.tasks).find((x) => x.title === '坚守水资源保障阵地')!;
    expect(water.tasks.map((c) => c.title)).toContain('保障供水水质');
    const q = await planTasks(store.db, 'qianjiang-apeng-two-mountains');
    expect(q.clauses).toBe(50);
  });
});
