// The monitoring writes in a real browser (Debian's chromium through playwright-core), over a year of hourly data
// of one air station (test/server/monitoring-wire.test.ts: 329 of 365 days good → 90.1%): the plan office links
// 优良天数比例 to the station with the keyboard, recomputes, and sees the figure and what was computed; the review
// page says the figure is 监测数据计算 with its grounds in words; a leader sees the links read-only. Screenshots
// go to test/e2e/screenshots/ (look at them).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { SESSION_COOKIE } from '../../src/server/auth.ts';
import { createUser, signIn } from '../../src/store/users.ts';
import { TEST_PASSWORD } from '../helpers/api.ts';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';
import { seedYear } from '../helpers/monitoringWire.ts';

const PLAN = 'wushan-demo-county';
const YEAR = 2025;

describe('监测数据: links, recompute and review in Chromium', () => {
  let ws: Workspace;
  const as = async (username: string, path: string): Promise<Page> => {
    const page = await ws.signedOut('#/plans', { width: 1440, height: 900 });
    const s = await signIn(ws.store.db, username, TEST_PASSWORD, { ip: '127.0.0.1', userAgent: 'test' });
    if (!s.ok) throw new Error(`sign-in of ${username} failed`);
    await page.context().addCookies([{ name: SESSION_COOKIE, value: s.token, url: ws.base, httpOnly: true, sameSite: 'Strict' }]);
    await page.goto(`${ws.base}/${path}`);
    await page.reload();
    return page;
  };

  beforeAll(async () => {
    ws = await startWorkspace();
    await seedYear(ws.store.db);
    await createUser(ws.store.db, { username: 'ws-office', displayName: '巫山县规划办', password: TEST_PASSWORD, roles: [{ role: 'planOffice', region: '巫山县' }] }, SYSTEM_ACTOR);
    await createUser(ws.store.db, { username: 'ws-leader', displayName: '巫山县领导', password: TEST_PASSWORD, roles: [{ role: 'leader', region: '巫山县' }] }, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
  });

  it('the plan office links 优良天数比例 to 县政府 with the keyboard and recomputes: 90.1%', async () => {
    const page = await as('ws-office', `#/monitoring?plan=${PLAN}&year=${YEAR}`);
    const panel = page.getByTestId('monitoring-links');
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('还没有设置指标关联');
    await page.getByTestId('link-add').click();
    // each select: focus, type to search, Enter
    await page.getByTestId('link-indicator').click();
    await page.keyboard.type('优良天数比例');
    await page.keyboard.press('Enter');
    await page.getByTestId('link-statistic').click();
    await page.keyboard.type('优良天数比例');
    await page.keyboard.press('Enter');
    await page.getByTestId('link-stations').click();
    await page.keyboard.type('县政府');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    // only air stations are offered for an air statistic
    expect(await page.getByTestId('link-stations').textContent()).not.toContain('大宁河培石');
    await page.getByTestId('link-save').click();
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('县政府');
    expect(await panel.textContent()).toContain('7. 环境空气质量（优良天数比例）');
    expect(await panel.textContent()).toContain('空气质量优良天数比例');

    await page.getByTestId('link-recompute').click();
    const result = page.getByTestId('recompute-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('已计算 1 项数值');
    await expect.poll(() => page.getByTestId('monitoring-figures').textContent(), { timeout: 20_000 }).toContain('90.1%');
    expect(await page.getByTestId('monitoring-figures').textContent()).toContain('县政府（有效 365 天）');
    await page.waitForTimeout(500);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'monitoring-links-office.png'), fullPage: true });
    // the links panel and the figures, as the plan office sees them
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'monitoring-links-panel.png') });
    await page.close();
  }, 120_000);

  it('the plan office uploads a bad file and sees every problem in a table; a good one lands and says so', async () => {
    const page = await as('ws-office', `#/monitoring?plan=${PLAN}&year=${YEAR}`);
    const card = page.getByTestId('monitoring-import');
    await card.waitFor({ timeout: 20_000 });
    const bad = [
      '站点编码,监测时间,SO2(μg/m³),NO2(μg/m³),CO(mg/m³),O3(μg/m³),PM10(μg/m³),PM2.5(μg/m³)',
      'WS01,2025-03-01 00:00,10,20,0.5,60,50,40',
      'WS01,2025-03-01 00:00,10,20,0.5,60,50,40',
      'WS02,2025-03-01 00:00,-5,20,0.5,60,50,40',
      'WS09,2025-03-01 00:00,10,20,0.5,60,50,1e9',
      'WS01,2099-01-01 00:00,10,20,0.5,60,50,40',
    ].join('\n');
    await page.getByTestId('import-file-input').setInputFiles({ name: '三月小时数据.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const refused = page.getByTestId('import-refused');
    await expect.poll(() => refused.textContent(), { timeout: 30_000 }).toContain('三月小时数据.csv');
    const text = (await refused.textContent())!;
    expect(text).toContain('-5');
    expect(text).toContain('1e9');
    expect(text).toContain('WS09');
    expect(text).toContain('2099-01-01');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'monitoring-import-refused.png'), fullPage: false });

    // a station list lands: the answer says how many rows and stations
    const list = '站点编码,站点名称,站点类别,控制级别\nWS04,龙门街道,空气,县控\n';
    await page.getByTestId('import-file-input').setInputFiles({ name: '新增站点.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 30_000 }).toContain('新增站点.csv');
    expect(await page.getByTestId('import-refused').count()).toBe(0);
    await expect.poll(() => page.getByTestId('monitoring-stations').textContent(), { timeout: 20_000 }).toContain('龙门街道');
    await page.close();
  }, 120_000);

  it('the review page says 监测数据计算 and gives the grounds in words', async () => {
    const page = await ws.open(`#/review?plan=${PLAN}&year=${YEAR}`, { width: 1440, height: 900 });
    const computed = page.getByTestId('review-computed');
    await expect.poll(() => computed.first().textContent(), { timeout: 20_000 }).toContain('监测数据计算');
    const text = (await computed.first().textContent())!;
    expect(text).toContain('县政府（有效 365 天）');
    expect(text).toMatch(/按 HJ 633-2012.* 计算 2025-01-01 至 2025-12-31 的 365 天/);
    expect(text).not.toMatch(/[{}"]/);
    await page.screenshot({ path: join(SHOTS, 'monitoring-review.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('a leader sees the links without the buttons that change them', async () => {
    const page = await as('ws-leader', `#/monitoring?plan=${PLAN}&year=${YEAR}`);
    const panel = page.getByTestId('monitoring-links');
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('县政府');
    expect(await page.getByTestId('link-add').count()).toBe(0);
    expect(await page.getByTestId('link-recompute').count()).toBe(0);
    expect(await page.getByTestId('link-edit').count()).toBe(0);
    expect(await page.getByTestId('monitoring-import').count()).toBe(0);
    await page.close();
  }, 60_000);
});
