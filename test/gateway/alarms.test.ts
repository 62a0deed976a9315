// Early warning end to end over the store: a device's hourly means above its permitted limit become one alarm
// (kept, not repeated, while it lasts), dispatched as a work item to the source's responsible unit by the plan
// office's rule; an overdue item gets a 督办 notice; the alarm moves 产生 → 确认 → 处置 → 关闭 only in order, and
// closing needs evidence and closes the work item. A device that stops sending becomes a silent alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/auth/roles.ts';
import { addDays } from '../../src/domain/period.ts';
import { t } from '../../src/i18n/index.ts';
import { AlarmInputError, listAlarms, moveAlarm, runAlarmChecks, setAlarmRule } from '../../src/store/alarms.ts';
import { todayInChina } from '../../src/store/batch.ts';
import { loadDevices } from '../../src/store/registry.ts';
import { storePackets, type PacketWrite } from '../../src/store/sourceData.ts';
import { loadNotices, loadWorkItems } from '../../src/store/workPlan.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';
import { MN_GAS, PLAN, registerDevices } from './helpers.ts';

const HOUR = 3600_000;
/** A DataTime on the hour, `hoursAgo` before `now`, in Beijing time. */
const onHour = (now: Date, hoursAgo: number) => {
  const d = new Date(Math.floor(now.getTime() / HOUR) * HOUR - hoursAgo * HOUR + 8 * HOUR);
  return d.toISOString().slice(0, 13).replace(/[-T]/g, '') + '0000';
};

describe.each(ENGINES)('alarms (%s)', (engine) => {
  let store: TestStore;
  let device: { id: number; regionId: number };
  const now = new Date();
  const hourly = (dataTime: string, zsAvg: number): PacketWrite => ({
    receivedAt: now,
    remote: '10.0.0.7:5000',
    mn: MN_GAS,
    cn: '2061',
    deviceId: device.id,
    regionId: device.regionId,
    reasons: [],
    deviations: [],
    bytes: Buffer.from(`##hourly ${dataTime}`),
    data: { cn: '2061', dataTime, pollutants: { a34013: { avg: zsAvg * 0.8, zsAvg, flag: 'N' } } },
  });

  beforeAll(async () => {
    store = await openTestStore(engine);
    await registerDevices(store.db);
    device = (await loadDevices(store.db)).get(MN_GAS)!;
  }, 120_000);
  afterAll(async () => store?.close());

  const exceedance = async () => (await listAlarms(store.db, { state: 'open' })).filter((a) => a.kind === 'exceedance');

  it('raises one exceedance alarm for hours above the permitted 10 mg/m³ (折算), undispatched and saying why while no rule is set', async () => {
    await storePackets(store.db, [hourly(onHour(now, 3), 9.5), hourly(onHour(now, 2), 12.4), hourly(onHour(now, 1), 15)]);
    await runAlarmChecks(store.db, now);
    const alarms = await exceedance();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ pollutant: 'a34013', state: 'raised', source: '重庆某水泥有限公司', outlet: '窑尾排气筒', workItem: null, dispatchNote: t('alarms.dispatch.noRule') });
    // the reason names the highest value and the permitted limit
    expect(alarms[0]!.reason).toContain('15');
    expect(alarms[0]!.reason).toContain('10');
  });

  it('dispatches it as a work item to the responsible unit once the plan office sets a rule', async () => {
    await setAlarmRule(store.db, { planId: PLAN, kind: '*', assignee: 'responsibleUnit', deadlineDays: 2 }, cliActor());
    const run = await runAlarmChecks(store.db, now);
    expect(run.dispatched).toBeGreaterThanOrEqual(1);
    const [alarm] = await exceedance();
    expect(alarm!.workItem).toMatchObject({ planId: PLAN, leadUnit: '黔江区生态环境局', deadline: addDays(todayInChina(now), 2), status: 'notStarted' });
    expect(alarm!.dispatchNote).toBeNull();
    const item = (await loadWorkItems(store.db, PLAN)).find((i) => i.id === alarm!.workItem!.id)!;
    expect(item.title).toContain('重庆某水泥有限公司');
    expect(item.title).toContain('颗粒物');
  });

  it('does not raise it again while it lasts', async () => {
    await storePackets(store.db, [hourly(onHour(now, 0), 11)]);
    const before = (await exceedance())[0]!;
    await runAlarmChecks(store.db, new Date(now.getTime() + 60_000));
    const after = await exceedance();
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before.id);
    expect(after[0]!.lastSeenAt.getTime()).toBeGreaterThan(before.lastSeenAt.getTime());
  });

  it('three days later: the device is silent, the exceedance is a candidate to close, the overdue item gets a 督办 notice', async () => {
    const later = new Date(now.getTime() + 3 * 24 * HOUR);
    await runAlarmChecks(store.db, later);
    const open = await listAlarms(store.db, { state: 'open' });
    expect(open.find((a) => a.kind === 'silent')).toBeTruthy();
    expect(open.find((a) => a.kind === 'exceedance')!.clearCandidate).toBe(true);
    const notices = await loadNotices(store.db, PLAN);
    const exceedanceItem = open.find((a) => a.kind === 'exceedance')!.workItem!.id;
    expect(notices.some((n) => n.workItemId === exceedanceItem && n.unit === '黔江区生态环境局')).toBe(true);
  });

  it('moves an alarm only in order, and closes it only with evidence, closing its work item', async () => {
    const alarm = (await listAlarms(store.db, { state: 'open' })).find((a) => a.kind === 'exceedance')!;
    const outOfOrder = await moveAlarm(store.db, alarm.id!, 'closed', cliActor(), '已整改').catch((e: unknown) => e);
    expect(outOfOrder).toBeInstanceOf(AlarmInputError);
    expect((outOfOrder as Error).message).toContain(t('alarms.state.acknowledged'));
    await moveAlarm(store.db, alarm.id!, 'acknowledged', cliActor(), null);
    await moveAlarm(store.db, alarm.id!, 'handling', cliActor(), '已通知企业检修除尘器');
    const bare = await moveAlarm(store.db, alarm.id!, 'closed', cliActor(), '  ').catch((e: unknown) => e);
    expect((bare as Error).message).toBe(t('alarms.error.closeNote'));
    await moveAlarm(store.db, alarm.id!, 'closed', cliActor(), '除尘器滤袋已更换，见监测报告2026-118号');
    const closed = (await listAlarms(store.db, { state: 'closed' })).find((a) => a.id === alarm.id)!;
    expect(closed.history.map((h) => h.to)).toEqual(['acknowledged', 'handling', 'closed']);
    expect(closed.workItem!.status).toBe('done');
  });
});
