// Load benchmark (not a test): 200 concurrent signed-in users reading scorecards and submitting figures
// against the PostgreSQL server, the server in its own process on loopback. Reports throughput and
// p50/p99 latency, and checks that nothing was lost: every accepted submission is in the store and in
// the audit trail. Run: npm run bench:load  (BENCH_USERS=200 BENCH_SECONDS=30 BENCH_DATABASE_URL=…)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/auth/roles.ts';
import { openStore } from '../src/store/index.ts';
import { createUser } from '../src/store/users.ts';

const USERS = Number(process.env.BENCH_USERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
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
let server: ReturnType<typeof spawn> | undefined;
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

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [resolve(import.meta.dirname, '../bin/ecociv.js'), 'serve'], { env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not yet listening */
    }
    if (i > 300) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  // sign everyone in (scrypt on the server: this is the slow part of a morning rush)
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
  const pools = new Map<string, Array<{ framework: string; number: string; part: string | null; year: number }>>();
  const taken = new Set<string>(); // an indicator led by two units is given to the first only
  for (const u of units.filter((x) => names.some((n) => n.unit === x))) {
    const s = sessions.get(names.find((n) => n.unit === u)!.username)!;
    const form = (await (await fetch(`${base}/api/plans/${PLAN}/entry?unit=${encodeURIComponent(u)}&year=2021`, { headers: { cookie: s.cookie } })).json()) as { rows: Array<{ framework: string; number: string; part: string | null; unit: string | null }> };
    const leaves = form.rows.filter((r) => (r.unit === '%' || r.unit === '％') && !taken.has(`${r.framework}|${r.number}|${r.part ?? ''}`));
    for (const l of leaves) taken.add(`${l.framework}|${l.number}|${l.part ?? ''}`);
    const pool: Array<{ framework: string; number: string; part: string | null; year: number }> = [];
    for (let year = 2200; year >= 2030; year--) for (const l of leaves) pool.push({ framework: l.framework, number: l.number, part: l.part, year });
    pools.set(u, pool);
  }

  const lat = { read: [] as number[], write: [] as number[] };
  const status = new Map<string, number>();
  const accepted: Array<{ number: string; part: string | null; year: number; framework: string }> = [];
  const deadline = performance.now() + SECONDS * 1000;
  const t2 = performance.now();
  await Promise.all(
    names.map(async (n) => {
      const s = sessions.get(n.username)!;
      while (performance.now() < deadline) {
        let t = performance.now();
        const r = await fetch(`${base}/api/plans/${PLAN}/assessment?year=2021`, { headers: { cookie: s.cookie } });
        await r.arrayBuffer();
        lat.read.push(performance.now() - t);
        status.set(`GET ${r.status}`, (status.get(`GET ${r.status}`) ?? 0) + 1);
        const slot = pools.get(n.unit)!.pop();
        if (!slot) continue;
        t = performance.now();
        const w = await fetch(`${base}/api/observations`, {
          method: 'POST',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ observations: [{ plan: PLAN, framework: slot.framework, number: slot.number, ...(slot.part ? { part: slot.part } : {}), year: slot.year, printed: '50', reportingUnit: n.unit }] }),
        });
        await w.arrayBuffer();
        lat.write.push(performance.now() - t);
        status.set(`POST ${w.status}`, (status.get(`POST ${w.status}`) ?? 0) + 1);
        if (w.status === 201) accepted.push(slot);
      }
    }),
  );
  const seconds = (performance.now() - t2) / 1000;

  // nothing lost: every accepted figure is stored, and has its audit record
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const stored = await check.query<{ n: string }>(`SELECT count(*) AS n FROM observations WHERE origin = 'entry' AND year >= 2030`);
  const audited = await check.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'observation.record' AND (after->>'year')::int >= 2030`);
  await check.end();
  const total = lat.read.length + lat.write.length;
  console.log(`sign-in of ${USERS} users: ${signInSeconds.toFixed(1)} s`);
  console.log(`load: ${USERS} concurrent users for ${seconds.toFixed(1)} s — ${total} requests, ${(total / seconds).toFixed(0)} req/s`);
  console.log(`  scorecard reads:     ${lat.read.length}, p50 ${pct(lat.read, 50).toFixed(0)} ms, p99 ${pct(lat.read, 99).toFixed(0)} ms`);
  console.log(`  figure submissions:  ${lat.write.length}, p50 ${pct(lat.write, 50).toFixed(0)} ms, p99 ${pct(lat.write, 99).toFixed(0)} ms`);
  console.log(`  statuses (409: the same figure sent twice at once, refused whole): ${[...status.entries()].map(([k, v]) => `${k}×${v}`).join(', ')}`);
  console.log(`  accepted ${accepted.length}; in the store ${stored.rows[0]!.n}; in the audit trail ${audited.rows[0]!.n}; lost ${accepted.length - Math.min(Number(stored.rows[0]!.n), Number(audited.rows[0]!.n))}`);
  if (Number(stored.rows[0]!.n) !== accepted.length || Number(audited.rows[0]!.n) !== accepted.length) process.exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
