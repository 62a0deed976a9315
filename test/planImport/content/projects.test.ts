// Project tables read by their header words, whatever their order; stated counts and sums checked against rows.
import { describe, expect, it } from 'vitest';
import { toWan, yiToWan, yearRange } from '../../../src/domain/planImport/contentText.ts';
import { extractProjects } from '../../../src/domain/planImport/projects.ts';
import { documentOf, table } from './build.ts';

const ctx = { documentId: 'T01', builtinFrameworks: [] };

describe('amounts', () => {
  it('亿元 become 万元 exactly, by the decimal digits, without float error', () => {
    expect(yiToWan('20.5455')).toBe(205455);
    expect(yiToWan('0.1900')).toBe(1900);
    expect(yiToWan('0.19')).toBe(1900);
    expect(yiToWan('82.9')).toBe(829000);
    expect(yiToWan('1.1')).toBe(11000); // 1.1 * 10000 = 11000.000000000002 as a float
    expect(yiToWan('0.00015')).toBe(1.5);
    expect(yiToWan('约5')).toBeNull();
    expect(toWan('513306', '万元')).toBe(513306);
    expect(toWan('12345', '元')).toBe(1.2345);
  });

  it('years: ranges with any dash, and single years', () => {
    expect(yearRange('2022—2024')).toEqual({ start: 2022, end: 2024 });
    expect(yearRange('2023-2024年')).toEqual({ start: 2023, end: 2024 });
    expect(yearRange('2022年～2025年')).toEqual({ start: 2022, end: 2025 });
    expect(yearRange('2022')).toEqual({ start: 2022, end: 2022 });
    expect(yearRange('2025—2022')).toBeNull();
    expect(yearRange('近期')).toBeNull();
  });
});

describe('a project table made by hand', () => {
  // columns in another order than 001's, with 总投资（亿元） and 建设年限 / 责任单位
  const header = ['项目名称', '序号', '责任单位', '总投资（亿元）', '建设年限', '建设内容', '类别'];
  const rows = [
    header,
    ['一、水环境治理工程（2项1.5亿元）'],
    ['污水厂扩建', '1', '区水利局、区生态环境局', '1.2', '2021-2023', '扩建污水厂一座', '污水治理'],
    ['管网改造', '2', '区住房城乡\n建委', '0.2', '2022', '改造管网10公里', ''],
    ['二、生态修复工程（1项0.3亿元）'],
    ['矿山修复', '3', '区规划自然资源局', '争取中央资金', '2021—2025', '修复矿山5处', '修复'],
    ['合计', '', '', '1.7'],
  ];
  const doc = documentOf(['第八章 重点工程'], [table(rows, 20)]);
  const { value, findings } = extractProjects(doc, ctx, 'plan-t01');

  it('reads every column by its header word, whatever the order', () => {
    expect(value!.projects.map((p) => [p.number, p.group, p.name, p.investmentWan, p.years?.start, p.years?.end])).toEqual([
      [1, '水环境治理工程', '污水厂扩建', 12000, 2021, 2023],
      [2, '水环境治理工程', '管网改造', 2000, 2022, 2022],
      [3, '生态修复工程', '矿山修复', null, 2021, 2025],
    ]);
    expect(value!.projects[0]!.leadUnits).toEqual(['区水利局', '区生态环境局']);
    expect(value!.projects[1]!.leadUnits).toEqual(['区住房城乡建委']);
    expect(value!.projects[0]!.content).toBe('扩建污水厂一座');
  });

  it('an empty category cell carries the value above, marked inherited; a new group starts afresh', () => {
    expect(value!.projects[1]).toMatchObject({ category: '污水治理', categoryInherited: true });
    expect(value!.projects[2]).toMatchObject({ category: '修复' });
    expect(value!.projects[2]!.categoryInherited).toBeUndefined();
  });

  it('an investment cell with words is kept as printed, with no amount, and listed for the user', () => {
    expect(value!.projects[2]).toMatchObject({ investmentWan: null, investmentPrinted: '争取中央资金' });
    const f = findings.find((x) => x.kind === 'unreadableValue')!;
    expect(f.message).toContain('争取中央资金');
    expect(f.message).toContain('矿山修复');
  });

  it('a group whose rows do not add up to its stated sum gives a subtotalMismatch naming both figures', () => {
    // 一: stated 1.5亿 = 15000万, rows 12000 + 2000 = 14000
    const mismatch = findings.filter((x) => x.kind === 'subtotalMismatch');
    expect(mismatch).toHaveLength(1);
    const sum = mismatch.find((x) => x.message.includes('水环境治理工程'))!;
    expect(sum.message).toContain('15000');
    expect(sum.message).toContain('14000');
    expect(sum.message).toContain('1000');
    expect(sum.source).toEqual({ line: value!.groups[0]!.stated!.source.line });
    // 二: stated 0.3亿, but its only row has no readable amount (listed as unreadableValue): not summed
    expect(mismatch.some((x) => x.message.includes('生态修复工程'))).toBe(false);
  });

  it('the 合计 row is the stated total; the rows add up to less: totalMismatch', () => {
    expect(value!.stated).toMatchObject({ count: 3, investmentWan: 17000, printed: '1.7' });
    const total = findings.find((x) => x.kind === 'totalMismatch')!;
    expect(total.message).toContain('17000');
    expect(total.message).toContain('14000');
  });

  it('a group stating another count than its rows gives a subtotalMismatch with both counts', () => {
    const doc2 = documentOf([], [table([header, ['一、水环境治理工程（3项0.2亿元）'], ['污水厂扩建', '1', '区水利局', '0.2', '2021', '', ''], ['合计', '', '', '0.2']])]);
    const r = extractProjects(doc2, ctx, 'p');
    expect(r.findings.map((f) => f.kind)).toEqual(['subtotalMismatch']);
    expect(r.findings[0]!.message).toMatch(/3项.*1项/);
  });

  it('an indicator table is not a project table', () => {
    const ind = table([['序号', '指标名称', '单位', '目标值'], ['1', '森林覆盖率', '%', '≥60']]);
    expect(extractProjects(documentOf([], [ind]), ctx, 'p').value).toBeNull();
  });
});

describe('other table layouts', () => {
  it('a group numeral in a cell of its own, the group sum in the investment column, a repeated header, a 合计 row with a count', () => {
    const header = ['序号', '项目名称', '总投资（万元）', '其中：中央资金（万元）', '建设年限'];
    const rows = [
      header,
      ['一', '污染防治工程', '300', ''],
      ['1', '甲', '100', '50', '2021—2022'],
      header,
      ['2', '乙', '150', '', '2022'],
      ['二', '生态修复工程', '80', ''],
      ['3', '丙', '80', '80', '2023'],
      ['合计', '3项', '380'],
    ];
    const { value, findings } = extractProjects(documentOf([], [table(rows)]), ctx, 'p');
    expect(value!.projects.map((p) => [p.number, p.group, p.name, p.investmentWan])).toEqual([
      [1, '污染防治工程', '甲', 100],
      [2, '污染防治工程', '乙', 150],
      [3, '生态修复工程', '丙', 80],
    ]);
    expect(value!.groups.map((g) => [g.number, g.name, g.stated?.investmentWan])).toEqual([
      ['一', '污染防治工程', 300],
      ['二', '生态修复工程', 80],
    ]);
    expect(value!.stated).toMatchObject({ count: 3, investmentWan: 380 });
    // 一: 300 stated, 100 + 150 = 250 read; the total 380 against 330
    expect(findings.map((f) => f.kind).sort()).toEqual(['subtotalMismatch', 'totalMismatch']);
    expect(findings.find((f) => f.kind === 'subtotalMismatch')!.message).toContain('250');
  });

  it('a table without group rows takes its category column as the groups', () => {
    const rows = [
      ['序号', '项目类别', '项目名称', '投资（亿元）'],
      ['1', '水', '甲', '0.5'],
      ['2', '', '乙', '1.25'],
      ['3', '气', '丙', '2'],
    ];
    const { value } = extractProjects(documentOf([], [table(rows)]), ctx, 'p');
    expect(value!.groups.map((g) => g.name)).toEqual(['水', '气']);
    expect(value!.projects.map((p) => [p.group, p.investmentWan])).toEqual([
      ['水', 5000],
      ['水', 12500],
      ['气', 20000],
    ]);
  });
});

describe('a .docx table: merged header cells over sub-columns, merged category cells', () => {
  it('reads 项目类别 over 类别 | 分项 and 投资（万元） over 总投资 | 中央资金; continued merged cells inherit', () => {
    const t = table([
      ['序号', '项目类别', '项目名称', '投资（万元）', '牵头单位'],
      ['', '类别', '分项', '', '总投资', '中央资金', ''],
      ['1', '水', '供水', '甲', '100', '60', '县水利局'],
      ['2', '', '', '乙', '50', '', '县水利局'],
    ]);
    // the first header row as a .docx reader lays it out: spans over the grid
    const h = t.rows[0]!;
    h.cells = [
      { text: '序号', line: 10, column: 1 },
      { text: '项目类别', line: 11, column: 2, span: 2 },
      { text: '项目名称', line: 12, column: 4 },
      { text: '投资（万元）', line: 13, column: 5, span: 2 },
      { text: '牵头单位', line: 14, column: 7 },
    ];
    for (const c of t.rows[3]!.cells) if (c.column === 2 || c.column === 3) c.merged = true;
    const { value, findings } = extractProjects(documentOf([], [t]), ctx, 'p');
    expect(value!.projects.map((p) => [p.name, p.category, p.subCategory, p.investmentWan, p.leadUnits])).toEqual([
      ['甲', '水', '供水', 100, ['县水利局']],
      ['乙', '水', '供水', 50, ['县水利局']],
    ]);
    expect(value!.projects[1]).toMatchObject({ categoryInherited: true, subCategoryInherited: true });
    expect(findings.map((f) => f.kind)).toEqual(['missingPlanField']); // no 合计 row: said so
  });
});

describe('the text\'s statement of the projects against the table', () => {
  const rows = [
    ['序号', '项目名称', '投资（万元）'],
    ['一、水环境治理工程（2项1.4亿元）'],
    ['1', '甲', '8000'],
    ['2', '乙', '6000'],
    ['合计', '14000'],
  ];
  it('agrees when it rounds the table\'s figures to its printed digits', () => {
    const doc = documentOf(['实施水环境治理工程，涉及2个具体项目，投资总额1.4亿元。其中水环境治理工程2项共1.40亿元。'], [table(rows, 20)]);
    const { value, findings } = extractProjects(doc, ctx, 'p');
    expect(value!.statedProse?.source.line).toBe(1);
    expect(findings).toEqual([]);
  });
  it('differences in count or sum are reported with both figures', () => {
    const doc = documentOf(['实施水环境治理工程，涉及3个具体项目，投资总额1.4亿元。其中水环境治理工程2项共1.5亿元。'], [table(rows, 20)]);
    const { findings } = extractProjects(doc, ctx, 'p');
    expect(findings.map((f) => [f.kind, f.source?.line])).toEqual([
      ['totalMismatch', 1],
      ['subtotalMismatch', 1],
    ]);
    expect(findings[0]!.message).toMatch(/3个.*2个/);
    expect(findings[1]!.message).toMatch(/15000.*14000/);
  });
});

describe('projects in prose', () => {
  it('reads the total and each group from running text and checks the sums', () => {
    const doc = documentOf([
      '第五章 重点工程',
      '实施甲工程、乙工程等2大类5个重点项目，总投资约3.5亿元。',
      '（一）甲工程',
      '甲工程包括A项目、B项目和C项目等3个具体项目，投资约2亿元。',
      '（二）乙工程',
      '乙工程包括D项目、E项目等2个具体项目，投资约1亿元。',
    ]);
    const { value, findings } = extractProjects(doc, ctx, 'p');
    expect(value!.stated).toMatchObject({ count: 5, investmentWan: 35000, approximate: true, source: { line: 2 } });
    expect(value!.groups.map((g) => [g.number, g.name, g.stated?.count, g.stated?.investmentWan])).toEqual([
      [1, '甲工程', 3, 20000],
      [2, '乙工程', 2, 10000],
    ]);
    expect(value!.projects.map((p) => p.name)).toEqual(['A项目', 'B项目', 'C项目', 'D项目', 'E项目']);
    // 2 + 1 = 3亿 against 约3.5亿: more than the rounding of the printed figure
    expect(findings.map((f) => f.kind)).toEqual(['totalMismatch']);
    expect(findings[0]!.message).toContain('35000');
    expect(findings[0]!.message).toContain('30000');
  });
});

describe('bounds', () => {
  it('a table of more than 5000 project rows is cut with a Chinese message', () => {
    const header = ['序号', '项目名称', '投资（万元）'];
    const rows = [header, ...Array.from({ length: 5003 }, (_, i) => [String(i + 1), `项目${i + 1}`, '1'])];
    const { value, findings } = extractProjects(documentOf([], [table(rows)]), ctx, 'p');
    expect(value!.projects).toHaveLength(5000);
    expect(findings.find((f) => f.kind === 'unknownTable')?.message).toMatch(/超过5000行/);
  });
});
