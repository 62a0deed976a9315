// Reading requirement, value and tier phrases as printed in the plans (domain.md, "The words of requirements").
import { describe, expect, it } from 'vitest';
import { PhraseError, parseRequirement, parseTiers, parseValue, type PhraseContext } from '../../src/domain/phrase.ts';
import type { Requirement, StateLevel } from '../../src/domain/types.ts';
import { NEAR_SPAN } from '../../src/domain/vocabulary.ts';

const LABEL = '国家生态文明建设示范县建设指标 第29项 村镇饮用水卫生合格率';
const pct: PhraseContext = { label: LABEL, unit: '%' };
const plain: PhraseContext = { label: LABEL };

const req = (printed: string, ctx: PhraseContext = pct): Requirement => parseRequirement(printed, ctx);

function caught(fn: () => unknown): PhraseError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PhraseError);
    return e as PhraseError;
  }
  throw new Error('expected a PhraseError, but the phrase was read');
}

describe('requirements: thresholds', () => {
  it.each([
    ['≥95', '>=', 95],
    ['＞95%', '>', 95],
    ['>90%', '>', 90],
    ['≥4.5', '>=', 4.5],
    ['40%', '>=', 40],
    ['＝100', '=', 100],
  ] as const)('%s → %s %s', (printed, op, value) => {
    expect(req(printed)).toEqual({ kind: 'threshold', op, value });
  });

  it('reads full-width and half-width symbols alike', () => {
    expect(req('＞95％')).toEqual(req('>95%'));
    expect(req('≧95')).toEqual(req('≥95'));
    expect(req('>=95')).toEqual(req('≥95'));
    expect(req('≥９５')).toEqual(req('≥95'));
  });

  it('keeps the subject printed before the comparison', () => {
    expect(req('PM2.5浓度≤37', { label: LABEL, unit: 'ug/m3' })).toEqual({
      kind: 'threshold',
      op: '<=',
      value: 37,
      subject: 'PM2.5浓度',
    });
    expect(req('优良天数比例≥85')).toEqual({ kind: 'threshold', op: '>=', value: 85, subject: '优良天数比例' });
  });

  it('reads a bare number as "at least" for higher-is-better and "at most" for lower-is-better', () => {
    expect(req('100')).toEqual({ kind: 'threshold', op: '>=', value: 100 });
    expect(req('100', { label: LABEL, unit: '%', polarity: 'higher' })).toEqual({ kind: 'threshold', op: '>=', value: 100 });
    expect(req('100', { label: LABEL, polarity: 'lower' })).toEqual({ kind: 'threshold', op: '<=', value: 100 });
  });

  it('ignores footnote marks on a requirement', () => {
    expect(req('≥95【1】')).toEqual(req('≥95'));
    expect(req('≥95[2]')).toEqual(req('≥95'));
  });
});

describe('requirements: targets worded around a number', () => {
  it('达到72%以上 → ≥72', () => {
    expect(req('达到72%以上')).toEqual({ kind: 'threshold', op: '>=', value: 72 });
  });

  it('力争达到98%以上 → ≥98, marked aspirational', () => {
    expect(req('力争达到98%以上')).toEqual({ kind: 'threshold', op: '>=', value: 98, aspirational: true });
    expect(req('达到98%以上')).not.toHaveProperty('aspirational');
  });

  it('突破85% → >85', () => {
    expect(req('突破85%')).toEqual({ kind: 'threshold', op: '>', value: 85 });
  });

  it('累计下降16% → a decrease of at least 16', () => {
    expect(req('累计下降16%')).toMatchObject({ kind: 'threshold', op: '>=', value: 16 });
  });

  it('400亿元以上 → ≥400', () => {
    expect(req('400亿元以上', { label: LABEL, unit: '亿元' })).toEqual({ kind: 'threshold', op: '>=', value: 400 });
  });
});

describe('requirements: weighted', () => {
  it('≥加权值 refers to a value the region must supply', () => {
    expect(req('≥加权值')).toEqual({ kind: 'weighted', op: '>=', reference: '加权值' });
  });
});

describe('requirements: trends', () => {
  it.each([
    ['稳定提高', 'improve'],
    ['提高', 'improve'],
    ['双增长', 'improve'],
    ['不降低', 'notWorse'],
    ['不减少', 'notWorse'],
    ['保持稳定或持续改善', 'notWorse'],
    ['保持稳定', 'stable'],
  ] as const)('%s → %s', (printed, trend) => {
    expect(req(printed)).toEqual({ kind: 'trend', trend });
  });

  it('keeps the subject of a trend: 生物多样性不降低', () => {
    expect(req('生物多样性不降低')).toEqual({ kind: 'trend', trend: 'notWorse', subject: '生物多样性' });
  });
});

describe('requirements: states and their order', () => {
  const level = (printed: string): StateLevel => {
    const r = req(printed, plain);
    if (r.kind !== 'state') throw new Error(`${printed} read as ${r.kind}`);
    expect(r.word).toBe(printed);
    return r.level;
  };

  it.each([
    ['建立', 2],
    ['获得', 2],
    ['制定实施', 3],
    ['建立实施', 3],
    ['开展', 3],
    ['执行', 3],
    ['实施', 3],
    ['有效开展', 4],
    ['全面实施', 4],
  ] as const)('%s is a state of level %s', (printed, expected) => {
    expect(level(printed)).toBe(expected);
  });

  it('orders states: 建立 < 建立实施 < 全面实施, 开展 < 有效开展', () => {
    expect(level('建立')).toBeLessThan(level('建立实施'));
    expect(level('建立实施')).toBeLessThan(level('全面实施'));
    expect(level('开展')).toBeLessThan(level('有效开展'));
    expect(level('获得')).toBeLessThan(level('实施'));
  });

  it('reads a state with an object: 建成100亿级生态工业集群', () => {
    expect(req('建成100亿级生态工业集群', plain)).toEqual({ kind: 'state', level: 2, word: '建成100亿级生态工业集群' });
  });
});

describe('requirements: directives', () => {
  it.each(['完成上级规定的考核任务', '完成市级规定的目标任务', '完成上级管控目标', '水质达到年度考核目标任务'])(
    '%s defers to the higher level',
    (printed) => {
      expect(req(printed)).toEqual({ kind: 'directive', word: printed });
    },
  );
});

describe('requirements: composites', () => {
  it('面积不减少，性质不改变，功能不降低: three parts that must all hold', () => {
    expect(req('面积不减少，性质不改变，功能不降低', plain)).toEqual({
      kind: 'composite',
      parts: [
        { kind: 'trend', trend: 'notWorse', subject: '面积' },
        { kind: 'trend', trend: 'notWorse', subject: '性质' },
        { kind: 'trend', trend: 'notWorse', subject: '功能' },
      ],
    });
  });

  it('完成上级规定的考核任务；保持稳定或持续改善: a directive and a trend', () => {
    expect(req('完成上级规定的考核任务；保持稳定或持续改善')).toEqual({
      kind: 'composite',
      parts: [
        { kind: 'directive', word: '完成上级规定的考核任务' },
        { kind: 'trend', trend: 'notWorse' },
      ],
    });
  });

  it('a composite with one unknown part is not read', () => {
    const e = caught(() => req('面积不减少，大约还行', plain));
    expect(e.phrase).toBe('面积不减少，大约还行');
  });
});

describe('requirements: absences and relations', () => {
  it.each([
    ['无劣V类水体', '劣V类水体'],
    ['无劣Ⅴ类水体', '劣V类水体'],
    ['基本消除黑臭水体', '黑臭水体'],
    ['基本消除重污染天气', '重污染天气'],
  ] as const)('%s: %s must be absent', (printed, subject) => {
    expect(req(printed, plain)).toEqual({ kind: 'absence', subject });
  });

  it('不明显 (外来物种入侵) is an absence', () => {
    expect(req('不明显', plain)).toMatchObject({ kind: 'absence' });
  });

  it('保持或优于入境水质 compares with something outside the indicator', () => {
    expect(req('保持或优于入境水质', plain)).toEqual({ kind: 'relation', word: '保持或优于入境水质' });
  });
});

describe('requirements: unknown phrases', () => {
  it('大约还行 → PhraseError naming the phrase and the indicator', () => {
    const e = caught(() => req('大约还行'));
    expect(e.phrase).toBe('大约还行');
    expect(e.context).toBe(LABEL);
    expect(e.what).toBe('requirement');
    expect(e.message).toContain('大约还行');
    expect(e.message).toContain(LABEL);
  });

  it.each(['', '   ', 'A≥60', '≥', '大于'])('%j is not a requirement', (printed) => {
    caught(() => req(printed));
  });
});

// ---------------------------------------------------------------- values

describe('values: numbers', () => {
  const num = (lo: number, hi: number, loOpen = false, hiOpen = false) => ({ kind: 'number', lo, hi, loOpen, hiOpen });

  it('98.3%[1]: the footnote mark is stripped and recorded', () => {
    const r = parseValue('98.3%[1]', pct);
    expect(r.value).toEqual(num(98.3, 98.3));
    expect(r.marks).toEqual(['[1]']);
    expect(r.asterisk).toBe(false);
  });

  it('92.76%*: the asterisk (older year) is stripped and recorded', () => {
    const r = parseValue('92.76%*', pct);
    expect(r.value).toEqual(num(92.76, 92.76));
    expect(r.asterisk).toBe(true);
    expect(r.marks).toEqual([]);
  });

  it('大于70 → (70, 100] for a percentage', () => {
    expect(parseValue('大于70', pct).value).toEqual(num(70, 100, true, false));
  });

  it('大于12 without a unit → (12, ∞)', () => {
    expect(parseValue('大于12', plain).value).toEqual(num(12, Number.POSITIVE_INFINITY, true, true));
  });

  it('>99 and ＞90 are open below', () => {
    expect(parseValue('>99', pct).value).toEqual(num(99, 100, true, false));
    expect(parseValue('＞90', pct).value).toEqual(num(90, 100, true, false));
    expect(parseValue('＞90', pct).value).toEqual(parseValue('>90', pct).value);
  });

  it('接近100 → [100·(1−NEAR_SPAN), 100] = [95, 100]', () => {
    expect(NEAR_SPAN).toBe(0.05);
    expect(parseValue('接近100', pct).value).toEqual(num(95, 100));
  });

  it('49.3（抽样） and 49.3；抽样 carry the flag 抽样', () => {
    for (const printed of ['49.3（抽样）', '49.3(抽样)', '49.3；抽样']) {
      const r = parseValue(printed, pct);
      expect(r.value, printed).toEqual(num(49.3, 49.3));
      expect(r.flags, printed).toEqual(['抽样']);
      expect(r.notes, printed).toEqual([]);
    }
  });

  it('49.3（代用） carries the flag 代用', () => {
    expect(parseValue('49.3（代用）', pct).flags).toEqual(['代用']);
  });

  it('67.6（山区）: the bracket is a note, not a flag', () => {
    const r = parseValue('67.6（山区）', pct);
    expect(r.value).toEqual(num(67.6, 67.6));
    expect(r.notes).toEqual(['山区']);
    expect(r.flags).toEqual([]);
  });

  it('98.1（保持稳定）: a number with its trend', () => {
    expect(parseValue('98.1（保持稳定）', pct).value).toEqual({ ...num(98.1, 98.1), trend: 'stable' });
  });

  it('a percentage above 100 is impossible → PhraseError', () => {
    for (const printed of ['120', '100.5%', '>100']) {
      const e = caught(() => parseValue(printed, pct));
      expect(e.what).toBe('value');
      expect(e.phrase).toBe(printed);
      expect(e.message).toContain(LABEL);
    }
  });

  it('120 is fine when the unit is not a percentage', () => {
    expect(parseValue('120', { label: LABEL, unit: '万元' }).value).toEqual(num(120, 120));
  });

  it('100% itself is a valid percentage', () => {
    expect(parseValue('100', pct).value).toEqual(num(100, 100));
  });
});

describe('values: words', () => {
  it.each([
    ['正在制定', { kind: 'state', level: 1, word: '正在制定' }],
    ['已建立', { kind: 'state', level: 2, word: '已建立' }],
    ['未开展', { kind: 'state', level: 0, word: '未开展' }],
    ['满足', { kind: 'done', word: '满足' }],
    ['未完成', { kind: 'undone', word: '未完成' }],
    ['-', { kind: 'none', word: '-' }],
  ] as const)('%s', (printed, value) => {
    expect(parseValue(printed, pct).value).toEqual(value);
  });

  it('获得3个[5]: obtained (a state), the footnote recorded', () => {
    const r = parseValue('获得3个[5]', plain);
    expect(r.value).toMatchObject({ kind: 'state', level: 2 });
    expect(r.marks).toEqual(['[5]']);
  });

  it('无劣Ⅴ类 (full-width Ⅴ): the bad thing is absent', () => {
    expect(parseValue('无劣Ⅴ类', plain).value.kind).toBe('absent');
  });

  it('大约还行 is not a value → PhraseError naming phrase and indicator', () => {
    const e = caught(() => parseValue('大约还行', pct));
    expect(e.what).toBe('value');
    expect(e.message).toContain('大约还行');
    expect(e.message).toContain(LABEL);
  });
});

describe('values: composites', () => {
  it('完成上级规定的目标任务，预估下降: done, plus an estimated decrease', () => {
    const r = parseValue('完成上级规定的目标任务，预估下降', pct);
    expect(r.value).toEqual({
      kind: 'composite',
      parts: [
        { kind: 'done', word: '完成上级规定的目标任务' },
        { kind: 'trend', trend: 'decrease', estimated: true },
      ],
    });
    expect(r.flags).toContain('估算');
  });

  it('完成上级规定的考核任务，水质全部达到或优于Ⅲ类: done, plus the best level reached', () => {
    const r = parseValue('完成上级规定的考核任务，水质全部达到或优于Ⅲ类', pct);
    expect(r.value.kind).toBe('composite');
    if (r.value.kind !== 'composite') return;
    expect(r.value.parts.map((p) => p.kind)).toEqual(['done', 'absent']);
  });

  it('综合利用率接近100％，保持稳定: an interval, plus a stable trend', () => {
    const r = parseValue('综合利用率接近100％，保持稳定', pct);
    expect(r.value).toEqual({
      kind: 'composite',
      parts: [
        { kind: 'number', lo: 95, hi: 100, loOpen: false, hiOpen: false },
        { kind: 'trend', trend: 'stable' },
      ],
    });
  });
});

// ---------------------------------------------------------------- tiers

describe('tiers', () => {
  it('A≥60 → 3；60＞A≥55 → 2；55＞A≥50 → 1', () => {
    const tiers = parseTiers('A≥60 → 3；60＞A≥55 → 2；55＞A≥50 → 1', pct);
    expect(tiers).toEqual([
      { printed: 'A≥60 → 3', points: 3, band: { lo: 60, hi: Number.POSITIVE_INFINITY, loOpen: false, hiOpen: true } },
      { printed: '60＞A≥55 → 2', points: 2, band: { lo: 55, hi: 60, loOpen: false, hiOpen: true } },
      { printed: '55＞A≥50 → 1', points: 1, band: { lo: 50, hi: 55, loOpen: false, hiOpen: true } },
    ]);
  });

  it('A=100 → 2；100＞A≥90 → 1', () => {
    expect(parseTiers('A=100 → 2；100＞A≥90 → 1', pct)).toEqual([
      { printed: 'A=100 → 2', points: 2, band: { lo: 100, hi: 100, loOpen: false, hiOpen: false } },
      { printed: '100＞A≥90 → 1', points: 1, band: { lo: 90, hi: 100, loOpen: false, hiOpen: true } },
    ]);
  });

  it('100 → 3；城区100，乡镇完成上级考核要求 → 2: the worded band has no numeric band', () => {
    const tiers = parseTiers('100 → 3；城区100，乡镇完成上级考核要求 → 2', pct);
    expect(tiers).toHaveLength(2);
    expect(tiers[0]).toEqual({ printed: '100 → 3', points: 3, band: { lo: 100, hi: 100, loOpen: false, hiOpen: false } });
    expect(tiers[1]).toEqual({ printed: '城区100，乡镇完成上级考核要求 → 2', points: 2 });
    expect(tiers[1]).not.toHaveProperty('band');
  });

  it.each(['', '；', 'A≥60 3', 'A≥60 → x', 'A≥60 → 3；60＞A≥55'])('malformed tiers %j → PhraseError', (printed) => {
    const e = caught(() => parseTiers(printed, pct));
    expect(e.what).toBe('tiers');
    expect(e.message).toContain(LABEL);
  });
});
