// Every GET route, and the main write routes, called on a store with data (figures entered, reviewed and
// published, progress, work items, supervision, a project change): each JSON answer must match the
// response schema the route table (src/api/routes.ts) gives for its status, and every GET route is called.
// Strictly: a key the answer carries and the shape does not declare fails too (the web's types come from
// the shapes, so an undeclared field is one the web cannot see). The shapes themselves stay lenient, as
// the server reads clients' bodies with its own strict shapes (src/api/*Body).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoleName } from '../../src/api/accounts.ts';
import { ReportKind } from '../../src/api/plans.ts';
import { ROUTES } from '../../src/api/routes.ts';
import { REPORT_KINDS } from '../../src/reports/model.ts';
import { ProjectStatus, WorkStatus } from '../../src/api/tracking.ts';
import { StatisticIdName } from '../../src/api/monitoring.ts';
import { STATISTIC_IDS, STATISTICS } from '../../src/domain/monitoringStatistics.ts';
import { ROLES } from '../../src/auth/roles.ts';
import { PROJECT_STATUSES } from '../../src/domain/progress.ts';
import { WORK_STATUSES } from '../../src/domain/workPlan.ts';
import { startApi, type TestApi } from '../helpers/api.ts';

const PLAN = 'wushan-demo-county';

/**
 * The keys of an answer that its parsed form lacks: zod drops the keys an object shape does not declare, so
 * what the answer has and the parse result has not is what the shape leaves out (records keep every key).
 * Paths are given with array positions folded to [] and each listed once.
 */
function undeclared(sent: unknown, kept: unknown, path = '', found = new Set<string>()): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) sent.forEach((v, i) => undeclared(v, kept[i], `${path}[]`, found));
  else if (sent && typeof sent === 'object' && kept && typeof kept === 'object') {
    for (const [k, v] of Object.entries(sent)) {
      const at = path ? `${path}.${k}` : k;
      if (!(k in kept)) found.add(at);
      else undeclared(v, (kept as Record<string, unknown>)[k], at, found);
    }
  }
  return [...found];
}

describe('every answer matches its schema (PGlite)', () => {
  let api: TestApi;
  const called = new Set<string>();
  let monitoringStation = 0;
  const mismatches: string[] = [];

  /** Call a route (key as in ROUTES) and check the answer against the schema of its status. */
  const call = async (key: string, url: string, payload?: unknown, headers?: Record<string, string>) => {
    const route = ROUTES[key];
    expect(route, key).toBeDefined();
    const [method] = key.split(' ') as [string];
    const r = await api.app.inject({ method: method as 'GET', url, ...(payload !== undefined ? { payload: payload as object } : {}), ...(headers ? { headers } : {}) });
    called.add(key);
    const answer = route!.responses[String(r.statusCode)];
    if (!answer) {
      mismatches.push(`${key} ${url}: status ${r.statusCode} not described (${r.body.slice(0, 200)})`);
      return r;
    }
    const type = String(r.headers['content-type'] ?? '');
    if (answer.schema) {
      if (!type.startsWith('application/json')) mismatches.push(`${key}: ${type}, not JSON`);
      else {
        const json: unknown = r.json();
        const parsed = answer.schema.safeParse(json);
        if (!parsed.success) mismatches.push(`${key} ${url} ${r.statusCode}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        else {
          const extra = undeclared(json, parsed.data);
          if (extra.length > 0) mismatches.push(`${key} ${url} ${r.statusCode}: keys the shape does not declare: ${extra.slice(0, 8).join(', ')}${extra.length > 8 ? ` and ${extra.length - 8} more` : ''}`);
        }
      }
    } else if (answer.content && !answer.content.some((c) => type.startsWith(c))) mismatches.push(`${key}: ${type}, not one of ${answer.content.join(', ')}`);
    return r;
  };

  beforeAll(async () => {
    api = await startApi();
    const units = (await call('GET /api/plans/:id/units', `/api/plans/${PLAN}/units`)).json() as Array<{ name: string }>;
    const unit = encodeURIComponent(units[0]!.name);
    const sheet = (await call('GET /api/plans/:id/entry', `/api/plans/${PLAN}/entry?unit=${unit}&year=2023`)).json();
    const row = sheet.rows[0];
    const value = (year: number) => ({ plan: PLAN, framework: row.framework, number: row.number, ...(row.part ? { part: row.part } : {}), year, printed: row.previous?.printed ?? '1', reportingUnit: units[0]!.name });
    expect((await call('POST /api/observations/check', '/api/observations/check', { observations: [value(2023)] })).statusCode).toBe(200);
    expect((await call('POST /api/observations', '/api/observations', { observations: [value(2023)] })).statusCode).toBe(201);
    expect((await call('PUT /api/plans/:id/drafts', `/api/plans/${PLAN}/drafts?unit=${unit}&year=2024`, { entries: [value(2024)] })).statusCode).toBe(200);
    expect((await call('POST /api/observations/review', '/api/observations/review', { plan: PLAN, year: 2023, decision: 'approved' })).statusCode).toBe(200);
    expect((await call('POST /api/plans/:id/publications', `/api/plans/${PLAN}/publications`, { year: 2023 })).statusCode).toBe(201);
    // after publication: a revision of the locked year and a new figure, both awaiting review
    expect((await call('POST /api/observations/revisions', '/api/observations/revisions', { ...value(2023), reportingUnit: undefined, printed: '2', reason: '统计口径更正' })).statusCode).toBe(201);
    expect((await call('POST /api/observations', '/api/observations', { observations: [value(2024)] })).statusCode).toBe(201);
    // a refusal: its answer is an error of the documented shape
    expect((await call('POST /api/confirmations', '/api/confirmations', { plan: PLAN, framework: 'national-demo-county', number: '2', year: 2023, status: 'met', reason: '部署文件齐全' })).statusCode).toBe(422);
    const report = { plan: PLAN, project: '1', period: '2024-Q1', investmentCumulativeWan: 100, status: '在建' };
    expect((await call('POST /api/progress/check', '/api/progress/check', { reports: [report] })).statusCode).toBe(200);
    expect((await call('POST /api/progress', '/api/progress', { reports: [report] })).statusCode).toBe(201);
    expect((await call('POST /api/progress', '/api/progress', { reports: [{ ...report, physicalPercent: 140 }] })).statusCode).toBe(422);
    expect((await call('POST /api/project-changes', '/api/project-changes', { plan: PLAN, project: '2', kind: 'adjust', fields: { investmentWan: 1200 }, reason: '概算调整', effectiveOn: '2024-01-01' })).statusCode).toBe(201);
    const items = (await call('POST /api/work-items', '/api/work-items', { items: [{ plan: PLAN, year: 2024, title: '完成污水管网改造', leadUnit: '县住房城乡建委', deadline: '2024-03-31' }] })).json();
    expect((await call('POST /api/work-items/:itemId/updates', `/api/work-items/${items.ids[0]}/updates`, { status: 'inProgress', progress: '已完成一半' })).statusCode).toBe(201);
    const issued = (await call('POST /api/plans/:id/supervision', `/api/plans/${PLAN}/supervision`, { asOf: '2024-04-10' })).json();
    expect((await call('POST /api/supervision/:noticeId/reply', `/api/supervision/${issued.notices[0].id}/reply`, { reply: '4月底完工' })).statusCode).toBe(201);
    expect((await call('PUT /api/plans/:id/settings', `/api/plans/${PLAN}/settings`, { tolerance: 0.25 })).statusCode).toBe(200);
    const progress = (await call('GET /api/plans/:id/progress', `/api/plans/${PLAN}/progress?asOf=2024-04-10`)).json();
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n');
    const att = await call('POST /api/attachments', `/api/attachments?plan=${PLAN}&owner=progress&id=${progress.projects[0].reports[0].id}&name=a.pdf`, pdf, { 'content-type': 'application/pdf' });
    expect(att.statusCode).toBe(201);
    await call('GET /api/attachments/:attachmentId', `/api/attachments/${att.json().id}`);
    // monitoring: a station saved through the API, hours and a water sample and a computed figure inserted with SQL
    const air = (await call('POST /api/plans/:id/monitoring/stations', `/api/plans/${PLAN}/monitoring/stations`, { kind: 'air', code: 'S01', name: '县政府', level: 'national', longitude: 109.88, latitude: 31.07 })).json();
    expect((await call('PUT /api/plans/:id/monitoring/stations/:stationId', `/api/plans/${PLAN}/monitoring/stations/${air.id}`, { kind: 'air', code: 'S01', name: '县政府站' })).statusCode).toBe(200);
    expect((await call('POST /api/plans/:id/monitoring/stations', `/api/plans/${PLAN}/monitoring/stations`, { kind: 'water', code: 'W01', name: '断面', targetClass: 'Ⅵ' })).statusCode).toBe(422);
    const water = (await call('POST /api/plans/:id/monitoring/stations', `/api/plans/${PLAN}/monitoring/stations`, { kind: 'water', code: 'W01', name: '断面', targetClass: 'Ⅲ', waterbody: 'river' })).json();
    const db = api.store.db;
    const regionId = (await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [PLAN])).rows[0]!.region_id;
    const imp = (await db.query<{ id: number }>(`INSERT INTO monitoring_imports (region_id, kind, file_name, sha256, rows, imported_by) VALUES ($1, 'air-hours', 'a.csv', 'x', 0, 't') RETURNING id`, [regionId])).rows[0]!.id;
    for (let h = 0; h < 24; h++)
      await db.query('INSERT INTO air_hours (station_id, hour, so2, no2, co, o3, pm10, pm25, import_id) VALUES ($1, $2::timestamp, 10, 20, 0.5, 60, 80, 90, $3)', [air.id, `2025-01-10 ${String(h).padStart(2, '0')}:00`, imp]);
    await db.query(`INSERT INTO water_samples (station_id, sampled_on, sample_values, import_id) VALUES ($1, '2025-03-05', '{"pH": 7.5, "NH3-N": 1.2}'::jsonb, $2)`, [water.id, imp]);
    const obs = (await db.query<{ indicator_id: number; part: string; year: number }>('SELECT indicator_id, part, year FROM observations WHERE region_id = $1 LIMIT 1', [regionId])).rows[0]!;
    const provenance = { statistic: 'air.goodDaysShare', stations: [{ code: 'S01', name: '县政府站', validDays: 1, counted: false, reason: 'days' }], editions: [], validDays: null, imports: [{ fileName: 'a.csv', importedAt: '2026-01-01T00:00:00Z' }], computedAt: '2026-01-01T00:00:00Z' };
    await db.query(`INSERT INTO computed_figures (plan_id, indicator_id, part, year, region_id, statistic, value, printed, provenance) VALUES ($1, $2, $3, $4, $5, 'air.goodDaysShare', NULL, '无数据', $6::jsonb)`, [PLAN, obs.indicator_id, obs.part, obs.year, regionId, JSON.stringify(provenance)]);
    monitoringStation = air.id;
    // a link from a statistic of the station to an indicator, a refused one, and computing it
    const link = { framework: 'national-demo-county', number: '7', part: '优良天数比例', statistic: 'air.goodDaysShare', stations: ['S01'] };
    expect((await call('PUT /api/plans/:id/monitoring/links', `/api/plans/${PLAN}/monitoring/links`, link)).statusCode).toBe(200);
    expect((await call('PUT /api/plans/:id/monitoring/links', `/api/plans/${PLAN}/monitoring/links`, { ...link, stations: ['W01'] })).statusCode).toBe(400);
    expect((await call('POST /api/plans/:id/monitoring/compute', `/api/plans/${PLAN}/monitoring/compute`, { year: 2025 })).statusCode).toBe(200);
    expect((await call('POST /api/plans/:id/monitoring/compute', `/api/plans/${PLAN}/monitoring/compute`, {})).statusCode).toBe(200);
    // an upload: a station list lands (201), a file with a bad row is refused with its problems (422)
    const csvHeaders = { 'content-type': 'text/csv' };
    expect((await call('POST /api/plans/:id/monitoring/imports', `/api/plans/${PLAN}/monitoring/imports?name=s.csv`, Buffer.from('站点编码,站点名称,站点类别\nS09,新站,空气\n'), csvHeaders)).statusCode).toBe(201);
    expect((await call('POST /api/plans/:id/monitoring/imports', `/api/plans/${PLAN}/monitoring/imports?name=h.csv&kind=air-hours`, Buffer.from('站点编码,监测时间,PM2.5(μg/m³)\nS09,2025-01-01 00:00,-5\n'), csvHeaders)).statusCode).toBe(422);
    expect((await call('DELETE /api/plans/:id/monitoring/links', `/api/plans/${PLAN}/monitoring/links`, { framework: 'national-demo-county', number: '7', part: 'PM2.5浓度下降幅度' })).statusCode).toBe(400);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('every GET route answers as its schema says', async () => {
    const gets: Array<[string, string]> = [
      ['GET /api/health', '/api/health'],
      ['GET /api/openapi.json', '/api/openapi.json'],
      ['GET /api/setup', '/api/setup'],
      ['GET /api/session', '/api/session'],
      ['GET /api/users', '/api/users'],
      ['GET /api/audit', '/api/audit?limit=50'],
      ['GET /api/plans', '/api/plans'],
      ['GET /api/plans/:id', `/api/plans/${PLAN}`],
      ['GET /api/plans/:id/assessment', `/api/plans/${PLAN}/assessment?year=2023`],
      ['GET /api/plans/:id/assessment', `/api/plans/${PLAN}/assessment?lang=en`],
      ['GET /api/plans/:id/assessment', `/api/plans/qianjiang-apeng-two-mountains/assessment`],
      ['GET /api/plans/:id/assessment', `/api/plans/${PLAN}/assessment?year=21`],
      ['GET /api/plans/:id/assessment', '/api/plans/nowhere/assessment'],
      ['GET /api/plans/:id/scorecard.xlsx', `/api/plans/${PLAN}/scorecard.xlsx`],
      ['GET /api/plans/:id/reports', `/api/plans/${PLAN}/reports`],
      ['GET /api/plans/:id/reports/:kind.:format', `/api/plans/${PLAN}/reports/annual.html?year=2023`],
      ['GET /api/plans/:id/reports/:kind.:format', `/api/plans/${PLAN}/reports/application.xlsx?year=2023`],
      ['GET /api/plans/:id/projects', `/api/plans/${PLAN}/projects`],
      ['GET /api/plans/:id/projects', `/api/plans/qianjiang-apeng-two-mountains/projects`],
      ['GET /api/plans/:id/consistency', `/api/plans/${PLAN}/consistency`],
      ['GET /api/plans/:id/tasks', `/api/plans/${PLAN}/tasks`],
      ['GET /api/plans/:id/units', `/api/plans/${PLAN}/units`],
      ['GET /api/plans/:id/entry', `/api/plans/${PLAN}/entry?unit=${encodeURIComponent('县生态环境局')}&year=2024`],
      ['GET /api/plans/:id/progress', `/api/plans/${PLAN}/progress?asOf=2024-04-10&lang=en`],
      ['GET /api/plans/:id/progress.xlsx', `/api/plans/${PLAN}/progress.xlsx?period=2024-Q1`],
      ['GET /api/plans/:id/projects.xlsx', `/api/plans/${PLAN}/projects.xlsx`],
      ['GET /api/plans/:id/work-plan', `/api/plans/${PLAN}/work-plan?year=2024&asOf=2024-04-10`],
      ['GET /api/plans/:id/work-plan.xlsx', `/api/plans/${PLAN}/work-plan.xlsx?year=2024`],
      ['GET /api/plans/:id/departments', `/api/plans/${PLAN}/departments?year=2024&asOf=2024-04-10`],
      ['GET /api/plans/:id/departments.xlsx', `/api/plans/${PLAN}/departments.xlsx?year=2024`],
      ['GET /api/plans/:id/public', `/api/plans/${PLAN}/public`],
      ['GET /api/plans/:id/public', `/api/plans/${PLAN}/public?year=2022`],
      ['GET /api/plans/:id/review', `/api/plans/${PLAN}/review`],
      ['GET /api/plans/:id/monitoring/stations', `/api/plans/${PLAN}/monitoring/stations`],
      ['GET /api/plans/:id/monitoring/stations/:stationId/days', `/api/plans/${PLAN}/monitoring/stations/${monitoringStation}/days?year=2025`],
      ['GET /api/plans/:id/monitoring/stations/:stationId/days', `/api/plans/${PLAN}/monitoring/stations/999999/days?year=2025`],
      ['GET /api/plans/:id/monitoring/calendar', `/api/plans/${PLAN}/monitoring/calendar?year=2025`],
      ['GET /api/plans/:id/monitoring/calendar', `/api/plans/${PLAN}/monitoring/calendar?year=1990`],
      ['GET /api/plans/:id/monitoring/trends', `/api/plans/${PLAN}/monitoring/trends?year=2025`],
      ['GET /api/plans/:id/monitoring/trends', `/api/plans/${PLAN}/monitoring/trends?year=2025&station=${monitoringStation}`],
      ['GET /api/plans/:id/monitoring/water', `/api/plans/${PLAN}/monitoring/water?year=2025`],
      ['GET /api/plans/:id/monitoring/exceedances', `/api/plans/${PLAN}/monitoring/exceedances?year=2025`],
      ['GET /api/plans/:id/monitoring/figures', `/api/plans/${PLAN}/monitoring/figures`],
      ['GET /api/plans/:id/monitoring/summary', `/api/plans/${PLAN}/monitoring/summary?year=2025`],
      ['GET /api/plans/:id/monitoring/summary', `/api/plans/nowhere/monitoring/summary`],
      ['GET /api/plans/:id/monitoring/links', `/api/plans/${PLAN}/monitoring/links`],
      ['GET /api/plans/:id/monitoring/links', `/api/plans/nowhere/monitoring/links`],
      ['GET /api/plans/:id/alarms', `/api/plans/${PLAN}/alarms?state=all`],
      ['GET /api/plans/:id/alarm-rules', `/api/plans/${PLAN}/alarm-rules`],
    ];
    for (const [key, url] of gets) await call(key, url);
    const review = (await api.app.inject({ method: 'GET', url: `/api/plans/${PLAN}/review` })).json();
    expect(review.figures.length).toBeGreaterThan(0);
    expect(review.revisions.length).toBeGreaterThan(0);
    const uncalled = Object.keys(ROUTES).filter((k) => k.startsWith('GET ') && !called.has(k));
    expect(uncalled).toEqual([]);
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('the shapes list the same kinds as the code that makes them (the web cannot import that code)', () => {
    expect(ReportKind.options).toEqual([...REPORT_KINDS]);
    expect(RoleName.options).toEqual([...ROLES]);
    expect(ProjectStatus.options).toEqual([...PROJECT_STATUSES]);
    expect(WorkStatus.options).toEqual([...WORK_STATUSES]);
    for (const id of STATISTIC_IDS) expect(id.split('.')[0], id).toBe(STATISTICS[id].kind);
  });

  it('the route table names exactly the routes the server registers', () => {
    const registered = (api.app as unknown as { ecocivRoutes: Array<{ method: string; url: string }> }).ecocivRoutes.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(Object.keys(ROUTES).sort()).toEqual(registered.sort());
  });
});
