// One process owns an embedded data directory (issue #10): the real server and command lines at once on one
// directory, the server killed mid-write and restarted, nothing answered 2xx lost; a second serve and a
// command beside another command refused; a dead owner's lock blocks nobody; the command-line route of the
// server refuses everyone but this machine's command line, on both engines, leaving the store unchanged.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { buildServer } from '../../src/server/app.ts';
import { acquireDirLock, DataDirBusyError, LOCK_FILE, processStart, readLock } from '../../src/store/dirLock.ts';
import { createUser } from '../../src/store/users.ts';
import { signedIn, type Inject } from '../helpers/api.ts';
import { beginScenario, cli, endScenario, killCycle, PASSWORD, type ScenarioState } from '../helpers/embeddedScenario.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `ecociv-${name}-`));

describe('the real server and the command line on one embedded directory', () => {
  let st: ScenarioState | undefined;
  let dir: string;
  beforeAll(() => {
    dir = temp('embedded');
  });
  afterAll(async () => {
    if (st) await endScenario(st).catch(() => st?.server?.proc.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('commands go through the running server; after SIGKILL mid-write and a restart every write answered 2xx is there', async () => {
    st = await beginScenario(dir);
    const lock = join(dir, 'store', LOCK_FILE);
    expect(statSync(lock).mode & 0o777).toBe(0o600);
    const held = readLock(join(dir, 'store'))!;
    expect(held).toMatchObject({ pid: st.server!.proc.pid, role: 'serve', port: Number(new URL(st.server!.base).port) });
    expect(held.token).toMatch(/^[0-9a-f]{64}$/);
    await killCycle(st);
    await killCycle(st, { refusals: true });
    expect(st.accounts.length).toBeGreaterThan(6);
    await endScenario(st);
    st = undefined;
    expect(existsSync(lock)).toBe(false);
  }, 240_000);
});

describe('a directory a live process holds', () => {
  let dir: string;
  beforeAll(() => {
    dir = temp('held');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a command beside another long command is refused in Chinese and the directory is not touched', async () => {
    const store = join(dir, 'store');
    const lock = acquireDirLock(store, { role: 'cli', command: 'backup 备份.ndjson.gz' });
    try {
      const r = await cli(dir, 'users', 'add', 'x', '--role', 'admin');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`数据目录 ${store} 正由另一条 ecociv 命令使用（进程号 ${process.pid}：backup 备份.ndjson.gz`);
      expect(r.stderr).toContain('请等它结束后再试');
      expect(r.stderr).not.toMatch(/Error|at .*\.ts/);
      expect(readdirSync(store)).toEqual([LOCK_FILE]); // no store was created under the holder
      expect(readLock(store)?.token).toBe(lock.info.token);
    } finally {
      lock.release();
    }
    expect(existsSync(join(store, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('a second holder in the same process is refused too; a dead or reused pid is taken over', () => {
    const store = join(dir, 'in-process');
    const first = acquireDirLock(store, { role: 'serve', command: 'serve' });
    first.setPort(3999);
    expect(() => acquireDirLock(store, { role: 'serve', command: 'serve' })).toThrow(DataDirBusyError);
    expect(() => acquireDirLock(store, { role: 'serve', command: 'serve' })).toThrow(`已有 ecociv 服务在使用数据目录 ${store}（进程号 ${process.pid}，端口 3999）`);
    expect(() => acquireDirLock(store, { role: 'cli', command: 'restore a.gz' })).toThrow('不能恢复到这里');
    expect(readLock(store)).toEqual(first.info);
    first.release();

    // a process that has exited (its pid may be anyone's later)
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(child.stdout);
    writeFileSync(join(store, LOCK_FILE), JSON.stringify({ pid: deadPid, start: '1', token: 'a'.repeat(64), port: 4000, role: 'serve', command: 'serve', since: '2026-01-01T00:00:00Z' }), { mode: 0o600 });
    const second = acquireDirLock(store, { role: 'cli', command: 'plans' });
    expect(readLock(store)?.pid).toBe(process.pid);
    second.release();

    // our own pid with another start time: a reused pid is not the owner
    writeFileSync(join(store, LOCK_FILE), JSON.stringify({ pid: process.pid, start: String(Number(processStart(process.pid)) - 1), token: 'b'.repeat(64), port: null, role: 'cli', command: 'backup', since: '' }), { mode: 0o600 });
    const third = acquireDirLock(store, { role: 'cli', command: 'plans' });
    expect(readLock(store)?.token).toBe(third.info.token);
    third.release();

    // a lock file cut short by a kill, old enough: nobody owns it
    writeFileSync(join(store, LOCK_FILE), '{"pid":');
    const past = new Date(Date.now() - 60_000);
    spawnSync('touch', ['-d', past.toISOString(), join(store, LOCK_FILE)]);
    const fourth = acquireDirLock(store, { role: 'cli', command: 'plans' });
    expect(JSON.parse(readFileSync(join(store, LOCK_FILE), 'utf8')).token).toBe(fourth.info.token);
    fourth.release();
  });
});

const TOKEN = 'c'.repeat(64);

describe.each(ENGINES)('the command-line route refuses everyone but this machine’s command line (%s)', (engine) => {
  let store: TestStore;
  let app: ReturnType<typeof buildServer>;
  let bare: ReturnType<typeof buildServer>;
  let admin: Inject;
  const counts = async () => {
    const r = await store.db.query<{ users: string | number; audit: string | number }>('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM audit_log) AS audit');
    return { users: Number(r.rows[0]!.users), audit: Number(r.rows[0]!.audit) };
  };
  const run = (argv: string[], headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/api/cli/run', headers: { 'x-ecociv-cli-token': TOKEN, ...headers }, payload: { argv, cwd: tmpdir(), password: PASSWORD }, ...extra });
  const lines = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l) as { out?: string; err?: string; exit?: number });

  beforeAll(async () => {
    store = await openTestStore(engine);
    await createUser(store.db, { username: 'admin', displayName: '管理员', password: PASSWORD, roles: [{ role: 'admin', region: null, unit: null }] }, SYSTEM_ACTOR);
    app = buildServer(store.db, { auth: { failureDelayMs: 0, cliToken: TOKEN } });
    bare = buildServer(store.db, { auth: { failureDelayMs: 0 } });
    await app.ready();
    await bare.ready();
    admin = await signedIn(app.inject.bind(app) as Inject, 'admin');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await store?.close();
  });

  it('no token, a wrong token, a foreign address, a browser origin, a browser session of any role, a server without a lock: refused, nothing saved', async () => {
    const before = await counts();
    const add = ['users', 'add', 'probe', '--role', 'admin'];
    const probes = [
      await app.inject({ method: 'POST', url: '/api/cli/run', payload: { argv: add, cwd: tmpdir(), password: PASSWORD } }),
      await run(add, { 'x-ecociv-cli-token': 'd'.repeat(64) }),
      await run(add, { 'x-ecociv-cli-token': TOKEN.slice(1) }),
      await run(add, {}, { remoteAddress: '192.168.1.20' }),
      await run(add, {}, { remoteAddress: '::ffff:10.0.0.3' }),
      await run(add, { origin: 'http://127.0.0.1:3000' }),
      await admin({ method: 'POST', url: '/api/cli/run', payload: { argv: add, cwd: tmpdir(), password: PASSWORD } }),
      await bare.inject({ method: 'POST', url: '/api/cli/run', headers: { 'x-ecociv-cli-token': TOKEN }, payload: { argv: add, cwd: tmpdir(), password: PASSWORD } }),
    ];
    for (const r of probes) {
      expect(r.statusCode).toBe(403);
      expect(r.json().error.message).toBe('只有本机上的 ecociv 命令行可以这样调用服务。');
    }
    expect(await counts()).toEqual(before);
  });

  it('a malformed request, restore and a second serve are refused in Chinese, nothing saved', async () => {
    const before = await counts();
    const bad = await app.inject({ method: 'POST', url: '/api/cli/run', headers: { 'x-ecociv-cli-token': TOKEN }, payload: { argv: 'users add x', cwd: 'relative' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('命令行请求有误');
    for (const argv of [['restore', 'backup.ndjson.gz'], ['serve']]) {
      const r = lines((await run(argv)).body);
      expect(r.at(-1)).toEqual({ exit: 1 });
      expect(r.map((l) => l.err ?? '').join('')).toMatch(argv[0] === 'restore' ? /不能恢复到这里.*未做任何改动/ : /同一个数据目录只能由一个服务使用/);
    }
    expect(await counts()).toEqual(before);
  });

  it('this machine’s command line runs the command in the server: output, exit code, the account saved', async () => {
    const before = await counts();
    const r = await run(['users', 'add', 'via-cli', '--name', '本机', '--role', 'leader', '--region', '巫山县']);
    expect(r.statusCode).toBe(200);
    const out = lines(r.body);
    expect(out.at(-1)).toEqual({ exit: 0 });
    expect(out.find((l) => l.out)?.out).toMatch(/^已新建账号 via-cli（编号 \d+）。$/);
    expect(await counts()).toEqual({ users: before.users + 1, audit: before.audit + 1 });
    const refused = lines((await run(['users', 'add', 'via-cli', '--role', 'leader', '--region', '巫山县'])).body);
    expect(refused.at(-1)).toEqual({ exit: 1 });
    expect(await counts()).toEqual({ users: before.users + 1, audit: before.audit + 1 });
  });

  it('files a command writes land in the directory the user ran it in', async () => {
    const cwd = temp('cwd');
    try {
      const at = (argv: string[]) => app.inject({ method: 'POST', url: '/api/cli/run', headers: { 'x-ecociv-cli-token': TOKEN }, payload: { argv, cwd } });
      const exported = lines((await at(['export', 'projects', 'wushan-demo-county', '--out', '项目.xlsx'])).body);
      expect(exported.at(-1)).toEqual({ exit: 0 });
      const report = lines((await at(['report', 'wushan-demo-county', '--year', '2021', '--kind', 'application', '--out', '报告/申报表.xlsx'])).body);
      expect(report.at(-1)).toEqual({ exit: 0 });
      expect(statSync(join(cwd, '项目.xlsx')).size).toBeGreaterThan(1000);
      expect(statSync(join(cwd, '报告', '申报表.xlsx')).size).toBeGreaterThan(1000);
      expect(existsSync('项目.xlsx') || existsSync('报告')).toBe(false); // not in the server's own directory
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});
