// The account: every service of the three groups from one set of inputs, with the settings the specification
// leaves to the region printed alongside; the totals (GEP), GEP per km², per person, GEP/GDP, and the change
// against the previous year's account at constant prices.
import { materialSupply, type ProductLine } from './material.ts';
import {
  AIR_POLLUTANTS,
  carbonSequestration,
  climateRegulation,
  coastalProtection,
  floodRegulation,
  oxygenRelease,
  pestControl,
  purification,
  sandFixation,
  soilRetention,
  WATER_POLLUTANTS,
  waterConservation,
  type AreaLine,
  type CarbonLine,
  type ClimateLine,
  type ClimateSettings,
  type CoastLine,
  type FloodLine,
  type PurificationLine,
  type RusleLine,
  type SoilPricing,
  type WaterBalanceLine,
  type WindErosionLine,
} from './regulating.ts';
import { landscapeValue, recreation, type LandscapeLine, type VisitLine } from './cultural.ts';
import type { GepGroup, Price, ServiceValue } from './types.ts';

/** The region and year of the account (基本信息). */
export interface GepRegion {
  region: string;
  year: number;
  areaKm2: number;
  /** resident population, persons */
  population: number;
  /** GDP of the year, 万元 */
  gdpWan: number;
}

/** The choices the specification leaves to the region: each is printed with the results. */
export interface GepSettings {
  /** the region lies in a wind-erosion area (防风固沙 counted) */
  windErosionArea: boolean;
  /** the region has a coast (海岸带防护 counted) */
  coastal: boolean;
  /** 病虫害控制 counted */
  pestControl: boolean;
  /** 景观价值 counted */
  landscapeValue: boolean;
  /** a negative water balance counted as 0 or as it is */
  negativeWaterBalance: 'zero' | 'count';
  /** 固碳 by NEP (from NPP) or by carbon-stock change */
  carbonMethod: 'nep' | 'stockChange';
  /** the carbon price: a market (trading) price or the afforestation cost */
  carbonPricing: 'market' | 'afforestation';
  /** 休闲旅游 by travel cost or by spending */
  recreationMethod: 'travelCost' | 'spending';
  /** reservoir flood-control capacity as a share of total capacity (where not known per reservoir) */
  reservoirFloodShare: number;
  /** share of the daily wage a day of leisure is worth (travel-cost method) */
  leisureTimeShare: number;
  /** sand fixation: bulk density t/m³ and burial depth m */
  sandBulkDensity: number;
  sandDepthM: number;
}

/** The prices of the account (价格参数), each with its year and source. */
export interface GepPrices {
  reservoirCost: Price;
  siltCost: Price;
  nitrogenPrice: Price;
  phosphorusPrice: Price;
  sandRestorationCost: Price;
  seawallCost: Price;
  so2Cost: Price;
  noxCost: Price;
  dustCost: Price;
  codCost: Price;
  nh3nCost: Price;
  tpCost: Price;
  carbonPrice: Price;
  oxygenPrice: Price;
  electricityPrice: Price;
  pestControlCost: Price;
  dailyWage: Price;
}

export interface GepInputs {
  region: GepRegion;
  settings: GepSettings;
  prices: Partial<GepPrices>;
  products: ProductLine[];
  waterBalance: WaterBalanceLine[];
  soil: RusleLine[];
  soilPricing: Omit<SoilPricing, 'siltCost' | 'nitrogenPrice' | 'phosphorusPrice'>;
  windErosion: WindErosionLine[];
  coast: CoastLine[];
  flood: FloodLine[];
  airPurification: PurificationLine[];
  waterPurification: PurificationLine[];
  /** emissions (t/a) by pollutant: so2, nox, dust, cod, nh3n, tp */
  emissions: Record<string, number | undefined>;
  carbon: CarbonLine[];
  climate: ClimateLine[];
  climateSettings: ClimateSettings;
  pest: AreaLine[];
  visits: VisitLine[];
  landscape: LandscapeLine[];
}

export interface GepAccount {
  region: string;
  year: number;
  /** GEP, 万元 */
  totalWan: number;
  /** by group, 万元 */
  groupsWan: Record<GepGroup, number>;
  perKm2Wan: number;
  /** 万元 per person */
  perCapitaWan: number;
  /** GEP / GDP */
  gdpRatio: number | null;
  services: ServiceValue[];
  settings: GepSettings;
  /** by ecosystem type and township, 万元, over the services whose inputs carry them */
  byEcosystem: Record<string, number>;
  byTownship: Record<string, number>;
}

/** A price the account needs and the inputs do not give: the caller (the workbook) refuses before this. */
export class MissingPriceError extends Error {
  constructor(readonly price: keyof GepPrices) {
    super(`missing price ${price}`);
  }
}

const need = (p: Partial<GepPrices>, k: keyof GepPrices): Price => {
  const v = p[k];
  if (!v) throw new MissingPriceError(k);
  return v;
};

/** Prices a service needs, so that the workbook asks only for those of the services it has inputs for. */
export function pricesNeeded(i: Omit<GepInputs, 'prices'>): Array<keyof GepPrices> {
  const out: Array<keyof GepPrices> = [];
  if (i.waterBalance.length > 0 || i.flood.length > 0) out.push('reservoirCost');
  if (i.soil.length > 0) out.push('siltCost', 'nitrogenPrice', 'phosphorusPrice');
  if (i.settings.windErosionArea && i.windErosion.length > 0) out.push('sandRestorationCost');
  if (i.settings.coastal && i.coast.length > 0) out.push('seawallCost');
  if (i.airPurification.length > 0) for (const p of AIR_POLLUTANTS) if (i.emissions[p] !== undefined) out.push(`${p}Cost` as keyof GepPrices);
  if (i.waterPurification.length > 0) for (const p of WATER_POLLUTANTS) if (i.emissions[p] !== undefined) out.push(`${p}Cost` as keyof GepPrices);
  if (i.carbon.length > 0) out.push('carbonPrice', 'oxygenPrice');
  if (i.climate.length > 0) out.push('electricityPrice');
  if (i.settings.pestControl && i.pest.length > 0) out.push('pestControlCost');
  if (i.settings.recreationMethod === 'travelCost' && i.visits.some((v) => (v.days ?? 0) > 0)) out.push('dailyWage');
  return out;
}

/**
 * gepAccount(inputs) → the account. GEP = Σ 物质供给 + Σ 调节服务 + Σ 文化服务 over the services that apply
 * (规范: GEP 为三类生态产品价值之和). Services not applying count nothing and say why.
 * perKm2Wan = GEP / area; perCapitaWan = GEP / population; gdpRatio = GEP / GDP (null without a GDP).
 */
export function gepAccount(i: GepInputs): GepAccount {
  const p = i.prices;
  const s = i.settings;
  const services: ServiceValue[] = [
    ...materialSupply(i.products),
    waterConservation(i.waterBalance, i.waterBalance.length > 0 ? need(p, 'reservoirCost') : placeholder, s.negativeWaterBalance),
    soilRetention(i.soil, { ...i.soilPricing, siltCost: i.soil.length > 0 ? need(p, 'siltCost') : placeholder, nitrogenPrice: i.soil.length > 0 ? need(p, 'nitrogenPrice') : placeholder, phosphorusPrice: i.soil.length > 0 ? need(p, 'phosphorusPrice') : placeholder }),
    sandFixation(i.windErosion, s.windErosionArea, s.sandBulkDensity, s.sandDepthM, s.windErosionArea && i.windErosion.length > 0 ? need(p, 'sandRestorationCost') : placeholder),
    coastalProtection(i.coast, s.coastal, s.coastal && i.coast.length > 0 ? need(p, 'seawallCost') : placeholder),
    floodRegulation(i.flood, s.reservoirFloodShare, i.flood.length > 0 ? need(p, 'reservoirCost') : placeholder),
    purification('airPurification', i.airPurification, i.emissions, pollutantCosts(p, AIR_POLLUTANTS, i.emissions, i.airPurification.length > 0), AIR_POLLUTANTS),
    purification('waterPurification', i.waterPurification, i.emissions, pollutantCosts(p, WATER_POLLUTANTS, i.emissions, i.waterPurification.length > 0), WATER_POLLUTANTS),
    carbonSequestration(i.carbon, s.carbonMethod, i.carbon.length > 0 ? need(p, 'carbonPrice') : placeholder, s.carbonPricing),
    oxygenRelease(i.carbon, s.carbonMethod, i.carbon.length > 0 ? need(p, 'oxygenPrice') : placeholder),
    climateRegulation(i.climate, i.climateSettings, i.climate.length > 0 ? need(p, 'electricityPrice') : placeholder),
    pestControl(i.pest, s.pestControl, s.pestControl && i.pest.length > 0 ? need(p, 'pestControlCost') : placeholder),
    recreation(i.visits, s.recreationMethod, p.dailyWage?.value ?? 0, s.leisureTimeShare, p.dailyWage?.year ?? i.region.year),
    landscapeValue(i.landscape, s.landscapeValue, i.region.year),
  ];
  return summarise(i.region, s, services);
}

/** The totals and ratios of a list of service values (also for an account recomputed from published values). */
export function summarise(r: GepRegion, settings: GepSettings, services: ServiceValue[]): GepAccount {
  const groupsWan: Record<GepGroup, number> = { material: 0, regulating: 0, cultural: 0 };
  const byEcosystem: Record<string, number> = {};
  const byTownship: Record<string, number> = {};
  for (const v of services) {
    if (!v.applies || v.valueWan === null) continue;
    groupsWan[v.group] += v.valueWan;
    for (const [k, x] of Object.entries(v.byEcosystem ?? {})) byEcosystem[k] = (byEcosystem[k] ?? 0) + x;
    for (const [k, x] of Object.entries(v.byTownship ?? {})) byTownship[k] = (byTownship[k] ?? 0) + x;
  }
  const totalWan = groupsWan.material + groupsWan.regulating + groupsWan.cultural;
  return {
    region: r.region,
    year: r.year,
    totalWan,
    groupsWan,
    perKm2Wan: totalWan / r.areaKm2,
    perCapitaWan: totalWan / r.population,
    gdpRatio: r.gdpWan > 0 ? totalWan / r.gdpWan : null,
    services,
    settings,
    byEcosystem,
    byTownship,
  };
}

/**
 * constantPriceChange(current, previous, deflator) → the real change of GEP against the previous year's account:
 * (current / deflator − previous) / previous. deflator is the price index of the current year with the previous
 * year = 1 (e.g. 1.021 for prices 2.1 % higher): the current account is brought back to the previous year's
 * prices before comparing (不变价比较). Which index is used — the region's GDP deflator (GDP 平减指数) or a CPI —
 * is the caller's to state; the specification asks that accounts of different years be compared at constant
 * prices. Null when there is no previous GEP.
 */
export function constantPriceChange(currentWan: number, previousWan: number | null, deflator: number): { currentAtPreviousPricesWan: number; change: number | null } {
  const at = currentWan / deflator;
  return { currentAtPreviousPricesWan: at, change: previousWan && previousWan > 0 ? (at - previousWan) / previousWan : null };
}

/** never used for a value: stands for a price of a service that has no inputs (and so is not priced) */
const placeholder: Price = { value: 0, unit: '', year: 0, source: '' };

function pollutantCosts(p: Partial<GepPrices>, pollutants: readonly string[], emissions: Record<string, number | undefined>, used: boolean): Record<string, Price> {
  const out: Record<string, Price> = {};
  for (const x of pollutants) if (used && emissions[x] !== undefined) out[x] = need(p, `${x}Cost` as keyof GepPrices);
  return out;
}
