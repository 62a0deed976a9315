// The three seed plans read in the text form and as real .docx files built from them (merged cells, group
// rows spanning their table, repeated header rows, a table split into 续表, a footnote): both readings must
// agree on what the extraction uses — the tables row by row (a merged cell taken as empty), the headings,
// the paragraphs — and the text form must show the tables as a reader of the plan sees them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDocument, Row, TableBlock } from '../../../src/domain/planImport/document.ts';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';
import { readPlanDocument } from '../../../src/exchange/planDocument/read.ts';
import { planDocx } from '../../helpers/planDocx.ts';

const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');
const seed = (prefix: string) => {
  const file = ['000_9ad0d339f6e47581.txt', '001_b49ddb4fbe827741.txt', '003_98fa8349cd878849.txt'].find((f) => f.startsWith(prefix))!;
  return { name: file, text: readFileSync(join(SEEDS, file), 'utf8') };
};

const tables = (d: PlanDocument) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
/** a row's cell texts as the plan reads them: trailing empty cells dropped (a span or a short row) */
const texts = (r: Row) => {
  const xs = r.cells.map((c) => c.text);
  while (xs.length > 0 && xs[xs.length - 1] === '') xs.pop();
  return xs;
};
const headings = (d: PlanDocument) => d.blocks.flatMap((b) => (b.kind === 'paragraph' && b.headingLevel ? [`${b.headingLevel} ${b.text}`] : []));
const paragraphs = (d: PlanDocument) => d.blocks.flatMap((b) => (b.kind === 'paragraph' && !b.headingLevel ? [b.text] : []));

describe.each(['000', '001', '003'])('seed %s, text form and .docx', (prefix) => {
  const { name, text } = seed(prefix);
  const fromText = parseTextForm(name, text);
  let fromDocx: PlanDocument;

  it('the .docx reads back as the text form: tables row by row, headings, paragraphs', async () => {
    const biggest = [...tables(fromText)].sort((a, b) => b.rows.length - a.rows.length)[0];
    fromDocx = await readPlanDocument(name.replace('.txt', '.docx'), await planDocx(fromText, { split: biggest?.index }));
    expect(fromDocx.format).toBe('docx');
    expect(tables(fromDocx).map((t) => t.caption)).toEqual(tables(fromText).map((t) => t.caption));
    tables(fromText).forEach((t, k) => {
      const d = tables(fromDocx)[k]!;
      expect(d.rows.map(texts)).toEqual(t.rows.map(texts));
      expect(d.rows.map((r) => !!r.header)).toEqual(t.rows.map((r) => !!r.header));
    });
    expect(headings(fromDocx)).toEqual(headings(fromText));
    expect(paragraphs(fromDocx)).toEqual(paragraphs(fromText));
    if (biggest && biggest.rows.length >= 6) expect(tables(fromDocx)[biggest.index - 1]!.continuations).toHaveLength(1);
    // every block of the .docx points at its own line of the linearised text
    for (const b of fromDocx.blocks) {
      if (b.kind === 'paragraph') expect(fromDocx.lines[b.line - 1]).toBe(b.text);
      else for (const r of b.rows) for (const c of r.cells) expect(fromDocx.lines[c.line - 1]).toBe(`\t${c.text.split('\n')[0]}`);
    }
  });

  it('reads fast: the text form in well under a second', () => {
    const started = performance.now();
    parseTextForm(name, text);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("001 as a .docx: merged cells, group rows and a footnote as Word has them", () => {
  const { name, text } = seed('001');
  const fromText = parseTextForm(name, text);

  it('an empty cell under a filled one in the grouping columns comes back merged; group rows span the table', async () => {
    const d = await readPlanDocument('001.docx', await planDocx(fromText));
    const [t1] = tables(d);
    // 领域 "生态制度" stands once for the rows below it
    const firstData = t1!.rows.findIndex((r) => !r.header);
    expect(t1!.rows[firstData]!.cells[0]).toMatchObject({ text: '生态\n制度' });
    expect(t1!.rows[firstData]!.cells[0]!.merged).toBeUndefined();
    expect(t1!.rows[firstData + 1]!.cells[0]).toMatchObject({ text: '', merged: true, column: 1 });
    const merged = t1!.rows.flatMap((r) => r.cells.filter((c) => c.merged));
    expect(merged.length).toBeGreaterThan(30);
    expect(merged.every((c) => c.column <= 2 && c.text === '')).toBe(true);
    const project = tables(d).find((x) => x.rows[0]!.cells.some((c) => c.text === '项目名称'))!;
    const groups = project.rows.filter((r) => r.cells.length === 1 && /^[一二三四五]、/.test(r.cells[0]!.text));
    expect(groups).toHaveLength(5);
    expect(groups.every((r) => r.cells[0]!.span === 10)).toBe(true);
    // 项目类别 is merged down within a group, never across a group row
    const byGroup = project.rows.findIndex((r) => r.cells[0]!.text.startsWith('二、'));
    expect(project.rows[byGroup + 1]!.cells[1]!.merged).toBeUndefined();
  });

  it('a footnote printed as 【1】 comes back as a Footnote with that mark and its text', async () => {
    const d = await readPlanDocument('001.docx', await planDocx(fromText, { footnotes: { '【1】': '2022年上半年发布实施。' } }));
    expect(d.footnotes).toEqual([{ mark: '【1】', text: '2022年上半年发布实施。', line: d.lines.length }]);
    expect(d.lines[d.lines.length - 1]).toBe('【1】 2022年上半年发布实施。');
    // the reference still reads as the plan prints it, so the text agrees with the text form
    const first = fromText.lines.findIndex((l) => l.includes('【1】'));
    expect(first).toBeGreaterThan(0);
    expect(tables(d)[0]!.rows.map(texts)).toEqual(tables(fromText)[0]!.rows.map(texts));
  });
});
