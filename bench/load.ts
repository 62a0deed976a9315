// Load benchmark (not a test): 200 concurrent signed-in users reading scorecards and submitting figures
// against the PostgreSQL server, each server in its own process on loopback, in five scenarios in one run:
// assessments computed for every read (the baseline), kept in one process, kept in two processes with users
// split between them, and the baseline and one process again with users pausing between actions as people do. Reports throughput and p50/p99 latency, and checks that nothing was lost: every accepted submission is in the store and in
// the audit trail. Run: npm run bench:load  (BENCH_USERS=200 BENCH_SECONDS=30 BENCH_DATABASE_URL=…)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/auth/roles.ts';
import { fmt, reportFigures, type Figure } from './figures.ts';
import { openStore } from '../src/store/index.ts';
import { createUser } from '../src/store/users.ts';

const USERS = Number(process.env.BENCH_USERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 1000);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PLAN = 'wushan-demo-county';
const PASSWORD = 'Load-bench-青山-2026';

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const schema = `ecociv_load_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const url = `${BASE_URL}${BASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
// the servers of a scenario, each `ecociv serve` in its own process on the same schema
const servers: Array<ReturnType<typeof spawn>> = [];
const stopServers = async () => {
  const all = servers.splice(0);
  await Promise.all(all.map((s) => new Promise((r) => (s.exitCode !== null || s.signalCode !== null ? r(null) : (s.once('exit', r), s.kill('SIGTERM'))))));
};
try {
  // the store, the plan, and one clerk account per virtual user (units taken in turn)
  const t0 = performance.now();
  const db = await openStore({ databaseUrl: url });
  const units = (
    await db.query<{ name: string }>(
      `SELECT DISTINCT u.name FROM lead_units l JOIN units u ON u.id = l.unit_id JOIN indicators i ON i.id = l.indicator_id
       WHERE l.plan_id = $1 AND i.unit IN ('%', '％') ORDER BY u.name`,
      [PLAN],
    )
  ).rows.map((r) => r.name);
  const names = Array.from({ length: USERS }, (_, i) => ({ username: `clerk${i}`, unit: units[i % units.length]! }));
  for (let i = 0; i < names.length; i += 8)
    await Promise.all(names.slice(i, i + 8).map((n) => createUser(db, { username: n.username, displayName: `填报员${n.username}`, password: PASSWORD, roles: [{ role: 'clerk', region: '巫山县', unit: n.unit }] }, SYSTEM_ACTOR)));
  await db.close();
  console.log(`set-up: schema ${schema}, ${USERS} clerks of ${units.length} units (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const startServers = async (n: number, cache: boolean): Promise<string[]> => {
    const bases: string[] = [];
    for (let k = 0; k < n; k++) {
      const port = await freePort();
      const env = { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', ECOCIV_ASSESSMENT_CACHE: cache ? 'on' : 'off' };
      // BENCH_CPU_PROF=dir: each server writes a CPU profile there when it stops (to see where a request's time goes)
      const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`] : [];
      servers.push(spawn(process.execPath, [...prof, resolve(import.meta.dirname, '../bin/ecociv.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
      bases.push(`http://127.0.0.1:${port}`);
    }
    for (const base of bases)
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${base}/api/health`)).ok) break;
        } catch {
          /* not yet listening */
        }
        if (i > 300) throw new Error('the server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    return bases;
  };

  const check = new pg.Client({ connectionString: url });
  await check.connect();
  // sign everyone in (scrypt on the server: this is the slow part of a morning rush); sessions live in the
  // store, so every server of every scenario accepts them
  const base = (await startServers(1, true))[0]!;
  const t1 = performance.now();
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  for (let i = 0; i < names.length; i += 16)
    await Promise.all(
      names.slice(i, i + 16).map(async (n) => {
        const r = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: n.username, password: PASSWORD }) });
        if (!r.ok) throw new Error(`sign-in ${n.username}: ${r.status}`);
        sessions.set(n.username, { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await r.json()) as { csrfToken: string }).csrfToken });
      }),
    );
  const signInSeconds = (performance.now() - t1) / 1000;

  // each unit's percentage indicators, and a pool of (indicator, year) pairs so that no two submissions collide
  type Leaf = { framework: string; number: string; part: string | null };
  const leavesOf = new Map<string, Leaf[]>();
  const pools = new Map<string, Array<Leaf & { year: number }>>();
  const taken = new Set<string>(); // an indicator led by two units is given to the first only
  for (const u of units.filter((x) => names.some((n) => n.unit === x))) {
    const s = sessions.get(names.find((n) => n.unit === u)!.username)!;
    const form = (await (await fetch(`${base}/api/plans/${PLAN}/entry?unit=${encodeURIComponent(u)}&year=2021`, { headers: { cookie: s.cookie } })).json()) as { rows: Array<{ framework: string; number: string; part: string | null; unit: string | null }> };
    const leaves = form.rows.filter((r) => (r.unit === '%' || r.unit === '％') && !taken.has(`${r.framework}|${r.number}|${r.part ?? ''}`));
    for (const l of leaves) taken.add(`${l.framework}|${l.number}|${l.part ?? ''}`);
    leavesOf.set(u, leaves.map((l) => ({ framework: l.framework, number: l.number, part: l.part })));
  }
  /** every scenario starts from the same store: the figures of the one before removed, the pools full (2030…2100) */
  const refill = async () => {
    await check.query(`DELETE FROM observations WHERE origin = 'entry' AND year >= 2030`);
    for (const [u, leaves] of leavesOf) {
      const pool: Array<Leaf & { year: number }> = [];
      for (let year = 2100; year >= 2030; year--) for (const l of leaves) pool.push({ ...l, year });
      pools.set(u, pool);
    }
  };
  await stopServers();

  interface Outcome {
    key: string;
    processes: number;
    pauseMs: number;
    label: string;
    reads: number[];
    writes: number[];
    reqPerSecond: number;
    status: Map<string, number>;
    accepted: number;
    stored: number;
    audited: number;
    readOnly: number;
  }
  const counts = async () => ({
    stored: Number((await check.query<{ n: string }>(`SELECT count(*) AS n FROM observations WHERE origin = 'entry' AND year >= 2030`)).rows[0]!.n),
    audited: Number((await check.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'observation.record' AND (after->>'year')::int >= 2030`)).rows[0]!.n),
  });

  /** Every user loops for SECONDS: read the scorecard, submit one figure; users are split between the servers. */
  const scenario = async (key: string, label: string, processes: number, cache: boolean, pauseMs: number): Promise<Outcome> => {
    await refill();
    const bases = await startServers(processes, cache);
    // each server answers one read before the clock starts: a server that has just started computes its first
    // answer while 200 users wait for it, which is start-up, not load
    const first = sessions.get(names[0]!.username)!;
    for (const b of bases) await (await fetch(`${b}/api/plans/${PLAN}/assessment?year=2021`, { headers: { cookie: first.cookie } })).arrayBuffer();
    const before = await counts();
    const lat = { read: [] as number[], write: [] as number[] };
    const status = new Map<string, number>();
    let accepted = 0;
    let readOnly = 0; // users whose unit has no new indicator-year left: they go on reading
    const deadline = performance.now() + SECONDS * 1000;
    const t2 = performance.now();
    // a person between two actions (reading the scorecard, typing the figure): uniform in [0.5, 1.5] × pauseMs;
    // the users start spread over one pause so that they do not arrive in step
    const pause = () => (pauseMs > 0 ? new Promise((r) => setTimeout(r, pauseMs * (0.5 + Math.random()))) : Promise.resolve());
    await Promise.all(
      names.map(async (n, i) => {
        const s = sessions.get(n.username)!;
        const base = bases[i % bases.length]!;
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, (pauseMs * i) / names.length));
        while (performance.now() < deadline) {
          let t = performance.now();
          const r = await fetch(`${base}/api/plans/${PLAN}/assessment?year=2021`, { headers: { cookie: s.cookie } });
          await r.arrayBuffer();
          lat.read.push(performance.now() - t);
          status.set(`GET ${r.status}`, (status.get(`GET ${r.status}`) ?? 0) + 1);
          await pause();
          const slot = pools.get(n.unit)!.pop();
          if (!slot) {
            readOnly++;
            continue;
          }
          t = performance.now();
          const w = await fetch(`${base}/api/observations`, {
            method: 'POST',
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ observations: [{ plan: PLAN, framework: slot.framework, number: slot.number, ...(slot.part ? { part: slot.part } : {}), year: slot.year, printed: '50', reportingUnit: n.unit }] }),
          });
          await w.arrayBuffer();
          lat.write.push(performance.now() - t);
          status.set(`POST ${w.status}`, (status.get(`POST ${w.status}`) ?? 0) + 1);
          if (w.status === 201) accepted++;
          await pause();
        }
      }),
    );
    const seconds = (performance.now() - t2) / 1000;
    await stopServers();
    const after = await counts();
    return { key, processes, pauseMs, label, readOnly, reads: lat.read, writes: lat.write, reqPerSecond: (lat.read.length + lat.write.length) / seconds, status, accepted, stored: after.stored - before.stored, audited: after.audited - before.audited };
  };

  // the baseline first, in the same run: assessments computed for every read (the old path: its 5-second
  // cache was emptied by every submission, so under this load nearly every read was computed afresh)
  // BENCH_SCENARIOS=kept1 (or a comma list of base,kept1,kept2): only those, while developing
  const only = process.env.BENCH_SCENARIOS?.split(',');
  // and, as people use it, the same users pausing about PAUSE_MS between two actions (BENCH_PAUSE_MS, default
  // 1,000 ms: still far busier than clerks, who read a scorecard and type a figure for tens of seconds)
  const plan: Array<[string, string, number, boolean, number]> = [
    ['base', 'before: computed per read, 1 process', 1, false, 0],
    ['kept1', 'kept, 1 process', 1, true, 0],
    ['kept2', 'kept, 2 processes', 2, true, 0],
    ['basePaced', `before, users pausing ~${PAUSE_MS} ms`, 1, false, PAUSE_MS],
    ['kept1Paced', `kept, 1 process, users pausing ~${PAUSE_MS} ms`, 1, true, PAUSE_MS],
  ];
  const outcomes: Outcome[] = [];
  for (const [key, label, processes, cache, pauseMs] of plan) if (!only || only.includes(key)) outcomes.push(await scenario(key, label, processes, cache, pauseMs));
  await check.end();
  /** accepted submissions missing from the store or from the audit trail */
  const lost = (o: Outcome) => o.accepted - Math.min(o.stored, o.audited);

  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const row = (what: string, aim: string, f: (o: Outcome) => string) => console.log(`| ${what} | ${aim} | ${outcomes.map(f).join(' | ')} |`);
  console.log(`sign-in of ${USERS} users: ${signInSeconds.toFixed(1)} s`);
  console.log(`load: ${USERS} concurrent users, ${SECONDS} s per scenario, PostgreSQL on loopback`);
  console.log(`| what | aim | ${outcomes.map((o) => o.label).join(' | ')} |`);
  console.log(`|---|---|${outcomes.map(() => '---|').join('')}`);
  row('throughput', '—', (o) => `${o.reqPerSecond.toFixed(0)} req/s`);
  row('scorecard reads p50', '—', (o) => `${ms(pct(o.reads, 50))} (${o.reads.length})`);
  row('scorecard reads p99', '≤ 100 ms', (o) => ms(pct(o.reads, 99)));
  row('figure submissions p50', '—', (o) => `${ms(pct(o.writes, 50))} (${o.writes.length})`);
  row('figure submissions p99', '—', (o) => ms(pct(o.writes, 99)));
  row('lost (accepted, not in store or audit trail)', '0', (o) => `${lost(o)} of ${o.accepted}`);
  row('reads with no figure left to submit', '—', (o) => String(o.readOnly));
  row('statuses', '—', (o) => [...o.status.entries()].map(([k, v]) => `${k}×${v}`).join(', '));
  console.log('(409: the same figure sent twice at once, refused whole)');
  for (const o of outcomes) if (o.stored !== o.accepted || o.audited !== o.accepted) process.exitCode = 1;

  // the figures for bench:all and the README, each beside the computed-per-read scenario of this run
  const figures: Figure[] = [];
  for (const o of outcomes.filter((x) => x.key !== 'base' && x.key !== 'basePaced')) {
    const before = outcomes.find((b) => b.key === (o.pauseMs > 0 ? 'basePaced' : 'base'));
    const note = `${USERS} users, ${SECONDS} s${o.pauseMs > 0 ? `, each pausing ${o.pauseMs / 2}–${(o.pauseMs * 3) / 2} ms between two actions` : ', no pause'}`;
    const who = `${o.processes === 1 ? '1 process' : `${o.processes} processes`}${o.pauseMs > 0 ? ', users pausing' : ''}`;
    const p99 = pct(o.reads, 99);
    figures.push(
      { what: `scorecard reads p99, ${who}`, aim: '≤ 100 ms', baseline: before ? fmt.ms(pct(before.reads, 99)) : '—', value: fmt.ms(p99), met: p99 <= 100, note },
      { what: `scorecard reads p50, ${who}`, aim: '—', baseline: before ? fmt.ms(pct(before.reads, 50)) : '—', value: `${fmt.ms(pct(o.reads, 50))} (${o.reads.length} reads)`, met: null },
      { what: `throughput, ${who}`, aim: '—', baseline: before ? `${before.reqPerSecond.toFixed(0)} req/s` : '—', value: `${o.reqPerSecond.toFixed(0)} req/s`, met: null },
      { what: `figure submissions p99, ${who}`, aim: '—', baseline: before ? fmt.ms(pct(before.writes, 99)) : '—', value: `${fmt.ms(pct(o.writes, 99))} (${o.writes.length} saved)`, met: null },
      { what: `lost, ${who}`, aim: '0', baseline: before ? `${lost(before)} of ${before.accepted}` : '—', value: `${lost(o)} of ${o.accepted}`, met: lost(o) === 0, note: 'accepted, not in the store or the audit trail' },
    );
  }
  reportFigures('load', `Scorecard under load (npm run bench:load): ${USERS} users reading and saving, ${SECONDS} s per scenario; baseline: assessments computed for every read, 1 process, same run`, figures);
} finally {
  await stopServers();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
