// The statistics of monitoring data that feed a plan's indicators: what each takes, its unit, how the plans print
// it, and its computation from a region's year (airYear.ts, waterYear.ts). Pure: no I/O.
import { t } from '../i18n/index.ts';
import { roundHalfEven } from './aqi.ts';
import { gb3095Edition } from './airLimits.ts';
import type { RegionAirYear } from './airYear.ts';
import { WATER_CLASSES, type WaterClass } from './waterClass.ts';
import { drinkingCompliance, sectionShares, type SectionYear } from './waterYear.ts';

export const STATISTIC_IDS = [
  'air.goodDaysShare',
  'air.goodDays',
  'air.heavyDays',
  'air.pm25Mean',
  'air.pm10Mean',
  'air.so2Mean',
  'air.no2Mean',
  'air.coP95',
  'air.o3P90',
  'water.shareClass3OrBetter',
  'water.shareWorseThan5',
  'water.sectionClass',
  'water.sectionCompliance',
  'drinking.complianceRate',
] as const;
export type StatisticId = (typeof STATISTIC_IDS)[number];
export type StationKind = 'air' | 'water' | 'drinking';

export interface StatisticDef {
  id: StatisticId;
  /** the kind of station it takes */
  kind: StationKind;
  /** the unit printed or implied: a share in %, days, µg/m³, mg/m³, a water class */
  unit: '%' | 'days' | 'µg/m³' | 'mg/m³' | 'class';
  /** decimals the plans print (GB/T 8170 rounding, half to even) */
  decimals: number;
}

/**
 * The catalogue. Decimals follow how the plans and the bulletins print these figures: 优良天数比例 "98.3%" (one
 * decimal), PM2.5 "27" µg/m³ (an integer, as GB 3095 limits and the bulletins give µg/m³), CO "1.2" mg/m³ (one
 * decimal), days as integers, water shares "100%" / "83.3%", a class "Ⅱ类".
 */
export const STATISTICS: Record<StatisticId, StatisticDef> = {
  'air.goodDaysShare': { id: 'air.goodDaysShare', kind: 'air', unit: '%', decimals: 1 },
  'air.goodDays': { id: 'air.goodDays', kind: 'air', unit: 'days', decimals: 0 },
  'air.heavyDays': { id: 'air.heavyDays', kind: 'air', unit: 'days', decimals: 0 },
  'air.pm25Mean': { id: 'air.pm25Mean', kind: 'air', unit: 'µg/m³', decimals: 0 },
  'air.pm10Mean': { id: 'air.pm10Mean', kind: 'air', unit: 'µg/m³', decimals: 0 },
  'air.so2Mean': { id: 'air.so2Mean', kind: 'air', unit: 'µg/m³', decimals: 0 },
  'air.no2Mean': { id: 'air.no2Mean', kind: 'air', unit: 'µg/m³', decimals: 0 },
  'air.coP95': { id: 'air.coP95', kind: 'air', unit: 'mg/m³', decimals: 1 },
  'air.o3P90': { id: 'air.o3P90', kind: 'air', unit: 'µg/m³', decimals: 0 },
  'water.shareClass3OrBetter': { id: 'water.shareClass3OrBetter', kind: 'water', unit: '%', decimals: 1 },
  'water.shareWorseThan5': { id: 'water.shareWorseThan5', kind: 'water', unit: '%', decimals: 1 },
  'water.sectionClass': { id: 'water.sectionClass', kind: 'water', unit: 'class', decimals: 0 },
  'water.sectionCompliance': { id: 'water.sectionCompliance', kind: 'water', unit: '%', decimals: 1 },
  'drinking.complianceRate': { id: 'drinking.complianceRate', kind: 'drinking', unit: '%', decimals: 1 },
};

export const isStatisticId = (x: unknown): x is StatisticId => typeof x === 'string' && (STATISTIC_IDS as readonly string[]).includes(x);

/** The printed text of "no data" (无数据, as the catalogue writes it): the engine reads it as no data (phrase.parseValue → kind 'none'). */
export const noDataPrinted = (): string => t('status.noData', {}, 'zh-CN');

/**
 * printStatistic(id, value) → the figure as the plans print it: a share "92.3%" (one decimal, ".0" dropped:
 * "100%"), a concentration as a bare number in the indicator's unit ("28", CO "1.2"), days "335", a class "Ⅱ类"
 * (value 1–6 = Ⅰ…劣Ⅴ); 无数据 when null. Rounding by GB/T 8170 (half to even).
 */
export function printStatistic(id: StatisticId, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return noDataPrinted();
  const def = STATISTICS[id];
  if (def.unit === 'class') return t('monitoringFigures.classPrinted', { class: WATER_CLASSES[Math.min(6, Math.max(1, Math.round(value))) - 1]! }, 'zh-CN');
  const r = roundHalfEven(value, def.decimals);
  const text = def.decimals > 0 ? r.toFixed(def.decimals).replace(/\.0+$/, '') : String(r);
  return def.unit === '%' ? `${text}%` : text;
}

export interface StatisticEdition {
  edition: string;
  from: string;
  to: string;
  /** days (air) or samples (water) it computed */
  days: number;
}

export interface StatisticResult {
  statistic: StatisticId;
  /** the figure (a share in percent 0–100; a class 1–6), or null when the data is not enough */
  value: number | null;
  printed: string;
  /** valid days behind it (air), or samples (water); null where the statistic has none */
  validDays: number | null;
  editions: StatisticEdition[];
  /** why the value is null: no counted station, too few days in the year or in some months */
  insufficient: 'stations' | 'days' | 'months' | null;
}

export interface StatisticInputs {
  air?: RegionAirYear;
  water?: ReadonlyArray<SectionYear>;
}

function gb3095Parts(air: RegionAirYear, item: keyof RegionAirYear['days'][number]['values']): StatisticEdition[] {
  const parts = new Map<string, StatisticEdition>();
  for (const d of air.days) {
    const v = d.values[item];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const e = gb3095Edition(d.date);
    const p = parts.get(e) ?? { edition: e, from: d.date, to: d.date, days: 0 };
    p.to = d.date;
    p.days++;
    parts.set(e, p);
  }
  return [...parts.values()];
}

function waterParts(sections: ReadonlyArray<SectionYear>, all: ReadonlyArray<{ date: string }>): StatisticEdition[] {
  if (all.length === 0 || sections.length === 0) return [];
  const dates = all.map((x) => x.date).sort();
  return [{ edition: 'GB 3838-2002', from: dates[0]!, to: dates[dates.length - 1]!, days: dates.length }];
}

const result = (statistic: StatisticId, value: number | null, validDays: number | null, editions: StatisticEdition[], insufficient: StatisticResult['insufficient']): StatisticResult => ({
  statistic,
  value,
  printed: printStatistic(statistic, value),
  validDays,
  editions,
  insufficient: value === null ? (insufficient ?? 'stations') : null,
});

/**
 * computeStatistic(id, inputs: { air?: RegionAirYear, water?: SectionYear[] }) → { statistic, value, printed,
 * validDays, editions, insufficient }: the air statistics from the region's year (only counted stations are in it),
 * the water ones from the sections' years (shares in percent). A statistic without enough data is null, printed
 * 无数据, with the reason.
 */
export function computeStatistic(id: StatisticId, inputs: StatisticInputs): StatisticResult {
  const kind = STATISTICS[id].kind;
  if (kind === 'air') {
    const air = inputs.air;
    const noStation = !air || !air.stations.some((s) => s.counted);
    if (!air || noStation) return result(id, null, air ? air.validDays : null, [], 'stations');
    const aqiParts: StatisticEdition[] = air.editions.map((e) => ({ edition: e.edition, from: e.from, to: e.to, days: e.days }));
    const annual = (key: keyof RegionAirYear['annual'], item: keyof RegionAirYear['days'][number]['values']) => {
      const a = air.annual[key];
      return result(id, a.value, a.validDays, gb3095Parts(air, item), a.insufficient ?? null);
    };
    switch (id) {
      case 'air.goodDaysShare':
        return result(id, air.goodDaysShare === null ? null : air.goodDaysShare * 100, air.validDays, aqiParts, 'days');
      case 'air.goodDays':
        return result(id, air.validDays === 0 ? null : air.goodDays, air.validDays, aqiParts, 'days');
      case 'air.heavyDays':
        return result(id, air.validDays === 0 ? null : air.heavyDays, air.validDays, aqiParts, 'days');
      case 'air.pm25Mean':
        return annual('PM2.5', 'PM2.5_24h');
      case 'air.pm10Mean':
        return annual('PM10', 'PM10_24h');
      case 'air.so2Mean':
        return annual('SO2', 'SO2_24h');
      case 'air.no2Mean':
        return annual('NO2', 'NO2_24h');
      case 'air.coP95':
        return annual('CO', 'CO_24h');
      case 'air.o3P90':
        return annual('O3', 'O3_8h');
    }
  }
  const sections = (inputs.water ?? []).filter((s) => s.counted);
  const samples = sections.flatMap((s) => s.perSample);
  const editions = waterParts(sections, samples);
  switch (id) {
    case 'water.shareClass3OrBetter': {
      const s = sectionShares(sections);
      return result(id, s.shareClass3OrBetter === null ? null : s.shareClass3OrBetter * 100, samples.length, editions, 'stations');
    }
    case 'water.shareWorseThan5': {
      const s = sectionShares(sections);
      return result(id, s.shareWorseThan5 === null ? null : s.shareWorseThan5 * 100, samples.length, editions, 'stations');
    }
    case 'water.sectionCompliance': {
      const s = sectionShares(sections);
      return result(id, s.shareCompliant === null ? null : s.shareCompliant * 100, samples.length, editions, 'stations');
    }
    case 'water.sectionClass': {
      // one section, or the worst of several (single factor over the linked sections)
      const classes = sections.map((s) => s.class).filter((c): c is WaterClass => c !== null);
      const worst = classes.length === 0 ? null : Math.max(...classes.map((c) => WATER_CLASSES.indexOf(c))) + 1;
      return result(id, worst, samples.length, editions, 'stations');
    }
    case 'drinking.complianceRate': {
      const d = drinkingCompliance(sections);
      return result(id, d.rate === null ? null : d.rate * 100, d.samples, editions, 'stations');
    }
    default:
      return result(id, null, null, [], 'stations');
  }
}
