// What reports read beyond an assessment, on both engines: the years a plan has figures for, document titles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportInputs } from '../../src/reports/generate.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { documentTitles, observationYears } from '../../src/store/reportQueries.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

describe.each(ENGINES)('report queries on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('the years with figures are each plan’s own (its region and its frameworks)', async () => {
    expect(await observationYears(store.db, 'wushan-demo-county')).toEqual([2021]);
    expect(await observationYears(store.db, 'qianjiang-apeng-two-mountains')).toEqual([2022]);
    // the action plan shares Wushan's region but not its frameworks: no figures of its own
    expect(await observationYears(store.db, 'wushan-action-2027')).toEqual([]);
    await recordObservations(store.db, [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '31', year: 2023, printed: '52' }]);
    expect(await observationYears(store.db, 'wushan-demo-county')).toEqual([2021, 2023]);
  });

  it('names the documents the sources cite', async () => {
    const titles = await documentTitles(store.db);
    expect(titles['001']).toBe('巫山县生态文明建设示范县创建规划（2022—2028年）');
  });

  it('a mid-term report reads every year from the baseline; the public summary only its own', async () => {
    const mid = await loadReportInputs(store.db, 'wushan-demo-county', 'midterm', 2023, 'zh-CN', new Date());
    expect(mid.history.map((a) => a.year)).toEqual([2021, 2023]);
    expect(mid.projects.count).toBe(80);
    const pub = await loadReportInputs(store.db, 'wushan-demo-county', 'public', 2021, 'zh-CN', new Date());
    expect(pub.history.map((a) => a.year)).toEqual([2021]);
    expect(pub.assessment.frameworks[0]).toMatchObject({ applicable: 35, met: 29, notMet: 6 });
  });
});
