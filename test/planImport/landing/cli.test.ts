// `ecociv import plan` as the plan office runs it: the dry run's summary (counts, 万元/亿元, findings with their
// place) and its JSON (toImportJson, exactly); landing a plan and saying what landed; a plan that cannot land
// kept pending with every problem listed; Chinese refusals of files that are not plans, too large, or unreadable.
import { mkdtempSync, rmSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../src/cli/io.ts';
import { amountText, placeText } from '../../../src/cli/planImport.ts';
import { runCli } from '../../../src/cli/run.ts';
import { documentIdOf, readDocument } from '../../../src/app/planImport.ts';
import { toImportJson } from '../../../src/domain/planImport/json.ts';
import { LIMITS } from '../../../src/domain/limits.ts';
import { builtinFrameworks } from '../../../src/store/planImports.ts';
import { openTestStore, type TestStore } from '../../helpers/stores.ts';
import { extractedFrom } from './fixture.ts';

// The extraction's parts are written by others at the same time: for the files named 'fixture-*' the extraction
// gives a built-in plan's files (a realistic result); every other file goes through the real extraction.
vi.mock('../../../src/domain/planImport/extract.ts', async (importActual) => {
  const actual = await importActual<typeof import('../../../src/domain/planImport/extract.ts')>();
  return {
    ...actual,
    extractPlan: (doc: { name: string }, ctx: { documentId: string }) => {
      if (doc.name.startsWith('fixture-new-county')) return extractedFrom('wushan-action-2027', { id: 'plan-cli-county', title: '某新县行动方案', region: '某新县', documentId: ctx.documentId });
      if (doc.name.startsWith('fixture')) return extractedFrom('wushan-demo-county', { id: 'plan-cli', title: '巫山县规划（命令行导入）', documentId: ctx.documentId });
      return actual.extractPlan(doc as never, ctx as never);
    },
  };
});

const SEEDS = resolve(import.meta.dirname, '../../../../shared/seeds');
const SEED = '000_9ad0d339f6e47581.txt';
const dir = mkdtempSync(join(tmpdir(), 'ecociv-plan-import-cli-'));
let store: TestStore;

async function ecociv(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), cwd: dir, password: async () => '' };
  const code = await runCli(argv, io, { db: store.db });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
const count = async (sql: string) => Number((await store.db.query<{ n: string }>(sql)).rows[0]!.n);

beforeAll(async () => {
  store = await openTestStore('pglite');
  copyFileSync(join(SEEDS, SEED), join(dir, SEED));
  writeFileSync(join(dir, 'fixture-plan.txt'), '巫山县生态文明建设规划\n\n第一章 总则\n');
  writeFileSync(join(dir, 'fixture-new-county.txt'), '某新县行动方案\n');
  writeFileSync(join(dir, 'plan.docx'), Buffer.from('PK\u0003\u0004rest-of-a-zip', 'latin1'));
  writeFileSync(join(dir, 'minutes.txt'), '会议纪要\n\n今天讨论了绿化工作。\n');
  writeFileSync(join(dir, 'empty.txt'), '\n\n  \n');
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), LIMITS.planDocumentBytes + 1024 * 1024);
}, 120_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ecociv import plan --dry-run', () => {
  it('prints the JSON contract exactly as toImportJson gives it, progress on stderr', async () => {
    const r = await ecociv('import', 'plan', SEED, '--dry-run', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['plan', 'frameworks', 'projects', 'statedProjectTotals', 'tasks', 'findings']);
    const data = readFileSync(join(SEEDS, SEED));
    const { extractPlan } = await vi.importActual<typeof import('../../../src/domain/planImport/extract.ts')>('../../../src/domain/planImport/extract.ts');
    const expected = toImportJson(extractPlan(await readDocument(SEED, data), { documentId: documentIdOf(data), builtinFrameworks: await builtinFrameworks(store.db) }));
    expect(j).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(r.stderr).toContain(`正在读取 ${SEED}（110 KB）`);
    expect(r.stderr).toMatch(/已读取：498 行，\d+ 张表/);
    expect(await count('SELECT count(*) AS n FROM plan_imports')).toBe(0);
  });

  it('prints a readable summary: counts, investment as plans print it, findings with their place', async () => {
    const r = await ecociv('import', 'plan', 'fixture-plan.txt', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('《巫山县规划（命令行导入）》 所属区县：巫山县');
    expect(r.stdout).toContain('指标：2 套指标体系');
    expect(r.stdout).toMatch(/识别为系统内置指标体系）：\d+ 项/);
    expect(r.stdout).toContain('重点工程项目：80 个，投资合计 51.33 亿元');
    expect(r.stdout).toContain('重点任务：134 条');
    expect(r.stdout).toContain('需要核对的问题：2 处');
    expect(r.stdout).toContain('  · 表1 第6行：第 5 项的目标值“显著改善”读不出。');
    expect(r.stdout).toContain('  · 第40行：第一类项目所列合计 12 个，表中有 11 个。');
    expect(await count("SELECT count(*) AS n FROM plans WHERE id LIKE 'plan-cli%'")).toBe(0);
  });

  it('says amounts and places as the plans do', () => {
    expect(amountText(829000)).toBe('82.9 亿元');
    expect(amountText(513306)).toBe('51.33 亿元');
    expect(amountText(3250)).toBe('3,250 万元');
    expect(placeText({ line: 12, table: 3, row: 7, column: 2 })).toBe('表3 第7行');
    expect(placeText({ line: 397 })).toBe('第397行');
  });
});

describe('ecociv import plan (landing)', () => {
  it('lands the plan and says what landed', async () => {
    const r = await ecociv('import', 'plan', 'fixture-plan.txt');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^已导入《巫山县规划（命令行导入）》（巫山县）：2 套指标体系共 \d+ 项指标，80 个项目（51.33 亿元），134 条重点任务。规划编号：plan-cli$/m);
    expect(r.stdout).toContain('2 处需要核对的问题');
    expect(await count("SELECT count(*) AS n FROM projects WHERE plan_id = 'plan-cli'")).toBe(80);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'planImport.accept' AND plan_id = 'plan-cli'")).toBe(1);
  });

  it('a document that is not yet a plan the store can take is kept pending, with every problem', async () => {
    const before = await count('SELECT count(*) AS n FROM plans');
    const noRegion = await ecociv('import', 'plan', 'minutes.txt');
    expect(noRegion.code).toBe(1);
    expect(noRegion.stderr).toContain('文件中未写明所属区县：请选择一个已有的区县，或新建一个后再接收。');
    const r = await ecociv('import', 'plan', 'minutes.txt', '--region', '巫山县');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/处内容不能入库，未保存任何内容/);
    expect(r.stderr).toContain('  · 规划的目标年');
    expect(r.stderr).toMatch(/已保存为待核对的导入（编号 \d+）/);
    expect(await count('SELECT count(*) AS n FROM plans')).toBe(before);
    expect(await count("SELECT count(*) AS n FROM plan_imports WHERE status = 'pending'")).toBe(2);
  });

  it('a region the store does not have: named with --region, or created with --parent', async () => {
    const asked = await ecociv('import', 'plan', 'fixture-new-county.txt');
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('系统中没有区域“某新县”');
    const created = await ecociv('import', 'plan', 'fixture-new-county.txt', '--region', '某新县', '--parent', '重庆市');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('（某新县）');
    expect(await count("SELECT count(*) AS n FROM regions WHERE name = '某新县' AND level = '区县'")).toBe(1);
    const bad = await ecociv('import', 'plan', 'fixture-new-county.txt', '--parent', '重庆市');
    expect(bad.code).toBe(2);
  });
});

describe('files that are not read', () => {
  it('each refused in Chinese, saying why, with nothing stored', async () => {
    const before = await count('SELECT count(*) AS n FROM plan_imports');
    // a broken Word file: refused by whichever reader reads .docx, in Chinese, naming the file
    const docx = await ecociv('import', 'plan', 'plan.docx', '--dry-run');
    expect(docx).toMatchObject({ code: 1, stdout: '' });
    expect(docx.stderr).toMatch(/plan\.docx.*[\u4e00-\u9fa5]|[\u4e00-\u9fa5].*plan\.docx/s);
    const empty = await ecociv('import', 'plan', 'empty.txt');
    expect(empty.stderr).toContain('文件“empty.txt”是空的');
    const huge = await ecociv('import', 'plan', 'huge.txt');
    expect(huge.code).toBe(1);
    expect(huge.stderr).toBe('文件“huge.txt”有 31 MB，超过规划文件的上限 30 MB，未读取。');
    const missing = await ecociv('import', 'plan', 'nowhere.txt');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.txt');
    expect(await count('SELECT count(*) AS n FROM plan_imports')).toBe(before);
  });
});
