// The GEP account's formulas, each on a small case worked by hand (the working is in the comments), and the
// account's totals and ratios. The expected numbers are derived from the formulas as the guide states them,
// never taken from the code.
import { describe, expect, it } from 'vitest';
import { materialSupply, productValueWan } from '../../src/domain/gep/material.ts';
import {
  carbonFixedTCO2,
  carbonSequestration,
  climateKwh,
  coastalProtection,
  floodRegulation,
  floodStorageM3,
  oxygenReleasedT,
  pestControl,
  purification,
  AIR_POLLUTANTS,
  WATER_POLLUTANTS,
  sandFixation,
  soilRetention,
  soilRetentionT,
  waterConservation,
  waterConservationM3,
} from '../../src/domain/gep/regulating.ts';
import { landscapeValue, recreation, recreationYuan } from '../../src/domain/gep/cultural.ts';
import { constantPriceChange, gepAccount, summarise, type GepInputs, type GepSettings } from '../../src/domain/gep/account.ts';
import type { Price } from '../../src/domain/gep/types.ts';

const price = (value: number, unit = 'gep.unit.yuanPerM3', year = 2024): Price => ({ value, unit, year, source: 'test' });

describe('物质供给', () => {
  it('values a product as quantity × price, or by its output value, in 万元', () => {
    // 1,200 t of rice at 2,800 元/t = 3,360,000 元 = 336 万元
    expect(productValueWan({ category: 'agriculture', product: 'rice', quantity: 1200, unit: 't', priceYuan: 2800, priceYear: 2024 })).toBeCloseTo(336, 9);
    expect(productValueWan({ category: 'fishery', product: 'fish', outputValueWan: 512.5, priceYear: 2024 })).toBe(512.5);
  });
  it('sums a category’s lines and marks a category without products as not applying (never 0)', () => {
    const v = materialSupply([
      { category: 'agriculture', product: 'rice', township: 'A', quantity: 1200, priceYuan: 2800, priceYear: 2024 },
      { category: 'agriculture', product: 'maize', township: 'B', quantity: 500, priceYuan: 2400, priceYear: 2024 },
    ]);
    const agri = v.find((x) => x.service === 'agriculture')!;
    // 336 + 500 × 2,400 / 10⁴ = 336 + 120 = 456 万元
    expect(agri.valueWan).toBeCloseTo(456, 9);
    expect(agri.byTownship).toEqual({ A: 336, B: 120 });
    // no unit given: rice and maize are not added up into one quantity
    expect(agri.quantity).toBeNull();
    const inTonnes = materialSupply([
      { category: 'agriculture', product: 'rice', quantity: 1200, unit: 't', priceYuan: 2800, priceYear: 2024 },
      { category: 'agriculture', product: 'maize', quantity: 500, unit: 't', priceYuan: 2400, priceYear: 2024 },
    ]).find((x) => x.service === 'agriculture')!;
    expect(inTonnes).toMatchObject({ quantity: 1700, quantityUnit: 't' });
    const fish = v.find((x) => x.service === 'fishery')!;
    expect(fish).toMatchObject({ applies: false, valueWan: null, reason: { key: 'gep.reason.noProducts' } });
  });
});

describe('水源涵养 (water balance)', () => {
  it('(P − R − ET) × A: 200 mm over 10 km² holds 2,000,000 m³; at 8 元/m³, 1,600 万元', () => {
    const line = { ecosystem: 'forest', areaKm2: 10, precipitationMm: 1200, runoffMm: 400, evapotranspirationMm: 600 };
    expect(waterConservationM3(line)).toBeCloseTo(2_000_000, 6);
    const v = waterConservation([line], price(8));
    expect(v.valueWan).toBeCloseTo(1600, 9);
    expect(v).toMatchObject({ quantityUnit: 'gep.unit.m3', price: 8, priceYear: 2024 });
  });
  it('a negative balance counts 0 by default, or −2,000,000 m³ when the setting says count it', () => {
    const dry = { ecosystem: 'grass', areaKm2: 10, precipitationMm: 500, runoffMm: 100, evapotranspirationMm: 600 };
    expect(waterConservationM3(dry)).toBe(0);
    expect(waterConservationM3(dry, 'count')).toBeCloseTo(-2_000_000, 6);
  });
});

describe('土壤保持 (RUSLE)', () => {
  const line = { ecosystem: 'forest', areaKm2: 1, r: 4000, k: 0.03, ls: 2, c: 0.1, p: 1 };
  it('R·K·LS·(1 − C·P) × 100 hm²: 240 × 0.9 × 100 = 21,600 t', () => {
    expect(soilRetentionT(line)).toBeCloseTo(21_600, 6);
  });
  it('silt 21,600 × 0.24 / 1.2 = 4,320 m³ × 10 元 = 4.32 万; N 21.6 t × 2,000 = 4.32 万; P 10.8 t × 3,000 = 3.24 万; 11.88 万元 in all', () => {
    const v = soilRetention([line], { siltRatio: 0.24, bulkDensity: 1.2, siltCost: price(10), nitrogenPercent: 0.1, phosphorusPercent: 0.05, nitrogenPrice: price(2000, 'gep.unit.yuanPerT'), phosphorusPrice: price(3000, 'gep.unit.yuanPerT') });
    expect(v.parts!.map((p) => p.valueWan)).toEqual([expect.closeTo(4.32, 9), expect.closeTo(4.32, 9), expect.closeTo(3.24, 9)]);
    expect(v.valueWan).toBeCloseTo(11.88, 9);
    expect(v).toMatchObject({ price: null, priceYear: 2024 }); // three prices, no one price for the whole
    expect(v.byEcosystem!.forest).toBeCloseTo(11.88, 9);
  });
});

describe('防风固沙 and 海岸带防护 apply only where the specification says', () => {
  it('outside a wind-erosion area 防风固沙 does not apply; inside, (potential − actual) × A / (ρ·h) × c', () => {
    const lines = [{ ecosystem: 'grass', areaKm2: 2, potentialTPerKm2: 5000, actualTPerKm2: 1000 }];
    expect(sandFixation(lines, false, 1.5, 0.1, price(20, 'gep.unit.yuanPerM2'))).toMatchObject({ applies: false, reason: { key: 'gep.reason.notWindErosion' } });
    // 8,000 t / (1.5 t/m³ × 0.1 m) = 53,333.3 m² × 20 元 = 1,066,666.7 元 = 106.67 万元
    expect(sandFixation(lines, true, 1.5, 0.1, price(20, 'gep.unit.yuanPerM2')).valueWan).toBeCloseTo(106.6667, 3);
  });
  it('an inland county has no coast to protect; a coast of 3 km at 2 × 10⁷ 元/km (2,000 万元/km) is 6,000 万元', () => {
    expect(coastalProtection([], false, price(2e7))).toMatchObject({ applies: false, reason: { key: 'gep.reason.inland' } });
    expect(coastalProtection([{ ecosystem: 'mangrove', lengthKm: 3 }], true, price(2e7)).valueWan).toBeCloseTo(6000, 9);
  });
});

describe('洪水调蓄', () => {
  it('reservoir 1,000 万m³ × 0.35 + wetland 2 km² × 0.5 m + lake 100 万m³ = 5,500,000 m³; × 8 元 = 4,400 万元', () => {
    const lines = [
      { kind: 'reservoir' as const, name: 'R', capacity10kM3: 1000 },
      { kind: 'wetland' as const, name: 'W', areaKm2: 2, depthM: 0.5 },
      { kind: 'lake' as const, name: 'L', storage10kM3: 100 },
    ];
    expect(lines.map((l) => floodStorageM3(l, 0.35))).toEqual([3_500_000, 1_000_000, 1_000_000]);
    expect(floodRegulation(lines, 0.35, price(8)).valueWan).toBeCloseTo(4400, 9);
    expect(floodRegulation([], 0.35, price(8))).toMatchObject({ applies: false });
  });
});

describe('空气净化 and 水质净化: capacity bounded by emissions', () => {
  it('SO₂ min(15 × 10, 100) = 100 t; NOx min(6 × 10, 500) = 60 t; dust without an emission figure is not counted', () => {
    const lines = [{ ecosystem: 'forest', areaKm2: 10, capacity: { so2: 15, nox: 6, dust: 1000 } }];
    const v = purification('airPurification', lines, { so2: 100, nox: 500 }, { so2: price(1200, 'gep.unit.yuanPerT'), nox: price(1500, 'gep.unit.yuanPerT') }, AIR_POLLUTANTS);
    // 100 × 1,200 + 60 × 1,500 = 210,000 元 = 21 万元
    expect(v.quantity).toBeCloseTo(160, 9);
    expect(v.valueWan).toBeCloseTo(21, 9);
    expect(v.price).toBeNull(); // SO₂ and NOx priced differently
  });
  it('COD: two ecosystems share the value by their capacity', () => {
    const lines = [
      { ecosystem: 'river', areaKm2: 1, capacity: { cod: 300 } },
      { ecosystem: 'wetland', areaKm2: 1, capacity: { cod: 100 } },
    ];
    // min(400, 1,000) = 400 t × 1,000 元 = 40 万元; river 3/4, wetland 1/4
    const v = purification('waterPurification', lines, { cod: 1000 }, { cod: price(1000, 'gep.unit.yuanPerT') }, WATER_POLLUTANTS);
    expect(v.valueWan).toBeCloseTo(40, 9);
    expect(v.byEcosystem!.river).toBeCloseTo(30, 9);
    expect(v.byEcosystem!.wetland).toBeCloseTo(10, 9);
  });
});

describe('固碳 and 释氧', () => {
  const line = { ecosystem: 'forest', areaKm2: 2, nppGcPerM2: 500, nepRatio: 0.5 };
  it('NEP = 0.5 × 500 g C/m² × 2 km² = 500 t C → 1,833.33 t CO₂ → 1,333.33 t O₂', () => {
    expect(carbonFixedTCO2(line, 'nep')).toBeCloseTo((500 * 44) / 12, 6);
    expect(oxygenReleasedT(carbonFixedTCO2(line, 'nep'))).toBeCloseTo((500 * 32) / 12, 6);
    expect(carbonFixedTCO2({ ecosystem: 'forest', areaKm2: 2, stockChangeTC: 120 }, 'stockChange')).toBeCloseTo(440, 6);
  });
  it('at 50 元/t CO₂: 9.17 万元', () => {
    expect(carbonSequestration([line], 'nep', price(50, 'gep.unit.yuanPerT'), 'market').valueWan).toBeCloseTo((((500 * 44) / 12) * 50) / 1e4, 9);
  });
});

describe('气候调节', () => {
  const s = { hotDays: 50, coolingEfficiency: 3, latentHeatKjPerKg: 2260, humidifierKwhPerM3: 125 };
  it('vegetation: 100 kJ/m²·d × 10⁶ m² × 50 d / (3,600 × 3) = 462,962.96 kWh', () => {
    expect(climateKwh({ kind: 'vegetation', ecosystem: 'forest', areaKm2: 1, eppKjPerM2Day: 100 }, s).cooling).toBeCloseTo(462_962.963, 2);
  });
  it('water: 100 mm over 1 km² = 10⁵ m³; cooling 10⁵ × 1,000 × 2,260 / 10,800 kWh, humidifying 10⁵ × 125 kWh', () => {
    const k = climateKwh({ kind: 'water', ecosystem: 'water', areaKm2: 1, evaporationMm: 100 }, s);
    expect(k.cooling).toBeCloseTo(2.26e11 / 10_800, 2);
    expect(k.humidifying).toBeCloseTo(12_500_000, 6);
  });
});

describe('病虫害控制 and 景观价值 are the region’s choice', () => {
  it('not chosen → not applying; chosen → 5 km² = 500 hm² × 300 元 = 15 万元', () => {
    expect(pestControl([{ ecosystem: 'forest', areaKm2: 5 }], false, price(300))).toMatchObject({ applies: false, reason: { key: 'gep.reason.notChosen' } });
    expect(pestControl([{ ecosystem: 'forest', areaKm2: 5 }], true, price(300)).valueWan).toBeCloseTo(15, 9);
    expect(landscapeValue([{ site: 'lakeside', floorM2: 20_000, premiumYuanPerM2: 500 }], true, 2024).valueWan).toBeCloseTo(1000, 9);
  });
});

describe('休闲旅游', () => {
  it('travel cost: 10,000 visits × (500 + 1 d × 300 × 1/3) = 6,000,000 元 = 600 万元; spending only: 500 万元', () => {
    const line = { site: 'park', visits: 10_000, spendingYuan: 500, days: 1 };
    expect(recreationYuan(line, 'travelCost', 300, 1 / 3)).toBeCloseTo(6e6, 6);
    expect(recreation([line], 'spending', 300, 1 / 3, 2024).valueWan).toBeCloseTo(500, 9);
  });
});

describe('the account', () => {
  const settings: GepSettings = { windErosionArea: false, coastal: false, pestControl: false, landscapeValue: false, negativeWaterBalance: 'zero', carbonMethod: 'nep', carbonPricing: 'market', recreationMethod: 'spending', reservoirFloodShare: 0.35, leisureTimeShare: 1 / 3, sandBulkDensity: 1.5, sandDepthM: 0.1 };
  const empty: GepInputs = {
    region: { region: 'test county', year: 2024, areaKm2: 100, population: 50_000, gdpWan: 1_000_000 },
    settings,
    prices: { reservoirCost: price(8) },
    products: [{ category: 'agriculture', product: 'rice', quantity: 1200, priceYuan: 2800, priceYear: 2024 }],
    waterBalance: [{ ecosystem: 'forest', areaKm2: 10, precipitationMm: 1200, runoffMm: 400, evapotranspirationMm: 600 }],
    soil: [],
    soilPricing: { siltRatio: 0.24, bulkDensity: 1.2, nitrogenPercent: 0.1, phosphorusPercent: 0.05 },
    windErosion: [],
    coast: [],
    flood: [],
    airPurification: [],
    waterPurification: [],
    emissions: {},
    carbon: [],
    climate: [],
    climateSettings: { hotDays: 50, coolingEfficiency: 3, latentHeatKjPerKg: 2260, humidifierKwhPerM3: 125 },
    pest: [],
    visits: [{ site: 'park', visits: 10_000, spendingYuan: 500 }],
    landscape: [],
  };
  it('GEP = 336 + 1,600 + 500 = 2,436 万元; per km² 24.36; per person 0.04872; GEP/GDP 0.002436', () => {
    const a = gepAccount(empty);
    expect(a.totalWan).toBeCloseTo(2436, 9);
    expect(a.groupsWan).toEqual({ material: expect.closeTo(336, 9), regulating: expect.closeTo(1600, 9), cultural: expect.closeTo(500, 9) });
    expect(a.perKm2Wan).toBeCloseTo(24.36, 9);
    expect(a.perCapitaWan).toBeCloseTo(0.04872, 9);
    expect(a.gdpRatio).toBeCloseTo(0.002436, 9);
    expect(a.services).toHaveLength(5 + 11 + 2);
    expect(a.services.find((s) => s.service === 'coastalProtection')).toMatchObject({ applies: false, reason: { key: 'gep.reason.inland' } });
    expect(a.services.find((s) => s.service === 'soilRetention')).toMatchObject({ applies: false, valueWan: null });
  });
  it('constant prices: 110 now, 100 last year, prices up 5 % → 104.76 at last year’s prices, +4.76 %', () => {
    const c = constantPriceChange(110, 100, 1.05);
    expect(c.currentAtPreviousPricesWan).toBeCloseTo(110 / 1.05, 9);
    expect(c.change).toBeCloseTo(110 / 1.05 / 100 - 1, 9);
    expect(constantPriceChange(110, null, 1.05).change).toBeNull();
  });
  it('summarise sums only the services that apply', () => {
    const a = summarise(empty.region, settings, [waterConservation(empty.waterBalance, price(8)), coastalProtection([], false, price(1))]);
    expect(a.totalWan).toBeCloseTo(1600, 9);
  });
});
