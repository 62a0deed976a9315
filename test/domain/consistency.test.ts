// Plan consistency: each check on a small plan that agrees, and on the same plan with one thing broken.
import { describe, expect, it } from 'vitest';
import {
  checkConsistency,
  FINDING_KINDS,
  IndicatorNames,
  normaliseIndicatorName,
  similarName,
  type ConsistencyInput,
  type Finding,
  type FindingKind,
  type IndicatorCheckInput,
  type ProjectCheckInput,
} from '../../src/domain/consistency.ts';
import { catalogKeys, formatMessage, t } from '../../src/i18n/index.ts';

const at = (line: number) => ({ document: '009', line });

function indicator(number: string, name: string, more: Partial<IndicatorCheckInput> = {}): IndicatorCheckInput {
  return { number, name, source: at(100 + Number(number)), status: 'met', value: '1', requirement: '≥1', leadUnits: ['县生态环境局'], parts: [], observations: [], ...more };
}

function project(number: number, name: string, indicators: string[], more: Partial<ProjectCheckInput> = {}): ProjectCheckInput {
  return { number, group: '生态安全', name, investmentWan: 100, yearStart: 2022, yearEnd: 2024, leadUnits: ['县水利局'], indicators, source: at(500 + number), ...more };
}

/** A plan where everything adds up. */
function plan(): ConsistencyInput {
  return {
    year: 2021,
    period: { start: 2022, end: 2028 },
    frameworks: [
      {
        id: 'national',
        name: '国家指标',
        indicators: [
          indicator('1', '城镇污水处理率', { status: 'notMet', value: '80', requirement: '≥85', valueLines: [at(201)] }),
          indicator('2', '农业废弃物综合利用率', {
            status: 'notMet',
            leadUnits: [],
            parts: [
              { name: '秸秆综合利用率', source: at(202), status: 'notMet', value: '80', requirement: '≥90', valueLines: [at(212)], leadUnits: ['县农业农村委'] },
              { name: '农膜回收利用率', source: at(203), status: 'met', leadUnits: ['县农业农村委'] },
            ],
          }),
          indicator('3', '近岸海域水质优良比例', { status: 'notApplicable', leadUnits: [] }),
          indicator('4', '生态环境状况指数', {
            observations: [{ year: 2021, printed: '>70【2】', footnote: { mark: '【2】', printed: '2021年数据暂未发布。', source: at(300) }, source: at(104) }],
          }),
        ],
      },
      {
        id: 'municipal',
        name: '市级指标',
        // the municipal table names no lead units: the national namesake's unit answers for it
        indicators: [indicator('1', '城镇污水处理率', { leadUnits: [] })],
      },
    ],
    projects: [
      project(1, '污水管网改造', ['城镇污水处理率']),
      project(2, '秸秆综合利用', ['秸秆综合利用率'], { group: '生态经济' }),
    ],
    groups: [
      { name: '生态安全', stated: { count: 1, investmentWan: 100, source: at(499) } },
      { name: '生态经济', stated: { count: 1, investmentWan: 100, source: at(501) } },
    ],
    stated: { count: 2, investmentWan: 200, source: at(600) },
    tasks: [],
  };
}

const ofKind = (findings: Finding[], kind: FindingKind) => findings.filter((f) => f.kind === kind);
const text = (f: Finding) => formatMessage(f.message);

describe('checkConsistency', () => {
  it('finds nothing in a plan that adds up', () => {
    expect(checkConsistency(plan())).toEqual([]);
  });

  it('projectUnknownIndicator: a project naming an indicator the plan does not have, with its line', () => {
    const p = plan();
    p.projects.push(project(3, '垃圾分类', ['生活废弃物综合利用', '城镇污水处理率']));
    const [f, ...rest] = ofKind(checkConsistency(p), 'projectUnknownIndicator');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.lines).toEqual([at(503)]);
    expect(f!.subjects).toEqual([{ type: 'project', number: 3, name: '垃圾分类', group: '生态安全' }]);
    expect(text(f!)).toBe('第3号项目“垃圾分类”所列对应指标“生活废弃物综合利用”不在本规划的指标体系中。');
  });

  it('projectUnknownIndicator names similar indicators of the plan without counting them as the same', () => {
    const p = plan();
    p.projects.push(project(3, '污水厂提标', ['城镇集中式污水处理率']));
    const [f] = ofKind(checkConsistency(p), 'projectUnknownIndicator');
    expect(text(f!)).toContain('相近的指标：城镇污水处理率');
  });

  it('projectIndicatorVariant: a name that differs only in width, spacing, punctuation or its ratio word is that indicator, reported as a note', () => {
    const p = plan();
    p.projects.push(project(3, '秸秆还田', ['秸秆综合利用比例']), project(4, '管网', ['城镇污水处理率 ']));
    const findings = checkConsistency(p);
    expect(ofKind(findings, 'projectUnknownIndicator')).toEqual([]);
    const variants = ofKind(findings, 'projectIndicatorVariant');
    expect(variants.map((f) => f.subjects[0])).toMatchObject([{ number: 3 }, { number: 4 }]);
    expect(variants[0]!.severity).toBe('info');
    expect(variants[0]!.lines).toEqual([at(202), at(503)]);
    expect(text(variants[0]!)).toBe('第3号项目“秸秆还田”所列“秸秆综合利用比例”与国家指标第2项“秸秆综合利用率”写法不同，按同一指标计。');
  });

  it('unmetWithoutProject: an unmet indicator no project and no task names, citing its line and its value’s line', () => {
    const p = plan();
    p.projects = p.projects.filter((x) => x.number !== 1);
    p.groups[0]!.stated = null;
    p.stated = null;
    const [f, ...rest] = ofKind(checkConsistency(p), 'unmetWithoutProject');
    expect(rest).toEqual([]);
    expect(f!.subjects).toEqual([{ type: 'indicator', framework: 'national', number: '1', name: '城镇污水处理率' }]);
    expect(f!.lines).toEqual([at(101), at(201)]);
    expect(text(f!)).toBe('国家指标第1项“城镇污水处理率”2021年未达标（现状值80，要求≥85），没有项目或任务对应该指标。');
    // a key task that names the indicator serves it too
    p.tasks.push({ indicators: ['城镇污水处理率'], source: at(700) });
    expect(ofKind(checkConsistency(p), 'unmetWithoutProject')).toEqual([]);
  });

  it('unmetWithoutProject: an item not met through a part needs a project naming the item or that part', () => {
    const p = plan();
    p.projects[1]!.indicators = ['农膜回收利用率']; // the part that is met
    const [f] = ofKind(checkConsistency(p), 'unmetWithoutProject');
    expect(text(f!)).toBe('国家指标第2项“农业废弃物综合利用率（秸秆综合利用率）”2021年未达标（现状值80，要求≥90），没有项目或任务对应该指标。');
    expect(f!.lines).toEqual([at(102), at(202), at(212)]);
    p.projects[1]!.indicators = ['农业废弃物综合利用率'];
    expect(ofKind(checkConsistency(p), 'unmetWithoutProject')).toEqual([]);
  });

  it('statedTotalDiffers: Nothing when the stated totals agree; a mutated total gives both figures and the difference', () => {
    const p = plan();
    p.stated = { count: 3, investmentWan: 250, source: at(600) };
    const findings = ofKind(checkConsistency(p), 'statedTotalDiffers');
    expect(findings.map((f) => f.figures)).toEqual([
      { stated: 3, actual: 2, difference: -1 },
      { stated: 250, actual: 200, difference: -50 },
    ]);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.lines).toEqual([at(501), at(502), at(600)]);
    expect(findings.map(text)).toEqual([
      '全部项目：文件所列3个项目，明细合计2个，比文件所列少1个。',
      '全部项目：文件所列投资250万元，明细合计200万元，比文件所列少50万元。',
    ]);
  });

  it('statedTotalDiffers: a group, a partial sum, and an approximate total within its rounding', () => {
    const p = plan();
    p.projects.push(project(3, '未列投资的项目', ['城镇污水处理率'], { group: '生态经济', investmentWan: null }));
    p.projects.push(project(4, '河道整治', ['城镇污水处理率'], { investmentWan: 1700 }));
    p.groups[0]!.stated = { count: 2, investmentWan: 1790, source: at(499) };
    p.groups[1]!.stated = { count: 2, investmentWan: 100, source: at(501) };
    p.stated = { count: 4, investmentWan: 2000, approximate: true, source: at(600) }; // 约0.2亿元: 1,500–2,500 万元
    expect(ofKind(checkConsistency(p), 'statedTotalDiffers').map(text)).toEqual(['生态安全：文件所列投资1,790万元，明细合计1,800万元，比文件所列多10万元。']);
    p.groups[1]!.stated = { count: 2, investmentWan: 150, source: at(501) };
    p.stated = { count: 4, investmentWan: 3000, approximate: true, source: at(600) }; // 约0.3亿元: 2,500–3,500 万元
    expect(ofKind(checkConsistency(p), 'statedTotalDiffers').map(text)).toEqual([
      '全部项目：文件所列投资约3,000万元，明细合计1,900万元，比文件所列少1,100万元，超出约数的舍入范围。另有1个项目未列投资额，未计入明细合计。',
      '生态安全：文件所列投资1,790万元，明细合计1,800万元，比文件所列多10万元。',
      '生态经济：文件所列投资150万元，明细合计100万元，比文件所列少50万元。另有1个项目未列投资额，未计入明细合计。',
    ]);
  });

  it('indicatorWithoutLeadUnit: an applicable indicator with no lead unit anywhere; a part without one; not for 不涉及', () => {
    const p = plan();
    p.frameworks[1]!.indicators.push(indicator('2', '生态环境教育基地', { leadUnits: [] }));
    p.frameworks[0]!.indicators[1]!.parts[1]!.leadUnits = [];
    const findings = ofKind(checkConsistency(p), 'indicatorWithoutLeadUnit');
    expect(findings.map(text)).toEqual([
      '国家指标第2项“农业废弃物综合利用率”的分指标“农膜回收利用率”未列牵头单位。',
      '市级指标第2项“生态环境教育基地”未列牵头单位，本规划其他指标体系中也没有列有牵头单位的同名指标。',
    ]);
    expect(findings.map((f) => f.lines)).toEqual([[at(203)], [at(102)]]);
  });

  it('indicatorWithoutLeadUnit points to a similar indicator that has one, without assuming it is the same', () => {
    const p = plan();
    p.frameworks[1]!.indicators[0]!.name = '城镇集中式污水处理率';
    const [f] = ofKind(checkConsistency(p), 'indicatorWithoutLeadUnit');
    expect(text(f!)).toBe('市级指标第1项“城镇集中式污水处理率”未列牵头单位；相近的国家指标第1项“城镇污水处理率”由县生态环境局牵头，请核对是否同一指标。');
    expect(f!.lines).toEqual([at(101)]);
  });

  it('footnoteUnresolved: a mark no footnote defines, a footnote the value does not mark, an unexplained asterisk', () => {
    const p = plan();
    const obs = p.frameworks[0]!.indicators[3]!.observations;
    obs.push({ year: 2022, printed: '72[3]', source: at(110) });
    obs.push({ year: 2023, printed: '73', footnote: { mark: '【4】', printed: '估算。', source: at(300) }, source: at(111) });
    obs.push({ year: 2024, printed: '74*', source: at(112) });
    obs.push({ year: 2025, printed: '75*', dataYear: 2024, source: at(113) }); // explained by its data year
    const findings = ofKind(checkConsistency(p), 'footnoteUnresolved');
    expect(findings.map((f) => f.message.key)).toEqual([
      'consistency.footnoteUnresolved.mark',
      'consistency.footnoteUnresolved.unused',
      'consistency.footnoteUnresolved.asterisk',
    ]);
    expect(findings.map((f) => f.lines)).toEqual([[at(110)], [at(111), at(300)], [at(112)]]);
    expect(text(findings[0]!)).toBe('国家指标第4项“生态环境状况指数”2022年现状值“72[3]”带注释标记[3]，但没有对应的注释。');
  });

  it('footnoteUnresolved reads 【2】 and [2] as the same mark', () => {
    const p = plan();
    p.frameworks[0]!.indicators[3]!.observations[0]!.printed = '>70[2]';
    expect(ofKind(checkConsistency(p), 'footnoteUnresolved')).toEqual([]);
  });

  it('projectOutsidePeriod: a project running beyond the plan period', () => {
    const p = plan();
    p.projects[0]!.yearEnd = 2030;
    const [f, ...rest] = ofKind(checkConsistency(p), 'projectOutsidePeriod');
    expect(rest).toEqual([]);
    expect(text(f!)).toBe('第1号项目“污水管网改造”实施年限2022—2030超出规划期2022—2028年。');
    expect(f!.lines).toEqual([at(501)]);
  });

  it('duplicateProjectNumber: two projects under one number, citing both lines', () => {
    const p = plan();
    p.projects[1]!.number = 1;
    const [f] = ofKind(checkConsistency(p), 'duplicateProjectNumber');
    expect(text(f!)).toBe('项目序号1重复：“污水管网改造”、“秸秆综合利用”。');
    expect(f!.lines).toEqual([at(501), at(502)]);
    expect(f!.severity).toBe('error');
  });

  it('statedFigureDiffers: a figure the text states for an indicator against the table’s figure of that year', () => {
    const p = plan();
    p.frameworks[1]!.indicators.push(
      indicator('2', '城镇人均公园绿地面积', { unit: '平方米/人', observations: [{ year: 2021, printed: '大于12', source: at(130) }] }),
    );
    const park = { printed: '人均公园绿地面积超过18平方米', year: 2021, figure: { name: '人均公园绿地面积', printed: '超过18', unit: '平方米' }, source: at(26) };
    p.statements = [park];
    const [f, ...rest] = ofKind(checkConsistency(p), 'statedFigureDiffers');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.lines).toEqual([at(26), at(130)]);
    expect(f!.subjects).toEqual([{ type: 'indicator', framework: 'municipal', number: '2', name: '城镇人均公园绿地面积' }]);
    expect(text(f!)).toBe('规划正文称“人均公园绿地面积超过18平方米”（2021年），而市级指标第2项“城镇人均公园绿地面积”2021年现状值为“大于12”，两处数值不一致，请核对。');
    // the same figure, a figure inside the table's range, another year, another unit: nothing to report
    for (const figure of [{ ...park.figure, printed: '超过12' }, { ...park.figure, printed: '13.5' }]) {
      p.statements = [{ ...park, figure }];
      expect(ofKind(checkConsistency(p), 'statedFigureDiffers'), figure.printed).toEqual([]);
    }
    // a misprinted table figure is compared as its documented correction
    p.frameworks[1]!.indicators[1]!.observations[0] = { year: 2021, printed: '2', corrected: '18.5', source: at(130) };
    p.statements = [park];
    expect(ofKind(checkConsistency(p), 'statedFigureDiffers')).toEqual([]);
    p.frameworks[1]!.indicators[1]!.observations[0] = { year: 2021, printed: '大于12', source: at(130) };
    p.statements = [{ ...park, year: 2020 }];
    expect(ofKind(checkConsistency(p), 'statedFigureDiffers')).toEqual([]);
    p.statements = [{ ...park, figure: { ...park.figure, unit: '公顷' } }];
    expect(ofKind(checkConsistency(p), 'statedFigureDiffers')).toEqual([]);
    // the indicator named exactly, in the other framework: 生态环境状况指数 >70【2】 against 65
    p.statements = [{ printed: '生态环境状况指数为65', year: 2021, figure: { name: '生态环境状况指数', printed: '65' }, source: at(27) }];
    expect(ofKind(checkConsistency(p), 'statedFigureDiffers').map((x) => x.subjects[0])).toMatchObject([{ framework: 'national', number: '4' }]);
  });

  it('statedCountDiffers: items counted in the text against the items the table marks city-only or coastal', () => {
    const p = plan();
    const national = p.frameworks[0]!.indicators;
    national[2]!.applicability = 'coastal';
    national.push(indicator('5', '城市人均公园绿地面积', { status: 'notApplicable', applicability: 'city' }));
    const printed = '指标体系一共5项，其中考核县仅3项，另有2项有关海域和海岸的内陆地区不涉及';
    p.statements = [{ printed, itemCounts: { framework: 'national', total: 5, only: { city: 2, coastal: 2 } }, source: at(18) }];
    const found = ofKind(checkConsistency(p), 'statedCountDiffers');
    expect(found.map((f) => f.message.key)).toEqual(['consistency.statedCountDiffers.city', 'consistency.statedCountDiffers.coastal']);
    expect(found.map((f) => f.figures)).toEqual([
      { stated: 2, actual: 1, difference: -1 },
      { stated: 2, actual: 1, difference: -1 },
    ]);
    expect(found[0]!.lines).toEqual([at(18), at(105)]);
    expect(found[1]!.subjects).toEqual([{ type: 'indicator', framework: 'national', number: '3', name: '近岸海域水质优良比例' }]);
    expect(text(found[0]!)).toBe(`规划正文称“${printed}”，即国家指标中仅考核市的指标2项，而指标表中标为仅考核市的有1项（第5项）。`);
    p.statements = [{ printed, itemCounts: { framework: 'national', total: 6, only: { city: 1, coastal: 1 } }, source: at(18) }];
    const [total] = ofKind(checkConsistency(p), 'statedCountDiffers');
    expect(text(total!)).toBe(`规划正文称“${printed}”，即国家指标共6项指标，而指标表列有5项。`);
    expect([total!.lines, total!.subjects, total!.figures]).toEqual([[at(18)], [], { stated: 6, actual: 5, difference: -1 }]);
    p.statements[0]!.itemCounts!.total = 5;
    expect(ofKind(checkConsistency(p), 'statedCountDiffers')).toEqual([]);
  });

  it('findings come in the order of the kinds', () => {
    const p = plan();
    p.projects[1]!.number = 1;
    p.projects.push(project(3, '垃圾分类', ['生活废弃物综合利用'], { group: '生态经济', investmentWan: 0 }));
    const kinds = checkConsistency(p).map((f) => f.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => FINDING_KINDS.indexOf(a) - FINDING_KINDS.indexOf(b)));
    expect(new Set(kinds)).toEqual(new Set(['projectUnknownIndicator', 'statedTotalDiffers', 'duplicateProjectNumber']));
  });
});

describe('indicator names', () => {
  const names = new IndicatorNames(plan().frameworks);

  it('match exactly first, then as a written variant', () => {
    expect(names.match('城镇污水处理率')?.how).toBe('exact');
    expect(names.match('城镇污水处理率')?.targets.map((n) => n.framework.id)).toEqual(['national', 'municipal']);
    expect(names.match('秸秆综合利用比例')).toMatchObject({ how: 'variant', targets: [{ name: '秸秆综合利用率' }] });
    expect(names.match('生活废弃物综合利用')).toBeUndefined();
  });

  it('normalise width, spaces and punctuation only', () => {
    expect(normaliseIndicatorName('ＰＭ2.5 浓度')).toBe(normaliseIndicatorName('PM25浓度'));
    expect(normaliseIndicatorName('自然保护地、生态保护红线')).toBe('自然保护地生态保护红线');
  });

  it('similar names: one is the other with characters left out, and not too short', () => {
    expect(similarName('城镇污水处理率', '城镇集中式污水处理率')).toBe(true);
    expect(similarName('生活废弃物综合利用', '农业废弃物综合利用率')).toBe(false);
    expect(similarName('水质', '水质优良比例')).toBe(false);
    expect(similarName('城镇污水处理率', '城镇污水处理率')).toBe(false);
  });
});

describe('consistency messages', () => {
  it('every message renders in Chinese and English with all its figures', () => {
    const p = plan();
    const national = p.frameworks[0]!.indicators;
    p.projects.push(
      project(3, '垃圾分类', ['生活废弃物综合利用']),
      project(4, '污水厂提标', ['城镇生活污水处理率']),
      project(5, '秸秆还田', ['秸秆综合利用比例'], { yearEnd: 2030 }),
      project(2, '重号项目', ['城镇污水处理率'], { investmentWan: null }),
    );
    p.projects[0]!.indicators = ['城镇集中式污水处理率'];
    p.groups[0]!.stated = { count: 9, investmentWan: 9, source: at(499) };
    p.stated = { count: 9, investmentWan: 9000, approximate: true, source: at(600) };
    national[1]!.parts[1]!.leadUnits = [];
    p.frameworks[1]!.indicators.push(indicator('2', '生态环境教育基地', { leadUnits: [] }), indicator('3', '城镇集中式污水处理率', { leadUnits: [] }));
    national[3]!.observations.push(
      { year: 2022, printed: '72[3]', source: at(110) },
      { year: 2023, printed: '73', footnote: { mark: '【4】', printed: '估算。' }, source: at(111) },
      { year: 2024, printed: '74*', source: at(112) },
    );
    p.frameworks[1]!.indicators.push(indicator('4', '城镇生活污水集中处理率', { status: 'notMet' }), indicator('5', '城镇人均公园绿地面积', { status: 'notMet', observations: [{ year: 2021, printed: '大于12' }] }));
    national[2]!.applicability = 'coastal';
    national.push(indicator('6', '城市人均公园绿地面积', { status: 'notApplicable', applicability: 'city' }));
    p.statements = [
      { printed: '人均公园绿地面积超过18平方米', year: 2021, figure: { name: '人均公园绿地面积', printed: '超过18' }, source: at(26) },
      { printed: '一共43项指标，其中考核县仅37项，另有2项有关海域', itemCounts: { framework: 'national', total: 43, only: { city: 6, coastal: 2 } }, source: at(118) },
    ];
    const findings = checkConsistency(p);
    const keys = new Set(findings.map((f) => f.message.key));
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(FINDING_KINDS));
    expect(keys.size).toBe(20);
    for (const f of findings)
      for (const locale of ['zh-CN', 'en'] as const) {
        const s = formatMessage(f.message, locale);
        expect(s, f.message.key).not.toMatch(/[{}]|consistency\./);
      }
  });

  it('every kind, severity and message key is in both catalogues', () => {
    const zh = new Set(catalogKeys('zh-CN'));
    const en = new Set(catalogKeys('en'));
    const keys = FINDING_KINDS.flatMap((k) => [`consistency.kind.${k}`]).concat(['consistency.severity.error', 'consistency.severity.warning', 'consistency.severity.info']);
    for (const k of keys) {
      expect(zh.has(k), k).toBe(true);
      expect(en.has(k), k).toBe(true);
    }
    expect(t('consistency.kind.unmetWithoutProject', {}, 'en')).toBe('Unmet indicators no project or task serves');
  });
});
