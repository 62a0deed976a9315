// 一致性检查 in a real browser (Debian's chromium through playwright-core): the 001 findings with their lines,
// the filter by kind and the CSV export. Screenshots go to test/e2e/screenshots/ (look at them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

describe('the consistency page in Chromium', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await startWorkspace();
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('shows Wushan’s findings grouped by kind with their 001 lines, filters by kind and exports CSV', async () => {
    const page = await ws.open('#/consistency?plan=wushan-demo-county&year=2021', { width: 1366, height: 900 });
    await expect.poll(() => page.getByTestId('consistency-summary').textContent(), { timeout: 20_000 }).toContain('发现 34 处问题');
    expect(await page.getByTestId('menu-consistency').textContent()).toBe('一致性检查');
    expect(await page.getByTestId('consistency-count-projectUnknownIndicator').textContent()).toBe('11 处');
    expect(await page.getByTestId('consistency-count-statedTotalDiffers').textContent()).toBe('未发现问题');

    const unknown = page.getByTestId('consistency-kind-projectUnknownIndicator');
    const items = unknown.getByTestId('consistency-finding');
    expect(await items.count()).toBe(11);
    expect(await items.first().textContent()).toContain('第18号项目“生活垃圾分类项目及能力建设”所列对应指标“生活废弃物综合利用”不在本规划的指标体系中。');
    expect(await items.first().getByTestId('consistency-lines').textContent()).toBe('出处：文件001第1937行');
    expect(await items.last().getByTestId('consistency-lines').textContent()).toBe('出处：文件001第2568行');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'consistency.png'), fullPage: true });

    // the card of a kind selects it; the indicator named in a finding opens its page
    await page.getByTestId('consistency-check-unmetWithoutProject').click();
    await expect.poll(() => page.getByTestId('consistency-shown').textContent()).toBe('显示 4 / 34 处');
    expect(await page.getByTestId('consistency-kind-projectUnknownIndicator').count()).toBe(0);
    const unmet = page.getByTestId('consistency-kind-unmetWithoutProject');
    expect(await unmet.textContent()).toContain('项目中有相近的名称“城镇污水处理率”');
    expect(await unmet.getByRole('link', { name: /生态文明建设规划/ }).getAttribute('href')).toBe(
      '#/indicator?plan=wushan-demo-county&year=2021&framework=national-demo-county&number=1',
    );
    await page.screenshot({ path: join(SHOTS, 'consistency-filtered.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('consistency-export').click()]);
    expect(download.suggestedFilename()).toBe('巫山县-2021年-规划一致性检查.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('类别,级别,说明,出处,涉及');
    expect(rows).toHaveLength(5);
    expect(rows[1]).toContain('生态文明建设规划');
    expect(rows[1]).toContain('文件001第155、160行');
    await page.close();
  });
});
