// What the 监测数据 page reads from the monitoring tables of migration 12, and the one write it makes (a
// station saved from the web). The figures are computed here from the stored hours by the pure functions of
// src/domain (aqi.ts, airStatistics.ts, airLimits.ts, waterClass.ts), each by the edition in force on its date.
//
// Daily values (GB 3095-2012 表4, HJ 663-2013): a 24-hour mean of SO2, NO2, CO, PM10 and PM2.5 needs 20 valid
// hours; O3's daily maximum 8-hour mean 14 valid windows (or a maximum above the limit in force); O3's daily
// maximum 1-hour value (HJ 633-2012's daily report only) is taken when 20 hours are valid, as for the means.
// A day with no stored hours takes the platform's published day (air_days), which carries no 1-hour O3 maximum:
// such a day is complete without it. Region days (HJ 663-2013 城市点位平均): each pollutant's daily value is
// the mean over the region's counting stations that have one, and the day's AQI is computed from those means.
import type { Actor } from '../auth/roles.ts';
import { aqiEdition, airQualityIndex, dailyAqi, type AirValues, type AqiEdition, type DailyAirValues } from '../domain/aqi.ts';
import { dailyMaxEightHour, dailyMean } from '../domain/airStatistics.ts';
import { gb3095Limit, type LimitItem } from '../domain/airLimits.ts';
import { readTargetClass, sectionClass, WATER_CLASSES, WATER_PARAMETERS, type TargetClass, type WaterClass, type WaterValues, type Waterbody } from '../domain/waterClass.ts';
import { isIsoDate } from '../domain/period.ts';
import { t } from '../i18n/index.ts';
import { requirePlan } from '../app/requirePlan.ts';
import { OFFICE_ROLES, requirePlanRole } from './access.ts';
import { writeAudit } from './audit.ts';
import { InvalidBatchError, Problems, readNumber, readText, todayInChina } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';

export type StationKind = 'air' | 'water' | 'drinking';
export type StationLevel = 'national' | 'provincial' | 'municipal' | 'county';

/** The daily items shown and computed: 24-hour means, O3's daily maximum 8-hour and 1-hour values. */
export const DAY_ITEMS = ['SO2_24h', 'NO2_24h', 'CO_24h', 'O3_8h', 'O3_1h', 'PM10_24h', 'PM2.5_24h'] as const;
export type DayItem = (typeof DAY_ITEMS)[number];
export type DayValues = Record<DayItem, number | null>;

export interface Station {
  id: number;
  kind: StationKind;
  code: string;
  name: string;
  level: StationLevel | null;
  waterbody: Waterbody | null;
  waterName: string | null;
  targetClass: TargetClass | null;
  township: string | null;
  longitude: number | null;
  latitude: number | null;
  countsFrom: string | null;
  countsTo: string | null;
}

export interface LatestAir {
  /** YYYY-MM-DDTHH:00 (the start of the hour, Beijing time), or YYYY-MM-DD for a published day */
  at: string;
  source: 'hour' | 'day';
  edition: AqiEdition;
  aqi: number | null;
  level: number | null;
  category: string | null;
  primary: string[];
  /** the concentrations the AQI was read from (µg/m³, CO mg/m³), by column */
  values: Record<string, number>;
}

export interface LatestWater {
  on: string;
  class: WaterClass | null;
  /** worse than the section's target class: false; no target or no class: null */
  meetsTarget: boolean | null;
  exceeding: Array<{ parameter: string; class: WaterClass; times: number | null }>;
}

export interface StationState extends Station {
  latestAir: LatestAir | null;
  latestWater: LatestWater | null;
}

export interface MonitoringDay {
  date: string;
  /** hours: computed from the stored hours; published: the platform's daily values; region: station means */
  source: 'hours' | 'published' | 'region';
  values: DayValues;
  edition: AqiEdition;
  aqi: number | null;
  level: number | null;
  category: string | null;
  primary: string[];
  /** a valid monitoring day: every item of the edition's daily report is there (dailyAqi's complete) */
  valid: boolean;
  /** region days: the stations whose values were averaged */
  stations?: number;
}

export interface CalendarCounts {
  /** valid days by AQI level 1–6 (优 … 严重污染) */
  levels: Record<'1' | '2' | '3' | '4' | '5' | '6', number>;
  validDays: number;
  goodDays: number;
  /** days of the year up to `through` without a valid AQI: 无数据, never a category */
  noData: number;
  /** the last day counted: 31 December, or today (Beijing) in the current year */
  through: string;
}

export interface MonitoringDays {
  year: number;
  station: { id: number; code: string; name: string } | null;
  days: MonitoringDay[];
  counts: CalendarCounts;
  editions: Array<{ edition: AqiEdition; from: string; to: string; days: number }>;
}

// ---------------------------------------------------------------------------------------------------------
// reading

interface StationRow {
  id: number;
  kind: StationKind;
  code: string;
  name: string;
  level: StationLevel | null;
  waterbody: Waterbody | null;
  water_name: string | null;
  target_class: number | null;
  township: string | null;
  longitude: number | null;
  latitude: number | null;
  counts_from: string | null;
  counts_to: string | null;
}

const STATION_COLUMNS = `s.id, s.kind, s.code, s.name, s.level, s.waterbody, s.water_name, s.target_class, s.township, s.longitude, s.latitude,
  to_char(s.counts_from, 'YYYY-MM-DD') AS counts_from, to_char(s.counts_to, 'YYYY-MM-DD') AS counts_to`;

const toStation = (r: StationRow): Station => ({
  id: Number(r.id),
  kind: r.kind,
  code: r.code,
  name: r.name,
  level: r.level,
  waterbody: r.waterbody,
  waterName: r.water_name,
  targetClass: r.target_class === null ? null : (WATER_CLASSES[Number(r.target_class) - 1] as TargetClass),
  township: r.township,
  longitude: r.longitude === null ? null : Number(r.longitude),
  latitude: r.latitude === null ? null : Number(r.latitude),
  countsFrom: r.counts_from,
  countsTo: r.counts_to,
});

/** The plan's region (id and name); UnknownPlanError when there is no such plan. */
async function regionOf(db: Queryable, planId: string): Promise<{ regionId: number; region: string }> {
  const p = await requirePlan(db, planId);
  return { regionId: p.regionId, region: p.region };
}

/** stationsOf(db, regionId, kinds?) → the region's stations, ordered by kind and code. */
async function stationsOf(db: Queryable, regionId: number, kinds: StationKind[] = ['air', 'water', 'drinking']): Promise<Station[]> {
  const r = await db.query<StationRow>(`SELECT ${STATION_COLUMNS} FROM stations s WHERE s.region_id = $1 AND s.kind = ANY($2::text[]) ORDER BY s.kind, s.code`, [regionId, kinds]);
  return r.rows.map(toStation);
}

/** The station, when it is one of the plan's region; NotFoundError (naming it) otherwise — another region's id included. */
async function stationOfPlan(db: Queryable, planId: string, stationId: number): Promise<Station> {
  const { regionId, region } = await regionOf(db, planId);
  const r = await db.query<StationRow>(`SELECT ${STATION_COLUMNS} FROM stations s WHERE s.id = $1 AND s.region_id = $2`, [stationId, regionId]);
  if (!r.rows[0]) throw new NotFoundError(t('monitoringApi.error.noStation', { id: stationId, region }));
  return toStation(r.rows[0]);
}

// A real column read as the number it was written (real → numeric keeps its 6 significant digits: 35.2, not 35.2000007).
const num = (c: string) => `${c}::numeric::float8 AS ${c}`;

const round = (v: number | null, decimals: number): number | null => (v === null ? null : Math.round(v * 10 ** decimals) / 10 ** decimals);
const roundItem = (item: DayItem, v: number | null) => round(v, item === 'CO_24h' ? 2 : 1);

/**
 * dayFromHours(date, hours: 24 rows of [so2, no2, co, o3, pm10, pm25] by hour of day, null where invalid) → the
 * day's values by GB 3095-2012 表4 and HJ 663-2013 (see the head of this file).
 */
export function dayFromHours(date: string, hours: Array<Array<number | null>>): DayValues {
  const column = (i: number) => hours.map((h) => h[i] ?? null);
  const o3 = column(3);
  const o3Valid = o3.filter((x): x is number => x !== null);
  const o3Limit = gb3095Limit(date, 'O3_8h').limit ?? 160;
  return {
    SO2_24h: dailyMean(column(0)),
    NO2_24h: dailyMean(column(1)),
    CO_24h: dailyMean(column(2)),
    O3_8h: dailyMaxEightHour(o3, o3Limit),
    O3_1h: o3Valid.length >= 20 ? Math.max(...o3Valid) : null,
    PM10_24h: dailyMean(column(4)),
    'PM2.5_24h': dailyMean(column(5)),
  };
}

/** The day as dailyAqi reads it, and its AQI by the edition in force on the date. */
function judgeDay(date: string, source: MonitoringDay['source'], values: DayValues): MonitoringDay {
  const given: DailyAirValues = {};
  for (const k of DAY_ITEMS) if (values[k] !== null) given[k] = values[k];
  const r = dailyAqi(date, given);
  // a published day has no 1-hour O3 maximum: complete without it (HJ 633-2012's seventh item)
  const complete = r.complete || (source !== 'hours' && r.edition === 'HJ 633-2012' && values.O3_1h === null && DAY_ITEMS.filter((k) => k !== 'O3_1h').every((k) => values[k] !== null));
  const shown = Object.fromEntries(DAY_ITEMS.map((k) => [k, roundItem(k, values[k])])) as DayValues;
  return { date, source, values: shown, edition: r.edition, aqi: r.aqi, level: r.level, category: r.category, primary: r.primary, valid: complete && r.aqi !== null };
}

/** The raw daily values of each air station for the year: hours where held, the published day otherwise. */
async function stationYearDays(db: Queryable, stationIds: number[], year: number): Promise<Map<number, Map<string, { source: 'hours' | 'published'; values: DayValues }>>> {
  const out = new Map<number, Map<string, { source: 'hours' | 'published'; values: DayValues }>>();
  for (const id of stationIds) out.set(id, new Map());
  if (stationIds.length === 0) return out;
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const hours = await db.query<{ station_id: number; day: string; h: number; so2: number | null; no2: number | null; co: number | null; o3: number | null; pm10: number | null; pm25: number | null }>(
    `SELECT station_id, to_char(hour, 'YYYY-MM-DD') AS day, extract(hour FROM hour)::int AS h, ${['so2', 'no2', 'co', 'o3', 'pm10', 'pm25'].map(num).join(', ')}
       FROM air_hours WHERE station_id = ANY($1::int[]) AND hour >= $2::timestamp AND hour < $3::timestamp ORDER BY station_id, hour`,
    [stationIds, from, to],
  );
  let current: { station: number; day: string; hours: Array<Array<number | null>> } | undefined;
  const flush = () => {
    if (current) out.get(current.station)!.set(current.day, { source: 'hours', values: dayFromHours(current.day, current.hours) });
  };
  for (const r of hours.rows) {
    const station = Number(r.station_id);
    if (!current || current.station !== station || current.day !== r.day) {
      flush();
      current = { station, day: r.day, hours: Array.from({ length: 24 }, () => [null, null, null, null, null, null]) };
    }
    current.hours[Number(r.h)] = [r.so2, r.no2, r.co, r.o3, r.pm10, r.pm25];
  }
  flush();
  const days = await db.query<{ station_id: number; day: string; so2: number | null; no2: number | null; co: number | null; o3_8h: number | null; pm10: number | null; pm25: number | null }>(
    `SELECT station_id, to_char(day, 'YYYY-MM-DD') AS day, ${['so2', 'no2', 'co', 'o3_8h', 'pm10', 'pm25'].map(num).join(', ')}
       FROM air_days WHERE station_id = ANY($1::int[]) AND day >= $2::date AND day < $3::date`,
    [stationIds, from, to],
  );
  for (const r of days.rows) {
    const m = out.get(Number(r.station_id))!;
    if (m.has(r.day)) continue; // the hours decide where both are held
    m.set(r.day, { source: 'published', values: { SO2_24h: r.so2, NO2_24h: r.no2, CO_24h: r.co, O3_8h: r.o3_8h, O3_1h: null, PM10_24h: r.pm10, 'PM2.5_24h': r.pm25 } });
  }
  return out;
}

/** The last day counted in a year: 31 December, or today (Beijing) while the year runs; before 1 January: none. */
function throughOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The calendar's counts: valid days by level, and 无数据 for every other day of the year up to `through`. */
export function calendarCounts(year: number, days: ReadonlyArray<MonitoringDay>, today: string = todayInChina()): CalendarCounts {
  const through = throughOf(year, today);
  const levels: CalendarCounts['levels'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0 };
  let validDays = 0;
  for (const d of days) {
    if (!d.valid || d.level === null || d.date > through) continue;
    levels[String(d.level) as keyof typeof levels]++;
    validDays++;
  }
  const span = through < `${year}-01-01` ? 0 : daysBetween(`${year}-01-01`, through);
  return { levels, validDays, goodDays: levels['1'] + levels['2'], noData: span - validDays, through };
}

function editionsOf(days: ReadonlyArray<MonitoringDay>): MonitoringDays['editions'] {
  const parts = new Map<AqiEdition, { edition: AqiEdition; from: string; to: string; days: number }>();
  for (const d of days) {
    if (!d.valid) continue;
    const p = parts.get(d.edition) ?? { edition: d.edition, from: d.date, to: d.date, days: 0 };
    p.to = d.date;
    p.days++;
    parts.set(d.edition, p);
  }
  return [...parts.values()];
}

/** Does the station count towards the region on this date (counts_from … counts_to)? */
const countsOn = (s: Station, date: string) => (s.countsFrom === null || s.countsFrom <= date) && (s.countsTo === null || s.countsTo >= date);

/**
 * stationDays(db, planId, stationId, year, today?) → the air station's days of the year with their values, daily
 * AQI, level and category, and the calendar's counts. NotFoundError for a station outside the plan's region.
 */
export async function stationDays(db: Queryable, planId: string, stationId: number, year: number, today?: string): Promise<MonitoringDays> {
  const station = await stationOfPlan(db, planId, stationId);
  const raw = (await stationYearDays(db, [station.id], year)).get(station.id)!;
  const days = [...raw.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, d]) => judgeDay(date, d.source, d.values));
  return { year, station: { id: station.id, code: station.code, name: station.name }, days, counts: calendarCounts(year, days, today), editions: editionsOf(days) };
}

/**
 * regionCalendar(db, planId, year, today?) → the region's days: each pollutant's daily value the mean over the
 * air stations that count on that date and have one (HJ 663-2013 城市点位平均), the day's AQI from those means.
 */
export async function regionCalendar(db: Queryable, planId: string, year: number, today?: string): Promise<MonitoringDays> {
  const { regionId } = await regionOf(db, planId);
  const stations = await stationsOf(db, regionId, ['air']);
  const raw = await stationYearDays(db, stations.map((s) => s.id), year);
  const byDate = new Map<string, Array<DayValues>>();
  for (const s of stations)
    for (const [date, d] of raw.get(s.id)!) {
      if (!countsOn(s, date)) continue;
      const list = byDate.get(date) ?? [];
      list.push(d.values);
      byDate.set(date, list);
    }
  const days = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, list]) => {
      const values = Object.fromEntries(
        DAY_ITEMS.map((k) => {
          const xs = list.map((v) => v[k]).filter((x): x is number => x !== null);
          return [k, xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length];
        }),
      ) as DayValues;
      return { ...judgeDay(date, 'region', values), stations: list.length };
    });
  return { year, station: null, days, counts: calendarCounts(year, days, today), editions: editionsOf(days) };
}

export interface Trends {
  year: number;
  station: { id: number; code: string; name: string } | null;
  /** month 1–12: the mean of the month's valid daily values per item (null: 无数据), and the days averaged */
  months: Array<{ month: number; values: DayValues; days: Record<DayItem, number> }>;
}

/** pollutantTrends(db, planId, year, stationId?) → monthly means of the daily values, of a station or of the region. */
export async function pollutantTrends(db: Queryable, planId: string, year: number, stationId?: number): Promise<Trends> {
  const d = stationId === undefined ? await regionCalendar(db, planId, year) : await stationDays(db, planId, stationId, year);
  const months = Array.from({ length: 12 }, (_, i) => {
    const inMonth = d.days.filter((x) => Number(x.date.slice(5, 7)) === i + 1);
    const values = {} as DayValues;
    const days = {} as Record<DayItem, number>;
    for (const k of DAY_ITEMS) {
      const xs = inMonth.map((x) => x.values[k]).filter((v): v is number => v !== null);
      values[k] = xs.length === 0 ? null : roundItem(k, xs.reduce((a, b) => a + b, 0) / xs.length);
      days[k] = xs.length;
    }
    return { month: i + 1, values, days };
  });
  return { year, station: d.station, months };
}

const waterValues = (v: unknown): WaterValues => {
  const out: WaterValues = {};
  if (!v || typeof v !== 'object') return out;
  for (const p of WATER_PARAMETERS) {
    const x = (v as Record<string, unknown>)[p];
    if (typeof x === 'number' && Number.isFinite(x)) out[p] = x;
  }
  return out;
};

function judgeWater(s: Station, values: WaterValues): Omit<LatestWater, 'on'> {
  const target = s.targetClass ?? undefined;
  const c = sectionClass(s.waterbody ?? 'river', values, target ? { target } : {});
  return {
    class: c.class,
    meetsTarget: c.class === null || !target ? null : c.exceeding.length === 0,
    exceeding: target ? c.exceeding.map((e) => ({ parameter: e.parameter, class: e.class, times: e.times === null ? null : round(e.times, 2) })) : [],
  };
}

/** listStations(db, planId) → the region's stations, sections and sources with their latest state. */
export async function listStations(db: Queryable, planId: string): Promise<StationState[]> {
  const { regionId } = await regionOf(db, planId);
  const stations = await stationsOf(db, regionId);
  const air = stations.filter((s) => s.kind === 'air').map((s) => s.id);
  const water = stations.filter((s) => s.kind !== 'air').map((s) => s.id);
  // the latest hour of each air station, with the PM means of the 24 hours ending with it (HJ 633-2012's hourly report)
  const hours = await db.query<{ id: number; at: string; so2: number | null; no2: number | null; co: number | null; o3: number | null; pm10: number | null; pm25: number | null; pm10_24: number | null; pm10_n: number; pm25_24: number | null; pm25_n: number }>(
    `SELECT s.id, to_char(x.hour, 'YYYY-MM-DD"T"HH24:00') AS at, x.so2, x.no2, x.co, x.o3, x.pm10, x.pm25,
            w.pm10_24, w.pm10_n, w.pm25_24, w.pm25_n
       FROM stations s
       CROSS JOIN LATERAL (SELECT hour, ${['so2', 'no2', 'co', 'o3', 'pm10', 'pm25'].map(num).join(', ')} FROM air_hours h WHERE h.station_id = s.id ORDER BY h.hour DESC LIMIT 1) x
       CROSS JOIN LATERAL (SELECT avg(pm10::numeric)::float8 AS pm10_24, count(pm10)::int AS pm10_n, avg(pm25::numeric)::float8 AS pm25_24, count(pm25)::int AS pm25_n
                             FROM air_hours h WHERE h.station_id = s.id AND h.hour > x.hour - interval '24 hours' AND h.hour <= x.hour) w
      WHERE s.id = ANY($1::int[])`,
    [air],
  );
  const days = await db.query<{ id: number; day: string; so2: number | null; no2: number | null; co: number | null; o3_8h: number | null; pm10: number | null; pm25: number | null }>(
    `SELECT s.id, to_char(x.day, 'YYYY-MM-DD') AS day, x.so2, x.no2, x.co, x.o3_8h, x.pm10, x.pm25
       FROM stations s
       CROSS JOIN LATERAL (SELECT day, ${['so2', 'no2', 'co', 'o3_8h', 'pm10', 'pm25'].map(num).join(', ')} FROM air_days d WHERE d.station_id = s.id ORDER BY d.day DESC LIMIT 1) x
      WHERE s.id = ANY($1::int[])`,
    [air],
  );
  const samples = await db.query<{ id: number; sampled: string; sample_values: unknown }>(
    `SELECT s.id, to_char(x.sampled_on, 'YYYY-MM-DD') AS sampled, x.sample_values
       FROM stations s
       CROSS JOIN LATERAL (SELECT sampled_on, sample_values FROM water_samples w WHERE w.station_id = s.id ORDER BY w.sampled_on DESC LIMIT 1) x
      WHERE s.id = ANY($1::int[])`,
    [water],
  );
  const latestHour = new Map(hours.rows.map((r) => [Number(r.id), r]));
  const latestDay = new Map(days.rows.map((r) => [Number(r.id), r]));
  const latestSample = new Map(samples.rows.map((r) => [Number(r.id), r]));
  return stations.map((s) => {
    let latestAir: LatestAir | null = null;
    const h = latestHour.get(s.id);
    const d = latestDay.get(s.id);
    if (h && (!d || d.day <= h.at.slice(0, 10))) {
      const edition = aqiEdition(h.at);
      const values: AirValues = {};
      const put = (k: keyof AirValues, v: number | null) => {
        if (v !== null) values[k] = v;
      };
      put('SO2_1h', h.so2);
      put('NO2_1h', h.no2);
      put('CO_1h', h.co);
      put('O3_1h', h.o3);
      if (edition === 'HJ 633-2026') {
        // HJ 633-2026 表3: the hourly report reads PM's 1-hour value against the daily breakpoints
        put('PM10_1h', h.pm10);
        put('PM2.5_1h', h.pm25);
      } else {
        // HJ 633-2012 has no 1-hour PM breakpoints: its hourly report reads the 24-hour sliding mean (20 valid hours)
        put('PM10_24h', h.pm10_n >= 20 ? h.pm10_24 : null);
        put('PM2.5_24h', h.pm25_n >= 20 ? h.pm25_24 : null);
      }
      const r = airQualityIndex(edition, values);
      latestAir = { at: h.at, source: 'hour', edition, aqi: r.aqi, level: r.level, category: r.category, primary: r.primary, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v as number, k.startsWith('CO') ? 2 : 1)!])) };
    } else if (d) {
      const day = judgeDay(d.day, 'published', { SO2_24h: d.so2, NO2_24h: d.no2, CO_24h: d.co, O3_8h: d.o3_8h, O3_1h: null, PM10_24h: d.pm10, 'PM2.5_24h': d.pm25 });
      const values = Object.fromEntries(DAY_ITEMS.flatMap((k) => (day.values[k] === null ? [] : [[k, day.values[k]!]])));
      latestAir = { at: d.day, source: 'day', edition: day.edition, aqi: day.aqi, level: day.level, category: day.category, primary: day.primary, values };
    }
    const w = latestSample.get(s.id);
    const latestWater: LatestWater | null = w ? { on: w.sampled, ...judgeWater(s, waterValues(w.sample_values)) } : null;
    return { ...s, latestAir, latestWater };
  });
}

export interface WaterMonths {
  year: number;
  sections: Array<{
    station: Station;
    /** month 1–12: the class of the month's mean values (评价办法: several samples averaged), null = 无数据 */
    months: Array<{ month: number; class: WaterClass | null; samples: number; meetsTarget: boolean | null }>;
  }>;
}

/** waterMonths(db, planId, year) → the class of every section and source, month by month. */
export async function waterMonths(db: Queryable, planId: string, year: number): Promise<WaterMonths> {
  const { regionId } = await regionOf(db, planId);
  const stations = await stationsOf(db, regionId, ['water', 'drinking']);
  const r = await db.query<{ station_id: number; month: number; sample_values: unknown }>(
    `SELECT station_id, extract(month FROM sampled_on)::int AS month, sample_values FROM water_samples
      WHERE station_id = ANY($1::int[]) AND sampled_on >= $2::date AND sampled_on < $3::date ORDER BY station_id, sampled_on`,
    [stations.map((s) => s.id), `${year}-01-01`, `${year + 1}-01-01`],
  );
  const samples = new Map<string, WaterValues[]>();
  for (const x of r.rows) {
    const key = `${Number(x.station_id)}|${Number(x.month)}`;
    samples.set(key, [...(samples.get(key) ?? []), waterValues(x.sample_values)]);
  }
  return {
    year,
    sections: stations.map((s) => ({
      station: s,
      months: Array.from({ length: 12 }, (_, i) => {
        const list = samples.get(`${s.id}|${i + 1}`) ?? [];
        if (list.length === 0) return { month: i + 1, class: null, samples: 0, meetsTarget: null };
        const mean: WaterValues = {};
        for (const p of WATER_PARAMETERS) {
          const xs = list.map((v) => v[p]).filter((v): v is number => v !== undefined);
          if (xs.length > 0) mean[p] = xs.reduce((a, b) => a + b, 0) / xs.length;
        }
        const j = judgeWater(s, mean);
        return { month: i + 1, class: j.class, samples: list.length, meetsTarget: j.meetsTarget };
      }),
    })),
  };
}

/** The daily items GB 3095 sets a 24-hour (O3: daily maximum 8-hour) limit for. */
const LIMITED: Array<DayItem & LimitItem> = ['SO2_24h', 'NO2_24h', 'CO_24h', 'O3_8h', 'PM10_24h', 'PM2.5_24h'];

export interface Exceedances {
  year: number;
  air: Array<{ date: string; station: { id: number; code: string; name: string }; item: DayItem; value: number; limit: number; edition: string; stage: string | null; times: number }>;
  water: Array<{ date: string; station: { id: number; code: string; name: string }; class: WaterClass; targetClass: TargetClass; exceeding: LatestWater['exceeding'] }>;
  /** lists are cut at this many entries each (the newest kept); total says how many there were */
  total: { air: number; water: number };
}

/** At most this many exceedances of each kind in one answer (the newest). */
export const EXCEEDANCE_LIST_MAX = 1000;

/**
 * exceedances(db, planId, year) → air: every station day whose daily value is above the GB 3095 limit in force
 * on that date (class-2 areas; GB 3095-2026's transition limits from 2026-03-01), compared as the value is shown
 * (µg/m³ to 0.1, CO to 0.01); water: every sample of a section or source worse than its target class.
 */
export async function exceedances(db: Queryable, planId: string, year: number): Promise<Exceedances> {
  const { regionId } = await regionOf(db, planId);
  const stations = await stationsOf(db, regionId);
  const air = stations.filter((s) => s.kind === 'air');
  const raw = await stationYearDays(db, air.map((s) => s.id), year);
  const airList: Exceedances['air'] = [];
  for (const s of air)
    for (const [date, d] of raw.get(s.id)!)
      for (const item of LIMITED) {
        const value = roundItem(item, d.values[item]);
        const l = gb3095Limit(date, item);
        if (value === null || l.limit === undefined || !(value > l.limit)) continue;
        airList.push({ date, station: { id: s.id, code: s.code, name: s.name }, item, value, limit: l.limit, edition: l.edition, stage: l.stage ?? null, times: round((value - l.limit) / l.limit, 2)! });
      }
  const targets = stations.filter((s) => s.kind !== 'air' && s.targetClass !== null);
  const r = await db.query<{ station_id: number; sampled: string; sample_values: unknown }>(
    `SELECT station_id, to_char(sampled_on, 'YYYY-MM-DD') AS sampled, sample_values FROM water_samples
      WHERE station_id = ANY($1::int[]) AND sampled_on >= $2::date AND sampled_on < $3::date`,
    [targets.map((s) => s.id), `${year}-01-01`, `${year + 1}-01-01`],
  );
  const byId = new Map(targets.map((s) => [s.id, s]));
  const waterList: Exceedances['water'] = [];
  for (const x of r.rows) {
    const s = byId.get(Number(x.station_id))!;
    const j = judgeWater(s, waterValues(x.sample_values));
    if (j.meetsTarget === false && j.class) waterList.push({ date: x.sampled, station: { id: s.id, code: s.code, name: s.name }, class: j.class, targetClass: s.targetClass!, exceeding: j.exceeding });
  }
  const newest = <T extends { date: string; station: { code: string } }>(xs: T[]) =>
    xs.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.station.code < b.station.code ? -1 : 1)).slice(0, EXCEEDANCE_LIST_MAX);
  return { year, air: newest(airList), water: newest(waterList), total: { air: airList.length, water: waterList.length } };
}

export interface FigureRow {
  framework: string;
  number: string;
  part: string | null;
  name: string;
  unit: string | null;
  year: number;
  statistic: string;
  value: number | null;
  printed: string;
  provenance: unknown;
  computedAt: string;
  /** a person's figure kept beside the computed one (the observation's printed text and origin) */
  entered: { printed: string; origin: 'document' | 'entry' | 'import' } | null;
}

/** monitoringFigureList(db, planId, year?) → the plan's computed figures (computed_figures), with a person's figure where one is kept. */
export async function monitoringFigureList(db: Queryable, planId: string, year?: number): Promise<FigureRow[]> {
  await regionOf(db, planId);
  const r = await db.query<{ framework: string; number: string; part: string; name: string; unit: string | null; year: number; statistic: string; value: number | null; printed: string; provenance: unknown; computed_at: string; entered: string | null; origin: string | null }>(
    `SELECT i.framework_id AS framework, i.number, cf.part, i.name, i.unit, cf.year, cf.statistic, cf.value, cf.printed, cf.provenance,
            to_char(cf.computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS computed_at, o.printed AS entered, o.origin
       FROM computed_figures cf
       JOIN indicators i ON i.id = cf.indicator_id
       LEFT JOIN observations o ON o.region_id = cf.region_id AND o.indicator_id = cf.indicator_id AND o.part = cf.part AND o.year = cf.year AND o.origin <> 'computed'
      WHERE cf.plan_id = $1 AND ($2::int IS NULL OR cf.year = $2::int)
      ORDER BY cf.year DESC, i.framework_id, i.position, cf.part`,
    [planId, year ?? null],
  );
  return r.rows.map((x) => ({
    framework: x.framework,
    number: x.number,
    part: x.part === '' ? null : x.part,
    name: x.name,
    unit: x.unit,
    year: Number(x.year),
    statistic: x.statistic,
    value: x.value === null ? null : Number(x.value),
    printed: x.printed,
    provenance: x.provenance,
    computedAt: x.computed_at,
    entered: x.entered === null ? null : { printed: x.entered, origin: x.origin as 'document' | 'entry' | 'import' },
  }));
}

export interface MonitoringSummary {
  year: number;
  /** the region's days so far this year (HJ 663-2013 city-level days) */
  validDays: number;
  goodDays: number;
  /** 优良天数比例 so far, 0–1; null with no valid day (无数据) */
  goodShare: number | null;
  /** mean of the region's valid daily PM2.5 so far, µg/m³ (not yet an annual mean: the year's validity is not checked) */
  pm25Mean: number | null;
  pm25Days: number;
  through: string;
  /** the most recent AQI of any station of the region */
  latest: { station: string; at: string; aqi: number | null; level: number | null; category: string | null } | null;
}

/** monitoringSummary(db, planId, year, today?) → the live figures of the overview and the 大屏. */
export async function monitoringSummary(db: Queryable, planId: string, year: number, today?: string): Promise<MonitoringSummary> {
  const cal = await regionCalendar(db, planId, year, today);
  const pm = cal.days.filter((d) => d.date <= cal.counts.through && d.values['PM2.5_24h'] !== null).map((d) => d.values['PM2.5_24h']!);
  const stations = (await listStations(db, planId)).filter((s) => s.latestAir);
  const latest = stations.sort((a, b) => (a.latestAir!.at < b.latestAir!.at ? 1 : -1))[0];
  return {
    year,
    validDays: cal.counts.validDays,
    goodDays: cal.counts.goodDays,
    goodShare: cal.counts.validDays === 0 ? null : cal.counts.goodDays / cal.counts.validDays,
    pm25Mean: pm.length === 0 ? null : round(pm.reduce((a, b) => a + b, 0) / pm.length, 1),
    pm25Days: pm.length,
    through: cal.counts.through,
    latest: latest ? { station: latest.name, at: latest.latestAir!.at, aqi: latest.latestAir!.aqi, level: latest.latestAir!.level, category: latest.latestAir!.category } : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// writing

/** What the station form sends (every field as typed; the store reads and checks each). */
export interface StationInput {
  kind?: unknown;
  code?: unknown;
  name?: unknown;
  level?: unknown;
  waterbody?: unknown;
  waterName?: unknown;
  targetClass?: unknown;
  township?: unknown;
  longitude?: unknown;
  latitude?: unknown;
  countsFrom?: unknown;
  countsTo?: unknown;
}

const KINDS: StationKind[] = ['air', 'water', 'drinking'];
const LEVELS: StationLevel[] = ['national', 'provincial', 'municipal', 'county'];
const WATERBODIES: Waterbody[] = ['river', 'lake', 'reservoir'];

/**
 * saveStation(db, planId, stationId: null to create, input, actor) → { id, created }. Plan office roles only
 * (requirePlanRole); the station must be of the plan's region; checks: kind, code and name given, the code
 * unique among the region's stations (any kind: data files name a station by its code alone), coordinates
 * within −180…180 / −90…90 and both or neither, a target class Ⅰ–Ⅴ, valid dates in order. Refused whole with
 * InvalidBatchError naming each field; written with its audit record in one transaction.
 */
export async function saveStation(db: Db, planId: string, stationId: number | null, input: StationInput, actor: Actor): Promise<{ id: number; created: boolean }> {
  return db.transaction(async (tx) => {
    await requirePlanRole(tx, actor, planId, OFFICE_ROLES);
    const { regionId, region } = await regionOf(tx, planId);
    const before = stationId === null ? null : await stationOfPlan(tx, planId, stationId);
    const p = new Problems();
    const label = (f: string) => t(`monitoringApi.field.${f}`);
    const text = (f: keyof StationInput, required = false): string | null => {
      const v = readText(input[f]);
      if (v === undefined) {
        if (required) p.add(1, label(f), '', 'monitoringApi.error.required', { field: label(f) });
        return null;
      }
      if (v.length > 200) p.add(1, label(f), v.slice(0, 40), 'monitoringApi.error.tooLong', { field: label(f), max: 200 });
      return v;
    };
    const oneOf = <T extends string>(f: keyof StationInput, allowed: readonly T[], required = false): T | null => {
      const v = text(f, required);
      if (v === null) return null;
      if (!(allowed as readonly string[]).includes(v)) {
        p.add(1, label(f), v, 'monitoringApi.error.oneOf', { field: label(f), allowed: allowed.map((a) => t(`monitoringApi.${f}.${a}`)).join('、') });
        return null;
      }
      return v as T;
    };
    const kind = oneOf('kind', KINDS, true);
    const code = text('code', true);
    const name = text('name', true);
    const level = oneOf('level', LEVELS);
    const waterbody = oneOf('waterbody', WATERBODIES);
    const waterName = text('waterName');
    const township = text('township');
    let targetClass: number | null = null;
    const targetText = text('targetClass');
    if (targetText !== null) {
      const c = readTargetClass(targetText);
      if (!c) p.add(1, label('targetClass'), targetText, 'monitoringApi.error.targetClass');
      else targetClass = WATER_CLASSES.indexOf(c) + 1;
    }
    const coordinate = (f: 'longitude' | 'latitude', max: number): number | null => {
      const raw = input[f];
      if (raw === undefined || raw === null || readText(raw) === undefined) return null;
      const v = readNumber(raw);
      if (v === undefined || !(Math.abs(v) <= max)) {
        p.add(1, label(f), raw, 'monitoringApi.error.coordinate', { field: label(f), max });
        return null;
      }
      return v;
    };
    const longitude = coordinate('longitude', 180);
    const latitude = coordinate('latitude', 90);
    if ((longitude === null) !== (latitude === null) && p.empty) p.add(1, label(longitude === null ? 'longitude' : 'latitude'), '', 'monitoringApi.error.bothCoordinates');
    const date = (f: 'countsFrom' | 'countsTo'): string | null => {
      const v = text(f);
      if (v !== null && !isIsoDate(v)) {
        p.add(1, label(f), v, 'monitoringApi.error.date', { field: label(f) });
        return null;
      }
      return v;
    };
    const countsFrom = date('countsFrom');
    const countsTo = date('countsTo');
    if (countsFrom && countsTo && countsFrom > countsTo) p.add(1, label('countsTo'), countsTo, 'monitoringApi.error.dateOrder', { from: countsFrom, to: countsTo });
    if (kind === 'air' && targetClass !== null) p.add(1, label('targetClass'), targetText, 'monitoringApi.error.airTarget');
    if (code !== null) {
      // one lock per region and code: two people creating the same code at once are serialised
      await tx.query('SELECT pg_advisory_xact_lock(771013, hashtext($1))', [`${regionId}|${code}`]);
      const dup = await tx.query<{ id: number; name: string }>('SELECT id, name FROM stations WHERE region_id = $1 AND code = $2 AND id <> $3', [regionId, code, stationId ?? -1]);
      if (dup.rows[0]) p.add(1, label('code'), code, 'monitoringApi.error.codeTaken', { code, region, name: dup.rows[0].name });
    }
    if (!p.empty) throw new InvalidBatchError(p.list, 'entry');
    const values = [kind, code, name, level, waterbody, waterName, targetClass, township, longitude, latitude, countsFrom, countsTo, JSON.stringify({ user: actor.name })];
    let id: number;
    if (before === null) {
      const r = await tx.query<{ id: number }>(
        `INSERT INTO stations (kind, code, name, level, waterbody, water_name, target_class, township, longitude, latitude, counts_from, counts_to, source, region_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12::date, $13::jsonb, $14) RETURNING id`,
        [...values, regionId],
      );
      id = Number(r.rows[0]!.id);
    } else {
      id = before.id;
      await tx.query(
        `UPDATE stations SET kind = $1, code = $2, name = $3, level = $4, waterbody = $5, water_name = $6, target_class = $7, township = $8, longitude = $9,
                latitude = $10, counts_from = $11::date, counts_to = $12::date, source = $13::jsonb, updated_at = now() WHERE id = $14`,
        [...values, id],
      );
    }
    const after = { kind, code, name, level, waterbody, waterName, targetClass: targetClass === null ? null : WATER_CLASSES[targetClass - 1], township, longitude, latitude, countsFrom, countsTo };
    await writeAudit(tx, actor, { action: before === null ? 'station.create' : 'station.update', entity: 'station', entityId: id, planId, regionId, before, after });
    return { id, created: before === null };
  });
}
