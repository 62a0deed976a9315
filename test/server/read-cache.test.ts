// The read cache: answers are reused until a change is made or a few seconds pass; failures are not kept.
import { describe, expect, it, vi } from 'vitest';
import { ReadCache } from '../../src/server/readCache.ts';
import { startApi } from '../helpers/api.ts';

describe('read cache', () => {
  it('reuses an answer, forgets it on a change, after its time, and never keeps a failure', async () => {
    vi.useFakeTimers();
    try {
      const c = new ReadCache(5000);
      let n = 0;
      const compute = async () => ++n;
      expect(await c.get('k', compute)).toBe(1);
      expect(await c.get('k', compute)).toBe(1);
      c.invalidate();
      expect(await c.get('k', compute)).toBe(2);
      vi.advanceTimersByTime(5001);
      expect(await c.get('k', compute)).toBe(3);
      await expect(c.get('bad', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
      expect(await c.get('bad', compute)).toBe(4);
    } finally {
      vi.useRealTimers();
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
