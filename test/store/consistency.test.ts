// The plan consistency check on the built-in plans, from the store on both engines: what a reviewer finds by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planConsistency, type PlanConsistency } from '../../src/app/consistency.ts';
import { seed } from '../data/seed-text.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

// 001's project table: the row (number cell) of every project whose 对应创建指标 names 生活废弃物综合利用(率),
// and the line of that cell, read from the seed text.
const WASTE_PROJECTS: Array<[number, number, number]> = [
  [18, 1937, 1946],
  [19, 1948, 1957],
  [37, 2165, 2174],
  [38, 2176, 2185],
  [39, 2187, 2196],
  [40, 2198, 2207],
  [51, 2322, 2331],
  [66, 2517, 2527],
  [68, 2541, 2554],
  [69, 2556, 2566],
  [70, 2568, 2578],
];

const countsOf = (c: PlanConsistency) => Object.fromEntries(c.checks.filter((k) => k.count > 0).map((k) => [k.kind, k.count]));
const ofKind = (c: PlanConsistency, kind: string) => c.findings.filter((f) => f.kind === kind);

describe('the seed text behind the expected lines', () => {
  it('each of the eleven rows starts with its number, and its indicator cell names 生活废弃物综合利用', () => {
    const lines = seed('001').lines;
    for (const [number, row, cell] of WASTE_PROJECTS) {
      expect(lines[row - 1], `001 line ${row}`).toBe(String(number));
      expect(lines[cell - 1], `001 line ${cell}`).toContain('生活废弃物综合利用');
    }
    // and no other line of the project table (1742–2701) names it
    const all = lines.map((l, i) => [i + 1, l] as const).filter(([n, l]) => n >= 1742 && n <= 2701 && l.includes('生活废弃物综合利用'));
    expect(all.map(([n]) => n)).toEqual(WASTE_PROJECTS.map(([, , cell]) => cell));
  });
});

describe.each(ENGINES)('plan consistency on %s', (engine) => {
  let store: TestStore;
  let wushan: PlanConsistency;
  let qianjiang: PlanConsistency;

  beforeAll(async () => {
    store = await openTestStore(engine);
    wushan = await planConsistency(store.db, 'wushan-demo-county', 2021);
    qianjiang = await planConsistency(store.db, 'qianjiang-apeng-two-mountains', 2022);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('Wushan: the eleven projects naming 生活废弃物综合利用, each with its 001 line', () => {
    const found = ofKind(wushan, 'projectUnknownIndicator');
    expect(found.map((f) => [(f.subjects[0] as { number: number }).number, f.lines])).toEqual(
      WASTE_PROJECTS.map(([number, row]) => [number, [{ document: '001', line: row }]]),
    );
    for (const f of found) expect(f.message).toMatch(/所列对应指标“生活废弃物综合利用率?”不在本规划的指标体系中。$/);
    expect(found[0]!.message).toBe('第18号项目“生活垃圾分类项目及能力建设”所列对应指标“生活废弃物综合利用”不在本规划的指标体系中。');
  });

  it('Wushan: the stated totals (80 projects, 513,306 万元, five groups) agree, so no stated-total finding', () => {
    expect(ofKind(wushan, 'statedTotalDiffers')).toEqual([]);
    expect(wushan.checks.find((c) => c.kind === 'statedTotalDiffers')).toMatchObject({ count: 0, kindText: '文件所列合计与明细不符' });
  });

  it('Wushan 2021: the unmet indicators no project or task serves, with the indicator’s and the value’s lines', () => {
    const found = ofKind(wushan, 'unmetWithoutProject');
    expect(found.map((f) => f.subjects[0])).toEqual([
      { type: 'indicator', framework: 'national-demo-county', number: '1', name: '生态文明建设规划' },
      { type: 'indicator', framework: 'chongqing-demo-county', number: '26', name: '城镇集中式污水处理率' },
      { type: 'indicator', framework: 'chongqing-demo-county', number: '28', name: '城镇人均公园绿地面积' },
      { type: 'indicator', framework: 'chongqing-demo-county', number: '38', name: '生态环境教育基地' },
    ]);
    expect(found[0]!.lines).toEqual([{ document: '001', line: 155 }, { document: '001', line: 160 }]);
    // the misprinted “2” of 表2 is judged as its documented correction (表1 footnote 5, line 756): all three lines cited
    expect(found[1]!.message).toContain('现状值91.73％');
    expect(found[1]!.message).toContain('项目中有相近的名称“城镇污水处理率”');
    expect(found[1]!.lines.map((l) => l.line)).toEqual([756, 1272, 1278]);
    // 城镇新建绿色建筑 (Chongqing 30) is served by the project naming 城镇新建绿色建筑比例
    expect(found.some((f) => f.message.includes('城镇新建绿色建筑'))).toBe(false);
  });

  it('Wushan: 表2 names no lead units; only indicators without a same-named national one are reported', () => {
    const found = ofKind(wushan, 'indicatorWithoutLeadUnit');
    expect(found.every((f) => (f.subjects[0] as { framework: string }).framework === 'chongqing-demo-county')).toBe(true);
    expect(found.map((f) => (f.subjects[0] as { number: string }).number)).toEqual(['1', '3', '11', '15', '19', '20', '22', '24', '26', '28', '30', '31', '32', '33', '37', '38']);
    expect(found[0]!.message).toContain('相近的国家生态文明建设示范县建设指标第2项“党委政府对生态文明建设重大目标任务部署情况”由县委办公室、县政府办公室牵头');
  });

  it('Wushan: counts per kind; the footnotes 【1】–【6】 of 表1 all resolve', () => {
    expect(countsOf(wushan)).toEqual({ projectUnknownIndicator: 11, unmetWithoutProject: 4, indicatorWithoutLeadUnit: 16, statedFigureDiffers: 1, statedCountDiffers: 2 });
    expect(wushan.total).toBe(34);
  });

  it('Wushan: the text’s park green space (line 26, over 18 m²) against 表2’s 大于12, naming table and item', () => {
    const [f, ...rest] = ofKind(wushan, 'statedFigureDiffers');
    expect(rest).toEqual([]);
    expect(f!.subjects).toEqual([{ type: 'indicator', framework: 'chongqing-demo-county', number: '28', name: '城镇人均公园绿地面积' }]);
    expect(f!.message).toBe('规划正文称“人均公园绿地面积超过18平方米”（2021年），而重庆市生态文明建设示范区县建设指标第28项“城镇人均公园绿地面积”2021年现状值为“大于12”，两处数值不一致，请核对。');
    expect(f!.lines).toEqual([{ document: '001', line: 26 }, { document: '001', line: 1318 }]);
    expect(f!.linesText).toBe('文件001第26、1318行');
    // the same line's 优良天数占比98.1％ agrees with 表2's 98.1: nothing said of it
    expect(wushan.findings.some((x) => x.message.includes('优良天数'))).toBe(false);
  });

  it('Wushan: line 118’s 6 city-only and 2 coastal items against the 5 and 3 表1 marks, with the marked items', () => {
    const found = ofKind(wushan, 'statedCountDiffers');
    expect(found.map((f) => f.figures)).toEqual([
      { stated: 6, actual: 5, difference: -1 },
      { stated: 2, actual: 3, difference: 1 },
    ]);
    expect(found.map((f) => f.subjects.map((s) => (s as { number: string }).number))).toEqual([
      ['23', '24', '34', '37', '39'],
      ['9', '13', '18'],
    ]);
    expect(found[0]!.message).toBe(
      '规划正文称“创建指标体系一共43项指标，其中考核县仅37项，另有2项有关海域和海岸的内陆地区不涉及”，即国家生态文明建设示范县建设指标中仅考核市的指标6项，而指标表中标为仅考核市的有5项（第23、24、34、37、39项）。',
    );
    expect(found[1]!.lines[0]).toEqual({ document: '001', line: 118 });
  });

  it('Qianjiang: the stated 29 projects against the 22 the text names, by plan and group, with the lines', () => {
    expect(countsOf(qianjiang)).toEqual({ unmetWithoutProject: 2, statedTotalDiffers: 4 });
    const totals = ofKind(qianjiang, 'statedTotalDiffers');
    expect(totals.map((f) => f.figures)).toEqual([
      { stated: 29, actual: 22, difference: -7 },
      { stated: 7, actual: 3, difference: -4 },
      { stated: 5, actual: 3, difference: -2 },
      { stated: 5, actual: 4, difference: -1 },
    ]);
    expect(totals[0]!.message).toBe('全部项目：文件所列29个项目，明细合计22个，比文件所列少7个。');
    expect(totals[0]!.lines[0]).toEqual({ document: '000', line: 458 });
    expect(totals[1]!.lines).toEqual([{ document: '000', line: 462 }]);
  });

  it('a mutated stated total produces a finding naming both figures', async () => {
    await store.db.query(
      `UPDATE project_groups SET stated = jsonb_set(stated, '{investmentWan}', '205000') WHERE plan_id = 'wushan-demo-county' AND name = '生态安全保障工程'`,
    );
    try {
      const c = await planConsistency(store.db, 'wushan-demo-county', 2021);
      const [f, ...rest] = ofKind(c, 'statedTotalDiffers');
      expect(rest).toEqual([]);
      expect(f!.figures).toEqual({ stated: 205000, actual: 205455, difference: 455 });
      expect(f!.message).toBe('生态安全保障工程：文件所列投资205,000万元，明细合计205,455万元，比文件所列多455万元。');
      expect(f!.lines[0]).toEqual({ document: '001', line: 1742 });
      expect(f!.lines).toHaveLength(32); // the stated line and the 31 rows
    } finally {
      await store.db.query(
        `UPDATE project_groups SET stated = jsonb_set(stated, '{investmentWan}', '205455') WHERE plan_id = 'wushan-demo-county' AND name = '生态安全保障工程'`,
      );
    }
  });

  it('answers in English when asked', async () => {
    const c = await planConsistency(store.db, 'wushan-demo-county', 2021, 'en');
    expect(ofKind(c, 'projectUnknownIndicator')[0]!.message).toBe(
      'Project 18 “生活垃圾分类项目及能力建设” names “生活废弃物综合利用”, which is not an indicator of this plan.',
    );
    expect(c.checks[0]!.kindText).toBe('Projects naming an indicator the plan does not have');
  });
});
