// 调节服务 (regulating services): each service's physical quantity (功能量) from land-cover areas and the
// region's parameters, priced by a replacement cost or a market price (价值量 = 功能量 × 价格). Areas are in
// km², depths in mm, masses in t, values in 万元. Each function is pure and documented so that another
// region's published account can be recomputed from its printed inputs.
//
// Formulas: 《陆地生态系统生产总值（GEP）核算技术指南》(2020), the companion the 2022 specification refers to
// for 调节服务 (see types.ts for what was and was not read). Clause references are given as "指南 §x" where the
// local standards built on it cite them; they were not checked against the guide's own text.
import { notApplicable, sumBy, wan, type Price, type ServiceValue } from './types.ts';

/** mm × km² → m³ (10⁻³ m × 10⁶ m²) */
const MM_KM2_TO_M3 = 1e3;
/** km² → hm² */
const KM2_TO_HM2 = 100;
/** molar masses: CO₂ 44, C 12, O₂ 32 */
const CO2_PER_C = 44 / 12;
const O2_PER_CO2 = 32 / 44;

/** A land-cover line: an ecosystem type (森林, 灌丛, 草地, 湿地, 农田, 城镇, 水域 …) in a township. */
export interface AreaLine {
  ecosystem: string;
  township?: string;
  areaKm2: number;
}

// ---------------------------------------------------------------- 水源涵养 (water conservation)

export interface WaterBalanceLine extends AreaLine {
  /** precipitation P, mm/a */
  precipitationMm: number;
  /** surface runoff R, mm/a */
  runoffMm: number;
  /** evapotranspiration ET, mm/a */
  evapotranspirationMm: number;
}

/**
 * waterConservationM3(line) → m³/a = (P − R − ET) × A × 10³ (指南 水源涵养 水量平衡法).
 * A negative balance (ET + R above P) counts as 0 when negative is 'zero' (the guide's reading: an ecosystem
 * that loses water holds none back), or as it is when 'count' — a setting printed with the results.
 */
export function waterConservationM3(line: WaterBalanceLine, negative: 'zero' | 'count' = 'zero'): number {
  const m3 = (line.precipitationMm - line.runoffMm - line.evapotranspirationMm) * line.areaKm2 * MM_KM2_TO_M3;
  return negative === 'zero' ? Math.max(0, m3) : m3;
}

/** waterConservation(lines, reservoirCost 元/m³, negative) → the service; value = Q × C_we (影子工程法: 水库单位库容造价). */
export function waterConservation(lines: WaterBalanceLine[], reservoirCost: Price, negative: 'zero' | 'count' = 'zero'): ServiceValue {
  if (lines.length === 0) return notApplicable('regulating', 'waterConservation', 'gep.reason.noInput');
  const q = (l: WaterBalanceLine) => waterConservationM3(l, negative);
  const quantity = lines.reduce((s, l) => s + q(l), 0);
  return withSplits(
    { group: 'regulating', service: 'waterConservation', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.m3', price: reservoirCost.value, priceUnit: reservoirCost.unit, priceYear: reservoirCost.year, valueWan: wan(quantity * reservoirCost.value), method: 'gep.method.reservoirCost' },
    lines,
    (l) => wan(q(l) * reservoirCost.value),
  );
}

// ---------------------------------------------------------------- 土壤保持 (soil retention)

export interface RusleLine extends AreaLine {
  /** rainfall erosivity R, MJ·mm/(hm²·h·a) */
  r: number;
  /** soil erodibility K, t·hm²·h/(hm²·MJ·mm) */
  k: number;
  /** slope length and steepness LS, dimensionless */
  ls: number;
  /** cover-management C, 0…1 */
  c: number;
  /** support practice P, 0…1 */
  p: number;
}

/**
 * soilRetentionT(line) → t/a = (potential − actual erosion) × area = R·K·LS·(1 − C·P) × A × 100
 * (RUSLE, 指南 土壤保持: potential R·K·LS with no cover, actual R·K·LS·C·P; t/hm² × hm²).
 */
export function soilRetentionT(line: RusleLine): number {
  const potential = line.r * line.k * line.ls;
  return potential * (1 - line.c * line.p) * line.areaKm2 * KM2_TO_HM2;
}

export interface SoilPricing {
  /** sediment deposition ratio λ (share of eroded soil that silts reservoirs and rivers), 0…1 */
  siltRatio: number;
  /** soil bulk density ρ, t/m³ */
  bulkDensity: number;
  /** silt-removal cost, 元/m³ */
  siltCost: Price;
  /** nitrogen and phosphorus content of the soil, % of mass */
  nitrogenPercent: number;
  phosphorusPercent: number;
  /** price of N and of P (as fertiliser), 元/t */
  nitrogenPrice: Price;
  phosphorusPrice: Price;
}

/**
 * soilRetention(lines, pricing) → the service in two parts (指南 土壤保持 价值量):
 * 减少泥沙淤积 V_sd = λ × Q_sr / ρ × c (元), and 减少面源污染 V_dpd = Q_sr × (N% × p_N + P% × p_P) / 100 (元).
 */
export function soilRetention(lines: RusleLine[], s: SoilPricing): ServiceValue {
  if (lines.length === 0) return notApplicable('regulating', 'soilRetention', 'gep.reason.noInput');
  const perT = (s.siltRatio / s.bulkDensity) * s.siltCost.value + (s.nitrogenPercent / 100) * s.nitrogenPrice.value + (s.phosphorusPercent / 100) * s.phosphorusPrice.value;
  const quantity = lines.reduce((sum, l) => sum + soilRetentionT(l), 0);
  const siltM3 = (quantity * s.siltRatio) / s.bulkDensity;
  const nT = (quantity * s.nitrogenPercent) / 100;
  const pT = (quantity * s.phosphorusPercent) / 100;
  const parts = [
    { part: 'gep.part.silt', quantity: siltM3, quantityUnit: 'gep.unit.m3', price: s.siltCost.value, priceUnit: s.siltCost.unit, priceYear: s.siltCost.year, valueWan: wan(siltM3 * s.siltCost.value) },
    { part: 'gep.part.nitrogen', quantity: nT, quantityUnit: 'gep.unit.t', price: s.nitrogenPrice.value, priceUnit: s.nitrogenPrice.unit, priceYear: s.nitrogenPrice.year, valueWan: wan(nT * s.nitrogenPrice.value) },
    { part: 'gep.part.phosphorus', quantity: pT, quantityUnit: 'gep.unit.t', price: s.phosphorusPrice.value, priceUnit: s.phosphorusPrice.unit, priceYear: s.phosphorusPrice.year, valueWan: wan(pT * s.phosphorusPrice.value) },
  ];
  return withSplits(
    // priced in three parts (m³ of silt, t of N, t of P): no one price for the whole; each part carries its own
    { group: 'regulating', service: 'soilRetention', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.t', price: null, priceUnit: '', priceYear: oneYear(parts), valueWan: parts.reduce((x, p) => x + p.valueWan, 0), method: 'gep.method.siltAndNutrients', parts },
    lines,
    (l) => wan(soilRetentionT(l) * perT),
  );
}

// ---------------------------------------------------------------- 防风固沙 (sand fixation)

export interface WindErosionLine extends AreaLine {
  /** potential (no vegetation) and actual wind-erosion modulus, t/(km²·a) (RWEQ output) */
  potentialTPerKm2: number;
  actualTPerKm2: number;
}

/** sandFixationT(line) → t/a = (S_Lpotential − S_L) × A (指南 防风固沙, RWEQ). */
export function sandFixationT(line: WindErosionLine): number {
  return (line.potentialTPerKm2 - line.actualTPerKm2) * line.areaKm2;
}

/**
 * sandFixation(lines, windErosionArea, ρ t/m³, h m, cost 元/m²) → value = Q_sf / (ρ·h) × c (恢复成本法: the
 * area of land the fixed sand would bury to depth h, at the cost of restoring sanded land). Applies only in
 * wind-erosion areas (the specification counts 防风固沙 where wind erosion occurs: 风蚀区、防风固沙功能区).
 */
export function sandFixation(lines: WindErosionLine[], windErosionArea: boolean, bulkDensity: number, depthM: number, cost: Price): ServiceValue {
  if (!windErosionArea) return notApplicable('regulating', 'sandFixation', 'gep.reason.notWindErosion');
  if (lines.length === 0) return notApplicable('regulating', 'sandFixation', 'gep.reason.noInput');
  const quantity = lines.reduce((s, l) => s + sandFixationT(l), 0);
  const perT = cost.value / (bulkDensity * depthM);
  return withSplits(
    { group: 'regulating', service: 'sandFixation', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.t', price: cost.value, priceUnit: cost.unit, priceYear: cost.year, valueWan: wan(quantity * perT), method: 'gep.method.sandRestoration' },
    lines,
    (l) => wan(sandFixationT(l) * perT),
  );
}

// ---------------------------------------------------------------- 海岸带防护 (coastal protection)

export interface CoastLine {
  /** the protecting ecosystem (红树林, 盐沼, 珊瑚礁, 海草床 …) */
  ecosystem: string;
  township?: string;
  /** length of coast it protects, km */
  lengthKm: number;
}

/**
 * coastalProtection(lines, coastal, seawallCost 元/km) → value = Σ L × C (影子工程法: the cost of the seawall the
 * ecosystem stands in for). Applies only to coastal regions (an inland county has no coast to protect).
 */
export function coastalProtection(lines: CoastLine[], coastal: boolean, seawallCost: Price): ServiceValue {
  if (!coastal) return notApplicable('regulating', 'coastalProtection', 'gep.reason.inland');
  if (lines.length === 0) return notApplicable('regulating', 'coastalProtection', 'gep.reason.noInput');
  const quantity = lines.reduce((s, l) => s + l.lengthKm, 0);
  const out: ServiceValue = { group: 'regulating', service: 'coastalProtection', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.km', price: seawallCost.value, priceUnit: seawallCost.unit, priceYear: seawallCost.year, valueWan: wan(quantity * seawallCost.value), method: 'gep.method.seawallCost' };
  const e = sumBy(lines, (l) => l.ecosystem, (l) => wan(l.lengthKm * seawallCost.value));
  if (e) out.byEcosystem = e;
  return out;
}

// ---------------------------------------------------------------- 洪水调蓄 (flood regulation)

export type FloodLine =
  | { kind: 'lake'; name: string; township?: string; /** adjustable storage, 万m³ */ storage10kM3: number }
  | { kind: 'reservoir'; name: string; township?: string; /** total capacity, 万m³ */ capacity10kM3: number }
  | { kind: 'wetland'; name: string; township?: string; areaKm2: number; /** depth of floodwater it holds, m */ depthM: number };

/**
 * floodStorageM3(line, reservoirShare) → m³ (指南 洪水调蓄): a lake its adjustable storage; a reservoir its
 * flood-control capacity, taken as reservoirShare × total capacity where the flood-control capacity is not
 * known (a setting; the guide's national mean is used in the template, to be replaced by the reservoir's own);
 * a wetland (沼泽) area × flood depth.
 */
export function floodStorageM3(line: FloodLine, reservoirShare: number): number {
  if (line.kind === 'lake') return line.storage10kM3 * 1e4;
  if (line.kind === 'reservoir') return line.capacity10kM3 * 1e4 * reservoirShare;
  return line.areaKm2 * 1e6 * line.depthM;
}

/** floodRegulation(lines, reservoirShare, reservoirCost 元/m³) → value = storage × C_we (影子工程法). */
export function floodRegulation(lines: FloodLine[], reservoirShare: number, reservoirCost: Price): ServiceValue {
  if (lines.length === 0) return notApplicable('regulating', 'floodRegulation', 'gep.reason.noWaterBodies');
  const q = (l: FloodLine) => floodStorageM3(l, reservoirShare);
  const quantity = lines.reduce((s, l) => s + q(l), 0);
  const out: ServiceValue = { group: 'regulating', service: 'floodRegulation', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.m3', price: reservoirCost.value, priceUnit: reservoirCost.unit, priceYear: reservoirCost.year, valueWan: wan(quantity * reservoirCost.value), method: 'gep.method.reservoirCost' };
  const e = sumBy(lines, (l) => l.kind, (l) => wan(q(l) * reservoirCost.value));
  if (e) out.byEcosystem = e;
  const tw = sumBy(lines, (l) => l.township, (l) => wan(q(l) * reservoirCost.value));
  if (tw) out.byTownship = tw;
  return out;
}

// ---------------------------------------------------------------- 空气净化, 水质净化 (purification)

export interface PurificationLine extends AreaLine {
  /** purification capacity per pollutant, t/(km²·a) */
  capacity: Record<string, number>;
}

/**
 * purifiedT(lines, emissions) → t/a per pollutant = min(Σ capacity × A, emission) (指南 空气净化/水质净化: the
 * ecosystems purify no more than is emitted into them). A pollutant without an emission figure is not counted
 * (its bound is unknown), and is listed in `unbounded`.
 */
export function purifiedT(lines: PurificationLine[], emissions: Record<string, number | undefined>, pollutants: readonly string[]): { perPollutant: Record<string, number>; capacityT: Record<string, number>; unbounded: string[] } {
  const perPollutant: Record<string, number> = {};
  const capacityT: Record<string, number> = {};
  const unbounded: string[] = [];
  for (const p of pollutants) {
    const cap = lines.reduce((s, l) => s + (l.capacity[p] ?? 0) * l.areaKm2, 0);
    capacityT[p] = cap;
    const e = emissions[p];
    if (e === undefined) unbounded.push(p);
    else perPollutant[p] = Math.min(cap, e);
  }
  return { perPollutant, capacityT, unbounded };
}

/**
 * purification(service, lines, emissions, costs 元/t per pollutant) → value = Σ_pollutant purified × treatment
 * cost (替代成本法: 工业治理成本). service is airPurification (SO₂, NOx, 粉尘) or waterPurification (COD, 氨氮, 总磷).
 * By ecosystem and township, the value is shared in proportion to each line's capacity.
 */
export function purification(service: 'airPurification' | 'waterPurification', lines: PurificationLine[], emissions: Record<string, number | undefined>, costs: Record<string, Price>, pollutants: readonly string[]): ServiceValue {
  if (lines.length === 0) return notApplicable('regulating', service, 'gep.reason.noInput');
  const { perPollutant, capacityT } = purifiedT(lines, emissions, pollutants);
  const counted = pollutants.filter((p) => perPollutant[p] !== undefined);
  if (counted.length === 0) return notApplicable('regulating', service, 'gep.reason.noEmissions');
  const parts = counted.map((p) => {
    const price = costs[p]!;
    return { part: `gep.pollutant.${p}`, quantity: perPollutant[p]!, quantityUnit: 'gep.unit.t', price: price.value, priceUnit: price.unit, priceYear: price.year, valueWan: wan(perPollutant[p]! * price.value) };
  });
  const quantity = parts.reduce((s, p) => s + p.quantity, 0);
  const valueWan = parts.reduce((s, p) => s + p.valueWan, 0);
  // one price for the whole only when every pollutant has the same treatment cost
  const first = costs[counted[0]!]!;
  const samePrice = counted.every((p) => costs[p]!.value === first.value && costs[p]!.unit === first.unit);
  const lineValue = (l: PurificationLine) => counted.reduce((s, p) => s + (capacityT[p]! > 0 ? ((l.capacity[p] ?? 0) * l.areaKm2) / capacityT[p]! : 0) * wan(perPollutant[p]! * costs[p]!.value), 0);
  return withSplits({ group: 'regulating', service, applies: true, reason: null, quantity, quantityUnit: 'gep.unit.t', price: samePrice ? first.value : null, priceUnit: samePrice ? first.unit : '', priceYear: oneYear(parts), valueWan, method: 'gep.method.treatmentCost', parts }, lines, lineValue);
}

export const AIR_POLLUTANTS = ['so2', 'nox', 'dust'] as const;
export const WATER_POLLUTANTS = ['cod', 'nh3n', 'tp'] as const;

// ---------------------------------------------------------------- 固碳, 释氧 (carbon sequestration, oxygen release)

export interface CarbonLine extends AreaLine {
  /** net primary productivity, g C/(m²·a) (as MODIS MOD17 gives it) — for the NEP route */
  nppGcPerM2?: number;
  /** NEP/NPP ratio α of the ecosystem type — for the NEP route */
  nepRatio?: number;
  /** carbon-stock change over the year, t C — for the stock-change route */
  stockChangeTC?: number;
}

/**
 * carbonFixedTCO2(line, method) → t CO₂/a (指南 固碳):
 * 'nep': Q = 44/12 × NEP, NEP = α × NPP × A (g C/m² × km² = t C);
 * 'stockChange': Q = 44/12 × ΔC (carbon-stock change of forests, grassland, wetlands, farmland soil).
 */
export function carbonFixedTCO2(line: CarbonLine, method: 'nep' | 'stockChange'): number {
  if (method === 'nep') return CO2_PER_C * (line.nepRatio ?? 0) * (line.nppGcPerM2 ?? 0) * line.areaKm2;
  return CO2_PER_C * (line.stockChangeTC ?? 0);
}

/** oxygenReleasedT(co2) → t O₂ = 32/44 × Q_CO₂ (指南 释氧: photosynthesis releases one O₂ per CO₂ fixed). */
export const oxygenReleasedT = (tCO2: number) => O2_PER_CO2 * tCO2;

/** carbonSequestration(lines, method, carbonPrice 元/t CO₂) → value = Q_CO₂ × carbon price (市场价值法 or 造林成本法: a setting). */
export function carbonSequestration(lines: CarbonLine[], method: 'nep' | 'stockChange', carbonPrice: Price, pricing: 'market' | 'afforestation'): ServiceValue {
  if (lines.length === 0) return notApplicable('regulating', 'carbonSequestration', 'gep.reason.noInput');
  const q = (l: CarbonLine) => carbonFixedTCO2(l, method);
  const quantity = lines.reduce((s, l) => s + q(l), 0);
  return withSplits(
    { group: 'regulating', service: 'carbonSequestration', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.tCO2', price: carbonPrice.value, priceUnit: carbonPrice.unit, priceYear: carbonPrice.year, valueWan: wan(quantity * carbonPrice.value), method: pricing === 'market' ? 'gep.method.carbonMarket' : 'gep.method.afforestationCost' },
    lines,
    (l) => wan(q(l) * carbonPrice.value),
  );
}

/** oxygenRelease(lines, method, oxygenPrice 元/t) → value = Q_O₂ × industrial oxygen price (替代成本法: 工业制氧). */
export function oxygenRelease(lines: CarbonLine[], method: 'nep' | 'stockChange', oxygenPrice: Price): ServiceValue {
  if (lines.length === 0) return notApplicable('regulating', 'oxygenRelease', 'gep.reason.noInput');
  const q = (l: CarbonLine) => oxygenReleasedT(carbonFixedTCO2(l, method));
  const quantity = lines.reduce((s, l) => s + q(l), 0);
  return withSplits(
    { group: 'regulating', service: 'oxygenRelease', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.t', price: oxygenPrice.value, priceUnit: oxygenPrice.unit, priceYear: oxygenPrice.year, valueWan: wan(quantity * oxygenPrice.value), method: 'gep.method.industrialOxygen' },
    lines,
    (l) => wan(q(l) * oxygenPrice.value),
  );
}

// ---------------------------------------------------------------- 气候调节 (climate regulation)

export type ClimateLine =
  | (AreaLine & { kind: 'vegetation'; /** heat consumed by evapotranspiration, kJ/(m²·d), on hot days */ eppKjPerM2Day: number })
  | (AreaLine & { kind: 'water'; /** water-surface evaporation on hot days, mm */ evaporationMm: number });

export interface ClimateSettings {
  /** days with a daily maximum above 26 °C (the days air-conditioning would run) */
  hotDays: number;
  /** energy-efficiency ratio of the air conditioner (cooling energy per unit electricity) */
  coolingEfficiency: number;
  /** latent heat of vaporisation, kJ/kg */
  latentHeatKjPerKg: number;
  /** electricity a humidifier uses to evaporate 1 m³ of water, kWh/m³ */
  humidifierKwhPerM3: number;
}

/**
 * climateKwh(line, s) → kWh/a (指南 气候调节, the energy the ecosystem's evapotranspiration saves):
 * vegetation E = EPP × A × 10⁶ × D / (3600 × r) (cooling only);
 * water surface E = W × 1000 × q / (3600 × r) + W × y, W = evaporation mm × A × 10³ m³ (cooling + humidifying).
 */
export function climateKwh(line: ClimateLine, s: ClimateSettings): { cooling: number; humidifying: number } {
  if (line.kind === 'vegetation') return { cooling: (line.eppKjPerM2Day * line.areaKm2 * 1e6 * s.hotDays) / (3600 * s.coolingEfficiency), humidifying: 0 };
  const m3 = line.evaporationMm * line.areaKm2 * MM_KM2_TO_M3;
  return { cooling: (m3 * 1000 * s.latentHeatKjPerKg) / (3600 * s.coolingEfficiency), humidifying: m3 * s.humidifierKwhPerM3 };
}

/** climateRegulation(lines, s, electricity 元/kWh) → value = E × electricity price (替代成本法). */
export function climateRegulation(lines: ClimateLine[], s: ClimateSettings, electricity: Price): ServiceValue {
  if (lines.length === 0) return notApplicable('regulating', 'climateRegulation', 'gep.reason.noInput');
  const e = lines.map((l) => climateKwh(l, s));
  const cooling = e.reduce((x, y) => x + y.cooling, 0);
  const humidifying = e.reduce((x, y) => x + y.humidifying, 0);
  const part = (name: string, kwh: number) => ({ part: name, quantity: kwh, quantityUnit: 'gep.unit.kwh', price: electricity.value, priceUnit: electricity.unit, priceYear: electricity.year, valueWan: wan(kwh * electricity.value) });
  return withSplits(
    { group: 'regulating', service: 'climateRegulation', applies: true, reason: null, quantity: cooling + humidifying, quantityUnit: 'gep.unit.kwh', price: electricity.value, priceUnit: electricity.unit, priceYear: electricity.year, valueWan: wan((cooling + humidifying) * electricity.value), method: 'gep.method.electricity', parts: [part('gep.part.cooling', cooling), part('gep.part.humidifying', humidifying)] },
    lines,
    (l) => {
      const k = climateKwh(l, s);
      return wan((k.cooling + k.humidifying) * electricity.value);
    },
  );
}

// ---------------------------------------------------------------- 病虫害控制 (pest control)

/**
 * pestControl(lines, chosen, cost 元/hm²) → value = A × 100 × c (替代成本法: what spraying the same area would
 * cost). The specification lists it among services a region may choose; not chosen → not applicable.
 */
export function pestControl(lines: AreaLine[], chosen: boolean, cost: Price): ServiceValue {
  if (!chosen) return notApplicable('regulating', 'pestControl', 'gep.reason.notChosen');
  if (lines.length === 0) return notApplicable('regulating', 'pestControl', 'gep.reason.noInput');
  const quantity = lines.reduce((s, l) => s + l.areaKm2 * KM2_TO_HM2, 0);
  return withSplits(
    { group: 'regulating', service: 'pestControl', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.hm2', price: cost.value, priceUnit: cost.unit, priceYear: cost.year, valueWan: wan(quantity * cost.value), method: 'gep.method.controlCost' },
    lines,
    (l) => wan(l.areaKm2 * KM2_TO_HM2 * cost.value),
  );
}

/** The price year shared by every part, or null when the parts' prices are of different years. */
function oneYear(parts: Array<{ priceYear: number }>): number | null {
  const years = new Set(parts.map((p) => p.priceYear));
  return years.size === 1 ? [...years][0]! : null;
}

/** Adds the value by ecosystem type and by township of the lines that carry them. */
function withSplits<L extends { ecosystem: string; township?: string }>(v: ServiceValue, lines: L[], value: (l: L) => number): ServiceValue {
  const e = sumBy(lines, (l) => l.ecosystem, value);
  if (e) v.byEcosystem = e;
  const tw = sumBy(lines, (l) => l.township, value);
  if (tw) v.byTownship = tw;
  return v;
}
