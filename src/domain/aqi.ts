// The air quality index (AQI) by the edition of HJ 633 in force on the data's date. Pure: no I/O.
//
// Editions: HJ 633-2012《环境空气质量指数（AQI）技术规定（试行）》 for data dated up to 2026-02-28;
// HJ 633-2026 (发布 2026-02-14) from 2026-03-01. The two differ in the PM10 and PM2.5 breakpoints at IAQI 100,
// in the rounding of inputs (2026 only), and in what happens to SO2 1-h and O3 8-h values above 800 µg/m³.
// Clause numbers: HJ 633-2012 §4.1 表1 (breakpoints, and 说明(1)–(3) below it), §4.2 式(1) (IAQI), §4.3 式(2) (AQI and the
// primary pollutant), §5 表2 (levels and categories), the rounding rule ("全部进位取整数"); HJ 633-2026 表3 and
// its notes b and c, §4.2.2 (inputs rounded by GB/T 8170 first), §4.2.6 ("全部向上进位").

export type AqiEdition = 'HJ 633-2012' | 'HJ 633-2026';

/** The first day on which HJ 633-2026 applies; data dated before it is computed by HJ 633-2012. */
export const HJ_633_2026_FROM = '2026-03-01';
/** HJ 633-2012 was issued on 2012-02-29; before it China reported the API (空气污染指数), not an AQI. */
export const HJ_633_2012_ISSUED = '2012-02-29';

/** The six pollutants of HJ 633, in the order of HJ 633-2012 表1. */
export const POLLUTANTS = ['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** The concentration columns of `ecociv aqi`: pollutant and averaging time (µg/m³; CO in mg/m³). */
export const AIR_COLUMNS = ['SO2_1h', 'SO2_24h', 'NO2_1h', 'NO2_24h', 'CO_1h', 'CO_24h', 'O3_1h', 'O3_8h', 'PM10_1h', 'PM10_24h', 'PM2.5_1h', 'PM2.5_24h'] as const;
export type AirColumn = (typeof AIR_COLUMNS)[number];
export type AirValues = Partial<Record<AirColumn, number>>;

/** The pollutant a column measures: "PM2.5_24h" → "PM2.5". */
export const pollutantOf = (column: AirColumn): Pollutant => column.slice(0, column.lastIndexOf('_')) as Pollutant;

/** The unit of a column: CO in mg/m³, every other pollutant in µg/m³ (HJ 633-2012 表1). */
export const unitOf = (column: AirColumn): 'mg/m³' | 'µg/m³' => (column.startsWith('CO_') ? 'mg/m³' : 'µg/m³');

/**
 * The largest concentration read as a measurement rather than a slip of unit or decimal point: well above the
 * highest values ambient monitors record (PM10 in dust storms reaches about 10,000 µg/m³ an hour; CO seldom passes
 * 20 mg/m³), and below the IAQI-500 breakpoint of CO × 1.5, so that CO typed in µg/m³ (e.g. 800) is caught.
 */
export const PLAUSIBLE_MAX: Record<'mg/m³' | 'µg/m³', number> = { 'µg/m³': 20_000, 'mg/m³': 200 };

/**
 * aqiEdition(date: 'YYYY-MM-DD' or a date-time starting so) → the edition in force on that date.
 * The date part decides: an hourly value stamped 2026-03-01 00:00 is computed by HJ 633-2026.
 */
export function aqiEdition(date: string): AqiEdition {
  return date.slice(0, 10) < HJ_633_2026_FROM ? 'HJ 633-2012' : 'HJ 633-2026';
}

/** IAQI at each breakpoint (HJ 633-2012 表1 first row; HJ 633-2026 表3). */
const IAQI_STEPS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

// Concentration breakpoints BP at IAQI 0, 50, 100, 150, 200, 300, 400, 500 (shorter where the table stops).
const TABLE_2012: Partial<Record<AirColumn, readonly number[]>> = {
  SO2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  SO2_1h: [0, 150, 500, 650, 800], // 表1 说明(2): above 800 no 1-h IAQI; SO2 is reported by its 24-h IAQI
  NO2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  NO2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  CO_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  CO_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  O3_8h: [0, 100, 160, 215, 265, 800], // 表1 说明(3): above 800 no 8-h IAQI; O3 is reported by its 1-h IAQI
  PM10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
  'PM2.5_24h': [0, 35, 75, 115, 150, 250, 350, 500],
};

// HJ 633-2026 表3: as 2012 except PM10 日 100 → 120 µg/m³ and PM2.5 日 75 → 60 µg/m³ at IAQI 100; the hourly
// report computes PM from its 1-h value against the daily breakpoints.
const TABLE_2026: Partial<Record<AirColumn, readonly number[]>> = {
  ...TABLE_2012,
  PM10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
  'PM2.5_24h': [0, 35, 60, 115, 150, 250, 350, 500],
  PM10_1h: [0, 50, 120, 250, 350, 420, 500, 600],
  'PM2.5_1h': [0, 35, 60, 115, 150, 250, 350, 500],
};

const TABLES: Record<AqiEdition, Partial<Record<AirColumn, readonly number[]>>> = { 'HJ 633-2012': TABLE_2012, 'HJ 633-2026': TABLE_2026 };

/** The breakpoints of a column in an edition (BP at IAQI 0, 50, 100, …), or undefined when it has none. */
export function breakpoints(edition: AqiEdition, column: AirColumn): readonly number[] | undefined {
  return TABLES[edition][column];
}

/** How an IAQI was arrived at when the table's straight line did not give it. */
export type IaqiRule =
  /** HJ 633-2012 has no 1-h PM10/PM2.5 breakpoints (its hourly report uses 24-h sliding means) */
  | 'noBreakpoints'
  /** HJ 633-2012 表1 说明(2): SO2 1-h above 800 µg/m³ gets no IAQI; SO2 is reported by its 24-h value */
  | 'so2HourAbove800UseDaily'
  /** HJ 633-2026 表3 注b: SO2 1-h above 800 µg/m³ counts as IAQI 200 */
  | 'so2HourAbove800Is200'
  /** HJ 633-2012 表1 说明(3): O3 8-h above 800 µg/m³ gets no IAQI; O3 is reported by its 1-h value */
  | 'o3EightHourAbove800UseHourly'
  /** HJ 633-2026 表3 注c: O3 8-h above 800 µg/m³ counts as IAQI 300 */
  | 'o3EightHourAbove800Is300'
  /** above the last breakpoint neither edition defines an IAQI: we report 500, as the national platform does ("爆表") */
  | 'aboveLastBreakpointIs500';

export interface IaqiOutcome {
  /** the IAQI, an integer; null when the edition gives none for this value */
  iaqi: number | null;
  /** set when a note of the table or our convention decided, not the straight line */
  rule?: IaqiRule;
  /** the concentration the table was read with (2026: rounded first by GB/T 8170) */
  concentration: number;
}

/**
 * roundHalfEven(x: number, decimals: number) → x rounded by GB/T 8170-2008 §3.3 (四舍六入五成双): a dropped part
 * of exactly one half rounds to the even neighbour. "Exactly" allows for binary floating error (3.85 is 3.85).
 */
export function roundHalfEven(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = x * scale;
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  const tolerance = 1e-9 * Math.max(1, Math.abs(scaled));
  let r: number;
  if (Math.abs(rest - 0.5) <= tolerance) r = floor % 2 === 0 ? floor : floor + 1;
  else r = Math.round(scaled);
  return r / scale;
}

/**
 * ceilIndex(x: number) → x carried up to an integer (HJ 633-2012 "全部进位取整数"; HJ 633-2026 §4.2.6 "全部向上
 * 进位"), except that a value within floating error of an integer is that integer (75.00000000000001 is 75).
 */
export function ceilIndex(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x)) ? r : Math.ceil(x);
}

/**
 * The input rounding of HJ 633-2026 §4.2.2: concentrations rounded by GB/T 8170 before the table is read,
 * µg/m³ pollutants to integers, CO (mg/m³) to one decimal. HJ 633-2012 reads the value as given.
 */
export function roundedInput(edition: AqiEdition, column: AirColumn, concentration: number): number {
  if (edition === 'HJ 633-2012') return concentration;
  return roundHalfEven(concentration, column.startsWith('CO_') ? 1 : 0);
}

/**
 * iaqiOf(edition, column, concentration ≥ 0) → the individual AQI of one value, with the rule that decided it.
 * HJ 633-2012 §4.2 式(1) / HJ 633-2026 表3: IAQI = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo) × (C − BP_Lo) + IAQI_Lo,
 * BP_Lo ≤ C ≤ BP_Hi, carried up to an integer. A value on a breakpoint takes that breakpoint's IAQI.
 */
export function iaqiOf(edition: AqiEdition, column: AirColumn, concentration: number): IaqiOutcome {
  if (!(concentration >= 0) || !Number.isFinite(concentration)) throw new RangeError(`concentration ${concentration} of ${column} is not a non-negative number`);
  const bp = TABLES[edition][column];
  const c = roundedInput(edition, column, concentration);
  if (!bp) return { iaqi: null, rule: 'noBreakpoints', concentration: c };
  if (column === 'SO2_1h' && c > 800) return edition === 'HJ 633-2012' ? { iaqi: null, rule: 'so2HourAbove800UseDaily', concentration: c } : { iaqi: 200, rule: 'so2HourAbove800Is200', concentration: c };
  if (column === 'O3_8h' && c > 800) return edition === 'HJ 633-2012' ? { iaqi: null, rule: 'o3EightHourAbove800UseHourly', concentration: c } : { iaqi: 300, rule: 'o3EightHourAbove800Is300', concentration: c };
  const last = bp.length - 1;
  if (c > bp[last]!) return { iaqi: 500, rule: 'aboveLastBreakpointIs500', concentration: c };
  let i = 1;
  while (c > bp[i]!) i++;
  const lo = bp[i - 1]!;
  const hi = bp[i]!;
  const value = ((IAQI_STEPS[i]! - IAQI_STEPS[i - 1]!) / (hi - lo)) * (c - lo) + IAQI_STEPS[i - 1]!;
  return { iaqi: ceilIndex(value), concentration: c };
}

/** iaqi(edition, column, concentration) → the IAQI (an integer) or null when the edition gives none. */
export const iaqi = (edition: AqiEdition, column: AirColumn, concentration: number): number | null => iaqiOf(edition, column, concentration).iaqi;

/**
 * The levels and categories of HJ 633-2012 §5 表2 (HJ 633-2026 the same; its table starts level 1 at AQI 1,
 * and an AQI of 0 is level 1 as well). The category words are the standard's own; English names for display
 * are in the catalogues (monitoring.category.<level>).
 */
export const AQI_LEVELS = [
  { level: 1, upTo: 50, category: '优' },
  { level: 2, upTo: 100, category: '良' },
  { level: 3, upTo: 150, category: '轻度污染' },
  { level: 4, upTo: 200, category: '中度污染' },
  { level: 5, upTo: 300, category: '重度污染' },
  { level: 6, upTo: Infinity, category: '严重污染' },
] as const;
export type AqiLevel = (typeof AQI_LEVELS)[number]['level'];
export type AqiCategory = (typeof AQI_LEVELS)[number]['category'];

/** aqiLevel(aqi: integer ≥ 0) → its level (1–6) and category (HJ 633-2012 §5 表2). */
export function aqiLevel(aqi: number): { level: AqiLevel; category: AqiCategory } {
  const l = AQI_LEVELS.find((x) => aqi <= x.upTo)!;
  return { level: l.level, category: l.category };
}

/** A good day (优良天): daily AQI ≤ 100, i.e. level 1 or 2. */
export const isGoodDay = (aqi: number): boolean => aqi <= 100;

export interface AqiResult {
  edition: AqiEdition;
  /** the IAQI of every column that has one */
  iaqi: AirValues;
  /** max of the IAQIs (HJ 633-2012 §4.3 式(2)); null when no column had one */
  aqi: number | null;
  /** 首要污染物: the pollutants whose IAQI is the AQI, only when AQI > 50; ties all listed (§4.3) */
  primary: Pollutant[];
  level: AqiLevel | null;
  category: AqiCategory | null;
  /** the columns decided by a note of the table or by our convention above the last breakpoint */
  rules: Array<{ column: AirColumn; rule: IaqiRule }>;
}

/**
 * airQualityIndex(edition, values: { column: concentration ≥ 0 }) → IAQI per column, AQI, primary pollutants,
 * level and category. Every column given is read against its own averaging time's breakpoints; the caller
 * decides which values make a daily or an hourly report (HJ 633-2012 §5; HJ 633-2026 日报/实时报).
 */
export function airQualityIndex(edition: AqiEdition, values: AirValues): AqiResult {
  const out: AirValues = {};
  const rules: AqiResult['rules'] = [];
  for (const column of AIR_COLUMNS) {
    const c = values[column];
    if (c === undefined) continue;
    const o = iaqiOf(edition, column, c);
    if (o.rule) rules.push({ column, rule: o.rule });
    if (o.iaqi !== null) out[column] = o.iaqi;
  }
  const indices = Object.values(out) as number[];
  if (indices.length === 0) return { edition, iaqi: out, aqi: null, primary: [], level: null, category: null, rules };
  const aqi = Math.max(...indices);
  const primary = aqi > 50 ? POLLUTANTS.filter((p) => AIR_COLUMNS.some((c) => pollutantOf(c) === p && out[c] === aqi)) : [];
  return { edition, iaqi: out, aqi, primary, ...aqiLevel(aqi), rules };
}

/** A day's values for the daily report: 24-hour means, and O3's daily maximum 1-hour and 8-hour means. */
export interface DailyAirValues {
  SO2_24h?: number | null;
  NO2_24h?: number | null;
  CO_24h?: number | null;
  PM10_24h?: number | null;
  'PM2.5_24h'?: number | null;
  /** O3 daily maximum 8-hour mean (日最大8小时滑动平均) */
  O3_8h?: number | null;
  /** O3 daily maximum 1-hour mean (日最大1小时平均): in HJ 633-2012's daily report only */
  O3_1h?: number | null;
}

/** The pollutant items of each edition's daily report (HJ 633-2012 §5: seven; HJ 633-2026: six). */
export const DAILY_ITEMS: Record<AqiEdition, ReadonlyArray<keyof DailyAirValues>> = {
  'HJ 633-2012': ['SO2_24h', 'NO2_24h', 'PM10_24h', 'PM2.5_24h', 'CO_24h', 'O3_1h', 'O3_8h'],
  'HJ 633-2026': ['SO2_24h', 'NO2_24h', 'PM10_24h', 'PM2.5_24h', 'CO_24h', 'O3_8h'],
};

/**
 * dailyAqi(date: 'YYYY-MM-DD', values: the day's values, null where invalid) → the daily AQI by the edition in
 * force on that date, from that edition's daily-report items (others are ignored), with `complete` false when
 * one of them is missing: such a day is not a valid monitoring day (有效监测天), whatever its AQI.
 */
export function dailyAqi(date: string, values: DailyAirValues): AqiResult & { complete: boolean } {
  const edition = aqiEdition(date);
  const items = DAILY_ITEMS[edition];
  const given: AirValues = {};
  for (const k of items) {
    const v = values[k];
    if (typeof v === 'number' && Number.isFinite(v)) given[k] = v;
  }
  return { ...airQualityIndex(edition, given), complete: Object.keys(given).length === items.length };
}
