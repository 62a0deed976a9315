// A real .docx built from a plan in the text form (its PlanDocument), as a plan office's Word file has it:
// headings in Heading styles, paragraphs, tables with their caption above, header rows marked to repeat on
// every page, REAL merged cells (an empty cell under a filled one in a table's grouping columns — 领域, 任务,
// 目标, 类别 … — is merged down from it; a group row with one filled cell spans the row), optionally one table
// split into a table and a 续表 with the header repeated, and chosen marks (e.g. "【1】") turned into real
// footnote references that print that mark. For the readers' tests: read back, it must agree with the text form.
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import type { Cell, PlanDocument, Row, TableBlock } from '../../src/domain/planImport/document.ts';
import { unzipOffice, zip } from './zip.ts';

export interface PlanDocxOptions {
  /** split this table (its index) into a table and a 续表 after half its data rows */
  split?: number;
  /** marks printed in the text (e.g. "【1】") made real footnotes with this text; the first occurrence of each refers to it */
  footnotes?: Record<string, string>;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
/** header words of the columns that group rows (a value stands once for the rows below it) */
const GROUPING = /领域|任务|目标|类别|分类|类型|方向/;

/** a run sequence for text, with the first occurrence of each footnote mark as a reference */
function runs(text: string, notes: Map<string, { id: number; used: boolean }>): Array<TextRun | FootnoteReferenceRun> {
  const out: Array<TextRun | FootnoteReferenceRun> = [];
  let rest = text;
  for (;;) {
    let at = -1;
    let mark = '';
    for (const [m, n] of notes) {
      const k = rest.indexOf(m);
      if (!n.used && k >= 0 && (at < 0 || k < at)) ((at = k), (mark = m));
    }
    if (at < 0) break;
    if (at > 0) out.push(new TextRun(rest.slice(0, at)));
    const note = notes.get(mark)!;
    note.used = true;
    out.push(new FootnoteReferenceRun(note.id));
    rest = rest.slice(at + mark.length);
  }
  if (rest !== '' || out.length === 0) out.push(new TextRun(rest));
  return out;
}

const paragraphs = (text: string, notes: Map<string, { id: number; used: boolean }>) => text.split('\n').map((s) => new Paragraph({ children: runs(s, notes) }));

/** a group row: one filled cell, the others empty */
const isGroupRow = (r: Row) => !r.header && r.cells.length > 1 && r.cells[0]!.text !== '' && r.cells.slice(1).every((c) => c.text === '');

function table(rows: Row[], columns: number, grouping: Set<number>, notes: Map<string, { id: number; used: boolean }>): Table {
  // which empty cells continue the cell above (per grouping column), and which filled cells start a merge
  const merge = rows.map((r) => r.cells.map((): 'restart' | 'continue' | undefined => undefined));
  for (const col of grouping) {
    let top: [number, number] | undefined;
    rows.forEach((r, k) => {
      if (r.header || isGroupRow(r)) return void (top = undefined);
      const c = r.cells.findIndex((x) => x.column === col);
      if (c < 0) return void (top = undefined);
      if (r.cells[c]!.text !== '') top = [k, c];
      else if (top) {
        merge[top[0]]![top[1]] = 'restart';
        merge[k]![c] = 'continue';
      }
    });
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, k) =>
        new TableRow({
          tableHeader: !!r.header,
          children: isGroupRow(r)
            ? [new TableCell({ columnSpan: columns, children: paragraphs(r.cells[0]!.text, notes) })]
            : r.cells.map((c: Cell, i) => {
                const m = merge[k]![i];
                return new TableCell({
                  children: m === 'continue' ? [new Paragraph('')] : paragraphs(c.text, notes),
                  verticalMerge: m === 'restart' ? VerticalMergeType.RESTART : m === 'continue' ? VerticalMergeType.CONTINUE : undefined,
                });
              }),
        }),
    ),
  });
}

/** The .docx of a text-form plan. */
export async function planDocx(doc: PlanDocument, options: PlanDocxOptions = {}): Promise<Buffer> {
  const marks = Object.keys(options.footnotes ?? {});
  const notes = new Map(marks.map((m, k) => [m, { id: k + 1, used: false }]));
  const children: Array<Paragraph | Table> = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      const level = b.headingLevel;
      children.push(level ? new Paragraph({ heading: HEADINGS[Math.min(level, 4) - 1], children: runs(b.text, notes) }) : new Paragraph({ children: runs(b.text, notes) }));
      continue;
    }
    const t: TableBlock = b;
    const columns = Math.max(...t.rows.map((r) => r.cells.length));
    const head = t.rows.filter((r) => r.header);
    const grouping = new Set(
      (head[0]?.cells ?? [])
        .slice(0, 3)
        .filter((c) => GROUPING.test(c.text.replace(/\s+/g, '')))
        .map((c) => c.column),
    );
    if (t.caption !== undefined) children.push(new Paragraph({ children: runs(t.caption, notes) }));
    if (options.split === t.index && t.rows.length - head.length >= 4) {
      const cut = head.length + Math.floor((t.rows.length - head.length) / 2);
      children.push(table(t.rows.slice(0, cut), columns, grouping, notes));
      children.push(new Paragraph('续表'));
      children.push(table([...head, ...t.rows.slice(cut)], columns, grouping, notes));
    } else children.push(table(t.rows, columns, grouping, notes));
    // a table is followed by an empty paragraph, as Word keeps two tables apart
    children.push(new Paragraph(''));
  }
  const built = await Packer.toBuffer(
    new Document({
      footnotes: Object.fromEntries(marks.map((m, k) => [k + 1, { children: [new Paragraph(options.footnotes![m]!)] }])),
      sections: [{ children }],
    }),
  );
  if (marks.length === 0) return built;
  // the references print the plan's own marks (customMarkFollows), as a plan office writes "【1】"
  const parts = unzipOffice(built);
  let xml = parts.get('word/document.xml')!.toString('utf8');
  marks.forEach((m, k) => {
    xml = xml.replace(new RegExp(`<w:footnoteReference w:id="${k + 1}"/>`), `<w:footnoteReference w:customMarkFollows="1" w:id="${k + 1}"/><w:t>${m}</w:t>`);
  });
  parts.set('word/document.xml', Buffer.from(xml, 'utf8'));
  return zip([...parts].map(([name, data]) => ({ name, data })));
}
