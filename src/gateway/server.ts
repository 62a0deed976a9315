// The HJ 212 gateway: a TCP server that data-acquisition devices connect to (issue #16). Per connection a framer
// (src/domain/hj212.ts) cuts packets out of the byte stream; each packet is checked with the strictness its
// device was allowed, its MN and password checked against the registry; what passes is stored in batches (one
// transaction each) and acknowledged (9014 …, as the Flag asks, by replyFor) only after its batch committed;
// every packet, refused or not, is logged with why.
//
// Hostile input: idle connections are closed (idleTimeoutMs), connections are capped (maxConnections), a
// connection holds at most one packet's worth of bytes (the framer's bound), a flood of bytes that are not
// packets closes the connection (maxBadBytes), a socket's error closes that socket only. When the store falls
// behind, reading from the devices pauses (maxQueued) rather than memory growing.
//
// The store: on PGlite the data directory belongs to one process, so the gateway runs in the process that owns
// it (`ecociv gateway` alone, or inside `ecociv serve --gateway-port`); a gateway beside a separate web server
// needs PostgreSQL (DATABASE_URL). Gateways hold no state of their own: several may write to one PostgreSQL.
import net from 'node:net';
import { HJ212_LENGTH_FIELD_MAX, Hj212Framer, parsePacket, replyFor, type Deviation, type FrameEvent } from '../domain/hj212.ts';
import type { Db, Listener } from '../store/db.ts';
import { loadDevices, type DeviceAuth } from '../store/registry.ts';
import { firstMonthKept, retentionMonths, storePackets, STORED_COMMANDS, type PacketOutcome, type PacketWrite } from '../store/sourceData.ts';

export interface GatewayOptions {
  /** TCP port (default 2121; 0: any free port) */
  port?: number;
  /** address to listen on (default 0.0.0.0) */
  host?: string;
  /** connections served at once; more are refused by the operating system's accept (default 10,000) */
  maxConnections?: number;
  /** a connection that sends nothing for this long is closed (default 120 s) */
  idleTimeoutMs?: number;
  /** bytes that are not packets, in a row, before the connection is closed (default 64 KiB) */
  maxBadBytes?: number;
  /** a batch is written at most this long after its first packet (default 200 ms) … */
  batchMs?: number;
  /** … or when it holds this many packets (default 500) */
  batchMax?: number;
  /** batches written at once (default 4 on PostgreSQL, 1 on PGlite, which has one connection) */
  maxInFlight?: number;
  /** packets waiting for the store beyond which reading from devices pauses (default 20,000) */
  maxQueued?: number;
  /** how far ahead of the gateway's clock a DataTime may be (default 1 day: a device clock wrong by more is refused) */
  futureToleranceMs?: number;
  /** the clock (tests) */
  now?: () => Date;
  /** a line for the operator (connections refused, batches failed): default none */
  onLog?: (line: string) => void;
  /**
   * the early-warning checks (src/store/alarms.ts runAlarmChecks) run this often over the stored data: new alarms
   * raised and dispatched, 督办 for overdue alarm work items (default 10 minutes; 0: not run by this gateway)
   */
  alarmCheckMs?: number;
  /** after each batch is committed (tests, benchmarks) */
  onStored?: (outcomes: PacketOutcome[], writes: PacketWrite[]) => void;
}

export interface GatewayStats {
  connections: number;
  connectionsTotal: number;
  packets: number;
  accepted: number;
  duplicates: number;
  refused: number;
  badBytes: number;
  closedForBadBytes: number;
  closedIdle: number;
  batches: number;
  failedBatches: number;
  queued: number;
  /** milliseconds spent writing batches (their sum), and the packets in them */
  writeMs: number;
  written: number;
}

export interface Gateway {
  readonly port: number;
  readonly host: string;
  readonly stats: GatewayStats;
  /** write what is queued now (and wait for it) */
  flush(): Promise<void>;
  /** read the registry's devices again (also done on a 'ecociv_devices' notification and every 30 s) */
  reloadDevices(): Promise<void>;
  /** stop accepting, write and acknowledge what is queued, close every connection */
  close(): Promise<void>;
}

/** Why the gateway refused a packet, beside checkPacket's codes (format, length, oversize, crc, field, cp). */
export type GatewayRefusal = 'unknownDevice' | 'password' | 'noCrLf' | 'dataTimeRange' | 'garbage' | 'truncated';

interface Conn {
  socket: net.Socket;
  remote: string;
  framer: Hj212Framer;
  bad: number;
  paused: boolean;
  closed: boolean;
}

interface Queued {
  write: PacketWrite;
  conn: Conn;
  replies: string[];
}

const FRAMER_ALLOW: Deviation[] = ['oversize', 'noCrLf'];
const MN_AT = Buffer.from('MN=');

/** The MN of a packet, read without parsing it (the device's strictness is needed to parse it): null when none. */
function mnOf(b: Uint8Array): string | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  let i = buf.indexOf(MN_AT, 6);
  while (i >= 0 && i !== 6 && buf[i - 1] !== 0x3b) i = buf.indexOf(MN_AT, i + 1);
  if (i < 0) return null;
  let end = i + 3;
  while (end < buf.length && buf[end] !== 0x3b && end - i < 64) end++;
  const mn = buf.toString('latin1', i + 3, end);
  return mn === '' ? null : mn;
}

/** "20261203141500" (Beijing time) as an instant. */
const instantOf = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14)) - 8 * 3600_000;

/**
 * startGateway(db, options): Promise<Gateway> — listens, and serves until close(). The registry's devices are
 * read at start, on each 'ecociv_devices' notification and every 30 s.
 */
export async function startGateway(db: Db, o: GatewayOptions = {}): Promise<Gateway> {
  const now = o.now ?? (() => new Date());
  const log = o.onLog ?? (() => undefined);
  const idleTimeoutMs = o.idleTimeoutMs ?? 120_000;
  const maxBadBytes = o.maxBadBytes ?? 64 * 1024;
  const batchMs = o.batchMs ?? 200;
  const batchMax = o.batchMax ?? 500;
  const maxQueued = o.maxQueued ?? 20_000;
  const futureToleranceMs = o.futureToleranceMs ?? 24 * 3600_000;
  const stats: GatewayStats = { connections: 0, connectionsTotal: 0, packets: 0, accepted: 0, duplicates: 0, refused: 0, badBytes: 0, closedForBadBytes: 0, closedIdle: 0, batches: 0, failedBatches: 0, queued: 0, writeMs: 0, written: 0 };

  let devices: Map<string, DeviceAuth> = await loadDevices(db);
  let keepMonths = await retentionMonths(db);
  let reloading: Promise<void> | null = null;
  const reloadDevices = async () => {
    if (reloading) return reloading;
    reloading = (async () => {
      try {
        devices = await loadDevices(db);
        keepMonths = await retentionMonths(db);
      } catch (e) {
        log(`gateway: devices not reloaded: ${(e as Error).message}`);
      } finally {
        reloading = null;
      }
    })();
    return reloading;
  };
  let listener: Listener | null = null;
  try {
    listener = (await db.listen?.('ecociv_devices', () => void reloadDevices(), (e) => log(`gateway: device notifications lost: ${e.message}`))) ?? null;
  } catch (e) {
    log(`gateway: no device notifications: ${(e as Error).message}`);
  }
  const refresh = setInterval(() => void reloadDevices(), 30_000);
  refresh.unref();

  const conns = new Set<Conn>();
  let queue: Queued[] = [];
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = o.maxInFlight ?? (db.kind === 'postgres' ? 4 : 1);
  let closing = false;

  const enqueue = (conn: Conn, write: PacketWrite, replies: string[]) => {
    queue.push({ write, conn, replies });
    stats.queued = queue.length;
    if (queue.length >= batchMax) kick();
    else if (!timer) timer = setTimeout(kick, batchMs);
    if (queue.length >= maxQueued && !conn.paused && !conn.closed) {
      conn.paused = true;
      conn.socket.pause();
    }
  };

  /** one batch: written in one transaction, then each packet acknowledged as its Flag asks */
  const writeBatch = async (batch: Queued[]) => {
    const writes = batch.map((q) => q.write);
    let outcomes: PacketOutcome[];
    const started = performance.now();
    try {
      outcomes = await storePackets(db, writes);
      stats.writeMs += performance.now() - started;
      stats.written += writes.length;
    } catch (e) {
      // nothing of the batch is stored and nothing acknowledged: the devices send it again (HJ 212-2017 §6.3:
      // a packet not answered within the timeout is re-sent)
      stats.failedBatches++;
      log(`gateway: a batch of ${batch.length} packets was not stored: ${(e as Error).message}`);
      return;
    }
    stats.batches++;
    for (let i = 0; i < batch.length; i++) {
      const q = batch[i]!;
      const outcome = outcomes[i]!;
      if (outcome === 'accepted') stats.accepted++;
      else if (outcome === 'duplicate') stats.duplicates++;
      else stats.refused++;
      // a duplicate is acknowledged too: the device did not get the first acknowledgement
      if (outcome !== 'refused' && !q.conn.closed) for (const r of q.replies) q.conn.socket.write(r);
    }
    o.onStored?.(outcomes, writes);
  };

  /**
   * Start writing what is queued: batches of at most batchMax, up to maxInFlight at once (PostgreSQL: each on a
   * connection of the pool; PGlite: one). A batch that ends starts the next if packets are waiting.
   */
  const kick = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (queue.length > 0 && inFlight.size < maxInFlight) {
      const batch = queue.length <= batchMax ? queue : queue.slice(0, batchMax);
      queue = queue.length <= batchMax ? [] : queue.slice(batchMax);
      stats.queued = queue.length;
      const p: Promise<void> = writeBatch(batch).finally(() => {
        inFlight.delete(p);
        if (queue.length < maxQueued / 2)
          for (const c of conns)
            if (c.paused && !c.closed) {
              c.paused = false;
              c.socket.resume();
            }
        if (queue.length > 0) kick();
      });
      inFlight.add(p);
    }
  };

  /** everything queued now written (and what arrives meanwhile) */
  const flush = async (): Promise<void> => {
    kick();
    while (inFlight.size > 0 || queue.length > 0) {
      await Promise.all([...inFlight]);
      kick();
    }
  };

  const refuse = (conn: Conn, bytes: Uint8Array, reason: GatewayRefusal | 'oversize') => {
    stats.packets++;
    enqueue(conn, { receivedAt: now(), remote: conn.remote, mn: null, cn: null, deviceId: null, regionId: null, reasons: [reason], deviations: [], bytes, data: null }, []);
  };

  const onPacket = (conn: Conn, bytes: Uint8Array, framing: Deviation[]) => {
    stats.packets++;
    const receivedAt = now();
    const mn = mnOf(bytes);
    const device = mn === null ? undefined : devices.get(mn);
    const allow = device?.deviations ?? [];
    const { check, packet } = parsePacket(bytes, { strictness: allow });
    const reasons: string[] = [...check.errors];
    const deviations: string[] = [...check.deviations];
    if (framing.includes('noCrLf')) {
      if (allow.includes('noCrLf')) deviations.push('noCrLf');
      else reasons.push('noCrLf');
    }
    if (mn !== null && !device) reasons.push('unknownDevice');
    else if (device && packet && packet.pw !== device.password) reasons.push('password');
    let data: PacketWrite['data'] = null;
    if (reasons.length === 0 && packet && device && STORED_COMMANDS.has(packet.cn) && packet.dataTime) {
      const at = instantOf(packet.dataTime);
      if (at > receivedAt.getTime() + futureToleranceMs || `${packet.dataTime.slice(0, 4)}-${packet.dataTime.slice(4, 6)}` < firstMonthKept(keepMonths, receivedAt)) reasons.push('dataTimeRange');
      else data = { cn: packet.cn, dataTime: packet.dataTime, pollutants: packet.pollutants };
    }
    if (reasons.length === 0) conn.bad = 0;
    const write: PacketWrite = {
      receivedAt,
      remote: conn.remote,
      mn: packet?.mn || mn,
      cn: packet?.cn || check.fields.CN,
      deviceId: device?.id ?? null,
      regionId: device?.regionId ?? null,
      reasons,
      deviations: reasons.length === 0 ? deviations : [],
      bytes,
      data,
    };
    enqueue(conn, write, reasons.length === 0 && packet ? replyFor(packet, receivedAt) : []);
  };

  const onEvent = (conn: Conn, ev: FrameEvent) => {
    switch (ev.kind) {
      case 'packet':
        onPacket(conn, ev.bytes, ev.deviations);
        break;
      case 'garbage':
        conn.bad += ev.skipped;
        stats.badBytes += ev.skipped;
        break;
      case 'refused':
        conn.bad += Math.min(ev.declared, HJ212_LENGTH_FIELD_MAX) + 10;
        refuse(conn, Buffer.from(ev.sample, 'latin1'), ev.reason);
        break;
      case 'truncated':
        refuse(conn, Buffer.from(ev.sample, 'latin1'), 'truncated');
        break;
    }
    if (conn.bad > maxBadBytes && !conn.closed) {
      stats.closedForBadBytes++;
      refuse(conn, Buffer.from(`${conn.bad} bytes`), 'garbage');
      log(`gateway: ${conn.remote} closed after ${conn.bad} bytes that are not packets`);
      close(conn);
    }
  };

  const close = (conn: Conn) => {
    if (conn.closed) return;
    conn.closed = true;
    conns.delete(conn);
    stats.connections = conns.size;
    conn.socket.destroy();
  };

  const server = net.createServer({ noDelay: true }, (socket) => {
    const conn: Conn = { socket, remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`, framer: new Hj212Framer({ allow: FRAMER_ALLOW }), bad: 0, paused: false, closed: false };
    if (closing) {
      socket.destroy();
      return;
    }
    conns.add(conn);
    stats.connections = conns.size;
    stats.connectionsTotal++;
    socket.setTimeout(idleTimeoutMs, () => {
      stats.closedIdle++;
      close(conn);
    });
    socket.on('data', (chunk: Buffer) => {
      if (conn.closed) return;
      let events: FrameEvent[];
      try {
        events = conn.framer.push(chunk);
      } catch (e) {
        log(`gateway: ${conn.remote}: ${(e as Error).message}`);
        close(conn);
        return;
      }
      for (const ev of events) {
        if (conn.closed) break;
        onEvent(conn, ev);
      }
    });
    socket.on('end', () => {
      // the device closed its side (the socket then ends ours): a packet begun and not finished is logged
      if (!conn.closed) for (const ev of conn.framer.end()) onEvent(conn, ev);
    });
    socket.on('error', () => close(conn));
    socket.on('close', () => close(conn));
  });
  server.maxConnections = o.maxConnections ?? 10_000;
  server.on('error', (e) => log(`gateway: ${e.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 2121, o.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (o.port ?? 2121);

  // the early-warning checks, one at a time; a failure is said to the operator and tried again next time
  let checking: Promise<void> = Promise.resolve();
  const alarmCheckMs = o.alarmCheckMs ?? 10 * 60_000;
  const alarmTimer =
    alarmCheckMs > 0
      ? setInterval(() => {
          checking = checking.then(async () => {
            if (closing) return;
            try {
              const { runAlarmChecks } = await import('../store/alarms.ts');
              const r = await runAlarmChecks(db, now());
              if (r.opened > 0 || r.notices > 0) log(`gateway: alarm checks: ${r.opened} raised, ${r.dispatched} dispatched, ${r.notices} supervision notices`);
            } catch (e) {
              log(`gateway: alarm checks failed: ${(e as Error).message}`);
            }
          });
        }, alarmCheckMs)
      : null;
  alarmTimer?.unref();

  return {
    port,
    host: o.host ?? '0.0.0.0',
    stats,
    flush,
    reloadDevices,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(refresh);
      if (alarmTimer) clearInterval(alarmTimer);
      await checking;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // stop reading, then write and acknowledge what was received
      for (const c of conns) c.socket.pause();
      await flush();
      for (const c of [...conns]) {
        c.closed = true;
        c.socket.end();
        c.socket.destroySoon();
      }
      conns.clear();
      stats.connections = 0;
      await stopped;
      await listener?.close().catch(() => undefined);
    },
  };
}
