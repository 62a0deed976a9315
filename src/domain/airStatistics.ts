// Data validity and annual statistics of air monitoring data, pure functions over arrays. No I/O.
//
// GB 3095-2012《环境空气质量标准》§6 表4 (数据统计的有效性规定) sets the least data a statistic needs;
// HJ 663-2013《环境空气质量评价技术规范（试行）》 sets the O3 8-hour windows, the percentiles and the annual
// evaluation items. A missing or invalid value is null (the platforms' invalid-data marks are read as null
// before these functions). GB 3095-2026 and the HJ 663 edition in force with it are assumed to keep these rules
// until their texts are read (see the README).
import { dailyAqi, isGoodDay, type AqiEdition, type DailyAirValues } from './aqi.ts';

export const VALIDITY = {
  /** GB 3095-2012 表4: a 24-hour mean needs at least 20 hourly values in the day */
  hoursPerDay: 20,
  /** GB 3095-2012 表4: an 8-hour mean needs at least 6 hourly values in its 8 hours */
  hoursPerEightHourWindow: 6,
  /** HJ 663-2013: the daily maximum 8-hour mean of O3 needs at least 14 valid windows ending 8:00–24:00 */
  windowsPerDay: 14,
  /** GB 3095-2012 表4: an annual mean needs at least 324 daily values in the year … */
  daysPerYear: 324,
  /** … and at least 27 in each month, 25 in February */
  daysPerMonth: 27,
  daysInFebruary: 25,
} as const;

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const present = (xs: ReadonlyArray<number | null | undefined>): number[] => xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));

/**
 * dailyMean(hours: 24 hourly values of one day, null where invalid) → the 24-hour mean, or null when fewer than
 * 20 hours are valid (GB 3095-2012 表4, SO2 NO2 CO PM10 PM2.5 24小时平均).
 */
export function dailyMean(hours: ReadonlyArray<number | null>): number | null {
  const v = present(hours);
  return v.length >= VALIDITY.hoursPerDay ? mean(v) : null;
}

/**
 * eightHourMeans(hours: hourly values, null where invalid) → the 8-hour mean of each window of 8 consecutive hours,
 * window k covering hours k…k+7; null where fewer than 6 of its hours are valid (GB 3095-2012 表4).
 */
export function eightHourMeans(hours: ReadonlyArray<number | null>): Array<number | null> {
  const out: Array<number | null> = [];
  for (let k = 0; k + 8 <= hours.length; k++) {
    const v = present(hours.slice(k, k + 8));
    out.push(v.length >= VALIDITY.hoursPerEightHourWindow ? mean(v) : null);
  }
  return out;
}

/**
 * dailyMaxEightHour(hours: the day's 24 hourly O3 values, hour 0 = 00:00–01:00, null where invalid; limit: the
 * concentration limit that saves a short day, default GB 3095-2012 class 2, 160 µg/m³) → the day's maximum 8-hour
 * mean (HJ 633 "臭氧日最大8小时滑动平均"), or null when invalid.
 * HJ 663-2013: the 17 windows ending at 8:00 … 24:00 (hours 0–7 … 16–23); at least 14 valid; with fewer the
 * maximum still stands when it exceeds the limit (the day is polluted whatever the missing windows held).
 */
export function dailyMaxEightHour(hours: ReadonlyArray<number | null>, limit = 160): number | null {
  if (hours.length !== 24) throw new RangeError(`a day has 24 hourly values, not ${hours.length}`);
  const windows = present(eightHourMeans(hours));
  if (windows.length === 0) return null;
  const max = Math.max(...windows);
  return windows.length >= VALIDITY.windowsPerDay || max > limit ? max : null;
}

/**
 * percentile(values: valid values, p: 0–100) → the p-th percentile by HJ 663-2013's rule: sort ascending X(1)…X(n);
 * k = 1 + (n − 1)·p/100; s = ⌊k⌋; X_p = X(s) + (X(s+1) − X(s))·(k − s). Null when there are no values.
 */
export function percentile(values: ReadonlyArray<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is not within 0–100`);
  const x = present(values).sort((a, b) => a - b);
  if (x.length === 0) return null;
  const k = 1 + ((x.length - 1) * p) / 100;
  const s = Math.floor(k);
  if (s >= x.length) return x[x.length - 1]!;
  return x[s - 1]! + (x[s]! - x[s - 1]!) * (k - s);
}

export interface DailyValue {
  /** YYYY-MM-DD */
  date: string;
  /** the day's value (24-hour mean, or daily max 8-hour mean for O3), null when the day is invalid */
  value: number | null;
}

export interface AnnualStatistic {
  /** the statistic, or null when the year's data is not enough (and why) */
  value: number | null;
  validDays: number;
  /** months (1–12) with fewer valid days than GB 3095-2012 表4 asks */
  shortMonths: number[];
  /** why the value is null: too few days in the year, or in some months */
  insufficient?: 'days' | 'months';
}

function yearValidity(days: ReadonlyArray<DailyValue>): Omit<AnnualStatistic, 'value'> & { values: number[] } {
  const perMonth = new Array<number>(12).fill(0);
  const values: number[] = [];
  for (const d of days) {
    if (d.value === null || !Number.isFinite(d.value)) continue;
    values.push(d.value);
    perMonth[Number(d.date.slice(5, 7)) - 1]! += 1;
  }
  const shortMonths = perMonth.flatMap((n, i) => (n < (i === 1 ? VALIDITY.daysInFebruary : VALIDITY.daysPerMonth) ? [i + 1] : []));
  const insufficient = values.length < VALIDITY.daysPerYear ? 'days' : shortMonths.length > 0 ? 'months' : undefined;
  return { values, validDays: values.length, shortMonths, ...(insufficient ? { insufficient } : {}) };
}

/**
 * annualMean(days: one year's daily values) → the annual mean (SO2, NO2, PM10, PM2.5) when the year has at least
 * 324 valid days and every month 27 (February 25) (GB 3095-2012 表4); otherwise value null and the reason.
 */
export function annualMean(days: ReadonlyArray<DailyValue>): AnnualStatistic {
  const { values, ...v } = yearValidity(days);
  return { ...v, value: v.insufficient ? null : mean(values) };
}

/**
 * annualPercentile(days: one year's daily values, p) → the p-th percentile of the valid days by HJ 663-2013
 * (CO: 24-hour mean, p = 95; O3: daily max 8-hour mean, p = 90), under the same validity as the annual mean.
 */
export function annualPercentile(days: ReadonlyArray<DailyValue>, p: number): AnnualStatistic {
  const { values, ...v } = yearValidity(days);
  return { ...v, value: v.insufficient ? null : percentile(values, p) };
}

export interface GoodDays {
  /** days with daily AQI ≤ 100 (优良天数) */
  goodDays: number;
  /** days with a valid daily AQI (有效监测天数) */
  validDays: number;
  /** 优良天数比例 = goodDays ÷ validDays, a fraction (0–1); null with no valid day */
  share: number | null;
  /** days with daily AQI > 200 (重污染天数: 重度 and 严重污染) */
  heavyDays: number;
}

/**
 * goodDaysShare(dailyAqi: the daily AQI of each day, null where the day is not valid) → 优良天数, 有效监测天数 and
 * 优良天数比例 (HJ 633-2012 §5 表2: 优 and 良 are AQI 0–100), with 重污染天数 (AQI > 200).
 */
export function goodDaysShare(dailyAqi: ReadonlyArray<number | null>): GoodDays {
  const valid = present(dailyAqi);
  const goodDays = valid.filter(isGoodDay).length;
  return { goodDays, validDays: valid.length, share: valid.length === 0 ? null : goodDays / valid.length, heavyDays: valid.filter((a) => a > 200).length };
}

export interface GoodDaysByEdition {
  edition: AqiEdition;
  /** first and last valid day computed by this edition */
  from: string;
  to: string;
  validDays: number;
  goodDays: number;
}

/**
 * goodDaysOfYear(days: each day's date and values) → 优良天数, 有效监测天数, 优良天数比例 and 重污染天数 over the
 * complete days (dailyAqi), each day computed by the edition in force on it; a year that straddles 2026-03-01
 * lists the part each edition computed (HJ 633-2012 before, HJ 633-2026 from that day).
 */
export function goodDaysOfYear(days: ReadonlyArray<{ date: string; values: DailyAirValues }>): GoodDays & { editions: GoodDaysByEdition[] } {
  const parts = new Map<AqiEdition, GoodDaysByEdition>();
  const aqis: number[] = [];
  for (const d of [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const r = dailyAqi(d.date, d.values);
    if (!r.complete || r.aqi === null) continue;
    aqis.push(r.aqi);
    const p = parts.get(r.edition) ?? { edition: r.edition, from: d.date, to: d.date, validDays: 0, goodDays: 0 };
    p.to = d.date;
    p.validDays++;
    if (isGoodDay(r.aqi)) p.goodDays++;
    parts.set(r.edition, p);
  }
  return { ...goodDaysShare(aqis), editions: [...parts.values()] };
}
