// The columns of the monitoring files the national and provincial platforms export, found by their headers, and
// the reading of their cells. Pure: no I/O.
//
// Layouts recognised (a header may carry its unit in brackets, half- or full-width: "PM2.5(μg/m³)", "CO（mg/m3）"):
// - air, hourly: 全国城市空气质量实时发布平台 and the provincial platforms' exports — 站点编码/点位编码, 站点名称/点位名称,
//   监测时间/时间 (a date-time) or 日期 + 小时, SO2 NO2 CO O3 PM10 PM2.5 (also PM2_5, 二氧化硫 … 细颗粒物); AQI, 首要
//   污染物, 等级 and the platform's sliding 24-hour columns (PM2.5_24h …) are read past in an hourly file.
// - air, hourly, the wide layout of the national platform's archives (china_sites_YYYYMMDD.csv): date, hour, type,
//   then a column per station code; a row per hour and item (PM2.5, PM10, SO2, NO2, O3, CO; AQI and the _24h / O3_8h
//   sliding values are read past — they are computed from the hours). Station columns of other regions are ignored.
// - air, hourly, archives with the date in three columns: siteID, year, month, day, hour, SO2 … PM2.5.
// - air, daily: 日期/监测日期, the 24-hour means (SO2 or SO2_24h …, CO in mg/m³) and O3_8h / O3-8小时 / 臭氧8小时.
// - water: 国家地表水水质自动监测实时数据发布系统 and manual-sampling tables — 断面名称/断面编码, 采样日期/监测时间,
//   pH 溶解氧 高锰酸盐指数 化学需氧量 五日生化需氧量 氨氮 总磷 总氮 铜 锌 氟化物 硒 砷 汞 镉 六价铬 铅 氰化物 挥发酚 石油类
//   阴离子表面活性剂 硫化物 粪大肠菌群, or the English names of `ecociv water-class` (pH DO CODMn … fecal_coliform).
// - stations: 编码, 名称, 类型 (国控/省控/市控/县控), 站点类别 (空气/断面/水源地), 所在水体, 水体类型 (河流/湖泊/水库),
//   目标水质类别 (Ⅱ, Ⅲ, II, 3 …), 乡镇/街道, 经度, 纬度, 启用日期, 停用日期.
//
// Platform invalid-data marks (the value is kept as missing — null — and the mark as written):
// - no value: "", "—", "-", "--", "/", "NA", "N/A", "NaN", "null", 无效, 无数据, 缺测, 未检测; and the missing-value
//   codes -9999, -999, -99 of the platforms' archives (e.g. the Guangdong release's siteID/year/month/day/hour files);
// - the data flags of the air platforms (HJ 818-2018 附录 and the platforms' 数据标识说明), written alone ("BB") or
//   after the value ("35H"): H 有效数据不足, BB 连接不良, B 运行不良, W 等待数据恢复, HSp 数据超仪器上限, LSp 数据超仪器
//   下限, PS 跨度校准, PZ 零点校准, AS 精度检查, CZ 零点检查, CS 跨度检查, Re 审核中, RM 剔除, M 维护, F 故障, T 超测定
//   范围, D 仪器故障, N 未监测;
// - water: a value below the detection limit written "0.01L" (GB/T and HJ water methods' notation: 未检出, below 0.01)
//   or ND / 未检出: no measured value; the mark keeps the limit.
// Nothing is converted: a header whose unit is not the one expected (CO in µg/m³, PM in mg/m³, water in µg/L) is
// refused naming the column and both units.
import { PLAUSIBLE_MAX } from './aqi.ts';
import { yearInRange } from './limits.ts';
import { isIsoDate } from './period.ts';
import { plausibleRange, readTargetClass, WATER_PARAMETERS, type TargetClass, type WaterParameter, type Waterbody } from './waterClass.ts';

export type MonitoringFileKind = 'stations' | 'air-hours' | 'air-days' | 'water';
export const MONITORING_FILE_KINDS: readonly MonitoringFileKind[] = ['stations', 'air-hours', 'air-days', 'water'];

/** The air items a file may hold, in the store's columns: hourly so2 … pm25; daily the same with o3_8h for O3. */
export const AIR_ITEMS = ['SO2', 'NO2', 'CO', 'O3', 'O3_8h', 'PM10', 'PM2.5'] as const;
export type AirItem = (typeof AIR_ITEMS)[number];

export const STATION_FIELDS = ['code', 'name', 'level', 'kind', 'waterName', 'waterbody', 'target', 'township', 'longitude', 'latitude', 'from', 'to'] as const;
export type StationField = (typeof STATION_FIELDS)[number];

/** Where each thing is in a file's header (column indexes from 0). */
export interface ColumnMap {
  kind: MonitoringFileKind;
  headers: string[];
  code?: number;
  name?: number;
  /** a date-time column, or a date column with an hour column beside it */
  dateTime?: number;
  date?: number;
  hour?: number;
  /** the date in three columns (year, month, day of month), as some platform archives write it */
  ymd?: { year: number; month: number; day: number };
  /**
   * the wide layout of the national platform's archives (date, hour, type, then one column per station code):
   * each row is one item (type: PM2.5, PM10, SO2, NO2, O3, CO; AQI and the 24-hour and 8-hour values are read past)
   */
  wide?: { type: number; stations: number[] };
  air: Partial<Record<AirItem, number>>;
  water: Partial<Record<WaterParameter, number>>;
  station: Partial<Record<StationField, number>>;
}

/** A problem of the header: its message key (monitoringImport.header.*) and parameters. */
export interface HeaderProblem {
  column: string;
  key: string;
  params: Record<string, string | number>;
}

// ---------------------------------------------------------------- headers

/** A header split into its name key (lower case, no spaces or punctuation) and the unit written in brackets. */
export function splitHeader(header: string): { keys: string[]; unit: string | null } {
  // the unit as written (shown in a refusal); names compared after NFKC (full-width, subscripts, µ)
  const h = header.trim();
  const groups = [...h.matchAll(/[(（[【]([^)）\]】]*)[)）\]】]/g)].map((m) => m[1]!.trim());
  const outer = h.replace(/[(（[【][^)）\]】]*[)）\]】]/g, ' ').trim();
  let unit: string | null = null;
  const named: string[] = [];
  for (const g of groups) (unitKey(g) !== null ? (unit = g) : named.push(g));
  // a unit written after the name with a space: "PM2.5 μg/m3"
  let name = outer;
  const tail = /^(.*\S)\s+(\S+)$/.exec(outer);
  if (unit === null && tail && unitKey(tail[2]!) !== null) {
    name = tail[1]!;
    unit = tail[2]!;
  }
  const k = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s_\-.·:：、/]/g, '');
  const keys = [k(name + named.join('')), k(name), ...named.map(k)].filter((x, i, a) => x !== '' && a.indexOf(x) === i);
  return { keys, unit };
}

/** A unit as a comparable key: "μg/m³" "ug/m3" "µg·m-3" → "ug/m3"; null when the text is not a unit. */
export function unitKey(text: string): string | null {
  const u = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[μµ]/g, 'u')
    .replace(/\s/g, '')
    .replace(/·m-3$/, '/m3')
    .replace(/³/g, '3');
  if (/^(ug|mg|ng|g)\/(n?m3)$/.test(u)) return u.replace('/nm3', '/m3');
  if (/^(ug|mg|ng|g)\/(l|ml)$/.test(u)) return u;
  if (/^(个|mpn|cfu)\/(l|100ml|ml)$/.test(u)) return u.replace(/^(mpn|cfu)/, '个');
  if (u === '无量纲' || u === 'ph' || u === '无' || u === '-') return '';
  return null;
}

const alias = (pairs: Array<[string, string[]]>) => {
  const m = new Map<string, string>();
  for (const [k, names] of pairs) for (const n of names) m.set(n, k);
  return m;
};

const IDENTITY = alias([
  ['code', ['站点编码', '点位编码', '断面编码', '监测点编码', '测点编码', '站点代码', '站码', '编码', '代码', 'code', 'stationcode', 'sitecode', 'siteid', 'stationid', '水源地编码']],
  ['name', ['站点名称', '点位名称', '断面名称', '监测点位', '监测点位名称', '监测点名称', '水源地名称', '站点', '点位', '断面', '站名', '名称', 'name', 'station', 'site', 'sitename', 'stationname']],
  ['dateTime', ['监测时间', '时间', '数据时间', '日期时间', '发布时间', '采样时间', 'time', 'datetime', 'timepoint']],
  ['date', ['日期', '监测日期', '采样日期', '数据日期', 'date', 'day', 'sampledon']],
  ['hour', ['小时', '时段', '时刻', 'hour']],
  ['type', ['type', '监测项目', '污染物', '项目']],
  ['year', ['年', '年份', 'year']],
  ['month', ['月', '月份', 'month']],
  ['dayOfMonth', ['日', 'dayofmonth']],
]);

/** Air headers (name keys) → item, with whether the name says a 24-hour value (the platform's "_24h"). */
const AIR = alias([
  ['SO2', ['so2', '二氧化硫', 'so21h']],
  ['NO2', ['no2', '二氧化氮', 'no21h']],
  ['CO', ['co', '一氧化碳', 'co1h']],
  ['O3', ['o3', '臭氧', 'o31h', '臭氧1小时', 'o31小时']],
  ['O3_8h', ['o38h', 'o38小时', '臭氧8小时', 'o38h滑动平均', '臭氧8小时滑动平均', 'o3日最大8小时', '臭氧日最大8小时滑动平均', 'o38hmax', 'o38h24h']],
  ['PM10', ['pm10', '可吸入颗粒物', 'pm101h']],
  ['PM2.5', ['pm25', '细颗粒物', 'pm251h']],
  ['SO2_24h', ['so224h', '二氧化硫24小时']],
  ['NO2_24h', ['no224h', '二氧化氮24小时']],
  ['CO_24h', ['co24h', '一氧化碳24小时']],
  ['PM10_24h', ['pm1024h', '可吸入颗粒物24小时']],
  ['PM2.5_24h', ['pm2524h', '细颗粒物24小时']],
]);

const WATER_NAMES: Record<WaterParameter, string[]> = {
  pH: ['ph', 'ph值'],
  DO: ['do', '溶解氧'],
  CODMn: ['codmn', '高锰酸盐指数'],
  COD: ['cod', 'codcr', '化学需氧量'],
  BOD5: ['bod5', 'bod', '五日生化需氧量'],
  'NH3-N': ['nh3n', '氨氮'],
  TP: ['tp', '总磷'],
  TN: ['tn', '总氮'],
  Cu: ['cu', '铜'],
  Zn: ['zn', '锌'],
  F: ['f', '氟化物'],
  Se: ['se', '硒'],
  As: ['as', '砷'],
  Hg: ['hg', '汞'],
  Cd: ['cd', '镉'],
  Cr6: ['cr6', '六价铬', '铬六价'],
  Pb: ['pb', '铅'],
  CN: ['cn', '氰化物'],
  phenol: ['phenol', '挥发酚'],
  petroleum: ['petroleum', '石油类'],
  LAS: ['las', '阴离子表面活性剂'],
  sulfide: ['sulfide', '硫化物'],
  fecal_coliform: ['fecalcoliform', '粪大肠菌群'],
};
const WATER = alias(WATER_PARAMETERS.map((p) => [p, WATER_NAMES[p]]));

const STATION = alias([
  ['level', ['类型', '站点类型', '点位类型', '级别', '控制级别', '断面级别', '事权', 'level']],
  ['kind', ['站点类别', '类别', '点位类别', 'kind', 'category']],
  ['waterName', ['所在水体', '水体', '水体名称', '河流名称', '河流', '所在河流', 'watername', 'river']],
  ['waterbody', ['水体类型', '断面类型', 'waterbody']],
  ['target', ['目标水质类别', '水质目标', '目标类别', '目标水质', '水质类别目标', 'target', 'targetclass']],
  ['township', ['乡镇街道', '乡镇', '街道', '所在乡镇', '所在乡镇街道', 'township']],
  ['longitude', ['经度', 'longitude', 'lon', 'lng']],
  ['latitude', ['纬度', 'latitude', 'lat']],
  ['from', ['启用日期', '启用时间', '建站日期', '开始日期', 'from', 'countsfrom']],
  ['to', ['停用日期', '停用时间', '撤销日期', '结束日期', 'to', 'countsto']],
]);

const lookup = (m: Map<string, string>, keys: string[]) => {
  for (const k of keys) {
    const v = m.get(k);
    if (v !== undefined) return v;
  }
  return undefined;
};

/** The unit a column of this item must carry when its header names one. */
export function expectedUnit(item: AirItem | WaterParameter): string {
  if (item === 'CO') return 'mg/m³';
  if ((AIR_ITEMS as readonly string[]).includes(item)) return 'µg/m³';
  if (item === 'pH') return '';
  return item === 'fecal_coliform' ? '个/L' : 'mg/L';
}
const expectedKey = (item: AirItem | WaterParameter) => (item === 'pH' ? '' : unitKey(expectedUnit(item)));

/**
 * readHeader(header: the first row's cells, kind?: the file's kind when the caller knows it) → where each column is
 * and the kind of the file (found from the header when not given), or the header's problems: a unit that is not the
 * one expected (naming column and both units), a column twice, no station column, no time column, no value column.
 * Kind from the header: value columns of water → water; of air → air-days when the time column is a date
 * (日期/监测日期/date) with no hour column or the values are 24-hour means, else air-hours; station columns
 * (类型, 经度, 目标水质类别 …) with no value columns → stations.
 */
export function readHeader(header: readonly string[], kind?: MonitoringFileKind): { ok: true; map: ColumnMap } | { ok: false; problems: HeaderProblem[] } {
  const problems: HeaderProblem[] = [];
  const ident: Record<string, number> = {};
  const air: Partial<Record<string, number>> = {};
  const water: Partial<Record<WaterParameter, number>> = {};
  const station: Partial<Record<StationField, number>> = {};
  const units: Array<{ index: number; item: AirItem | WaterParameter; unit: string }> = [];
  const seen = new Map<string, number>();
  const others: number[] = [];
  const once = (what: string, i: number): boolean => {
    const first = seen.get(what);
    if (first !== undefined) {
      problems.push({ column: header[i]!, key: 'monitoringImport.header.twice', params: { column: header[i]!, first: header[first]! } });
      return false;
    }
    seen.set(what, i);
    return true;
  };
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const { keys, unit } = splitHeader(h);
    const id = lookup(IDENTITY, keys);
    if (id !== undefined) {
      if (once(id, i)) ident[id] = i;
      return;
    }
    const a = lookup(AIR, keys);
    if (a !== undefined) {
      if (once(`air.${a}`, i)) {
        air[a] = i;
        if (unit !== null) units.push({ index: i, item: a.replace('_24h', '') as AirItem, unit });
      }
      return;
    }
    const w = lookup(WATER, keys) as WaterParameter | undefined;
    if (w !== undefined) {
      if (once(`water.${w}`, i)) {
        water[w] = i;
        if (unit !== null) units.push({ index: i, item: w, unit });
      }
      return;
    }
    const s = lookup(STATION, keys) as StationField | undefined;
    if (s !== undefined) {
      if (once(`station.${s}`, i)) station[s] = i;
    } else others.push(i);
  });
  for (const u of units) {
    if (unitKey(u.unit) !== expectedKey(u.item))
      problems.push({ column: header[u.index]!, key: 'monitoringImport.header.unit', params: { column: header[u.index]!, unit: u.unit, expected: expectedUnit(u.item) || '—' } });
  }
  // year, month and day of month in three columns ("day" then means the day of the month)
  let ymd: ColumnMap['ymd'];
  const dom = ident.dayOfMonth ?? (ident.date !== undefined && ['day', 'd'].includes(splitHeader(header[ident.date]!).keys.at(-1)!) ? ident.date : undefined);
  if (ident.year !== undefined && ident.month !== undefined && dom !== undefined) {
    ymd = { year: ident.year, month: ident.month, day: dom };
    if (ident.date === dom) delete ident.date;
    if (ident.dateTime === undefined && ident.date === undefined) ident.date = dom;
  }
  if (ident.type !== undefined && ident.date !== undefined && ident.hour !== undefined && Object.keys(air).length === 0 && others.length > 0 && (kind === undefined || kind === 'air-hours')) {
    if (problems.length) return { ok: false, problems };
    return { ok: true, map: { kind: 'air-hours', headers: [...header], date: ident.date, hour: ident.hour, air: {}, water: {}, station: {}, wide: { type: ident.type, stations: others } } };
  }
  const hasAir = Object.keys(air).length > 0;
  const hasWater = Object.keys(water).some((p) => p !== 'pH');
  const dailyNames = Object.keys(air).some((k) => k.endsWith('_24h')) && !AIR_ITEMS.some((k) => k !== 'O3_8h' && air[k] !== undefined);
  let found: MonitoringFileKind | null = null;
  if (hasWater) found = 'water';
  else if (hasAir) {
    const dateOnly = ident.dateTime === undefined && (ident.date !== undefined || ymd !== undefined) && ident.hour === undefined;
    found = dateOnly || dailyNames ? 'air-days' : 'air-hours';
  } else if (ident.code !== undefined || ident.name !== undefined) found = Object.keys(station).length > 0 || ident.dateTime === undefined ? 'stations' : null;
  const k = kind ?? found;
  if (!k) {
    problems.push({ column: '', key: 'monitoringImport.header.kind', params: { columns: header.filter((h) => h.trim()).join('、') } });
    return { ok: false, problems };
  }
  if (ident.code === undefined && ident.name === undefined) problems.push({ column: '', key: k === 'water' ? 'monitoringImport.header.noSection' : 'monitoringImport.header.noStation', params: {} });
  if (k !== 'stations') {
    if (ident.dateTime === undefined && ident.date === undefined) problems.push({ column: '', key: 'monitoringImport.header.noTime', params: {} });
    else if (k === 'air-hours' && ident.dateTime === undefined && ident.hour === undefined) problems.push({ column: header[ident.date!]!, key: 'monitoringImport.header.noHour', params: { column: header[ident.date!]! } });
  }
  const airItems: Partial<Record<AirItem, number>> = {};
  if (k === 'air-hours') for (const it of ['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5'] as const) if (air[it] !== undefined) airItems[it] = air[it];
  if (k === 'air-days') {
    for (const it of ['SO2', 'NO2', 'CO', 'PM10', 'PM2.5'] as const) {
      const c = air[`${it}_24h`] ?? air[it];
      if (c !== undefined) airItems[it] = c;
    }
    if (air.O3_8h !== undefined) airItems.O3_8h = air.O3_8h;
  }
  if ((k === 'air-hours' || k === 'air-days') && Object.keys(airItems).length === 0) problems.push({ column: '', key: 'monitoringImport.header.noAir', params: {} });
  if (k === 'water' && Object.keys(water).length === 0) problems.push({ column: '', key: 'monitoringImport.header.noWater', params: {} });
  if (problems.length) return { ok: false, problems };
  const map: ColumnMap = { kind: k, headers: [...header], air: airItems, water: k === 'water' ? water : {}, station: k === 'stations' ? station : {} };
  if (ident.code !== undefined) map.code = ident.code;
  if (ident.name !== undefined) map.name = ident.name;
  if (ident.dateTime !== undefined) map.dateTime = ident.dateTime;
  if (ident.date !== undefined) map.date = ident.date;
  if (ident.hour !== undefined) map.hour = ident.hour;
  if (ymd) map.ymd = ymd;
  return { ok: true, map };
}

// ---------------------------------------------------------------- values

/** Cells that say "no value" (kept as the mark when not blank). */
const NO_VALUE = new Set(['', '—', '-', '--', '——', '/', 'na', 'n/a', 'nan', 'null', 'none', '无效', '无数据', '缺测', '未检测', '未监测', '-9999', '-999', '-99']);
/** The platforms' data flags (see the head of this file). */
export const PLATFORM_MARKS = ['H', 'BB', 'B', 'W', 'HSp', 'LSp', 'PS', 'PZ', 'AS', 'CZ', 'CS', 'Re', 'RM', 'M', 'F', 'T', 'D', 'N'] as const;
const MARKS = new Set<string>(PLATFORM_MARKS.map((m) => m.toLowerCase()));

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A cell read as a value: a number, or missing with the platform's mark; or a problem (its message key). */
export type CellReading = { value: number | null; mark: string | null } | { problem: 'notNumber' | 'negative' | 'tooHigh' | 'pH' };

/**
 * readValue(cell, range: [min, max] the plausible range) → the number; null with the mark for a platform mark,
 * a below-detection value ("0.01L", ND, 未检出) or a no-value word; a problem for text that is none of these, a
 * negative number, or a number above the range (a slip of unit or decimal point).
 */
export function readValue(cell: string, range: readonly [number, number], parameter?: string): CellReading {
  if (cell === '') return { value: null, mark: null };
  if (cell === '-9999' || cell === '-999' || cell === '-99') return { value: null, mark: cell }; // archives' missing-value code
  const fast = plainNumber(cell);
  if (fast === fast && parameter !== 'pH') return fast < 0 ? { problem: 'negative' } : fast > range[1] ? { problem: 'tooHigh' } : { value: fast, mark: null };
  if (NUMBER.test(cell)) {
    const v = Number(cell);
    if (parameter === 'pH' && (v < range[0] || v > range[1])) return { problem: 'pH' };
    if (v < 0) return { problem: 'negative' };
    if (v > range[1]) return { problem: 'tooHigh' };
    return { value: v, mark: null };
  }
  const c = cell.normalize('NFKC').trim();
  if (NUMBER.test(c)) return readValue(c, range, parameter);
  if (NO_VALUE.has(c.toLowerCase())) return { value: null, mark: c === '' ? null : c };
  if (/^(nd|未检出|<dl|低于检出限)$/i.test(c) || /^(<\s*)?\d+(\.\d+)?\s*l$/i.test(c) || /^<\s*\d+(\.\d+)?$/.test(c)) return { value: null, mark: c };
  const flagged = /^(-?\d+(?:\.\d+)?)?\s*([A-Za-z]{1,3})$/.exec(c);
  if (flagged && MARKS.has(flagged[2]!.toLowerCase())) {
    if (flagged[1] !== undefined && Number(flagged[1]) < 0) return { problem: 'negative' };
    return { value: null, mark: c };
  }
  return { problem: 'notNumber' };
}

/**
 * plainNumber(cell) → the number a cell of plain decimal notation holds (35, 0.6, -5, 1e9), NaN otherwise: the
 * fast path of readValue and cellNumber, without a regular expression (hex, binary, "Infinity" are not numbers).
 */
export function plainNumber(cell: string): number {
  const n = cell.length;
  if (n === 0) return Number.NaN;
  const a = cell.charCodeAt(0);
  const z = cell.charCodeAt(n - 1);
  if (!((a >= 48 && a <= 57) || a === 46 || a === 45 || a === 43) || !((z >= 48 && z <= 57) || z === 46)) return Number.NaN;
  if (n > 1) {
    const b = cell.charCodeAt(1) | 0x20;
    if (b === 0x78 || b === 0x62 || b === 0x6f) return Number.NaN; // 0x 0b 0o
  }
  return +cell;
}

/** What cellNumber returns for a cell it refuses (a negative code; a value is never negative). */
export const CELL_PROBLEM = { notNumber: -1, negative: -2, tooHigh: -3, pH: -4 } as const;

/**
 * cellNumber(cell, range, parameter?) → readValue without an object per cell, for millions of cells: the value
 * (≥ 0); NaN for no value (blank or a mark); a CELL_PROBLEM code (< 0) for a refused cell.
 */
export function cellNumber(cell: string, range: readonly [number, number], parameter?: string): number {
  if (cell === '' || cell === '-9999' || cell === '-999' || cell === '-99') return Number.NaN;
  const v = parameter === 'pH' ? Number.NaN : plainNumber(cell);
  if (v === v) return v < 0 ? CELL_PROBLEM.negative : v > range[1] ? CELL_PROBLEM.tooHigh : v;
  const r = readValue(cell, range, parameter);
  return 'problem' in r ? CELL_PROBLEM[r.problem] : r.value === null ? Number.NaN : r.value;
}

/** The plausible range of an item (PLAUSIBLE_MAX of aqi.ts; GB 3838 parameters by plausibleRange). */
export function rangeOf(item: AirItem | WaterParameter): readonly [number, number] {
  if ((AIR_ITEMS as readonly string[]).includes(item)) return [0, PLAUSIBLE_MAX[item === 'CO' ? 'mg/m³' : 'µg/m³']];
  return plausibleRange(item as WaterParameter);
}

// ---------------------------------------------------------------- dates and hours

/** A date or date-time as the platforms and spreadsheets write it. */
export interface ReadTime {
  /** YYYY-MM-DD */
  date: string;
  /** the hour written (0–24), null for a date alone */
  hour: number | null;
  minute: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * readDateTime(cell) → the date and hour written: 2025-01-01, 2025/1/1, 2025年1月1日, 20250101, each optionally
 * followed by 13, 13:00, 13:00:00, 13时 (or "T13:00"); 24:00 is kept as hour 24 (the end of the day). Undefined
 * when the text is not such a date, or the date does not exist.
 */
export function readDateTime(cell: string): ReadTime | undefined {
  const fast = isoDateTimeFast(cell);
  if (fast) return fast;
  const c = cell.normalize('NFKC').trim();
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:(?:\s+|T)(\d{1,2})(?:(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)|时)?)?$/.exec(c);
  if (!m) return undefined;
  const date = `${m[1]}-${pad(Number(m[2] ?? m[4]))}-${pad(Number(m[3] ?? m[5]))}`;
  if (!isIsoDate(date)) return undefined;
  if (m[6] === undefined) return { date, hour: null, minute: 0 };
  const hour = Number(m[6]);
  const minute = Number(m[7] ?? 0);
  if (hour > 24 || minute > 59 || Number(m[8] ?? 0) > 59 || (hour === 24 && (minute !== 0 || Number(m[8] ?? 0) !== 0))) return undefined;
  return { date, hour, minute };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" read without a regular expression; undefined otherwise. */
function isoDateTimeFast(c: string): ReadTime | undefined {
  const n = c.length;
  if ((n !== 10 && n !== 16 && n !== 19) || c.charCodeAt(4) !== 45 || c.charCodeAt(7) !== 45) return undefined;
  for (const i of n === 10 ? [0, 1, 2, 3, 5, 6, 8, 9] : [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15]) {
    const d = digit(c, i);
    if (d < 0 || d > 9) return undefined;
  }
  const y = digit(c, 0) * 1000 + digit(c, 1) * 100 + digit(c, 2) * 10 + digit(c, 3);
  const m = digit(c, 5) * 10 + digit(c, 6);
  const d = digit(c, 8) * 10 + digit(c, 9);
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]! + leap || !yearInRange(y)) return undefined;
  const date = c.slice(0, 10);
  if (n === 10) return { date, hour: null, minute: 0 };
  const sep = c.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || c.charCodeAt(13) !== 58) return undefined;
  const hour = digit(c, 11) * 10 + digit(c, 12);
  const minute = digit(c, 14) * 10 + digit(c, 15);
  let second = 0;
  if (n === 19) {
    if (c.charCodeAt(16) !== 58) return undefined;
    second = digit(c, 17) * 10 + digit(c, 18);
    if (!(second >= 0 && second <= 59)) return undefined;
  }
  if (hour > 24 || minute > 59 || (hour === 24 && (minute !== 0 || second !== 0))) return undefined;
  return { date, hour, minute };
}

/** readHour(cell) → an hour written alone (0–24, "13", "13:00", "13时"); undefined otherwise. */
export function readHour(cell: string): number | undefined {
  const m = /^(\d{1,2})(?::00(?::00)?|时)?$/.exec(cell.normalize('NFKC').trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  return h <= 24 ? h : undefined;
}

/** addDays('YYYY-MM-DD', n) → the date n days later. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * startOfHour(date, hour written, endOfHour: the file writes the hour's end) → the hour's start as
 * 'YYYY-MM-DD HH:00' (Beijing time, as the store keeps it). A file whose hours run 1–24 writes the end of the hour:
 * its 24:00 of 1 January is the hour 23:00–24:00 of 1 January.
 */
export function startOfHour(date: string, hour: number, endOfHour: boolean): string {
  if (!endOfHour) return hour === 24 ? `${addDays(date, 1)} 00:00` : `${date} ${pad(hour)}:00`;
  return hour === 0 ? `${addDays(date, -1)} 23:00` : `${date} ${pad(hour - 1)}:00`;
}

// ---------------------------------------------------------------- station lists

export type StationKind = 'air' | 'water' | 'drinking';
export type StationLevel = 'national' | 'provincial' | 'municipal' | 'county';

const LEVELS: Record<string, StationLevel> = {
  国控: 'national', 国家: 'national', 国家级: 'national', 国考: 'national', national: 'national',
  省控: 'provincial', 省级: 'provincial', 省考: 'provincial', provincial: 'provincial',
  市控: 'municipal', 市级: 'municipal', 市考: 'municipal', municipal: 'municipal',
  县控: 'county', 县级: 'county', 区控: 'county', 县考: 'county', county: 'county',
};
/** readLevel(cell) → the station's level (国控 national, 省控 provincial, 市控 municipal, 县控 county). */
export const readLevel = (cell: string): StationLevel | undefined => LEVELS[cell.trim().replace(/站$|点$|断面$/, '').toLowerCase()] ?? LEVELS[cell.trim().toLowerCase()];

const KINDS: Record<string, StationKind> = {
  空气: 'air', 环境空气: 'air', 大气: 'air', 空气站: 'air', 空气质量: 'air', air: 'air',
  断面: 'water', 地表水: 'water', 水质: 'water', 水质断面: 'water', 地表水断面: 'water', water: 'water', section: 'water',
  水源地: 'drinking', 饮用水水源地: 'drinking', 集中式饮用水水源地: 'drinking', 饮用水: 'drinking', drinking: 'drinking', source: 'drinking',
};
/** readStationKind(cell) → air (空气), water (断面) or drinking (水源地). */
export const readStationKind = (cell: string): StationKind | undefined => KINDS[cell.trim().toLowerCase()];

const WATERBODY: Record<string, Waterbody> = { 河流: 'river', 河: 'river', 江: 'river', 湖泊: 'lake', 湖: 'lake', 湖库: 'lake', 水库: 'reservoir', 库: 'reservoir', river: 'river', lake: 'lake', reservoir: 'reservoir' };
/** readWaterbody(cell) → river (河流), lake (湖泊) or reservoir (水库). */
export const readWaterbody = (cell: string): Waterbody | undefined => WATERBODY[cell.trim().toLowerCase()];

/** readTarget(cell) → the target class 1–5 (Ⅱ, II, 2, Ⅱ类). */
export function readTarget(cell: string): number | undefined {
  const cls: TargetClass | undefined = readTargetClass(cell) ?? readTargetClass(cell.normalize('NFKC'));
  return cls === undefined ? undefined : ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ'].indexOf(cls) + 1;
}
