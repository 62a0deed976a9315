// Numbers and dates as the plans write them, and PDF text that searches as written.
import { describe, expect, it } from 'vitest';
import { chineseNumber, formatDate, formatWan, wanPhrase } from '../../src/reports/format.ts';
import { fixCmap, ideographOf } from '../../src/reports/render/toUnicode.ts';

describe('report formatting', () => {
  it('writes 万元 with thousands separators, and 亿元 beside from one 亿 up', () => {
    expect(formatWan(513306)).toBe('513,306');
    expect(formatWan(1900)).toBe('1,900');
    expect(formatWan(0.5)).toBe('0.5');
    expect(formatWan(null)).toBe('—');
    expect(wanPhrase(513306, 'zh-CN')).toBe('513,306万元（约51.33亿元）');
    expect(wanPhrase(1900, 'zh-CN')).toBe('1,900万元');
    expect(wanPhrase(null, 'zh-CN')).toBe('未列投资额');
  });

  it('dates in Chinese form, in China’s time zone', () => {
    expect(formatDate(new Date('2026-11-22T09:00:00+08:00'), 'zh-CN')).toBe('2026年11月22日');
    expect(formatDate(new Date('2026-11-21T17:30:00Z'), 'zh-CN')).toBe('2026年11月22日'); // already the 22nd in Beijing
    expect(formatDate(new Date('2026-11-22T09:00:00+08:00'), 'en')).toBe('22 November 2026');
  });

  it('numbers sections 一 to 十九', () => {
    expect([1, 4, 10, 11, 19, 20].map(chineseNumber)).toEqual(['一', '四', '十', '十一', '十九', '二十']);
  });
});

describe('PDF text maps', () => {
  it('maps look-alike radicals to the ideographs they stand for', () => {
    expect(ideographOf('⼭')).toBe('山'); // Kangxi radical U+2F2D
    expect(ideographOf('⻚')).toBe('页'); // CJK radical supplement U+2EDA
    expect(ideographOf('山')).toBe('山');
  });

  it('rewrites a ToUnicode map whose characters are radicals, ranges included; leaves a clean one alone', () => {
    const cmap = '/CIDInit /ProcSet findresource begin\nbegincmap\n2 beginbfchar\n<0001> <2F2D>\n<0002> <5DEB>\nendbfchar\n1 beginbfrange\n<0010> <0011> <2F00>\nendbfrange\nendcmap\nend';
    const fixed = fixCmap(cmap)!;
    expect(fixed).toContain('<0001> <5C71>'); // 山
    expect(fixed).toContain('<0002> <5DEB>'); // 巫, as it was
    expect(fixed).toContain('<0010> <4E00>'); // ⼀ → 一
    expect(fixed).toContain('<0011> <4E28>'); // ⼁ → 丨
    expect(fixed).not.toMatch(/<2F[0-9A-F]{2}>/);
    expect(fixed.endsWith('endcmap\nend')).toBe(true);
    expect(fixCmap('begincmap\n1 beginbfchar\n<0002> <5DEB>\nendbfchar\nendcmap')).toBeNull();
  });
});
