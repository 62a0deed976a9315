// Concentration limits of GB 3095《环境空气质量标准》 by the edition and stage in force on a date. Pure: no I/O.
// GB 3095-2012 (with its 2018 amendment) 表1 applies to data dated up to 2026-02-28; GB 3095-2026 from 2026-03-01,
// with transition limits for class-2 areas up to 2030-12-31 and its final limits from 2031-01-01 (docs: standards.md,
// read from the scanned 2026 text). Class 1 (一类区: 国家公园、自然保护区、自然公园) of GB 3095-2026 is not yet read:
// its limits are undefined here rather than guessed.

export type Gb3095Edition = 'GB 3095-2012' | 'GB 3095-2026';
export const GB_3095_2026_FROM = '2026-03-01';
export const GB_3095_2026_FINAL_FROM = '2031-01-01';

/** The averaged items GB 3095 sets limits for (µg/m³; CO mg/m³). */
export const LIMIT_ITEMS = ['SO2_year', 'SO2_24h', 'SO2_1h', 'NO2_year', 'NO2_24h', 'NO2_1h', 'CO_24h', 'CO_1h', 'O3_8h', 'O3_1h', 'PM10_year', 'PM10_24h', 'PM2.5_year', 'PM2.5_24h'] as const;
export type LimitItem = (typeof LIMIT_ITEMS)[number];
export type ZoneClass = 1 | 2;

type Table = Record<LimitItem, number>;
// GB 3095-2012 表1 环境空气污染物基本项目浓度限值, 一级 and 二级
const CLASS1_2012: Table = { SO2_year: 20, SO2_24h: 50, SO2_1h: 150, NO2_year: 40, NO2_24h: 80, NO2_1h: 200, CO_24h: 4, CO_1h: 10, O3_8h: 100, O3_1h: 160, PM10_year: 40, PM10_24h: 50, 'PM2.5_year': 15, 'PM2.5_24h': 35 };
const CLASS2_2012: Table = { SO2_year: 60, SO2_24h: 150, SO2_1h: 500, NO2_year: 40, NO2_24h: 80, NO2_1h: 200, CO_24h: 4, CO_1h: 10, O3_8h: 160, O3_1h: 200, PM10_year: 70, PM10_24h: 150, 'PM2.5_year': 35, 'PM2.5_24h': 75 };
// GB 3095-2026 class 2: transition limits to 2030-12-31 (tighter PM only), then the final limits
const CLASS2_2026_TRANSITION: Table = { ...CLASS2_2012, PM10_year: 60, PM10_24h: 120, 'PM2.5_year': 30, 'PM2.5_24h': 60 };
const CLASS2_2026_FINAL: Table = { SO2_year: 20, SO2_24h: 50, SO2_1h: 150, NO2_year: 30, NO2_24h: 50, NO2_1h: 200, CO_24h: 4, CO_1h: 10, O3_8h: 160, O3_1h: 200, PM10_year: 50, PM10_24h: 100, 'PM2.5_year': 25, 'PM2.5_24h': 50 };

/** gb3095Edition(date) → the edition of GB 3095 in force on that date (the date part of a date-time decides). */
export const gb3095Edition = (date: string): Gb3095Edition => (date.slice(0, 10) < GB_3095_2026_FROM ? 'GB 3095-2012' : 'GB 3095-2026');

export interface AirLimit {
  edition: Gb3095Edition;
  /** GB 3095-2026's class-2 stage: transition (to 2030-12-31) or final; none for GB 3095-2012 */
  stage?: 'transition' | 'final';
  /** the limit, µg/m³ (CO mg/m³); undefined where the edition's table is not yet read (GB 3095-2026 class 1) */
  limit: number | undefined;
}

/** gb3095Limit(date, item, zone = 2) → the concentration limit in force on that date for a class-1 or class-2 area. */
export function gb3095Limit(date: string, item: LimitItem, zone: ZoneClass = 2): AirLimit {
  const edition = gb3095Edition(date);
  if (edition === 'GB 3095-2012') return { edition, limit: (zone === 1 ? CLASS1_2012 : CLASS2_2012)[item] };
  const stage = date.slice(0, 10) < GB_3095_2026_FINAL_FROM ? 'transition' : 'final';
  if (zone === 1) return { edition, stage, limit: undefined };
  return { edition, stage, limit: (stage === 'transition' ? CLASS2_2026_TRANSITION : CLASS2_2026_FINAL)[item] };
}
