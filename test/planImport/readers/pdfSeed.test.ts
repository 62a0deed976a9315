// A seed's project table printed as a ruled PDF table (narrow columns a few points apart, most cells wrapped
// over several lines, one cell taller than the rest of its row by far, the group rows spanning the table, the
// header repeated on the next page under 续表) and read back: the same rows and cells as the text form, a cell's
// wrapped lines joined.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Row, TableBlock } from '../../../src/domain/planImport/document.ts';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';
import { readPdf } from '../../../src/exchange/planDocument/pdf.ts';
import { buildPdf, type PdfPage, type PdfText } from '../../helpers/planPdf.ts';

const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');
const SIZE = 7;
const LEADING = 9;
const LEFT = 30;
const WIDTH = 535;

/** the rows printed as a ruled table over pages of at most `perPage` rows, the header rows repeated on each */
function printTable(caption: string, head: Row[], body: Row[], perPage: number): PdfPage[] {
  const columns = Math.max(...head.map((r) => r.cells.length));
  const colWidth = WIDTH / columns;
  const chars = Math.floor((colWidth - 4) / SIZE);
  const wrap = (s: string) => s.split('\n').flatMap((l) => (l === '' ? [] : l.match(new RegExp(`.{1,${chars}}`, 'gu'))!));
  const pages: PdfPage[] = [];
  for (let p = 0; p * perPage < body.length; p++) {
    const texts: PdfText[] = [{ x: LEFT, y: 40, text: p === 0 ? caption : '续表', size: SIZE }];
    const rules: Array<[number, number, number, number]> = [];
    let y = 60;
    for (const row of [...head, ...body.slice(p * perPage, (p + 1) * perPage)]) {
      rules.push([LEFT - 2, y, LEFT + WIDTH, y]);
      const group = row.cells.length > 1 && row.cells.slice(1).every((c) => c.text === '') && !row.header;
      const cells = group ? [row.cells[0]!] : row.cells;
      const lines = cells.map((c) => (group ? [c.text] : wrap(c.text)));
      lines.forEach((ls, k) => ls.forEach((l, j) => texts.push({ x: LEFT + k * colWidth + 2, y: y + LEADING * (j + 1), text: l, size: SIZE })));
      const bottom = y + LEADING * Math.max(1, ...lines.map((l) => l.length)) + 4;
      // the column borders (a group row has only the outer ones)
      for (let k = 0; k <= columns; k++) if (!group || k === 0 || k === columns) rules.push([LEFT - 2 + k * colWidth, y, LEFT - 2 + k * colWidth, bottom]);
      y = bottom;
    }
    rules.push([LEFT - 2, y, LEFT + WIDTH, y]);
    pages.push({ texts, rules });
  }
  return pages;
}

const texts = (r: Row) => {
  const xs = r.cells.map((c) => c.text.replace(/\n/g, ''));
  while (xs.length > 0 && xs[xs.length - 1] === '') xs.pop();
  return xs;
};

describe("001's project table as a PDF", () => {
  it('reads back row by row, wrapped cells joined, group rows spanning, the pages joined', async () => {
    const doc = parseTextForm('001.txt', readFileSync(join(SEEDS, '001_b49ddb4fbe827741.txt'), 'utf8'));
    const t = doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.rows[0]!.cells.some((c) => c.text === '项目名称'))!;
    const head = t.rows.filter((r) => r.header);
    const body = t.rows.filter((r) => !r.header).slice(0, 12);
    const pdf = await readPdf('001.pdf', buildPdf(printTable('近期重点工程项目', head, body, 6)));
    const tables = pdf.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.caption).toBe('近期重点工程项目');
    expect(tables[0]!.continuations).toHaveLength(1);
    expect(tables[0]!.rows.map(texts)).toEqual([...head, ...body].map(texts));
  });
});
