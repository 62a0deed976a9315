// The PDF reader on PDFs with a text layer written by hand: wrapped paragraphs joined, headings, a table
// with a multi-line cell and group rows spanning it, its continuation on the next page (续表) joined without
// the repeated header, page numbers left out; a PDF without text and an encrypted one refused in Chinese.
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/domain/planImport/document.ts';
import { readPdf } from '../../../src/exchange/planDocument/pdf.ts';
import { PlanDocumentError, readPlanDocument } from '../../../src/exchange/planDocument/read.ts';
import { buildPdf, type PdfText } from '../../helpers/planPdf.ts';

const T = (x: number, y: number, text: string, size?: number): PdfText => ({ x, y, text, size });

const page1: PdfText[] = [
  T(60, 50, '第三章 重点工程', 16),
  T(84, 80, '围绕生态安全、环境质量和生态经济，规划实施重点工程项目，总投资约十亿'),
  T(60, 94, '元，分年度推进。'),
  T(84, 108, '各项目由责任单位组织实施。'),
  T(60, 130, '表3 重点工程项目表'),
  T(60, 160, '序号'), T(100, 160, '项目名称'), T(220, 160, '建设内容'), T(450, 160, '投资（万元）'),
  T(60, 182, '一、生态安全保障工程（2项1.5亿元）'),
  T(60, 204, '1'), T(100, 204, '河道整治'), T(220, 204, '整治河道10公里，建设护岸'), T(450, 204, '10000'),
  T(220, 218, '工程及生态缓冲带'),
  T(60, 240, '2'), T(100, 240, '湿地修复'), T(220, 240, '修复湿地200亩'), T(450, 240, '5000'),
  T(60, 262, '二、环境质量提升工程（1项0.2亿元）'),
  T(60, 284, '3'), T(100, 284, '污水管网'), T(220, 284, '新建管网5公里'), T(450, 284, '2000'),
  T(290, 800, '- 1 -'),
];
const page2: PdfText[] = [
  T(60, 60, '续表'),
  T(60, 90, '序号'), T(100, 90, '项目名称'), T(220, 90, '建设内容'), T(450, 90, '投资（万元）'),
  T(60, 112, '4'), T(100, 112, '垃圾转运'), T(220, 112, '建转运站2座'), T(450, 112, '800'),
  T(60, 140, '注：投资为估算。'),
  T(290, 800, '- 2 -'),
];

describe('the PDF reader', () => {
  it('joins wrapped lines into paragraphs and recognises headings', async () => {
    const d = await readPdf('plan.pdf', buildPdf([{ texts: page1 }, { texts: page2 }]));
    const paragraphs = d.blocks.filter((b) => b.kind === 'paragraph').map((b) => [b.text, b.kind === 'paragraph' ? b.headingLevel : undefined]);
    expect(paragraphs).toEqual([
      ['第三章 重点工程', 1],
      ['围绕生态安全、环境质量和生态经济，规划实施重点工程项目，总投资约十亿元，分年度推进。', undefined],
      ['各项目由责任单位组织实施。', undefined],
      ['注：投资为估算。', undefined],
    ]);
    expect(d.lines.some((l) => /- \d -/.test(l))).toBe(false);
  });

  it('reads a table: columns, a multi-line cell, group rows spanning the table, the continuation joined', async () => {
    const d = await readPdf('plan.pdf', buildPdf([{ texts: page1 }, { texts: page2 }]));
    const tables = d.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.caption).toBe('表3 重点工程项目表');
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '项目名称', '建设内容', '投资（万元）'],
      ['一、生态安全保障工程（2项1.5亿元）'],
      ['1', '河道整治', '整治河道10公里，建设护岸\n工程及生态缓冲带', '10000'],
      ['2', '湿地修复', '修复湿地200亩', '5000'],
      ['二、环境质量提升工程（1项0.2亿元）'],
      ['3', '污水管网', '新建管网5公里', '2000'],
      ['4', '垃圾转运', '建转运站2座', '800'],
    ]);
    expect(t.rows[0]!.header).toBe(true);
    expect(t.rows[1]!.cells[0]!.span).toBe(4);
    expect(t.continuations).toHaveLength(1);
    for (const r of t.rows) for (const c of r.cells) expect(d.lines[c.line - 1]).toBe(`\t${c.text.split('\n')[0]}`);
  });

  it('reads a table whose rows are one line each, with empty cells', async () => {
    const texts = [T(60, 60, '序号'), T(120, 60, '指标'), T(300, 60, '目标值'), T(60, 74, '1'), T(120, 74, '森林覆盖率'), T(300, 74, '≥60%'), T(60, 88, '2'), T(120, 88, '湿地保护率')];
    const d = await readPdf('plan.pdf', buildPdf([{ texts }]));
    const t = d.blocks[0] as TableBlock;
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '指标', '目标值'],
      ['1', '森林覆盖率', '≥60%'],
      ['2', '湿地保护率', ''],
    ]);
  });

  it('parts the rows of a ruled table by its rules, a cell centred beside a three-line cell included', async () => {
    const texts = [
      T(60, 100, '序号'), T(120, 100, '项目名称'), T(260, 100, '建设内容'),
      T(260, 114, '整治河道10公里'),
      T(60, 128, '1'), T(120, 128, '河道整治'), T(260, 128, '建设护岸工程'),
      T(260, 142, '及生态缓冲带'),
      T(60, 156, '2'), T(120, 156, '湿地修复'), T(260, 156, '修复湿地200亩'),
    ];
    const rules: Array<[number, number, number, number]> = [93, 107, 149, 163].map((y) => [50, y, 450, y]);
    const d = await readPdf('plan.pdf', buildPdf([{ texts, rules }]));
    const t = d.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '项目名称', '建设内容'],
      ['1', '河道整治', '整治河道10公里\n建设护岸工程\n及生态缓冲带'],
      ['2', '湿地修复', '修复湿地200亩'],
    ]);
    // the same borders drawn as thin filled bars
    const bars: Array<[number, number, number, number]> = [93, 107, 149, 163].map((y) => [50, y - 0.25, 400, 0.5]);
    const barred = await readPdf('plan.pdf', buildPdf([{ texts, bars }]));
    expect((barred.blocks.find((b) => b.kind === 'table') as TableBlock).rows.map((r) => r.cells.map((c) => c.text))).toEqual(t.rows.map((r) => r.cells.map((c) => c.text)));
    // without the rules the same lines, evenly spaced, are a row each
    const unruled = await readPdf('plan.pdf', buildPdf([{ texts }]));
    expect((unruled.blocks.find((b) => b.kind === 'table') as TableBlock).rows).toHaveLength(5);
  });

  it('refuses a PDF without a text layer, and an encrypted one, in Chinese', async () => {
    const scan = buildPdf([{ texts: [], rules: [[50, 50, 500, 50]] }]);
    await expect(readPlanDocument('scan.pdf', scan)).rejects.toThrow('该PDF没有文字层（可能是扫描件），请提供Word文档或带文字的PDF');
    const locked = await readPlanDocument('locked.pdf', buildPdf([{ texts: page1 }], { encrypted: true })).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(PlanDocumentError);
    expect((locked as PlanDocumentError).reason).toBe('encrypted');
    expect((locked as Error).message).toMatch(/加密/);
  });
});
