// Targets stated in running text: read with their year, linked to an indicator of the plan's tables by name.
import { describe, expect, it } from 'vitest';
import { readTarget } from '../../../src/domain/planImport/contentText.ts';
import { extractProseTargets } from '../../../src/domain/planImport/proseTargets.ts';
import type { ExtractedFramework } from '../../../src/domain/planImport/types.ts';
import { documentOf } from './build.ts';
import { builtin, builtinFrameworks, ctxFor, seedDocument } from './seeds.ts';

function asExtracted(id: string): ExtractedFramework {
  const framework = builtinFrameworks().find((f) => f.id === id)!;
  return { matched: id, framework, data: { plan: 'p', framework: id, entries: [] } };
}

describe('003: the 12 targets of 具体目标是到2027年，…', () => {
  const { value, findings } = extractProseTargets(seedDocument('003'), ctxFor('003'), []);

  it('are the twelve the hand transcription holds, with their names, years and printed targets', () => {
    const framework = builtinFrameworks().find((f) => f.id === 'wushan-action-2027')!;
    const data = builtin('003').indicatorData.find((d) => d.framework === 'wushan-action-2027')!;
    const expected = framework.indicators.map((ind) => {
      const target = data.entries.find((e) => e.number === ind.number)!.targets![0]!;
      return { name: ind.name, year: target.year, printed: target.printed, line: target.source!.line };
    });
    expect(value.map((t) => ({ name: t.name, year: t.year, printed: t.printed, line: t.source.line }))).toEqual(expected);
    expect(value).toHaveLength(12);
  });

  it('with no indicator table to link to, each is listed as unlinked, in Chinese', () => {
    expect(findings).toHaveLength(12);
    expect(findings.every((f) => f.kind === 'unlinkedTarget')).toBe(true);
    expect(findings[0]!.message).toContain('森林覆盖率');
    expect(findings[0]!.message).toContain('2027');
  });

  it('linked when a framework has the indicators', () => {
    const linked = extractProseTargets(seedDocument('003'), ctxFor('003'), [asExtracted('wushan-action-2027')]);
    expect(linked.value.every((t) => t.indicator?.framework === 'wushan-action-2027')).toBe(true);
    expect(linked.value.map((t) => t.indicator!.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(linked.findings).toEqual([]);
  });
});

describe('000: the targets of 第五节 规划目标 (lines 161–164)', () => {
  const { value, findings } = extractProseTargets(seedDocument('000'), ctxFor('000'), [asExtracted('two-mountains-base')]);

  it('are read with the year 到2028年 names', () => {
    expect(value.map((t) => [t.source.line, t.year, t.name, t.printed])).toEqual([
      [161, 2028, '环境空气质量优良天数比例', '保持在350天及以上'],
      [161, 2028, '阿蓬江干流水质', '稳定保持II类及以上'],
      [161, 2028, '城乡饮用水源地水质达标率', '保持100%'],
      [161, 2028, '森林覆盖率', '达到65%'],
      [162, 2028, '流域内文化旅游业增加值占GDP比重', '达到10%以上'],
      [162, 2028, '非化石能源消费比重', '达到23%以上'],
      [164, 2028, '阿蓬江流域“两山”建设成效公众满意度', '达到95%以上'],
    ]);
  });

  it('link to the 两山 indicators where the name matches, and the rest are listed', () => {
    const framework = builtinFrameworks().find((f) => f.id === 'two-mountains-base')!;
    const byName = (n: string) => framework.indicators.find((i) => i.name === n)?.number;
    const air = value.find((t) => t.name === '环境空气质量优良天数比例')!;
    expect(air.indicator).toEqual({ framework: 'two-mountains-base', number: byName('环境空气质量优良天数比例') });
    const satisfaction = value.find((t) => t.name.endsWith('公众满意度'))!;
    expect(satisfaction.indicator?.number).toBe(byName('“两山”建设成效公众满意度'));
    const unlinked = value.filter((t) => t.indicator === null);
    expect(findings.filter((f) => f.kind === 'unlinkedTarget')).toHaveLength(unlinked.length);
  });
});

describe('reading a target clause', () => {
  it('splits the quantity from the target as printed', () => {
    expect(readTarget('万元GDP能耗累计下降16%')).toEqual({ name: '万元GDP能耗', printed: '累计下降16%' });
    expect(readTarget('建成100亿级生态工业集群')).toEqual({ name: '生态工业集群', printed: '建成100亿级生态工业集群' });
    expect(readTarget('长江干流出境水质保持或优于入境水质')).toEqual({ name: '长江干流出境水质', printed: '保持或优于入境水质' });
    expect(readTarget('农村污水治理率≥40%')).toEqual({ name: '农村污水治理率', printed: '≥40%' });
    expect(readTarget('文化旅游业增加值占GDP比重达到10%以上')).toEqual({ name: '文化旅游业增加值占GDP比重', printed: '达到10%以上' });
  });

  it('states no target without a figure or comparison', () => {
    expect(readTarget('二氧化碳排放提前达峰')).toBeNull();
    expect(readTarget('生态环境质量全国领先')).toBeNull();
    expect(readTarget('营业性餐饮企业全部达到《餐饮业大气污染物排放标准》（DB50/859-2018）')).toBeNull();
    expect(readTarget('水质达到或者优于III类比例持续提高')).toBeNull();
  });
});

describe('another plan', () => {
  it('reads targets under a 主要目标 heading; a sentence naming a past year is not a target year', () => {
    const doc = documentOf([
      '第二章 总体要求',
      '二、主要目标',
      '到2025年，全区PM2.5年均浓度控制在30微克/立方米以下，地表水国控断面水质优良比例达到90%。',
      '2020年，森林覆盖率达到45%。',
      '第三章 重点任务',
      '到2025年，农村生活污水治理率达到60%。',
    ]);
    const { value } = extractProseTargets(doc, ctxFor('T'), []);
    expect(value.map((t) => [t.year, t.name, t.printed])).toEqual([
      [2025, 'PM2.5年均浓度', '控制在30微克/立方米以下'],
      [2025, '地表水国控断面水质优良比例', '达到90%'],
      [null, '森林覆盖率', '达到45%'],
    ]);
  });
});
