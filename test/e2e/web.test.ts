// The web workspace in a real browser (Debian's chromium through playwright-core): what a plan-office
// clerk sees. Screenshots of every page go to test/e2e/screenshots/ (look at them).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer, DEFAULT_WEB_DIR } from '../../src/server/app.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(import.meta.dirname, 'screenshots');

describe('web workspace in Chromium', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(DEFAULT_WEB_DIR, 'index.html')))
      throw new Error(`The web workspace is not built (${DEFAULT_WEB_DIR}); npm test builds it with scripts/ensure-web.mjs.`);
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium fonts-noto-cjk); .ci/run does this.`);
    mkdirSync(SHOTS, { recursive: true });
    store = await openTestStore('pglite');
    app = buildServer(store.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  async function open(path: string, size = { width: 1366, height: 768 }): Promise<Page> {
    const page = await browser.newPage({ viewport: size, locale: 'zh-CN' });
    await page.goto(`${base}/${path}`);
    return page;
  }

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
