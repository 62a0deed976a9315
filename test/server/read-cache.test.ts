// The kept assessments: an answer is reused until a change to what it reads commits; failures are not kept.
import { describe, expect, it } from 'vitest';
import { AssessmentCache } from '../../src/server/assessmentCache.ts';
import { getPlan } from '../../src/store/queries.ts';
import { startApi } from '../helpers/api.ts';
import { openTestStore } from '../helpers/stores.ts';

describe('read cache', () => {
  it('reuses an answer, forgets it on a change to its region from its year or before, and never keeps a failure', async () => {
    const store = await openTestStore('pglite');
    const c = new AssessmentCache(store.db);
    try {
      await c.start();
      const region = (await getPlan(store.db, 'wushan-demo-county'))!.regionId;
      let n = 0;
      // each computation numbered: the answer says which one made it
      const compute = async () => ({ n: ++n, frameworks: [] });
      const get = async (year: number) => String(JSON.parse(await c.get('wushan-demo-county', year, 'zh-CN', compute)).n);
      const notify = (payload: string) => store.db.query("SELECT pg_notify('ecociv_inputs_' || current_schema(), $1)", [payload]);
      expect(await get(2025)).toBe('1');
      expect(await get(2025)).toBe('1');
      await notify(`r|${region}|2026`); // a later year: not read by 2025
      await notify(`r|${region + 1000}|2000`); // another region
      expect(await get(2025)).toBe('1');
      await notify(`r|${region}|2025`);
      expect(await get(2025)).toBe('2');
      await notify(`r|${region}|2024`);
      expect(await get(2025)).toBe('3');
      await notify('*');
      expect(await get(2025)).toBe('4');
      await expect(c.get('wushan-demo-county', 2026, 'zh-CN', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
      expect(await get(2026)).toBe('5');
      // an unknown plan is never kept: the computation answers (with its error) every time
      await expect(c.get('no-such-plan', 2025, 'zh-CN', async () => Promise.reject(new Error('unknown')))).rejects.toThrow('unknown');
      expect(JSON.parse(await c.get('no-such-plan', 2025, 'zh-CN', compute)).n).toBe(6);
      expect(JSON.parse(await c.get('no-such-plan', 2025, 'zh-CN', compute)).n).toBe(7);
    } finally {
      await c.close();
      await store.close();
    }
  });

  it('recomputes only the framework a change touches, and puts the same answer together', async () => {
    const store = await openTestStore('pglite');
    const c = new AssessmentCache(store.db);
    try {
      await c.start();
      const region = (await getPlan(store.db, 'wushan-demo-county'))!.regionId;
      const asked: Array<string[] | undefined> = [];
      let n = 0;
      const compute = async (_y: number | undefined, only?: string[]) => {
        asked.push(only);
        n++;
        return { plan: 'p', year: 2025, frameworks: ['national', 'municipal'].filter((id) => !only || only.includes(id)).map((id) => ({ id, n })) };
      };
      const get = async () => JSON.parse(await c.get('wushan-demo-county', 2025, 'zh-CN', compute));
      const notify = (payload: string) => store.db.query("SELECT pg_notify('ecociv_inputs_' || current_schema(), $1)", [payload]);
      expect(await get()).toEqual({ plan: 'p', year: 2025, frameworks: [{ id: 'national', n: 1 }, { id: 'municipal', n: 1 }] });
      await notify(`r|${region}|2025|municipal`);
      expect(await get()).toEqual({ plan: 'p', year: 2025, frameworks: [{ id: 'national', n: 1 }, { id: 'municipal', n: 2 }] });
      await notify(`r|${region}|2020|other-framework`); // not one of the plan's: nothing to do
      expect(await get()).toEqual({ plan: 'p', year: 2025, frameworks: [{ id: 'national', n: 1 }, { id: 'municipal', n: 2 }] });
      await notify(`r|${region}|2025|`); // the framework not known: all of it
      expect(await get()).toEqual({ plan: 'p', year: 2025, frameworks: [{ id: 'national', n: 3 }, { id: 'municipal', n: 3 }] });
      expect(asked).toEqual([undefined, ['municipal'], undefined]);
    } finally {
      await c.close();
      await store.close();
    }
  });

  it('a figure recorded through the server shows in the very next assessment', async () => {
    const api = await startApi();
    try {
      const url = '/api/plans/wushan-demo-county/assessment?year=2030';
      const value = async () => (await api.app.inject({ method: 'GET', url })).json().frameworks[0].results.find((r: { number: string }) => r.number === '36').value;
      expect(await value()).toBe(null);
      const r = await api.app.inject({ method: 'POST', url: '/api/observations', payload: { observations: [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '36', year: 2030, printed: '61' }] } });
      expect(r.statusCode).toBe(201);
      expect(await value()).toBe('61');
    } finally {
      await api.close();
    }
  });
});
