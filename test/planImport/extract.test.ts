// The parts put together: each seed read from its text form gives its plan's facts and frameworks; a plan whose
// targets stand only in running text (003, a 行动方案's 解读) has them as its indicators, recognised as the built-in
// framework transcribed from it, with the same units and targets as data/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { extractPlan } from '../../src/domain/planImport/extract.ts';
import { toImportJson } from '../../src/domain/planImport/json.ts';
import { parseTextForm } from '../../src/domain/planImport/textForm.ts';
import { SEEDS_DIR } from '../data/seed-text.ts';

const catalog = loadCatalog();
const read = (file: string) => extractPlan(parseTextForm(file, readFileSync(join(SEEDS_DIR, file), 'utf8')), { documentId: file.slice(0, 3), builtinFrameworks: catalog.frameworks });

describe('a plan read whole', () => {
  it('003: the twelve targets of the running text are its indicators, recognised as wushan-action-2027', () => {
    const x = read('003_98fa8349cd878849.txt');
    expect(x.plan).toMatchObject({ region: '巫山县', period: { start: 2023, end: 2027 }, targetYears: [2027], frameworks: ['wushan-action-2027'] });
    const [fw] = x.frameworks;
    expect(fw!.matched).toBe('wushan-action-2027');
    const builtin = catalog.frameworks.find((f) => f.id === 'wushan-action-2027')!;
    expect(fw!.framework.indicators.map((i) => [i.number, i.name, i.unit ?? null])).toEqual(builtin.indicators.map((i) => [i.number, i.name, i.unit ?? null]));
    const data = catalog.plans.find((p) => p.plan.id === 'wushan-action-2027')!.indicatorData[0]!;
    expect(fw!.data.entries.map((e) => [e.number, e.targets])).toEqual(data.entries.map((e) => [e.number, e.targets]));
    // the targets are the plan's own indicators now, not "unlinked"
    expect(x.findings.filter((f) => f.kind === 'unlinkedTarget')).toEqual([]);
  });

  it('001: the public JSON names the plan, both frameworks as recognised, 80 projects and 134 task clauses', () => {
    const j = toImportJson(read('001_b49ddb4fbe827741.txt'));
    expect(j.plan).toEqual({ title: '巫山县生态文明建设示范县创建规划（2022—2028年）', region: '巫山县', periodStart: 2022, periodEnd: 2028, baseYear: 2021, targetYears: [2024, 2027] });
    expect(j.frameworks.map((f) => [f.id, f.matched])).toEqual([['national-demo-county', 'national-demo-county'], ['chongqing-demo-county', 'chongqing-demo-county']]);
    expect(j.projects).toHaveLength(80);
    expect(j.projects.reduce((s, p) => s + (p.investmentWan ?? 0), 0)).toBe(513306);
    expect(j.statedProjectTotals).toMatchObject({ count: 80, investmentWan: 513306 });
    expect(j.tasks).toHaveLength(134);
    const no1 = j.frameworks[0]!.indicators.find((i) => i.number === '1')!;
    expect(no1).toMatchObject({ name: '生态文明建设规划', baseline: { year: 2021, printed: '正在制定【1】' }, leadUnits: ['县生态环境局'] });
    expect(no1.targets.map((t) => t.year)).toEqual([2024, 2027]);
  });

  it('the same indicator printed with two figures for one year in two tables is an inconsistency for the reviewer; a bound is not', () => {
    const table = (caption: string, forest: string) =>
      `${caption}\n\t序号\n\t指标名称\n\t单位\n\t现状值（2021年）\n\t目标值（2025年）\n\n\t1\n\t森林覆盖率\n\t%\n\t${forest}\n\t65\n\n\t2\n\t城镇污水处理率\n\t%\n\t90\n\t95\n\n`;
    const text = (a: string, b: string) => `某县生态文明建设规划（2021—2025年）\n\n${table('表1 某县建设指标', a)}说明。\n\n${table('表2 某县考核指标', b)}完。\n`;
    const findings = (a: string, b: string) => extractPlan(parseTextForm('a.txt', text(a, b)), { documentId: 'a', builtinFrameworks: catalog.frameworks }).findings.filter((f) => f.kind === 'inconsistency');
    const [f] = findings('60.5', '58');
    expect(f!.message).toBe('同一指标“森林覆盖率”2021年的现状值两处不一致：某县建设指标第1项为“60.5”，某县考核指标第1项为“58”，请核对并更正。');
    expect(findings('60.5', '60.5')).toEqual([]);
    expect(findings('60.5', '大于60')).toEqual([]);
  });
});
