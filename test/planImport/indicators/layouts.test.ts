// Layouts beyond the seeds: a 十四五 table with a target column per year and 约束性/预期性, phrases the
// requirement language does not read, notes that are missing, a docx-style two-row header with spans.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/data/load.ts';
import type { PlanDocument, Row, TableBlock } from '../../../src/domain/planImport/document.ts';
import { extractIndicators } from '../../../src/domain/planImport/indicators.ts';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';
import type { PlanInfo } from '../../../src/domain/planImport/types.ts';
import { DATA_DIR } from '../../data/seed-text.ts';

const INFO: PlanInfo = { title: null, region: null, period: null, baseYear: null, targetYears: [], phases: [] };
const builtinFrameworks = loadCatalog(DATA_DIR).frameworks;
const ctx = { documentId: 'up1', builtinFrameworks };

/** The text form: a cell's first line begins with a TAB, rows end with a blank line. */
function textTable(caption: string, rows: string[][], after: string[] = []): string {
  return [
    '某区生态环境保护“十四五”规划',
    caption,
    ...rows.flatMap((r) => [...r.map((c) => `\t${c}`), '']),
    '',
    ...after,
    '',
  ].join('\n');
}

const YEARS = ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年'];
const perYear = textTable(
  '表3  某区“十四五”生态环境保护主要指标',
  [
    ['序号', '指标名称', '单位', ...YEARS, '指标属性', '责任单位'],
    ['1', '地表水水质优良比例', '%', '80', '82', '84', '86', '88', '≥90', '约束性', '区生态环境局、区水利局'],
    ['2', '空气质量优良天数比例', '%', '85【1】', '86', '87', '88', '89', '≥90', '约束性', '区生态环境局'],
    ['3', '生态环境质量', '-', '良', '良', '良', '稳中向好', '稳中向好', '稳中向好', '预期性', '区生态环境局'],
    ['4', '单位GDP能耗降低', '%', '[2]', '—', '—', '—', '—', '完成市下达任务', '约束性', '区发展改革委\n区经济信息委'],
  ],
  ['注：【1】2020年为监测站数据。'],
);

describe('a 十四五 table with a target column per year (2020…2025)', () => {
  const doc = parseTextForm('plan.txt', perYear);
  const r = extractIndicators(doc, ctx, INFO, 'plan-up1');
  const fw = r.value.frameworks[0]!;

  it('becomes a new framework of the plan, named by its caption, with the attributes as printed', () => {
    expect(r.value.frameworks).toHaveLength(1);
    expect(fw.matched).toBeNull();
    // item 4's 2020 cell prints "[2]" and no note 【2】 follows the table; 【1】 has its note
    expect(r.findings.filter((f) => f.kind === 'footnoteMissing').map((f) => f.message)).toEqual([expect.stringContaining('[2]')]);
    expect(fw.framework.id).toBe('plan-up1-indicators-1');
    expect(fw.framework.name).toBe('某区“十四五”生态环境保护主要指标');
    expect(fw.framework.indicators.map((i) => [i.number, i.name, i.unit, i.attribute])).toEqual([
      ['1', '地表水水质优良比例', '%', '约束性'],
      ['2', '空气质量优良天数比例', '%', '约束性'],
      ['3', '生态环境质量', '-', '预期性'],
      ['4', '单位GDP能耗降低', '%', '约束性'],
    ]);
  });

  it('gives six targets per item, one per year column, with the cell’s line', () => {
    for (const e of fw.data.entries) expect(e.targets?.map((t) => t.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    const first = fw.data.entries[0]!;
    expect(first.targets?.[5]).toMatchObject({ printed: '≥90' });
    expect(doc.lines[first.targets![5]!.source!.line - 1]).toBe('\t≥90');
    expect(first.leadUnits).toEqual(['区生态环境局', '区水利局']);
    expect(fw.data.entries[3]!.leadUnits).toEqual(['区发展改革委', '区经济信息委']);
  });

  it('lists a phrase the requirement language does not read, naming the phrase and the item, and keeps the printed text', () => {
    const unknown = r.findings.filter((f) => f.kind === 'unknownPhrase');
    expect(unknown.length).toBeGreaterThanOrEqual(1);
    expect(unknown.some((f) => f.message.includes('稳中向好') && f.message.includes('生态环境质量'))).toBe(true);
    expect(unknown.every((f) => f.source !== null && f.source.line > 0)).toBe(true);
    expect(fw.data.entries[2]!.targets?.[3]?.printed).toBe('稳中向好');
  });

  it('takes a year column of the plan’s base year as the baseline when the plan names one', () => {
    const withBase = extractIndicators(doc, ctx, { ...INFO, baseYear: 2020 }, 'plan-up1').value.frameworks[0]!;
    expect(withBase.data.entries[0]!.observations).toEqual([expect.objectContaining({ year: 2020, printed: '80' })]);
    expect(withBase.data.entries[0]!.targets?.map((t) => t.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe('a 十四五 table with sub-items under one number', () => {
  const text = textTable('表2  “十四五”主要指标', [
    ['序号', '指标', '单位', '2020年（基期）', '2025年目标', '属性'],
    ['1', '主要污染物重点工程减排量', '', '', '', '约束性'],
    ['', '化学需氧量', '吨', '-', '完成市下达任务', ''],
    ['', '氨氮', '吨', '-', '完成市下达任务', ''],
    ['2', '森林覆盖率', '%', '50', '≥52', '约束性'],
    ['', '山区', '', '', '', ''],
  ]);
  const r = extractIndicators(parseTextForm('s.txt', text), ctx, INFO, 'plan-s');
  const fw = r.value.frameworks[0]!;

  it('reads the named rows under a number as that item’s parts, with their own units and targets', () => {
    const item = fw.framework.indicators[0]!;
    expect(item.attribute).toBe('约束性');
    expect(item.parts?.map((p) => [p.name, p.unit])).toEqual([
      ['化学需氧量', '吨'],
      ['氨氮', '吨'],
    ]);
    expect(fw.data.entries.slice(0, 2).map((e) => [e.part, e.observations?.[0]?.year, e.observations?.[0]?.printed, e.targets?.[0]?.printed])).toEqual([
      ['化学需氧量', 2020, '-', '完成市下达任务'],
      ['氨氮', 2020, '-', '完成市下达任务'],
    ]);
    expect(fw.framework.indicators[1]!.parts).toBeUndefined();
    expect(fw.data.entries).toHaveLength(3);
    // a qualifier row with nothing of its own leaves the item's figures as they are
    expect(fw.data.entries[2]).toMatchObject({ number: '2', observations: [{ year: 2020, printed: '50' }], targets: [{ year: 2025, printed: '≥52' }] });
  });
});

describe('baseline and notes', () => {
  const text = textTable(
    '表1  某县生态文明建设指标',
    [
      ['序号', '指标名称', '单位', '现状值（2022年）', '2025年目标', '牵头单位', '配合单位'],
      ['1', '森林覆盖率', '%', '55.2【1】', '≥56', '县林业局', '县自然资源局'],
      ['2', '村镇饮用水卫生合格率', '%', '88*', '100', '县卫生健康委', ''],
      ['3', '城镇污水处理率', '%', '90[2]', '≥95', '县住房城乡建委', ''],
      ['4', '公众满意度', '%', '约九成', '≥90', '县统计局', ''],
    ],
    ['注：【1】暂无2022年数据，为2021年数据。带*号数据为抽样数据。'],
  );
  const doc = parseTextForm('p.txt', text);
  const r = extractIndicators(doc, ctx, INFO, 'plan-up2');
  const entries = r.value.frameworks[0]!.data.entries;

  it('takes the baseline year from the header and keeps the printed value with its note and flags', () => {
    expect(entries[0]!.observations?.[0]).toMatchObject({
      year: 2022,
      printed: '55.2【1】',
      dataYear: 2021,
      flags: ['往年'],
      footnote: { mark: '【1】', printed: '暂无2022年数据，为2021年数据。' },
    });
    expect(entries[0]!.targets).toEqual([expect.objectContaining({ year: 2025, printed: '≥56' })]);
    expect(entries[0]!.leadUnits).toEqual(['县林业局', '县自然资源局']);
    // the asterisk note says the starred figures are sampled
    expect(entries[1]!.observations?.[0]).toMatchObject({ printed: '88*', flags: ['抽样'] });
    expect(entries[1]!.observations?.[0]?.dataYear).toBeUndefined();
  });

  it('lists a mark whose note is not there, and a value it cannot read', () => {
    const missing = r.findings.filter((f) => f.kind === 'footnoteMissing');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('[2]');
    expect(missing[0]!.message).toContain('城镇污水处理率');
    const unreadable = r.findings.filter((f) => f.kind === 'unreadableValue');
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.message).toContain('约九成');
    expect(entries[3]!.observations?.[0]?.printed).toBe('约九成');
  });
});

describe('the plan’s own analysis in a table, and a status it cannot read', () => {
  const text = [
    textTable('表1  某县生态文明建设指标', [
      ['序号', '指标名称', '单位', '现状值（2021年）', '达标情况', '2025年目标'],
      ['1', '森林覆盖率', '%', '55', '未达标', '≥60'],
      ['2', '城镇污水处理率', '%', '96', '达标', '≥95'],
      ['3', '农村生活污水治理率', '%', '30', '基本达标', '≥50'],
    ]),
    textTable('表2  未达标指标可达性分析', [
      ['序号', '指标名称', '现状值', '可达性分析'],
      ['1', '森林覆盖率', '55', '预计可达标，力争2024年达标'],
      ['2', '湿地保护率', '40', '达标难度较大'],
    ]),
  ].join('\n');
  const r = extractIndicators(parseTextForm('a.txt', text), ctx, INFO, 'plan-a');

  it('does not take the analysis table for a framework; its judgement goes to the item of that name', () => {
    expect(r.value.frameworks).toHaveLength(1);
    const e = r.value.frameworks[0]!.data.entries[0]!;
    expect(e.statedAchievability).toMatchObject({ printed: '预计可达标，力争2024年达标', class: '预计可达标', year: 2024, commitment: '力争' });
    expect(e.statedAchievability?.source).toMatchObject({ table: 2, row: 2, column: 4 });
  });

  it('lists a row of the analysis naming no indicator, and a status that is not 达标/未达标/不涉及', () => {
    expect(r.findings.filter((f) => f.kind === 'unmatchedItem').map((f) => f.message)).toEqual([expect.stringContaining('湿地保护率')]);
    const status = r.findings.filter((f) => f.kind === 'unreadableValue');
    expect(status).toHaveLength(1);
    expect(status[0]!.message).toContain('基本达标');
    expect(r.value.frameworks[0]!.data.entries[2]!.statedStatus).toBeUndefined();
  });
});

describe('an indicator table with its own achievability column', () => {
  it('is read as a framework, each row’s judgement on its own item', () => {
    const text = textTable('表1  某县生态文明建设指标', [
      ['序号', '指标名称', '单位', '现状值（2021年）', '2025年目标', '可达性分析'],
      ['1', '森林覆盖率', '%', '55', '≥60', '稳定达标'],
      ['2', '农村生活污水治理率', '%', '30', '≥50', '达标难度较大，确保2025年达标'],
    ]);
    const r = extractIndicators(parseTextForm('o.txt', text), ctx, INFO, 'plan-o');
    expect(r.value.frameworks).toHaveLength(1);
    const entries = r.value.frameworks[0]!.data.entries;
    expect(entries.map((e) => e.statedAchievability && [e.statedAchievability.class, e.statedAchievability.year, e.statedAchievability.commitment])).toEqual([
      ['稳定达标', undefined, undefined],
      ['达标难度较大', 2025, '确保'],
    ]);
  });
});

describe('a docx-style table: header cells spanning columns, merged group cells', () => {
  const cell = (text: string, line: number, column: number, extra: object = {}) => ({ text, line, column, ...extra });
  const lines: string[] = [];
  const at = (text: string) => {
    lines.push(text);
    return lines.length;
  };
  const captionLine = at('表2  某县生态建设指标');
  const h1: Row = { header: true, line: lines.length + 1, cells: [cell('领域', at('领域'), 1), cell('序号', at('序号'), 2), cell('指标名称', at('指标名称'), 3), cell('现状值（2021年）', at('现状值（2021年）'), 4), cell('目标值', at('目标值'), 5, { span: 2 })] };
  // the second header row is not marked as one (no tblHeader): it is recognised by its year cells
  const h2: Row = { line: lines.length + 1, cells: [cell('', at(''), 1, { merged: true }), cell('', at(''), 2, { merged: true }), cell('', at(''), 3, { merged: true }), cell('', at(''), 4, { merged: true }), cell('近期（2024年）', at('近期（2024年）'), 5), cell('远期（2027年）', at('远期（2027年）'), 6)] };
  const r1: Row = { line: lines.length + 1, cells: [cell('生态空间', at('生态空间'), 1), cell('1', at('1'), 2), cell('森林覆盖率', at('森林覆盖率'), 3), cell('60', at('60'), 4), cell('≥61', at('≥61'), 5), cell('≥62', at('≥62'), 6)] };
  const r2: Row = { line: lines.length + 1, cells: [cell('', at(''), 1, { merged: true }), cell('2', at('2'), 2), cell('湿地保护率', at('湿地保护率'), 3), cell('50[1]', at('50[1]'), 4), cell('≥52', at('≥52'), 5), cell('≥55', at('≥55'), 6)] };
  const table: TableBlock = { kind: 'table', index: 1, caption: '表2  某县生态建设指标', captionLine, rows: [h1, h2, r1, r2], line: h1.line };
  const noteLine = at('[1]为2020年数据。');
  const doc: PlanDocument = { name: 'x.docx', format: 'docx', lines, blocks: [table], footnotes: [{ mark: '[1]', text: '为2020年数据。', line: noteLine }] };
  const r = extractIndicators(doc, ctx, INFO, 'plan-up3');
  const fw = r.value.frameworks[0]!;

  it('reads the target years from the spanned header and fills the merged group cell down', () => {
    expect(fw.framework.indicators.map((i) => [i.number, i.domain, i.name])).toEqual([
      ['1', '生态空间', '森林覆盖率'],
      ['2', '生态空间', '湿地保护率'],
    ]);
    expect(fw.data.entries[1]!.observations?.[0]).toMatchObject({ year: 2021, printed: '50[1]', dataYear: 2020, flags: ['往年'], footnote: { mark: '[1]', printed: '为2020年数据。', source: { line: noteLine } } });
    expect(fw.data.entries[1]!.targets?.map((t) => [t.year, t.printed])).toEqual([
      [2024, '≥52'],
      [2027, '≥55'],
    ]);
    expect(fw.data.entries[1]!.targets?.[1]?.source).toMatchObject({ document: 'up1', table: 1, row: 4, column: 6 });
  });
});

describe('a requirement the requirement language does not read', () => {
  it('is listed with the phrase, the item and its place, and kept as printed', () => {
    const text = textTable('表1  某县指标', [
      ['序号', '指标名称', '单位', '指标值', '现状值（2021年）'],
      ['1', '生态产品价值实现', '-', '大幅跃升', '起步'],
      ['2', '森林覆盖率', '%', '≥60', '61'],
    ]);
    const doc = parseTextForm('r.txt', text);
    const r = extractIndicators(doc, ctx, INFO, 'plan-r');
    const item = r.value.frameworks[0]!.framework.indicators[0]!;
    expect(item.requirement).toBe('大幅跃升');
    const unknown = r.findings.filter((f) => f.kind === 'unknownPhrase');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.message).toContain('大幅跃升');
    expect(unknown[0]!.message).toContain('生态产品价值实现');
    expect(doc.lines[unknown[0]!.source!.line - 1]).toBe('\t大幅跃升');
    expect(unknown[0]!.source).toMatchObject({ table: 1, row: 2, column: 4 });
    // the value 起步 is not a value the language reads either: listed, kept
    expect(r.findings.filter((f) => f.kind === 'unreadableValue').map((f) => f.message)).toEqual([expect.stringContaining('起步')]);
    expect(r.value.frameworks[0]!.data.entries[0]!.observations?.[0]?.printed).toBe('起步');
  });
});

describe('a table without a number column, its indicators in levels', () => {
  it('numbers the items in order and takes the last level for the name, the others as groups', () => {
    const text = textTable('表4  某县绿色发展指标', [
      ['一级指标', '二级指标', '三级指标', '单位', '2025年目标'],
      ['绿色生产', '资源利用', '单位GDP能耗', '吨标准煤/万元', '完成市下达任务'],
      ['', '', '单位GDP用水量', '立方米/万元', '完成市下达任务'],
      ['绿色生活', '人居环境', '城镇污水处理率', '%', '≥95'],
    ]);
    const r = extractIndicators(parseTextForm('l.txt', text), ctx, INFO, 'plan-l');
    const items = r.value.frameworks[0]!.framework.indicators;
    expect(items.map((i) => [i.number, i.domain, i.task, i.name, i.unit])).toEqual([
      ['1', '绿色生产', '资源利用', '单位GDP能耗', '吨标准煤/万元'],
      ['2', '绿色生产', '资源利用', '单位GDP用水量', '立方米/万元'],
      ['3', '绿色生活', '人居环境', '城镇污水处理率', '%'],
    ]);
    expect(r.value.frameworks[0]!.data.entries[2]!.targets).toEqual([expect.objectContaining({ year: 2025, printed: '≥95' })]);
  });
});

describe('a column whose year nobody states', () => {
  const text = textTable('表1  某县指标', [
    ['序号', '指标名称', '现状值', '目标值'],
    ['1', '森林覆盖率', '55', '≥60'],
  ]);
  it('is named in a finding and not given a guessed year', () => {
    const r = extractIndicators(parseTextForm('y.txt', text), ctx, INFO, 'plan-y');
    expect(r.findings.filter((f) => f.kind === 'missingPlanField').map((f) => f.message)).toEqual([
      expect.stringContaining('目标值'),
      expect.stringContaining('现状值'),
    ]);
    expect(r.value.frameworks[0]!.data.entries[0]!.observations).toBeUndefined();
    expect(r.value.frameworks[0]!.data.entries[0]!.targets).toBeUndefined();
  });
  it('takes the plan’s base and target years when the plan states them', () => {
    const r = extractIndicators(parseTextForm('y.txt', text), ctx, { ...INFO, baseYear: 2022, targetYears: [2025] }, 'plan-y');
    expect(r.findings).toEqual([]);
    expect(r.value.frameworks[0]!.data.entries[0]).toMatchObject({ observations: [{ year: 2022, printed: '55' }], targets: [{ year: 2025, printed: '≥60' }] });
  });
});

describe('bounds', () => {
  it('refuses a table with too many rows, in Chinese, and reads no framework from it', () => {
    const rows = [['序号', '指标名称', '单位', '现状值（2021年）'], ...Array.from({ length: 2100 }, (_, i) => [String(i + 1), `指标${i}`, '%', '1'])];
    const doc = parseTextForm('big.txt', textTable('表1  大表', rows));
    const r = extractIndicators(doc, ctx, INFO, 'plan-big');
    expect(r.value.frameworks).toEqual([]);
    expect(r.findings.map((f) => f.kind)).toEqual(['unknownTable']);
    expect(r.findings[0]!.message).toMatch(/过大/);
  });
});
