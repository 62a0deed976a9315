// The words every reader recognises a plan's layout by: headings, captions, header rows, Chinese numbering.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../src/domain/planImport/document.ts';
import { chineseCounting, headingLevelOfText, isCaption, isContentsEntry, markHeaderRows } from '../../../src/domain/planImport/layout.ts';

const row = (...texts: string[]): Row => ({ line: 1, cells: texts.map((text, k) => ({ text, line: 1, column: k + 1 })) });

describe('layout words', () => {
  it('headings by their numbering, short and not ending as a sentence', () => {
    expect(['第一章 总则', '第十二章  保障措施', '第三节 规划目标', '一、指导思想', '（二）规划范围', '(三) 基本要求'].map(headingLevelOfText)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(headingLevelOfText('一是生态保护治理“巫山样板”更加成熟，长江干流水质稳定保持Ⅱ类，森林覆盖率达到63%以上。')).toBeUndefined();
    expect(headingLevelOfText('一、坚持生态优先，把生态文明建设放在突出位置，全面推进。')).toBeUndefined();
    expect(headingLevelOfText('第一章 “两山”基地建设工作基础\t7')).toBeUndefined();
    expect(isContentsEntry('第二节 基本原则……………29')).toBe(true);
  });

  it('captions: numbered ones, short titles; not sentences, headings, notes or contents entries', () => {
    expect(['表1  巫山县国家生态文明建设示范县创建指标', '续表', '表2-1 项目表', '黔江区阿蓬江流域“两山”基地建设规划指标'].every(isCaption)).toBe(true);
    expect(['说明：【1】2022年上半年发布实施。', '第五节 抓好宣传引导\t68', '一、工作基础', ''].some(isCaption)).toBe(false);
  });

  it('header rows: the first when its cells are header words, and rows of header words or years after it', () => {
    const rows = [row('领域', '序号', '指  标', '目标值', '责任单位'), row('', '', '', '近期\n（2024年）', ''), row('生态', '1', '森林覆盖率', '≥60%', '县林业局')];
    markHeaderRows(rows);
    expect(rows.map((r) => !!r.header)).toEqual([true, true, false]);
    const noHeader = [row('1', '森林覆盖率', '60%'), row('2', '湿地保护率', '50%')];
    markHeaderRows(noHeader);
    expect(noHeader.map((r) => !!r.header)).toEqual([false, false]);
  });

  it('Chinese counting as Word numbers paragraphs', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 999].map(chineseCounting)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '九百九十九']);
  });
});
