// 大屏 (the 1920×1080 wall display) and the parsed requirement on the indicator detail page, in a real browser
// (Debian's chromium through playwright-core). Screenshots go to test/e2e/screenshots/ (look at them).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';
import { cliActor } from '../../src/auth/roles.ts';
import { runAlarmChecks, setAlarmRule } from '../../src/store/alarms.ts';
import { loadDevices } from '../../src/store/registry.ts';
import { storePackets } from '../../src/store/sourceData.ts';
import { MN_GAS, PLAN as QIANJIANG, registerDevices } from '../gateway/helpers.ts';

const PLAN = 'wushan-demo-county';

describe('big screen and parsed requirement in Chromium', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await startWorkspace();
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('the big screen for Wushan 2021 shows 29 / 35 met, 92 points, when it was updated, on a dark page', async () => {
    const page = await ws.open(`#/bigscreen?plan=${PLAN}&year=2021`, { width: 1920, height: 1080 });
    const met = page.getByTestId('bigscreen-met-national-demo-county');
    await expect.poll(() => met.textContent(), { timeout: 20_000 }).toContain('29');
    expect(await met.textContent()).toContain('35');
    expect(await page.getByTestId('bigscreen-score-chongqing-demo-county').textContent()).toContain('92');
    await expect.poll(() => page.getByTestId('bigscreen-updated').textContent()).toMatch(/更新于 \d\d:\d\d:\d\d/);
    // no shell: neither the side menu nor the header
    expect(await page.getByTestId('menu-overview').count()).toBe(0);
    const bg = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('[data-testid="bigscreen"]')!).backgroundColor]);
    for (const c of bg) {
      const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
      expect(r! + g! + b!, c).toBeLessThan(200);
    }
    // the wall display does not scroll
    const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(size).toEqual([1920, 1080]);
    await expect.poll(() => page.getByTestId('bigscreen-investment-chart').locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'bigscreen.png') });
    await page.close();
  });

  it('the overview opens the big screen in the same tab', async () => {
    const page = await ws.open(`#/overview?plan=${PLAN}&year=2021`);
    const button = page.getByTestId('open-bigscreen');
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await button.click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/bigscreen?plan=${PLAN}&year=2021`);
    await expect.poll(() => page.getByTestId('bigscreen-met-national-demo-county').textContent(), { timeout: 20_000 }).toContain('29');
    await page.close();
  });

  it('the detail of 农村生活污水治理率 explains its requirement and shows the structured form', async () => {
    const page = await ws.open(`#/indicator?plan=${PLAN}&year=2021&framework=national-demo-county&number=31`);
    const explained = page.getByTestId('indicator-requirement-explained');
    await expect.poll(() => explained.textContent(), { timeout: 20_000 }).toContain('解读');
    expect(await explained.textContent()).toContain('50');
    await explained.getByText('结构化形式').click();
    await expect.poll(() => explained.locator('pre').textContent()).toContain('"threshold"');
    await page.close();
  });

  it('the big screen receives an alarm while it is open: a check raises it, the feed shows it within seconds', async () => {
    const db = ws.store.db;
    await registerDevices(db);
    await setAlarmRule(db, { planId: QIANJIANG, kind: '*', assignee: 'responsibleUnit', deadlineDays: 2 }, cliActor());
    const page = await ws.open(`#/bigscreen?plan=${QIANJIANG}&year=2022`, { width: 1920, height: 1080 });
    const feed = page.getByTestId('bigscreen-alarms');
    await expect.poll(() => feed.textContent(), { timeout: 20_000 }).toContain('当前没有未关闭的报警');
    const device = (await loadDevices(db)).get(MN_GAS)!;
    const HOUR = 3600_000;
    const now = new Date();
    const at = (hoursAgo: number) => new Date(Math.floor(now.getTime() / HOUR) * HOUR - hoursAgo * HOUR + 8 * HOUR).toISOString().slice(0, 13).replace(/[-T]/g, '') + '0000';
    await storePackets(db, [2, 1].map((h) => ({
      receivedAt: now, remote: 'test', mn: MN_GAS, cn: '2061', deviceId: device.id, regionId: device.regionId, reasons: [], deviations: [], bytes: Buffer.from('x'),
      data: { cn: '2061', dataTime: at(h), pollutants: { a34013: { avg: 18, zsAvg: 18, flag: 'N' } } },
    })));
    const raisedAt = Date.now();
    await runAlarmChecks(db, now);
    const alarm = page.getByTestId('bigscreen-alarm').filter({ hasText: '超标' });
    await alarm.first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(Date.now() - raisedAt).toBeLessThan(10_000);
    const text = await alarm.first().textContent();
    expect(text).toContain('新');
    expect(text).toContain('重庆某水泥有限公司');
    expect(text).toContain('黔江区生态环境局');
    // still a wall display that does not scroll
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'bigscreen-alarms.png') });
    await page.close();
  }, 120_000);

  it('the monitoring page lists the alarm and takes it through 确认, 处置 and 关闭, the last with evidence', async () => {
    const page = await ws.open(`#/monitoring?plan=${QIANJIANG}&year=2026`, { width: 1366, height: 768 });
    const table = page.getByTestId('alarms-table');
    const row = table.locator('tr').filter({ hasText: '超标' }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await row.textContent()).toContain('待确认');
    await row.locator('[data-testid^="alarm-step-"]').click(); // 确认
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('已确认');
    await row.locator('[data-testid^="alarm-step-"]').click(); // 处置
    await page.getByTestId('alarm-step-note').fill('已通知企业检修除尘器');
    await page.getByTestId('alarm-step-save').click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('处置中');
    await row.locator('[data-testid^="alarm-step-"]').click(); // 关闭
    await page.getByTestId('alarm-step-save').click();
    // closing without evidence is refused in words
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 10_000 }).toContain('处置说明或证据');
    await page.getByTestId('alarm-step-note').fill('滤袋已更换，见监测报告2026-118号');
    await page.getByTestId('alarm-step-save').click();
    await expect.poll(async () => (await table.locator('tr').filter({ hasText: '超标' }).count()), { timeout: 10_000 }).toBe(0);
    await page.getByText('全部', { exact: true }).click();
    await expect.poll(() => page.getByTestId('alarms-table').locator('tr').filter({ hasText: '超标' }).first().textContent(), { timeout: 10_000 }).toContain('已关闭');
    await page.getByTestId('monitoring-alarms').screenshot({ path: join(SHOTS, 'monitoring-alarms.png') });
    await page.close();
  }, 120_000);
});
