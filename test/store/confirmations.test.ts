// Confirmations: a person settles what the engine cannot, and it is reported as a confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { recordConfirmation } from '../../src/app/confirmIndicator.ts';
import { InvalidEntriesError, recordObservations } from '../../src/store/recordObservations.ts';
import { ENGINES, openTestStore, tableCounts, type TestStore } from '../helpers/stores.ts';

const base = { plan: 'wushan-demo-county', year: 2022 } as const;

describe.each(ENGINES)('confirmations on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
    await recordObservations(store.db, [
      { ...base, framework: 'national-demo-county', number: '2', printed: '开展' },
      { ...base, framework: 'national-demo-county', number: '3', printed: '25' },
      { ...base, framework: 'chongqing-demo-county', number: '28', printed: '大于13' },
    ]);
  });
  afterAll(async () => {
    await store?.close();
  });

  const item = async (framework: string, number: string) =>
    (await assessPlan(store.db, 'wushan-demo-county', 2022)).frameworks.find((f) => f.id === framework)!.results.find((r) => r.number === number)!;

  it('an indeterminate item stays indeterminate until someone confirms it', async () => {
    const before = await item('national-demo-county', '2');
    expect(before.status).toBe('indeterminate');
    expect(before.confirmation).toBeNull();
    await recordConfirmation(store.db, {
      ...base,
      framework: 'national-demo-county',
      number: '2',
      status: 'met',
      by: '县生态环境局 张三',
      reason: '县委常委会年度部署文件齐全，按有效开展认定。',
      at: '2023-03-01',
    });
    const after = await item('national-demo-county', '2');
    expect(after.status).toBe('met');
    expect(after.computedStatus).toBe('indeterminate');
    expect(after.confirmation).toMatchObject({ by: '县生态环境局 张三', at: '2023-03-01' });
    expect(after.reason).toContain('已确认（县生态环境局 张三，2023-03-01）');
    expect(after.reason).toContain('是否达到该程度需人工确认');
  });

  it('a straddling score is settled by confirmed points, and the total follows', async () => {
    const f = (await assessPlan(store.db, 'wushan-demo-county', 2022)).frameworks.find((x) => x.id === 'chongqing-demo-county')!;
    expect(f.results.find((r) => r.number === '28')!.pointsRange).toEqual([1, 2]);
    await recordConfirmation(store.db, { ...base, framework: 'chongqing-demo-county', number: '28', points: 1, by: '县城市管理局 李四', reason: '园林绿化统计年报：13.6平方米/人。' });
    const r28 = await item('chongqing-demo-county', '28');
    expect(r28.points).toBe(1);
    expect(r28.status).toBe('notMet');
    expect(r28.confirmation?.by).toBe('县城市管理局 李四');
  });

  it('refuses to confirm what the engine can compute, or a confirmation without who and why, saving nothing', async () => {
    const before = await tableCounts(store.db);
    const computed = await recordConfirmation(store.db, { ...base, framework: 'national-demo-county', number: '3', status: 'notMet', by: '某人', reason: '不同意' }).catch((e: unknown) => e);
    expect(computed).toBeInstanceOf(InvalidEntriesError);
    expect((computed as InvalidEntriesError).problems[0]!.message).toContain('无需人工确认');
    const anonymous = await recordConfirmation(store.db, { ...base, framework: 'national-demo-county', number: '2', status: 'met', by: ' ', reason: '' }).catch((e: unknown) => e);
    expect((anonymous as InvalidEntriesError).problems.map((p) => p.field)).toEqual(['by', 'reason']);
    const tooMany = await recordConfirmation(store.db, { ...base, framework: 'chongqing-demo-county', number: '28', points: 5, by: '某人', reason: '理由' }).catch((e: unknown) => e);
    expect((tooMany as InvalidEntriesError).problems[0]!.message).toContain('0 到 2');
    expect(await tableCounts(store.db)).toEqual(before);
  });
});
