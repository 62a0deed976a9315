// A unit belongs to the indicator's own quantity. A target or value printed as a change (累计下降16%,
// 提高5%) carries the unit of the change; for an indicator that is not itself a ratio (万元GDP能耗,
// 旅游综合收入) that % is not the indicator's unit.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import type { FrameworkFile, IndicatorDataFile } from '../../src/data/schema.ts';
import { DATA_DIR } from './seed-text.ts';

const catalog = loadCatalog(DATA_DIR);

/** A figure stated as a change of the quantity, with the change's unit: 累计下降16%, 提高 5 ％. */
const CHANGE = /(下降|降低|减少|增长|增加|提高|提升|上升)(了)?\s*\d+(\.\d+)?\s*[%％]/;
/** Names of quantities that are themselves ratios (率, 比例, 占比 …), for which % is the quantity's unit. */
const RATIO_NAME = /(率|比例|比率|占比|比重|占.*总量|幅度|指数)$/;
const PERCENT = /^[%％]$/;

interface Leaf {
  framework: string;
  number: string;
  name: string;
  unit?: string;
  printed: string[];
}

/** Every item or part of every framework with the figures the plans print for it. */
function leaves(frameworks: FrameworkFile[], data: IndicatorDataFile[]): Leaf[] {
  const out: Leaf[] = [];
  for (const f of frameworks) {
    for (const i of f.indicators) {
      const rows = i.parts ? i.parts.map((p) => ({ name: p.name, unit: p.unit, part: p.name as string | undefined })) : [{ name: i.name, unit: i.unit, part: undefined }];
      for (const r of rows) {
        const printed = data
          .filter((d) => d.framework === f.id)
          .flatMap((d) => d.entries.filter((e) => e.number === i.number && e.part === r.part))
          .flatMap((e) => [...(e.observations ?? []), ...(e.targets ?? [])].map((x) => x.printed));
        out.push({ framework: f.id, number: i.number, name: r.name, ...(r.unit !== undefined ? { unit: r.unit } : {}), printed });
      }
    }
  }
  return out;
}

/** Leaves whose % unit appears only as the unit of a change, on a quantity that is not a ratio. */
function changeUnitAsIndicatorUnit(ls: Leaf[]): string[] {
  return ls
    .filter((l) => l.unit !== undefined && PERCENT.test(l.unit) && !RATIO_NAME.test(l.name) && l.printed.length > 0 && l.printed.every((p) => CHANGE.test(p)))
    .map((l) => `${l.framework} ${l.number} ${l.name}: unit ${l.unit}, printed ${l.printed.join(' / ')}`);
}

describe('units', () => {
  it('no indicator carries the unit of a change its target states', () => {
    expect(changeUnitAsIndicatorUnit(leaves(catalog.frameworks, catalog.plans.flatMap((p) => p.indicatorData)))).toEqual([]);
  });

  it('003: 万元GDP能耗 has no printed unit; its target keeps the 16 % reduction as printed', () => {
    const fw = catalog.frameworks.find((f) => f.id === 'wushan-action-2027')!;
    const item = fw.indicators.find((i) => i.name === '万元GDP能耗')!;
    expect(item.unit).toBeUndefined();
    const data = catalog.plans.find((p) => p.plan.id === 'wushan-action-2027')!.indicatorData[0]!;
    expect(data.entries.find((e) => e.number === item.number)!.targets!.map((t) => t.printed)).toEqual(['累计下降16%']);
  });

  it('would catch the % of a reduction given as the unit, and leaves ratios and their changes alone', () => {
    const fw = { id: 'x', indicators: [
      { number: '1', name: '万元GDP能耗', unit: '%' },
      { number: '2', name: '森林覆盖率', unit: '%' },
      { number: '3', name: '单位GDP二氧化碳排放', unit: '%' },
    ] } as unknown as FrameworkFile;
    const data = { plan: 'p', framework: 'x', entries: [
      { number: '1', targets: [{ year: 2027, printed: '累计下降16%' }] },
      { number: '2', targets: [{ year: 2027, printed: '提高2%' }] },
      { number: '3', targets: [{ year: 2027, printed: '≥18' }] },
    ] } as IndicatorDataFile;
    expect(changeUnitAsIndicatorUnit(leaves([fw], [data]))).toEqual(['x 1 万元GDP能耗: unit %, printed 累计下降16%']);
  });
});
