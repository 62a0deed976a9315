// The text form of a plan: what a word processor's "save as text" (or a copy out of one) gives. Tables are
// flattened one cell per line: a cell's first line begins with a TAB, its further lines do not; rows are
// separated by blank lines; an empty cell is a lone TAB. Pure: no I/O.
import type { Block, Cell, ParagraphBlock, PlanDocument, Row, TableBlock } from './document.ts';

/** Debris a conversion leaves in the text: bookmark anchors such as "[bookmark: _Toc121775993]". */
const BOOKMARK = /\[bookmark:[^\]]*\]/g;

/** Heading forms of Chinese plans: 第X章 (chapter), 一、 (section), （一） (clause). */
const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇]+';
const HEADING_FORMS: Array<[RegExp, number]> = [
  [new RegExp(`^第${CHINESE_NUMERAL}[章篇]`), 1],
  [new RegExp(`^${CHINESE_NUMERAL}、`), 2],
  [new RegExp(`^[（(]${CHINESE_NUMERAL}[）)]`), 3],
];
/** A heading is a short line that does not end as a sentence does. */
const HEADING_MAX_CHARS = 40;
const SENTENCE_END = /[。；;：:，,]$/;

/** A caption names the table above which it stands: short, and not a sentence. */
const CAPTION_MAX_CHARS = 80;
/** The caption of a table's continuation on a later page. */
const CONTINUED_CAPTION = /^续表/;
/** A second header row: short cells naming a year in brackets (近期（2024年）) under a column such as 目标值, or empty. */
const YEAR_HEADER_CELL = /[（(]\s*\d{4}\s*年?\s*[）)]/;
const SUB_HEADER_MAX_CHARS = 16;

export function clean(line: string): string {
  return line.replace(BOOKMARK, '');
}

export function headingLevel(text: string): number | undefined {
  const s = text.trim();
  if (s.length === 0 || s.length > HEADING_MAX_CHARS || SENTENCE_END.test(s)) return undefined;
  for (const [form, level] of HEADING_FORMS) if (form.test(s)) return level;
  return undefined;
}

const isCellStart = (line: string) => line.startsWith('\t');
const isBlank = (line: string) => line.trim().length === 0 && !isCellStart(line);

function rowText(row: Row): string {
  return row.cells.map((c) => c.text).join('\u0001');
}

function isSubHeader(row: Row): boolean {
  const filled = row.cells.filter((c) => c.text !== '');
  return filled.length > 0 && filled.every((c) => c.text.length <= SUB_HEADER_MAX_CHARS && YEAR_HEADER_CELL.test(c.text));
}

export function parseTextForm(name: string, text: string): PlanDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: Block[] = [];
  let tableCount = 0;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    if (isCellStart(raw)) {
      // a table: rows until a blank line is followed by a line that starts no cell
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
          if (!(i + 1 < lines.length && isCellStart(lines[i + 1]!))) break;
        } else if (cells.length > 0) {
          const cell = cells[cells.length - 1]!;
          const more = clean(line).trim();
          cell.text = cell.text === '' ? more : `${cell.text}\n${more}`;
        } else break;
        i++;
      }
      endRow();
      if (rows.length === 0) continue;
      rows[0]!.header = true;
      for (let r = 1; r < rows.length && isSubHeader(rows[r]!); r++) rows[r]!.header = true;
      const tableLine = rows[0]!.line;
      // the caption: the paragraph just above, when it is short and not a sentence
      const before = blocks[blocks.length - 1];
      let caption: ParagraphBlock | undefined;
      if (before?.kind === 'paragraph' && before.text.length <= CAPTION_MAX_CHARS && !SENTENCE_END.test(before.text) && before.headingLevel === undefined) {
        caption = before;
      }
      const previous = caption ? blocks[blocks.length - 2] : before;
      const continues =
        previous?.kind === 'table' &&
        ((caption && CONTINUED_CAPTION.test(caption.text)) || (!caption && rowText(previous.rows[0]!) === rowText(rows[0]!)));
      if (caption) blocks.pop();
      if (continues && previous?.kind === 'table') {
        const headerCount = rows.filter((r) => r.header).length;
        const repeatsHeader = rowText(previous.rows[0]!) === rowText(rows[0]!);
        previous.rows.push(...(repeatsHeader ? rows.slice(headerCount) : rows));
        previous.continuations = [...(previous.continuations ?? []), tableLine];
      } else {
        tableCount++;
        const table: TableBlock = { kind: 'table', index: tableCount, rows, line: tableLine };
        if (caption) {
          table.caption = caption.text;
          table.captionLine = caption.line;
        }
        blocks.push(table);
      }
      continue;
    }
    const cleaned = clean(raw).trim();
    if (cleaned !== '') {
      const block: ParagraphBlock = { kind: 'paragraph', text: cleaned, line: i + 1 };
      const level = headingLevel(cleaned);
      if (level !== undefined) block.headingLevel = level;
      blocks.push(block);
    }
    i++;
  }
  return { name, format: 'text', lines, blocks, footnotes: [] };
}
