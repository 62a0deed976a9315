// The text form of a plan: what a word processor's "save as text" (or a copy out of one) gives. Tables are
// flattened one cell per line: a cell's first line begins with a TAB, its further lines do not; rows are
// separated by blank lines; an empty cell is a lone TAB. Captions, headings, header rows and continued
// tables are recognised by the same words as in a .docx or a PDF (layout.ts). Pure: no I/O.
import type { Block, Cell, ParagraphBlock, PlanDocument, Row, TableBlock } from './document.ts';
import { continuesTable, headingLevelOfText, isCaption, isChapterOrSection, isContinuationCaption, markHeaderRows, repeatedHeaderRows } from './layout.ts';

/** Debris a conversion leaves in the text: bookmark anchors such as "[bookmark: _Toc121775993]". */
const BOOKMARK = /\[bookmark:[^\]]*\]/g;

export function clean(line: string): string {
  return line.includes('[bookmark:') ? line.replace(BOOKMARK, '') : line;
}

/** The heading level of a line of text (第X章 1, 一、 or 第X节 2, （一） 3), as every reader sees it. */
export const headingLevel = headingLevelOfText;

const isCellStart = (line: string) => line.startsWith('\t');
const isBlank = (line: string) => line.trim().length === 0 && !isCellStart(line);

/** The rows of the table starting at line index `i`, and the index after it. */
function readRows(lines: string[], i: number): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  let cells: Cell[] = [];
  const endRow = () => {
    if (cells.length > 0) rows.push({ cells, line: cells[0]!.line });
    cells = [];
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (isCellStart(line)) {
      cells.push({ text: clean(line.slice(1)).trim(), line: i + 1, column: cells.length + 1 });
    } else if (isBlank(line)) {
      endRow();
      // a blank line ends the table unless the next line starts a cell
      if (!(i + 1 < lines.length && isCellStart(lines[i + 1]!))) break;
    } else if (cells.length > 0 && !isChapterOrSection(clean(line))) {
      // a further line of the last cell (a chapter or section title after a table is the text going on)
      const cell = cells[cells.length - 1]!;
      const more = clean(line).trim();
      if (more !== '') {
        // a cell whose first line is empty begins where its text does
        if (cell.text === '') cell.line = i + 1;
        cell.text = cell.text === '' ? more : `${cell.text}\n${more}`;
      }
    } else break;
    i++;
  }
  endRow();
  return { rows, next: i };
}

export function parseTextForm(name: string, text: string): PlanDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const blocks: Block[] = [];
  let tableCount = 0;
  let lastTable: TableBlock | undefined;
  /** paragraphs since the last table: a table repeating the header of the one before continues it only right after it */
  let textSinceTable = 0;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    if (!isCellStart(raw)) {
      const cleaned = clean(raw).trim();
      if (cleaned !== '') {
        const block: ParagraphBlock = { kind: 'paragraph', text: cleaned, line: i + 1 };
        const level = headingLevelOfText(cleaned);
        if (level !== undefined) block.headingLevel = level;
        blocks.push(block);
        textSinceTable++;
      }
      i++;
      continue;
    }
    const { rows, next } = readRows(lines, i);
    i = next;
    if (rows.length === 0) continue;
    const tableLine = rows[0]!.line;
    // the caption: the paragraph just above (blank lines between allowed), when it reads as one
    const before = blocks[blocks.length - 1];
    const caption = before?.kind === 'paragraph' && before.headingLevel === undefined && isCaption(before.text) ? before : undefined;
    if (caption) {
      blocks.pop();
      textSinceTable--;
    }
    // a 续表 continues the last table whatever stands between; a table repeating its header only right after it
    const continued = lastTable && (caption ? isContinuationCaption(caption.text) : textSinceTable === 0 && continuesTable(lastTable, undefined, rows));
    if (continued && lastTable) {
      let flagged = 0;
      markHeaderRows(rows);
      while (flagged < rows.length && rows[flagged]!.header) flagged++;
      const repeated = repeatedHeaderRows(lastTable, rows);
      // the continuation's own header rows are the ones it repeats (or, after a 续表, the ones it has)
      const skip = repeated > 0 ? Math.max(repeated, flagged) : 0;
      for (const r of rows) delete r.header;
      for (const x of rows.slice(skip)) lastTable.rows.push(x);
      (lastTable.continuations ??= []).push(caption?.line ?? tableLine);
    } else {
      const table: TableBlock = { kind: 'table', index: ++tableCount, rows, line: tableLine };
      if (caption) {
        table.caption = caption.text;
        table.captionLine = caption.line;
      }
      markHeaderRows(rows);
      blocks.push(table);
      lastTable = table;
    }
    textSinceTable = 0;
  }
  return { name, format: 'text', lines, blocks, footnotes: [] };
}
