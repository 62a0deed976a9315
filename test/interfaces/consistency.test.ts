// The consistency check through the HTTP API and the ecociv command, as a reviewer would call them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../helpers/api.ts';
import { cliIn } from '../helpers/cli.ts';

describe('GET /api/plans/{id}/consistency (PGlite)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists every check with its count and the findings with their lines', async () => {
    const r = await api.app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/consistency?year=2021' });
    expect(r.statusCode).toBe(200);
    const c = r.json();
    expect(c).toMatchObject({ plan: 'wushan-demo-county', year: 2021, total: 34 });
    expect(c.checks.map((k: { kind: string; count: number }) => [k.kind, k.count])).toEqual([
      ['projectUnknownIndicator', 11],
      ['projectIndicatorVariant', 0],
      ['unmetWithoutProject', 4],
      ['statedTotalDiffers', 0],
      ['indicatorWithoutLeadUnit', 16],
      ['footnoteUnresolved', 0],
      ['projectOutsidePeriod', 0],
      ['duplicateProjectNumber', 0],
      ['statedFigureDiffers', 1],
      ['statedCountDiffers', 2],
    ]);
    const first = c.findings[0];
    expect(first).toMatchObject({
      kind: 'projectUnknownIndicator',
      kindText: '项目所列指标不在规划中',
      severity: 'warning',
      lines: [{ document: '001', line: 1937 }],
      subjects: [{ type: 'project', number: 18, name: '生活垃圾分类项目及能力建设', group: '生态安全保障工程' }],
    });
    expect(first.message).toContain('生活废弃物综合利用');
  });

  it('defaults to the base year, answers in English, and refuses a bad year or an unknown plan in Chinese', async () => {
    const base = await api.app.inject({ method: 'GET', url: '/api/plans/qianjiang-apeng-two-mountains/consistency?lang=en' });
    expect(base.json()).toMatchObject({ year: 2022, total: 6 });
    expect(base.json().findings.find((f: { kind: string }) => f.kind === 'statedTotalDiffers').message).toBe(
      'All projects: the document states 29 projects; the rows add up to 22, 7 fewer than stated.',
    );
    const bad = await api.app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/consistency?year=21' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('年份“21”无效，应为四位数年份。');
    const unknown = await api.app.inject({ method: 'GET', url: '/api/plans/nowhere/consistency' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('找不到规划“nowhere”');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/plans/{id}/consistency'].get.responses['200']).toBeDefined();
  });
});

describe('ecociv check (embedded store)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecociv-check-'));
  const ecociv = cliIn(dataDir);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the findings grouped by kind, each with its lines, in Chinese', async () => {
    const r = await ecociv('check', 'wushan-demo-county', '--year', '2021');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('规划一致性检查：发现34处问题');
    expect(r.stdout).toContain('【项目所列指标不在规划中】11处（警告）');
    expect(r.stdout).toContain('  · 第70号项目“大昌镇龙塘、龙早美丽乡村建设工程”所列对应指标“生活废弃物综合利用”不在本规划的指标体系中。\n    出处：文件001第2568行');
    expect(r.stdout).toContain('【文件所列合计与明细不符】未发现问题');
    expect(r.stdout).toContain('出处：文件001第756、1272、1278行');
    // the plan's own text against its tables: line 26's park green space, line 118's item counts
    expect(r.stdout).toContain('【正文所述指标数值与指标表不符】1处（警告）');
    expect(r.stdout).toContain('而重庆市生态文明建设示范区县建设指标第28项“城镇人均公园绿地面积”2021年现状值为“大于12”，两处数值不一致，请核对。\n    出处：文件001第26、1318行');
    expect(r.stdout).toContain('【正文所述指标项数与指标表不符】2处（警告）');
  });

  it('--format json is the API’s answer; --lang en prints English', async () => {
    const json = JSON.parse((await ecociv('check', 'qianjiang-apeng-two-mountains', '--format', 'json')).stdout);
    expect(json).toMatchObject({ plan: 'qianjiang-apeng-two-mountains', year: 2022, total: 6 });
    expect(json.findings.filter((f: { kind: string }) => f.kind === 'statedTotalDiffers').map((f: { figures: object }) => f.figures)).toContainEqual({
      stated: 29,
      actual: 22,
      difference: -7,
    });
    const en = await ecociv('check', 'qianjiang-apeng-two-mountains', '--lang', 'en');
    expect(en.stdout).toContain('[Stated totals that differ from the rows] 4 (error)');
    expect(en.stdout).toContain('Lines: document 000: 458, 460, 462, 464, 466, 468, 470');
  });

  it('needs a plan, and names the plans there are when it does not know one', async () => {
    const none = await ecociv('check');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请指定规划编号');
    const unknown = await ecociv('check', 'nowhere');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('找不到规划“nowhere”');
  });
});
