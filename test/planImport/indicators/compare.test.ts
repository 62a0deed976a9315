// The field-by-field comparison itself: the built-in data compared with itself agrees everywhere, and one
// changed field is one difference, named.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/data/load.ts';
import type { ExtractedFramework } from '../../../src/domain/planImport/types.ts';
import { DATA_DIR } from '../../data/seed-text.ts';
import { compareIndicators } from '../../helpers/planCompareIndicators.ts';

const catalog = loadCatalog(DATA_DIR);
const plan = catalog.plans.find((p) => p.plan.id === 'wushan-demo-county')!;
const asExtracted = (): ExtractedFramework[] =>
  plan.plan.frameworks.map((id) => ({
    matched: id,
    framework: structuredClone(catalog.frameworks.find((f) => f.id === id)!),
    data: structuredClone(plan.indicatorData.find((d) => d.framework === id)!),
  }));

describe('compareIndicators', () => {
  it('finds nothing to report when the data is compared with itself', () => {
    const c = compareIndicators(asExtracted(), catalog, 'wushan-demo-county', plan.plan.statedSummaries ?? []);
    expect(c.differences).toEqual([]);
    expect(c.compared).toBeGreaterThan(1500);
    expect(c.agreed).toBe(c.compared);
  });

  it('names each changed field: an observation, a part’s unit, a missing entry, a wrong match', () => {
    const got = asExtracted();
    const national = got[0]!;
    national.data.entries.find((e) => e.number === '29')!.observations![0]!.printed = '49.3';
    national.framework.indicators.find((i) => i.number === '25')!.parts![1]!.unit = '%';
    national.data.entries = national.data.entries.filter((e) => e.number !== '43');
    got[1]!.matched = null;
    const c = compareIndicators(got, catalog, 'wushan-demo-county', plan.plan.statedSummaries ?? []);
    const fields = c.differences.map((d) => `${d.framework} ${d.number} ${d.part ?? ''} ${d.field}`);
    expect(fields).toContain('national-demo-county 29  observations[2021].printed');
    expect(fields).toContain('national-demo-county 25 农药利用率 part.unit');
    expect(fields).toContain('national-demo-county 43  entry');
    expect(fields).toContain('chongqing-demo-county   matched');
    expect(c.agreed).toBeLessThan(c.compared);
  });
});
