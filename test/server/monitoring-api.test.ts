// The 监测数据 API and its queries over data inserted with SQL: the AQI calendar's counts (no-data days never a
// category), the region's days as station means, exceedances against the GB 3095 limit in force on the date,
// water class by month, computed figures beside a person's figure, and saving a station (office roles only,
// checked, audited, only stations of the plan's region). Expected values are worked by hand from HJ 633 表1
// (IAQI = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo)·(C − BP_Lo) + IAQI_Lo, carried up), GB 3095 and GB 3838 表1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import type { Db } from '../../src/store/db.ts';
import { exceedances, regionCalendar, saveStation, stationDays, waterMonths } from '../../src/store/monitoringQueries.ts';
import { startApi, type Inject, type TestApi } from '../helpers/api.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const OTHER_PLAN = 'qianjiang-apeng-two-mountains';

interface Seeded {
  a: number;
  b: number;
  section: number;
  otherRegion: number;
}

/** 24 hours of one day with the same values every hour (µg/m³, CO mg/m³), or only the first `hours` of them. */
async function day(db: Db, station: number, date: string, v: { so2: number; no2: number; co: number; o3: number; pm10: number; pm25: number }, importId: number, hours = 24) {
  for (let h = 0; h < hours; h++)
    await db.query('INSERT INTO air_hours (station_id, hour, so2, no2, co, o3, pm10, pm25, import_id) VALUES ($1, $2::timestamp, $3, $4, $5, $6, $7, $8, $9)', [
      station,
      `${date} ${String(h).padStart(2, '0')}:00`,
      v.so2,
      v.no2,
      v.co,
      v.o3,
      v.pm10,
      v.pm25,
      importId,
    ]);
}

const clean = { so2: 10, no2: 20, co: 0.5, o3: 60, pm10: 30, pm25: 20 };

/** Two air stations and a section in 巫山县, one station in 黔江区; hours and samples of 2025 and 2026. */
async function seed(db: Db): Promise<Seeded> {
  const region = async (plan: string) => Number((await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [plan])).rows[0]!.region_id);
  const ws = await region(PLAN);
  const qj = await region(OTHER_PLAN);
  const station = async (regionId: number, kind: string, code: string, name: string, extra: { target?: number; lon?: number; lat?: number } = {}) =>
    Number(
      (
        await db.query<{ id: number }>(
          `INSERT INTO stations (region_id, kind, code, name, level, waterbody, target_class, longitude, latitude) VALUES ($1, $2, $3, $4, 'national', $5, $6, $7, $8) RETURNING id`,
          [regionId, kind, code, name, kind === 'air' ? null : 'river', extra.target ?? null, extra.lon ?? null, extra.lat ?? null],
        )
      ).rows[0]!.id,
    );
  const a = await station(ws, 'air', 'WS01', '县政府', { lon: 109.88, lat: 31.07 });
  const b = await station(ws, 'air', 'WS02', '高唐中学', { lon: 109.87, lat: 31.08 });
  const section = await station(ws, 'water', 'WS-W1', '大宁河培石', { target: 3 });
  const otherRegion = await station(qj, 'air', 'QJ01', '黔江城区');
  const imp = Number(
    (await db.query<{ id: number }>(`INSERT INTO monitoring_imports (region_id, kind, file_name, sha256, rows, imported_by) VALUES ($1, 'air-hours', '2025小时.csv', 'x', 0, 'test') RETURNING id`, [ws])).rows[0]!.id,
  );
  // 2025-01-10: PM2.5 50 → IAQI 50 + (50 − 35)/(75 − 35)·50 = 68.75 → 69, the AQI: 良
  await day(db, a, '2025-01-10', { ...clean, pm25: 50 }, imp);
  // 2025-01-11: the largest IAQI is O3 8-h 60 → 30 (PM2.5 20 → 28.6 → 29; PM10 30 → 30): 优
  await day(db, a, '2025-01-11', clean, imp);
  // 2025-01-12: PM2.5 120 → 150 + (120 − 115)/(150 − 115)·50 = 157.1 → 158: 中度污染; above GB 3095-2012's 75
  await day(db, a, '2025-01-12', { ...clean, pm25: 120 }, imp);
  // 2025-01-13: 10 hours only — fewer than the 20 a daily mean needs: 无数据
  await day(db, a, '2025-01-13', { ...clean, pm25: 300 }, imp, 10);
  // 2025-06-10: PM2.5 65 is within GB 3095-2012's 75
  await day(db, a, '2025-06-10', { ...clean, pm25: 65 }, imp);
  // 2026-04-10: PM2.5 65 is above GB 3095-2026's transition limit 60
  await day(db, a, '2026-04-10', { ...clean, pm25: 65 }, imp);
  // station B on 2025-01-11: PM2.5 100; the region's PM2.5 that day is (20 + 100)/2 = 60 → 50 + 25/40·50 = 81.25 → 82: 良
  await day(db, b, '2025-01-11', { ...clean, pm25: 100 }, imp);
  // the other region's station, whose data 巫山县 must not see
  await day(db, otherRegion, '2025-01-11', { ...clean, pm25: 400 }, imp);
  // the section (target Ⅲ): March NH3-N 1.2 → Ⅳ (表1: Ⅲ ≤ 1.0, Ⅳ ≤ 1.5), 超标 (1.2 − 1.0)/1.0 = 0.2; May all Ⅱ
  await db.query(`INSERT INTO water_samples (station_id, sampled_on, sample_values, import_id) VALUES ($1, '2025-03-05', $2::jsonb, $3), ($1, '2025-05-06', $4::jsonb, $3)`, [
    section,
    JSON.stringify({ pH: 7.5, DO: 7, CODMn: 3, 'NH3-N': 1.2, TP: 0.05 }),
    imp,
    JSON.stringify({ pH: 7.6, DO: 7, CODMn: 3, 'NH3-N': 0.3, TP: 0.05 }),
  ]);
  return { a, b, section, otherRegion };
}

describe.each(ENGINES)('monitoring queries (%s)', (engine) => {
  let store: TestStore;
  let s: Seeded;
  beforeAll(async () => {
    store = await openTestStore(engine);
    s = await seed(store.db);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('a station’s calendar counts valid days by category, and every other day of the year as 无数据', async () => {
    const d = await stationDays(store.db, PLAN, s.a, 2025, '2026-12-03');
    const byDate = Object.fromEntries(d.days.map((x) => [x.date, x]));
    expect(byDate['2025-01-10']).toMatchObject({ aqi: 69, category: '良', valid: true, edition: 'HJ 633-2012', primary: ['PM2.5'] });
    expect(byDate['2025-01-11']).toMatchObject({ aqi: 30, category: '优', valid: true, primary: [] });
    expect(byDate['2025-01-12']).toMatchObject({ aqi: 158, category: '中度污染', valid: true });
    expect(byDate['2025-01-13']!.valid).toBe(false);
    expect(byDate['2025-01-13']!.values['PM2.5_24h']).toBeNull();
    // PM2.5 65 in 2025 → 50 + 30/40·50 = 87.5 → 88: 良
    expect(byDate['2025-06-10']).toMatchObject({ aqi: 88, category: '良' });
    // 4 valid days: 优 1, 良 2, 中度污染 1; the other 361 days of 2025 are 无数据, in no category
    expect(d.counts).toEqual({ levels: { '1': 1, '2': 2, '3': 0, '4': 1, '5': 0, '6': 0 }, validDays: 4, goodDays: 3, noData: 365 - 4, through: '2025-12-31' });
  });

  it('a day of 2026-04 is computed by HJ 633-2026 (PM2.5 60 at IAQI 100)', async () => {
    const d = await stationDays(store.db, PLAN, s.a, 2026, '2026-12-03');
    // HJ 633-2026 表3: 60–115 → 100–150; 65 → 100 + 5/55·50 = 104.5 → 105: 轻度污染
    expect(d.days.find((x) => x.date === '2026-04-10')).toMatchObject({ aqi: 105, category: '轻度污染', edition: 'HJ 633-2026' });
    // the year runs: days up to today count, 337 of them (2026-01-01 … 2026-12-03)
    expect(d.counts.through).toBe('2026-12-03');
    expect(d.counts.noData).toBe(337 - 1);
  });

  it('the region’s day is the mean of its stations’ daily values, only of its own stations', async () => {
    const c = await regionCalendar(store.db, PLAN, 2025, '2026-12-03');
    const jan11 = c.days.find((x) => x.date === '2025-01-11')!;
    expect(jan11.values['PM2.5_24h']).toBe(60);
    expect(jan11).toMatchObject({ aqi: 82, category: '良', stations: 2 });
    expect(c.counts.levels).toEqual({ '1': 0, '2': 3, '3': 0, '4': 1, '5': 0, '6': 0 });
    expect(c.counts.noData).toBe(365 - 4);
  });

  it('exceedances are judged against the limit in force on the date', async () => {
    const e2025 = await exceedances(store.db, PLAN, 2025);
    // 2025-01-12 WS01's PM2.5 120 and 2025-01-11 WS02's 100 are above 75 (GB 3095-2012), newest first;
    // 2025-06-10's 65 is within 75; 黔江区's 400 is another region's
    expect(e2025.air.map((x) => [x.date, x.station.code, x.item, x.value, x.limit])).toEqual([
      ['2025-01-12', 'WS01', 'PM2.5_24h', 120, 75],
      ['2025-01-11', 'WS02', 'PM2.5_24h', 100, 75],
    ]);
    expect(e2025.air[0]!.times).toBe(0.6);
    expect(e2025.water).toEqual([
      { date: '2025-03-05', station: { id: s.section, code: 'WS-W1', name: '大宁河培石' }, class: 'Ⅳ', targetClass: 'Ⅲ', exceeding: [{ parameter: 'NH3-N', class: 'Ⅳ', times: 0.2 }] },
    ]);
    const e2026 = await exceedances(store.db, PLAN, 2026);
    // 2026-04-10 PM2.5 65 > 60, GB 3095-2026's transition limit; 超标倍数 5/60 = 0.08
    expect(e2026.air).toEqual([{ date: '2026-04-10', station: { id: s.a, code: 'WS01', name: '县政府' }, item: 'PM2.5_24h', value: 65, limit: 60, edition: 'GB 3095-2026', stage: 'transition', times: 0.08 }]);
  });

  it('water class by month: the month’s class, 无数据 (null) where no sample', async () => {
    const w = await waterMonths(store.db, PLAN, 2025);
    expect(w.sections.map((x) => x.station.code)).toEqual(['WS-W1']);
    const months = w.sections[0]!.months;
    expect(months[2]).toEqual({ month: 3, class: 'Ⅳ', samples: 1, meetsTarget: false });
    // May: CODMn 3 (Ⅱ ≤ 4), NH3-N 0.3 (Ⅱ ≤ 0.5), TP 0.05 (Ⅱ ≤ 0.1), DO 7 (Ⅱ ≥ 6): Ⅱ
    expect(months[4]).toEqual({ month: 5, class: 'Ⅱ', samples: 1, meetsTarget: true });
    expect(months.filter((m) => m.class === null)).toHaveLength(10);
  });

  it('a station is saved with its checks, in one transaction with its audit record', async () => {
    const before = Number((await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stations')).rows[0]!.n);
    await expect(saveStation(store.db, PLAN, null, { kind: 'air', code: 'WS01', name: '重复', longitude: 200, latitude: 31 }, SYSTEM_ACTOR)).rejects.toMatchObject({
      name: 'InvalidBatchError',
      problems: [expect.objectContaining({ field: '经度', value: '200' }), expect.objectContaining({ field: '编码', value: 'WS01' })],
    });
    await expect(saveStation(store.db, PLAN, null, { kind: 'water', code: 'WS-W9', name: '新断面', targetClass: 'Ⅵ' }, SYSTEM_ACTOR)).rejects.toMatchObject({ problems: [expect.objectContaining({ field: '目标水质类别' })] });
    expect(Number((await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stations')).rows[0]!.n)).toBe(before);
    const r = await saveStation(store.db, PLAN, null, { kind: 'water', code: 'WS-W9', name: '新断面', targetClass: 'III', waterbody: 'river', longitude: '109.9', latitude: '31.1' }, SYSTEM_ACTOR);
    expect(r.created).toBe(true);
    const row = (await store.db.query<{ target_class: number; longitude: number }>('SELECT target_class, longitude FROM stations WHERE id = $1', [r.id])).rows[0]!;
    expect([Number(row.target_class), Number(row.longitude)]).toEqual([3, 109.9]);
    const audit = await store.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'station' AND entity_id = $1", [String(r.id)]);
    expect(audit.rows.map((x) => x.action)).toEqual(['station.create']);
    // another region's station is not one of this plan's
    await expect(saveStation(store.db, PLAN, s.otherRegion, { kind: 'air', code: 'QJ01', name: '改名' }, SYSTEM_ACTOR)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('the monitoring API (PGlite)', () => {
  let api: TestApi;
  let s: Seeded;
  let office: Inject;
  let clerk: Inject;
  let leader: Inject;
  beforeAll(async () => {
    api = await startApi();
    s = await seed(api.store.db);
    office = await api.as('ws-office', [{ role: 'planOffice', region: '巫山县' }]);
    clerk = await api.as('ws-clerk', [{ role: 'clerk', region: '巫山县', unit: '县生态环境局' }]);
    leader = await api.as('ws-leader', [{ role: 'leader', region: '巫山县' }]);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('readers see the stations with their latest state; the calendar counts 无数据 apart', async () => {
    const r = await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/stations` });
    expect(r.statusCode).toBe(200);
    const stations = r.json() as Array<{ code: string; latestAir: { at: string; aqi: number; edition: string } | null; latestWater: { class: string } | null }>;
    expect(stations.map((x) => x.code)).toEqual(['WS01', 'WS02', 'WS-W1']);
    // WS01's latest hour is 2026-04-10 23:00 (HJ 633-2026): PM2.5 1-h 65 → 105 against the daily breakpoints
    expect(stations[0]!.latestAir).toMatchObject({ at: '2026-04-10T23:00', aqi: 105, edition: 'HJ 633-2026' });
    expect(stations[2]!.latestWater).toMatchObject({ class: 'Ⅱ' });
    const c = await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/calendar?year=2025` });
    expect(c.json().counts).toMatchObject({ validDays: 4, noData: 361 });
  });

  it('another region’s station id is refused, for reading and for editing', async () => {
    expect((await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/stations/${s.otherRegion}/days?year=2025` })).statusCode).toBe(404);
    const put = await office({ method: 'PUT', url: `/api/plans/${PLAN}/monitoring/stations/${s.otherRegion}`, payload: { kind: 'air', code: 'QJ01', name: '改名' } });
    expect(put.statusCode).toBe(404);
    expect(put.json().error.message).toContain('巫山县');
    expect((await api.store.db.query<{ name: string }>('SELECT name FROM stations WHERE id = $1', [s.otherRegion])).rows[0]!.name).toBe('黔江城区');
  });

  it('a clerk cannot edit stations; the plan office can, and is refused with the field named', async () => {
    const body = { kind: 'air', code: 'WS01', name: '县政府（新址）', level: 'national', longitude: 109.9, latitude: 31.05 };
    const byClerk = await clerk({ method: 'PUT', url: `/api/plans/${PLAN}/monitoring/stations/${s.a}`, payload: body });
    expect(byClerk.statusCode).toBe(403);
    expect((await clerk({ method: 'POST', url: `/api/plans/${PLAN}/monitoring/stations`, payload: { ...body, code: 'WS09' } })).statusCode).toBe(403);
    const ok = await office({ method: 'PUT', url: `/api/plans/${PLAN}/monitoring/stations/${s.a}`, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id: s.a, created: false });
    const bad = await office({ method: 'PUT', url: `/api/plans/${PLAN}/monitoring/stations/${s.a}`, payload: { ...body, code: 'WS02' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems[0]).toMatchObject({ field: '编码', value: 'WS02' });
    expect(bad.json().error.message).toContain('高唐中学');
    const audit = await api.store.db.query<{ actor_name: string; action: string }>("SELECT actor_name, action FROM audit_log WHERE entity = 'station' ORDER BY id");
    expect(audit.rows).toEqual([{ actor_name: expect.stringContaining('ws-office'), action: 'station.update' }]);
  });

  it('query parameters are bounded: the year’s range, station ids as digits, unknown body keys', async () => {
    const year = await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/calendar?year=1990` });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.message).toContain('1990');
    expect((await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/calendar?year=20x5` })).statusCode).toBe(400);
    expect((await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/trends?year=2025&station=1;DROP` })).statusCode).toBe(400);
    expect((await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/stations/abc/days` })).statusCode).toBe(400);
    const extra = await office({ method: 'POST', url: `/api/plans/${PLAN}/monitoring/stations`, payload: { kind: 'air', code: 'WS10', name: 'x', regionId: 9 } });
    expect(extra.statusCode).toBe(400);
  });

  it('computed figures: the figure with its provenance, and a person’s figure kept beside it', async () => {
    const db = api.store.db;
    const o = (
      await db.query<{ indicator_id: number; part: string; year: number; printed: string; region_id: number }>(
        `SELECT o.indicator_id, o.part, o.year, o.printed, o.region_id FROM observations o JOIN plans p ON p.region_id = o.region_id
          WHERE p.id = $1 AND o.origin <> 'computed' ORDER BY o.year DESC, o.indicator_id LIMIT 1`,
        [PLAN],
      )
    ).rows[0]!;
    const provenance = {
      statistic: 'air.goodDaysShare',
      stations: [
        { code: 'WS01', name: '县政府', validDays: 340, counted: true, reason: null },
        { code: 'WS02', name: '高唐中学', validDays: 120, counted: false, reason: 'days' },
      ],
      editions: [{ edition: 'HJ 633-2012', from: `${o.year}-01-01`, to: `${o.year}-12-31`, days: 340 }],
      validDays: 340,
      imports: [{ fileName: '2025小时.csv', importedAt: '2026-01-05T08:00:00Z' }],
      computedAt: '2026-01-05T08:01:00Z',
    };
    await db.query(`INSERT INTO computed_figures (plan_id, indicator_id, part, year, region_id, statistic, value, printed, provenance) VALUES ($1, $2, $3, $4, $5, 'air.goodDaysShare', 91.2, '91.2%', $6::jsonb)`, [
      PLAN,
      o.indicator_id,
      o.part,
      o.year,
      o.region_id,
      JSON.stringify(provenance),
    ]);
    const r = await leader({ method: 'GET', url: `/api/plans/${PLAN}/monitoring/figures` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([expect.objectContaining({ year: Number(o.year), printed: '91.2%', value: 91.2, provenance, entered: expect.objectContaining({ printed: o.printed }) })]);
  });
});
