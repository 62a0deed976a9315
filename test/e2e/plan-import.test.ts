// 规划导入 in a real browser (Debian's chromium through playwright-core), as the plan office of 巫山县 uses it:
// upload the plan's text form (seed 001) with progress; the report (counts, what needs attention with its place);
// an indicator row chosen marks its source line in the document beside it; a project's investment corrected in
// place; accept lands the plan; a revised document shows its differences. The extraction's parts are written by
// others at the same time: for files named 'fixture-*' the extraction gives the built-in plan's own files (whose
// sources cite seed 001's lines), so the page is seen with a realistic result. Screenshots go to
// test/e2e/screenshots/plan-import-*.png (look at them).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { SESSION_COOKIE } from '../../src/server/auth.ts';
import { createUser, signIn } from '../../src/store/users.ts';
import { TEST_PASSWORD } from '../helpers/api.ts';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';
import { extractedFrom } from '../planImport/landing/fixture.ts';

vi.mock('../../src/domain/planImport/extract.ts', async (importActual) => {
  const actual = await importActual<typeof import('../../src/domain/planImport/extract.ts')>();
  return {
    ...actual,
    extractPlan: (doc: { name: string }, ctx: { documentId: string }) => {
      if (!doc.name.startsWith('fixture')) return actual.extractPlan(doc as never, ctx as never);
      if (doc.name.startsWith('fixture-new-county')) return extractedFrom('wushan-action-2027', { id: 'new-county-plan', title: '某新县生态文明建设行动方案', region: '某新县', documentId: ctx.documentId });
      const x = extractedFrom('wushan-demo-county', { id: 'wushan-imported', title: '巫山县国家生态文明建设示范县规划（导入）', documentId: ctx.documentId });
      x.findings = [
        { kind: 'unknownPhrase', message: '表1 第3项“森林覆盖率”的目标值“稳中有升”读不出，请核对后填写。', source: { line: 266, table: 1, row: 4, column: 6 } },
        { kind: 'subtotalMismatch', message: '“生态环境质量改善”类项目文件所列投资与各项目之和相差 120 万元。', source: { line: 2702 } },
      ];
      if (doc.name.includes('修订')) {
        x.projects!.projects.pop();
        const e = x.frameworks[0]!.data.entries.find((en) => (en.targets ?? []).length > 0)!;
        e.targets![0] = { ...e.targets![0]!, printed: '≥99' };
      }
      return x;
    },
  };
});

const SEED = resolve(import.meta.dirname, '../../../shared/seeds/001_b49ddb4fbe827741.txt');
const dir = mkdtempSync(join(tmpdir(), 'ecociv-plan-import-e2e-'));

describe('规划导入 in Chromium', () => {
  let ws: Workspace;
  const as = async (username: string, path: string): Promise<Page> => {
    const page = await ws.signedOut('#/plans', { width: 1440, height: 1000 });
    const s = await signIn(ws.store.db, username, TEST_PASSWORD, { ip: '127.0.0.1', userAgent: 'test' });
    if (!s.ok) throw new Error(`sign-in of ${username} failed`);
    await page.context().addCookies([{ name: SESSION_COOKIE, value: s.token, url: ws.base, httpOnly: true, sameSite: 'Strict' }]);
    await page.goto(`${ws.base}/${path}`);
    await page.reload();
    return page;
  };

  beforeAll(async () => {
    ws = await startWorkspace();
    await createUser(ws.store.db, { username: 'ws-office', displayName: '巫山县规划办', password: TEST_PASSWORD, roles: [{ role: 'planOffice', region: '巫山县' }] }, SYSTEM_ACTOR);
    await createUser(ws.store.db, { username: 'ws-leader', displayName: '巫山县领导', password: TEST_PASSWORD, roles: [{ role: 'leader', region: '巫山县' }] }, SYSTEM_ACTOR);
    const text = readFileSync(SEED);
    writeFileSync(join(dir, 'fixture-巫山县生态文明建设规划.txt'), text);
    writeFileSync(join(dir, 'fixture-new-county.txt'), '某新县生态文明建设行动方案\n');
    writeFileSync(join(dir, 'fixture-巫山县生态文明建设规划（修订）.txt'), Buffer.concat([text, Buffer.from('\n修订说明\n')]));
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the plan office uploads, reviews beside the source, corrects, accepts; a revision shows its differences', async () => {
    const page = await as('ws-office', '#/planImport');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByTestId('plan-import-page').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('menu-planImport').textContent()).toBe('规划导入');
    await page.getByTestId('plan-import-file-input').setInputFiles(join(dir, 'fixture-巫山县生态文明建设规划.txt'));
    const review = page.getByTestId('plan-import-review');
    await review.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('plan-import-title').textContent()).toContain('巫山县国家生态文明建设示范县规划（导入）');
    const counts = await page.getByTestId('plan-import-counts').textContent();
    expect(counts).toContain('80');
    expect(counts).toContain('51.33 亿元');
    expect(counts).toContain('134');
    const findings = await page.getByTestId('plan-import-findings').textContent();
    expect(findings).toContain('未识别的表述');
    expect(findings).toContain('表1 第4行');
    expect(findings).toContain('第2702行');

    // an indicator chosen: its source line marked in the document's text
    const firstRow = page.getByTestId('plan-import-indicators').locator('tbody tr.ant-table-row').first();
    await firstRow.locator('td').first().click();
    const marked = page.getByTestId('plan-import-source-marked');
    await marked.waitFor({ timeout: 10_000 });
    const line = Number((await page.getByTestId('plan-import-source').locator('.ant-card-head-title').textContent())?.match(/第(\d+)行/)?.[1]);
    expect(line).toBeGreaterThan(0);
    expect((await marked.textContent())?.startsWith(String(line))).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'plan-import-review.png'), fullPage: true });

    // a project's investment corrected in place, kept with the import
    await page.getByRole('tab', { name: /项目（80）/ }).click();
    await page.getByTestId('plan-import-edit-investment-0').click();
    await page.getByTestId('plan-import-edit-investment-0-input').fill('2,000');
    await page.getByTestId('plan-import-edit-investment-0-input').press('Enter');
    await expect.poll(() => page.getByTestId('plan-import-projects').locator('tbody tr.ant-table-row').first().textContent()).toContain('2,000');
    await page.getByTestId('plan-import-projects').locator('tbody tr.ant-table-row').first().locator('td').first().click();
    await page.getByTestId('plan-import-source-marked').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'plan-import-projects.png'), fullPage: true });

    // accepted: the plan lands, once
    await page.getByTestId('plan-import-accept').click();
    await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).first().click();
    await expect.poll(() => review.textContent(), { timeout: 20_000 }).toContain('接收入库');
    const landed = await ws.store.db.query<{ n: string }>("SELECT count(*) AS n FROM projects WHERE plan_id = 'wushan-imported'");
    expect(Number(landed.rows[0]!.n)).toBe(80);
    expect(await page.getByTestId('plan-import-accept').count()).toBe(0);

    // the revised document: what it changes against the stored plan
    await page.getByTestId('plan-import-file-input').setInputFiles(join(dir, 'fixture-巫山县生态文明建设规划（修订）.txt'));
    await page.getByTestId('plan-import-revision').waitFor({ timeout: 30_000 });
    const diffs = page.getByTestId('plan-import-differences');
    await expect.poll(() => diffs.textContent()).toContain('删除');
    expect(await diffs.textContent()).toContain('≥99');
    expect(await diffs.textContent()).toContain('投资（万元）'); // the correction made before accepting, against the document's figure
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'plan-import-revision.png'), fullPage: true });
    // no ids, JSON or field paths on the page
    const text = (await page.locator('body').textContent()) ?? '';
    for (const bad of ['national-demo-county', 'wushan-imported', 'investmentWan', '"kind"', 'planField']) expect(text, bad).not.toContain(bad);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('a plan of a county the system lacks: accepting asks for it, and creates it under the region chosen', async () => {
    const page = await ws.open('#/planImport', { width: 1440, height: 1000 });
    await page.getByTestId('plan-import-page').waitFor({ timeout: 20_000 });
    await page.getByTestId('plan-import-file-input').setInputFiles(join(dir, 'fixture-new-county.txt'));
    const review = page.getByTestId('plan-import-review');
    await expect.poll(() => review.textContent(), { timeout: 30_000 }).toContain('系统中还没有“某新县”');
    await page.getByTestId('plan-import-accept').click();
    await page.getByTestId('plan-import-region-create').click();
    expect(await page.getByTestId('plan-import-region-name').inputValue()).toBe('某新县');
    await page.getByTestId('plan-import-region-parent').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^重庆市$/ }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'plan-import-region.png') });
    await page.getByTestId('plan-import-region-ok').click();
    await expect.poll(() => review.textContent(), { timeout: 20_000 }).toContain('接收入库');
    const r = await ws.store.db.query<{ level: string; parent: string }>("SELECT r.level, p.name AS parent FROM plans x JOIN regions r ON r.id = x.region_id JOIN regions p ON p.id = r.parent_id WHERE x.id = 'new-county-plan'");
    expect(r.rows).toEqual([{ level: '区县', parent: '重庆市' }]);
    await page.close();
  }, 120_000);

  it('is not in a leader’s menu', async () => {
    const page = await as('ws-leader', '#/overview');
    await page.getByTestId('menu-overview').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('menu-planImport').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('a real .docx of the plan (no stand-in): read, its counts and what needs checking shown beside the source', async () => {
    const { planDocx } = await import('../helpers/planDocx.ts');
    const { parseTextForm } = await import('../../src/domain/planImport/textForm.ts');
    writeFileSync(join(dir, '巫山县创建规划.docx'), await planDocx(parseTextForm('001.txt', readFileSync(SEED, 'utf8'))));
    const page = await as('ws-office', '#/planImport');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByTestId('plan-import-page').waitFor({ timeout: 20_000 });
    await page.getByTestId('plan-import-file-input').setInputFiles(join(dir, '巫山县创建规划.docx'));
    await page.getByTestId('plan-import-review').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('plan-import-title').textContent(), { timeout: 30_000 }).toContain('巫山县生态文明建设示范县创建规划（2022—2028年）');
    const counts = await page.getByTestId('plan-import-counts').textContent();
    expect(counts).toContain('80');
    expect(counts).toContain('51.33 亿元');
    expect(counts).toContain('134');
    expect(await page.getByTestId('plan-import-findings').textContent()).toContain('考核县仅37项');
    await page.getByTestId('plan-import-indicators').locator('tbody tr.ant-table-row').first().locator('td').first().click();
    await page.getByTestId('plan-import-source-marked').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'plan-import-docx.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
