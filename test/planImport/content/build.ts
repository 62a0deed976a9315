// Small plan documents made by hand, as a reader would hand them over.
import type { Block, PlanDocument, Row, TableBlock } from '../../../src/domain/planImport/document.ts';

/** A table from rows of cell texts; the first row is the header. Lines are numbered from `line`, one per cell. */
export function table(rows: string[][], line = 10, index = 1): TableBlock {
  let at = line;
  const out: Row[] = rows.map((cells, r) => {
    const row: Row = { line: at, cells: cells.map((text, c) => ({ text, line: at + c, column: c + 1 })) };
    if (r === 0) row.header = true;
    at += cells.length + 1;
    return row;
  });
  return { kind: 'table', index, rows: out, line };
}

/** A document of paragraphs (one a line, from line 1) and blocks placed after them. */
export function documentOf(paragraphs: string[], blocks: Block[] = []): PlanDocument {
  const lines = [...paragraphs];
  const all: Block[] = paragraphs.map((text, i) => ({ kind: 'paragraph', text, line: i + 1 }));
  all.push(...blocks);
  return { name: 'test.docx', format: 'docx', lines, blocks: all, footnotes: [] };
}
