// 监测数据: stations, sections and sources with their latest state; a station's days and the region's AQI
// calendar; pollutant trends; water class by month; exceedances; computed figures; saving a station
// (src/store/monitoringQueries.ts). Class words (Ⅰ…劣Ⅴ) and AQI categories (优, 良 …) are the standards' own.
import { z } from 'zod';
import { WATER_CLASSES } from '../domain/waterClass.ts';
import { STATISTIC_IDS } from '../domain/monitoringStatistics.ts';
import { Day } from './common.ts';

export const StationKind = z.enum(['air', 'water', 'drinking']);
export type StationKind = z.infer<typeof StationKind>;
export const StationLevel = z.enum(['national', 'provincial', 'municipal', 'county']);
export const Waterbody = z.enum(['river', 'lake', 'reservoir']);
export const WaterClassName = z.enum(WATER_CLASSES);
export type WaterClassName = z.infer<typeof WaterClassName>;
export const TargetClassName = z.enum(['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ']);
export const AqiEditionName = z.enum(['HJ 633-2012', 'HJ 633-2026']);
/** the daily items: 24-hour means; O3 the daily maximum 8-hour and 1-hour values */
export const DayItem = z.enum(['SO2_24h', 'NO2_24h', 'CO_24h', 'O3_8h', 'O3_1h', 'PM10_24h', 'PM2.5_24h']);
export type DayItem = z.infer<typeof DayItem>;

const StationRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const Station = z.object({
  id: z.number().int(),
  kind: StationKind,
  code: z.string().describe('the platform code (站点编码/断面编码)'),
  name: z.string(),
  level: StationLevel.nullable().describe('国控 national, 省控 provincial, 市控 municipal, 县控 county'),
  waterbody: Waterbody.nullable(),
  waterName: z.string().nullable().describe('the river or lake (阿蓬江)'),
  targetClass: TargetClassName.nullable().describe('a section’s target class'),
  township: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  countsFrom: Day.nullable().describe('counts towards the region from this date'),
  countsTo: Day.nullable(),
});
export type Station = z.infer<typeof Station>;

export const LatestAir = z.object({
  at: z.string().describe('YYYY-MM-DDTHH:00, the start of the hour (Beijing); YYYY-MM-DD for a published day'),
  source: z.enum(['hour', 'day']),
  edition: AqiEditionName,
  aqi: z.number().int().nullable(),
  level: z.number().int().nullable(),
  category: z.string().nullable().describe('HJ 633 category: 优, 良, 轻度污染 …'),
  primary: z.array(z.string()),
  values: z.record(z.string(), z.number()).describe('the concentrations read, by column (µg/m³; CO mg/m³)'),
});
export const WaterExceeding = z.object({ parameter: z.string(), class: WaterClassName, times: z.number().nullable().describe('超标倍数 against the target class’s limit; null for pH and DO') });
export const LatestWater = z.object({
  on: Day,
  class: WaterClassName.nullable(),
  meetsTarget: z.boolean().nullable(),
  exceeding: z.array(WaterExceeding),
});
export const StationState = Station.extend({ latestAir: LatestAir.nullable(), latestWater: LatestWater.nullable() });
export type StationState = z.infer<typeof StationState>;
export const Stations = z.array(StationState);

const DayValues = z.record(DayItem, z.number().nullable());
export const MonitoringDay = z.object({
  date: Day,
  source: z.enum(['hours', 'published', 'region']).describe('computed from hours, the platform’s daily values, or the mean of the region’s stations'),
  values: DayValues,
  edition: AqiEditionName,
  aqi: z.number().int().nullable(),
  level: z.number().int().nullable(),
  category: z.string().nullable(),
  primary: z.array(z.string()),
  valid: z.boolean().describe('a valid monitoring day: every item of the edition’s daily report present; only these are counted'),
  stations: z.number().int().optional().describe('region days: stations averaged'),
});
export type MonitoringDay = z.infer<typeof MonitoringDay>;
export const CalendarCounts = z.object({
  levels: z.record(z.enum(['1', '2', '3', '4', '5', '6']), z.number().int()).describe('valid days by AQI level'),
  validDays: z.number().int(),
  goodDays: z.number().int(),
  noData: z.number().int().describe('days up to `through` without a valid AQI (无数据): never a category'),
  through: Day,
});
export type CalendarCounts = z.infer<typeof CalendarCounts>;
export const MonitoringDays = z.object({
  year: z.number().int(),
  station: StationRef.nullable().describe('null: the region'),
  days: z.array(MonitoringDay),
  counts: CalendarCounts,
  editions: z.array(z.object({ edition: AqiEditionName, from: Day, to: Day, days: z.number().int() })),
});
export type MonitoringDays = z.infer<typeof MonitoringDays>;

export const Trends = z.object({
  year: z.number().int(),
  station: StationRef.nullable(),
  months: z.array(z.object({ month: z.number().int(), values: DayValues, days: z.record(DayItem, z.number().int()) })),
});
export type Trends = z.infer<typeof Trends>;

export const WaterMonths = z.object({
  year: z.number().int(),
  sections: z.array(
    z.object({
      station: Station,
      months: z.array(z.object({ month: z.number().int(), class: WaterClassName.nullable().describe('null: 无数据'), samples: z.number().int(), meetsTarget: z.boolean().nullable() })),
    }),
  ),
});
export type WaterMonths = z.infer<typeof WaterMonths>;

export const Exceedances = z.object({
  year: z.number().int(),
  air: z.array(
    z.object({
      date: Day,
      station: StationRef,
      item: DayItem,
      value: z.number(),
      limit: z.number().describe('GB 3095 class-2 limit in force on the date'),
      edition: z.string(),
      stage: z.string().nullable().describe('GB 3095-2026: transition or final'),
      times: z.number().describe('超标倍数 (value − limit) / limit'),
    }),
  ),
  water: z.array(z.object({ date: Day, station: StationRef, class: WaterClassName, targetClass: TargetClassName, exceeding: z.array(WaterExceeding) })),
  total: z.object({ air: z.number().int(), water: z.number().int() }).describe('how many there were; the lists keep the newest 1,000'),
});
export type Exceedances = z.infer<typeof Exceedances>;

export const FigureProvenance = z.object({
  statistic: z.string(),
  stations: z.array(z.object({ code: z.string(), name: z.string(), validDays: z.number().int(), counted: z.boolean(), reason: z.enum(['days', 'months', 'outside', 'noData']).nullable() })),
  editions: z.array(z.object({ edition: z.string(), from: z.string(), to: z.string(), days: z.number().int() })),
  validDays: z.number().int().nullable(),
  insufficient: z.enum(['stations', 'days', 'months']).nullable().optional().describe('why there is no value: no counted station, too few valid days in the year or in some months'),
  imports: z.array(z.object({ fileName: z.string(), importedAt: z.string() })),
  computedAt: z.string(),
});
export type FigureProvenance = z.infer<typeof FigureProvenance>;
export const ComputedFigure = z.object({
  framework: z.string(),
  number: z.string(),
  part: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  year: z.number().int(),
  statistic: z.string(),
  value: z.number().nullable(),
  printed: z.string().describe('as the plan prints it; 无数据 when value is null'),
  provenance: FigureProvenance,
  computedAt: z.string(),
  entered: z.object({ printed: z.string(), origin: z.enum(['document', 'entry', 'import']) }).nullable().describe('a person’s figure kept beside the computed one'),
});
export type ComputedFigure = z.infer<typeof ComputedFigure>;
export const ComputedFigures = z.array(ComputedFigure);

export const MonitoringSummary = z.object({
  year: z.number().int(),
  validDays: z.number().int(),
  goodDays: z.number().int(),
  goodShare: z.number().nullable().describe('优良天数比例 so far, 0–1; null: 无数据'),
  pm25Mean: z.number().nullable().describe('mean of the valid daily PM2.5 so far, µg/m³'),
  pm25Days: z.number().int(),
  through: Day,
  latest: z.object({ station: z.string(), at: z.string(), aqi: z.number().int().nullable(), level: z.number().int().nullable(), category: z.string().nullable() }).nullable(),
});
export type MonitoringSummary = z.infer<typeof MonitoringSummary>;

/** A station as the form sends it; the store checks every value and names each in Chinese. */
export const StationBody = z.strictObject({
  kind: StationKind.describe('air, water or drinking'),
  code: z.string(),
  name: z.string(),
  level: z.union([StationLevel, z.null()]).optional(),
  waterbody: z.union([Waterbody, z.null()]).optional(),
  waterName: z.string().nullable().optional(),
  targetClass: z.string().nullable().optional().describe('Ⅰ…Ⅴ (also I…V, 1…5)'),
  township: z.string().nullable().optional(),
  longitude: z.union([z.number(), z.string(), z.null()]).optional(),
  latitude: z.union([z.number(), z.string(), z.null()]).optional(),
  countsFrom: z.string().nullable().optional().describe('YYYY-MM-DD'),
  countsTo: z.string().nullable().optional().describe('YYYY-MM-DD'),
});
export type StationBody = z.infer<typeof StationBody>;
export const StationSaved = z.object({ id: z.number().int(), created: z.boolean() });

// Links from a statistic of some stations to an indicator, and computing them (src/app/monitoringFigures.ts).
/** The statistics a link may take; each id's prefix is the kind of station it takes (air., water., drinking.). */
export const StatisticIdName = z.enum(STATISTIC_IDS);
export type StatisticIdName = z.infer<typeof StatisticIdName>;

export const MonitoringLink = z.object({
  framework: z.string(),
  number: z.string(),
  part: z.string().nullable(),
  name: z.string().describe('the indicator (and its part) as the plan prints it'),
  statistic: StatisticIdName,
  stations: z.array(z.object({ code: z.string(), name: z.string(), kind: StationKind })),
  setBy: z.string(),
  setAt: z.string().describe('ISO'),
});
export type MonitoringLink = z.infer<typeof MonitoringLink>;
/** An indicator (or one part of it) of the plan's frameworks that a link may feed. */
export const LinkableIndicator = z.object({
  framework: z.string(),
  frameworkName: z.string(),
  number: z.string(),
  part: z.string().nullable(),
  name: z.string().describe('the item’s name, without the part'),
  unit: z.string().nullable(),
});
export type LinkableIndicator = z.infer<typeof LinkableIndicator>;
export const MonitoringLinks = z.object({ links: z.array(MonitoringLink), indicators: z.array(LinkableIndicator) });
export type MonitoringLinks = z.infer<typeof MonitoringLinks>;

/** PUT …/monitoring/links: which statistic of which stations feeds an indicator (replaces the indicator's link). */
export const LinkBody = z.strictObject({
  framework: z.string().describe('the framework id'),
  number: z.string().describe('the item number as the framework prints it'),
  part: z.string().nullable().optional().describe('the part of an item that has parts'),
  statistic: StatisticIdName.describe('the statistic (checked by the store, which names an unknown one in Chinese)'),
  stations: z.array(z.string()).describe('station codes of the plan’s region, of the kind the statistic takes'),
});
export type LinkBody = z.infer<typeof LinkBody>;
/** DELETE …/monitoring/links: the indicator whose link is removed (its computed figures stay). */
export const LinkRemoveBody = z.strictObject({ framework: z.string(), number: z.string(), part: z.string().nullable().optional() });
export type LinkRemoveBody = z.infer<typeof LinkRemoveBody>;
/** POST …/monitoring/compute: the year, or every year with data. */
export const ComputeBody = z.strictObject({ year: z.number().int().optional().describe('four-digit year; default: every year the linked stations have data') });
export type ComputeBody = z.infer<typeof ComputeBody>;
export const ComputeResult = z.object({
  computed: z.number().int().describe('figures computed'),
  noData: z.number().int().describe('of these, without enough data (无数据)'),
  keptBeside: z.number().int().describe('of these, kept beside a person’s or the document’s figure (not written over it)'),
  figures: ComputedFigures,
});
export type ComputeResult = z.infer<typeof ComputeResult>;

// Uploading a monitoring file (src/store/monitoringImport.ts), then recomputing the figures it touches.
export const MonitoringFileKind = z.enum(['stations', 'air-hours', 'air-days', 'water']);
export type MonitoringFileKind = z.infer<typeof MonitoringFileKind>;
/** POST …/monitoring/imports?kind=&replace=&name=: the query (strict). */
export const ImportQuery = z.strictObject({
  kind: MonitoringFileKind.optional().describe('stations (站点名单), air-hours (小时数据), air-days (日数据), water (水质监测); default: found from the headers'),
  replace: z.enum(['true', 'false']).optional().describe('true: hours, days or samples already stored are replaced (else a duplicate is refused)'),
  name: z.string().optional().describe('the file’s name, for the refusals and the provenance'),
});
export const ChangedFigure = z.object({
  framework: z.string(),
  number: z.string(),
  part: z.string().nullable(),
  name: z.string(),
  year: z.number().int(),
  before: z.string().nullable().describe('the computed figure before the import, as printed; null when there was none'),
  after: z.string().describe('as printed; 无数据 when null'),
});
export type ChangedFigure = z.infer<typeof ChangedFigure>;
export const ImportAnswer = z.object({
  kind: MonitoringFileKind,
  fileName: z.string(),
  rows: z.number().int().describe('rows landed'),
  stations: z.array(z.object({ code: z.string(), name: z.string() })).describe('the stations the file wrote to (or listed)'),
  from: z.string().nullable().describe('first date of the data'),
  to: z.string().nullable(),
  years: z.array(z.number().int()),
  figures: z.array(ChangedFigure).describe('computed figures the import changed'),
});
export type ImportAnswer = z.infer<typeof ImportAnswer>;
