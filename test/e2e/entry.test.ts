// 数据填报 in a real browser (Debian's chromium through playwright-core): a county department fills in this
// year's values, sees the server's checks as it types, submits, and keeps a draft. Screenshots go to
// test/e2e/screenshots/ (look at them).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

const PLAN = 'wushan-demo-county';
const UNIT = '县住房城乡建委';
const GREEN_BUILDINGS = 'entry-input-national-demo-county-36'; // 城镇新建绿色建筑比例, ≥50 %
const WASTE_SORTING = 'entry-input-national-demo-county-38'; // 城镇生活垃圾分类减量化行动

interface AssessedItem {
  number: string;
  status: string;
  value: string | null;
}

describe('data entry (数据填报) in Chromium', () => {
  let ws: Workspace;
  let base: string;
  const open = (path: string, size?: { width: number; height: number }) => ws.open(path, size);

  beforeAll(async () => {
    ws = await startWorkspace();
    base = ws.base;
  });
  afterAll(async () => {
    await ws?.close();
  });

  /** Item 36 of the national framework as the API assesses it for 2022. */
  async function greenBuildings2022(): Promise<AssessedItem> {
    const res = await ws.api(`/api/plans/${PLAN}/assessment?year=2022`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { frameworks: { id: string; results: AssessedItem[] }[] };
    const item = body.frameworks.find((f) => f.id === 'national-demo-county')?.results.find((r) => r.number === '36');
    if (!item) throw new Error('item 36 missing from the assessment');
    return item;
  }

  it('choosing the unit lists what it leads; 120 % is refused as typed and on submit, and nothing is saved', async () => {
    const page = await open(`#/entry?plan=${PLAN}&year=2022`);
    await expect.poll(() => page.getByText('请先选择填报单位。').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    await page.getByTestId('entry-unit-select').click();
    await page.keyboard.type('住房城乡');
    await page.locator('.ant-select-item-option', { hasText: UNIT }).click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash))).toBe(`#/entry?plan=${PLAN}&year=2022&unit=${UNIT}`);

    const input = page.getByTestId(GREEN_BUILDINGS);
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.getByText('22（2021年）').count()).toBeGreaterThan(0); // last year's value beside it
    await input.fill('120');
    const error = page.getByTestId('entry-error-national-demo-county-36');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('0 到 100');
    expect(await error.textContent()).toContain('本年值');
    await page.screenshot({ path: join(SHOTS, 'entry-error.png'), fullPage: true });

    await page.getByTestId('entry-submit').click();
    await expect.poll(() => page.getByTestId('entry-problems').textContent(), { timeout: 10_000 }).toContain('第 36 项');
    expect(await page.getByTestId('entry-problems').textContent()).toContain('0 到 100');
    expect(await input.inputValue()).toBe('120'); // the input is kept
    const item = await greenBuildings2022();
    expect(item.value).toBeNull();
    expect(item.status).toBe('noData');
    await page.screenshot({ path: join(SHOTS, 'entry-rejected.png'), fullPage: true });
    await page.close();
  });

  it('55 % submits, and the scorecard for 2022 shows it as met', async () => {
    const page = await open(`#/entry?plan=${PLAN}&year=2022&unit=${encodeURIComponent(UNIT)}`);
    const input = page.getByTestId(GREEN_BUILDINGS);
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('55');
    await page.getByTestId('entry-note-national-demo-county-36').fill('竣工验收口径');
    await page.getByTestId('entry-source-national-demo-county-36').fill('县住房城乡建委2022年统计报表');
    await expect.poll(() => page.getByTestId('entry-error-national-demo-county-36').count()).toBe(0);

    await page.getByTestId('entry-submit').click();
    await expect.poll(() => page.getByText('已提交 1 项').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // reloaded: the value is recorded and locked
    await expect.poll(() => page.getByTestId('entry-recorded-national-demo-county-36').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId(GREEN_BUILDINGS).isDisabled()).toBe(true);
    expect(await page.getByTestId(GREEN_BUILDINGS).inputValue()).toBe('55');
    await page.screenshot({ path: join(SHOTS, 'entry-submitted.png'), fullPage: true });

    const item = await greenBuildings2022();
    expect(item.value).toContain('55');
    expect(item.status).toBe('met');

    await page.getByTestId('menu-scorecard').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/scorecard?plan=${PLAN}&year=2022`);
    const row = page.locator('tr', { hasText: '城镇新建绿色建筑比例' }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await row.textContent()).toContain('55');
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('met');
    expect(await row.locator('[data-status]').textContent()).toBe('达标');
    await page.close();
  });

  it('a draft is kept unassessed and comes back after a reload; the unit is remembered', async () => {
    const page = await open(`#/entry?plan=${PLAN}&year=2022&unit=${encodeURIComponent(UNIT)}`);
    const input = page.getByTestId(WASTE_SORTING);
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('全面实施');
    await page.getByTestId('entry-note-national-demo-county-38').fill('城区已全覆盖');
    await page.getByTestId('entry-save-draft').click();
    await expect.poll(() => page.getByText('草稿已保存').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.reload();
    await page.getByTestId(WASTE_SORTING).waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => page.getByTestId(WASTE_SORTING).inputValue()).toBe('全面实施');
    expect(await page.getByTestId('entry-note-national-demo-county-38').inputValue()).toBe('城区已全覆盖');
    expect(await page.getByTestId('entry-saved-at').count()).toBe(1);
    const item = await ws.api(`/api/plans/${PLAN}/assessment?year=2022`).then((r) => r.json() as Promise<{ frameworks: { id: string; results: AssessedItem[] }[] }>);
    expect(item.frameworks.find((f) => f.id === 'national-demo-county')?.results.find((r) => r.number === '38')?.value ?? null).toBeNull();

    // the unit chosen last is taken when the address names none
    await page.goto(`${base}/#/entry?plan=${PLAN}&year=2022`);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash)), { timeout: 20_000 }).toContain(`unit=${UNIT}`);
    await page.getByTestId(WASTE_SORTING).waitFor({ state: 'visible', timeout: 20_000 });
    await page.close();
  });

  it('Tab moves through the inputs in row order and Enter goes to the next row', async () => {
    const page = await open(`#/entry?plan=${PLAN}&year=2022&unit=${encodeURIComponent('县生态环境局')}`);
    await page.locator('input[data-entry-col="value"]:not(:disabled)').first().waitFor({ state: 'visible', timeout: 20_000 });
    const values = page.locator('input[data-entry-col="value"]:not(:disabled)');
    const ids = await values.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(ids.length).toBeGreaterThan(2);
    await page.screenshot({ path: join(SHOTS, 'entry-sheet.png'), fullPage: true });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

    await values.nth(0).focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(ids[1]);
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(ids[2]);
    await page.keyboard.press('Shift+Enter');
    expect(await focused()).toBe(ids[1]);

    await values.nth(0).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(ids[0]!.replace('entry-input-', 'entry-note-'));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(ids[0]!.replace('entry-input-', 'entry-source-'));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(ids[1]);
    await page.close();
  });
});
