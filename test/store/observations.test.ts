// Recording figures: all-or-nothing batches, clear errors, and the assessment follows the new figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { syncBuiltinData } from '../../src/store/importBuiltin.ts';
import { migrate, MIGRATIONS } from '../../src/store/migrations.ts';
import { InvalidEntriesError, recordObservations, type ObservationEntry } from '../../src/store/recordObservations.ts';
import { ENGINES, openTestStore, tableCounts, type TestStore } from '../helpers/stores.ts';

const wushan = (number: string, printed: string, extra: Partial<ObservationEntry> = {}): ObservationEntry => ({
  plan: 'wushan-demo-county',
  framework: 'national-demo-county',
  number,
  year: 2022,
  printed,
  ...extra,
});

async function rejection(p: Promise<unknown>): Promise<InvalidEntriesError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InvalidEntriesError) return e;
    throw e;
  }
  throw new Error('expected the batch to be refused');
}

describe.each(ENGINES)('observations on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('refuses an unknown value phrase, naming the phrase and the indicator, and saves nothing', async () => {
    const before = await tableCounts(store.db);
    const e = await rejection(recordObservations(store.db, [wushan('3', '26'), wushan('31', '大约一半')]));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ index: 1, field: 'printed', value: '大约一半' });
    expect(e.problems[0]!.message).toContain('大约一半');
    expect(e.problems[0]!.message).toContain('农村生活污水治理率');
    expect(await tableCounts(store.db)).toEqual(before);
  });

  it('refuses a percentage above 100', async () => {
    const before = await tableCounts(store.db);
    const e = await rejection(recordObservations(store.db, [wushan('31', '130')]));
    expect(e.problems[0]!.message).toContain('0 到 100');
    expect(await tableCounts(store.db)).toEqual(before);
  });

  it('refuses a second value for the same indicator and period, naming the one already there', async () => {
    const before = await tableCounts(store.db);
    const e = await rejection(recordObservations(store.db, [wushan('29', '60', { year: 2021 })]));
    expect(e.problems[0]!.field).toBe('year');
    expect(e.problems[0]!.message).toContain('49.3【4】');
    const dup = await rejection(recordObservations(store.db, [wushan('31', '30'), wushan('31', '31')]));
    expect(dup.problems[0]!.message).toContain('重复');
    expect(await tableCounts(store.db)).toEqual(before);
  });

  it('refuses unknown plans, frameworks, items and parts, and bad years', async () => {
    const e = await rejection(
      recordObservations(store.db, [
        wushan('99', '1'),
        wushan('26', '90'), // item 26 has parts: the part must be named
        wushan('26', '90', { part: '不存在的分项' }),
        { ...wushan('3', '25'), framework: 'two-mountains-base' },
        { ...wushan('3', '25'), plan: 'nowhere' },
        wushan('3', '25', { year: 22 }),
      ]),
    );
    expect(e.problems.map((p) => p.field)).toEqual(['number', 'number', 'part', 'framework', 'plan', 'year']);
    expect(e.problems[0]!.message).toContain('第99项');
  });

  it('lands a good batch whole, and the assessment of that year follows it', async () => {
    const before = (await tableCounts(store.db)).observations;
    const r = await recordObservations(store.db, [
      wushan('26', '91', { part: '秸秆综合利用率', reportingUnit: '县农业农村委', note: '年报' }),
      wushan('31', '52.5'),
    ]);
    expect(r.recorded).toBe(2);
    expect((await tableCounts(store.db)).observations).toBe((before ?? 0) + 2);
    const a = await assessPlan(store.db, 'wushan-demo-county', 2022);
    const f = a.frameworks.find((x) => x.id === 'national-demo-county')!;
    const item31 = f.results.find((x) => x.number === '31')!;
    expect(item31.status).toBe('met');
    expect(item31.value).toBe('52.5');
    const item26 = f.results.find((x) => x.number === '26')!;
    // the other two parts have no 2022 value yet
    expect(item26.status).toBe('indeterminate');
    // 2021 is unchanged
    const a2021 = await assessPlan(store.db, 'wushan-demo-county', 2021);
    expect(a2021.frameworks[0]!.met).toBe(29);
  });

  it('judges a trend requirement from the previous year once a second year exists', async () => {
    // Qianjiang No. 11 (稳定提高): 37.53% in the 2022 column (a 2021 figure); a 2023 value lets the engine judge.
    await recordObservations(store.db, [
      { plan: 'qianjiang-apeng-two-mountains', framework: 'two-mountains-base', number: '11', year: 2023, printed: '39.2%' },
    ]);
    const a = await assessPlan(store.db, 'qianjiang-apeng-two-mountains', 2023);
    const no11 = a.frameworks[0]!.results.find((r) => r.number === '11')!;
    expect(no11.status).toBe('met');
    expect(no11.reason).toContain('37.53');
    const a2022 = await assessPlan(store.db, 'qianjiang-apeng-two-mountains', 2022);
    expect(a2022.frameworks[0]!.results.find((r) => r.number === '11')!.status).toBe('indeterminate');
  });

  it('migrations are versioned and run once', async () => {
    const rows = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(store.db)).toEqual([]);
  });

  it('reloading the built-in data keeps what people entered', async () => {
    const catalog = loadCatalog();
    expect(await syncBuiltinData(store.db, catalog, 'a-different-hash')).toBe(true);
    expect(await syncBuiltinData(store.db, catalog, 'a-different-hash')).toBe(false);
    const a = await assessPlan(store.db, 'wushan-demo-county', 2022);
    expect(a.frameworks[0]!.results.find((x) => x.number === '31')!.value).toBe('52.5');
    const a2021 = await assessPlan(store.db, 'wushan-demo-county', 2021);
    expect(a2021.frameworks[0]!.met).toBe(29);
    expect(a2021.frameworks[1]!.score).toBe(92);
  });
});
