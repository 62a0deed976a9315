// The HTTP API of 规划导入 as the web page uses it: upload (the file as the body), the report (counts, extraction
// in the public shape, what needs attention), the passage, corrections, acceptance in one transaction, discard;
// refusals in Chinese (too large, unreadable, a bad correction, a decided import); the plan office of the
// region only; the routes described in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../src/domain/limits.ts';
import { startApi, type Inject, type TestApi } from '../../helpers/api.ts';
import { extractedFrom } from './fixture.ts';

vi.mock('../../../src/domain/planImport/extract.ts', async (importActual) => {
  const actual = await importActual<typeof import('../../../src/domain/planImport/extract.ts')>();
  return {
    ...actual,
    extractPlan: (doc: { name: string }, ctx: { documentId: string }) => {
      if (doc.name.startsWith('fixture-revised')) {
        const x = extractedFrom('wushan-demo-county', { id: 'plan-http', title: '巫山县规划（网页导入）', documentId: ctx.documentId });
        x.projects!.projects.pop();
        return x;
      }
      if (doc.name.startsWith('fixture')) return extractedFrom('wushan-demo-county', { id: 'plan-http', title: '巫山县规划（网页导入）', documentId: ctx.documentId });
      return actual.extractPlan(doc as never, ctx as never);
    },
  };
});

let api: TestApi;
let office: Inject;
let otherOffice: Inject;
let clerk: Inject;
beforeAll(async () => {
  api = await startApi();
  office = await api.as('wushan-office', [{ role: 'planOffice', region: '巫山县', unit: null }]);
  otherOffice = await api.as('qj-office', [{ role: 'planOffice', region: '黔江区', unit: null }]);
  clerk = await api.as('wushan-clerk', [{ role: 'clerk', region: '巫山县', unit: '县水利局' }]);
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const upload = (as: Inject, name: string, body: Buffer | string, type = 'text/plain') =>
  as({ method: 'POST', url: `/api/plan-imports?name=${encodeURIComponent(name)}`, headers: { 'content-type': type }, payload: body });
const plansCount = async () => Number((await api.store.db.query<{ n: string }>("SELECT count(*) AS n FROM plans WHERE id LIKE 'plan-http%'")).rows[0]!.n);

describe('规划导入 over HTTP', () => {
  let id: number;

  it('upload: the report of what was found; nothing lands', async () => {
    const r = await upload(office, 'fixture-巫山县规划.txt', '巫山县生态文明建设规划\n\n第一章 总则\n\n第三行\n');
    expect(r.statusCode, r.body).toBe(201);
    const j = r.json();
    id = j.id;
    expect(j).toMatchObject({ status: 'pending', fileName: 'fixture-巫山县规划.txt', format: 'text', title: '巫山县规划（网页导入）', region: '巫山县', regionKnown: true, replaces: null, lineCount: 6 });
    expect(j.counts).toMatchObject({ frameworks: 2, projects: 80, investmentWan: 513306, tasks: 134, findings: 2 });
    expect(Object.keys(j.extraction)).toEqual(['plan', 'frameworks', 'projects', 'statedProjectTotals', 'tasks', 'findings']);
    expect(j.extraction.findings[0]).toEqual({ kind: 'unknownPhrase', message: '第 5 项的目标值“显著改善”读不出。', source: { line: 12, table: 1, row: 6, column: 5 } });
    expect(j.differences).toBeNull();
    expect(j.regions.map((x: { name: string }) => x.name)).toEqual(['巫山县']);
    const asAdmin = (await api.app.inject({ method: 'GET', url: `/api/plan-imports/${id}` })).json();
    expect(asAdmin.regions.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['重庆市', '巫山县', '黔江区']));
    expect(await plansCount()).toBe(0);
  });

  it('lists, shows, and gives the passage', async () => {
    const list = (await office({ method: 'GET', url: '/api/plan-imports?status=pending' })).json();
    expect(list.map((x: { id: number }) => x.id)).toContain(id);
    expect((await office({ method: 'GET', url: `/api/plan-imports/${id}` })).json().title).toBe('巫山县规划（网页导入）');
    const lines = (await office({ method: 'GET', url: `/api/plan-imports/${id}/lines?from=3&to=4` })).json();
    expect(lines).toEqual({ from: 3, to: 4, total: 6, lines: ['第一章 总则', ''] });
    const bad = await office({ method: 'GET', url: `/api/plan-imports/${id}/lines?from=9&to=2` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('行号“9”至“2”不对');
  });

  it('corrections are kept; one that cannot stand is refused, naming it', async () => {
    const r = await office({ method: 'PUT', url: `/api/plan-imports/${id}`, payload: { edits: [{ kind: 'project', index: 0, field: 'investmentWan', value: '2000' }, { kind: 'planField', field: 'baseYear', value: '2021年' }] } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().edits).toBe(2);
    expect(r.json().extraction.projects[0].investmentWan).toBe(2000);
    const bad = await office({ method: 'PUT', url: `/api/plan-imports/${id}`, payload: { edits: [{ kind: 'project', index: 999, field: 'name', value: 'x' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('没有第 1000 个项目（共 80 个）。');
    const unknown = await office({ method: 'PUT', url: `/api/plan-imports/${id}`, payload: { edits: [], note: 'x' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unexpectedField');
  });

  it('only the plan office of the region, and administrators', async () => {
    expect((await clerk({ method: 'GET', url: `/api/plan-imports/${id}` })).statusCode).toBe(403);
    expect((await clerk({ method: 'POST', url: '/api/plan-imports?name=a.txt', headers: { 'content-type': 'text/plain' }, payload: 'x' })).statusCode).toBe(403);
    // the regions offered for accepting: those the office's role covers
    const mine = (await office({ method: 'GET', url: `/api/plan-imports/${id}` })).json();
    expect(mine.regions.map((r: { name: string }) => r.name)).toEqual(['巫山县']);
    const other = await otherOffice({ method: 'GET', url: `/api/plan-imports/${id}` });
    expect(other.statusCode).toBe(404);
    expect((await otherOffice({ method: 'GET', url: '/api/plan-imports' })).json().map((x: { id: number }) => x.id)).not.toContain(id);
    expect((await otherOffice({ method: 'POST', url: `/api/plan-imports/${id}/accept`, payload: {} })).statusCode).toBe(404);
    expect((await api.anonymous({ method: 'GET', url: '/api/plan-imports' })).statusCode).toBe(401);
  });

  it('accept lands the whole plan, once', async () => {
    const r = await office({ method: 'POST', url: `/api/plan-imports/${id}/accept`, payload: {} });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ planId: 'plan-http', region: '巫山县', replaced: false, projects: 80, investmentWan: 513306 - (await firstProjectWan()) + 2000 });
    expect(await plansCount()).toBe(1);
    const again = await office({ method: 'POST', url: `/api/plan-imports/${id}/accept`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已接收入库');
    const plan = (await office({ method: 'GET', url: '/api/plans/plan-http' })).json();
    expect(plan).toMatchObject({ title: '巫山县规划（网页导入）', region: '巫山县', baseYear: 2021 });
  });

  it('a revised document shows its differences, and a discarded import stays out', async () => {
    const r = await upload(office, 'fixture-revised.txt', '修订版\n');
    expect(r.statusCode, r.body).toBe(201);
    const j = r.json();
    expect(j.replaces).toEqual({ id: 'plan-http', title: '巫山县规划（网页导入）' });
    expect(j.differences.filter((d: { change: string }) => d.change === 'removed').map((d: { label: string }) => d.label)).toEqual([expect.stringMatching(/^项目“/)]);
    expect(j.differences).toContainEqual(expect.objectContaining({ area: 'project', change: 'changed', field: '投资（万元）', after: expect.any(String) }));
    const d = await office({ method: 'DELETE', url: `/api/plan-imports/${j.id}` });
    expect(d.statusCode).toBe(200);
    expect((await office({ method: 'GET', url: `/api/plan-imports/${j.id}` })).json().status).toBe('discarded');
    expect((await office({ method: 'PUT', url: `/api/plan-imports/${j.id}`, payload: { edits: [{ kind: 'planField', field: 'title', value: 'x' }] } })).statusCode).toBe(409);
  });

  it('refuses, in Chinese, a file too large, one it cannot read, and none at all', async () => {
    const size = LIMITS.planDocumentBytes + 1;
    const big = await upload(office, '大文件.txt', Buffer.alloc(size, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('文件“大文件.txt”有 30.1 MB，超过规划文件的上限 30 MB，未读取。');
    const docx = await upload(office, '规划.docx', Buffer.from('PK\u0003\u0004xx', 'latin1'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // a broken Word file: refused by whichever reader reads .docx, in Chinese, naming the file
    expect(docx.statusCode).toBe(422);
    expect(docx.json().error.message).toContain('规划.docx');
    expect(docx.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const none = await upload(office, 'x.txt', Buffer.alloc(0), 'application/octet-stream');
    expect(none.statusCode).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/plan-imports', '/api/plan-imports/{importId}', '/api/plan-imports/{importId}/lines', '/api/plan-imports/{importId}/accept']) expect(doc.paths[path], path).toBeDefined();
    expect(Object.keys(doc.paths['/api/plan-imports/{importId}']).sort()).toEqual(['delete', 'get', 'put']);
  });
});

async function firstProjectWan(): Promise<number> {
  return extractedFrom('wushan-demo-county', { id: 'x', title: 'x' }).projects!.projects[0]!.investmentWan ?? 0;
}
