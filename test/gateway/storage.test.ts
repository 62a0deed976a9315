// source_data and packet_log on both engines: one partition per month of data time, made before the insert;
// deduplication by device, command and data time; a split message's parts merged without overwriting;
// retention (`ecociv sources prune`) dropping whole months and the log before them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/auth/roles.ts';
import { listAudit } from '../../src/store/audit.ts';
import { firstMonthKept, pruneSourceData, retentionMonths, setRetentionMonths, storePackets, type PacketWrite } from '../../src/store/sourceData.ts';
import { loadDevices } from '../../src/store/registry.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupStore, restoreStore } from '../../src/store/backup.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';
import { MN_GAS, registerDevices } from './helpers.ts';

describe.each(ENGINES)('source data storage (%s)', (engine) => {
  let store: TestStore;
  let device: { id: number; regionId: number };
  const write = (dataTime: string, pollutants: PacketWrite['data'] extends infer D ? (D extends { pollutants: infer P } ? P : never) : never, receivedAt = new Date()): PacketWrite => ({
    receivedAt,
    remote: '10.0.0.5:40112',
    mn: MN_GAS,
    cn: '2061',
    deviceId: device.id,
    regionId: device.regionId,
    reasons: [],
    deviations: [],
    bytes: Buffer.from(`##packet ${dataTime}`),
    data: { cn: '2061', dataTime, pollutants },
  });
  const partitions = async () =>
    (await store.db.query<{ name: string }>("SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'source_data'::regclass ORDER BY 1")).rows.map((r) => r.name);

  beforeAll(async () => {
    store = await openTestStore(engine);
    await registerDevices(store.db);
    device = (await loadDevices(store.db)).get(MN_GAS)!;
  }, 120_000);
  afterAll(async () => store?.close());

  it('makes a partition per month of data time, before the insert', async () => {
    expect(await partitions()).toEqual([]);
    const out = await storePackets(store.db, [write('20261130230000', { a34013: { avg: 8.1, flag: 'N' } }), write('20261201000000', { a34013: { avg: 8.4, flag: 'N' } })]);
    expect(out).toEqual(['accepted', 'accepted']);
    expect(await partitions()).toEqual(['source_data_y2026m11', 'source_data_y2026m12']);
    // each row lies in its month's partition
    expect((await store.db.query<{ n: string }>('SELECT count(*) AS n FROM source_data_y2026m11')).rows[0]!.n).toEqual(engine === 'pglite' ? 1 : '1');
  });

  it('stores a key once: a repeat is a duplicate; the next part of a split message adds its pollutants and overwrites nothing', async () => {
    const first = write('20261202100000', { a34013: { avg: 9.0, flag: 'N' }, a21026: { avg: 20, flag: 'N' } });
    const again = write('20261202100000', { a34013: { avg: 99, flag: 'N' } });
    const part2 = write('20261202100000', { a21002: { avg: 31, flag: 'N' }, a34013: { avg: 77, flag: 'N' } });
    expect(await storePackets(store.db, [first, again])).toEqual(['accepted', 'duplicate']);
    expect(await storePackets(store.db, [again])).toEqual(['duplicate']);
    expect(await storePackets(store.db, [part2])).toEqual(['accepted']);
    expect(await storePackets(store.db, [part2])).toEqual(['duplicate']);
    const row = (await store.db.query<{ pollutants: Record<string, { avg: number; flag: string }> }>("SELECT pollutants FROM source_data WHERE device_id = $1 AND data_time = '2026-12-02 10:00:00'", [device.id])).rows;
    expect(row).toHaveLength(1);
    expect(row[0]!.pollutants).toEqual({ a34013: { avg: 9, flag: 'N' }, a21026: { avg: 20, flag: 'N' }, a21002: { avg: 31, flag: 'N' } });
    const log = (await store.db.query<{ outcome: string; remote: string }>("SELECT outcome, remote FROM packet_log WHERE convert_from(bytes, 'UTF8') = '##packet 20261202100000' ORDER BY id")).rows;
    expect(log.map((l) => l.outcome)).toEqual(['accepted', 'duplicate', 'duplicate', 'accepted', 'duplicate']);
    expect(log[0]!.remote).toBe('10.0.0.5:40112');
  });

  it('keeps a refused packet in the log only, with its reasons and at most 2 KB of its bytes', async () => {
    const big = Buffer.alloc(5000, 0x41);
    const out = await storePackets(store.db, [{ ...write('20261202110000', { a34013: { avg: 1 } }), data: null, deviceId: null, reasons: ['unknownDevice'], mn: '77777770000001', bytes: big }]);
    expect(out).toEqual(['refused']);
    const r = (await store.db.query<{ reasons: string[]; size: number; bytes: Uint8Array }>("SELECT reasons, size, bytes FROM packet_log WHERE mn = '77777770000001'")).rows[0]!;
    expect(r.reasons).toEqual(['unknownDevice']);
    expect(Number(r.size)).toBe(5000);
    expect(r.bytes.length).toBe(2048);
    expect((await store.db.query("SELECT 1 FROM source_data WHERE data_time = '2026-12-02 11:00:00'")).rows).toEqual([]);
  });

  it('prunes whole months before the retention, and the log received before it; audited', async () => {
    expect(await retentionMonths(store.db)).toBe(36);
    // 3 months kept as of 2027-01-15 (Beijing): 2026-11, 2026-12 and 2027-01; 2026-11 of 3 months is the first kept
    expect(firstMonthKept(3, new Date('2027-01-15T00:00:00+08:00'))).toBe('2026-11');
    expect(firstMonthKept(1, new Date('2027-01-15T00:00:00+08:00'))).toBe('2027-01');
    await setRetentionMonths(store.db, 1, cliActor());
    expect(await retentionMonths(store.db)).toBe(1);
    const r = await pruneSourceData(store.db, cliActor(), new Date('2026-12-20T00:00:00+08:00'));
    expect(r).toMatchObject({ months: 1, keptFrom: '2026-12', droppedMonths: ['2026-11'] });
    expect(await partitions()).toEqual(['source_data_y2026m12']);
    // the log rows were received today, after 2026-12-01: kept
    expect(r.logRows).toBe(0);
    // the dropped month can be written again (its partition made anew)
    expect(await storePackets(store.db, [write('20261130220000', { a34013: { avg: 1 } })])).toEqual(['accepted']);
    expect(await partitions()).toEqual(['source_data_y2026m11', 'source_data_y2026m12']);
    const audit = await listAudit(store.db, { action: 'sourceData.prune' });
    expect(audit[0]!.after).toMatchObject({ months: 1, droppedMonths: ['2026-11'] });
  });

  it('is backed up and restored: each month\'s partition is made again before its rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecociv-sd-backup-'));
    const key = { secret: Buffer.from('backup-test-key-'.repeat(4)), source: 'test' };
    const target = await openTestStore(engine, { skipBuiltin: true });
    try {
      const file = join(dir, 'store.ndjson.gz');
      await backupStore(store.db, file, { key });
      await restoreStore(target.db, file, { key });
      const q = 'SELECT device_id, cn, to_char(data_time, \'YYYYMMDDHH24MISS\') AS t, pollutants FROM source_data ORDER BY 1, 2, 3';
      expect((await target.db.query(q)).rows).toEqual((await store.db.query(q)).rows);
      expect((await target.db.query(q)).rows.length).toBeGreaterThan(0);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
