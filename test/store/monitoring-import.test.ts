// Monitoring files into the store, on both engines, as a plan office imports them: the county's station list, a
// month of hourly air data for three stations (CSV and the same in .xlsx), water samples; and bad files refused
// whole, each problem named by row, column and value, with the store unchanged.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, User } from '../../src/auth/roles.ts';
import { ForbiddenError } from '../../src/store/access.ts';
import { InvalidBatchError } from '../../src/store/batch.ts';
import { importMonitoringFile, type ImportInput } from '../../src/store/monitoringImport.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';
import { AIR_STATIONS, HOURLY_HEADER, hourlyRows, hourlyValue, MARKED, STATION_LIST, toCsv, toGb18030, toXlsx, WATER_SAMPLES } from '../fixtures/monitoring/make.ts';

const PLAN = 'wushan-demo-county';
const TODAY = '2026-06-30';

async function actorFor(store: TestStore, role: User['roles'][number]['role']): Promise<Actor> {
  const region = await store.db.query<{ id: number }>("SELECT id FROM regions WHERE name = '巫山县'");
  const user: User = { id: 0, username: role, displayName: `创建办 ${role}`, roles: [{ role, regionId: region.rows[0]!.id, unit: null }] };
  return { userId: null, name: `创建办 ${role}`, ip: null, user };
}

const input = (fileName: string, data: string | Buffer, extra: Partial<ImportInput> = {}): ImportInput => {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    planId: PLAN,
    fileName,
    size: bytes.length,
    today: TODAY,
    // in pieces, as a file is read from disk, cut anywhere (inside characters and quoted cells too)
    open: async function* () {
      for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
    },
    ...extra,
  };
};

async function refusal(p: Promise<unknown>): Promise<InvalidBatchError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(InvalidBatchError);
  return e as InvalidBatchError;
}

describe.each(ENGINES)('importing monitoring files on %s', (engine) => {
  let store: TestStore;
  let office: Actor;
  const counts = async () => {
    const r = await store.db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM stations) AS stations, (SELECT count(*) FROM air_hours) AS hours, (SELECT count(*) FROM air_days) AS days,
              (SELECT count(*) FROM water_samples) AS samples, (SELECT count(*) FROM monitoring_imports) AS imports`,
    );
    return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)])) as Record<'stations' | 'hours' | 'days' | 'samples' | 'imports', number>;
  };
  const hour = async (code: string, at: string) =>
    (await store.db.query<Record<string, unknown>>(`SELECT h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25, h.marks FROM air_hours h JOIN stations s ON s.id = h.station_id WHERE s.code = $1 AND h.hour = $2::timestamp`, [code, at])).rows[0];

  beforeAll(async () => {
    store = await openTestStore(engine);
    office = await actorFor(store, 'planOffice');
  }, 120_000);
  afterAll(() => store?.close());

  it('reads the station list: kind, level, waterbody, target class, coordinates; a second import updates, never doubles', async () => {
    const r = await importMonitoringFile(store.db, input('站点名单.csv', `\uFEFF${STATION_LIST}`), office);
    expect(r).toMatchObject({ kind: 'stations', rows: 6, from: null, to: null, years: [] });
    expect(r.stationIds).toHaveLength(6);
    const s = await store.db.query<Record<string, unknown>>('SELECT code, name, kind, level, waterbody, water_name, target_class, township, longitude, counts_from FROM stations ORDER BY code');
    const by = Object.fromEntries(s.rows.map((x) => [x.code, x]));
    expect(by['5001A']).toMatchObject({ name: '县政府', kind: 'air', level: 'national', township: '高唐街道', longitude: 109.878 });
    expect(by['5002A']).toMatchObject({ name: '县监测站, 新址', kind: 'air', level: 'municipal' }); // a quoted cell with a comma
    expect(by['W001']).toMatchObject({ kind: 'water', waterbody: 'river', water_name: '长江', target_class: 2 }); // "II"
    expect(by['W002']).toMatchObject({ target_class: 3 }); // "Ⅲ类"
    expect(by['S001']).toMatchObject({ kind: 'drinking', waterbody: 'reservoir', target_class: 3 }); // "3"
    const again = await importMonitoringFile(store.db, input('站点名单.csv', STATION_LIST.replace('县政府', '县政府（新）')), office);
    expect(again.stationIds).toEqual(r.stationIds);
    expect((await counts()).stations).toBe(6);
    expect((await store.db.query('SELECT 1 FROM stations WHERE name = $1', ['县政府（新）'])).rows).toHaveLength(1);
  });

  it('a clerk may not import; the plan office may', async () => {
    const clerk = await actorFor(store, 'clerk');
    await expect(importMonitoringFile(store.db, input('站点名单.csv', STATION_LIST), clerk)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('imports a month of hourly data for three stations in one go, with the platform’s marks kept and the provenance recorded', async () => {
    const csv = toCsv(HOURLY_HEADER, hourlyRows());
    const before = await counts();
    const progress: number[] = [];
    const r = await importMonitoringFile(store.db, input('2025年1月小时数据.csv', csv, { onProgress: (p) => progress.push(p.rows) }), office);
    expect(r).toMatchObject({ kind: 'air-hours', rows: 31 * 24 * 3, from: '2025-01-01', to: '2025-01-31', years: [2025] });
    expect(r.stationIds).toHaveLength(3);
    expect(progress.at(-1)).toBe(31 * 24 * 3);
    expect((await counts()).hours).toBe(before.hours + 2232);
    // a value as the file gives it: station 5002A (index 1), 15 January 13:00
    const v = await hour('5002A', '2025-01-15 13:00');
    expect(v).toMatchObject({ so2: hourlyValue(1, 15, 13, 0), no2: hourlyValue(1, 15, 13, 1), o3: hourlyValue(1, 15, 13, 3), pm25: hourlyValue(1, 15, 13, 5) });
    expect(v!.co).toBeCloseTo(hourlyValue(1, 15, 13, 2), 5);
    // "35H": the value is not taken, the mark is kept; "BB" alone likewise; "—" is no value with its mark; "" is no value
    expect(await hour('5003A', '2025-01-05 10:00')).toMatchObject({ pm25: null, marks: { 'PM2.5': '35H' } });
    expect(await hour('5003A', '2025-01-06 03:00')).toMatchObject({ pm10: null, marks: { PM10: 'BB' } });
    expect(await hour('5001A', '2025-01-09 23:00')).toMatchObject({ o3: null, marks: { O3: '—' } });
    expect(await hour('5002A', '2025-01-12 00:00')).toMatchObject({ so2: null, marks: null });
    expect(MARKED).toHaveLength(4);
    const imp = (await store.db.query<Record<string, unknown>>('SELECT file_name, sha256, rows, kind FROM monitoring_imports WHERE id = $1', [r.importId])).rows[0];
    expect(imp).toEqual({ file_name: '2025年1月小时数据.csv', sha256: createHash('sha256').update(csv).digest('hex'), rows: 2232, kind: 'air-hours' });
    const audit = await store.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'monitoring_import' AND entity_id = $1", [String(r.importId)]);
    expect(audit.rows.map((a) => a.action)).toEqual(['monitoring.import']);
  });

  it('refuses the same hours a second time, naming the rows, unless asked to replace them', async () => {
    const csv = toCsv(HOURLY_HEADER, hourlyRows(1));
    const before = await counts();
    const e = await refusal(importMonitoringFile(store.db, input('again.csv', csv), office));
    expect(e.problems[0]).toMatchObject({ row: 2, field: '监测时间' });
    expect(e.problems[0]!.message).toContain('--replace');
    expect(await counts()).toEqual(before);
    const r = await importMonitoringFile(store.db, input('again.csv', csv, { replace: true }), office);
    expect(r.rows).toBe(72);
    expect({ ...(await counts()), imports: 0 }).toEqual({ ...before, imports: 0 });
  });

  it('reads the same data from an .xlsx workbook', async () => {
    const rows = hourlyRows(2);
    const r = await importMonitoringFile(store.db, input('小时数据.xlsx', await toXlsx(HOURLY_HEADER, rows), { replace: true }), office);
    expect(r).toMatchObject({ kind: 'air-hours', rows: 2 * 24 * 3, from: '2025-01-01', to: '2025-01-02' });
    expect(await hour('5001A', '2025-01-02 07:00')).toMatchObject({ pm25: hourlyValue(0, 2, 7, 5), pm10: hourlyValue(0, 2, 7, 4) });
  });

  it('reads a file whose hours are the end of the hour (1–24) as hours starting at 0', async () => {
    const csv = ['点位名称,日期,小时,PM2.5,PM10', ...Array.from({ length: 24 }, (_, i) => `巫峡镇,2025-03-01,${i + 1},${i + 10},${i + 40}`)].join('\n');
    const r = await importMonitoringFile(store.db, input('end-of-hour.csv', csv), office);
    expect(r).toMatchObject({ rows: 24, from: '2025-03-01', to: '2025-03-01' });
    expect(await hour('5003A', '2025-03-01 00:00')).toMatchObject({ pm25: 10 }); // written "1": the hour 00:00–01:00
    expect(await hour('5003A', '2025-03-01 23:00')).toMatchObject({ pm25: 33 }); // written "24"
  });

  it('reads an archive layout: the date in year, month and day columns, -9999 for a missing value', async () => {
    const csv = ['siteID,year,month,day,hour,longitude,latitude,SO2,NO2,CO,O3,PM10,PM2.5', '5001A,2024,11,24,0,109.878,31.074,49,70,1.247,73,138,98', '5001A,2024,11,24,1,109.878,31.074,-9999,-9999,-9999,-9999,-9999,-9999'].join('\n');
    const r = await importMonitoringFile(store.db, input('archive.csv', csv), office);
    expect(r).toMatchObject({ kind: 'air-hours', rows: 2, from: '2024-11-24', to: '2024-11-24' });
    expect(await hour('5001A', '2024-11-24 00:00')).toMatchObject({ so2: 49, pm25: 98 });
    expect(await hour('5001A', '2024-11-24 01:00')).toMatchObject({ so2: null, pm25: null, marks: { SO2: '-9999', 'PM2.5': '-9999' } });
  });

  it('reads the wide layout of the national platform’s archives: a row per hour and item, a column per station', async () => {
    const types = ['AQI', 'PM2.5', 'PM2.5_24h', 'PM10', 'PM10_24h', 'SO2', 'SO2_24h', 'NO2', 'NO2_24h', 'O3', 'O3_24h', 'O3_8h', 'O3_8h_24h', 'CO', 'CO_24h'];
    const value = (type: string, hour: number, station: number) => (type === 'CO' ? '0.7' : type === 'PM2.5' ? String(20 + hour + station) : type.includes('_') || type === 'AQI' ? '999' : String(30 + hour));
    const lines = ['date,hour,type,1001A,5001A,5002A,5003A'];
    for (const hour of [0, 1]) for (const type of types) lines.push(`20250401,${hour},${type},1,${value(type, hour, 0)},${value(type, hour, 1)},${hour === 1 && type === 'PM10' ? '-5' : value(type, hour, 2)}`);
    const e = await refusal(importMonitoringFile(store.db, input('china_sites_20250401.csv', lines.join('\n')), office));
    expect(e.problems.map((p) => [p.row, p.field, p.value])).toEqual([[2 + 15 + 3, '5003A', '-5']]); // the PM10 row of hour 1, the station's column
    const r = await importMonitoringFile(store.db, input('china_sites_20250401.csv', lines.join('\n').replace(',-5', ',47')), office);
    expect(r).toMatchObject({ kind: 'air-hours', rows: 6, from: '2025-04-01', to: '2025-04-01' }); // 2 hours × 3 stations of the region; 1001A is not one
    expect(await hour('5002A', '2025-04-01 01:00')).toMatchObject({ pm25: 22, pm10: 31, so2: 31, no2: 31, o3: 31, marks: null });
    expect((await hour('5002A', '2025-04-01 01:00'))!.co).toBeCloseTo(0.7, 5);
  });

  it('refuses a wrong unit in a header, naming the column and both units, before reading a row', async () => {
    const before = await counts();
    const csv = toCsv(HOURLY_HEADER.map((h) => (h.startsWith('CO') ? 'CO(μg/m³)' : h.startsWith('PM10') ? 'PM10(mg/m3)' : h)), hourlyRows(1));
    const e = await refusal(importMonitoringFile(store.db, input('units.csv', csv, { replace: true }), office));
    expect(e.problems.map((p) => [p.row, p.field])).toEqual([[1, 'CO(μg/m³)'], [1, 'PM10(mg/m3)']]);
    expect(e.problems[0]!.message).toContain('μg/m³');
    expect(e.problems[0]!.message).toContain('mg/m³');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad rows — a duplicate hour, −5, 1e9, a date in the future, an unknown station — each named, the store unchanged', async () => {
    const rows = hourlyRows(1).map((r) => [...r]);
    rows[5]![2] = rows[2]![2]!; // row 7 repeats row 4's station and hour
    rows[5]![0] = rows[2]![0]!;
    rows[10]![7] = '-5'; // row 12 PM10
    rows[11]![8] = '1e9'; // row 13 PM2.5
    rows[12]![2] = '2026-07-01 08:00'; // row 14: after TODAY
    rows[13]![0] = '9999A'; // row 15: no such station
    rows[13]![1] = '不存在的站';
    rows[14]![5] = 'abc'; // row 16 CO
    const before = await counts();
    const e = await refusal(importMonitoringFile(store.db, input('bad.csv', toCsv(HOURLY_HEADER, rows), { replace: true }), office));
    const named = e.problems.map((p) => [p.row, p.field, p.value]);
    expect(named).toEqual([
      [7, '监测时间', rows[2]![2]],
      [12, 'PM10(μg/m³)', '-5'],
      [13, 'PM2.5(μg/m³)', '1e9'],
      [14, '监测时间', '2026-07-01 08:00'],
      [15, '站点编码', '9999A'],
      [16, 'CO(mg/m³)', 'abc'],
    ]);
    expect(e.problems[0]!.message).toContain('第 4 行');
    expect(e.problems[4]!.message).toContain('请先导入站点名单');
    expect(e.message).toContain('bad.csv 第12行');
    expect(await counts()).toEqual(before);
  });

  it('names the first 50 problems and says the rest were not checked', async () => {
    const rows = hourlyRows(1).map((r) => [...r.slice(0, 8), '-5', '', '']);
    const e = await refusal(importMonitoringFile(store.db, input('many.csv', toCsv(HOURLY_HEADER, rows), { replace: true }), office));
    expect(e.problems).toHaveLength(51);
    expect(e.problems[49]).toMatchObject({ row: 51, field: 'PM2.5(μg/m³)', value: '-5' });
    expect(e.problems[50]!.message).toContain('50');
  });

  it('says what a header lacks', async () => {
    const e = await refusal(importMonitoringFile(store.db, input('nohour.csv', '站点名称,日期,PM2.5\n巫峡镇,2025-01-01,30\n', { kind: 'air-hours' }), office));
    expect(e.problems).toHaveLength(1);
    expect(e.message).toContain('nohour.csv 第1行 日期');
    expect(e.problems[0]!.message).toContain('小时');
  });

  it('reads a GB18030 CSV, as Chinese Excel saves one', async () => {
    const text = ['断面名称,采样日期,pH,溶解氧,氨氮', '培石,2025-03-10,7.7,9.0,0.11', '"大宁河龙门",2025-03-11,8.1,8.4,0.25'].join('\r\n');
    const r = await importMonitoringFile(store.db, input('水质.csv', toGb18030(text)), office);
    expect(r).toMatchObject({ kind: 'water', rows: 2, from: '2025-03-10', to: '2025-03-11' });
  });

  it('imports water samples, a value below the detection limit kept as its mark', async () => {
    const r = await importMonitoringFile(store.db, input('水质监测.csv', `巫山县地表水水质监测结果（2025年）\n${WATER_SAMPLES}`), office); // a title row above the headers
    expect(r).toMatchObject({ kind: 'water', rows: 4, from: '2025-01-10', to: '2025-02-10', years: [2025] });
    // rows are named as the spreadsheet shows them, the title being row 1
    const e = await refusal(importMonitoringFile(store.db, input('水质监测.csv', `巫山县地表水水质监测结果（2025年）\n${WATER_SAMPLES.replace('7.8,9.1', '15,9.1')}`, { replace: true }), office));
    expect(e.problems.map((p) => [p.row, p.field, p.value])).toEqual([[3, 'pH', '15']]);
    const s = await store.db.query<{ sample_values: Record<string, number>; marks: Record<string, string> | null }>(
      "SELECT w.sample_values, w.marks FROM water_samples w JOIN stations s ON s.id = w.station_id WHERE s.code = 'W001' AND w.sampled_on = '2025-02-10'",
    );
    expect(s.rows[0]).toEqual({ sample_values: { pH: 7.9, DO: 8.8, CODMn: 2.1, 'NH3-N': 0.15, fecal_coliform: 900 }, marks: { TP: '0.01L' } });
  });

  it('imports daily values from a file with a date column only', async () => {
    const csv = ['站点名称,日期,SO2_24h,NO2_24h,CO_24h,O3_8h,PM10_24h,PM2.5_24h', '巫峡镇,2024-12-30,6,20,0.7,55,60,41', '巫峡镇,2024-12-31,7,24,0.8,50,72,50'].join('\n');
    const r = await importMonitoringFile(store.db, input('日数据.csv', csv), office);
    expect(r).toMatchObject({ kind: 'air-days', rows: 2, from: '2024-12-30', to: '2024-12-31', years: [2024] });
    const d = await store.db.query<Record<string, number>>("SELECT so2, o3_8h, pm25 FROM air_days d JOIN stations s ON s.id = d.station_id WHERE s.code = '5003A' AND d.day = '2024-12-31'");
    expect(d.rows[0]).toEqual({ so2: 7, o3_8h: 50, pm25: 50 });
  });
});
