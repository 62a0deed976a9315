// 报告 in a real browser: the menu leads there, the preview shows the report, and a download is a real file.
// Screenshot: test/e2e/screenshots/reports.png.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

describe('the reports page in Chromium', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await startWorkspace();
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('previews the annual report of Wushan 2021 and downloads it as Word', async () => {
    const page = await ws.open('#/overview?plan=wushan-demo-county&year=2021', { width: 1366, height: 1000 });
    await page.getByTestId('menu-reports').click();
    await expect.poll(() => page.url()).toContain('#/reports?plan=wushan-demo-county&year=2021');
    await expect.poll(() => page.getByTestId('reports-page').textContent(), { timeout: 20_000 }).toContain('年度自评估报告');
    expect(await page.getByTestId('report-application').textContent()).toContain('申报达标情况表');

    // the preview is the report itself: the summary sentence with the engine's counts
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await expect.poll(() => frame.locator('#summary').count(), { timeout: 20_000 }).toBe(1);
    const summary = await frame.locator('section.chapter').first().textContent();
    expect(summary).toContain('35项适用指标中，已达标29项，未达标6项');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'reports.png') });

    // the public summary in the preview, without the internal notes
    await page.getByTestId('preview-public').click();
    await expect.poll(() => frame.locator('.doc-heading').textContent(), { timeout: 20_000 }).toContain('巫山县2021年生态文明建设情况公开');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-annual-docx').click()]);
    expect(download.suggestedFilename()).toBe('巫山县-2021-年度自评估报告.docx');
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('已达标29项');
    await page.close();
  });

  it('says when the year has no figures and offers the years that have', async () => {
    const page = await ws.open('#/reports?plan=wushan-demo-county&year=2024');
    await expect.poll(() => page.getByTestId('reports-page').textContent(), { timeout: 20_000 }).toContain('2024年尚无现状值');
    await page.getByRole('button', { name: '改用2021年' }).click();
    await expect.poll(() => page.url()).toContain('year=2021');
    await page.close();
  });
});
