#!/usr/bin/env node
// Writes examples/gep/黔江区-示例-2024.xlsx: a GEP input workbook for 黔江区 filled with PLAUSIBLE EXAMPLE
// inputs — not real data, never to be presented as Qianjiang's account. Every sheet's title says so. The numbers
// are of the right order for a mountainous district of south-east Chongqing (about 2,400 km², two-thirds forest,
// 1,200 mm of rain), chosen to exercise every part of the account; prices are reference values of the kind the
// guide suggests, each labelled "示例" in its source. Run: node scripts/make-gep-example.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const { register } = await import('tsx/esm/api');
register();
const { gepWorkbook } = await import('../src/exchange/gepWorkbook.ts');

/** the example content (exported through the file for tests: test/cli/gep.test.ts reads the workbook itself) */
const towns = ['城东街道', '濯水镇', '小南海镇', '阿蓬江镇'];
// land cover by ecosystem type (km²), shared over four townships by fixed shares; 2,397 km² in all
const cover = { 森林: 1560, 灌丛: 180, 草地: 120, 农田: 420, 水域: 25, 湿地: 5, 城镇: 87 };
const shares = [0.2, 0.3, 0.25, 0.25];
const split = (km2) => shares.map((s) => Math.round(km2 * s * 100) / 100);

const water = { 森林: [300, 650], 灌丛: [350, 600], 草地: [400, 580], 农田: [450, 560] }; // runoff, ET (mm)
const rusle = { 森林: [0.006, 1], 灌丛: [0.02, 1], 草地: [0.04, 1], 农田: [0.23, 0.35] }; // C, P
const carbon = { 森林: [560, 0.52], 灌丛: [420, 0.45], 草地: [350, 0.4], 农田: [380, 0.1], 湿地: [450, 0.3] }; // NPP gC/m², NEP share

const rows = {
  material: [
    { category: 'agriculture', product: '稻谷', quantity: 42000, quantityUnit: 't', unitPrice: 2800, priceYear: 2024 },
    { category: 'agriculture', product: '玉米', quantity: 38000, quantityUnit: 't', unitPrice: 2500, priceYear: 2024 },
    { category: 'agriculture', product: '蔬菜', quantity: 310000, quantityUnit: 't', unitPrice: 2600, priceYear: 2024 },
    { category: 'agriculture', product: '脆红李、猕猴桃等水果', quantity: 52000, quantityUnit: 't', unitPrice: 6000, priceYear: 2024 },
    { category: 'forestry', product: '林产品（产值）', outputValue: 58000, priceYear: 2024 },
    { category: 'livestock', product: '生猪', quantity: 520000, quantityUnit: '头', unitPrice: 1900, priceYear: 2024 },
    { category: 'livestock', product: '牛羊禽蛋（产值）', outputValue: 96000, priceYear: 2024 },
    { category: 'fishery', product: '水产品', quantity: 9000, quantityUnit: 't', unitPrice: 16000, priceYear: 2024 },
  ],
  waterConservation: Object.entries(water).flatMap(([eco, [r, et]]) => split(cover[eco]).map((a, i) => ({ ecosystem: eco, township: towns[i], areaKm2: a, precipitation: 1200, runoff: r, evapotranspiration: et }))),
  soilRetention: Object.entries(rusle).flatMap(([eco, [c, p]]) => split(cover[eco]).map((a, i) => ({ ecosystem: eco, township: towns[i], areaKm2: a, r: 4800, k: 0.028, ls: 2.0, c, p }))),
  floodRegulation: [
    { waterKind: 'reservoir', name: '示例水库甲', capacity: 4700 },
    { waterKind: 'reservoir', name: '示例水库乙', capacity: 1600 },
    { waterKind: 'wetland', name: '阿蓬江沿岸湿地', areaKm2: 5, depth: 0.6 },
  ],
  airPurification: ['森林', '灌丛', '草地'].map((eco) => ({ ecosystem: eco, areaKm2: cover[eco], so2: eco === '森林' ? 15.2 : 8.6, nox: eco === '森林' ? 6.0 : 3.0, dust: eco === '森林' ? 2100 : 1000 })),
  waterPurification: [
    { ecosystem: '水域', areaKm2: 25, cod: 300, nh3n: 20, tp: 3 },
    { ecosystem: '湿地', areaKm2: 5, cod: 450, nh3n: 35, tp: 5 },
  ],
  carbon: Object.entries(carbon).map(([eco, [npp, share]]) => ({ ecosystem: eco, areaKm2: cover[eco], npp, nepRatio: share * 100 })),
  climateRegulation: [
    ...['森林', '灌丛', '草地'].map((eco) => ({ climateKind: 'vegetation', ecosystem: eco, areaKm2: cover[eco], epp: eco === '森林' ? 280 : 160 })),
    { climateKind: 'water', ecosystem: '水域', areaKm2: 25, evaporation: 320 },
  ],
  recreation: [
    { site: '濯水古镇', township: '濯水镇', visits: 3200000, spending: 420, days: 1 },
    { site: '小南海', township: '小南海镇', visits: 1500000, spending: 380, days: 1 },
    { site: '阿蓬江', township: '阿蓬江镇', visits: 900000, spending: 300, days: 1 },
  ],
};

const price = (p, year, source) => ({ price: p, year, source: `示例：${source}` });
const items = {
  basic: { region: '黔江区（示例）', year: 2024, area: 2397, population: 485000, gdp: 2950000, previousGep: 1650000, deflator: 1.012 },
  prices: {
    reservoirCost: price(8.44, 2024, '水库单位库容造价参考值，按价格指数调整'),
    siltCost: price(12.6, 2024, '清淤工程单价参考值'),
    nitrogenPrice: price(4800, 2024, '尿素价格折纯氮'),
    phosphorusPrice: price(5600, 2024, '过磷酸钙价格折纯磷'),
    so2Cost: price(1263, 2024, '工业废气治理成本参考值'),
    noxCost: price(1263, 2024, '工业废气治理成本参考值'),
    dustCost: price(150, 2024, '工业烟粉尘治理成本参考值'),
    codCost: price(1500, 2024, '城镇污水处理成本参考值'),
    nh3nCost: price(1750, 2024, '城镇污水处理成本参考值'),
    tpCost: price(2800, 2024, '城镇污水处理成本参考值'),
    carbonPrice: price(98, 2024, '全国碳市场年均成交价'),
    oxygenPrice: price(400, 2024, '工业制氧价格参考值'),
    electricityPrice: price(0.52, 2024, '重庆居民生活电价'),
    dailyWage: price(300, 2024, '城镇非私营单位日均工资参考值'),
  },
  settings: {
    windErosionArea: 'no', coastal: 'no', pestControl: 'no', landscapeValue: 'no', negativeWaterBalance: 'zero', carbonMethod: 'nep', carbonPricing: 'market', recreationMethod: 'travelCost',
    reservoirFloodShare: 35, leisureTimeShare: 33, siltRatio: 24, bulkDensity: 1.3, nitrogenPercent: 0.12, phosphorusPercent: 0.05, sandBulkDensity: 1.5, sandDepthM: 0.1, hotDays: 60, coolingEfficiency: 3, latentHeat: 2260, humidifierKwh: 125,
  },
  emissions: { so2: 1800, nox: 3200, dust: 2600, cod: 9800, nh3n: 900, tp: 120 },
};

export const EXAMPLE = { rows, items, example: true };

const out = resolve(import.meta.dirname, '../examples/gep/黔江区-示例-2024.xlsx');
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await gepWorkbook(EXAMPLE, 'zh-CN'));
  console.log(`wrote ${out}`);
}
