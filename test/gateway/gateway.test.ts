// The HJ 212 gateway on both engines: a device's real-time, minute and hourly packets stored and acknowledged
// (9014, HJ 212-2017 表9) only after they are committed, whether a packet comes over several reads or several in
// one; refusals (wrong password, unknown MN, bad CRC) logged with why, nothing stored, the connection still
// usable; an HJ/T 212-2005 device refused until its deviation is allowed; duplicates stored once; hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/auth/roles.ts';
import { crcHex, frame, modbusCrc } from '../../src/domain/hj212.ts';
import { startGateway, type Gateway } from '../../src/gateway/server.ts';
import { t } from '../../src/i18n/index.ts';
import { allowDeviation } from '../../src/store/registry.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';
import { dataPacket, dataTime, Device, MN_GAS, MN_OLD, MN_WATER, registerDevices, until } from './helpers.ts';

interface Row {
  mn: string;
  cn: number;
  t: string;
  pollutant: string;
  value: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  mark: string | null;
}

describe.each(ENGINES)('HJ 212 gateway (%s)', (engine) => {
  let store: TestStore;
  let gateway: Gateway;
  const rows = async (mn: string): Promise<Row[]> =>
    (
      await store.db.query<Row>(
        `SELECT d.mn, s.cn, to_char(s.data_time, 'YYYYMMDDHH24MISS') AS t, p.key AS pollutant, (p.value->>'rtd')::float8 AS value, (p.value->>'avg')::float8 AS avg,
                (p.value->>'min')::float8 AS min, (p.value->>'max')::float8 AS max, (p.value->>'cou')::float8 AS cou, p.value->>'flag' AS mark
         FROM source_data s JOIN devices d ON d.id = s.device_id CROSS JOIN jsonb_each(s.pollutants) p WHERE d.mn = $1 ORDER BY s.cn, s.data_time, p.key`,
        [mn],
      )
    ).rows;
  const log = async (mn: string | null) =>
    (await store.db.query<{ outcome: string; reasons: string[]; deviations: string[]; remote: string; size: number; bytes: Uint8Array }>(
      'SELECT outcome, reasons, deviations, remote, size, bytes FROM packet_log WHERE mn IS NOT DISTINCT FROM $1 ORDER BY id', [mn],
    )).rows;

  beforeAll(async () => {
    store = await openTestStore(engine);
    await registerDevices(store.db);
    gateway = await startGateway(store.db, { port: 0, host: '127.0.0.1', batchMs: 50 });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await store?.close();
  });

  it('stores real-time, minute and hourly data sent over several reads and several in one read, acknowledging each after it is committed', async () => {
    const device = await new Device(gateway.port).open();
    const rt = dataPacket({ mn: MN_WATER, cn: '2011', time: dataTime(1), cp: 'w01018-Rtd=45.2,w01018-Flag=N;w00000-Rtd=12.5,w00000-Flag=N' });
    const minute = dataPacket({ mn: MN_WATER, cn: '2051', time: dataTime(10), cp: 'w01018-Min=40.1,w01018-Avg=44.0,w01018-Max=48.3,w01018-Cou=0.53,w01018-Flag=N' });
    const hour = dataPacket({ mn: MN_WATER, cn: '2061', time: dataTime(120, true), cp: 'w01018-Min=38.0,w01018-Avg=43.5,w01018-Max=50.0,w01018-Cou=31.2,w01018-Flag=N' });
    // the three, cut into 7-byte reads (one packet over many reads, two packets' ends and starts in one)
    const seenAtAck = new Map<string, number>();
    device.socket.on('data', () => {
      for (const qn of device.acks())
        if (!seenAtAck.has(qn))
          // when the acknowledgement arrives, what it acknowledges is already in the store
          void store.db.query<{ n: string }>("SELECT count(*) AS n FROM packet_log WHERE bytes::text LIKE '%' || encode(convert_to($1, 'UTF8'), 'hex') || '%'", [qn]).then((r) => seenAtAck.set(qn, Number(r.rows[0]!.n)));
    });
    await device.send(rt.text + minute.text + hour.text, 7);
    await until(() => device.acks().length === 3, 5000, 'three acknowledgements');
    expect(device.acks()).toEqual([rt.qn, minute.qn, hour.qn]);
    await until(() => seenAtAck.size === 3);
    expect([...seenAtAck.values()]).toEqual([1, 1, 1]);
    // the reply of 附录 C: QN of the packet, ST=91, CN=9014, PW and MN, Flag=4, empty CP, the standard's CRC
    const reply = device.received.split('\r\n')[0]!;
    expect(reply).toBe(frame(`QN=${rt.qn};ST=91;CN=9014;PW=123456;MN=${MN_WATER};Flag=4;CP=&&&&`).trimEnd());

    const stored = await rows(MN_WATER);
    expect(stored).toContainEqual({ mn: MN_WATER, cn: 2011, t: dataTime(1), pollutant: 'w01018', value: 45.2, avg: null, min: null, max: null, cou: null, mark: 'N' });
    expect(stored).toContainEqual({ mn: MN_WATER, cn: 2011, t: dataTime(1), pollutant: 'w00000', value: 12.5, avg: null, min: null, max: null, cou: null, mark: 'N' });
    expect(stored).toContainEqual({ mn: MN_WATER, cn: 2051, t: dataTime(10), pollutant: 'w01018', value: null, avg: 44, min: 40.1, max: 48.3, cou: 0.53, mark: 'N' });
    expect(stored).toContainEqual({ mn: MN_WATER, cn: 2061, t: dataTime(120, true), pollutant: 'w01018', value: null, avg: 43.5, min: 38, max: 50, cou: 31.2, mark: 'N' });

    // several in one read, from the other device
    const gas = await new Device(gateway.port).open();
    const a = dataPacket({ mn: MN_GAS, cn: '2051', time: dataTime(3), cp: 'a34013-Avg=8.1,a34013-Flag=N' });
    const b = dataPacket({ mn: MN_GAS, cn: '2051', time: dataTime(2), cp: 'a34013-Avg=8.4,a34013-Flag=N' });
    const c = dataPacket({ mn: MN_GAS, cn: '2051', time: dataTime(1), cp: 'a34013-Avg=9.9,a34013-Flag=N' });
    await gas.send(a.text + b.text + c.text);
    await until(() => gas.acks().length === 3);
    expect((await rows(MN_GAS)).map((r) => r.avg)).toEqual([8.1, 8.4, 9.9]);
    expect((await log(MN_GAS)).map((l) => l.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    device.close();
    gas.close();
  });

  it('refuses a wrong password, an unknown MN and a bad CRC: logged with why, nothing stored, the connection still serves', async () => {
    const device = await new Device(gateway.port).open();
    const before = (await rows(MN_GAS)).length;
    const wrongPw = dataPacket({ mn: MN_GAS, pw: '000000', cn: '2051', time: dataTime(20), cp: 'a34013-Avg=5.0,a34013-Flag=N' });
    const unknown = dataPacket({ mn: '77777770000001', cn: '2051', time: dataTime(20), cp: 'a34013-Avg=5.0,a34013-Flag=N' });
    const good = dataPacket({ mn: MN_GAS, cn: '2051', time: dataTime(21), cp: 'a34013-Avg=5.5,a34013-Flag=N' });
    // one character of the data changed after the CRC was computed
    const badCrc = good.text.replace('Avg=5.5', 'Avg=9.5');
    await device.send(wrongPw.text + unknown.text + badCrc);
    await until(async () => (await log('77777770000001')).length === 1 && (await store.db.query("SELECT 1 FROM packet_log WHERE 'crc' = ANY(reasons)")).rows.length === 1);
    const refused = (await log(MN_GAS)).filter((l) => l.outcome === 'refused');
    expect(refused.map((l) => l.reasons)).toEqual([['password'], ['crc']]);
    expect((await log('77777770000001')).map((l) => [l.outcome, l.reasons])).toEqual([['refused', ['unknownDevice']]]);
    expect(refused[0]!.remote).toMatch(/^(::ffff:)?127\.0\.0\.1:\d+$/);
    expect(Buffer.from(refused[0]!.bytes).toString('latin1')).toBe(wrongPw.text.slice(0, -2));
    expect(device.acks()).toEqual([]);
    expect((await rows(MN_GAS)).length).toBe(before);
    // the same connection then delivers a good packet
    await device.send(good.text);
    await until(() => device.acks().length === 1);
    expect((await rows(MN_GAS)).map((r) => r.avg)).toContain(5.5);
    // every refusal reason has its words in both catalogues
    for (const reason of ['password', 'unknownDevice', 'crc', 'format', 'length', 'oversize', 'field', 'cp', 'noCrLf', 'dataTimeRange', 'garbage', 'truncated', 'duplicate'])
      for (const l of ['zh-CN', 'en'] as const) expect(t(`gateway.reason.${reason}`, {}, l)).not.toBe(`gateway.reason.${reason}`);
    expect(t('gateway.reason.password')).toBe('访问密码错误');
    device.close();
  });

  it('refuses an HJ/T 212-2005 device (no QN, no Flag) until `devices allow MN noQnFlag`, then stores its data and records the deviation', async () => {
    const device = await new Device(gateway.port).open();
    const old = dataPacket({ mn: MN_OLD, pw: '654321', cn: '2051', time: dataTime(5), cp: 'a34013-Avg=3.3,a34013-Flag=N', flag: null });
    await device.send(old.text);
    await until(async () => (await log(MN_OLD)).length === 1);
    expect((await log(MN_OLD))[0]).toMatchObject({ outcome: 'refused', reasons: ['field'] });
    expect(await rows(MN_OLD)).toEqual([]);

    await allowDeviation(store.db, MN_OLD, 'noQnFlag', '厂家固件只支持 HJ/T 212-2005', cliActor());
    await gateway.reloadDevices();
    await device.send(old.text);
    await until(async () => (await rows(MN_OLD)).length === 1);
    expect((await rows(MN_OLD))[0]).toMatchObject({ cn: 2051, avg: 3.3 });
    expect((await log(MN_OLD))[1]).toMatchObject({ outcome: 'accepted', reasons: [], deviations: ['noQnFlag'] });
    // no Flag: no acknowledgement asked, none sent
    expect(device.received).toBe('');
    device.close();
  });

  it('stores a packet sent twice once, and acknowledges both', async () => {
    const device = await new Device(gateway.port).open();
    const p = dataPacket({ mn: MN_WATER, cn: '2051', time: dataTime(30), cp: 'w01018-Avg=41.0,w01018-Flag=N' });
    await device.send(p.text);
    await until(() => device.acks().length === 1);
    await device.send(p.text + p.text); // again, twice in one read (one batch)
    await until(() => device.acks().length === 3);
    const stored = (await rows(MN_WATER)).filter((r) => r.cn === 2051 && r.t === dataTime(30));
    expect(stored).toHaveLength(1);
    // the log is written beside the acknowledgement, not before it: wait for its three lines
    let outcomes: string[] = [];
    await until(async () => {
      outcomes = (await store.db.query<{ outcome: string }>("SELECT outcome FROM packet_log WHERE mn = $1 AND encode(bytes, 'escape') LIKE '%' || $2 || '%' ORDER BY id", [MN_WATER, p.qn])).rows.map((r) => r.outcome);
      return outcomes.length >= 3;
    });
    expect(outcomes).toEqual(['accepted', 'duplicate', 'duplicate']);
    device.close();
  });

  it('closes a connection flooded with 10 MB that are not packets, without holding them, and keeps serving', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const flood = await new Device(gateway.port).open();
    const mb = Buffer.alloc(1024 * 1024, 'x');
    // a "10 MB line": a header, then 10 MB without an end
    flood.socket.write('##0100');
    for (let i = 0; i < 10 && !flood.closed; i++) flood.socket.write(mb);
    await until(() => flood.closed, 10_000, 'the flood connection closed');
    expect(gateway.stats.closedForBadBytes).toBeGreaterThanOrEqual(1);
    await until(async () => (await store.db.query("SELECT 1 FROM packet_log WHERE 'garbage' = ANY(reasons)")).rows.length >= 1);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
    const device = await new Device(gateway.port).open();
    await device.send(dataPacket({ mn: MN_GAS, cn: '2011', time: dataTime(0), cp: 'a34013-Rtd=7.0,a34013-Flag=N' }).text);
    await until(() => device.acks().length === 1);
    device.close();
  });

  it('closes an idle connection', async () => {
    const idle = await startGateway(store.db, { port: 0, host: '127.0.0.1', idleTimeoutMs: 300 });
    try {
      const device = await new Device(idle.port).open();
      const opened = Date.now();
      await until(() => device.closed, 3000, 'the idle connection closed');
      expect(Date.now() - opened).toBeGreaterThanOrEqual(250);
      expect(idle.stats.closedIdle).toBe(1);
    } finally {
      await idle.close();
    }
  });

  it('refuses connections beyond the limit and serves those within it; a slow sender is still served', async () => {
    const small = await startGateway(store.db, { port: 0, host: '127.0.0.1', maxConnections: 3, batchMs: 20 });
    try {
      const devices = await Promise.all(Array.from({ length: 6 }, () => new Device(small.port).open()));
      await until(() => devices.filter((d) => d.closed).length === 3, 3000, 'three connections refused');
      const open = devices.filter((d) => !d.closed);
      expect(open).toHaveLength(3);
      // one byte every 5 ms: the packet still arrives whole and is acknowledged
      const p = dataPacket({ mn: MN_GAS, cn: '2051', time: dataTime(40), cp: 'a34013-Avg=6.0,a34013-Flag=N' });
      await open[0]!.send(p.text, 1, 5);
      await until(() => open[0]!.acks().length === 1, 10_000, 'the slow sender acknowledged');
      for (const d of devices) d.close();
    } finally {
      await small.close();
    }
  }, 30_000);

  it('hears a deviation allowed in the store at once (a notification), without being asked to reload', async () => {
    const seg = `QN=20261203120000001;ST=31;CN=2051;PW=123456;MN=${MN_GAS};Flag=5;CP=&&DataTime=${dataTime(50)};a34013-Avg=4.4,a34013-Flag=N&&`;
    const modbus = `##${String(seg.length).padStart(4, '0')}${seg}${crcHex(modbusCrc(Buffer.from(seg)))}\r\n`;
    await allowDeviation(store.db, MN_GAS, 'modbusCrc', '厂家按 CRC-16/MODBUS 计算校验码', cliActor());
    const device = await new Device(gateway.port).open();
    await until(async () => {
      if (device.acks().length > 0) return true;
      await device.send(modbus);
      await new Promise((r) => setTimeout(r, 200));
      return device.acks().length > 0;
    }, 3000, 'the packet with a MODBUS CRC acknowledged');
    expect((await rows(MN_GAS)).find((r) => r.t === dataTime(50))?.avg).toBe(4.4);
    device.close();
  });

  it('answers what is not stored as replyFor says: 2021 running status logged and acknowledged (9014), 1013 answered with 9013', async () => {
    const device = await new Device(gateway.port).open();
    const status = dataPacket({ mn: MN_WATER, cn: '2021', time: dataTime(0), cp: 'SB1-RS=1' });
    const calib = { qn: '20261203120000555', text: frame(`QN=20261203120000555;ST=32;CN=1013;PW=123456;MN=${MN_WATER};Flag=5;CP=&&&&`) };
    await device.send(status.text + calib.text);
    await until(() => device.received.includes('CN=9013'), 5000, 'the notice reply');
    expect(device.acks()).toContain(status.qn);
    expect(device.received).toContain(frame(`QN=${calib.qn};ST=91;CN=9013;PW=123456;MN=${MN_WATER};Flag=4;CP=&&&&`));
    const logged = (await store.db.query<{ cn: string; outcome: string }>("SELECT cn, outcome FROM packet_log WHERE mn = $1 AND cn IN ('2021', '1013') ORDER BY id", [MN_WATER])).rows;
    expect(logged).toEqual([{ cn: '2021', outcome: 'accepted' }, { cn: '1013', outcome: 'accepted' }]);
    expect((await rows(MN_WATER)).filter((r) => r.cn === 2021)).toEqual([]);
    device.close();
  });
});
