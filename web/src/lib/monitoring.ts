// 监测数据 helpers: the colours of HJ 633's AQI categories and of water classes, no-data grey, and numbers as shown.
import type { DayItem, StationKind, StatisticIdName, WaterClassName } from '../api/types.ts';

/** HJ 633-2012 表2 (HJ 633-2026 the same): 绿色 黄色 橙色 红色 紫色 褐红色, by level 1–6. */
export const AQI_COLORS: Record<1 | 2 | 3 | 4 | 5 | 6, string> = { 1: '#00e400', 2: '#ffff00', 3: '#ff7e00', 4: '#ff0000', 5: '#99004c', 6: '#7e0023' };
/** Text on an AQI colour: dark on green and yellow, white on the rest. */
export const AQI_TEXT: Record<1 | 2 | 3 | 4 | 5 | 6, string> = { 1: '#0b3d0b', 2: '#4a4a00', 3: '#fff', 4: '#fff', 5: '#fff', 6: '#fff' };
export const LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type Level = (typeof LEVELS)[number];
export const asLevel = (n: number | null | undefined): Level | null => (n !== null && n !== undefined && n >= 1 && n <= 6 ? (n as Level) : null);

/** No data is its own colour: never a category's, never success or failure. */
export const NO_DATA_COLOR = '#d9d9d9';

/** The customary colours of water classes in Chinese bulletins (Ⅰ–Ⅱ blue, Ⅲ green, Ⅳ yellow, Ⅴ orange, 劣Ⅴ red). */
export const WATER_COLORS: Record<WaterClassName, string> = { Ⅰ: '#3fa7f5', Ⅱ: '#1677ff', Ⅲ: '#52c41a', Ⅳ: '#fadb14', Ⅴ: '#fa8c16', 劣Ⅴ: '#f5222d' };
export const WATER_TEXT: Record<WaterClassName, string> = { Ⅰ: '#fff', Ⅱ: '#fff', Ⅲ: '#fff', Ⅳ: '#4a4a00', Ⅴ: '#fff', 劣Ⅴ: '#fff' };

/** The items drawn in the trends, µg/m³ on the left axis; CO (mg/m³) on the right. */
export const TREND_ITEMS: DayItem[] = ['PM2.5_24h', 'PM10_24h', 'O3_8h', 'NO2_24h', 'SO2_24h', 'CO_24h'];

/** A concentration as shown: µg/m³ to 0.1 (an integer stays whole), CO to 0.01. */
export function formatConcentration(item: string, v: number | null): string {
  if (v === null) return '';
  const d = item.startsWith('CO') ? 2 : 1;
  return String(Math.round(v * 10 ** d) / 10 ** d);
}

/** Every day of a year up to `through` (YYYY-MM-DD), in order. */
export function daysOfYear(year: number, through: string): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const s = d.toISOString().slice(0, 10);
    if (s > through) break;
    out.push(s);
  }
  return out;
}

/** The number a printed figure starts with ("91.2%" → 91.2, "≥90" → 90), or null ("无数据", "Ⅱ类"). */
export function leadingNumber(printed: string): number | null {
  const m = /-?\d+(?:\.\d+)?/.exec(printed.replace(/[,，]/g, ''));
  return m ? Number(m[0]) : null;
}

/** The statistics a link may take, and the kind of station each takes (the id's prefix; the server's catalogue, src/domain/monitoringStatistics.ts). */
export const STATISTIC_KINDS: Record<StatisticIdName, StationKind> = {
  'air.goodDaysShare': 'air',
  'air.goodDays': 'air',
  'air.heavyDays': 'air',
  'air.pm25Mean': 'air',
  'air.pm10Mean': 'air',
  'air.so2Mean': 'air',
  'air.no2Mean': 'air',
  'air.coP95': 'air',
  'air.o3P90': 'air',
  'water.shareClass3OrBetter': 'water',
  'water.shareWorseThan5': 'water',
  'water.sectionClass': 'water',
  'water.sectionCompliance': 'water',
  'drinking.complianceRate': 'drinking',
};
export const STATISTIC_IDS = Object.keys(STATISTIC_KINDS) as StatisticIdName[];
export const kindOfStatistic = (id: StatisticIdName): StationKind => STATISTIC_KINDS[id];

/** An indicator leaf's key: framework, number and part. */
export const indicatorKey = (i: { framework: string; number: string; part: string | null }): string => `${i.framework}|${i.number}|${i.part ?? ''}`;
/** An indicator as the plan prints it: "7. 环境空气质量（优良天数比例）". */
export const indicatorLabel = (i: { number: string; name: string; part: string | null }): string => `${i.number}. ${i.name}${i.part ? `（${i.part}）` : ''}`;

/** The kinds of monitoring file (src/domain/monitoringColumns.ts). */
export const MONITORING_FILE_KINDS = ['stations', 'air-hours', 'air-days', 'water'] as const;
/** The largest monitoring file the web takes (LIMITS.monitoringUploadBytes in src/domain/limits.ts; the server checks it too). */
export const MONITORING_UPLOAD_MAX_BYTES = 64 * 1024 * 1024;

/** A size as people read it: 512 KB, 12.5 MB. */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}
