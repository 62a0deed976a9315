// The ecociv command as a user runs it: JSON contracts, Chinese tables, clear errors and exit codes.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../helpers/cli.ts';

const { dir: dataDir, ecociv } = cliRunner('ecociv-cli-');

describe('ecociv CLI (embedded store)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('plans --format json is the public contract', async () => {
    const r = await ecociv('plans', '--format', 'json');
    expect(r.code).toBe(0);
    const plans = JSON.parse(r.stdout);
    expect(plans).toHaveLength(3);
    expect(plans.find((p: { id: string }) => p.id === 'qianjiang-apeng-two-mountains')).toEqual({
      id: 'qianjiang-apeng-two-mountains',
      region: '黔江区',
      title: '黔江区阿蓬江流域“绿水青山就是金山银山”实践创新基地建设规划（2023-2028年）',
      baseYear: 2022,
      targetYears: [2028],
    });
  });

  it('assess --format json gives counts, score and results', async () => {
    const r = await ecociv('assess', 'wushan-demo-county', '--year', '2021', '--format', 'json');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.plan).toBe('wushan-demo-county');
    expect(a.year).toBe(2021);
    const [national, municipal] = a.frameworks;
    expect(national).toMatchObject({ id: 'national-demo-county', applicable: 35, met: 29, notMet: 6, indeterminate: 0, noData: 0, notApplicable: 8, score: null });
    expect(municipal).toMatchObject({ id: 'chongqing-demo-county', score: 92, maxScore: 100, passScore: 92 });
    expect(national.results[0]).toMatchObject({ number: '1', name: '生态文明建设规划', status: 'notMet', value: '正在制定【1】', requirement: '制定实施' });
  });

  it('assess prints a Chinese table with the summary sentence and the document’s own words', async () => {
    const r = await ecociv('assess', 'wushan-demo-county', '--year', '2021');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2021年巫山县国家生态文明建设示范县建设指标35项指标中，已达标29项，未达标6项。');
    expect(r.stdout).toContain('评分：92/100（92分通过）');
    expect(r.stdout).toContain('规划文本所述');
    expect(r.stdout).toContain('村镇饮用水卫生合格率');
  });

  it('projects --format json reconciles with the stated totals', async () => {
    const r = await ecociv('projects', 'wushan-demo-county', '--format', 'json');
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ count: 80, investmentWan: 513306, statedCount: 80, statedInvestmentWan: 513306 });
    expect(p.groups.map((g: { count: number }) => g.count)).toEqual([31, 4, 17, 21, 7]);
    expect(Object.keys(p.groups[0]).sort()).toEqual(['count', 'investmentWan', 'name', 'statedCount', 'statedInvestmentWan']);
    const table = await ecociv('projects', 'wushan-demo-county');
    expect(table.stdout).toContain('513,306');
  });

  it('an unknown plan is a Chinese error listing the plans, exit code 2', async () => {
    const r = await ecociv('assess', 'nowhere', '--year', '2021');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到规划“nowhere”');
    expect(r.stderr).toContain('wushan-demo-county');
  });

  it('record refuses a malformed file and a bad batch, saving nothing', async () => {
    const broken = join(dataDir, 'broken.json');
    writeFileSync(broken, '{ "observations": [ {');
    const r1 = await ecociv('record', broken);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('格式有误');
    const bad = join(dataDir, 'bad.yaml');
    writeFileSync(
      bad,
      'observations:\n  - { plan: wushan-demo-county, framework: national-demo-county, number: "36", year: 2023, printed: "60" }\n  - { plan: wushan-demo-county, framework: national-demo-county, number: "31", year: 2023, printed: "150" }\n',
    );
    const r2 = await ecociv('record', bad);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('数据未保存');
    expect(r2.stderr).toContain('第2条');
    const a = JSON.parse((await ecociv('assess', 'wushan-demo-county', '--year', '2023', '--format', 'json')).stdout);
    expect(a.frameworks[0].results.find((x: { number: string }) => x.number === '36').value).toBeNull();
  });
});
