// 物质供给 (material products): the products people take from ecosystems — 农业, 林业, 畜牧业, 渔业 and other
// products (such as water supply, ecological energy). Specification: value = Σ quantity × price of each product
// (市场价值法); where product quantities are not kept, the output value (产值) of the statistics yearbook for the
// product group may stand in (the guide's simplified route). Which route each line took is kept on the line.
import { GEP_SERVICES, notApplicable, sumBy, wan, type GepService, type ServiceValue } from './types.ts';

export type MaterialCategory = (typeof GEP_SERVICES)['material'][number];

/** One product line of the workbook's 物质供给 sheet. */
export interface ProductLine {
  category: MaterialCategory;
  product: string;
  township?: string;
  /** quantity × price route: quantity in the product's own unit (t, m³, 头) and price in 元 per that unit */
  quantity?: number;
  unit?: string;
  priceYuan?: number;
  priceYear?: number;
  /** output-value route: 产值 in 万元 of the price year */
  outputValueWan?: number;
}

/**
 * productValueWan(line) → 万元: quantity × price / 10⁴ (市场价值法), or the output value as given.
 * Throws on a line that has neither (the workbook refuses such a line before this is called).
 */
export function productValueWan(line: ProductLine): number {
  if (line.quantity !== undefined && line.priceYuan !== undefined) return wan(line.quantity * line.priceYuan);
  if (line.outputValueWan !== undefined) return line.outputValueWan;
  throw new Error(`product ${line.product}: neither quantity × price nor output value`);
}

/**
 * materialSupply(lines) → one ServiceValue per category (农业/林业/畜牧业/渔业/其他): the sum of its lines.
 * A category without lines is marked not applicable ("no product of this kind reported"), never 0.
 * quantity is the sum of the lines' quantities when all are in one unit (its unit as the workbook gives it, e.g. t),
 * otherwise null: products in different units (t, 头, m³) or given by output value have no common quantity.
 */
export function materialSupply(lines: ProductLine[]): ServiceValue[] {
  return GEP_SERVICES.material.map((category) => {
    const mine = lines.filter((l) => l.category === category);
    if (mine.length === 0) return notApplicable('material', category as GepService, 'gep.reason.noProducts');
    const years = [...new Set(mine.map((l) => l.priceYear).filter((y): y is number => y !== undefined))];
    const valueWan = mine.reduce((s, l) => s + productValueWan(l), 0);
    const route = mine.every((l) => l.quantity !== undefined && l.priceYuan !== undefined) ? 'gep.method.marketPrice' : mine.every((l) => l.outputValueWan !== undefined && l.quantity === undefined) ? 'gep.method.outputValue' : 'gep.method.marketPriceOrOutput';
    // quantities add up only when every line is counted in one unit (all t, say); otherwise there is no one quantity
    const units = new Set(mine.map((l) => (l.quantity !== undefined && l.priceYuan !== undefined ? l.unit ?? '' : null)));
    const oneUnit = units.size === 1 && !units.has(null) && !units.has('') ? [...units][0]! : null;
    const out: ServiceValue = {
      group: 'material',
      service: category as GepService,
      applies: true,
      reason: null,
      quantity: oneUnit === null ? null : mine.reduce((s, l) => s + (l.quantity ?? 0), 0),
      quantityUnit: oneUnit ?? '',
      price: null,
      priceUnit: 'gep.unit.yuanPerUnit',
      priceYear: years.length === 1 ? years[0]! : years.length > 1 ? Math.max(...years) : null,
      valueWan,
      method: route,
    };
    const byTownship = sumBy(mine, (l) => l.township, productValueWan);
    if (byTownship) out.byTownship = byTownship;
    return out;
  });
}
