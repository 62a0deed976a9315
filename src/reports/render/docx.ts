// The report as a Word document (docx): cover, contents (Word's own table of contents, filled from the headings),
// chapters as sections (wide tables on landscape pages), table headers repeated on every page, merged domain and
// task cells, coloured statuses, charts as PNG, and the page number in the footer. No browser is needed.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { t } from '../../i18n/index.ts';
import type { Block, Cell, ChartSpec, ReportDocument, Section, TableBlock } from '../model.ts';
import { chartSize, chartSvg } from './charts.ts';
import { rasterizeWithResvg, type Rasterize } from './png.ts';

// A4 in twips; margins as the PDF (20 mm portrait, 14 mm landscape).
const A4 = { width: 11906, height: 16838 };
const MARGIN_PORTRAIT = 1134;
const MARGIN_LANDSCAPE = 794;
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN_PORTRAIT, landscape: A4.height - 2 * MARGIN_LANDSCAPE };

const SERIF = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const SANS = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };

const TONE_FILL: Record<string, string> = { met: 'E2F1DC', notMet: 'F8D9D5', indeterminate: 'FBE6CB', noData: 'ECECEC', notApplicable: 'F5F5F5' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '6F7F75' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

type Orientation = 'portrait' | 'landscape';

function lines(text: string, opts: { size?: number; bold?: boolean; color?: string; font?: typeof SANS; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: opts.align,
        spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text: line, size: opts.size, bold: opts.bold, color: opts.color, font: opts.font ?? SANS })],
      }),
  );
}

function alignOf(a: Cell['align'] | undefined) {
  return a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

function tableOf(b: TableBlock, orientation: Orientation): Array<Paragraph | Table> {
  const width = Math.round(TEXT_WIDTH[orientation] * (b.share ?? 1));
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((c.width / total) * width));
  const size = b.dense ? 15 : 18;
  const cell = (c: Cell, i: number, opts: { header?: boolean; span?: number } = {}) =>
    new TableCell({
      children: lines(c.text, { size, bold: opts.header || c.bold, align: opts.header ? AlignmentType.CENTER : alignOf(c.align ?? b.columns[i]?.align), color: c.tone === 'notMet' ? 'B42318' : undefined }),
      rowSpan: c.rowSpan,
      columnSpan: opts.span,
      verticalAlign: VerticalAlignTable.CENTER,
      width: { size: opts.span ? widths.slice(i, i + opts.span).reduce((s, w) => s + w, 0) : widths[i]!, type: WidthType.DXA },
      margins: { top: 30, bottom: 30, left: 60, right: 60 },
      shading: opts.header ? { type: ShadingType.CLEAR, fill: 'E8EFE9', color: 'auto' } : c.tone ? { type: ShadingType.CLEAR, fill: TONE_FILL[c.tone]!, color: 'auto' } : undefined,
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell({ text: c.label }, i, { header: true })) });
  const body = b.rows.map((r) => new TableRow({ cantSplit: true, children: r.flatMap((c, i) => (c ? [cell(c, i)] : [])) }));
  const totals = (b.totals ?? []).map(
    (r) => new TableRow({ cantSplit: true, children: r.length === 1 ? [cell({ ...r[0]!, bold: true }, 0, { span: b.columns.length })] : r.map((c, i) => cell({ ...c, bold: true }, i)) }),
  );
  const out: Array<Paragraph | Table> = [];
  if (b.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: b.caption, bold: true, size: 20, font: SANS })] }));
  out.push(
    new Table({
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [header, ...body, ...totals],
    }),
  );
  for (const n of b.notes ?? []) out.push(note(n));
  out.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
  return out;
}

function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 20, after: 20, line: 280, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text, size: 16, color: '555555', font: SANS })] });
}

function chartsOf(doc: ReportDocument): ChartSpec[] {
  const all: ChartSpec[] = [];
  const walk = (s: Section) => {
    for (const b of s.blocks) if (b.type === 'chart') all.push(b.chart);
    else if (b.type === 'chartGrid') all.push(...b.charts);
    s.subsections?.forEach(walk);
  };
  doc.sections.forEach(walk);
  return all;
}

/** How a block is laid out: the page's orientation, the one-page squeeze, and the charts already drawn as PNG. */
interface Layout {
  orientation: Orientation;
  compact: boolean;
  pngs: Map<ChartSpec, Buffer>;
}

function image(spec: ChartSpec, maxWidthPx: number, layout: Layout): ImageRun {
  const { width, height } = chartSize(spec);
  const scale = Math.min(1, maxWidthPx / width);
  return new ImageRun({ type: 'png', data: layout.pngs.get(spec)!, transformation: { width: Math.round(width * scale), height: Math.round(height * scale) } });
}

/** Twips of text width to pixels at 96 dpi. */
const px = (twips: number) => Math.floor((twips / 1440) * 96);

function blockOf(b: Block, layout: Layout): Array<Paragraph | Table> {
  const { orientation, compact } = layout;
  switch (b.type) {
    case 'paragraph':
      if (b.style === 'note') return [note(b.text)];
      if (b.style === 'quote')
        return [
          new Paragraph({
            spacing: { before: 60, after: 100, line: 300, lineRule: LineRuleType.AUTO },
            indent: { left: 240 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: '9BBFA9', space: 6 } },
            shading: { type: ShadingType.CLEAR, fill: 'F3F6F4', color: 'auto' },
            children: [new TextRun({ text: b.text, size: 19, color: '333333' })],
          }),
        ];
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 440 }, spacing: { after: compact ? 60 : 100, line: compact ? 300 : 360, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: b.text, size: compact ? 20 : undefined })] })];
    case 'table':
      return tableOf(b, orientation);
    case 'facts': {
      const perRow = Math.min(4, b.items.length);
      const w = Math.floor(TEXT_WIDTH[orientation] / perRow);
      const rows: TableRow[] = [];
      for (let i = 0; i < b.items.length; i += perRow) {
        const items = b.items.slice(i, i + perRow);
        rows.push(
          new TableRow({
            children: Array.from({ length: perRow }, (_, j) => {
              const item = items[j];
              return new TableCell({
                width: { size: w, type: WidthType.DXA },
                margins: { top: 80, bottom: 80, left: 120, right: 120 },
                shading: item ? { type: ShadingType.CLEAR, fill: 'F7FAF8', color: 'auto' } : undefined,
                children: item
                  ? [
                      new Paragraph({ children: [new TextRun({ text: item.label, size: 16, color: '555555', font: SANS })] }),
                      new Paragraph({ children: [new TextRun({ text: item.value, size: 24, bold: true, font: SANS, color: item.tone === 'notMet' ? 'B42318' : item.tone === 'met' ? '2F7A2A' : '1B1B1B' })] }),
                    ]
                  : [new Paragraph({ children: [] })],
              });
            }),
          }),
        );
      }
      return [new Table({ layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH[orientation], type: WidthType.DXA }, columnWidths: Array(perRow).fill(w), borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER }, rows }), new Paragraph({ children: [] })];
    }
    case 'chart':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [image(b.chart, Math.min(px(TEXT_WIDTH[orientation]), compact ? 440 : 620), layout)] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 160 }, children: [new TextRun({ text: b.caption, size: 17, color: '444444', font: SANS })] }),
      ];
    case 'chartGrid': {
      const perRow = orientation === 'landscape' ? 3 : 2;
      const w = Math.floor(TEXT_WIDTH[orientation] / perRow);
      const rows: TableRow[] = [];
      for (let i = 0; i < b.charts.length; i += perRow) {
        const charts = b.charts.slice(i, i + perRow);
        rows.push(
          new TableRow({
            cantSplit: true,
            children: Array.from({ length: perRow }, (_, j) => {
              const c = charts[j];
              return new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: c ? [image(c, px(w) - 8, layout)] : [] })] });
            }),
          }),
        );
      }
      return [
        new Table({ layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH[orientation], type: WidthType.DXA }, columnWidths: Array(perRow).fill(w), borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }, rows }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 160 }, children: [new TextRun({ text: b.caption, size: 17, color: '444444', font: SANS })] }),
      ];
    }
  }
}

function sectionChildren(s: Section, level: 1 | 2, layout: Layout): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  if (s.heading) out.push(new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text: s.heading })] }));
  for (const b of s.blocks) out.push(...blockOf(b, layout));
  for (const sub of s.subsections ?? []) out.push(...sectionChildren(sub, 2, layout));
  return out;
}

function footerOf(doc: ReportDocument): Footer {
  const [before, after] = t('report.footer', { title: doc.runningTitle, page: '\u0000' }, doc.lang).split('\u0000');
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [before ?? '', PageNumber.CURRENT, after ?? ''], size: 16, color: '666666', font: SANS })] })],
  });
}

function page(orientation: Orientation) {
  const m = orientation === 'landscape' ? MARGIN_LANDSCAPE : MARGIN_PORTRAIT;
  return {
    size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: orientation === 'landscape' ? 907 : 1247, bottom: orientation === 'landscape' ? 907 : 1134, left: m, right: m, footer: 454 },
  };
}

/** The Word document; charts are drawn as PNG by `rasterize` (Chromium when there is one, else resvg). */
export async function reportDocx(doc: ReportDocument, rasterize: Rasterize = rasterizeWithResvg): Promise<Buffer> {
  const charts = chartsOf(doc);
  const images = await rasterize(charts.map(chartSvg));
  const pngs = new Map(charts.map((c, i) => [c, images[i]!]));
  const footer = footerOf(doc);
  const sections: ISectionOptions[] = [];
  const front: Array<Paragraph | Table | TableOfContents> = [];
  if (doc.cover) {
    const c = doc.cover;
    front.push(
      new Paragraph({ spacing: { before: 3200 }, children: [] }),
      ...c.title.split('\n').map((l) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200, line: 300, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: l, bold: true, size: 44, font: SANS, color: '12372A' })] })),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 360 }, children: [new TextRun({ text: c.subtitle, bold: true, size: 40, font: SANS, color: '237A4B' })] }),
      new Paragraph({ spacing: { before: 3600 }, children: [] }),
      ...c.lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: l, size: 28, font: SANS })] })),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [new TextRun({ text: c.date, size: 28, font: SANS })] }),
    );
  }
  if (doc.contents) {
    front.push(
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: doc.lang === 'en' ? 'Contents' : '目　录', bold: true, size: 32, font: SANS })] }),
      new TableOfContents(doc.lang === 'en' ? 'Contents' : '目录', { hyperlink: true, headingStyleRange: '1-2' }),
    );
  }
  if (doc.heading)
    front.push(
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [new TextRun({ text: doc.heading.title, bold: true, size: 32, font: SANS, color: '12372A' })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: doc.heading.subtitle, size: 19, color: '555555', font: SANS })] }),
    );
  if (doc.onePage) {
    for (const s of doc.sections) for (const b of s.blocks) front.push(...blockOf(b, { orientation: 'portrait', compact: true, pngs }));
    sections.push({ properties: { page: { ...page('portrait'), margin: { top: 794, bottom: 794, left: 907, right: 907, footer: 454 } } }, children: front });
  } else {
    if (front.length > 0) sections.push({ properties: { page: page('portrait'), titlePage: Boolean(doc.cover) }, footers: { default: footer, first: new Footer({ children: [] }) }, children: front });
    for (const s of doc.sections) {
      const orientation: Orientation = s.landscape ? 'landscape' : 'portrait';
      sections.push({ properties: { type: SectionType.NEXT_PAGE, page: page(orientation) }, footers: { default: footer }, children: sectionChildren(s, 1, { orientation, compact: false, pngs }) });
    }
  }
  const document = new Document({
    title: doc.title,
    creator: 'ecociv',
    description: doc.runningTitle,
    styles: {
      default: {
        document: { run: { font: SERIF, size: 22 }, paragraph: { spacing: { line: 340, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: SANS, size: 32, bold: true, color: '12372A' }, paragraph: { spacing: { before: 120, after: 240 }, keepNext: true } },
        heading2: { run: { font: SANS, size: 26, bold: true, color: '12372A' }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
      },
    },
    sections,
  });
  return Packer.toBuffer(document);
}
