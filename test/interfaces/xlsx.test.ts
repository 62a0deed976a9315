// The indicator table as an Excel workbook: opened and read back as a clerk would check it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startApi, type TestApi } from '../helpers/api.ts';

describe('GET /api/plans/{id}/scorecard.xlsx', () => {
  let api: TestApi;
  let app: FastifyInstance;
  beforeAll(async () => {
    api = await startApi();
    app = api.app;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('has a sheet per framework laid out as the plan: merged domains, coloured statuses, counts, score', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/scorecard.xlsx?year=2021' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('巫山县-2021-指标达标情况.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['国家生态文明建设示范县建设指标', '重庆市生态文明建设示范区县建设指标']);
    const national = wb.worksheets[0]!;
    expect(national.getCell('A2').value).toBe('2021年巫山县国家生态文明建设示范县建设指标35项指标中，已达标29项，未达标6项。');
    expect(national.getRow(3).values).toEqual(expect.arrayContaining(['领域', '任务', '序号', '指标名称', '现状值（2021年）', '达标情况', '责任单位']));
    const rows = national.getSheetValues().filter((v): v is ExcelJS.CellValue[] => Array.isArray(v));
    const row29 = national.getRows(4, 43)!.find((row) => row.getCell(3).value === '29')!;
    expect(row29.getCell(4).value).toBe('村镇饮用水卫生合格率');
    expect(row29.getCell(8).value).toBe('49.3【4】');
    expect(row29.getCell(9).value).toBe('未达标');
    expect((row29.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8D0D0');
    expect(national.getCell('A4').isMerged).toBe(true); // 生态制度 spans its rows
    expect(rows.some((v) => String(v[1] ?? '').startsWith('适用35项：达标29项，未达标6项'))).toBe(true);
    expect(national.pageSetup.orientation).toBe('landscape');
    const municipal = wb.worksheets[1]!;
    const scoreLine = municipal.getSheetValues().find((v) => Array.isArray(v) && String(v[1] ?? '').startsWith('评分'));
    expect(scoreLine && String((scoreLine as ExcelJS.CellValue[])[1])).toBe('评分：92/100（92分通过）');
  });
});
