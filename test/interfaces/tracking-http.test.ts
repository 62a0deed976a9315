// Tracking over HTTP as the plan office and the units use it: the Excel template filled in and sent back,
// refusals that name the sheet row and column and save nothing, project sheets, work plans, supervision,
// department rankings, settings and attachments.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../helpers/api.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PLAN = 'wushan-demo-county';

async function workbook(payload: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb;
}
const columnOf = (ws: ExcelJS.Worksheet, header: string) => {
  let col = 0;
  ws.getRow(2).eachCell((c, i) => {
    if (c.value === header) col = i;
  });
  expect(col, header).toBeGreaterThan(0);
  return col;
};
async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('tracking over HTTP (PGlite)', () => {
  let api: TestApi;
  let app: FastifyInstance;
  const count = async (table: string) => Number((await api.store.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  beforeAll(async () => {
    api = await startApi();
    app = api.app;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('the progress template lists every project; filled in, it lands whole', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/progress.xlsx?period=2024-Q1` });
    expect(r.statusCode).toBe(200);
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('巫山县-项目进度-2024-Q1.xlsx');
    const wb = await workbook(r.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['进度填报', '已报进度']);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['序号', '项目名称', '报告期', '累计完成投资（万元）', '形象进度（%）', '项目状态']));
    expect(ws.rowCount).toBe(82); // title, header, 80 projects
    expect(ws.getCell(3, columnOf(ws, '项目名称')).value).toBe('县城长江取水趸船迁移工程');
    expect(ws.getCell(3, columnOf(ws, '报告期')).value).toBe('2024-Q1');
    // an untouched template imports nothing: it says so
    const empty = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx`, headers: { 'content-type': XLSX }, payload: r.rawPayload });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.problems[0].message).toContain('没有填写任何数据行');
    // the unit fills in its three projects
    const cum = columnOf(ws, '累计完成投资（万元）');
    const status = columnOf(ws, '项目状态');
    const pct = columnOf(ws, '形象进度（%）');
    for (const [row, wan] of [[3, 1200], [4, 300], [5, 800]] as const) {
      ws.getCell(row, cum).value = wan;
      ws.getCell(row, status).value = '在建';
      ws.getCell(row, pct).value = 15;
      ws.getCell(row, columnOf(ws, '填报日期')).value = '2024-04-08';
      // an earlier date than today is stated by the plan office with a reason (here the administrator)
      ws.getCell(row, columnOf(ws, '补报理由')).value = '纸质报表补录';
    }
    const filled = await bytes(wb);
    const check = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx?check=1`, headers: { 'content-type': XLSX }, payload: filled });
    expect(check.json()).toEqual({ rows: 3, problems: [] });
    expect(await count('project_progress')).toBe(0);
    const ok = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx`, headers: { 'content-type': XLSX }, payload: filled });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().recorded).toBe(3);
    const p = (await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/progress?asOf=2024-04-10` })).json();
    expect(p.rollup.total.completedWan).toBe(2300);
    expect(p.projects.find((x: { key: string }) => x.key === '1').latest).toMatchObject({ period: '2024-Q1', investmentCumulativeWan: 1200, physicalPercent: 15, status: 'underway' });
  });

  it('a sheet with bad rows is refused whole: every problem names the sheet row and the column', async () => {
    const wb = await workbook((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/progress.xlsx?period=2024-Q2` })).rawPayload);
    const ws = wb.worksheets[0]!;
    ws.getCell(6, columnOf(ws, '累计完成投资（万元）')).value = 50;
    ws.getCell(6, columnOf(ws, '项目状态')).value = '在建';
    ws.getCell(6, columnOf(ws, '填报日期')).value = '2024-03-20';
    ws.getCell(6, columnOf(ws, '补报理由')).value = '纸质报表补录';
    ws.getCell(7, columnOf(ws, '累计完成投资（万元）')).value = '五十';
    ws.getCell(7, columnOf(ws, '项目状态')).value = '在建';
    ws.getCell(9, columnOf(ws, '形象进度（%）')).value = 120;
    ws.getCell(9, columnOf(ws, '项目状态')).value = '施工中';
    ws.getCell(9, columnOf(ws, '累计完成投资（万元）')).value = 10;
    ws.getCell(9, columnOf(ws, '填报日期')).value = '2024-07-02';
    ws.getCell(9, columnOf(ws, '补报理由')).value = '纸质报表补录';
    const before = await count('project_progress');
    const r = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx`, headers: { 'content-type': XLSX }, payload: await bytes(wb) });
    expect(r.statusCode).toBe(422);
    const body = r.json().error;
    expect(body.sheet).toBe('进度填报');
    expect(body.problems.map((p: { row: number; field: string; value: string }) => [p.row, p.field, p.value])).toEqual([
      [6, '报告期', '2024-Q2'],
      [7, '累计完成投资（万元）', '五十'],
      [9, '形象进度（%）', '120'],
      [9, '项目状态', '施工中'],
    ]);
    expect(body.message).toContain('进度填报第9行 形象进度（%）=“120”');
    expect(await count('project_progress')).toBe(before);
  });

  it('a file that is not a workbook, or lacks a column, is refused by name', async () => {
    const junk = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx`, headers: { 'content-type': XLSX }, payload: Buffer.from('not a workbook') });
    expect(junk.statusCode).toBe(422);
    expect(junk.json().error.problems[0].message).toContain('不是可读取的 Excel 工作簿');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进度');
    ws.addRow(['序号', '报告期', '累计完成投资（万元）']);
    ws.addRow([1, '2024-Q2', 5]);
    const r = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx`, headers: { 'content-type': XLSX }, payload: await bytes(wb) });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.problems.map((p: { message: string }) => p.message)).toEqual(['工作表缺少“项目状态”列。']);
    const text = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx`, headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('请上传 Excel 工作簿');
  });

  it('the project sheet has the plan’s columns and totals; an imported change needs its reason', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/projects.xlsx?asOf=2024-04-10` });
    const ws = (await workbook(r.rawPayload)).worksheets[0]!;
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['序号', '项目类别', '子类', '项目名称', '建设内容及规模', '投资（万元）', '实施年限', '牵头单位', '项目来源', '关联指标']));
    expect(String(ws.getCell(3, 1).value)).toBe('生态安全保障工程（规划所列31项，205,455万元）');
    expect(String(ws.getCell(ws.rowCount, 1).value)).toBe('合计：规划所列80项，513,306万元');
    expect(ws.rowCount).toBe(2 + 5 + 80 + 1);
    expect(ws.getCell(4, columnOf(ws, '累计完成投资（万元）')).value).toBe(1200);
    expect(ws.getCell(4, columnOf(ws, '出处（文档:行）')).value).toBe('001:1745');
    // a clerk raises project 2's investment and adds a project, without giving reasons: refused
    const inv = columnOf(ws, '投资（万元）');
    ws.getCell(5, inv).value = 1800;
    const extra = ws.addRow([]);
    extra.getCell(1).value = 'N1';
    extra.getCell(columnOf(ws, '项目名称')).value = '新增污水管网项目';
    extra.getCell(columnOf(ws, '工程类别')).value = '生态安全保障工程';
    extra.getCell(inv).value = 300;
    extra.getCell(columnOf(ws, '实施年限')).value = '2024—2025';
    ws.getCell(2, ws.columnCount + 1).value = '变更原因';
    const reasonCol = ws.columnCount;
    const refused = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/projects.xlsx`, headers: { 'content-type': XLSX }, payload: await bytes(ws.workbook) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([
      [5, '变更原因'],
      [extra.number, '变更原因'],
    ]);
    expect(await count('project_changes')).toBe(0);
    ws.getCell(5, reasonCol).value = '追加管网长度';
    extra.getCell(reasonCol).value = '县政府新增';
    const ok = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/projects.xlsx`, headers: { 'content-type': XLSX }, payload: await bytes(ws.workbook) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ added: 1, adjusted: 1, unchanged: 79 });
    const p = (await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/progress` })).json();
    expect(p.rollup.total.originalInvestmentWan).toBe(513306);
    expect(p.rollup.total.adjustedInvestmentWan).toBe(513306 + 300 + 300);
  });

  it('a work plan imported, an overdue item supervised and answered, units ranked and exported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年度工作计划');
    ws.addRow(['年度', '工作内容', '牵头单位', '配合单位', '完成时限']);
    ws.addRow([2024, '完成县城污水管网改造一期', '县住房城乡建委', '县生态环境局', '2024-03-31']);
    ws.addRow([2024, '发布生态文明建设年度公报', '县生态环境局', '', new Date('2024-12-31')]);
    const imp = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/work-plan.xlsx`, headers: { 'content-type': XLSX }, payload: await bytes(wb) });
    expect(imp.statusCode).toBe(201);
    expect(imp.json().recorded).toBe(2);
    const issued = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/supervision`, payload: { asOf: '2024-04-10' } });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().notices.map((n: { unit: string }) => n.unit)).toEqual(['县住房城乡建委']);
    const id = issued.json().notices[0].id;
    expect((await app.inject({ method: 'POST', url: `/api/supervision/${id}/reply`, payload: { reply: '' } })).statusCode).toBe(422);
    // who replied is the signed-in account, not a name the request states
    const named = await app.inject({ method: 'POST', url: `/api/supervision/${id}/reply`, payload: { reply: '4月底完工', repliedBy: '县住房城乡建委' } });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.message).toContain('“回复人”由系统按登录账号和当天日期记录');
    expect((await app.inject({ method: 'POST', url: `/api/supervision/${id}/reply`, payload: { reply: '4月底完工' } })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/supervision/abc/reply', payload: { reply: 'x' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/supervision/99999/reply', payload: { reply: 'x' } })).statusCode).toBe(404);
    const w = (await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/work-plan?year=2024&asOf=2024-04-10` })).json();
    expect(w.counts).toMatchObject({ items: 2, overdue: 1, pending: 1 });
    expect(w.items[0].notices[0]).toMatchObject({ reply: '4月底完工', repliedBy: 'admin（admin）' });
    const out = await workbook((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/work-plan.xlsx?year=2024&asOf=2024-04-10` })).rawPayload);
    const sheet = out.worksheets[0]!;
    expect(sheet.getCell(3, columnOf(sheet, '按期情况')).value).toBe('逾期未完成');
    expect(String(sheet.getCell(3, columnOf(sheet, '督办')).value)).toContain('已回复：4月底完工');

    const d = (await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/departments?year=2024&asOf=2024-04-10` })).json();
    const housing = d.ranking.find((r: { unit: string }) => r.unit === '县住房城乡建委');
    expect(housing.parts.find((p: { part: string }) => p.part === 'tasks')).toMatchObject({ score: 0, figures: { due: 1, overdue: 1 } });
    const x = await workbook((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/departments.xlsx?year=2024&asOf=2024-04-10` })).rawPayload);
    const dws = x.worksheets[0]!;
    expect(dws.name).toBe('部门考核');
    expect(dws.rowCount).toBe(2 + d.ranking.length);
    expect(dws.getCell(3, 2).value).toBe(d.ranking[0].unit);
  });

  it('settings are checked; bad ids, dates and decisions are refused by name', async () => {
    const bad = await app.inject({ method: 'PUT', url: `/api/plans/${PLAN}/settings`, payload: { weights: { indicators: -1, projects: 30, tasks: 20, reporting: 10 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('indicators');
    expect((await app.inject({ method: 'PUT', url: `/api/plans/${PLAN}/settings`, payload: { cadence: 'week' } })).json().error.message).toContain('week');
    expect((await app.inject({ method: 'PUT', url: `/api/plans/${PLAN}/settings`, payload: { cadence: 'month', tolerance: 0.3 } })).json()).toEqual({ saved: ['cadence', 'tolerance'] });
    expect((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/progress` })).json().settings).toMatchObject({ cadence: 'month', tolerance: 0.3 });
    expect((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/progress?asOf=2024-13-01` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/progress/1/review', payload: { decision: 'maybe' } })).json().error.message).toContain('maybe');
    expect((await app.inject({ method: 'GET', url: '/api/plans/nowhere/progress' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/progress', payload: {} })).statusCode).toBe(400);
  });

  it('attachments upload and download safely; a hostile name is refused', async () => {
    const reportId = (await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/progress?asOf=2024-04-10` })).json().projects[0].reports[0].id;
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n');
    const bad = await app.inject({ method: 'POST', url: `/api/attachments?plan=${PLAN}&owner=progress&id=${reportId}&name=${encodeURIComponent('..\\..\\验收.pdf')}`, headers: { 'content-type': 'application/pdf' }, payload: pdf });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems[0].field).toBe('fileName');
    const ok = await app.inject({ method: 'POST', url: `/api/attachments?plan=${PLAN}&owner=progress&id=${reportId}&name=${encodeURIComponent('验收报告.pdf')}`, headers: { 'content-type': 'application/pdf' }, payload: pdf });
    expect(ok.statusCode).toBe(201);
    const got = await app.inject({ method: 'GET', url: `/api/attachments/${ok.json().id}` });
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(decodeURIComponent(String(got.headers['content-disposition']))).toContain('验收报告.pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
  });
});
