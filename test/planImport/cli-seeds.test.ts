// `ecociv import plan` on real documents, as a plan office runs it (the built command line, no stand-ins): 001 in
// its text form and as a .docx with merged cells gives the same public JSON apart from where sources stand;
// the dry run's summary speaks in the plan's own terms (亿元, its groups, what needs checking).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJson } from '../../src/domain/planImport/json.ts';
import { parseTextForm } from '../../src/domain/planImport/textForm.ts';
import { SEEDS_DIR } from '../data/seed-text.ts';
import { cliIn } from '../helpers/cli.ts';
import { planDocx } from '../helpers/planDocx.ts';

const SEED = '001_b49ddb4fbe827741.txt';

describe('ecociv import plan on the seed 001', () => {
  let dir: string;
  let cli: ReturnType<typeof cliIn>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecociv-plan-import-'));
    cli = cliIn(dir);
    writeFileSync(join(dir, '巫山县创建规划.docx'), await planDocx(parseTextForm(SEED, readFileSync(join(SEEDS_DIR, SEED), 'utf8'))));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same plan from the text form and the .docx', async () => {
    const text = await cli('import', 'plan', join(SEEDS_DIR, SEED), '--dry-run', '--format', 'json');
    expect(text.code, text.stderr).toBe(0);
    const docx = await cli('import', 'plan', join(dir, '巫山县创建规划.docx'), '--dry-run', '--format', 'json');
    expect(docx.code, docx.stderr).toBe(0);
    const a = JSON.parse(text.stdout) as ImportJson;
    const b = JSON.parse(docx.stdout) as ImportJson;
    expect(a.projects).toHaveLength(80);
    expect(a.projects.reduce((s, p) => s + (p.investmentWan ?? 0), 0)).toBe(513306);
    expect(a.tasks).toHaveLength(134);
    expect(a.frameworks.map((f) => f.matched)).toEqual(['national-demo-county', 'chongqing-demo-county']);
    const unplaced = (j: ImportJson) => JSON.parse(JSON.stringify(j, (k, v: unknown) => (k === 'source' ? undefined : v))) as unknown;
    expect(unplaced(b)).toEqual(unplaced(a));
  }, 120_000);

  it('says in the dry run what it found, in 亿元 and the plan’s groups', async () => {
    const r = await cli('import', 'plan', join(dir, '巫山县创建规划.docx'), '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('《巫山县生态文明建设示范县创建规划（2022—2028年）》');
    expect(r.stdout).toContain('重点工程项目：80 个，投资合计 51.33 亿元');
    expect(r.stdout).toContain('生态安全保障工程：31 个，20.55 亿元（文件所列 31 个，20.55 亿元）');
    expect(r.stdout).toContain('重点任务：134 条');
  }, 120_000);
});
