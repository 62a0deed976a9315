// The text form (the seeds' layout) read into the document model: the tables a reader of the plan sees, with
// their captions, header rows, group rows and data rows; headings by their numbering; bookmark debris gone
// from the text while every line keeps its number; continued tables joined.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParagraphBlock, PlanDocument, TableBlock } from '../../../src/domain/planImport/document.ts';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';

const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');
const read = (file: string) => parseTextForm(file, readFileSync(join(SEEDS, file), 'utf8'));
const tables = (d: PlanDocument) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellTexts = (t: TableBlock, k: number) => t.rows[k]!.cells.map((c) => c.text);

describe('the text form', () => {
  const p001 = read('001_b49ddb4fbe827741.txt');
  const p000 = read('000_9ad0d339f6e47581.txt');

  it("001's table 1: its caption, a two-row header (目标值 over 近期/远期) and 43 indicator rows", () => {
    const t = tables(p001)[0]!;
    expect(t.caption).toBe('表1  巫山县国家生态文明建设示范县创建指标');
    expect(t.captionLine).toBe(120);
    expect(t.rows.filter((r) => r.header)).toHaveLength(2);
    expect(cellTexts(t, 0)).toEqual(['领域', '任务', '序号', '指标名称', '单位', '指标值', '指标\n属性', '现状值\n（2021年）', '达标\n情况', '目标值', '责任单位']);
    expect(cellTexts(t, 1).slice(9, 11)).toEqual(['近期\n（2024年）', '远期\n（2027年）']);
    const data = t.rows.filter((r) => !r.header);
    expect(data).toHaveLength(43);
    expect(data.map((r) => r.cells[2]!.text)).toEqual(Array.from({ length: 43 }, (_, k) => String(k + 1)));
    expect(cellTexts(t, 2)).toEqual(['生态\n制度', '（一）\n目标责任体系与制度建设', '1', '生态文明建设规划', '-', '制定实施', '约束性', '正在制定【1】', '未达标', '制定实施', '实施', '县生态环境局']);
    // every cell points at the line its text begins on
    for (const r of t.rows) for (const c of r.cells) expect(p001.lines[c.line - 1]!.replace(/\[bookmark:[^\]]*\]/g, '').trim()).toBe(c.text.split('\n')[0]);
    // a cell whose text begins on a further line points at that line (12 生物多样性保护: "\t" then "≥95 …")
    const biodiversity = t.rows.find((r) => r.cells[2]!.text === '12')!;
    expect(biodiversity.cells[5]).toMatchObject({ text: '≥95\n不明显\n不降低', line: 317 });
  });

  it("001's second table (around line 758) is a table of its own with its caption", () => {
    const t = tables(p001)[1]!;
    expect(t.caption).toBe('表2  巫山县市级生态文明建设示范区县创建指标2021年度评估情况');
    expect(t.line).toBe(759);
    expect(t.rows[0]!.header).toBe(true);
    expect(cellTexts(t, 0).slice(0, 3)).toEqual(['领域', '序号', '指标名称']);
  });

  it("001's project table: the header by its words, five group rows spanning it, 80 numbered projects", () => {
    const t = tables(p001).find((x) => x.rows[0]!.cells.some((c) => c.text === '项目名称'))!;
    expect(t.rows[0]!.header).toBe(true);
    const groups = t.rows.filter((r) => /^[一二三四五六七八九十]+、/.test(r.cells[0]!.text));
    expect(groups.map((r) => r.cells[0]!.text)).toEqual([
      '一、生态安全保障工程（31项20.5455亿元）',
      '二、生态空间优化工程（4项0.1900亿元）',
      '三、生态经济发展工程（17项11.4818亿元）',
      '四、生态生活示范工程（21项15.5692亿元）',
      '五、生态文化繁荣工程（7项3.5441亿元）',
    ]);
    expect(groups.every((r) => r.cells.slice(1).every((c) => c.text === ''))).toBe(true);
    const numbered = t.rows.filter((r) => /^\d+$/.test(r.cells[0]!.text)).map((r) => Number(r.cells[0]!.text));
    expect(numbered).toEqual(Array.from({ length: 80 }, (_, k) => k + 1));
    expect(p001.lines[t.rows[t.rows.length - 1]!.line - 1]).toContain('合计');
  });

  it("000's indicator table: caption without 表N, header, 20 indicators", () => {
    const ts = tables(p000);
    const t = ts.find((x) => x.caption === '黔江区阿蓬江流域“两山”基地建设规划指标')!;
    expect(t.line).toBe(172);
    expect(t.rows[0]!.header).toBe(true);
    expect(t.rows[0]!.cells.map((c) => c.text)).toEqual(['目标', '任务', '序号', '指  标', '指标要求', '2022年现状', '2028年目标', '牵头单位']);
    expect(t.rows.filter((r) => !r.header).map((r) => r.cells[2]!.text)).toEqual(Array.from({ length: 20 }, (_, k) => String(k + 1)));
    expect(cellTexts(t, 1)).toEqual(['构筑绿水青山', '环境\n质量', '1', '环境空气质量优良天数比例', '>90%', '98.3%[1]', '≥95.9%', '区生态环境局']);
  });

  it('headings by their numbering, without bookmark debris; the contents page and "一是…" paragraphs are not headings', () => {
    const heads = p000.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph' && b.headingLevel !== undefined);
    const chapter1 = heads.find((h) => h.text === '第一章 “两山”基地建设工作基础')!;
    expect(chapter1).toMatchObject({ line: 44, headingLevel: 1 });
    expect(p000.lines[43]).toContain('[bookmark:');
    expect(heads.filter((h) => h.line < 44)).toEqual([]); // the 目录 entries ("…\t7") are not headings
    expect(heads.filter((h) => h.headingLevel === 1)).toHaveLength(6);
    expect(p001.blocks.find((b) => b.kind === 'paragraph' && b.text === '一、区域特征')).toMatchObject({ headingLevel: 2 });
    expect(p001.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('（一）区位条件良好'))).toMatchObject({ headingLevel: 3 });
    const p003 = read('003_98fa8349cd878849.txt');
    const longOnes = [...p000.blocks, ...p001.blocks, ...p003.blocks].filter((b): b is ParagraphBlock => b.kind === 'paragraph' && /^[一二三四五]是/.test(b.text));
    expect(longOnes.length).toBeGreaterThan(0);
    expect(longOnes.every((b) => b.headingLevel === undefined)).toBe(true);
    for (const b of p000.blocks) if (b.kind === 'paragraph') expect(b.text).not.toContain('[bookmark');
  });

  it('joins a 续表 and a table repeating the header right after it, without the repeated header rows', () => {
    const text = ['表1 指标', '\t序号', '\t指标', '', '\t1', '\t森林覆盖率', '', '续表', '\t序号', '\t指标', '', '\t2', '\t湿地保护率', '', '说明：略。', '\t序号', '\t指标', '', '\t3', '\t绿地率', '', '', '\t序号', '\t指标', '', '\t4', '\t水质'].join('\n');
    const d = parseTextForm('t.txt', text);
    const ts = tables(d);
    expect(ts.map((t) => t.rows.map((r) => r.cells.map((c) => c.text).join('|')))).toEqual([
      ['序号|指标', '1|森林覆盖率', '2|湿地保护率'],
      ['序号|指标', '3|绿地率', '4|水质'],
    ]);
    expect(ts[0]!.continuations).toEqual([8]);
    expect(ts[1]!.continuations).toEqual([23]);
    expect(ts.map((t) => t.index)).toEqual([1, 2]);
  });

  it('keeps a short row as it is, and a document without tables or headings is still a document', () => {
    const d = parseTextForm('t.txt', '\t序号\n\t指标\n\t目标值\n\n\t1\n\t森林覆盖率\n');
    expect(tables(d)[0]!.rows[1]!.cells.map((c) => [c.column, c.text])).toEqual([
      [1, '1'],
      [2, '森林覆盖率'],
    ]);
    const plain = parseTextForm('p.txt', '本县坚持生态优先。\n\n到2025年，森林覆盖率达到60%。');
    expect(plain.blocks).toHaveLength(2);
    expect(plain.lines).toHaveLength(3);
  });
});
