// 中期评估 / 终期评估: the engine over the years with figures, with what changed and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../src/reports/generate.ts';
import { SharedPrinter } from '../../src/reports/render/pdf.ts';
import { recordLaterYear } from '../helpers/laterYear.ts';
import { openDocx, openPdf, squeeze, tableWithHeader } from '../helpers/reportFiles.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const ON = new Date('2026-11-22T09:00:00+08:00');

describe('mid-term and final evaluation', () => {
  let store: TestStore;
  const printer = new SharedPrinter();
  const make = (year: number, format: string) => generateReport(store.db, { plan: PLAN, kind: 'midterm', format, year, generatedOn: ON }, printer.get);

  beforeAll(async () => {
    store = await openTestStore('pglite');
  });
  afterAll(async () => {
    await printer.close();
    await store?.close();
  });

  it('with the baseline only, says there is nothing to compare yet', async () => {
    const docx = await openDocx((await make(2021, 'docx')).data);
    expect(docx.text).toContain('目前仅有2021年一期现状值，尚无变化可比');
  });

  it('over 2021–2023: each year’s counts, every indicator year by year, and each change with its figures and reason', async () => {
    // 2023 as a data office enters it: the 2021 figures carried forward, four of them changed
    await recordLaterYear(store.db, PLAN, 2021, 2023, {
      'national-demo-county/1': '制定实施',
      'national-demo-county/29': '88',
      'national-demo-county/31': '52',
      'national-demo-county/36': '55',
    });
    const file = await make(2023, 'docx');
    expect(file.fileName).toBe('巫山县-2023-中期评估报告.docx');
    const docx = await openDocx(file.data);
    expect(docx.text).toContain('2021—2023年中期评估报告');

    const counts = tableWithHeader(docx, '年份', '适用', '达标', '未达标');
    expect(counts.slice(1, 3).map((r) => r.slice(0, 4).map((c) => c.text))).toEqual([
      ['2021', '35', '29', '6'],
      ['2023', '35', '31', '3'],
    ]);

    const span = tableWithHeader(docx, '序号', '指标名称', '指标值', '2021年（基准年）', '2023年', '目标值');
    const row31 = span.find((r) => r[1]!.text === '农村生活污水治理率')!;
    expect(row31.map((c) => c.text)).toEqual(['31', '农村生活污水治理率', '≥50', '24.3\n未达标', '52\n达标', '50（2024年）']);

    const changes = tableWithHeader(docx, '序号', '指标名称', '变化', '现状值', '原因（评估引擎的判定理由）');
    const byNumber = new Map(changes.slice(1).map((r) => [r[0]!.text, r.map((c) => c.text)]));
    expect(byNumber.get('31')).toEqual(['31', '农村生活污水治理率', '2021年未达标 → 2023年达标', '24.3 → 52', '现状值52满足≥50%的要求。']);
    expect(byNumber.get('1')?.[2]).toBe('2021年未达标 → 2023年达标');
    expect(byNumber.get('36')?.[3]).toBe('22 → 55');
    expect(byNumber.has('29')).toBe(false); // 49.3 → 88 is better, but still short of 100
    expect(docx.text).toContain('2021年至2023年，共有4项指标的达标情况发生变化');

    const pdf = await openPdf((await make(2023, 'pdf')).data);
    const text = squeeze(pdf.pages.map((p) => p.text).join(''));
    expect(text).toContain('2021年未达标→2023年达标');
    expect(text).toContain('31农村生活污水治理率'); // the trend chart's title, drawn as text
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/);
  });

  it('is the final evaluation once the last target year is reached', async () => {
    await recordLaterYear(store.db, PLAN, 2023, 2028, { 'national-demo-county/29': '100' });
    const file = await make(2028, 'docx');
    expect(file.fileName).toBe('巫山县-2028-终期评估报告.docx');
    const docx = await openDocx(file.data);
    expect(docx.text).toContain('2021—2028年终期评估报告');
    const changes = tableWithHeader(docx, '序号', '指标名称', '变化', '现状值');
    expect(changes.find((r) => r[0]!.text === '29')!.map((c) => c.text).slice(2, 4)).toEqual(['2023年未达标 → 2028年达标', '88 → 100']);
  });
});
