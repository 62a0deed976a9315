// A year of water samples, per section and for the region: class per sample, per month and per year, compliance
// with the target class, the shares of sections at Ⅲ or better and at 劣Ⅴ, drinking-water source compliance.
// Pure: no I/O.
//
// Rules: GB 3838-2002 表1 (limits, waterClass.ts) and 《地表水环境质量评价办法（试行）》环办〔2011〕22号:
// - 一(一)1: the class counts the 21 basic items of 表1 other than water temperature, total nitrogen and fecal
//   coliform; TN of a lake or reservoir is assessed on its own (单独评价) and reported beside the class, never in
//   it; a river has no TN class at all.
// - 二(一)1 断面水质评价: single factor — the worst counted item's class; 二(一)2 a period's (month's, year's)
//   class is taken from the arithmetic mean of each item over the period's samples.
// - 二(二) 河流、流域（水系）水质评价: with several sections, by the share of sections in each class
//   (Ⅰ–Ⅲ 优良/良好 …): here the share at Ⅲ or better and the share at 劣Ⅴ, over the sections with a class.
// - 集中式生活饮用水地表水源地: a sample meets the standard when its counted items are Ⅲ or better (GB 3838-2002
//   §4 表1 Ⅲ类 applies to 集中式生活饮用水地表水源地二级保护区); the compliance rate is the share of samples that meet it.
import { sectionClass, WATER_CLASSES, WATER_PARAMETERS, parameterClass, type TargetClass, type WaterClass, type WaterParameter, type WaterValues, type Waterbody } from './waterClass.ts';

export interface WaterSample {
  /** YYYY-MM-DD */
  date: string;
  values: WaterValues;
}

export interface SectionYearInput {
  code: string;
  name: string;
  waterbody: Waterbody;
  /** the section's target class (stations.target_class); Ⅲ for a drinking-water source */
  target: TargetClass | null;
  samples: ReadonlyArray<WaterSample>;
  countsFrom?: string | null;
  countsTo?: string | null;
}

export interface SectionYear {
  code: string;
  name: string;
  waterbody: Waterbody;
  target: TargetClass | null;
  /** the samples within the counting dates */
  samples: number;
  /** each sample's class (null when no counted item was measured) */
  perSample: Array<{ date: string; class: WaterClass | null }>;
  /** each month's class from the month's mean of each item (评价办法 二(一)2); months without a sample absent */
  perMonth: Array<{ month: number; class: WaterClass | null }>;
  /** the year's class from the annual mean of each item; null without samples */
  class: WaterClass | null;
  /** the annual mean of each item measured */
  annualMeans: WaterValues;
  /** items worse than the target (or Ⅲ), worst first */
  exceeding: string[];
  /** lake or reservoir: the class of its TN annual mean, assessed on its own (评价办法 一(一)1); null otherwise */
  totalNitrogenClass: WaterClass | null;
  /** the year's class is at or better than the target; null without a target or a class */
  compliant: boolean | null;
  counted: boolean;
  reason: 'outside' | 'noData' | null;
}

const rank = (c: WaterClass): number => WATER_CLASSES.indexOf(c);

/** meanValues(samples) → the arithmetic mean of each item over the samples that measured it. */
export function meanValues(samples: ReadonlyArray<WaterSample>): WaterValues {
  const sums = new Map<WaterParameter, { s: number; n: number }>();
  for (const x of samples)
    for (const p of WATER_PARAMETERS) {
      const v = x.values[p];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const a = sums.get(p) ?? { s: 0, n: 0 };
      a.s += v;
      a.n++;
      sums.set(p, a);
    }
  const out: WaterValues = {};
  for (const [p, a] of sums) out[p] = a.s / a.n;
  return out;
}

/**
 * sectionYear(input: SectionYearInput) → the section's class per sample, per month and for the year, its TN class
 * (lakes and reservoirs, apart), and its compliance with the target. Samples outside the counting dates are left out.
 */
export function sectionYear(input: SectionYearInput): SectionYear {
  const samples = input.samples.filter((s) => (!input.countsFrom || s.date >= input.countsFrom) && (!input.countsTo || s.date <= input.countsTo));
  const options = { target: input.target ?? 'Ⅲ', countTotalNitrogen: false } as const;
  const perSample = [...samples].sort((a, b) => (a.date < b.date ? -1 : 1)).map((s) => ({ date: s.date, class: sectionClass(input.waterbody, s.values, options).class }));
  const months = new Map<number, WaterSample[]>();
  for (const s of samples) {
    const m = Number(s.date.slice(5, 7));
    months.set(m, [...(months.get(m) ?? []), s]);
  }
  const perMonth = [...months.entries()].sort((a, b) => a[0] - b[0]).map(([month, xs]) => ({ month, class: sectionClass(input.waterbody, meanValues(xs), options).class }));
  const annualMeans = meanValues(samples);
  const year = sectionClass(input.waterbody, annualMeans, options);
  const tn = annualMeans.TN;
  const totalNitrogenClass = input.waterbody !== 'river' && tn !== undefined ? parameterClass('TN', tn, input.waterbody) : null;
  const compliant = input.target && year.class ? rank(year.class) <= rank(input.target) : null;
  const reason = input.samples.length > 0 && samples.length === 0 ? 'outside' : year.class === null ? 'noData' : null;
  return {
    code: input.code,
    name: input.name,
    waterbody: input.waterbody,
    target: input.target,
    samples: samples.length,
    perSample,
    perMonth,
    class: year.class,
    annualMeans,
    exceeding: year.exceeding.map((e) => e.parameter),
    totalNitrogenClass,
    compliant,
    counted: reason === null,
    reason,
  };
}

export interface SectionShares {
  /** sections with a class this year */
  sections: number;
  class3OrBetter: number;
  worseThan5: number;
  compliant: number;
  /** fractions 0–1; null with no section */
  shareClass3OrBetter: number | null;
  shareWorseThan5: number | null;
  shareCompliant: number | null;
}

/**
 * sectionShares(sections: SectionYear[]) → the share of counted sections whose annual class is Ⅲ or better, is 劣Ⅴ,
 * and meets its target (评价办法 二(二)); sections without a class are not in the denominator.
 */
export function sectionShares(sections: ReadonlyArray<SectionYear>): SectionShares {
  const classed = sections.filter((s) => s.counted && s.class !== null);
  const n = classed.length;
  const class3OrBetter = classed.filter((s) => rank(s.class!) <= rank('Ⅲ')).length;
  const worseThan5 = classed.filter((s) => s.class === WATER_CLASSES[5]).length;
  const withTarget = classed.filter((s) => s.compliant !== null);
  const compliant = withTarget.filter((s) => s.compliant).length;
  return {
    sections: n,
    class3OrBetter,
    worseThan5,
    compliant,
    shareClass3OrBetter: n === 0 ? null : class3OrBetter / n,
    shareWorseThan5: n === 0 ? null : worseThan5 / n,
    shareCompliant: withTarget.length === 0 ? null : compliant / withTarget.length,
  };
}

export interface DrinkingCompliance {
  samples: number;
  meeting: number;
  /** the share of samples at Ⅲ or better (0–1); null without samples */
  rate: number | null;
}

/**
 * drinkingCompliance(sources: SectionYear[]) → 集中式饮用水水源地水质达标率 by samples: the samples of the counted
 * sources whose counted items are all Ⅲ or better, over the samples with a class.
 */
export function drinkingCompliance(sources: ReadonlyArray<SectionYear>): DrinkingCompliance {
  let samples = 0;
  let meeting = 0;
  for (const s of sources) {
    if (!s.counted) continue;
    for (const x of s.perSample) {
      if (x.class === null) continue;
      samples++;
      if (rank(x.class) <= rank('Ⅲ')) meeting++;
    }
  }
  return { samples, meeting, rate: samples === 0 ? null : meeting / samples };
}
