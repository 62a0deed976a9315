// Storing what HJ 212 devices send: the values of accepted data packets in `source_data` (partitioned by month of
// their data time; partitions made here before the insert) and every packet, accepted or refused, in
// `packet_log`. One batch is one transaction: the gateway acknowledges a packet only after its batch committed.
import type { Actor } from '../auth/roles.ts';
import type { PollutantValues } from '../domain/hj212.ts';
import { writeAudit } from './audit.ts';
import type { Db, Queryable } from './db.ts';

/** The data commands whose values are stored: 2011 real-time, 2051 minute, 2061 hourly, 2031 daily (HJ 212-2017 表9). */
export const STORED_COMMANDS: ReadonlySet<string> = new Set(['2011', '2051', '2061', '2031']);

/** What a packet left in the log: stored (or not a data command), already stored before, or refused. */
export type PacketOutcome = 'accepted' | 'duplicate' | 'refused';

/** One received packet as the writer takes it. */
export interface PacketWrite {
  receivedAt: Date;
  /** the remote address and port, "10.0.0.5:40112" */
  remote: string | null;
  mn: string | null;
  cn: string | null;
  /** the registered device, when the MN is known */
  deviceId: number | null;
  regionId: number | null;
  /** refused: why (codes of checkPacket and the gateway's: unknownDevice, password, …); empty when accepted */
  reasons: string[];
  /** the allowed deviations the packet needed */
  deviations: string[];
  /** the packet as received (the first 2 KB are kept) */
  bytes: Uint8Array;
  /** accepted data to store: the command's values by pollutant; null for a refused packet or one not stored */
  data: { cn: string; dataTime: string; pollutants: Record<string, PollutantValues> } | null;
}

/** The bytes of a packet kept in the log. */
export const LOGGED_BYTES = 2048;

/** "20261203141500" (HJ 212 DataTime, the device's Beijing time) → "2026-12-03 14:15:00" */
export const dataTimeText = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`;

const monthsMade = new WeakMap<Queryable, Set<string>>();

/** The partition of one month ("2026-12"): source_data_y2026m12. */
const partitionName = (month: string) => `source_data_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** monthsOf(dataTimes): the months ("2026-12") of data times given as "20261203…" or "2026-12-03 …". */
const monthOf = (t: string) => (t[4] === '-' ? t.slice(0, 7) : `${t.slice(0, 4)}-${t.slice(4, 6)}`);

/**
 * createMonthPartitions(tx, months: Iterable<string>): Promise<void> — the month partitions of source_data
 * ("2026-12" → source_data_y2026m12) made where missing, in the caller's transaction, under an advisory lock per
 * month (two writers making the same month wait for each other). Also used by restore (src/store/backup.ts).
 */
export async function createMonthPartitions(tx: Queryable, months: Iterable<string>): Promise<void> {
  for (const m of new Set([...months].map(monthOf))) {
    if (!/^\d{4}-\d{2}$/.test(m)) throw new Error(`not a month: ${m}`);
    await tx.query('SELECT pg_advisory_xact_lock(771014, hashtext($1))', [m]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS ${partitionName(m)} PARTITION OF source_data FOR VALUES FROM ('${m}-01') TO ('${nextMonth(m)}-01')`);
  }
}

/**
 * ensureMonths(db, months: string[]): Promise<void> — the month partitions exist, each made in a short
 * transaction of its own; remembered per store, so that a batch of a known month costs nothing.
 */
export async function ensureMonths(db: Db, months: Iterable<string>): Promise<void> {
  let made = monthsMade.get(db);
  if (!made) monthsMade.set(db, (made = new Set()));
  for (const month of months) {
    if (made.has(month)) continue;
    await db.transaction((tx) => createMonthPartitions(tx, [month]));
    made.add(month);
  }
}

/** PostgreSQL's "no partition of relation … found for row" (a month dropped by another process since it was made here) */
const NO_PARTITION = '23514';

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, LOGGED_BYTES)).toString('hex');
const num = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);

/** The values of one pollutant as stored in source_data.pollutants: HJ 212's field names, in lower case. */
export type StoredValues = Pick<PollutantValues, 'rtd' | 'avg' | 'min' | 'max' | 'cou' | 'zsRtd' | 'zsAvg' | 'zsMin' | 'zsMax' | 'flag'>;

const stored = (v: PollutantValues): StoredValues => {
  const out: StoredValues = {};
  for (const f of ['rtd', 'avg', 'min', 'max', 'cou', 'zsRtd', 'zsAvg', 'zsMin', 'zsMax'] as const) {
    const x = num(v[f]);
    if (x !== null) out[f] = x;
  }
  if (v.flag !== undefined) out.flag = v.flag;
  return out;
};

/**
 * storePackets(db, packets: PacketWrite[]): Promise<PacketOutcome[]> — one batch in one transaction: the data of
 * accepted packets into source_data, one row per device, command and data time (the key of deduplication) with
 * each pollutant's values; every packet into packet_log; the outcome of each packet, in order. A packet whose
 * pollutants are all stored already under its key (sent again, in this batch or before) is a duplicate: stored
 * once, still acknowledged. A packet bringing pollutants the key does not hold yet (the next part of a split
 * message, PNUM/PNO) adds them; values already stored are never overwritten. Partitions are made first.
 */
export async function storePackets(db: Db, packets: readonly PacketWrite[]): Promise<PacketOutcome[]> {
  try {
    return await storeOnce(db, packets);
  } catch (e) {
    if ((e as { code?: string }).code !== NO_PARTITION) throw e;
    // a month this process had made was dropped meanwhile (prune, restore): make it again, once
    monthsMade.delete(db);
    return storeOnce(db, packets);
  }
}

async function storeOnce(db: Db, packets: readonly PacketWrite[]): Promise<PacketOutcome[]> {
  if (packets.length === 0) return [];
  const months = new Set<string>();
  for (const p of packets) if (p.data) months.add(`${p.data.dataTime.slice(0, 4)}-${p.data.dataTime.slice(4, 6)}`);
  await ensureMonths(db, months);

  // one row per key: the batch's packets of a key merged (the first packet's value of a pollutant wins); a packet
  // that adds no pollutant to what came before it in the batch is a duplicate whatever the store holds
  type Key = { device: number; region: number; cn: number; time: string; dataTime: string; pollutants: Record<string, StoredValues>; received: string; packets: number[] };
  const keys = new Map<string, Key>();
  const outcomes: PacketOutcome[] = packets.map((p) => (p.reasons.length > 0 ? 'refused' : 'accepted'));
  packets.forEach((p, i) => {
    if (p.reasons.length > 0 || !p.data || p.deviceId === null) return;
    const codes = Object.keys(p.data.pollutants);
    if (codes.length === 0) return;
    const id = `${p.deviceId}|${Number(p.data.cn)}|${p.data.dataTime}`;
    let k = keys.get(id);
    if (!k) keys.set(id, (k = { device: p.deviceId, region: p.regionId ?? 0, cn: Number(p.data.cn), time: dataTimeText(p.data.dataTime), dataTime: p.data.dataTime, pollutants: {}, received: p.receivedAt.toISOString(), packets: [] }));
    let added = false;
    for (const code of codes)
      if (!(code in k.pollutants)) {
        k.pollutants[code] = stored(p.data.pollutants[code]!);
        added = true;
      }
    if (added) k.packets.push(i);
    else outcomes[i] = 'duplicate';
  });
  // in the order of the key, so that two batches written at once lock the same keys in the same order (a
  // duplicate in both waits for the other's commit instead of deadlocking)
  const rows = [...keys.values()].sort((a, b) => a.device - b.device || a.cn - b.cn || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return db.transaction(async (tx) => {
    if (rows.length > 0) {
      const r = await tx.query<{ device_id: number; cn: number; t: string }>(
        `INSERT INTO source_data AS s (device_id, region_id, cn, data_time, pollutants, received_at)
         SELECT a, b, c, d, e::jsonb, f FROM unnest($1::int[], $2::int[], $3::smallint[], $4::timestamp[], $5::text[], $6::timestamptz[]) AS x(a, b, c, d, e, f)
         ON CONFLICT (device_id, cn, data_time) DO UPDATE SET pollutants = EXCLUDED.pollutants || s.pollutants
           WHERE NOT s.pollutants ?& ARRAY(SELECT jsonb_object_keys(EXCLUDED.pollutants))
         RETURNING device_id, cn, to_char(data_time, 'YYYYMMDDHH24MISS') AS t`,
        [rows.map((k) => k.device), rows.map((k) => k.region), rows.map((k) => k.cn), rows.map((k) => k.time), rows.map((k) => JSON.stringify(k.pollutants)), rows.map((k) => k.received)],
      );
      const written = new Set(r.rows.map((x) => `${x.device_id}|${x.cn}|${x.t}`));
      for (const [id, k] of keys) if (!written.has(id)) for (const i of k.packets) outcomes[i] = 'duplicate';
    }
    await tx.query(
      `INSERT INTO packet_log (received_at, remote, mn, cn, device_id, outcome, reasons, deviations, size, bytes)
       SELECT a, b, c, d, e, f, string_to_array(g, ','), string_to_array(h, ','), i, decode(j, 'hex')
       FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[]) AS x(a, b, c, d, e, f, g, h, i, j)`,
      [
        packets.map((p) => p.receivedAt.toISOString()),
        packets.map((p) => p.remote),
        packets.map((p) => p.mn?.slice(0, 64) ?? null),
        packets.map((p) => p.cn?.slice(0, 16) ?? null),
        packets.map((p) => p.deviceId),
        outcomes,
        packets.map((p) => p.reasons.join(',')),
        packets.map((p) => p.deviations.join(',')),
        packets.map((p) => p.bytes.length),
        packets.map((p) => hex(p.bytes)),
      ],
    );
    return outcomes;
  });
}

/** The default retention of source data and the packet log, in months (a setting; no standard fixes it). */
export const DEFAULT_RETENTION_MONTHS = 36;

/** retentionMonths(db): Promise<number> — the months of source data kept (setting `retention`, else 36). */
export async function retentionMonths(db: Queryable): Promise<number> {
  const r = await db.query<{ value: { months?: number } }>("SELECT value FROM source_data_settings WHERE key = 'retention'");
  const m = r.rows[0]?.value?.months;
  return typeof m === 'number' && Number.isInteger(m) && m > 0 ? m : DEFAULT_RETENTION_MONTHS;
}

/** setRetentionMonths(db, months, actor): the retention setting, audited. */
export async function setRetentionMonths(db: Db, months: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await retentionMonths(tx);
    await tx.query(
      `INSERT INTO source_data_settings (key, value, set_by) VALUES ('retention', $1::jsonb, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, set_by = EXCLUDED.set_by, set_at = now()`,
      [JSON.stringify({ months }), actor.name],
    );
    await writeAudit(tx, actor, { action: 'sourceData.retention', entity: 'source_data_settings', entityId: 'retention', before: { months: before }, after: { months } });
  });
}

/** The first month kept when `months` are kept, as of `now` (Beijing time): 36 months as of 2026-12 keep 2024-01 on. */
export function firstMonthKept(months: number, now: Date): string {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const index = china.getUTCFullYear() * 12 + china.getUTCMonth() - (months - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * pruneSourceData(db, actor, now?): Promise<{ months: number; keptFrom: string; droppedMonths: string[]; logRows: number }>
 * — drops the month partitions of source_data before the retention's first month and deletes the packet log
 * received before it; audited.
 */
export async function pruneSourceData(db: Db, actor: Actor, now = new Date()): Promise<{ months: number; keptFrom: string; droppedMonths: string[]; logRows: number }> {
  const months = await retentionMonths(db);
  const keptFrom = firstMonthKept(months, now);
  return db.transaction(async (tx) => {
    const parts = await tx.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'source_data'::regclass ORDER BY c.relname`,
    );
    const dropped: string[] = [];
    for (const { name } of parts.rows) {
      const m = /^source_data_y(\d{4})m(\d{2})$/.exec(name);
      if (!m) continue;
      const month = `${m[1]}-${m[2]}`;
      if (month >= keptFrom) continue;
      await tx.exec(`DROP TABLE ${name}`);
      dropped.push(month);
    }
    const log = await tx.query<{ n: string | number }>(
      `WITH d AS (DELETE FROM packet_log WHERE received_at < ($1 || '-01')::timestamp AT TIME ZONE 'Asia/Shanghai' RETURNING 1) SELECT count(*) AS n FROM d`,
      [keptFrom],
    );
    const logRows = Number(log.rows[0]!.n);
    await writeAudit(tx, actor, { action: 'sourceData.prune', entity: 'source_data', after: { months, keptFrom, droppedMonths: dropped, logRows } });
    const made = monthsMade.get(db);
    for (const d of dropped) made?.delete(d);
    return { months, keptFrom, droppedMonths: dropped, logRows };
  });
}
