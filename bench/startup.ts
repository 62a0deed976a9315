// npm run bench:startup [-- runs]: how long `ecociv plans` takes and how much memory it holds, on PostgreSQL and on
// an embedded (PGlite) store, and how soon the embedded server answers and what it holds when idle — each beside
// its aim and, in the same run, the same work done by
//   before  the code this work started from (BENCH_BASE, default the commit before the compiled CLI), taken out
//           of git into a temporary directory and run as it was run then: the sources through tsx;
//   tsx     today's sources through tsx (`node --import tsx src/cli/main.ts`, what bin/ecociv.js falls back to);
//   dist    `node bin/ecociv.js` running the compiled dist/ (npm install / npm start build it).
// Each figure is the median of the runs (default 3) after one warm-up; memory is the peak RSS of the process
// (/usr/bin/time), the server's is its RSS after answering and 3 s idle. Not a test: nothing here fails.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { TEST_DATABASE_URL } from '../test/helpers/stores.ts';
import { reportFigures, type Figure } from './figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 3);
const BASE = process.env.BENCH_BASE ?? '9cd3d7867aa073ee7b1666fd11adab0202e25827';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], { stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'ecociv-startup-'));
// the baseline: its src/, bin/ and package.json from git; node_modules, data and web/dist shared with this checkout
const before = join(work, 'before');
mkdirSync(before);
execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${BASE} src bin package.json | tar -x -C "${before}"`]);
for (const d of ['node_modules', 'data', 'web']) symlinkSync(join(ROOT, d), join(before, d));

interface Way {
  name: string;
  cwd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}
const WAYS: Way[] = [
  { name: 'before', cwd: before, args: ['--import', 'tsx', 'src/cli/main.ts'] },
  { name: 'tsx', cwd: ROOT, args: ['--import', 'tsx', 'src/cli/main.ts'] },
  { name: 'dist', cwd: ROOT, args: ['bin/ecociv.js'] },
];

const schema = `ecociv_bench_startup_${process.pid}`;
const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const sep = TEST_DATABASE_URL.includes('?') ? '&' : '?';
const STORES: Record<'postgres' | 'pglite', NodeJS.ProcessEnv> = {
  postgres: { DATABASE_URL: `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
  pglite: { ECOCIV_DATA_DIR: join(work, 'store') },
};

function envOf(store: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...store };
  if (!store.DATABASE_URL) delete env.DATABASE_URL;
  delete env.ECOCIV_FROM_SOURCE;
  return env;
}

/** One `ecociv plans`: wall seconds and peak RSS in MB (null without /usr/bin/time). */
function plans(way: Way, store: NodeJS.ProcessEnv): { s: number; mb: number | null } {
  const argv = [process.execPath, ...way.args, 'plans', '--format', 'json'];
  const t0 = performance.now();
  const r = TIME ? spawnSync(TIME, ['-f', 'maxrss=%M', ...argv], { cwd: way.cwd, env: envOf(store), encoding: 'utf8' }) : spawnSync(argv[0]!, argv.slice(1), { cwd: way.cwd, env: envOf(store), encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${way.name} plans failed (${r.status}): ${r.stderr}`);
  if ((JSON.parse(r.stdout) as unknown[]).length === 0) throw new Error(`${way.name} plans listed no plan`);
  const m = /maxrss=(\d+)/.exec(r.stderr ?? '');
  return { s, mb: m ? Number(m[1]) / 1024 : null };
}

/** The embedded server: seconds until it answers /api/session (a query of the store), and its RSS (MB) after that and 3 s idle. */
async function serve(way: Way): Promise<{ s: number; mb: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...way.args, 'serve', '--port', '0'], { cwd: way.cwd, env: envOf(STORES.pglite), stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      proc.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/[^\s]+)/.exec(out);
        if (m) done(m[1]!);
      });
      proc.on('exit', (code) => fail(new Error(`${way.name} serve exited (${code})`)));
      setTimeout(() => fail(new Error(`${way.name} serve: no address in 60 s`)), 60_000);
    });
    const res = await fetch(new URL('api/session', url));
    if (!res.ok) throw new Error(`${way.name} serve: /api/session answered ${res.status}`);
    await res.arrayBuffer();
    const s = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 3000));
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
    return { s, mb: Number(rss![1]) / 1024 };
  } finally {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
type Figures = Record<string, { s: number; mb: number | null }>;

async function measure<T extends { s: number; mb: number | null }>(run: (w: Way) => T | Promise<T>): Promise<Figures> {
  const out: Figures = {};
  for (const w of WAYS) await run(w); // warm-up (and, the first time, the store's migrations and built-in data)
  const runs: Record<string, T[]> = Object.fromEntries(WAYS.map((w) => [w.name, []]));
  // interleaved, so that a busy moment of the shared machine falls on every way alike
  for (let i = 0; i < RUNS; i++) for (const w of WAYS) runs[w.name]!.push(await run(w));
  for (const w of WAYS) {
    const rs = runs[w.name]!;
    const mbs = rs.map((r) => r.mb).filter((m): m is number => m !== null);
    out[w.name] = { s: median(rs.map((r) => r.s)), mb: mbs.length ? median(mbs) : null };
  }
  return out;
}

const rows: string[][] = [];
const figures: Figure[] = [];
const fmtS = (s: number) => `${s.toFixed(2)} s`;
const fmtMb = (mb: number | null) => (mb === null ? '—' : `${Math.round(mb)} MB`);
const verdict = (x: number, aim: number) => (x <= aim ? 'met' : '**not met**');
try {
  for (const [store, aim, label] of [
    ['postgres', 0.5, '`ecociv plans`, PostgreSQL'],
    ['pglite', 1.5, '`ecociv plans`, embedded store'],
  ] as const) {
    const f = await measure((w) => plans(w, STORES[store]));
    rows.push([label, `≤ ${aim} s`, `${fmtS(f.before!.s)}, ${fmtMb(f.before!.mb)}`, `${fmtS(f.tsx!.s)}, ${fmtMb(f.tsx!.mb)}`, `${fmtS(f.dist!.s)}, ${fmtMb(f.dist!.mb)}`, verdict(f.dist!.s, aim)]);
    figures.push({ what: label, aim: `≤ ${aim} s`, baseline: `${fmtS(f.before!.s)}, ${fmtMb(f.before!.mb)}`, value: `${fmtS(f.dist!.s)}, ${fmtMb(f.dist!.mb)}`, met: f.dist!.s <= aim });
  }
  const f = await measure(serve);
  rows.push(['embedded server ready (answers /api/session)', '≤ 3 s', fmtS(f.before!.s), fmtS(f.tsx!.s), fmtS(f.dist!.s), verdict(f.dist!.s, 3)]);
  rows.push(['embedded server idle RSS', '≤ 300 MB', fmtMb(f.before!.mb), fmtMb(f.tsx!.mb), fmtMb(f.dist!.mb), verdict(f.dist!.mb!, 300)]);
  figures.push({ what: 'embedded server ready (answers /api/session)', aim: '≤ 3 s', baseline: fmtS(f.before!.s), value: fmtS(f.dist!.s), met: f.dist!.s <= 3 });
  figures.push({ what: 'embedded server idle RSS', aim: '≤ 300 MB', baseline: fmtMb(f.before!.mb), value: fmtMb(f.dist!.mb), met: f.dist!.mb! <= 300 });
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}

const header = ['what', 'aim', `before (${BASE.slice(0, 7)}, tsx)`, 'today, tsx', 'today, dist/', 'aim met?'];
console.log(`\nstartup, median of ${RUNS} runs (time, peak RSS), Node ${process.version}:\n`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
reportFigures('startup', `Start-up: the command line and the embedded server (median of ${RUNS} runs; baseline: ${BASE.slice(0, 7)} run through tsx)`, figures);
