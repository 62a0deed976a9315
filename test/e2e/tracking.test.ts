// Project and task tracking in a real browser (Debian's chromium through playwright-core): 项目进度 (a progress
// report entered through the form changes the totals and the project's row; a bad value is refused as typed and
// on submit, and nothing is saved), 年度任务 / 督办 (an overdue item, 生成督办, the notice and its reply) and
// 部门考核 (the ranking with scores and reasons, weights saved). Dates are fixed (asOf 2024-06-30, year 2024),
// so the figures do not depend on today. Screenshots go to test/e2e/screenshots/ (look at them).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

const PLAN = 'wushan-demo-county';
const AS_OF = '2024-06-30';
const PROGRESS = `#/progress?plan=${PLAN}&asOf=${AS_OF}`;
const WORKPLAN = `#/workplan?plan=${PLAN}&year=2024&asOf=${AS_OF}`;
const DEPARTMENTS = `#/departments?plan=${PLAN}&year=2024&asOf=${AS_OF}`;
/** the first bytes of a PNG: what the server checks a .png against */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

interface ProgressJson {
  rollup: { total: { completedWan: number; statusCounts: Record<string, number> } };
  projects: Array<{ key: string; reports: Array<{ period: string; investmentCumulativeWan: number; physicalPercent: number | null; status: string; review: string; attachments: unknown[] }> }>;
}

/** A full-page screenshot from the top (the sticky header would otherwise stand mid-page). */
async function fullShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

describe('project and task tracking in Chromium', () => {
  let ws: Workspace;
  const open = (path: string, size?: { width: number; height: number }) => ws.open(path, size);
  const progressJson = async (): Promise<ProgressJson> => (await (await ws.api(`/api/plans/${PLAN}/progress?asOf=${AS_OF}`)).json()) as ProgressJson;

  beforeAll(async () => {
    ws = await startWorkspace();
  });
  afterAll(async () => {
    await ws?.close();
  });

  /** Find a project by its name and open its drawer from the keyboard. */
  async function openProject(page: Page, search: string) {
    await page.getByTestId('progress-search').locator('input').fill(search);
    const rows = page.locator('[data-testid="progress-projects"] tbody tr.ecociv-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('progress-drawer');
    await drawer.getByTestId('progress-form').waitFor({ state: 'visible', timeout: 10_000 });
    return drawer;
  }

  async function chooseStatus(page: Page, label: string) {
    await page.getByTestId('progress-form-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click();
  }

  it('a progress report entered through the form changes the totals and the project’s row', async () => {
    const page = await open(PROGRESS);
    await expect.poll(() => page.getByTestId('progress-count').textContent(), { timeout: 20_000 }).toContain('80');
    expect(await page.getByTestId('progress-investment').textContent()).toContain('513,306 万元');
    expect(await page.getByTestId('progress-totals').textContent()).toContain('规划文本所述：513,306 万元');
    expect(await page.getByTestId('progress-completed').textContent()).toContain('0 万元');
    expect(await page.getByTestId('progress-status-noReport').textContent()).toBe('未报送 80');
    expect(await page.getByTestId('progress-curve').locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('progress-rollup-groups').textContent()).toContain('生态安全保障工程');
    expect(await page.getByTestId('warnings-list').textContent()).toContain('项目1“县城长江取水趸船迁移工程”（县水利局）未报送2024-Q2进度');
    await fullShot(page, 'progress.png');

    const drawer = await openProject(page, '取水趸船迁移');
    expect(await drawer.textContent()).toContain('文件 001 第 1745 行');
    expect(await page.getByTestId('progress-form-period').locator('input').inputValue()).toBe('2024-Q2'); // the last quarter ended by the date
    await chooseStatus(page, '在建');
    await page.getByTestId('progress-form-investmentCumulativeWan').fill('3,000');
    await page.getByTestId('progress-form-physicalPercent').fill('40');
    await page.getByTestId('progress-form-milestones').fill('趸船主体完成建造');
    // an earlier date than today: the plan office (here the administrator) states it with a reason; the reporter is the account
    await page.getByTestId('progress-form-reportedOn').fill('2024-07-05'); // within the 15 days after the quarter
    await page.getByTestId('progress-form-backdateReason').fill('纸质报表补录');
    await page.waitForTimeout(600); // the check as typed answers
    expect(await drawer.locator('[role="alert"]').count()).toBe(0);
    await page.getByTestId('progress-form-submit').click();
    await expect.poll(() => drawer.getByTestId('progress-form-saved').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => drawer.getByTestId('report-2024-Q2').count(), { timeout: 10_000 }).toBe(1);
    expect(await drawer.getByTestId('report-2024-Q2').textContent()).toContain('累计完成 3,000 万元');
    expect(await drawer.getByTestId('report-2024-Q2').textContent()).toContain('2024-07-05 由 县水利局（系统管理员（admin））报送');
    expect(await drawer.getByTestId('report-backdated-2024-Q2').textContent()).toBe('补报：纸质报表补录');
    expect(await drawer.getByTestId('report-review-2024-Q2').textContent()).toBe('待审核');

    // a photo for the report, then the plan office accepts it
    await drawer.getByTestId('progress-form-attach-input').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => drawer.getByTestId('report-2024-Q2').textContent(), { timeout: 10_000 }).toContain('现场照片.png');
    await drawer.getByTestId('report-accept-2024-Q2').click();
    await expect.poll(() => drawer.getByTestId('report-review-2024-Q2').textContent(), { timeout: 10_000 }).toBe('已通过');
    await drawer.getByTestId('report-2024-Q2').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'progress-drawer.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('progress-completed').textContent(), { timeout: 10_000 }).toContain('3,000 万元');
    expect(await page.getByTestId('progress-completed-share').textContent()).toContain('0.6%'); // 3,000 of 513,306
    expect(await page.getByTestId('progress-status-underway').textContent()).toBe('在建 1');
    const row = page.locator('[data-testid="progress-projects"] tr[data-row-key="1"]');
    const text = await row.textContent();
    for (const s of ['2024-Q2', '30.0%', '累计 3,000 万元', '40.0%', '在建', '已通过']) expect(text).toContain(s);

    const stored = await progressJson();
    expect(stored.rollup.total.completedWan).toBe(3000);
    const report = stored.projects.find((p) => p.key === '1')?.reports[0];
    expect(report).toMatchObject({ period: '2024-Q2', investmentCumulativeWan: 3000, physicalPercent: 40, status: 'underway', review: 'accepted' });
    expect(report?.attachments).toHaveLength(1);
    await page.close();
  });

  it('physical progress 120 is refused as typed and on submit, and nothing is saved', async () => {
    const page = await open(PROGRESS);
    await expect.poll(() => page.getByTestId('progress-count').textContent(), { timeout: 20_000 }).toContain('80');
    const drawer = await openProject(page, '乡集镇供水水源地保护');
    await chooseStatus(page, '在建');
    await page.getByTestId('progress-form-investmentCumulativeWan').fill('500');
    await page.getByTestId('progress-form-physicalPercent').fill('120');
    const error = drawer.getByTestId('progress-form-error-physicalPercent');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('0 到 100');
    await error.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'progress-error.png') });

    await page.getByTestId('progress-form-submit').click();
    await page.waitForTimeout(1000);
    expect(await error.textContent()).toContain('形象进度应为 0 到 100 之间的百分数');
    expect(await drawer.getByTestId('progress-form-saved').count()).toBe(0);
    expect(await page.getByTestId('progress-form-physicalPercent').inputValue()).toBe('120'); // kept for correcting
    const stored = await progressJson();
    expect(stored.projects.find((p) => p.key === '2')?.reports).toEqual([]);
    expect(stored.rollup.total.completedWan).toBe(3000); // only the first test's report
    await page.close();
  });

  it('a filled template with bad rows is refused whole: every row and column named, nothing saved', async () => {
    // the server's own template for 2024-Q2, filled in by a unit: row 3 is fine, row 4 says 120 %, row 5 has no status
    const res = await ws.api(`/api/plans/${PLAN}/progress.xlsx?period=2024-Q2&asOf=${AS_OF}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const header = Array.from(sheet.getRow(2).values as unknown[], (v) => String(v ?? '')); // 1-based, like the cells
    const col = (name: string) => header.findIndex((h) => h.startsWith(name));
    expect(sheet.getRow(4).getCell(1).value).toBe('2'); // 乡集镇供水水源地保护工程
    const fill = (row: number, cumulative: number, physical: number, status: string) => {
      sheet.getRow(row).getCell(col('累计完成投资')).value = cumulative;
      sheet.getRow(row).getCell(col('形象进度')).value = physical;
      sheet.getRow(row).getCell(col('项目状态')).value = status;
    };
    fill(4, 500, 120, '在建');
    fill(5, 800, 30, '');
    fill(6, 900, 50, '在建');
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const page = await open(PROGRESS);
    await expect.poll(() => page.getByTestId('progress-count').textContent(), { timeout: 20_000 }).toContain('80');
    await page.getByTestId('progress-upload-input').setInputFiles({ name: '巫山县-项目进度-2024-Q2.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled });
    const problems = page.getByTestId('upload-problems');
    await expect.poll(() => problems.textContent(), { timeout: 10_000 }).toContain('任何数据都未保存');
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('第 4 行');
    expect(text).toContain('0 到 100');
    expect(text).toContain('第 5 行');
    expect(text).toContain('项目状态应为');
    expect(text).not.toContain('第 6 行');
    await problems.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'progress-upload-rejected.png') });
    const stored = await progressJson();
    expect(stored.projects.filter((p) => p.reports.length > 0).map((p) => p.key)).toEqual(['1']); // the row that was fine did not land either
    await page.close();
  });

  it('a project change is recorded with its reason and date; the totals show the plan as issued beside the adjusted one', async () => {
    const page = await open(PROGRESS);
    await expect.poll(() => page.getByTestId('progress-count').textContent(), { timeout: 20_000 }).toContain('80');
    await page.getByTestId('record-change').click();
    await page.getByText('调整', { exact: true }).click();
    await page.getByTestId('change-project').click();
    await page.keyboard.type('农村饮用水水源地');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('change-investmentWan').fill('4000');
    await page.getByTestId('change-reason').fill('县发展改革委批复调增建设内容（巫发改〔2024〕31号）');
    await page.getByTestId('change-effectiveOn').fill('2024-05-01');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'progress-change.png') });
    await page.getByTestId('change-save').click();
    // 513,306 − 3,328 + 4,000
    await expect.poll(() => page.getByTestId('progress-investment').textContent(), { timeout: 10_000 }).toContain('513,978 万元');
    expect(await page.getByTestId('progress-totals').textContent()).toContain('原规划：513,306 万元');
    expect(await page.getByTestId('progress-totals').textContent()).toContain('调整后较原规划：+672 万元');
    const row = page.locator('[data-testid="progress-projects"] tr[data-row-key="3"]');
    expect(await row.textContent()).toContain('4,000');
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('progress-changes').textContent(), { timeout: 10_000 }).toContain('2024-05-01 调整：县发展改革委批复调增建设内容');
    expect(await page.getByTestId('progress-changes').textContent()).toContain('投资（万元）改为4000');

    // the page in English: the server's warnings come in English too
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('warnings-list').textContent(), { timeout: 10_000 }).toMatch(/[A-Za-z]{6,}/);
    await fullShot(page, 'progress-en.png');
    await page.close();
  });

  it('an overdue work item gets a supervision notice from 生成督办, and the unit’s reply is shown', async () => {
    const page = await open(WORKPLAN);
    await expect.poll(() => page.getByTestId('work-count-items').textContent(), { timeout: 20_000 }).toBe('0');

    await page.getByTestId('work-add').click();
    await page.getByTestId('item-task').click();
    await page.keyboard.type('重大行政决策程序');
    // the option of that task, once the list has filtered to it (under load the list lags the typing)
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '重大行政决策' }).first();
    await option.waitFor({ state: 'visible', timeout: 10_000 });
    await option.click();
    await expect.poll(() => page.getByTestId('item-task').textContent(), { timeout: 10_000 }).toContain('重大行政决策');
    await page.getByTestId('item-title').fill('修订《巫山县重大行政决策程序规定》');
    await page.getByTestId('item-lead').locator('input').fill('县司法局');
    await page.getByTestId('item-deadline').fill('2024-03-31');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'workplan-add.png') });
    await page.getByTestId('item-save').click();

    await expect.poll(() => page.getByTestId('work-count-items').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await page.getByTestId('work-count-overdue').textContent()).toBe('1');
    const table = page.getByTestId('work-items');
    expect(await table.textContent()).toContain('逾期未完成');
    expect(await table.textContent()).toContain('重点任务 L1461');

    await page.getByTestId('work-supervise').click();
    const notices = page.getByTestId('notices');
    await expect.poll(() => notices.textContent(), { timeout: 10_000 }).toContain('县司法局：“修订《巫山县重大行政决策程序规定》”应于2024-03-31前完成，现已逾期91天');
    expect(await notices.textContent()).toContain('待回复');
    expect(await page.getByTestId('work-count-notices').textContent()).toBe('1');
    expect(await table.textContent()).toContain('1 份待回复');

    const id = (await notices.locator('.ecociv-record').first().getAttribute('data-testid'))!.replace('notice-', '');
    await page.getByTestId(`notice-${id}-reply`).fill('修订稿已送审，7月15日前提交县政府常务会审议。');
    await page.getByTestId(`notice-${id}-send`).click();
    await expect.poll(() => page.getByTestId(`notice-${id}-replied`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId(`notice-${id}-replied`).textContent()).toContain('系统管理员（admin） 回复：修订稿已送审');
    expect(await page.getByTestId('work-count-notices').textContent()).toBe('0');

    // the unit reports progress on the item, with evidence
    await table.locator('tbody tr.ecociv-row').first().focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('work-item-drawer');
    await drawer.getByTestId('update-form').waitFor({ state: 'visible', timeout: 10_000 });
    await drawer.getByTestId('update-progress').fill('修订稿已完成合法性审查');
    await drawer.getByTestId('update-evidence').fill('巫司审〔2024〕12号');
    await drawer.getByTestId('update-submit').click();
    await expect.poll(() => drawer.getByTestId('work-item-updates').textContent(), { timeout: 10_000 }).toContain('推进中：修订稿已完成合法性审查');
    expect(await drawer.getByTestId('work-item-updates').textContent()).toContain('巫司审〔2024〕12号');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    await fullShot(page, 'workplan.png');

    const stored = (await (await ws.api(`/api/plans/${PLAN}/work-plan?year=2024&asOf=${AS_OF}`)).json()) as {
      items: Array<{ timeliness: string; notices: Array<{ reply: string | null; repliedBy: string | null }>; updates: unknown[] }>;
    };
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]!.notices).toMatchObject([{ reply: '修订稿已送审，7月15日前提交县政府常务会审议。', repliedBy: '系统管理员（admin）' }]);
    expect(stored.items[0]!.updates).toHaveLength(1);
    await page.close();
  });

  it('the department ranking shows units with scores and the reasons behind them; weights are saved', async () => {
    const page = await open(DEPARTMENTS);
    const ranking = page.getByTestId('department-ranking');
    await expect.poll(() => ranking.locator('tbody tr[data-row-key]').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await ranking.textContent()).toContain('县水利局');
    expect(await ranking.locator('thead').textContent()).toContain('牵头指标（权重 40）');
    const justice = ranking.locator('tr[data-row-key="县司法局"]');
    expect(await justice.count()).toBe(1);
    await justice.click();
    const reasons = page.getByTestId('reasons-县司法局');
    await expect.poll(() => reasons.textContent(), { timeout: 10_000 }).toContain('年度工作任务1项，已到期1项');
    expect(await reasons.textContent()).toContain('逾期未完成1项');
    await page.locator('tr[data-row-key="县水利局"]').click();
    await expect.poll(() => page.getByTestId('reasons-县水利局').textContent(), { timeout: 10_000 }).toContain('按时1'); // the first test's report
    await fullShot(page, 'departments.png');

    const weight = page.getByTestId('weight-tasks');
    await weight.fill('0');
    await page.getByTestId('weights-save').click();
    await expect.poll(() => ranking.locator('thead').textContent(), { timeout: 10_000 }).toContain('年度任务（权重 0）');
    const stored = (await (await ws.api(`/api/plans/${PLAN}/departments?year=2024&asOf=${AS_OF}`)).json()) as { weights: Record<string, number> };
    expect(stored.weights).toEqual({ indicators: 40, projects: 30, tasks: 0, reporting: 10 });

    // the same page in English: the server's reasons come in English too
    await page.getByTestId('language-switch').click();
    await expect.poll(() => ranking.locator('thead').textContent(), { timeout: 10_000 }).toContain('Indicators led (weight 40)');
    await page.locator('tr[data-row-key="县水利局"]').click();
    await expect.poll(() => page.getByTestId('reasons-县水利局').textContent(), { timeout: 10_000 }).toMatch(/[A-Za-z]{4,}/);
    await fullShot(page, 'departments-en.png');
    await page.close();
  });
});
