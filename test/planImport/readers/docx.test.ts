// The .docx reader on documents built with the docx package: headings from styles and from numbering,
// tables with spans, vertically merged cells, repeated header rows and a 续表 joined, nested tables, footnotes,
// and hostile or damaged parts refused in Chinese.
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/domain/planImport/document.ts';
import { readDocx } from '../../../src/exchange/planDocument/docx.ts';
import { PlanDocumentError, readPlanDocument } from '../../../src/exchange/planDocument/read.ts';
import { unzipOffice, withPart } from '../../helpers/zip.ts';

const cell = (text: string, more: Record<string, unknown> = {}) => new TableCell({ children: text.split('\n').map((s) => new Paragraph(s)), ...more });
const row = (texts: string[], header = false) => new TableRow({ tableHeader: header, children: texts.map((s) => cell(s)) });

async function sample(): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('2021年数据。')] } },
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '第一章 规划总则', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '规划目标', numbering: { reference: 'sections', level: 0 } }),
          new Paragraph({ text: '近期目标', numbering: { reference: 'sections', level: 1 } }),
          new Paragraph({ text: '远期目标', numbering: { reference: 'sections', level: 1 } }),
          new Paragraph({ text: '保障措施', numbering: { reference: 'sections', level: 0 } }),
          new Paragraph({ children: [new TextRun('到2027年，森林覆盖率达到60%'), new FootnoteReferenceRun(1), new TextRun('。')] }),
          new Paragraph(''),
          new Paragraph('表1  某县生态文明建设指标'),
          new Table({
            rows: [
              row(['领域', '序号', '指标名称', '目标值'], true),
              new TableRow({ children: [cell('生态空间', { verticalMerge: VerticalMergeType.RESTART }), cell('1'), cell('森林覆盖率'), cell('≥60%')] }),
              new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('2'), cell('生态保护红线\n面积'), cell('不减少')] }),
              new TableRow({ children: [cell('一、生态安全保障工程（2项1.5亿元）', { columnSpan: 4 })] }),
              new TableRow({
                children: [cell('生活'), cell('3'), new TableCell({ children: [new Table({ rows: [row(['城镇', '农村'])] })] }), cell('达标')],
              }),
            ],
          }),
          new Paragraph('续表'),
          new Table({ rows: [row(['领域', '序号', '指标名称', '目标值'], true), row(['制度', '4', '河长制', '全面实施'])] }),
          new Paragraph('表2  另一张表'),
          new Table({ rows: [row(['序号', '项目名称']), row(['1', '河道整治'])] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('the .docx reader', () => {
  it('reads headings from styles and from numbering, with the number as printed', async () => {
    const d = readDocx('plan.docx', await sample());
    const headings = d.blocks.flatMap((b) => (b.kind === 'paragraph' && b.headingLevel ? [[b.headingLevel, b.text]] : []));
    expect(headings).toEqual([
      [1, '第一章 规划总则'],
      [2, '一、 规划目标'],
      [3, '（一） 近期目标'],
      [3, '（二） 远期目标'],
      [2, '二、 保障措施'],
    ]);
  });

  it('reads a table with its caption, header row, merged and spanning cells; 续表 is joined without its repeated header', async () => {
    const d = readDocx('plan.docx', await sample());
    const tables = d.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.map((t) => [t.index, t.caption])).toEqual([
      [1, '表1  某县生态文明建设指标'],
      [2, '表2  另一张表'],
    ]);
    const t1 = tables[0]!;
    expect(t1.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['领域', '序号', '指标名称', '目标值'],
      ['生态空间', '1', '森林覆盖率', '≥60%'],
      ['', '2', '生态保护红线\n面积', '不减少'],
      ['一、生态安全保障工程（2项1.5亿元）'],
      ['生活', '3', '城镇 农村', '达标'],
      ['制度', '4', '河长制', '全面实施'],
    ]);
    expect(t1.rows.map((r) => !!r.header)).toEqual([true, false, false, false, false, false]);
    expect(t1.rows[2]!.cells[0]).toMatchObject({ merged: true, text: '', column: 1 });
    expect(t1.rows[1]!.cells[0]!.merged).toBeUndefined();
    expect(t1.rows[3]!.cells[0]).toMatchObject({ span: 4, column: 1 });
    expect(t1.continuations).toHaveLength(1);
    // without a tblHeader mark, the header row is recognised by its words
    expect(tables[1]!.rows.map((r) => !!r.header)).toEqual([true, false]);
  });

  it('writes the text form layout, and every block and cell points at its own line', async () => {
    const d = readDocx('plan.docx', await sample());
    for (const b of d.blocks) {
      if (b.kind === 'paragraph') expect(d.lines[b.line - 1]).toBe(b.text);
      else {
        expect(d.lines[b.captionLine! - 1]).toBe(b.caption);
        for (const r of b.rows) for (const c of r.cells) expect(d.lines[c.line - 1]).toBe(`\t${c.text.split('\n')[0]}`);
      }
    }
    const t1 = d.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(d.lines[t1.continuations![0]! - 1]).toBe('续表');
  });

  it('turns a footnote reference into its mark and reads the footnote', async () => {
    const d = readDocx('plan.docx', await sample());
    const p = d.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('到2027年'));
    expect(p).toMatchObject({ text: '到2027年，森林覆盖率达到60%[1]。' });
    expect(d.footnotes).toEqual([{ mark: '[1]', text: '2021年数据。', line: expect.any(Number) }]);
    expect(d.lines[d.footnotes[0]!.line - 1]).toBe('[1] 2021年数据。');
  });

  it('reads a style whose name is a heading in Chinese, and an outline level', async () => {
    const base = await sample();
    const parts = unzipOffice(base);
    const styles = parts.get('word/styles.xml')!.toString('utf8').replace('</w:styles>', '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style><w:style w:type="paragraph" w:styleId="zz"><w:name w:val="我的标题"/><w:basedOn w:val="a5"/></w:style></w:styles>');
    const body = parts.get('word/document.xml')!.toString('utf8').replace('<w:body>', '<w:body><w:p><w:pPr><w:pStyle w:val="zz"/></w:pPr><w:r><w:t>规划范围</w:t></w:r></w:p><w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>规划期限</w:t></w:r></w:p>');
    const d = readDocx('plan.docx', withPart(withPart(base, 'word/styles.xml', styles), 'word/document.xml', body));
    expect(d.blocks.slice(0, 2)).toMatchObject([
      { text: '规划范围', headingLevel: 2 },
      { text: '规划期限', headingLevel: 3 },
    ]);
  });

  it('keeps deleted revisions, field codes and hidden text out of the text, and inserted text in', async () => {
    const base = await sample();
    const xml = unzipOffice(base).get('word/document.xml')!.toString('utf8');
    const body = xml.replace('<w:body>', '<w:body><w:p><w:r><w:t xml:space="preserve">目标 </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>新</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>&lt;完&gt;&#x4E00;</w:t></w:r></w:p>');
    const d = readDocx('plan.docx', withPart(base, 'word/document.xml', body));
    expect(d.blocks[0]).toMatchObject({ kind: 'paragraph', text: '目标 新<完>一' });
  });

  it('refuses a document type declaration, deep nesting and broken XML in Chinese', async () => {
    const base = await sample();
    const xml = unzipOffice(base).get('word/document.xml')!.toString('utf8');
    const laughs = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>${xml.replace(/^<\?xml[^>]*\?>/, '')}`;
    const deep = xml.replace('<w:body>', `<w:body>${'<w:sdt><w:sdtContent>'.repeat(5000)}${'</w:sdtContent></w:sdt>'.repeat(5000)}`);
    const broken = xml.replace('</w:body>', '');
    for (const [bad, reason] of [
      [laughs, 'damaged'],
      [deep, 'tooDeep'],
      [broken, 'damaged'],
    ] as const) {
      const err = await readPlanDocument('plan.docx', withPart(base, 'word/document.xml', bad)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlanDocumentError);
      expect((err as PlanDocumentError).reason).toBe(reason);
      expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
