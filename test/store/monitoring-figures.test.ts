// Monitoring data into the plans' indicators, end to end on both engines: stations and a year of hourly data (put
// into the tables directly, as the import would), links set by the plan office, figures computed into the
// indicators' observations with provenance, the scorecard following, a person's figure never overwritten.
// Every expected figure is worked by hand below from the standards' rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { runCli } from '../../src/cli/run.ts';
import { computeMonitoringFigures, listMonitoringLinks, monitoringFigures, MonitoringFigureError, recomputeAfterImport, removeMonitoringLink, setMonitoringLink } from '../../src/app/monitoringFigures.ts';
import type { Actor, User } from '../../src/auth/roles.ts';
import { ForbiddenError } from '../../src/store/access.ts';
import { listAudit } from '../../src/store/audit.ts';
import type { Queryable } from '../../src/store/db.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { publishYear } from '../../src/store/review.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const QJ = 'qianjiang-apeng-two-mountains'; // two-mountains-base: 1 优良天数比例 >90%, 2 饮用水达标率 100%, 3 地表水Ⅲ类比例 >90%
const WS = 'wushan-demo-county'; // chongqing-demo-county 5 环境空气质量（PM2.5浓度） ≤37 ug/m3

async function regionOf(db: Queryable, plan: string): Promise<number> {
  return (await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [plan])).rows[0]!.region_id;
}

async function actorFor(db: Queryable, plan: string, role: User['roles'][number]['role']): Promise<Actor> {
  const user: User = { id: 0, username: role, displayName: role, roles: [{ role, regionId: await regionOf(db, plan), unit: null }] };
  return { userId: null, name: `${role}-user`, ip: '10.0.0.9', user };
}

/** A station row; returns its id. */
async function station(db: Queryable, regionId: number, s: { kind: 'air' | 'water' | 'drinking'; code: string; name: string; waterbody?: string; target?: number; countsFrom?: string }): Promise<number> {
  const r = await db.query<{ id: number }>(
    'INSERT INTO stations (region_id, kind, code, name, waterbody, target_class, counts_from) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [regionId, s.kind, s.code, s.name, s.waterbody ?? null, s.target ?? null, s.countsFrom ?? null],
  );
  return r.rows[0]!.id;
}

async function importRow(db: Queryable, regionId: number, kind: string, fileName: string): Promise<number> {
  const r = await db.query<{ id: number }>("INSERT INTO monitoring_imports (region_id, kind, file_name, sha256, rows, imported_by) VALUES ($1, $2, $3, 'x', 0, 'test') RETURNING id", [regionId, kind, fileName]);
  return r.rows[0]!.id;
}

/**
 * A year of hours at a station: SO2 10, NO2 30, CO 0.8, O3 100, PM10 80 every hour; PM2.5 30, except 90 on the days
 * whose day-of-year is a multiple of 5 (`pmHigh`), and only up to `until` (exclusive) when given.
 */
async function hours(db: Queryable, stationId: number, importId: number, year: number, o: { pmHigh?: number; pm?: number; until?: string } = {}) {
  await db.query(
    `INSERT INTO air_hours (station_id, hour, so2, no2, co, o3, pm10, pm25, import_id)
     SELECT $1, h, 10, 30, 0.8, 100, 80, CASE WHEN extract(doy FROM h)::int % 5 = 0 THEN $4::real ELSE $5::real END, $2
     FROM generate_series(make_timestamp($3::int, 1, 1, 0, 0, 0), make_timestamp($3::int, 12, 31, 23, 0, 0), interval '1 hour') h
     WHERE $6::timestamp IS NULL OR h < $6::timestamp`,
    [stationId, importId, year, o.pmHigh ?? 90, o.pm ?? 30, o.until ?? null],
  );
}

/** Twelve monthly samples of a section: all Ⅱ (DO 7, CODMn 3, NH3-N 0.3, TP 0.02), NH3-N as given. */
async function samples(db: Queryable, stationId: number, importId: number, year: number, nh3n = 0.3) {
  for (let m = 1; m <= 12; m++)
    await db.query('INSERT INTO water_samples (station_id, sampled_on, sample_values, import_id) VALUES ($1, $2, $3::jsonb, $4)', [
      stationId,
      `${year}-${String(m).padStart(2, '0')}-10`,
      JSON.stringify({ pH: 7.5, DO: 7, CODMn: 3, 'NH3-N': nh3n, TP: 0.02, TN: 4 }),
      importId,
    ]);
}

const resultOf = async (db: Queryable, plan: string, year: number, framework: string, number: string, part?: string) => {
  const a = await assessPlan(db, plan, year);
  const item = a.frameworks.find((f) => f.id === framework)!.results.find((r) => r.number === number)!;
  if (!part) return item as unknown as { status: string; value: unknown; observation: { printed: string; source: unknown } | null };
  return (item as unknown as { parts: Array<{ part: string; status: string; value: unknown; observation: { printed: string; source: unknown } | null }> }).parts.find((p) => p.part === part)!;
};

describe.each(ENGINES)('monitoring figures on %s', (engine) => {
  let store: TestStore;
  let office: Actor;
  let clerk: Actor;
  let wsOffice: Actor;
  let ids: Record<string, number>;
  beforeAll(async () => {
    store = await openTestStore(engine);
    const db = store.db;
    office = await actorFor(db, QJ, 'planOffice');
    clerk = await actorFor(db, QJ, 'clerk');
    wsOffice = await actorFor(db, WS, 'planOffice');
    const qj = await regionOf(db, QJ);
    const ws = await regionOf(db, WS);
    ids = {
      A: await station(db, qj, { kind: 'air', code: 'KQ01', name: '城区站' }),
      B: await station(db, qj, { kind: 'air', code: 'KQ02', name: '新建站' }),
      W1: await station(db, qj, { kind: 'water', code: 'DM01', name: '阿蓬江两河口', waterbody: 'river', target: 2 }),
      W2: await station(db, qj, { kind: 'water', code: 'DM02', name: '黔江河正阳', waterbody: 'river', target: 3 }),
      D1: await station(db, qj, { kind: 'drinking', code: 'SY01', name: '白石水库', waterbody: 'reservoir' }),
      WA: await station(db, ws, { kind: 'air', code: 'WS01', name: '巫山县城站' }),
    };
    const airImport = await importRow(db, qj, 'air-hours', '黔江2025小时数据.csv');
    await hours(db, ids.A!, airImport, 2025);
    // B: PM2.5 200 every hour, and nothing from 2025-10-28: 300 valid days, not counted (would spoil the share)
    await hours(db, ids.B!, airImport, 2025, { pm: 200, pmHigh: 200, until: '2025-10-28' });
    await hours(db, ids.A!, airImport, 2024);
    const waterImport = await importRow(db, qj, 'water', '黔江2025水质.csv');
    await samples(db, ids.W1!, waterImport, 2025);
    await samples(db, ids.W2!, waterImport, 2025, 1.2); // NH3-N 1.2: 1.0 < 1.2 ≤ 1.5 → Ⅳ
    await samples(db, ids.D1!, waterImport, 2025);
    await hours(db, ids.WA!, await importRow(db, ws, 'air-hours', '巫山2025小时数据.csv'), 2025);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('a link names stations of the kind its statistic takes; otherwise a refusal naming the station and the statistic', async () => {
    const e = await setMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '1', statistic: 'air.goodDaysShare', stations: ['KQ01', 'DM01'] }, office).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(MonitoringFigureError);
    expect((e as Error).message).toBe('站点“阿蓬江两河口”（DM01）是地表水断面，而“空气质量优良天数比例”只取空气监测站点的数据。');
    const unknown = await setMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '1', statistic: 'air.goodDaysShare', stations: ['KQ99'] }, office).then(() => null, (x: unknown) => x);
    expect((unknown as Error).message).toContain('站点编码“KQ99”不在黔江区的站点名单中');
    const forbidden = await setMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '1', statistic: 'air.goodDaysShare', stations: ['KQ01'] }, clerk).then(() => null, (x: unknown) => x);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(await listMonitoringLinks(store.db, QJ)).toEqual([]);
  });

  it('the office links the indicators; each link is audited', async () => {
    await setMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '1', statistic: 'air.goodDaysShare', stations: ['KQ01', 'KQ02'] }, office);
    await setMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '2', statistic: 'drinking.complianceRate', stations: ['SY01'] }, office);
    await setMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '3', statistic: 'water.shareClass3OrBetter', stations: ['DM01', 'DM02'] }, office);
    await setMonitoringLink(store.db, { plan: WS, framework: 'chongqing-demo-county', number: '5', part: 'PM2.5浓度', statistic: 'air.pm25Mean', stations: ['WS01'] }, wsOffice);
    const links = await listMonitoringLinks(store.db, QJ);
    expect(links.map((l) => [l.number, l.statistic, l.stations.map((s) => s.code)])).toEqual([
      ['1', 'air.goodDaysShare', ['KQ01', 'KQ02']],
      ['2', 'drinking.complianceRate', ['SY01']],
      ['3', 'water.shareClass3OrBetter', ['DM01', 'DM02']],
    ]);
    const audit = await listAudit(store.db, { planId: QJ });
    expect(audit.filter((a) => a.action === 'monitoringLink.set')).toHaveLength(3);
  });

  it('computes a year into the observations: origin computed, provenance, and the scorecard follows', async () => {
    const before = await resultOf(store.db, QJ, 2025, 'two-mountains-base', '1');
    const { figures } = await computeMonitoringFigures(store.db, { plan: QJ, year: 2025 }, office);
    // 优良天数比例: A alone (B has 300 valid days < 324). Days with day-of-year a multiple of 5: 73 (5 … 365), PM2.5 90 →
    // IAQI (HJ 633-2012) 100 + 50/40·15 = 118.75 → 119, not good; the other 292 days PM2.5 30 → 43, good.
    // 292 / 365 = 80.0% → "80%".
    const air = figures.find((f) => f.number === '1')!;
    expect(air).toMatchObject({ year: 2025, value: 80, printed: '80%', entered: null });
    expect(air.provenance.stations).toEqual([
      { code: 'KQ01', name: '城区站', validDays: 365, counted: true, reason: null },
      { code: 'KQ02', name: '新建站', validDays: 300, counted: false, reason: 'days' },
    ]);
    expect(air.provenance.editions).toEqual([{ edition: 'HJ 633-2012', from: '2025-01-01', to: '2025-12-31', days: 365 }]);
    expect(air.provenance.imports.map((i) => i.fileName)).toEqual(['黔江2025小时数据.csv']);
    // drinking: 12 samples, all Ⅱ (reservoir TP 0.02 ≤ 0.025) → 100%
    expect(figures.find((f) => f.number === '2')).toMatchObject({ printed: '100%' });
    // sections: DM01 Ⅱ, DM02 Ⅳ (NH3-N 1.2; TN 4 of a river ignored) → 1 of 2 at Ⅲ or better: 50%
    expect(figures.find((f) => f.number === '3')).toMatchObject({ printed: '50%' });

    const obs = await store.db.query<{ printed: string; origin: string; review: string; source: { statistic: string } }>(
      `SELECT o.printed, o.origin, o.review, o.source FROM observations o JOIN indicators i ON i.id = o.indicator_id
       WHERE i.framework_id = 'two-mountains-base' AND i.number = '1' AND o.year = 2025`,
    );
    expect(obs.rows[0]).toMatchObject({ printed: '80%', origin: 'computed', review: 'submitted', source: { statistic: 'air.goodDaysShare' } });
    const after = await resultOf(store.db, QJ, 2025, 'two-mountains-base', '1');
    expect(before.observation?.printed).not.toBe('80%');
    expect(after.observation?.printed).toBe('80%');
    expect(after.observation?.source).toBeNull(); // not a line of a document: the provenance is the computed figure's
    expect(after.status).toBe('notMet'); // >90% asked
    expect(after.status).not.toBe(before.status);
    expect((await resultOf(store.db, QJ, 2025, 'two-mountains-base', '2')).status).toBe('met'); // 100% asked
    expect((await resultOf(store.db, QJ, 2025, 'two-mountains-base', '3')).status).toBe('notMet');
  });

  it('PM2.5 annual mean lands on its part: (292·30 + 73·90) / 365 = 42 → notMet against ≤37', async () => {
    const { figures } = await computeMonitoringFigures(store.db, { plan: WS, year: 2025 }, wsOffice);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ number: '5', part: 'PM2.5浓度', printed: '42', value: 42 });
    const part = await resultOf(store.db, WS, 2025, 'chongqing-demo-county', '5', 'PM2.5浓度');
    expect(part.observation?.printed).toBe('42');
    expect(part.status).toBe('notMet');
  });

  it('a recompute with nothing changed rewrites nothing; changed data rewrites the figure', async () => {
    const count = async () => (await listAudit(store.db, { planId: QJ })).filter((a) => a.action.startsWith('monitoringFigure.') || a.action.startsWith('observation.')).length;
    const n = await count();
    await computeMonitoringFigures(store.db, { plan: QJ, year: 2025 }, office);
    expect(await count()).toBe(n);
    // DM02 cleaned up: NH3-N 0.3 → Ⅱ; both sections Ⅲ or better → 100%
    await store.db.query(`UPDATE water_samples SET sample_values = jsonb_set(sample_values, '{NH3-N}', '0.3') WHERE station_id = $1`, [ids.W2]);
    // the recompute follows the data whoever imported it (a clerk here), while a clerk cannot compute by hand
    expect(await computeMonitoringFigures(store.db, { plan: QJ, year: 2025 }, clerk).then(() => null, (x: unknown) => x)).toBeInstanceOf(ForbiddenError);
    await recomputeAfterImport(store.db, await regionOf(store.db, QJ), [ids.W2!], [2025], clerk);
    expect((await monitoringFigures(store.db, QJ, 2025)).find((f) => f.number === '3')!.printed).toBe('100%');
    expect((await resultOf(store.db, QJ, 2025, 'two-mountains-base', '3')).status).toBe('met');
    expect(await count()).toBe(n + 2); // the figure and its observation
  });

  it('a person’s figure is never overwritten: both are kept and returned', async () => {
    await recordObservations(store.db, [{ plan: QJ, framework: 'two-mountains-base', number: '1', year: 2024, printed: '95%' }], office);
    const { figures } = await computeMonitoringFigures(store.db, { plan: QJ }, office);
    const y2024 = figures.find((f) => f.number === '1' && f.year === 2024)!;
    // 2024 (leap): day-of-year multiples of 5 up to 366: 73 days; 366 − 73 = 293 good; 293 / 366 = 80.05…% → "80.1%"
    expect(y2024).toMatchObject({ printed: '80.1%', entered: { printed: '95%', origin: 'entry' } });
    const obs = await resultOf(store.db, QJ, 2024, 'two-mountains-base', '1');
    expect(obs.observation?.printed).toBe('95%');
    // all years with data: 2024 and 2025 for the air link
    expect(figures.filter((f) => f.number === '1').map((f) => f.year)).toEqual([2024, 2025]);
  });

  it('a person may enter a figure over a computed one: theirs counts, the computed one is kept beside it', async () => {
    await recordObservations(store.db, [{ plan: QJ, framework: 'two-mountains-base', number: '2', year: 2025, printed: '98%' }], office);
    const item = await resultOf(store.db, QJ, 2025, 'two-mountains-base', '2');
    expect(item.observation?.printed).toBe('98%');
    expect(item.status).toBe('notMet'); // 100% asked
    const { figures } = await computeMonitoringFigures(store.db, { plan: QJ, year: 2025 }, office);
    expect(figures.find((f) => f.number === '2')).toMatchObject({ printed: '100%', entered: { printed: '98%', origin: 'entry' } });
    expect((await resultOf(store.db, QJ, 2025, 'two-mountains-base', '2')).observation?.printed).toBe('98%');
  });

  it('the command line: link refused by kind, links as JSON, compute printing the provenance in words', async () => {
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { out: (x) => out.push(x), err: (x) => err.push(x), cwd: process.cwd(), password: async () => '' }, { db: store.db });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const refused = await run('monitoring', 'link', '--plan', QJ, '--indicator', 'two-mountains-base 3', '--statistic', 'water.shareClass3OrBetter', '--stations', 'DM01,KQ01');
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('站点“城区站”（KQ01）是空气监测站点，而“地表水水质达到或好于Ⅲ类比例”只取地表水断面的数据。');
    const links = await run('monitoring', 'links', '--plan', QJ, '--format', 'json');
    expect(JSON.parse(links.out).map((l: { number: string }) => l.number)).toEqual(['1', '2', '3']);
    const c = await run('monitoring', 'compute', '--plan', QJ, '--year', '2025');
    expect(c.code).toBe(0);
    expect(c.out).toContain('80%');
    expect(c.out).toContain('城区站（KQ01）：计入，有效365天');
    expect(c.out).toContain('新建站（KQ02）：不计入，有效天数不足（全年应不少于324天），有效300天');
    expect(c.out).toContain('HJ 633-2012：2025-01-01至2025-12-31，365天');
    expect(c.out).toContain('GB 3838-2002：2025-01-10至2025-12-10，24次监测');
    const unknown = await run('monitoring', 'frobnicate', '--plan', QJ);
    expect(unknown.code).toBe(2);
  });

  it('a published year is locked: the figure is computed beside it, never into it', async () => {
    const qj = await regionOf(store.db, QJ);
    const imp = await importRow(store.db, qj, 'air-hours', '黔江2023小时数据.csv');
    await hours(store.db, ids.A!, imp, 2023);
    await publishYear(store.db, QJ, 2023, office);
    const { figures } = await computeMonitoringFigures(store.db, { plan: QJ, year: 2023 }, office);
    expect(figures.find((f) => f.number === '1')).toMatchObject({ printed: '80%' }); // 2023: 73 of 365 days high, as 2025
    const o = await store.db.query(`SELECT 1 FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.framework_id = 'two-mountains-base' AND o.year = 2023 AND o.origin = 'computed'`);
    expect(o.rows).toHaveLength(0);
  });

  it('without enough data the figure is 无数据 and writes no number', async () => {
    // only B for 2026 would be linked: move the link to B, which has no 2026 data at all
    await setMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '1', statistic: 'air.goodDaysShare', stations: ['KQ02'] }, office);
    const { figures } = await computeMonitoringFigures(store.db, { plan: QJ, year: 2025 }, office);
    const f = figures.find((x) => x.number === '1')!;
    expect(f).toMatchObject({ value: null, printed: '无数据' });
    expect(f.provenance.insufficient).toBe('stations');
    const o = await store.db.query(`SELECT 1 FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.framework_id = 'two-mountains-base' AND i.number = '1' AND o.year = 2025`);
    expect(o.rows).toHaveLength(0); // the computed 80% written before is removed
    await removeMonitoringLink(store.db, { plan: QJ, framework: 'two-mountains-base', number: '1' }, office);
    expect((await listMonitoringLinks(store.db, QJ)).map((l) => l.number)).toEqual(['2', '3']);
  });
});
