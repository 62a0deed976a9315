// 文化服务 (cultural services): 休闲旅游 (recreation and tourism) and 景观价值 (landscape value). The
// specification values recreation by the travel-cost method (旅行费用法) — what visitors spend to come, plus
// the time it costs them — or, where a survey of travel costs is lacking, by visitor spending; landscape value by
// the premium the view adds to property prices (享乐价格法), where the region has such property.
import { notApplicable, sumBy, wan, type ServiceValue } from './types.ts';

export interface VisitLine {
  /** the scenic area, park or village */
  site: string;
  township?: string;
  /** visits in the year, 人次 */
  visits: number;
  /** travel cost (transport, lodging, food, tickets) per visit, 元 */
  spendingYuan: number;
  /** days a visit takes (for the time cost) */
  days?: number;
}

/**
 * recreationYuan(line, method, dailyWageYuan) → 元: visits × (spending + days × daily wage × timeShare) for
 * 'travelCost' (旅行费用法: TC = 直接花费 + 时间成本); visits × spending for 'spending'.
 * timeShare is the share of the wage a day of leisure is worth (a setting; commonly 1/3 in the literature).
 */
export function recreationYuan(line: VisitLine, method: 'travelCost' | 'spending', dailyWageYuan: number, timeShare: number): number {
  const time = method === 'travelCost' ? (line.days ?? 0) * dailyWageYuan * timeShare : 0;
  return line.visits * (line.spendingYuan + time);
}

/** recreation(lines, method, dailyWage, timeShare, priceYear) → the service; quantity in 人次, value in 万元. */
export function recreation(lines: VisitLine[], method: 'travelCost' | 'spending', dailyWageYuan: number, timeShare: number, priceYear: number): ServiceValue {
  if (lines.length === 0) return notApplicable('cultural', 'recreation', 'gep.reason.noInput');
  const v = (l: VisitLine) => wan(recreationYuan(l, method, dailyWageYuan, timeShare));
  const quantity = lines.reduce((s, l) => s + l.visits, 0);
  const valueWan = lines.reduce((s, l) => s + v(l), 0);
  const out: ServiceValue = { group: 'cultural', service: 'recreation', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.visits', price: quantity > 0 ? (valueWan * 1e4) / quantity : null, priceUnit: 'gep.unit.yuanPerVisit', priceYear, valueWan, method: method === 'travelCost' ? 'gep.method.travelCost' : 'gep.method.spending' };
  const e = sumBy(lines, (l) => l.site, v);
  if (e) out.byEcosystem = e;
  const tw = sumBy(lines, (l) => l.township, v);
  if (tw) out.byTownship = tw;
  return out;
}

export interface LandscapeLine {
  /** the residential area that looks onto the lake, river, park or hill */
  site: string;
  township?: string;
  /** floor area that enjoys the view, m² */
  floorM2: number;
  /** the premium of the view over comparable housing, 元/m² */
  premiumYuanPerM2: number;
}

/**
 * landscapeValue(lines, chosen, priceYear) → value = Σ floor area × premium (享乐价格法). Not applicable where the
 * region has no such property or does not count it (a setting).
 */
export function landscapeValue(lines: LandscapeLine[], chosen: boolean, priceYear: number): ServiceValue {
  if (!chosen) return notApplicable('cultural', 'landscapeValue', 'gep.reason.notChosen');
  if (lines.length === 0) return notApplicable('cultural', 'landscapeValue', 'gep.reason.noProperty');
  const v = (l: LandscapeLine) => wan(l.floorM2 * l.premiumYuanPerM2);
  const quantity = lines.reduce((s, l) => s + l.floorM2, 0);
  const valueWan = lines.reduce((s, l) => s + v(l), 0);
  const out: ServiceValue = { group: 'cultural', service: 'landscapeValue', applies: true, reason: null, quantity, quantityUnit: 'gep.unit.m2', price: quantity > 0 ? (valueWan * 1e4) / quantity : null, priceUnit: 'gep.unit.yuanPerM2', priceYear, valueWan, method: 'gep.method.hedonic' };
  const tw = sumBy(lines, (l) => l.township, v);
  if (tw) out.byTownship = tw;
  return out;
}
