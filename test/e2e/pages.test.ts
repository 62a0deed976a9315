// 项目, 任务 and 指标详情 in a real browser (Debian's chromium through playwright-core). Screenshots go to
// test/e2e/screenshots/ (look at them).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

const PLAN = 'wushan-demo-county';

describe('projects, tasks and indicator detail in Chromium', () => {
  let ws: Workspace;
  const open = (path: string, size?: { width: number; height: number }) => ws.open(path, size);

  beforeAll(async () => {
    ws = await startWorkspace();
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('the projects page lists 80 projects, 513,306 万元, and 生态安全保障工程 with 31; Enter opens a project', async () => {
    const page = await open(`#/projects?plan=${PLAN}&year=2021`);
    await expect.poll(() => page.getByTestId('projects-count').textContent(), { timeout: 20_000 }).toContain('80');
    expect(await page.getByTestId('projects-investment').textContent()).toContain('513,306 万元（51.3306亿元）');
    const group = page.getByTestId('project-group-0');
    expect(await group.textContent()).toContain('生态安全保障工程');
    expect(await page.getByTestId('project-group-count-0').textContent()).toContain('31');
    expect(await page.getByTestId('projects-shown').textContent()).toContain('80 / 80');
    expect(await page.locator('[data-testid="projects-table"] tbody tr.ecociv-row').count()).toBe(80);
    expect(await page.getByTestId('projects-year-chart').locator('canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'projects.png'), fullPage: true });

    // the search narrows the list; the first row opens by keyboard, with the line the project is printed on
    await page.getByTestId('projects-search').locator('input').fill('取水趸船迁移');
    await expect.poll(() => page.locator('[data-testid="projects-table"] tbody tr.ecociv-row').count()).toBe(1);
    const row = page.locator('[data-testid="projects-table"] tbody tr.ecociv-row').first();
    await row.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('project-drawer');
    await expect.poll(() => drawer.textContent(), { timeout: 10_000 }).toContain('文件 001 第 1745 行');
    expect(await drawer.textContent()).toContain('县城长江取水趸船迁移工程');
    expect(await drawer.textContent()).toContain('9,995 万元');
    await page.waitForTimeout(600); // the drawer slides in
    await page.screenshot({ path: join(SHOTS, 'project-detail.png') });
    await page.close();
  });

  it('the tasks page shows the chapters, and a search finds 保障供水水质', async () => {
    const page = await open(`#/tasks?plan=${PLAN}`);
    await expect.poll(() => page.getByText('第三章 建设高效完善的生态制度体系').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('tasks-count').textContent()).toContain('134 条任务');
    await page.screenshot({ path: join(SHOTS, 'tasks.png'), fullPage: true });

    await page.getByTestId('tasks-search').locator('input').fill('保障供水水质');
    await expect.poll(() => page.getByTestId('tasks-count').textContent()).toContain('找到 1 / 134 条任务');
    const clause = page.getByTestId('task-clause').filter({ hasText: '保障供水水质' });
    await expect.poll(() => clause.count()).toBe(1);
    expect(await clause.textContent()).toContain('加强长江红石梁和朝阳洞2个城市集中式饮用水源地监管');
    expect(await clause.textContent()).toContain('文件 001 第 1494 行');
    expect(await page.getByText('第四章 建设自然优美的生态安全体系').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'tasks-search.png'), fullPage: true });
    await page.close();
  });

  it('the detail of 农村生活污水治理率 shows its value, status, achievability, the plan’s commitment and a chart', async () => {
    const page = await open(`#/indicator?plan=${PLAN}&year=2021&framework=national-demo-county&number=31`);
    await expect.poll(() => page.getByTestId('indicator-value').textContent(), { timeout: 20_000 }).toBe('24.3');
    expect(await page.getByText('31. 农村生活污水治理率').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('indicator-requirement').textContent()).toBe('≥50');
    expect(await page.getByTestId('indicator-status').textContent()).toContain('未达标');
    const achievability = page.getByTestId('indicator-achievability');
    expect(await achievability.textContent()).toContain('达标难度较大');
    expect(await page.getByTestId('indicator-stated').textContent()).toContain('确保2024年');
    await expect.poll(() => page.getByTestId('indicator-chart').locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // every year of the plan, 2021 to 2027
    expect(await page.locator('[data-testid="indicator-history"] tbody tr.ant-table-row').count()).toBe(7);
    await expect.poll(() => page.getByTestId('indicator-projects').count(), { timeout: 20_000 }).toBe(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'indicator-page.png'), fullPage: true });
    await page.close();
  });

  it('the scorecard drawer and the overview attention list both lead to the detail page', async () => {
    const page = await open(`#/scorecard?plan=${PLAN}&year=2021`);
    await expect.poll(() => page.getByText('农村生活污水治理率').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByText('农村生活污水治理率').first().click();
    await page.getByTestId('open-indicator').click();
    await expect
      .poll(() => page.evaluate(() => window.location.hash))
      .toBe(`#/indicator?plan=${PLAN}&year=2021&framework=national-demo-county&number=31`);
    await expect.poll(() => page.getByTestId('indicator-value').textContent(), { timeout: 20_000 }).toBe('24.3');

    await page.goto(`${ws.base}/#/overview?plan=${PLAN}&year=2021`);
    const link = page.getByTestId('attention-link-national-demo-county-31');
    await link.waitFor({ state: 'visible', timeout: 20_000 });
    await link.click();
    await expect.poll(() => page.getByTestId('indicator-value').textContent(), { timeout: 20_000 }).toBe('24.3');
    await page.close();
  });
});
