// Judging one requirement against one printed value: 达标 / 未达标 / 无法判定 / 无数据, with a reason sentence.
import { describe, expect, it } from 'vitest';
import { compareInterval, evaluateLeaf, type Verdict } from '../../src/domain/evaluate.ts';
import { inferPolarity, parseRequirement, parseValue } from '../../src/domain/phrase.ts';
import type { Polarity } from '../../src/domain/types.ts';
import { formatMessage } from '../../src/i18n/index.ts';

interface Opts {
  unit?: string;
  polarity?: Polarity;
  previous?: { year: number; value: number };
}

function judge(requirement: string, value: string, opts: Opts = {}): Verdict & { text: string; en: string } {
  const polarity = opts.polarity ?? 'higher';
  const ctx = { label: '测试指标', polarity, ...(opts.unit ? { unit: opts.unit } : {}) };
  const v = evaluateLeaf({
    requirement: parseRequirement(requirement, ctx),
    requirementPrinted: requirement,
    value: parseValue(value, ctx).value,
    valuePrinted: value,
    polarity,
    ...(opts.previous ? { previous: opts.previous } : {}),
  });
  const text = formatMessage(v.reason);
  const en = formatMessage(v.reason, 'en');
  // every reason is a whole sentence in both languages: no raw key, no unfilled {placeholder}
  for (const s of [text, en]) {
    expect(s).not.toBe(v.reason.key);
    expect(s).not.toMatch(/\{\w+\}/);
  }
  return { ...v, text, en };
}

describe('thresholds against intervals', () => {
  it('大于12 against ≥15 cannot be decided, and the reason names both figures', () => {
    const v = judge('≥15', '大于12');
    expect(v.status).toBe('indeterminate');
    expect(v.text).toContain('大于12');
    expect(v.text).toContain('≥15');
    expect(v.text).toContain('需人工确认');
  });

  it('大于70 against ≥60 is met', () => {
    const v = judge('≥60', '大于70', { unit: '%' });
    expect(v.status).toBe('met');
    expect(v.text).toContain('≥60');
  });

  it('92.76%* against ＞95% is not met, with the gap 2.24', () => {
    const v = judge('＞95%', '92.76%*', { unit: '%' });
    expect(v.status).toBe('notMet');
    expect(v.reason.params?.gap).toBe('2.24');
    expect(v.text).toContain('92.76%*');
    expect(v.text).toContain('>95');
    expect(v.text).toContain('差距2.24');
  });

  it('exactly on a ≥ line is met; exactly on a > line is not', () => {
    expect(judge('≥95', '95', { unit: '%' }).status).toBe('met');
    expect(judge('>95', '95', { unit: '%' }).status).toBe('notMet');
    expect(judge('>95', '大于95', { unit: '%' }).status).toBe('met');
  });

  it('接近100 meets ≥95 but cannot be decided against 100', () => {
    expect(judge('≥95', '接近100', { unit: '%' }).status).toBe('met');
    expect(judge('100', '接近100', { unit: '%' }).status).toBe('indeterminate');
    expect(judge('100', '100', { unit: '%' }).status).toBe('met');
  });

  it('lower-is-better thresholds: PM2.5浓度≤37', () => {
    expect(judge('PM2.5浓度≤37', '35', { unit: 'ug/m3', polarity: 'lower' }).status).toBe('met');
    const v = judge('PM2.5浓度≤37', '40', { unit: 'ug/m3', polarity: 'lower' });
    expect(v.status).toBe('notMet');
    expect(v.reason.params?.gap).toBe('3');
  });

  it('a number inside a composite value answers the threshold', () => {
    expect(judge('≥95', '综合利用率接近100％，保持稳定', { unit: '%' }).status).toBe('met');
  });

  it('≥加权值 cannot be decided without the reference value', () => {
    const v = judge('≥加权值', '60', { unit: '%' });
    expect(v.status).toBe('indeterminate');
    expect(v.text).toContain('加权值');
  });
});

describe('compareInterval', () => {
  const iv = (lo: number, hi: number, loOpen = false, hiOpen = false) => ({ lo, hi, loOpen, hiOpen });
  it('all / some / none', () => {
    expect(compareInterval('>=', 15, iv(12, Infinity, true, true))).toBe('some');
    expect(compareInterval('>=', 60, iv(70, 100, true))).toBe('all');
    expect(compareInterval('>', 95, iv(92.76, 92.76))).toBe('none');
    expect(compareInterval('>', 95, iv(95, 100, true))).toBe('all');
    expect(compareInterval('>=', 95, iv(90, 95, false, true))).toBe('none');
    expect(compareInterval('<', 5, iv(0, 5, false, true))).toBe('all');
    expect(compareInterval('<=', 5, iv(5, 10, true))).toBe('none');
    expect(compareInterval('=', 100, iv(95, 100))).toBe('some');
    expect(compareInterval('=', 100, iv(100, 100))).toBe('all');
    expect(compareInterval('=', 100, iv(95, 100, false, true))).toBe('none');
  });
});

describe('states', () => {
  it('正在制定 against 制定实施 is not met', () => {
    const v = judge('制定实施', '正在制定');
    expect(v.status).toBe('notMet');
    expect(v.text).toContain('正在制定');
    expect(v.text).toContain('制定实施');
  });

  it('开展 against 有效开展 needs a person to judge "effective"', () => {
    const v = judge('有效开展', '开展');
    expect(v.status).toBe('indeterminate');
    expect(v.text).toContain('需人工确认');
  });

  it('实施 against 全面实施 needs a person to judge "comprehensive"', () => {
    expect(judge('全面实施', '实施').status).toBe('indeterminate');
  });

  it('a higher or equal state is met', () => {
    expect(judge('建立', '已建立').status).toBe('met');
    expect(judge('开展', '全面开展').status).toBe('met');
    expect(judge('全面实施', '全面实施').status).toBe('met');
    expect(judge('获得', '获得3个[5]').status).toBe('met');
  });

  it('未开展 against a state requirement is not met (it is a state, not missing data)', () => {
    expect(judge('制定实施', '未开展').status).toBe('notMet');
  });
});

describe('trends', () => {
  it('a single number cannot show a trend', () => {
    const v = judge('稳定提高', '98.3', { unit: '%' });
    expect(v.status).toBe('indeterminate');
    expect(v.text).toContain('仅有一期数据');
    expect(v.en).toContain('single data point');
  });

  it('lower-is-better (单位地区生产总值能耗): a fall from the previous year holds, a rise fails', () => {
    const polarity = inferPolarity('单位地区生产总值能耗');
    expect(polarity).toBe('lower');
    const better = judge('保持稳定或持续改善', '0.50', { polarity, previous: { year: 2020, value: 0.52 } });
    expect(better.status).toBe('met');
    expect(better.text).toContain('2020');
    expect(better.text).toContain('0.52');
    const worse = judge('保持稳定或持续改善', '0.55', { polarity, previous: { year: 2020, value: 0.52 } });
    expect(worse.status).toBe('notMet');
    expect(worse.text).toContain('变差');
  });

  it('higher-is-better: a rise holds, a fall fails', () => {
    expect(judge('稳定提高', '60', { previous: { year: 2020, value: 58 } }).status).toBe('met');
    expect(judge('不降低', '57', { previous: { year: 2020, value: 58 } }).status).toBe('notMet');
  });

  it('unchanged: enough for 保持稳定, not for 稳定提高', () => {
    expect(judge('保持稳定', '58', { previous: { year: 2020, value: 58 } }).status).toBe('met');
    expect(judge('不降低', '58', { previous: { year: 2020, value: 58 } }).status).toBe('met');
    expect(judge('稳定提高', '58', { previous: { year: 2020, value: 58 } }).status).toBe('notMet');
  });

  it('a printed trend with the number answers the trend requirement', () => {
    expect(judge('保持稳定', '98.1（保持稳定）', { unit: '%' }).status).toBe('met');
  });

  it('a composite requirement fails when its trend part fails, even if the directive part is open', () => {
    const polarity = inferPolarity('单位地区生产总值能耗');
    const v = judge('完成上级规定的目标任务；保持稳定或持续改善', '0.55', { polarity, previous: { year: 2020, value: 0.52 } });
    expect(v.status).toBe('notMet');
  });

  it('an estimated decrease after 完成: met for a lower-is-better figure, not met for a higher-is-better one', () => {
    const printed = '完成上级规定的目标任务，预估下降';
    const req = '完成上级规定的考核任务；保持稳定或持续改善';
    expect(judge(req, printed, { unit: '%', polarity: 'lower' }).status).toBe('met');
    expect(judge(req, printed, { unit: '%', polarity: 'higher' }).status).toBe('notMet');
  });
});

describe('no data', () => {
  it('"-" is no data', () => {
    const v = judge('≥95', '-', { unit: '%' });
    expect(v.status).toBe('noData');
    expect(v.text).toContain('无数据');
  });

  it('未开展 against a trend (GEP accounting not yet done) is no data, not a failure', () => {
    const v = judge('稳定提高', '未开展', { polarity: inferPolarity('单位国土面积生态系统生产总值') });
    expect(v.status).toBe('noData');
    expect(v.text).toContain('未开展');
  });
});

describe('directives, absences, relations', () => {
  it('a directive is met by 完成…/满足 and not met by 未完成', () => {
    expect(judge('完成上级规定的考核任务', '满足').status).toBe('met');
    expect(judge('完成上级规定的考核任务', '完成上级规定的考核任务').status).toBe('met');
    expect(judge('完成上级规定的考核任务', '未完成').status).toBe('notMet');
  });

  it('a directive against a bare number needs a confirmation', () => {
    const v = judge('完成上级管控目标', '0.52');
    expect(v.status).toBe('indeterminate');
    expect(v.text).toContain('需人工确认');
  });

  it('无劣V类水体 is met by 无劣Ⅴ类', () => {
    expect(judge('无劣V类水体', '无劣Ⅴ类').status).toBe('met');
  });

  it('不明显 is met by 不明显', () => {
    expect(judge('不明显', '不明显').status).toBe('met');
  });

  it('a composite of three trends is met by 满足', () => {
    expect(judge('面积不减少，性质不改变，功能不降低', '满足').status).toBe('met');
  });

  it('保持或优于入境水质 needs a person unless stated fulfilled', () => {
    expect(judge('保持或优于入境水质', '98', { unit: '%' }).status).toBe('indeterminate');
    expect(judge('保持或优于入境水质', '满足').status).toBe('met');
  });
});
