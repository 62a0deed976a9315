// The web workspace in a real browser (Debian's chromium through playwright-core): what a plan-office
// clerk sees. Screenshots of every page go to test/e2e/screenshots/ (look at them).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

describe('web workspace in Chromium', () => {
  let ws: Workspace;
  const open = (path: string, size?: { width: number; height: number }) => ws.open(path, size);

  beforeAll(async () => {
    ws = await startWorkspace();
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('the overview for Wushan 2021 shows 29 of 35 national indicators met and 92 points', async () => {
    const page = await open('#/overview?plan=wushan-demo-county&year=2021');
    await expect.poll(() => page.getByTestId('count-met-national-demo-county').textContent(), { timeout: 20_000 }).toContain('29');
    expect(await page.getByTestId('count-notMet-national-demo-county').textContent()).toContain('6');
    expect(await page.getByTestId('score-chongqing-demo-county').textContent()).toContain('92');
    await expect.poll(() => page.getByText('2021年巫山县国家生态文明建设示范县建设指标35项指标中，已达标29项，未达标6项。').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500); // let the charts finish their animation for the screenshot
    await page.screenshot({ path: join(SHOTS, 'overview-1366.png'), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SHOTS, 'overview-1920.png'), fullPage: true });
    await page.close();
  });

  it('the scorecard lists every indicator with its status, and the detail shows where a figure comes from', async () => {
    const page = await open('#/scorecard?plan=wushan-demo-county&year=2021');
    await expect.poll(() => page.getByText('村镇饮用水卫生合格率').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'scorecard.png'), fullPage: true });
    await page.getByText('村镇饮用水卫生合格率').first().click();
    await expect.poll(() => page.getByText('49.3【4】').count()).toBeGreaterThan(0);
    await page.getByRole('dialog').first().waitFor({ state: 'visible' });
    await page.waitForTimeout(600); // the drawer slides in
    await page.screenshot({ path: join(SHOTS, 'indicator-detail.png') });
    await page.close();
  });

  it('the plans page lists the three built-in plans', async () => {
    const page = await open('#/plans');
    await expect.poll(() => page.getByText('黔江区阿蓬江流域“绿水青山就是金山银山”实践创新基地建设规划（2023-2028年）').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'plans.png'), fullPage: true });
    await page.close();
  });

  it('switches to English and remembers it', async () => {
    const page = await open('#/overview?plan=qianjiang-apeng-two-mountains&year=2022');
    await expect.poll(() => page.getByTestId('count-met-two-mountains-base').textContent(), { timeout: 20_000 }).toBeTruthy();
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang || localStorage.length)).toBeTruthy();
    await page.reload();
    await expect.poll(() => page.getByTestId('count-met-two-mountains-base').textContent(), { timeout: 20_000 }).toBeTruthy();
    await page.screenshot({ path: join(SHOTS, 'overview-en.png'), fullPage: true });
    await page.close();
  });
});

describe('scorecard export in Chromium', () => {
  it('the Excel button downloads the server’s workbook', async () => {
    const ws = await startWorkspace();
    try {
      const page = await ws.open('#/scorecard?plan=wushan-demo-county&year=2021');
      const button = page.getByTestId('export-xlsx-national-demo-county');
      await button.waitFor({ state: 'visible', timeout: 20_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe('巫山县-2021-指标达标情况.xlsx');
      await page.close();
    } finally {
      await ws.close();
    }
  });
});
