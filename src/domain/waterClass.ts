// Surface-water quality classes Ⅰ–劣Ⅴ by single factor. Pure: no I/O.
//
// Limits: GB 3838-2002《地表水环境质量标准》表1 (基本项目标准限值). Rules of assessment: 环办〔2011〕22号
// 《地表水环境质量评价办法（试行）》 (the national surface-water assessment method):
// - 一(一)1: the class is assessed on the 21 items of 表1 other than water temperature, total nitrogen and fecal
//   coliform; those three are reference items assessed on their own (TN for lakes and reservoirs only);
// - 二(一)1: single-factor assessment — a section's class is that of its worst assessed item;
// - 三: items worse than Ⅲ are 超标; ranked by class, then by 超标倍数 = (C − limit) / limit; no 超标倍数 for
//   water temperature, pH and dissolved oxygen.
// A limit is inclusive: 表1 gives "≤" (DO "≥"), so a value on the Ⅲ limit is Ⅲ.

export const WATER_CLASSES = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', '劣Ⅴ'] as const;
export type WaterClass = (typeof WATER_CLASSES)[number];
/** the classes a target can be (a section's target is never 劣Ⅴ) */
export type TargetClass = Exclude<WaterClass, '劣Ⅴ'>;

export const WATERBODIES = ['river', 'lake', 'reservoir'] as const;
export type Waterbody = (typeof WATERBODIES)[number];

/** The parameters of `ecociv water-class`, in the order of GB 3838-2002 表1 (mg/L; pH none; fecal coliform per L). */
export const WATER_PARAMETERS = ['pH', 'DO', 'CODMn', 'COD', 'BOD5', 'NH3-N', 'TP', 'TN', 'Cu', 'Zn', 'F', 'Se', 'As', 'Hg', 'Cd', 'Cr6', 'Pb', 'CN', 'phenol', 'petroleum', 'LAS', 'sulfide', 'fecal_coliform'] as const;
export type WaterParameter = (typeof WATER_PARAMETERS)[number];
export type WaterValues = Partial<Record<WaterParameter, number>>;

// GB 3838-2002 表1, limits of classes Ⅰ–Ⅴ (upper limits, "≤"; DO lower limits, "≥").
const UPPER: Record<Exclude<WaterParameter, 'pH' | 'DO'>, readonly [number, number, number, number, number]> = {
  CODMn: [2, 4, 6, 10, 15], // 4 高锰酸盐指数
  COD: [15, 15, 20, 30, 40], // 5 化学需氧量
  BOD5: [3, 3, 4, 6, 10], // 6 五日生化需氧量
  'NH3-N': [0.15, 0.5, 1.0, 1.5, 2.0], // 7 氨氮
  TP: [0.02, 0.1, 0.2, 0.3, 0.4], // 8 总磷（以P计）; lakes and reservoirs below
  TN: [0.2, 0.5, 1.0, 1.5, 2.0], // 9 总氮（湖、库，以N计）
  Cu: [0.01, 1.0, 1.0, 1.0, 1.0], // 10 铜
  Zn: [0.05, 1.0, 1.0, 2.0, 2.0], // 11 锌
  F: [1.0, 1.0, 1.0, 1.5, 1.5], // 12 氟化物（以F⁻计）
  Se: [0.01, 0.01, 0.01, 0.02, 0.02], // 13 硒
  As: [0.05, 0.05, 0.05, 0.1, 0.1], // 14 砷
  Hg: [0.00005, 0.00005, 0.0001, 0.001, 0.001], // 15 汞
  Cd: [0.001, 0.005, 0.005, 0.005, 0.01], // 16 镉
  Cr6: [0.01, 0.05, 0.05, 0.05, 0.1], // 17 铬（六价）
  Pb: [0.01, 0.01, 0.05, 0.05, 0.1], // 18 铅
  CN: [0.005, 0.05, 0.2, 0.2, 0.2], // 19 氰化物
  phenol: [0.002, 0.002, 0.005, 0.01, 0.1], // 20 挥发酚
  petroleum: [0.05, 0.05, 0.05, 0.5, 1.0], // 21 石油类
  LAS: [0.2, 0.2, 0.2, 0.3, 0.3], // 22 阴离子表面活性剂
  sulfide: [0.05, 0.1, 0.2, 0.5, 1.0], // 23 硫化物
  fecal_coliform: [200, 2000, 10000, 20000, 40000], // 24 粪大肠菌群（个/L）
};
/** 8 总磷, 湖、库 column of 表1 */
const TP_LAKE = [0.01, 0.025, 0.05, 0.1, 0.2] as const;
/** 3 溶解氧 ≥: Ⅰ 饱和率90%（或7.5）; we read the 7.5 mg/L alternative */
const DO_LOWER = [7.5, 6, 5, 3, 2] as const;
/** 2 pH 6～9, the same for every class */
const PH_RANGE = [6, 9] as const;

/**
 * plausibleRange(parameter) → [min, max] of a value read as a measurement rather than a slip of unit or decimal
 * point: pH 0–14; fecal coliform up to 10⁹ per L (raw sewage); DO up to 50 mg/L (far above saturation); any
 * other parameter up to 10,000 mg/L, far above any surface water.
 */
export function plausibleRange(parameter: WaterParameter): readonly [number, number] {
  if (parameter === 'pH') return [0, 14];
  if (parameter === 'fecal_coliform') return [0, 1e9];
  if (parameter === 'DO') return [0, 50];
  return [0, 10_000];
}

/** waterUnitOf(parameter) → the unit its column is read in (pH none; fecal coliform 个/L; others mg/L). */
export const waterUnitOf = (parameter: WaterParameter): string => (parameter === 'pH' ? '' : parameter === 'fecal_coliform' ? '个/L' : 'mg/L');

/**
 * parameterClass(parameter, value, waterbody) → the class of one value by GB 3838-2002 表1: the best class whose
 * limit it meets, limits inclusive; worse than Ⅴ is 劣Ⅴ. pH 6–9 meets every class (Ⅰ), outside it is 劣Ⅴ.
 * TP of a lake or reservoir is read against the 湖、库 limits. Null for TN of a river (表1 gives TN for lakes
 * and reservoirs only).
 */
export function parameterClass(parameter: WaterParameter, value: number, waterbody: Waterbody): WaterClass | null {
  if (!Number.isFinite(value)) throw new RangeError(`value ${value} of ${parameter} is not a number`);
  if (parameter === 'pH') return value >= PH_RANGE[0] && value <= PH_RANGE[1] ? 'Ⅰ' : '劣Ⅴ';
  if (parameter === 'DO') {
    const i = DO_LOWER.findIndex((l) => value >= l);
    return WATER_CLASSES[i === -1 ? 5 : i]!;
  }
  const limits = classLimits(parameter, waterbody);
  if (limits === null) return null;
  const i = limits.findIndex((l) => value <= l + 1e-12 * l);
  return WATER_CLASSES[i === -1 ? 5 : i]!;
}

export interface ClassOptions {
  /** the class a section is held to; parameters worse than it are 超标 (default Ⅲ, as 评价办法 三) */
  target?: TargetClass;
  /**
   * count TN in the class of a lake or reservoir (some provincial and water-function-zone assessments do);
   * the national method does not: TN is a reference item assessed on its own (评价办法 一(一)1). Default false.
   */
  countTotalNitrogen?: boolean;
}

/**
 * countsInClass(parameter, waterbody, options) → whether the parameter takes part in a section's class
 * (评价办法 一(一)1): never fecal coliform (a reference item); TN only for a lake or reservoir and only when
 * options.countTotalNitrogen (a river's TN has no class at all).
 */
export function countsInClass(parameter: WaterParameter, waterbody: Waterbody, options: ClassOptions = {}): boolean {
  if (parameter === 'fecal_coliform') return false;
  if (parameter === 'TN') return waterbody !== 'river' && options.countTotalNitrogen === true;
  return true;
}

/**
 * classLimits(parameter, waterbody) → the limits of classes Ⅰ–Ⅴ from GB 3838-2002 表1 (upper limits; DO lower
 * limits); null for pH (a range, 6–9) and for TN of a river (no limit).
 */
export function classLimits(parameter: WaterParameter, waterbody: Waterbody): readonly number[] | null {
  if (parameter === 'pH' || (parameter === 'TN' && waterbody === 'river')) return null;
  if (parameter === 'DO') return DO_LOWER;
  return parameter === 'TP' && waterbody !== 'river' ? TP_LAKE : UPPER[parameter];
}

/** the limit of a class for a parameter (pH: none; DO: its lower limit) */
function limitOf(parameter: WaterParameter, target: TargetClass, waterbody: Waterbody): number | null {
  return classLimits(parameter, waterbody)?.[WATER_CLASSES.indexOf(target)] ?? null;
}

export interface Exceedance {
  parameter: WaterParameter;
  class: WaterClass;
  /** 超标倍数 against the target class's limit, (C − limit) / limit; null for pH and DO (评价办法 三) */
  times: number | null;
}

export interface SectionClass {
  /** the worst class of the counting parameters; null when none was measured */
  class: WaterClass | null;
  /** the class of every parameter given (TN of a river has none), counting or not */
  perParameter: Partial<Record<WaterParameter, WaterClass>>;
  /** counting parameters worse than the target, worst class first, then by 超标倍数 (评价办法 三) */
  exceeding: Exceedance[];
  /** parameters given that do not count in the class (reference items) */
  reference: WaterParameter[];
}

const rank = (c: WaterClass) => WATER_CLASSES.indexOf(c);

/**
 * sectionClass(waterbody, values: { parameter: value }, options: { target = 'Ⅲ', countTotalNitrogen = false }) →
 * the section's class by single factor (评价办法 二(一)1), each parameter's class, and the counting parameters
 * worse than the target class.
 */
export function sectionClass(waterbody: Waterbody, values: WaterValues, options: ClassOptions = {}): SectionClass {
  const target = options.target ?? 'Ⅲ';
  const perParameter: SectionClass['perParameter'] = {};
  const reference: WaterParameter[] = [];
  const exceeding: Exceedance[] = [];
  let worst: WaterClass | null = null;
  for (const p of WATER_PARAMETERS) {
    const v = values[p];
    if (v === undefined) continue;
    const c = parameterClass(p, v, waterbody);
    if (c === null) {
      reference.push(p);
      continue;
    }
    perParameter[p] = c;
    if (!countsInClass(p, waterbody, options)) {
      reference.push(p);
      continue;
    }
    if (worst === null || rank(c) > rank(worst)) worst = c;
    if (rank(c) > rank(target)) {
      const limit = limitOf(p, target, waterbody);
      exceeding.push({ parameter: p, class: c, times: p === 'DO' || limit === null ? null : (v - limit) / limit });
    }
  }
  exceeding.sort((a, b) => rank(b.class) - rank(a.class) || (b.times ?? -Infinity) - (a.times ?? -Infinity));
  return { class: worst, perParameter, exceeding, reference };
}

/** readTargetClass(text) → a class written Ⅰ…Ⅴ, I…V, 1…5, with or without 类; undefined otherwise. */
export function readTargetClass(text: string): TargetClass | undefined {
  const s = text.trim().replace(/类$/, '').toUpperCase();
  const map: Record<string, TargetClass> = { Ⅰ: 'Ⅰ', Ⅱ: 'Ⅱ', Ⅲ: 'Ⅲ', Ⅳ: 'Ⅳ', Ⅴ: 'Ⅴ', I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ', V: 'Ⅴ', '1': 'Ⅰ', '2': 'Ⅱ', '3': 'Ⅲ', '4': 'Ⅳ', '5': 'Ⅴ' };
  return map[s];
}
