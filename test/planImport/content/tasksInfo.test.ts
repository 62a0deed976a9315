// Key tasks and plan facts of plans other than the seeds: other districts, other heading forms.
import { describe, expect, it } from 'vitest';
import { extractPlanInfo, regionOf } from '../../../src/domain/planImport/planInfo.ts';
import { clauseFigures, extractTasks, isTaskChapter } from '../../../src/domain/planImport/tasks.ts';
import { documentOf, table } from './build.ts';

const ctx = { documentId: 'T02', builtinFrameworks: [] };

describe('task chapters by their titles', () => {
  it('重点任务 / 主要任务 chapters and chapters that begin with a verb of doing are task chapters', () => {
    for (const t of ['重点任务', '主要任务', '建设高效完善的生态制度体系', '构建绿色低碳循环发展的经济体系', '推进生态环境治理体系现代化', '实施重大生态修复工程', '加快推进生态工程建设']) {
      expect(isTaskChapter(t)).toBe(true);
    }
  });
  it('frame, indicator, project and means chapters are not', () => {
    for (const t of ['规划总则', '“两山”基地建设工作基础', '规划总体思路', '重点工程项目', '重点工程与效益分析', '保障措施', '建设指标', '加强规划实施保障', '规划实施', '组织实施与保障', '重点工程项目']) {
      expect(isTaskChapter(t)).toBe(false);
    }
  });
});

describe('a task chapter made by hand', () => {
  const doc = documentOf([
    '目  录',
    '第三章 主要任务\t12',
    '第二章 规划指标',
    '到2025年，森林覆盖率达到50%。',
    '第三章 主要任务',
    '坚持系统治理，统筹山水林田湖草沙一体化保护。',
    '一、持续改善环境质量',
    '（一）深入打好蓝天保卫战。加强工业废气治理，到2025年，细颗粒物浓度下降到30微克/立方米以下。',
    '（二）深入打好碧水保卫战',
    '保障饮用水安全。2024年底前完成乡镇饮用水水源地规范化建设，城市集中式饮用水水源水质达标率保持100%。',
    '强化河湖长制，全面落实河湖管理保护责任。',
    '二、加强生态保护修复',
    '实施山水林田湖草沙一体化保护修复工程。',
    '第四章 保障措施',
    '加强组织领导。',
  ]);
  const { value } = extractTasks(doc, ctx, 'p');
  const chapter = value!.tasks[0]!;

  it('skips the table of contents and non-task chapters; the opening paragraph is a clause of the chapter', () => {
    expect(value!.tasks.map((c) => `${c.number} ${c.title}`)).toEqual(['第三章 主要任务']);
    expect(chapter.source.line).toBe(5);
    expect(chapter.clauses!.map((c) => c.source.line)).toEqual([6]);
  });

  it('nests 一、 and （一） headings; an inline heading gives its title and a clause', () => {
    expect(chapter.tasks!.map((s) => [s.number, s.title])).toEqual([
      ['一', '持续改善环境质量'],
      ['二', '加强生态保护修复'],
    ]);
    const first = chapter.tasks![0]!.tasks!;
    expect(first.map((s) => [s.number, s.title, s.source.line])).toEqual([
      ['（一）', '深入打好蓝天保卫战', 8],
      ['（二）', '深入打好碧水保卫战', 9],
    ]);
    expect(first[0]!.clauses![0]!.text).toBe('加强工业废气治理，到2025年，细颗粒物浓度下降到30微克/立方米以下。');
    expect(chapter.tasks![1]!.clauses!.map((c) => c.source.line)).toEqual([13]);
  });

  it('a clause opening with a short sentence has it as its title; figures and deadlines are kept', () => {
    const clauses = chapter.tasks![0]!.tasks![1]!.clauses!;
    expect(clauses[0]!.title).toBe('保障饮用水安全');
    expect(clauses[0]!.figures).toEqual([
      { printed: '2024年底前', year: 2024 },
      { name: '城市集中式饮用水水源水质达标率', printed: '保持100%' },
    ]);
    expect(clauses[1]!.title).toBeUndefined();
    expect(chapter.tasks![0]!.tasks![0]!.clauses![0]!.figures).toEqual([{ name: '细颗粒物浓度', printed: '下降到30微克/立方米以下', year: 2025 }]);
  });

  it('a table of contents without page numbers does not make a second chapter', () => {
    const r = extractTasks(documentOf(['第三章 主要任务', '一、改善环境质量', '第四章 保障措施', '第三章 主要任务', '一、改善环境质量', '加强治理。', '第四章 保障措施']), ctx, 'p');
    expect(r.value!.tasks.map((c) => c.source.line)).toEqual([4]);
  });

  it('.docx headings whose numbers Word draws itself are nested by their style level and numbered by place', () => {
    const doc = documentOf(['重点任务', '改善环境质量', '治理大气', '加强工业废气治理。', '治理水体', '加强污水治理。', '保护生态', '实施修复。']);
    const levels = [1, 2, 3, undefined, 3, undefined, 2, undefined];
    doc.blocks.forEach((b, i) => {
      if (b.kind === 'paragraph' && levels[i] !== undefined) b.headingLevel = levels[i];
    });
    const r = extractTasks(doc, ctx, 'p');
    const chapter = r.value!.tasks[0]!;
    expect(chapter.title).toBe('重点任务');
    expect(chapter.tasks!.map((s) => [s.number, s.title])).toEqual([
      ['一', '改善环境质量'],
      ['二', '保护生态'],
    ]);
    expect(chapter.tasks![0]!.tasks!.map((s) => [s.number, s.title, s.clauses!.length])).toEqual([
      ['（一）', '治理大气', 1],
      ['（二）', '治理水体', 1],
    ]);
  });

  it('a document without a task chapter gives none, and says so', () => {
    const r = extractTasks(documentOf(['第一章 总则', '第二章 保障措施']), ctx, 'p');
    expect(r.value).toBeNull();
    expect(r.findings[0]!.kind).toBe('missingPlanField');
    expect(r.findings[0]!.message).toMatch(/重点任务/);
  });

  it('figures: 000 line 397 style', () => {
    expect(clauseFigures('到2028年，阿蓬江流域农村生活污水治理率达到40%以上，行政村生活垃圾有效治理比例达100%。')).toEqual([
      { name: '阿蓬江流域农村生活污水治理率', printed: '达到40%以上', year: 2028 },
      { name: '行政村生活垃圾有效治理比例', printed: '达100%', year: 2028 },
    ]);
  });
});

describe('plan facts of another district', () => {
  it('region after the province and city; not a phrase ending in 县', () => {
    expect(regionOf('重庆市黔江区阿蓬江流域规划')).toBe('黔江区');
    expect(regionOf('巫山县生态文明建设示范县创建规划（2022—2028年）')).toBe('巫山县');
    expect(regionOf('四川省成都市郫都区生态环境保护“十四五”规划')).toBe('郫都区');
    expect(regionOf('峨边彝族自治县生态文明建设规划')).toBe('峨边彝族自治县');
    expect(regionOf('推进生态优先绿色发展的行动方案')).toBeNull();
  });

  const doc = documentOf(
    [
      '某某市某某区人民政府',
      '关于印发某某区生态环境保护“十四五”规划的通知',
      '现将《某某市某某区生态环境保护“十四五”规划（2021—2025年）》印发给你们，请认真贯彻执行。',
      '一、规划范围和期限',
      '规划范围为某某区全域，面积1200平方公里。',
      '规划期限为2021—2025年，以2020年为基准年。',
      '第一阶段（2021—2023年）：补齐短板。',
      '第二阶段（2024—2025年）：巩固提升。',
      '成立区生态环境保护委员会，委员会下设办公室，办公室设在区生态环境局。',
    ],
    [table([['序号', '指标', '2020年现状', '2025年目标'], ['1', '森林覆盖率', '40', '45']], 20)],
  );
  const { value } = extractPlanInfo(doc, ctx);

  it('title from the 印发 wrapper, region, scope, issuer, period, base year, target year from the table header', () => {
    expect(value.title).toBe('某某市某某区生态环境保护“十四五”规划（2021—2025年）');
    expect(value.region).toBe('某某区');
    expect(value.scope).toBe('某某区全域');
    expect(value.issuer).toBe('某某市某某区人民政府');
    expect(value.period).toEqual({ start: 2021, end: 2025 });
    expect(value.baseYear).toBe(2020);
    expect(value.targetYears).toEqual([2025]);
  });

  it('phases and the office', () => {
    expect(value.phases.map((p) => [p.name, p.start, p.end, p.source.line])).toEqual([
      ['第一阶段', 2021, 2023, 7],
      ['第二阶段', 2024, 2025, 8],
    ]);
    expect(value.office).toMatchObject({ unit: '区生态环境局', source: { line: 9 } });
  });

  it('annual targets: a 目标值 header spanning one column per year gives every year as a target year', () => {
    const t = table([
      ['序号', '指标', '2020年现状', '目标值'],
      ['', '', '', '2021年', '2022年', '2023年', '2024年', '2025年'],
      ['1', '森林覆盖率', '40', '41', '42', '43', '44', '45'],
    ]);
    t.rows[0]!.cells[3]!.span = 5;
    t.rows[1]!.header = true;
    const r = extractPlanInfo(documentOf(['某某区生态环境保护规划（2021—2025年）'], [t]), ctx);
    expect(r.value.targetYears).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('a title period that the text contradicts is kept from the title and reported', () => {
    const r = extractPlanInfo(documentOf(['某某县生态文明建设规划（2021—2030年）', '规划期限为2021—2025年。']), ctx);
    expect(r.value.period).toEqual({ start: 2021, end: 2030 });
    expect(r.findings.map((f) => [f.kind, f.source?.line])).toEqual([['inconsistency', 2]]);
    expect(r.findings[0]!.message).toContain('2021—2025');
  });

  it('a document that names no plan leaves the facts empty for the user', () => {
    const r = extractPlanInfo(documentOf(['会议纪要', '今天开会。']), ctx);
    expect(r.value).toMatchObject({ title: null, region: null, period: null, baseYear: null, targetYears: [] });
  });
});
