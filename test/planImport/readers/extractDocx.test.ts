// The same plan as a Word document gives the same data: each seed is extracted from its text form and from a
// real .docx built from it (merged cells, spanning group rows, a table split into 续表), and the public JSON
// agrees field by field — apart from the line a source cites, which is the line of each format's own text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/data/load.ts';
import type { TableBlock } from '../../../src/domain/planImport/document.ts';
import { extractPlan } from '../../../src/domain/planImport/extract.ts';
import { toImportJson } from '../../../src/domain/planImport/json.ts';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';
import { readPlanDocument } from '../../../src/exchange/planDocument/read.ts';
import { planDocx } from '../../helpers/planDocx.ts';

const catalog = loadCatalog();
const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');

/** the JSON without the lines sources cite (a table cell's place is kept: it is the same in both) */
function withoutLines(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutLines);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'line' && k !== 'message').map(([k, v]) => [k, withoutLines(v)]));
  return x;
}

describe.each([['000_9ad0d339f6e47581.txt'], ['001_b49ddb4fbe827741.txt'], ['003_98fa8349cd878849.txt']])('%s extracted from its .docx', (file) => {
  it('gives the same plan, frameworks, indicators, projects and tasks as its text form', async () => {
    const ctx = { documentId: file.slice(0, 3), builtinFrameworks: catalog.frameworks };
    const text = parseTextForm(file, readFileSync(join(SEEDS, file), 'utf8'));
    const biggest = text.blocks.filter((b): b is TableBlock => b.kind === 'table').sort((a, b) => b.rows.length - a.rows.length)[0];
    const docx = await readPlanDocument(file.replace('.txt', '.docx'), await planDocx(text, { split: biggest?.index }));
    const fromText = toImportJson(extractPlan(text, ctx));
    const fromDocx = toImportJson(extractPlan(docx, ctx));
    expect(fromDocx.plan).toEqual(fromText.plan);
    expect(withoutLines(fromDocx.frameworks)).toEqual(withoutLines(fromText.frameworks));
    expect(withoutLines(fromDocx.projects)).toEqual(withoutLines(fromText.projects));
    expect(withoutLines(fromDocx.statedProjectTotals)).toEqual(withoutLines(fromText.statedProjectTotals));
    expect(withoutLines(fromDocx.tasks)).toEqual(withoutLines(fromText.tasks));
    expect(fromDocx.findings.map((f) => f.kind).sort()).toEqual(fromText.findings.map((f) => f.kind).sort());
    if (file.startsWith('001')) {
      // what was compared is the whole plan: both frameworks' indicators (with their sub-items), 80 projects, 134 clauses
      expect(fromDocx.frameworks.map((f) => f.id)).toEqual(['national-demo-county', 'chongqing-demo-county']);
      expect(fromDocx.frameworks.every((f) => f.indicators.length >= 38)).toBe(true);
      expect(fromDocx.projects).toHaveLength(80);
      expect(fromDocx.tasks).toHaveLength(134);
      // a project's source is the same table row in both, each at its own format's line
      expect(fromDocx.projects[0]!.source).toMatchObject({ table: 3, row: 3 });
      expect(fromText.projects[0]!.source).toMatchObject({ table: 3, row: 3, line: 1745 });
    }
  });
});
