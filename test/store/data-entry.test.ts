// 数据填报: a unit's form, checking as you type, drafts, and submitting (which clears the draft).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryForm, planUnits, saveDraft } from '../../src/app/dataEntry.ts';
import { checkObservations, recordObservations } from '../../src/store/recordObservations.ts';
import { ENGINES, openTestStore, tableCounts, type TestStore } from '../helpers/stores.ts';

describe.each(ENGINES)('data entry on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('lists the units that lead indicators, the busiest first', async () => {
    const units = await planUnits(store.db, 'wushan-demo-county');
    expect(units[0]!.name).toBe('县生态环境局');
    expect(units.find((u) => u.name === '县住房城乡建委')).toEqual({ name: '县住房城乡建委', indicators: 2 });
  });

  it('a unit’s form has the indicators it leads, with last year’s value and what is expected', async () => {
    const form = await entryForm(store.db, 'wushan-demo-county', '县住房城乡建委', 2022);
    expect(form.rows.map((r) => [r.framework, r.number, r.name])).toEqual([
      ['national-demo-county', '36', '城镇新建绿色建筑比例'],
      ['national-demo-county', '38', '城镇生活垃圾分类减量化行动'],
    ]);
    expect(form.rows[0]).toMatchObject({ unit: '%', requirement: '≥50', previous: { year: 2021, printed: '22' }, current: null });
    expect(form.rows[0]!.hint).toContain('0–100');
    expect(form.rows[1]!.hint).toContain('状态');
    expect(form.draft).toBeNull();
  });

  it('checking names the field and what was expected, and saves nothing', async () => {
    const before = await tableCounts(store.db);
    const problems = await checkObservations(store.db, [
      { plan: 'wushan-demo-county', framework: 'national-demo-county', number: '36', year: 2022, printed: '120', reportingUnit: '县住房城乡建委' },
      { plan: 'wushan-demo-county', framework: 'national-demo-county', number: '38', year: 2022, printed: '实施', reportingUnit: '县住房城乡建委' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 0, field: 'printed', value: '120' });
    expect(problems[0]!.message).toContain('0 到 100');
    expect(await tableCounts(store.db)).toEqual(before);
  });

  it('a draft comes back as typed, and submitting clears it', async () => {
    const entries = [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '36', year: 2022, printed: '5', reportingUnit: '县住房城乡建委' }];
    await saveDraft(store.db, 'wushan-demo-county', '县住房城乡建委', 2022, entries);
    const withDraft = await entryForm(store.db, 'wushan-demo-county', '县住房城乡建委', 2022);
    expect(withDraft.draft?.entries).toEqual(entries);
    await recordObservations(store.db, [{ ...entries[0]!, printed: '55' }]);
    const after = await entryForm(store.db, 'wushan-demo-county', '县住房城乡建委', 2022);
    expect(after.draft).toBeNull();
    expect(after.rows[0]!.current).toEqual({ printed: '55', origin: 'entry', review: 'submitted', reviewComment: null });
  });
});
