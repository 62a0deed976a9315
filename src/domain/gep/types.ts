// The shapes of a GEP account (生态产品总值核算), shared by the three service groups and the account.
//
// Sources. The national specification 《生态产品总值核算规范（试行）》 (国家发展改革委、国家统计局, 2022;
// 发改基础〔2022〕481号) and its companion 《陆地生态系统生产总值（GEP）核算技术指南》 (生态环境部环境规划院、
// 中国科学院生态环境研究中心, 2020). What was read for this module: search excerpts of pages that quote or
// summarise them, and of local standards built on them (山东省 GEP 核算技术规范·陆地生态系统（试行）, 海南省
// GEP 核算技术规范, DB3201/T 1041-2021, DB3410/T 12-2021, DB3705/T 03-2024) and published county accounts
// (峨山县, 生态学报 2019; 宁海县, 生态学报 2021). The full text of the 2022 specification and of the 2020 guide
// was NOT retrieved in this session: the formulas below are those of the guide as widely reproduced (water
// balance, RUSLE, the NEP route to carbon, evapotranspiration energy), and the clause numbers given are those of
// the guide's chapter on 调节服务 as the local standards cite them. A reviewer with the text should check each
// "clause" comment; the formulas are kept one pure function each so that a correction is local.

/** The three service groups of the specification (物质供给 / 调节服务 / 文化服务). */
export type GepGroup = 'material' | 'regulating' | 'cultural';

/** Every service the account knows, by group. */
export const GEP_SERVICES = {
  material: ['agriculture', 'forestry', 'livestock', 'fishery', 'otherProducts'],
  regulating: [
    'waterConservation',
    'soilRetention',
    'sandFixation',
    'coastalProtection',
    'floodRegulation',
    'airPurification',
    'waterPurification',
    'carbonSequestration',
    'oxygenRelease',
    'climateRegulation',
    'pestControl',
  ],
  cultural: ['recreation', 'landscapeValue'],
} as const;

export type GepService = (typeof GEP_SERVICES)[GepGroup][number];

/** A message by catalogue key (src/i18n/gep.*.ts), rendered by the caller in its language. */
export interface GepText {
  key: string;
  params?: Record<string, string | number>;
}

/** A price with its year and source (价格参数): every value in the account names the price it used. */
export interface Price {
  /** the price, in priceUnit */
  value: number;
  /** catalogue key of the unit, e.g. gep.unit.yuanPerM3 */
  unit: string;
  /** the year the price is of */
  year: number;
  /** where it comes from (a document, a statistics yearbook, a trading platform) */
  source: string;
}

/** One line of the account: a service's physical quantity (功能量), its price and its value (价值量). */
export interface ServiceValue {
  group: GepGroup;
  service: GepService;
  /** false when the service does not apply to the region (reason says why); then no value is counted */
  applies: boolean;
  reason: GepText | null;
  /** the physical quantity in quantityUnit; null when not applicable */
  quantity: number | null;
  /** catalogue key of the quantity's unit */
  quantityUnit: string;
  /** the price (for a service priced by several prices, the main one; parts lists them all) */
  price: number | null;
  priceUnit: string;
  priceYear: number | null;
  /** the value, 万元; null when not applicable */
  valueWan: number | null;
  /** the pricing method (catalogue key) */
  method: string;
  /** a service valued in parts (soil retention: silt and N/P; climate: cooling and humidifying) */
  parts?: Array<{ part: string; quantity: number; quantityUnit: string; price: number; priceUnit: string; priceYear: number; valueWan: number }>;
  /** by ecosystem type and by township, where the inputs carry them (万元) */
  byEcosystem?: Record<string, number>;
  byTownship?: Record<string, number>;
}

/** 元 → 万元 */
export const wan = (yuan: number) => yuan / 1e4;

/** A service that does not apply, with the reason (a catalogue key). */
export function notApplicable(group: GepGroup, service: GepService, reason: string, params: Record<string, string | number> = {}): ServiceValue {
  return { group, service, applies: false, reason: { key: reason, params }, quantity: null, quantityUnit: '', price: null, priceUnit: '', priceYear: null, valueWan: null, method: '' };
}

/** Sum of values by a key (ecosystem type, township). */
export function sumBy<T>(items: T[], key: (x: T) => string | undefined, value: (x: T) => number): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  let any = false;
  for (const x of items) {
    const k = key(x);
    if (k === undefined || k === '') continue;
    any = true;
    out[k] = (out[k] ?? 0) + value(x);
  }
  return any ? out : undefined;
}
