// The outside probe's scenario, as a user would run it: the real server (`ecociv serve`) on an embedded
// data directory, command lines on the same directory at the same time (users add, record, backup, and a
// second serve), HTTP writes going on, the server killed with SIGKILL mid-write and started again. After
// each restart every write that was answered 2xx (HTTP 201, or a command's exit code 0) must be there, with
// its audit record. Used by test/security/embedded.test.ts (2 cycles) and bench/soak-embedded.ts (20).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LOCK_FILE, ownerAlive, readLock } from '../../src/store/dirLock.ts';

const BIN = resolve(import.meta.dirname, '../../bin/ecociv.js');
export const PASSWORD = 'Ecociv-测试-2026!';
const PLAN = 'wushan-demo-county';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a process on the embedded store in dir/store (never a PostgreSQL server). */
function envFor(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ECOCIV_DATA_DIR: join(dir, 'store'), HOST: '127.0.0.1', ECOCIV_PASSWORD: PASSWORD };
  delete env.DATABASE_URL;
  delete env.PORT;
  return env;
}

/** `ecociv …` run in dir (relative file names are relative to it). */
export function cli(dir: string, ...args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: envFor(dir), maxBuffer: 32 << 20 }, (e, stdout, stderr) => {
      done({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export interface Server {
  proc: ChildProcess;
  base: string;
  output: () => string;
}

/** Start `ecociv serve` on a free port; resolves once it listens. */
export function startServer(dir: string, timeoutMs = 120_000): Promise<Server> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: dir, env: envFor(dir), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const seen = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ proc, base: `http://127.0.0.1:${m[1]}`, output: () => out });
      }
    };
    proc.stdout!.on('data', seen);
    proc.stderr!.on('data', seen);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${out}`));
    });
  });
}

export interface Session {
  base: string;
  headers: Record<string, string>;
}

export async function signIn(base: string): Promise<Session> {
  const r = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  const cookie = String(r.headers.get('set-cookie')).split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { base, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

async function getJson<T>(s: Session, url: string): Promise<T> {
  const r = await fetch(`${s.base}${url}`, { headers: s.headers });
  if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Accounts created over HTTP one after another until stopped; the names answered 201. */
async function writeLoop(s: Session, prefix: string, acked: string[], stop: { now: boolean }): Promise<void> {
  for (let n = 0; !stop.now; n++) {
    const username = `${prefix}-${n}`;
    let status: number;
    try {
      const r = await fetch(`${s.base}/api/users`, { method: 'POST', headers: s.headers, body: JSON.stringify({ username, displayName: username, password: PASSWORD, roles: [{ role: 'leader', region: '巫山县' }] }) });
      status = r.status;
      await r.text();
    } catch {
      return; // the server is gone: this write was never answered
    }
    if (status === 201) acked.push(username);
    else if (!stop.now) throw new Error(`POST /api/users ${username}: ${status}`);
  }
}

/** The rows of one table in a backup file, as objects by column name. */
function backupRows(file: string, table: string): Array<Record<string, string | null>> {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const header = JSON.parse(lines[0]!) as { tables: Array<{ name: string; columns: Array<{ name: string }> }> };
  const columns = header.tables.find((t) => t.name === table)!.columns.map((c) => c.name);
  const at = lines.findIndex((l) => l.startsWith(`{"table":${JSON.stringify(table)}`));
  const n = (JSON.parse(lines[at]!) as { rows: number }).rows;
  return lines.slice(at + 1, at + 1 + n).map((l) => Object.fromEntries((JSON.parse(l) as Array<string | null>).map((v, i) => [columns[i]!, v])));
}

export interface ScenarioState {
  dir: string;
  /** every account whose creation was answered 2xx (HTTP 201 or exit code 0) */
  accounts: string[];
  /** the years whose observations a `record` that exited 0 saved */
  recordedYears: number[];
  cycle: number;
  server?: Server;
}

/** A fresh store in dir with its first administrator, the server running. */
export async function beginScenario(dir: string): Promise<ScenarioState> {
  const server = await startServer(dir);
  const r = await fetch(`${server.base}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', displayName: '管理员', password: PASSWORD }) });
  if (r.status !== 201) throw new Error(`setup: ${r.status} ${await r.text()}`);
  return { dir, accounts: ['admin'], recordedYears: [], cycle: 0, server };
}

const check = (ok: boolean, what: string) => {
  if (!ok) throw new Error(what);
};

/**
 * One cycle: HTTP writes and command lines at once (with refusals: a second serve, and a restore from the
 * previous cycle's backup, both refused), SIGKILL mid-write, a restart
 * that takes over the dead server's lock, and the proof that every acknowledged write is there.
 */
export async function killCycle(st: ScenarioState, o: { refusals?: boolean } = {}): Promise<void> {
  const i = st.cycle++;
  const server = st.server!;
  const s = await signIn(server.base);
  const stop = { now: false };
  const http: string[] = [];
  const loops = [writeLoop(s, `h${i}a`, http, stop), writeLoop(s, `h${i}b`, http, stop)];
  const year = 2030 + i;
  writeFileSync(
    join(st.dir, `obs-${i}.yaml`),
    `observations:\n  - { plan: ${PLAN}, framework: national-demo-county, number: "36", year: ${year}, printed: "60" }\n  - { plan: ${PLAN}, framework: national-demo-county, number: "31", year: ${year}, printed: "95" }\n`,
  );
  const [add, record, backup, second, restore] = await Promise.all([
    cli(st.dir, 'users', 'add', `c${i}`, '--name', `命令行${i}`, '--role', 'reviewer', '--region', '巫山县'),
    cli(st.dir, 'record', `obs-${i}.yaml`),
    cli(st.dir, 'backup', `backup-${i}.ndjson.gz`),
    o.refusals ? cli(st.dir, 'serve', '--port', '0') : Promise.resolve(null),
    o.refusals && i > 0 ? cli(st.dir, 'restore', `backup-${i - 1}.ndjson.gz`) : Promise.resolve(null),
  ]);
  check(add.code === 0 && add.stdout.includes(`已新建账号 c${i}`), `users add c${i} while the server runs: ${JSON.stringify(add)}`);
  st.accounts.push(`c${i}`);
  check(record.code === 0 && record.stdout.includes('已保存 2 条现状值'), `record while the server runs: ${JSON.stringify(record)}`);
  st.recordedYears.push(year);
  check(backup.code === 0, `backup while the server runs: ${JSON.stringify(backup)}`);
  if (second) check(second.code === 1 && second.stderr.includes('已有 ecociv 服务在使用数据目录') && !second.stdout.includes('已启动'), `a second serve: ${JSON.stringify(second)}`);
  // (the store being unchanged by these refusals is proved by verify() after the restart)
  if (restore) check(restore.code === 1 && restore.stderr.includes('正由运行中的 ecociv 服务使用') && restore.stderr.includes('未做任何改动'), `restore into the running server's directory: ${JSON.stringify(restore)}`);

  // the backup is where the user asked (relative to the directory the command ran in) and one moment:
  // every account in it has its audit record in it
  const file = join(st.dir, `backup-${i}.ndjson.gz`);
  check(existsSync(file), `backup file ${file} missing`);
  const users = backupRows(file, 'users').map((u) => u.username);
  const audited = new Set(backupRows(file, 'audit_log').filter((a) => a.action === 'user.create').map((a) => (JSON.parse(a.after!) as { username: string }).username));
  check(users.length > 0 && users.every((u) => audited.has(u!)), `backup ${i} is not one moment: accounts ${users.length}, audited ${audited.size}`);

  // a command line starting as the server is killed: handed to the server (and answered, or cut off), or,
  // started after the kill, run here after taking over the dead server's lock; counted only if it said done
  const late = cli(st.dir, 'users', 'add', `k${i}`, '--role', 'leader', '--region', '巫山县');
  await new Promise((r) => setTimeout(r, 1000 + Math.floor(Math.random() * 3000)));
  const pid = server.proc.pid!;
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGKILL');
  const stale = readLock(join(st.dir, 'store')); // read at once: a later command may take it over
  stop.now = true;
  await exited;
  await Promise.all(loops);
  const lateResult = await late;
  if (lateResult.code === 0) st.accounts.push(`k${i}`);
  st.accounts.push(...http);
  check(http.length > 0, 'no HTTP write was answered before the kill');
  // the dead server's lock was left behind; it blocks nobody (the restart below takes it over)
  check(stale !== null && stale.pid === pid && !ownerAlive(stale), `the killed server's lock: ${JSON.stringify(stale)}`);
  st.server = await startServer(st.dir);
  await verify(st);
}

/** Every acknowledged account with its audit record, every recorded year's figures, after a restart. */
export async function verify(st: ScenarioState): Promise<void> {
  const s = await signIn(st.server!.base);
  const users = new Set((await getJson<Array<{ username: string }>>(s, '/api/users')).map((u) => u.username));
  const lostUsers = st.accounts.filter((a) => !users.has(a));
  check(lostUsers.length === 0, `accounts answered 2xx but gone after the restart: ${lostUsers.join(', ')}`);
  const audit = await getJson<Array<{ after: { username?: string } }>>(s, '/api/audit?action=user.create&limit=5000');
  const audited = new Set(audit.map((a) => a.after?.username));
  const lostAudit = st.accounts.filter((a) => a !== 'admin' && !audited.has(a));
  check(lostAudit.length === 0, `audit records gone after the restart: ${lostAudit.join(', ')}`);
  const obs = await getJson<Array<{ entityId: string }>>(s, `/api/audit?action=observation.record&limit=5000`);
  for (const y of st.recordedYears) check(obs.filter((a) => a.entityId.endsWith(`:${y}`)).length === 2, `the figures recorded for ${y} are gone after the restart`);
}

/** Stop the server as an operator does (SIGTERM): it closes the store and removes its lock. */
export async function endScenario(st: ScenarioState): Promise<void> {
  const p = st.server?.proc;
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await exited;
  check(!existsSync(join(st.dir, 'store', LOCK_FILE)), 'the lock file is left behind after a clean stop');
}
