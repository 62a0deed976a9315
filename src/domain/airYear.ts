// A year of air monitoring data, per station and for the region: daily values, daily AQI and annual statistics.
// Pure: no I/O.
//
// Rules (cited where used):
// - GB 3095-2012 §6 表4: a 24-hour mean needs ≥ 20 hourly values; an annual statistic needs ≥ 324 valid days in
//   the year and ≥ 27 in each month (February ≥ 25).
// - HJ 663-2013 §6 (数据统计要求) and 附录A: O3 daily maximum 8-hour mean from the 17 windows ending 8:00–24:00
//   (airStatistics.dailyMaxEightHour); percentiles (CO 24-h 95th, O3-8h 90th) by HJ 663's rule (percentile).
// - HJ 663-2013 (城市尺度评价): a city's (here: the county's) concentration of each item for a day is the
//   arithmetic mean of that item at its city stations (城市点位浓度的算术平均值); the city's daily AQI is computed
//   from those means (HJ 633), and its 优良天数比例 from the city's daily AQI. We take the mean of the counted
//   stations that have a valid value for the item on that day. The rule is HJ 663-2013's; its clause number
//   could not be read from a text in this repository's reach (cited below as "HJ 663-2013, city scale") —
//   to be confirmed against the standard.
// - HJ 633-2012 / HJ 633-2026 (aqi.ts): a day is computed by the edition in force on it; a year straddling
//   2026-03-01 lists the days each edition computed.
import { aqiEdition, dailyAqi, DAILY_ITEMS, isGoodDay, type AqiEdition, type DailyAirValues } from './aqi.ts';
import { annualMean, annualPercentile, dailyMaxEightHour, VALIDITY, type AnnualStatistic, type DailyValue } from './airStatistics.ts';
import { gb3095Limit } from './airLimits.ts';

/** The hourly pollutants a station's year holds, one Float32Array each (index = hour of the year, NaN = missing). */
export const HOURLY_POLLUTANTS = ['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5'] as const;
export type HourlyPollutant = (typeof HOURLY_POLLUTANTS)[number];

/** The daily items: 24-hour means, O3's daily maximum 8-hour and 1-hour means. */
export type DailyItem = keyof DailyAirValues;
export const DAILY_ITEM_LIST: readonly DailyItem[] = ['SO2_24h', 'NO2_24h', 'CO_24h', 'PM10_24h', 'PM2.5_24h', 'O3_8h', 'O3_1h'];

const MS_DAY = 86_400_000;

/** isLeap(year) → whether the year has 366 days. */
export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** daysOfYear(year) → 'YYYY-MM-DD' of every day of the year, in order. */
export function daysOfYear(year: number): string[] {
  const n = isLeap(year) ? 366 : 365;
  const start = Date.UTC(year, 0, 1);
  return Array.from({ length: n }, (_, i) => new Date(start + i * MS_DAY).toISOString().slice(0, 10));
}

/** hoursInYear(year) → 8760 or 8784: the length of a station's hourly arrays. */
export const hoursInYear = (year: number): number => (isLeap(year) ? 366 : 365) * 24;

/** hourIndex(year, 'YYYY-MM-DD', hour 0–23) → the index of that hour (Beijing time, start of the hour) in the year's arrays. */
export function hourIndex(year: number, date: string, hour: number): number {
  const d = (Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - Date.UTC(year, 0, 1)) / MS_DAY;
  return d * 24 + hour;
}

/** emptyHours(year) → a Float32Array of the year's hours, all NaN (missing). */
export function emptyHours(year: number): Float32Array {
  return new Float32Array(hoursInYear(year)).fill(Number.NaN);
}

export interface StationYearInput {
  code: string;
  name: string;
  year: number;
  /** hourly values, µg/m³ (CO mg/m³), index = hour of the year (hourIndex), NaN = missing or invalid */
  hours?: Partial<Record<HourlyPollutant, Float32Array>>;
  /** daily values as a platform publishes them: used for a day whose hours do not give the item */
  days?: ReadonlyArray<{ date: string; values: DailyAirValues }>;
  /** the dates the station counts towards the region (stations.counts_from / counts_to), inclusive; null = open */
  countsFrom?: string | null;
  countsTo?: string | null;
}

export interface AirDay {
  date: string;
  edition: AqiEdition;
  /** the day's values; null where invalid */
  values: DailyAirValues;
  /** the daily AQI by the edition in force on the day; null when the day is not a valid monitoring day */
  aqi: number | null;
}

export type NotCountedReason = 'days' | 'months' | 'outside' | 'noData';

export interface StationYear {
  code: string;
  name: string;
  year: number;
  /** every day of the year inside the station's counting dates */
  days: AirDay[];
  /** days with a valid daily AQI (有效监测天) */
  validDays: number;
  /** months (1–12) with fewer valid days than GB 3095-2012 表4 asks (of the months wholly inside the counting dates) */
  shortMonths: number[];
  /** whether the station counts in the region's figures; when not, why (its figures are reported, not averaged) */
  counted: boolean;
  reason: NotCountedReason | null;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function hoursOfDay(arr: Float32Array | undefined, at: number): Array<number | null> | null {
  if (!arr) return null;
  const out: Array<number | null> = new Array(24);
  let any = false;
  for (let h = 0; h < 24; h++) {
    const v = arr[at + h];
    if (v === undefined || Number.isNaN(v)) out[h] = null;
    else {
      out[h] = v;
      any = true;
    }
  }
  return any ? out : null;
}

function meanOfHours(hours: Array<number | null>): number | null {
  const v = hours.filter((x): x is number => x !== null);
  return v.length >= VALIDITY.hoursPerDay ? mean(v) : null;
}

/**
 * dayValues(date, hoursOfEach, published) → the day's values: from the hours where they give one (GB 3095-2012 表4:
 * ≥ 20 hours for a 24-hour mean; HJ 663-2013: O3 daily max 8-hour mean, valid with ≥ 14 windows or above the
 * limit; O3 daily max 1-hour mean with ≥ 20 valid hours), else the published daily value.
 */
function dayValues(date: string, hours: Partial<Record<HourlyPollutant, Array<number | null> | null>>, published: DailyAirValues | undefined): DailyAirValues {
  const v: DailyAirValues = {};
  const from = (p: HourlyPollutant, item: DailyItem) => {
    const h = hours[p];
    const x = h ? meanOfHours(h) : null;
    const pub = published?.[item];
    v[item] = x ?? (typeof pub === 'number' && Number.isFinite(pub) ? pub : null);
  };
  from('SO2', 'SO2_24h');
  from('NO2', 'NO2_24h');
  from('CO', 'CO_24h');
  from('PM10', 'PM10_24h');
  from('PM2.5', 'PM2.5_24h');
  const o3 = hours.O3;
  const o3Limit = gb3095Limit(date, 'O3_8h').limit ?? 160;
  const o3Eight = o3 ? dailyMaxEightHour(o3, o3Limit) : null;
  const pub8 = published?.O3_8h;
  v.O3_8h = o3Eight ?? (typeof pub8 === 'number' && Number.isFinite(pub8) ? pub8 : null);
  const o3Valid = o3 ? o3.filter((x): x is number => x !== null) : [];
  const pub1 = published?.O3_1h;
  v.O3_1h = o3Valid.length >= VALIDITY.hoursPerDay ? Math.max(...o3Valid) : typeof pub1 === 'number' && Number.isFinite(pub1) ? pub1 : null;
  return v;
}

/**
 * dayAqi(date, values, o3HourlyRequired) → the day's AQI by the edition in force on it, or null when an item of
 * that edition's daily report is missing (not a valid monitoring day). HJ 633-2012's daily report also has the O3
 * daily max 1-hour mean; platforms' published daily files carry only the 8-hour one, so a day known only from
 * published values is judged on the other six items (o3HourlyRequired false).
 */
export function dayAqi(date: string, values: DailyAirValues, o3HourlyRequired = true): { edition: AqiEdition; aqi: number | null } {
  const edition = aqiEdition(date);
  const r = dailyAqi(date, values);
  if (r.complete) return { edition, aqi: r.aqi };
  const missing = DAILY_ITEMS[edition].filter((k) => typeof values[k] !== 'number' || !Number.isFinite(values[k] as number));
  if (!o3HourlyRequired && missing.length === 1 && missing[0] === 'O3_1h') return { edition, aqi: r.aqi };
  return { edition, aqi: null };
}

const inWindow = (date: string, from?: string | null, to?: string | null) => (!from || date >= from) && (!to || date <= to);

/** monthValidity(days, from, to) → the months wholly inside [from, to] with fewer valid days than 表4 asks. */
function shortMonthsOf(year: number, validDates: string[], from?: string | null, to?: string | null): number[] {
  const perMonth = new Array<number>(12).fill(0);
  for (const d of validDates) perMonth[Number(d.slice(5, 7)) - 1]! += 1;
  const out: number[] = [];
  for (let m = 1; m <= 12; m++) {
    const first = `${year}-${String(m).padStart(2, '0')}-01`;
    const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (!inWindow(first, from, to) || !inWindow(last, from, to)) continue;
    if (perMonth[m - 1]! < (m === 2 ? VALIDITY.daysInFebruary : VALIDITY.daysPerMonth)) out.push(m);
  }
  return out;
}

/**
 * stationYear(input: StationYearInput) → the station's days (values and AQI) within its counting dates, its valid
 * days, and whether it counts in the region: a station whose counting dates cover the whole year needs ≥ 324 valid
 * days and every month ≥ 27 (February ≥ 25) (GB 3095-2012 表4); one counted for part of the year needs the months
 * wholly inside its dates to meet the monthly rule. A station that does not count is reported with the reason
 * ('days', 'months', 'outside' its counting dates, 'noData'), never averaged into the region.
 */
export function stationYear(input: StationYearInput): StationYear {
  const { year } = input;
  const dates = daysOfYear(year);
  const published = new Map((input.days ?? []).map((d) => [d.date, d.values]));
  const days: AirDay[] = [];
  const validDates: string[] = [];
  let anyData = false;
  for (const [i, date] of dates.entries()) {
    if (!inWindow(date, input.countsFrom, input.countsTo)) continue;
    const at = i * 24;
    const hours: Partial<Record<HourlyPollutant, Array<number | null> | null>> = {};
    for (const p of HOURLY_POLLUTANTS) hours[p] = hoursOfDay(input.hours?.[p], at);
    const values = dayValues(date, hours, published.get(date));
    if (Object.values(values).some((x) => x !== null && x !== undefined)) anyData = true;
    const { edition, aqi } = dayAqi(date, values, hours.O3 !== null && hours.O3 !== undefined);
    days.push({ date, edition, values, aqi });
    if (aqi !== null) validDates.push(date);
  }
  const wholeYear = inWindow(dates[0]!, input.countsFrom, input.countsTo) && inWindow(dates[dates.length - 1]!, input.countsFrom, input.countsTo);
  const shortMonths = shortMonthsOf(year, validDates, input.countsFrom, input.countsTo);
  let reason: NotCountedReason | null = null;
  if (days.length === 0) reason = 'outside';
  else if (!anyData) reason = 'noData';
  else if (wholeYear && validDates.length < VALIDITY.daysPerYear) reason = 'days';
  else if (shortMonths.length > 0) reason = 'months';
  return { code: input.code, name: input.name, year, days, validDays: validDates.length, shortMonths, counted: reason === null, reason };
}

export interface EditionPart {
  edition: AqiEdition;
  /** first and last valid day computed by this edition */
  from: string;
  to: string;
  /** valid days computed by it */
  days: number;
  goodDays: number;
}

export interface RegionAirYear {
  year: number;
  stations: StationYear[];
  /** the region's day: each item the mean of the counted stations' valid values (HJ 663-2013, city scale), and its AQI */
  days: AirDay[];
  /** 有效监测天数: days with a valid region AQI */
  validDays: number;
  /** 优良天数 (AQI ≤ 100) and 重污染天数 (AQI > 200) */
  goodDays: number;
  heavyDays: number;
  /** 优良天数比例 = goodDays ÷ validDays (a fraction 0–1); null with no valid day or no counted station */
  goodDaysShare: number | null;
  /** the days each edition of HJ 633 computed */
  editions: EditionPart[];
  /** annual statistics of the region's daily series (GB 3095-2012 表4 validity; HJ 663-2013 percentiles) */
  annual: {
    'PM2.5': AnnualStatistic;
    PM10: AnnualStatistic;
    SO2: AnnualStatistic;
    NO2: AnnualStatistic;
    /** CO 24-hour mean, 95th percentile */
    CO: AnnualStatistic;
    /** O3 daily maximum 8-hour mean, 90th percentile */
    O3: AnnualStatistic;
  };
}

/**
 * regionAirYear(year, stations: StationYear[]) → the region's (county's) days, 优良天数比例, 重污染天数 and annual
 * statistics, from the counted stations only. For each day and item the region's value is the arithmetic mean of
 * the counted stations that have a valid value (HJ 663-2013, city scale); the day's AQI is computed by the edition in force
 * on it from those means; the annual means and percentiles are taken over the region's daily series with
 * GB 3095-2012 表4's validity (airStatistics.annualMean / annualPercentile).
 */
export function regionAirYear(year: number, stations: StationYear[]): RegionAirYear {
  const counted = stations.filter((s) => s.counted);
  const byDate = counted.map((s) => new Map(s.days.map((d) => [d.date, d])));
  const days: AirDay[] = [];
  const parts = new Map<AqiEdition, EditionPart>();
  let goodDays = 0;
  let heavyDays = 0;
  let validDays = 0;
  for (const date of daysOfYear(year)) {
    const values: DailyAirValues = {};
    let o3HourlyKnown = false;
    for (const item of DAILY_ITEM_LIST) {
      const xs: number[] = [];
      for (const m of byDate) {
        const x = m.get(date)?.values[item];
        if (typeof x === 'number' && Number.isFinite(x)) xs.push(x);
      }
      values[item] = xs.length > 0 ? mean(xs) : null;
      if (item === 'O3_1h' && xs.length > 0) o3HourlyKnown = true;
    }
    if (counted.length === 0) {
      days.push({ date, edition: aqiEdition(date), values, aqi: null });
      continue;
    }
    const { edition, aqi } = dayAqi(date, values, o3HourlyKnown);
    days.push({ date, edition, values, aqi });
    if (aqi === null) continue;
    validDays++;
    if (isGoodDay(aqi)) goodDays++;
    if (aqi > 200) heavyDays++;
    const p = parts.get(edition) ?? { edition, from: date, to: date, days: 0, goodDays: 0 };
    p.to = date;
    p.days++;
    if (isGoodDay(aqi)) p.goodDays++;
    parts.set(edition, p);
  }
  const series = (item: DailyItem): DailyValue[] => days.map((d) => ({ date: d.date, value: (d.values[item] as number | null | undefined) ?? null }));
  return {
    year,
    stations,
    days,
    validDays,
    goodDays,
    heavyDays,
    goodDaysShare: validDays === 0 ? null : goodDays / validDays,
    editions: [...parts.values()],
    annual: {
      'PM2.5': annualMean(series('PM2.5_24h')),
      PM10: annualMean(series('PM10_24h')),
      SO2: annualMean(series('SO2_24h')),
      NO2: annualMean(series('NO2_24h')),
      CO: annualPercentile(series('CO_24h'), 95),
      O3: annualPercentile(series('O3_8h'), 90),
    },
  };
}
