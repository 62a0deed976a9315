// Reports over HTTP: what the web page lists and downloads, the application table read back as a clerk checks
// it, and clear refusals in Chinese.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../helpers/api.ts';
import { openDocx, openPdf, squeeze } from '../helpers/reportFiles.ts';

describe('GET /api/plans/{id}/reports…', () => {
  let api: TestApi;
  let app: FastifyInstance;
  beforeAll(async () => {
    api = await startApi();
    app = api.app;
  });
  afterAll(async () => {
    await api?.close();
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('lists the kinds, their formats and the years with figures', async () => {
    const r = await get('/api/plans/qianjiang-apeng-two-mountains/reports');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      plan: 'qianjiang-apeng-two-mountains',
      years: [2022],
      kinds: [
        { kind: 'annual', name: '年度自评估报告', formats: ['docx', 'pdf', 'html'] },
        { kind: 'application', name: '申报达标情况表', formats: ['xlsx'] },
        { kind: 'midterm', name: '中期评估报告', formats: ['docx', 'pdf', 'html'] },
        { kind: 'public', name: '信息公开摘要', formats: ['docx', 'pdf', 'html'] },
      ],
    });
    expect((await get('/api/plans/wushan-action-2027/reports')).json().years).toEqual([]);
  });

  it('the application table: a sheet per framework in the plan’s columns, merged domains, coloured statuses, totals, print setup', async () => {
    const r = await get('/api/plans/wushan-demo-county/reports/application.xlsx?year=2021');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain("filename*=UTF-8''巫山县-2021-申报达标情况表.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['国家生态文明建设示范县建设指标', '重庆市生态文明建设示范区县建设指标']);
    const national = wb.worksheets[0]!;
    expect(national.getCell('A1').value).toBe('巫山县生态文明建设示范县创建规划（2022—2028年） — 国家生态文明建设示范县建设指标申报达标情况表（2021年）');
    expect(national.getRow(3).values).toEqual([undefined, '领域', '任务', '序号', '指标名称', '单位', '指标值', '指标属性', '现状值（2021年）', '达标情况', '目标值（2024年）', '责任单位']);
    expect(national.getCell('A4').isMerged).toBe(true);
    const row29 = national.getRows(4, 43)!.find((row) => row.getCell(3).value === '29')!;
    expect([row29.getCell(8).value, row29.getCell(9).value, row29.getCell(10).value]).toEqual(['49.3【4】', '未达标', '100']);
    expect((row29.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8D0D0');
    const lines = national.getSheetValues().flatMap((v) => (Array.isArray(v) ? [String(v[1] ?? '')] : []));
    expect(lines).toContain('适用35项：达标29项，未达标6项，无法判定0项，无数据0项；不涉及8项');
    expect(national.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3', fitToWidth: 1 });

    const municipal = wb.worksheets[1]!;
    const pointsCol = (municipal.getRow(3).values as string[]).indexOf('得分');
    expect(pointsCol).toBe(10);
    const total = municipal.getRows(4, 60)!.find((row) => row.getCell(1).value === '合计得分')!;
    expect(total.getCell(pointsCol).value).toBe('92/100');
    const mLines = municipal.getSheetValues().flatMap((v) => (Array.isArray(v) ? [String(v[1] ?? '')] : []));
    expect(mLines).toContain('失分项5项，共失8分：村镇饮用水卫生合格率（失2分）、城镇集中式污水处理率（失1分）、城镇人均公园绿地面积（失1分）、城镇新建绿色建筑（失2分）、生态环境教育基地（失2分）。');
  });

  it('Qianjiang’s application table has its 20 indicators', async () => {
    const r = await get('/api/plans/qianjiang-apeng-two-mountains/reports/application.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const numbers = ws.getRows(4, 20)!.map((row) => row.getCell(3).value);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(ws.getCell('A2').value).toBe('2022年黔江区“绿水青山就是金山银山”实践创新基地建设指标20项指标中，已达标12项，未达标2项，无法判定4项，无数据2项。');
  });

  it('Word for download, HTML for the preview', async () => {
    const w = await get('/api/plans/wushan-demo-county/reports/annual.docx?year=2021');
    expect(w.statusCode).toBe(200);
    expect(String(w.headers['content-disposition'])).toContain('attachment; filename="wushan-demo-county-2021-annual.docx"');
    expect((await openDocx(w.rawPayload)).text).toContain('已达标29项，未达标6项');
    const h = await get('/api/plans/wushan-demo-county/reports/public.html?year=2021&lang=en');
    expect(h.headers['content-type']).toContain('text/html');
    expect(h.headers['content-disposition']).toBeUndefined();
    expect(h.body).toContain('Ecological civilization in 巫山县, 2021: public summary');
    expect(h.body).toContain('29 of 35 met');
  });

  it('refuses what does not exist, in Chinese, naming the value and what is expected', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/plans/nowhere/reports/annual.pdf', 404, '找不到规划“nowhere”'],
      ['/api/plans/wushan-demo-county/reports/yearly.pdf', 400, '报告类型“yearly”无效，应为：annual、application、midterm、public。'],
      ['/api/plans/wushan-demo-county/reports/annual.xlsx', 400, '年度自评估报告（annual）不能生成 .xlsx 文件，可用：.docx、.pdf、.html。'],
      ['/api/plans/wushan-demo-county/reports/annual.docx?year=2030', 404, '规划“wushan-demo-county”没有2030年的现状值，无法生成报告。有现状值的年份：2021。'],
      ['/api/plans/wushan-demo-county/reports/annual.docx?year=21', 400, '年份“21”无效'],
      ['/api/plans/wushan-action-2027/reports/public.docx', 404, '规划“wushan-action-2027”尚无任何现状值'],
    ];
    for (const [url, status, message] of cases) {
      const r = await get(url);
      expect([url, r.statusCode]).toEqual([url, status]);
      expect(r.json().error.message).toContain(message);
    }
  });

  it('without Chromium a PDF is refused with what to install (Word still works); with it the PDF is made', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const bare = await startApi(); // a server that has not started a browser yet
    try {
      const r = await bare.app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/reports/public.pdf?year=2021' });
      expect(r.statusCode).toBe(503);
      expect(r.json().error).toMatchObject({ code: 'pdfUnavailable' });
      expect(r.json().error.message).toContain('apt-get install -y chromium fonts-noto-cjk');
      const w = await bare.app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/reports/annual.docx?year=2021' });
      expect(w.statusCode).toBe(200); // Word needs no browser: its charts are drawn by resvg
      expect((await openDocx(w.rawPayload)).media.length).toBeGreaterThanOrEqual(3);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
      await bare.close();
    }
    const r = await get('/api/plans/wushan-demo-county/reports/public.pdf?year=2021');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = await openPdf(r.rawPayload);
    expect(squeeze(pdf.pages[0]!.text)).toContain('达标29项/适用35项');
  });
});
