// Assessing many regions at once gives the same statuses and scores as assessing each plan in full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { assessRegions } from '../../src/app/assessRegions.ts';
import type { FrameworkSummary } from '../../src/domain/assess.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

describe.each(ENGINES)('assessRegions on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('agrees with the full assessment of Wushan 2021, confirmations included', async () => {
    const per = new Map<string, FrameworkSummary>();
    const wushanId = (await store.db.query<{ id: number }>("SELECT id FROM regions WHERE name = '巫山县'")).rows[0]!.id;
    const progress: number[] = [];
    const totals = await assessRegions(store.db, {
      frameworkIds: ['national-demo-county', 'chongqing-demo-county'],
      year: 2021,
      targetYears: [2024, 2027],
      batchSize: 1,
      onProgress: (done) => progress.push(done),
      onRegion: (regionId, fw, s) => {
        if (regionId === wushanId) per.set(fw, s);
      },
    });
    expect(totals.map((t) => t.regions)).toEqual([2, 2]); // 巫山县 and 黔江区 are the counties in the store
    expect(progress).toEqual([1, 2]);
    const full = await assessPlan(store.db, 'wushan-demo-county', 2021);
    for (const f of full.frameworks) {
      const s = per.get(f.id)!;
      expect({ met: s.met, notMet: s.notMet, indeterminate: s.indeterminate, noData: s.noData, notApplicable: s.notApplicable }).toEqual({
        met: f.met,
        notMet: f.notMet,
        indeterminate: f.indeterminate,
        noData: f.noData,
        notApplicable: f.notApplicable,
      });
    }
    expect(per.get('chongqing-demo-county')!.scoreMin).toBe(92);
    expect(per.get('chongqing-demo-county')!.scoreMax).toBe(92);
    expect(totals[1]!.passed).toBe(1);
  });

  it('gives every region the same summary however its rows are cut into chunks (a region across two chunks)', async () => {
    const run = async (extra: { fetchRows?: number; readings?: 'jsonb' }) => {
      const per: Array<[number, string, FrameworkSummary]> = [];
      const progress: number[] = [];
      await assessRegions(store.db, {
        frameworkIds: ['national-demo-county', 'chongqing-demo-county'],
        year: 2021,
        targetYears: [2024, 2027],
        batchSize: 1,
        onProgress: (done) => progress.push(done),
        onRegion: (regionId, fw, s) => per.push([regionId, fw, s]),
        ...extra,
      });
      return { per, progress };
    };
    const reference = await run({ readings: 'jsonb' }); // batch by batch, the readings parsed from the jsonb
    for (const fetchRows of [1, 3, 50, 100_000]) {
      const streamed = await run({ fetchRows });
      expect(streamed.per).toEqual(reference.per);
      expect(streamed.progress).toEqual([1, 2]);
    }
    expect(reference.per.some(([, , s]) => s.met + s.notMet > 0)).toBe(true);
  });
});
