// How long reading a plan document takes: the seeds' largest plan (001, 170 KB of text) in its text form and as a
// real .docx built from it (tables with merged cells, headings in styles, test/helpers/planDocx.ts), each read
// into the document model and extracted (indicator tables, projects, tasks, plan facts, prose targets, findings) —
// beside, in the same run, the least any reader must do with the same .docx: unpack it and strip the tags of its
// body to plain text (no tables, no structure, nothing extracted).
//
//   npm run bench:plan-import
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../src/data/load.ts';
import { extractPlan } from '../src/domain/planImport/extract.ts';
import { parseTextForm } from '../src/domain/planImport/textForm.ts';
import { unpackOffice } from '../src/exchange/archive.ts';
import { readPlanDocument } from '../src/exchange/planDocument/read.ts';
import { planDocx } from '../test/helpers/planDocx.ts';
import { fmt, reportFigures } from './figures.ts';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const FILE = '001_b49ddb4fbe827741.txt';
const AIM_MS = 3000;

const text = readFileSync(join(SEEDS, FILE));
const docx = await planDocx(parseTextForm(FILE, text.toString('utf8')));
const ctx = { documentId: '001', builtinFrameworks: loadCatalog().frameworks };

/** The median of five timed runs after one warm-up, in ms of wall clock (the whole extraction is synchronous work). */
async function time(f: () => Promise<unknown>): Promise<number> {
  await f();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await f();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

let counts = '';
const fromText = await time(async () => {
  const x = extractPlan(await readPlanDocument(FILE, text), ctx);
  counts = `${x.frameworks.map((f) => f.framework.indicators.length).join(' + ')} indicators, ${x.projects?.projects.length ?? 0} projects, ${x.findings.length} findings`;
});
const fromDocx = await time(async () => extractPlan(await readPlanDocument('001.docx', docx), ctx));
const baseline = await time(async () => {
  const body = unpackOffice(docx, 'docx', (n) => n === 'word/document.xml')[0]!.data.toString('utf8');
  return body.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '').length;
});
const rss = process.memoryUsage().rss;

reportFigures('plan-import', 'Reading a plan document (001, 170 KB)', [
  {
    what: 'a 170 KB plan (.docx) read and extracted: indicator tables, projects, tasks, plan facts, findings',
    aim: `≤ ${fmt.ms(AIM_MS)}`,
    baseline: fmt.ms(baseline),
    value: fmt.ms(fromDocx),
    met: fromDocx <= AIM_MS,
    note: `baseline: the same .docx (${(docx.length / 1024).toFixed(0)} KB) unpacked and its tags stripped to plain text, nothing extracted; median of 5; ${counts}`,
  },
  {
    what: 'the same plan in its text form, read and extracted',
    aim: `≤ ${fmt.ms(AIM_MS)}`,
    baseline: '—',
    value: fmt.ms(fromText),
    met: fromText <= AIM_MS,
  },
  { what: 'process memory after the runs (resident)', aim: '—', baseline: '—', value: `${Math.round(rss / 2 ** 20)} MB`, met: null },
]);
