// The monitoring writes over HTTP, on both engines: links from a statistic of some stations to an indicator (the
// plan office only; a station of the wrong kind refused in Chinese), recomputing them into the indicator's figure
// for the year (the scorecard changes; the review queue says 监测数据计算 with the grounds), and a person's figure
// kept beside a computed one.
//
// The year of data is worked by hand from HJ 633-2012 表1: with SO2 10, NO2 20, CO 0.5, O3 60, PM10 30 µg/m³ every
// hour, PM2.5 20 gives IAQI 50/35·20 = 28.6 → 29 and the day's AQI is the largest IAQI, 30 (O3 8-h 60 and PM10 30
// both 30): 优. PM2.5 120 gives 150 + 50·(120 − 115)/(150 − 115) = 157.1 → 158: 中度污染. 2025 has 365 days, every
// one valid (24 hours of every item); the first 36 days are 中度污染, so 优良天数比例 = 329/365 = 90.14% → "90.1%".
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { buildServer } from '../../src/server/app.ts';
import { createUser, type RoleEntry } from '../../src/store/users.ts';
import { signedIn, TEST_PASSWORD, type Inject } from '../helpers/api.ts';
import { HOURLY_HEADER, hourlyRows, STATION_LIST, toXlsx } from '../fixtures/monitoring/make.ts';
import { seedYear } from '../helpers/monitoringWire.ts';
import { airHoursCsv, EXPECTED, STATIONS_CSV, YEAR } from '../helpers/monitoringYear.ts';
import { ENGINES, openTestStore, type Engine, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const AIR_ITEM = { framework: 'national-demo-county', number: '7', part: '优良天数比例' };

/** The API over a store of this engine, with users of 巫山县: the plan office, a clerk, a leader. */
async function start(engine: Engine) {
  const store: TestStore = await openTestStore(engine);
  const app = buildServer(store.db, { auth: { failureDelayMs: 0 } });
  await app.ready();
  const raw = app.inject.bind(app) as Inject;
  const as = async (username: string, roles: RoleEntry[]) => {
    await createUser(store.db, { username, displayName: username, password: TEST_PASSWORD, roles }, SYSTEM_ACTOR);
    return signedIn(raw, username);
  };
  return {
    store,
    office: await as('ws-office', [{ role: 'planOffice', region: '巫山县' }]),
    clerk: await as('ws-clerk', [{ role: 'clerk', region: '巫山县', unit: '县生态环境局' }]),
    leader: await as('ws-leader', [{ role: 'leader', region: '巫山县' }]),
    reviewer: await as('ws-reviewer', [{ role: 'reviewer', region: '巫山县' }]),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

type Api = Awaited<ReturnType<typeof start>>;

/** The 优良天数比例 leaf of the national framework in the plan's assessment of a year. */
async function airLeaf(call: Inject, year: number) {
  const a = (await call({ method: 'GET', url: `/api/plans/${PLAN}/assessment?year=${year}` })).json() as {
    frameworks: Array<{ id: string; results: Array<{ number: string; parts?: Array<{ part: string | null; value: string | null; status: string }> }> }>;
  };
  const item = a.frameworks.find((f) => f.id === AIR_ITEM.framework)!.results.find((r) => r.number === AIR_ITEM.number)!;
  return item.parts!.find((l) => l.part === AIR_ITEM.part)!;
}

describe.each(ENGINES)('monitoring links and compute over HTTP (%s)', (engine) => {
  let api: Api;
  beforeAll(async () => {
    api = await start(engine);
    await seedYear(api.store.db);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  const url = `/api/plans/${PLAN}/monitoring/links`;
  const link = { ...AIR_ITEM, statistic: 'air.goodDaysShare', stations: ['WS01'] };

  it('a clerk may not set a link; nothing is stored', async () => {
    const r = await api.clerk({ method: 'PUT', url, payload: link });
    expect(r.statusCode).toBe(403);
    expect((await api.store.db.query('SELECT 1 FROM monitoring_links')).rows).toHaveLength(0);
    expect((await api.clerk({ method: 'POST', url: `/api/plans/${PLAN}/monitoring/compute`, payload: {} })).statusCode).toBe(403);
  });

  it('a section for an air statistic is refused with the Chinese message naming it and both kinds', async () => {
    const r = await api.office({ method: 'PUT', url, payload: { ...link, stations: ['WS01', 'WS-W1'] } });
    expect(r.statusCode).toBe(400);
    const message = r.json().error.message as string;
    expect(message).toContain('大宁河培石');
    expect(message).toContain('地表水断面');
    expect(message).toContain('空气质量优良天数比例');
    expect(message).not.toMatch(/WS-W1.*id|\{|400/);
    expect((await api.store.db.query('SELECT 1 FROM monitoring_links')).rows).toHaveLength(0);
    // an unknown station and an indicator not in the plan's frameworks, each named
    const unknown = await api.office({ method: 'PUT', url, payload: { ...link, stations: ['WS99'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('WS99');
    const key = await api.office({ method: 'PUT', url, payload: { ...link, station: 'WS01' } });
    expect(key.statusCode).toBe(400);
  });

  it('the plan office links 优良天数比例 to WS01; a leader sees the link with the station by name', async () => {
    const r = await api.office({ method: 'PUT', url, payload: link });
    expect(r.statusCode).toBe(200);
    const seen = (await api.leader({ method: 'GET', url })).json() as { links: Array<{ name: string; statistic: string; stations: Array<{ name: string }> }>; indicators: Array<{ number: string; part: string | null }> };
    expect(seen.links).toEqual([expect.objectContaining({ name: '环境空气质量（优良天数比例）', statistic: 'air.goodDaysShare', stations: [{ code: 'WS01', name: '县政府', kind: 'air' }] })]);
    expect(seen.indicators).toContainEqual(expect.objectContaining({ number: '7', part: '优良天数比例' }));
    expect((await api.leader({ method: 'PUT', url, payload: link })).statusCode).toBe(403);
    const audit = await api.store.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'monitoring_link'");
    expect(audit.rows.map((x) => x.action)).toEqual(['monitoringLink.set']);
  });

  it('重新计算: 329 of 365 days good → 90.1% becomes the figure of 2025, the scorecard changes, the review queue says 监测数据计算', async () => {
    const before = await airLeaf(api.leader, 2025);
    expect(before.value).toBeNull();
    const r = await api.office({ method: 'POST', url: `/api/plans/${PLAN}/monitoring/compute`, payload: { year: 2025 } });
    expect(r.statusCode).toBe(200);
    const answer = r.json();
    expect(answer).toMatchObject({ computed: 1, noData: 0, keptBeside: 0 });
    expect(answer.figures[0]).toMatchObject({ year: 2025, printed: '90.1%', value: expect.closeTo(90.1, 1) });
    const after = await airLeaf(api.leader, 2025);
    expect(after.value).toBe('90.1%');
    expect(after.status).not.toBe('noData');
    const queue = (await api.reviewer({ method: 'GET', url: `/api/plans/${PLAN}/review` })).json() as { figures: Array<{ number: string; printed: string; origin: string; review: string; provenance: { stations: Array<{ name: string; validDays: number; counted: boolean }>; editions: Array<{ edition: string; days: number }> } | null }> };
    const f = queue.figures.find((x) => x.number === '7' && x.printed === '90.1%')!;
    expect(f).toMatchObject({ origin: 'computed', review: 'submitted' });
    expect(f.provenance!.stations).toEqual([expect.objectContaining({ name: '县政府', validDays: 365, counted: true })]);
    expect(f.provenance!.editions).toEqual([expect.objectContaining({ edition: expect.stringContaining('HJ 633-2012'), days: 365 })]);
  });

  it('a person’s figure is kept beside the computed one, never overwritten', async () => {
    const db = api.store.db;
    // a figure the unit entered for 2025 (as if before the link): origin 'entry'
    await db.query(`UPDATE observations SET origin = 'entry', printed = '88.0%' WHERE origin = 'computed'`);
    const r = await api.office({ method: 'POST', url: `/api/plans/${PLAN}/monitoring/compute`, payload: { year: 2025 } });
    expect(r.json()).toMatchObject({ computed: 1, keptBeside: 1 });
    expect(r.json().figures[0]).toMatchObject({ printed: '90.1%', entered: { printed: '88.0%', origin: 'entry' } });
    expect((await airLeaf(api.leader, 2025)).value).toBe('88.0%');
  });

  it('removing the link keeps the figures; removing it twice is refused in words', async () => {
    const body = { ...AIR_ITEM };
    expect((await api.clerk({ method: 'DELETE', url, payload: body })).statusCode).toBe(403);
    const r = await api.office({ method: 'DELETE', url, payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.json().links).toEqual([]);
    const again = await api.office({ method: 'DELETE', url, payload: body });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('优良天数比例');
    expect((await db(api).query('SELECT 1 FROM computed_figures')).rows).toHaveLength(1);
  });
});

const db = (api: Api) => api.store.db;

// The upload, on both engines, with the county year of test/helpers/monitoringYear.ts (by construction: 优良天数
// 346 of 365 → 94.79% → "94.8%"; the 县控 station AQ004 has seven months only and is reported, not averaged).
describe.each(ENGINES)('uploading monitoring files (%s)', (engine) => {
  let api: Api;
  const imports = (q: string) => `/api/plans/${PLAN}/monitoring/imports${q}`;
  const csv = (text: string) => ({ payload: Buffer.from(text, 'utf8'), headers: { 'content-type': 'text/csv' } });
  /** what the store holds of monitoring data: a refused file must leave it as it was */
  const held = async () =>
    (
      await api.store.db.query<{ s: number; h: number; w: number; i: number }>(
        'SELECT (SELECT count(*) FROM stations)::int AS s, (SELECT count(*) FROM air_hours)::int AS h, (SELECT count(*) FROM water_samples)::int AS w, (SELECT count(*) FROM monitoring_imports)::int AS i',
      )
    ).rows[0];
  beforeAll(async () => {
    api = await start(engine);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('a clerk may not upload; the station list lands for the plan office', async () => {
    const before = await held();
    const byClerk = await api.clerk({ method: 'POST', url: imports('?name=站点名单.csv'), ...csv(STATIONS_CSV) });
    expect(byClerk.statusCode).toBe(403);
    expect(await held()).toEqual(before);
    const r = await api.office({ method: 'POST', url: imports('?name=站点名单.csv'), ...csv(STATIONS_CSV) });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'stations', fileName: '站点名单.csv', rows: 7, figures: [] });
    expect(r.json().stations.map((s: { name: string }) => s.name)).toContain('大宁河龙门');
  });

  it('a bad file is refused whole, every problem named by row and column, the store unchanged', async () => {
    const link = await api.office({ method: 'PUT', url: `/api/plans/${PLAN}/monitoring/links`, payload: { ...AIR_ITEM, statistic: 'air.goodDaysShare', stations: ['AQ001', 'AQ002', 'AQ003', 'AQ004'] } });
    expect(link.statusCode).toBe(200);
    const before = await held();
    const bad = [
      '站点编码,监测时间,SO2(μg/m³),NO2(μg/m³),CO(mg/m³),O3(μg/m³),PM10(μg/m³),PM2.5(μg/m³)',
      `AQ001,${YEAR}-03-01 00:00,10,20,0.5,60,50,40`,
      `AQ001,${YEAR}-03-01 00:00,10,20,0.5,60,50,40`, // the same hour twice
      `AQ002,${YEAR}-03-01 00:00,-5,20,0.5,60,50,40`,
      `AQ003,${YEAR}-03-01 00:00,10,20,0.5,60,50,1e9`,
      `AQ001,2099-01-01 00:00,10,20,0.5,60,50,40`,
    ].join('\n');
    const r = await api.office({ method: 'POST', url: imports('?name=bad.csv&kind=air-hours'), ...csv(bad) });
    expect(r.statusCode).toBe(422);
    const e = r.json().error as { counting: string; problems: Array<{ row: number; field: string; value: string; message: string }> };
    expect(e.counting).toBe('row');
    // rows as a spreadsheet shows them (the header is row 1)
    expect(e.problems.map((p) => p.row)).toEqual(expect.arrayContaining([3, 4, 5, 6]));
    expect(e.problems.find((p) => p.row === 4)).toMatchObject({ field: 'SO2(μg/m³)', value: '-5' });
    expect(e.problems.find((p) => p.row === 5)).toMatchObject({ value: '1e9' });
    expect(e.problems.find((p) => p.row === 6)).toMatchObject({ value: expect.stringContaining('2099-01-01'), message: expect.stringContaining('晚于今天') });
    for (const p of e.problems) expect(p.message).not.toMatch(/[{}]|undefined/);
    expect(await held()).toEqual(before);
    // a unit that is not the standard's: the column named with the unit expected
    const unit = await api.office({ method: 'POST', url: imports('?name=unit.csv'), ...csv('站点编码,监测时间,SO2(μg/m³),NO2(μg/m³),CO(μg/m³),O3(μg/m³),PM10(μg/m³),PM2.5(μg/m³)\nAQ001,2025-03-01 00:00,10,20,500,60,50,40') });
    expect(unit.statusCode).toBe(422);
    expect(JSON.stringify(unit.json().error)).toContain('mg/m³');
    expect(await held()).toEqual(before);
  });

  it('a year of hourly data lands; 优良天数比例 is computed (94.8%), the answer names it, and the scorecard follows', async () => {
    expect((await airLeaf(api.leader, YEAR)).value).toBeNull();
    const r = await api.office({ method: 'POST', url: imports(`?name=${encodeURIComponent('巫山县2025年小时数据.csv')}`), ...csv(airHoursCsv()) });
    expect(r.statusCode).toBe(201);
    const a = r.json();
    expect(a).toMatchObject({ kind: 'air-hours', rows: 3 * 365 * 23 + 212 * 23, from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, years: [YEAR] });
    expect(a.stations.map((s: { code: string }) => s.code).sort()).toEqual(['AQ001', 'AQ002', 'AQ003', 'AQ004']);
    const share = Math.round((EXPECTED.goodDaysShare * 100) * 10) / 10; // 94.79 → 94.8
    expect(a.figures).toEqual([{ ...AIR_ITEM, name: '环境空气质量（优良天数比例）', year: YEAR, before: null, after: `${share}%` }]);
    expect((await airLeaf(api.leader, YEAR)).value).toBe(`${share}%`);
    // the 县控 station with seven months is reported, not averaged
    const figures = (await api.leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/figures?year=${YEAR}` })).json() as Array<{ provenance: { stations: Array<{ code: string; counted: boolean; reason: string | null }> } }>;
    expect(figures[0]!.provenance.stations.find((s) => s.code === EXPECTED.shortStation)).toMatchObject({ counted: false, reason: 'days' });
    // the same file again: every hour is stored already, so it is refused unless replace=true; replacing changes no figure
    const again = await api.office({ method: 'POST', url: imports('?name=again.csv'), ...csv(airHoursCsv()) });
    expect(again.statusCode).toBe(422);
    const replaced = await api.office({ method: 'POST', url: imports('?name=again.csv&replace=true'), ...csv(airHoursCsv()) });
    expect(replaced.statusCode).toBe(201);
    expect(replaced.json().figures).toEqual([]);
  }, 120_000);

  it('bounds: a file larger than 64 MB is refused naming both sizes; a kind that does not exist, an empty body, an unknown query key', async () => {
    const big = await api.office({ method: 'POST', url: imports('?name=big.csv'), payload: Buffer.from('x'), headers: { 'content-type': 'text/csv', 'content-length': String(70 * 1024 * 1024) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/big\.csv.*70 MB.*64 MB/);
    // a body whose length is not announced, running past the bound: refused naming the bound
    const chunks = Readable.from((function* () {
      for (let i = 0; i < 65; i++) yield Buffer.alloc(1024 * 1024, 0x78);
    })());
    const streamed = await api.office({ method: 'POST', url: imports('?name=stream.csv'), payload: chunks, headers: { 'content-type': 'text/csv' } });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.message).toMatch(/stream\.csv.*64 MB/);
    // above the attachments' 10 MB, within the 64 MB: read and checked (here refused for its content), not refused for its size
    const twelve = await api.office({ method: 'POST', url: imports('?name=x.csv'), payload: Buffer.alloc(12 * 1024 * 1024, 0x78), headers: { 'content-type': 'application/octet-stream' } });
    expect(twelve.statusCode, twelve.body.slice(0, 300)).not.toBe(413);
    expect([400, 422]).toContain(twelve.statusCode);
    const kind = await api.office({ method: 'POST', url: imports('?kind=hours'), ...csv(STATIONS_CSV) });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toContain('hours');
    expect((await api.office({ method: 'POST', url: imports(''), payload: Buffer.alloc(0), headers: { 'content-type': 'text/csv' } })).statusCode).toBe(400);
    expect((await api.office({ method: 'POST', url: imports('?plan=x'), ...csv(STATIONS_CSV) })).statusCode).toBe(400);
  });
});

describe('uploading an .xlsx workbook (PGlite)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await start('pglite');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('a station list then a month of hourly data, both as workbooks, land through the web', async () => {
    const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const [header, ...rows] = STATION_LIST.split('\r\n').map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')).slice(0, 12));
    const list = await api.office({ method: 'POST', url: `/api/plans/${PLAN}/monitoring/imports?name=${encodeURIComponent('站点名单.xlsx')}`, payload: await toXlsx(header!, rows), headers: xlsx });
    expect(list.statusCode, list.body).toBe(201);
    expect(list.json()).toMatchObject({ kind: 'stations', rows: 6 });
    const hours = await api.office({ method: 'POST', url: `/api/plans/${PLAN}/monitoring/imports?name=${encodeURIComponent('一月小时数据.xlsx')}`, payload: await toXlsx(HOURLY_HEADER, hourlyRows(2)), headers: xlsx });
    expect(hours.statusCode, hours.body).toBe(201);
    expect(hours.json()).toMatchObject({ kind: 'air-hours', fileName: '一月小时数据.xlsx', rows: 3 * 2 * 24, from: '2025-01-01', to: '2025-01-02', years: [2025] });
  }, 60_000);
});
