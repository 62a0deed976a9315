// The alarms API: a page long-polling for alarms gets the one a check raises while it waits (the 大屏's live
// feed); the plan office sets a dispatch rule and a leader may not; a clerk of the unit the alarm was dispatched to
// (a rule naming the unit) moves it through its steps, out of order refused in words; another region's alarm is not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlarmChecks } from '../../src/store/alarms.ts';
import { loadDevices } from '../../src/store/registry.ts';
import { storePackets, type PacketWrite } from '../../src/store/sourceData.ts';
import { startApi, type Inject, type TestApi } from '../helpers/api.ts';
import { MN_GAS, PLAN, registerDevices } from '../gateway/helpers.ts';

const HOUR = 3600_000;
const onHour = (now: Date, hoursAgo: number) => new Date(Math.floor(now.getTime() / HOUR) * HOUR - hoursAgo * HOUR + 8 * HOUR).toISOString().slice(0, 13).replace(/[-T]/g, '') + '0000';

describe('alarms API (PGlite)', () => {
  let api: TestApi;
  let office: Inject;
  let leader: Inject;
  let clerk: Inject;
  let otherOffice: Inject;
  const now = new Date();

  beforeAll(async () => {
    api = await startApi();
    await registerDevices(api.store.db);
    office = await api.as('qj-office', [{ role: 'planOffice', region: '黔江区' }]);
    leader = await api.as('qj-leader', [{ role: 'leader', region: '黔江区' }]);
    clerk = await api.as('qj-clerk', [{ role: 'clerk', region: '黔江区', unit: '区生态环境局' }]);
    otherOffice = await api.as('ws-office', [{ role: 'planOffice', region: '巫山县' }]);
  }, 120_000);
  afterAll(async () => api?.close());

  it('sets a dispatch rule as the plan office; a leader may not', async () => {
    const refused = await leader({ method: 'PUT', url: `/api/plans/${PLAN}/alarm-rules`, payload: { kind: '*', assignee: 'responsibleUnit', deadlineDays: 2 } });
    expect(refused.statusCode).toBe(403);
    const bad = await office({ method: 'PUT', url: `/api/plans/${PLAN}/alarm-rules`, payload: { kind: '*', assignee: 'responsibleUnit', deadlineDays: 0 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('1至365');
    const ok = await office({ method: 'PUT', url: `/api/plans/${PLAN}/alarm-rules`, payload: { kind: '*', assignee: 'unit', unitName: '区生态环境局', deadlineDays: 2 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual([{ kind: '*', assignee: 'unit', unitName: '区生态环境局', deadlineDays: 2 }]);
  });

  it('answers a waiting page with the alarm a check raises meanwhile', async () => {
    const first = await leader({ method: 'GET', url: `/api/plans/${PLAN}/alarms` });
    expect(first.json()).toEqual({ alarms: [], latest: 0 });
    const device = (await loadDevices(api.store.db)).get(MN_GAS)!;
    const hourly = (hoursAgo: number, zsAvg: number): PacketWrite => ({
      receivedAt: now, remote: 'test', mn: MN_GAS, cn: '2061', deviceId: device.id, regionId: device.regionId, reasons: [], deviations: [], bytes: Buffer.from('x'),
      data: { cn: '2061', dataTime: onHour(now, hoursAgo), pollutants: { a34013: { avg: zsAvg, zsAvg, flag: 'N' } } },
    });
    await storePackets(api.store.db, [hourly(2, 14), hourly(1, 16)]);
    const started = Date.now();
    const waiting = leader({ method: 'GET', url: `/api/plans/${PLAN}/alarms?after=0&wait=20` });
    setTimeout(() => void runAlarmChecks(api.store.db, now), 1500);
    const r = await waiting;
    expect(Date.now() - started).toBeLessThan(15_000);
    const body = r.json() as { alarms: Array<{ kind: string; pollutantName: string; workItem: { leadUnit: string } | null; reason: string }>; latest: number };
    const exceedance = body.alarms.find((a) => a.kind === 'exceedance')!;
    expect(exceedance.pollutantName).toBe('颗粒物');
    expect(exceedance.workItem?.leadUnit).toBe('区生态环境局');
    expect(body.latest).toBeGreaterThan(0);
    // nothing newer: a wait of 0 answers at once, empty
    const none = await leader({ method: 'GET', url: `/api/plans/${PLAN}/alarms?after=${body.latest}` });
    expect(none.json().alarms).toEqual([]);
    const badWait = await leader({ method: 'GET', url: `/api/plans/${PLAN}/alarms?wait=600` });
    expect(badWait.statusCode).toBe(400);
    expect(badWait.json().error.message).toContain('0至25');
  });

  it('lets the clerk of the dispatched unit move the alarm in order; another region’s office cannot find it', async () => {
    const list = (await leader({ method: 'GET', url: `/api/plans/${PLAN}/alarms` })).json() as { alarms: Array<{ id: number; kind: string }> };
    const id = list.alarms.find((a) => a.kind === 'exceedance')!.id;
    const early = await clerk({ method: 'POST', url: `/api/plans/${PLAN}/alarms/${id}/steps`, payload: { to: 'closed', note: '已处理' } });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('下一步应为：确认');
    const ack = await clerk({ method: 'POST', url: `/api/plans/${PLAN}/alarms/${id}/steps`, payload: { to: 'acknowledged' } });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().state).toBe('acknowledged');
    const stray = await otherOffice({ method: 'POST', url: `/api/plans/wushan-demo-county/alarms/${id}/steps`, payload: { to: 'handling', note: 'x' } });
    expect(stray.statusCode).toBe(404);
    const extra = await clerk({ method: 'POST', url: `/api/plans/${PLAN}/alarms/${id}/steps`, payload: { to: 'handling', note: 'x', by: 'someone' } });
    expect(extra.statusCode).toBe(400);
  });
});
