// HJ 212 device simulator and gateway benchmark (issue #16): N simulated data-acquisition devices, each on its own
// TCP connection, send minute data (2051, 8 pollutants, the standard's CRC, Flag=5 so that each is acknowledged)
// at a configurable rate to an `ecociv gateway` running in its own process on a PostgreSQL schema of its own (or
// the embedded store). Measured: packets per second acknowledged and stored, the p99 from send to acknowledgement
// (the gateway acknowledges only after the batch committed) and from send to the row being seen in source_data
// (polled every 100 ms), and the gateway's CPU and memory.
//
//   node --import tsx bench/hj212-devices.ts [--devices 500] [--rate 10] [--seconds 20] [--engine postgres|pglite] [--writers N]
//   --rate: packets per device per second (500 × 10 = 5,000 packets/s offered)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { frame, qnOf } from '../src/domain/hj212.ts';
import { openStore } from '../src/store/index.ts';
import { fmt, reportFigures } from './figures.ts';

const argv = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : def;
};
const DEVICES = Number(arg('devices', '500'));
const RATE = Number(arg('rate', '10'));
const SECONDS = Number(arg('seconds', '20'));
const ENGINE = arg('engine', 'postgres') as 'postgres' | 'pglite';
const WRITERS = arg('writers', '');
const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const POLLUTANTS = ['a34013', 'a21026', 'a21002', 'a19001', 'a01012', 'a01011', 'a01013', 'a01014'];
const PW = '123456';
const mnOf = (i: number) => `33010000${String(i).padStart(6, '0')}`;

function pct(xs: number[], p: number): number {
  const s = Float64Array.from(xs).sort();
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const freePort = () =>
  new Promise<number>((res) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });

/** CPU seconds (user + system) and resident memory (MB) of a process, from /proc. */
function usage(pid: number): { cpu: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpu: ticks / 100, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

// the store: a fresh schema (or data directory) with one region's sources and the devices
let url: string | undefined;
let dataDir: string | undefined;
let dropSchema = async () => undefined as void;
if (ENGINE === 'postgres') {
  const schema = `ecociv_gw_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  url = `${BASE_URL}${BASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  dropSchema = async () => {
    const c = new pg.Client({ connectionString: BASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  };
} else dataDir = mkdtempSync(join(tmpdir(), 'ecociv-gw-'));

const t0 = performance.now();
{
  const db = await openStore(url ? { databaseUrl: url } : { dataDir: dataDir! });
  const region = (await db.query<{ region_id: number }>("SELECT region_id FROM plans WHERE id = 'qianjiang-apeng-two-mountains'")).rows[0]!.region_id;
  await db.transaction(async (tx) => {
    const s = await tx.query<{ id: number }>(
      `INSERT INTO pollution_sources (region_id, name, credit_code) SELECT $1, 'bench ' || g, 'BENCH' || lpad(g::text, 13, '0') FROM generate_series(1, $2) g RETURNING id`,
      [region, DEVICES],
    );
    const o = await tx.query<{ id: number }>(`INSERT INTO outlets (source_id, kind, code, name) SELECT unnest($1::int[]), 'gas', 'DA001', 'stack' RETURNING id`, [s.rows.map((r) => r.id)]);
    await tx.query(`INSERT INTO devices (outlet_id, mn, password) SELECT unnest($1::int[]), unnest($2::text[]), $3`, [o.rows.map((r) => r.id), Array.from({ length: DEVICES }, (_, i) => mnOf(i)), PW]);
  });
  await db.close();
}
console.log(`set-up: ${ENGINE}, ${DEVICES} devices registered (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

// the gateway, in its own process (the simulator's work is not counted against it)
const port = await freePort();
const env = { ...process.env, ...(url ? { DATABASE_URL: url } : { ECOCIV_DATA_DIR: dataDir! }), ECOCIV_FROM_SOURCE: '1' };
const gw = spawn(process.execPath, [resolve(import.meta.dirname, '../bin/ecociv.js'), 'gateway', '--port', String(port), '--host', '127.0.0.1', ...(WRITERS ? ['--writers', WRITERS] : [])], { env, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((res, rej) => {
  gw.stdout!.on('data', (d: Buffer) => d.toString().includes(String(port)) && res());
  gw.once('exit', (code) => rej(new Error(`the gateway exited (${code})`)));
});

// the devices: each connects, then sends at RATE packets a second; DataTime steps back a minute per packet so
// that every packet is new data (a device catching up on its backlog)
const sentAt = new Map<string, number>();
const ackLatency: number[] = [];
const storedLatency: number[] = [];
let acked = 0;
let sent = 0;
const sockets: net.Socket[] = [];
const baseMinute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
const dataTimeOf = (k: number) => qnOf(new Date(baseMinute - k * 60_000)).slice(0, 14);
function packet(i: number, k: number): { text: string; qn: string; dt: string } {
  const dt = dataTimeOf(k);
  const qn = `${dt}${String(k % 1000).padStart(3, '0')}`;
  const cp = POLLUTANTS.map((p, j) => {
    const v = ((i * 7 + k * 13 + j) % 1000) / 10;
    return `${p}-Avg=${v.toFixed(2)},${p}-Min=${(v * 0.8).toFixed(2)},${p}-Max=${(v * 1.2).toFixed(2)},${p}-Cou=${(v * 3.5).toFixed(3)},${p}-Flag=N`;
  }).join(';');
  return { text: frame(`QN=${qn};ST=31;CN=2051;PW=${PW};MN=${mnOf(i)};Flag=5;CP=&&DataTime=${dt};${cp}&&`), qn, dt };
}
await Promise.all(
  Array.from(
    { length: DEVICES },
    (_, i) =>
      new Promise<void>((res, rej) => {
        const s = net.connect(port, '127.0.0.1', () => res());
        s.once('error', rej);
        let buf = '';
        s.on('data', (d: Buffer) => {
          buf += d.toString('latin1');
          let at: number;
          while ((at = buf.indexOf('\r\n')) >= 0) {
            const line = buf.slice(0, at);
            buf = buf.slice(at + 2);
            const m = /QN=(\d+);ST=91;CN=9014;PW=\w*;MN=(\w+)/.exec(line);
            if (!m) continue;
            const t = sentAt.get(`${m[2]}|${m[1]!.slice(0, 14)}`);
            if (t !== undefined) ackLatency.push(performance.now() - t);
            acked++;
          }
        });
        sockets[i] = s;
      }),
  ),
);
console.log(`${DEVICES} devices connected; sending ${DEVICES * RATE} packets/s for ${SECONDS} s`);

// the poller: rows seen in source_data (one a packet)
const poll = url ? new pg.Client({ connectionString: url }) : null;
await poll?.connect();
let polling = true;
const seen = new Set<string>();
const poller = (async () => {
  if (!poll) return; // on the embedded store only the gateway's process may open it: acknowledgements only
  let since = new Date(Date.now() - 5000).toISOString();
  while (polling) {
    const started = new Date(Date.now() - 3000).toISOString();
    const r = await poll.query<{ mn: string; t: string }>(
      `SELECT d.mn, to_char(s.data_time, 'YYYYMMDDHH24MISS') AS t FROM source_data s JOIN devices d ON d.id = s.device_id
       WHERE s.received_at >= $1`,
      [since],
    );
    const now = performance.now();
    for (const x of r.rows) {
      const key = `${x.mn}|${x.t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = sentAt.get(key);
      if (t !== undefined) storedLatency.push(now - t);
    }
    since = started;
    await new Promise((res) => setTimeout(res, 100));
  }
})();

const before = usage(gw.pid!);
const tStart = performance.now();
// paced by the clock: at each wake-up every packet due by now is sent (device i's k-th packet, k = sent ÷ N), so
// that a late timer on a busy machine lowers the rate offered only as far as this process cannot keep up
while (performance.now() - tStart < SECONDS * 1000) {
  const due = Math.floor(((performance.now() - tStart) / 1000) * DEVICES * RATE);
  while (sent < due) {
    const i = sent % DEVICES;
    const p = packet(i, Math.floor(sent / DEVICES));
    sentAt.set(`${mnOf(i)}|${p.dt}`, performance.now());
    sockets[i]!.write(p.text);
    sent++;
  }
  await new Promise((res) => setTimeout(res, 5));
}
const sendSeconds = (performance.now() - tStart) / 1000;
const ackedAtEnd = acked;
// let the last batches land
const drainStart = performance.now();
while (acked < sent && performance.now() - drainStart < 15_000) await new Promise((res) => setTimeout(res, 100));
const after = usage(gw.pid!);
const totalSeconds = (performance.now() - tStart) / 1000;
polling = false;
await poller;
await poll?.end();
for (const s of sockets) s.destroy();
let gwOut = '';
gw.stdout!.on('data', (d: Buffer) => (gwOut += d.toString()));
gw.kill('SIGTERM');
await new Promise((res) => gw.once('exit', res));
console.log(gwOut.trim());

let storedPackets = NaN;
{
  const db = await openStore(url ? { databaseUrl: url, skipBuiltin: true } : { dataDir: dataDir!, skipBuiltin: true });
  storedPackets = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM source_data WHERE pollutants ? 'a34013'")).rows[0]!.n);
  await db.close();
}
await dropSchema();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });

const offered = sent / sendSeconds;
const sustained = ackedAtEnd / sendSeconds;
const p99Ack = pct(ackLatency, 99);
const p99Stored = pct(storedLatency, 99);
const cpuShare = (after.cpu - before.cpu) / totalSeconds;
console.log(`sent ${sent}, acknowledged ${acked}, stored ${storedPackets}; p50 ack ${pct(ackLatency, 50).toFixed(0)} ms`);
reportFigures('gateway', `HJ 212 gateway: ${DEVICES} simulated devices sending minute data (8 pollutants) for ${SECONDS} s, ${ENGINE}`, [
  { what: 'packets acknowledged per second, sustained (acknowledged only after the batch committed)', aim: '≥ 5,000 packets/s', baseline: `${fmt.perS(offered, 'packets')} offered`, value: fmt.perS(sustained, 'packets'), met: sustained >= 5000, note: `${DEVICES} connections, ${ENGINE}` },
  { what: 'p99 from send to acknowledgement', aim: '≤ 1 s', baseline: '—', value: fmt.ms(p99Ack), met: p99Ack <= 1000 },
  ...(url ? [{ what: 'p99 from send to the row seen in source_data (polled every 100 ms)', aim: '≤ 1 s', baseline: '—', value: fmt.ms(p99Stored), met: p99Stored <= 1000 }] : []),
  { what: 'packets stored (each once)', aim: `${sent} sent`, baseline: '—', value: String(storedPackets), met: storedPackets === sent },
  { what: 'gateway CPU (share of one core)', aim: '—', baseline: '—', value: `${(cpuShare * 100).toFixed(0)} %`, met: null },
  { what: 'gateway memory (resident)', aim: '—', baseline: '—', value: fmt.mb(after.rssMb), met: null },
]);
process.exit(0);
