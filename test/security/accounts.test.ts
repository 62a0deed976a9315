// Accounts and sign-in against an outside probe, on both engines: a district's administrator stays in its
// district; parallel guesses do not get past the lockout; a name that exists cannot be told from one that
// does not; weak passwords and look-alike names are refused. Every refusal leaves the store as it was.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../src/auth/roles.ts';
import { buildServer } from '../../src/server/app.ts';
import type { Db } from '../../src/store/db.ts';
import { AccountScopeError, createUser, listUsers, updateUser, addressLimit } from '../../src/store/users.ts';
import { signedIn, TEST_PASSWORD, type Inject } from '../helpers/api.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const OTHER_PASSWORD = 'Qingshan-lvshui-2030';
// the failures one address may make before it waits (30 by default; fewer here to keep the test quick)
process.env.ECOCIV_SIGNIN_ADDRESS_LIMIT = '12';

/** Every account, its roles, its password hash and its sessions: what a refusal must leave as it was. */
async function accounts(db: Db): Promise<string> {
  const q = async (sql: string) => (await db.query(sql)).rows;
  return JSON.stringify({
    users: await q('SELECT id, username, display_name, disabled, password_hash FROM users ORDER BY id'),
    roles: await q('SELECT user_id, role, region_id, unit_name FROM user_roles ORDER BY id'),
    sessions: await q('SELECT user_id, count(*)::int AS n FROM sessions GROUP BY user_id ORDER BY user_id'),
  });
}

const message = (r: { json(): { error?: { message?: string; problems?: Array<{ message: string }> } } }) => {
  const e = r.json().error;
  return e?.problems?.[0]?.message ?? e?.message ?? '';
};

describe.each(ENGINES)('accounts and sign-in (%s)', (engine) => {
  let store: TestStore;
  let app: FastifyInstance;
  let raw: Inject;
  let admin: Inject;
  let qjAdmin: Inject;
  const id = new Map<string, number>();
  /** a sign-in attempt from an address */
  const attempt = (username: string, password: string, from = '127.0.0.1') => raw({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress: from });
  const add = async (username: string, roles: Array<{ role: string; region?: string; unit?: string }>) => {
    const r = await admin({ method: 'POST', url: '/api/users', payload: { username, displayName: username, password: TEST_PASSWORD, roles } });
    expect(r.statusCode, r.body).toBe(201);
    id.set(username, r.json().id);
  };

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = buildServer(store.db, { auth: { failureDelayMs: 0 } });
    await app.ready();
    raw = app.inject.bind(app) as Inject;
    // the set-up form holds the first administrator to the same password rule
    const weak = await raw({ method: 'POST', url: '/api/setup', payload: { username: 'admin', displayName: '系统管理员', password: 'password123' } });
    expect(weak.statusCode).toBe(422);
    expect(message(weak)).toContain('常见密码');
    expect((await raw({ method: 'POST', url: '/api/setup', payload: { username: 'admin', displayName: '系统管理员', password: TEST_PASSWORD } })).statusCode).toBe(201);
    admin = await signedIn(raw, 'admin');
    id.set('admin', 1);
    await add('qj-admin', [{ role: 'admin', region: '黔江区' }]);
    await add('qj-leader', [{ role: 'leader', region: '黔江区' }]);
    await add('ws-leader', [{ role: 'leader', region: '巫山县' }]);
    await add('cq-leader', [{ role: 'leader', region: '重庆市' }]);
    await add('both', [
      { role: 'reviewer', region: '黔江区' },
      { role: 'reviewer', region: '巫山县' },
    ]);
    qjAdmin = await signedIn(raw, 'qj-admin');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('a district administrator lists only the accounts of its district', async () => {
    const r = await qjAdmin({ method: 'GET', url: '/api/users' });
    expect(r.statusCode).toBe(200);
    expect(r.json().map((u: { username: string }) => u.username)).toEqual(['qj-admin', 'qj-leader']);
    // the system administrator sees every account
    expect((await admin({ method: 'GET', url: '/api/users' })).json()).toHaveLength(6);
  });

  it('a district administrator cannot create a global administrator or an account outside its district', async () => {
    const before = await accounts(store.db);
    const tries: Array<[Array<{ role: string; region?: string }>, string]> = [
      [[{ role: 'admin' }], '系统管理员（全部地区）'],
      [[{ role: 'admin', region: '重庆市' }], '系统管理员（重庆市）'],
      [[{ role: 'leader', region: '巫山县' }], '领导（巫山县）'],
      [[{ role: 'leader', region: '黔江区' }, { role: 'planOffice', region: '巫山县' }], '规划管理员（巫山县）'],
    ];
    for (const [roles, grant] of tries) {
      const r = await qjAdmin({ method: 'POST', url: '/api/users', payload: { username: 'takeover', displayName: '接管', password: OTHER_PASSWORD, roles } });
      expect(r.statusCode, grant).toBe(403);
      expect(message(r)).toBe(`无权授予“${grant}”：您只能授予黔江区及其下辖地区内的角色。`);
    }
    expect(await accounts(store.db)).toBe(before);
  });

  it('a district administrator cannot disable, reset, rename or re-role an account outside its district, nor widen one inside', async () => {
    const before = await accounts(store.db);
    const outside = '无权管理该账号：它的角色涉及您管辖范围（黔江区）以外的地区。';
    const tries: Array<[string, Record<string, unknown>, string]> = [
      ['admin', { disabled: true }, outside],
      ['admin', { password: 'Another-strong-pass-77' }, outside],
      ['ws-leader', { displayName: '改名' }, outside],
      ['cq-leader', { disabled: true }, outside],
      ['both', { roles: [{ role: 'reviewer', region: '黔江区' }] }, outside], // one of its roles is outside
      ['qj-leader', { roles: [{ role: 'admin' }] }, '无权授予“系统管理员（全部地区）”：您只能授予黔江区及其下辖地区内的角色。'],
      ['qj-leader', { roles: [{ role: 'leader', region: '巫山县' }] }, '无权授予“领导（巫山县）”：您只能授予黔江区及其下辖地区内的角色。'],
    ];
    for (const [who, body, text] of tries) {
      const r = await qjAdmin({ method: 'PUT', url: `/api/users/${id.get(who)}`, payload: body });
      expect(r.statusCode, `${who} ${JSON.stringify(body)}`).toBe(403);
      expect(message(r)).toBe(text);
    }
    expect(await accounts(store.db)).toBe(before);
    // the system administrator is still signed in and enabled
    expect((await admin({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });

  it('the store refuses the same on its own, and the command line (a trusted local actor) still manages every account', async () => {
    const qj = (await listUsers(store.db, cliActor())).find((u) => u.username === 'qj-admin')!;
    const actor: Actor = { userId: qj.id, name: 'qj-admin', ip: '127.0.0.1', user: qj };
    const before = await accounts(store.db);
    expect((await listUsers(store.db, actor)).map((u) => u.username)).toEqual(['qj-admin', 'qj-leader']);
    await expect(createUser(store.db, { username: 'takeover', displayName: 'x', password: OTHER_PASSWORD, roles: [{ role: 'admin' }] }, actor)).rejects.toThrow(AccountScopeError);
    await expect(updateUser(store.db, 1, { disabled: true }, actor)).rejects.toThrow(AccountScopeError);
    await expect(updateUser(store.db, id.get('qj-leader')!, { roles: [{ role: 'leader', region: '重庆市' }] }, actor)).rejects.toThrow(AccountScopeError);
    expect(await accounts(store.db)).toBe(before);
    // inside its district it works
    await updateUser(store.db, id.get('qj-leader')!, { displayName: '黔江领导' }, actor);
    const r = await qjAdmin({ method: 'POST', url: '/api/users', payload: { username: 'qj-reviewer', displayName: '黔江审核员', password: OTHER_PASSWORD, roles: [{ role: 'reviewer', region: '黔江区' }] } });
    expect(r.statusCode).toBe(201);
    // the command line
    const cli = await createUser(store.db, { username: 'ws-office', displayName: '巫山规划办', password: OTHER_PASSWORD, roles: [{ role: 'planOffice', region: '巫山县' }] }, cliActor());
    await updateUser(store.db, cli.id, { disabled: true }, cliActor());
    expect((await listUsers(store.db, cliActor())).find((u) => u.username === 'ws-office')?.disabled).toBe(true);
  });

  it('200 guesses in 5 rounds of 40 in parallel, the right password last, from 200 addresses: not signed in, locked', async () => {
    await add('victim', [{ role: 'leader', region: '巫山县' }]);
    const statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt('victim', round === 4 && i === 39 ? TEST_PASSWORD : `wrong-guess-${round}-${i}`, `10.0.${round}.${i + 1}`)),
      );
      statuses.push(...answers.map((a) => a.statusCode));
    }
    expect(statuses).not.toContain(200);
    expect(statuses[199]).toBe(423);
    // at most the first four wrong passwords were answered as wrong; everything after was refused as locked
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(196);
    expect(new Set(statuses)).toEqual(new Set([401, 423]));
    const sessions = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id.get('victim')]);
    expect(sessions.rows[0]!.n).toBe(0);
    // still locked from a new address, even with the right password, with a time to try again
    const later = await attempt('victim', TEST_PASSWORD, '10.9.9.9');
    expect(later.statusCode).toBe(423);
    expect(message(later)).toMatch(/^连续登录失败次数过多，该账号已暂时锁定，请于 \d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）后再试/);
    // the administrator's new password lifts the lock
    expect((await admin({ method: 'PUT', url: `/api/users/${id.get('victim')}`, payload: { password: OTHER_PASSWORD } })).statusCode).toBe(200);
    expect((await attempt('victim', OTHER_PASSWORD, '10.9.9.9')).statusCode).toBe(200);
  }, 60_000);

  it('one address guessing many names must wait, with a time to try again; other addresses are not held up', async () => {
    const before = await accounts(store.db);
    const from = '192.0.2.77';
    const answers = (await Promise.all(Array.from({ length: addressLimit() }, (_, i) => attempt(`spray-${i}`, 'Spray-guess-2024', from)))).map((r) => r.statusCode);
    expect(answers).toEqual(Array(12).fill(401));
    const held = await attempt('ws-leader', TEST_PASSWORD, from); // even the right password
    expect(held.statusCode).toBe(429);
    expect(message(held)).toMatch(/^从您所在网络地址登录失败的次数过多，请于 \d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）后再试。$/);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(60);
    expect(await accounts(store.db)).toBe(before);
    expect((await attempt('ws-leader', TEST_PASSWORD, '192.0.2.78')).statusCode).toBe(200);
  });

  it('a real name and an unknown one get the same answers, the same messages and the same delays', async () => {
    // a second server on the same store, with the delay schedule on (30 ms, doubling per failure)
    const slow = buildServer(store.db, { auth: { failureDelayMs: 30 } });
    await slow.ready();
    try {
      await add('real-name', [{ role: 'leader', region: '巫山县' }]);
      const timed = async (username: string) => {
        const t0 = performance.now();
        const r = await slow.inject({ method: 'POST', url: '/api/session', payload: { username, password: 'Not-the-password-9' }, remoteAddress: '198.51.100.1' });
        return { status: r.statusCode, message: message(r).replace(/\d{1,2}月\d{1,2}日 \d{2}:\d{2}/, '…'), ms: performance.now() - t0 };
      };
      const real = [];
      const unknown = [];
      for (let i = 0; i < 6; i++) {
        real.push(await timed('real-name'));
        unknown.push(await timed('no-such-name'));
      }
      expect(real.map((x) => x.status)).toEqual([401, 401, 401, 401, 423, 423]);
      expect(unknown.map((x) => x.status)).toEqual(real.map((x) => x.status));
      expect(unknown.map((x) => x.message)).toEqual(real.map((x) => x.message));
      // the same schedule (it grows from 30 ms to 0.96 s): each pair within 0.6 s, the totals within 0.3 s and 15 %
      const total = (xs: Array<{ ms: number }>) => xs.reduce((a, x) => a + x.ms, 0);
      for (let i = 0; i < 6; i++) expect(Math.abs(real[i]!.ms - unknown[i]!.ms), `attempt ${i + 1}: ${real[i]!.ms} vs ${unknown[i]!.ms}`).toBeLessThan(600);
      expect(Math.abs(total(real) - total(unknown))).toBeLessThan(300 + 0.15 * Math.max(total(real), total(unknown)));
      expect(real[5]!.ms).toBeGreaterThan(900);
      expect(unknown[5]!.ms).toBeGreaterThan(900);
    } finally {
      await slow.close();
    }
  }, 60_000);

  it('weak passwords are refused with the reason, on create, reset and change; the store is unchanged', async () => {
    const me = await signedIn(raw, 'qj-leader');
    const before = await accounts(store.db);
    const create = (password: string, username = 'newcomer', displayName = '新同事') =>
      admin({ method: 'POST', url: '/api/users', payload: { username, displayName, password, roles: [{ role: 'leader', region: '巫山县' }] } });
    const cases: Array<[string, string]> = [
      ['1234567890', '常见密码'],
      ['password123', '常见密码'],
      ['qwertyuiop', '常见密码'],
      ['aaaaaaaaaaaaaaa', '重复的字符'],
      ['short', '密码至少 10 个字符'],
      ['newcomer-2024', '密码不能包含用户名'],
    ];
    for (const [pw, why] of cases) {
      const r = await create(pw);
      expect(r.statusCode, pw).toBe(422);
      expect(message(r), pw).toContain(why);
    }
    // the person's own name is something an attacker knows
    const named = await create('Wangxiaoming2024', 'wxm', 'Wangxiaoming');
    expect(message(named)).toContain('包含用户名或姓名');
    expect(message(await create('password123'))).toMatch(/^密码太容易被猜到（强度 \d 级，至少需要 3 级，满分 4 级）：它在常见密码表中/);
    // a reset by the administrator
    const reset = await admin({ method: 'PUT', url: `/api/users/${id.get('ws-leader')}`, payload: { password: 'password123' } });
    expect(reset.statusCode).toBe(422);
    // a change of one's own
    const change = await me({ method: 'POST', url: '/api/me/password', payload: { current: TEST_PASSWORD, password: '1234567890' } });
    expect(change.statusCode).toBe(422);
    expect(message(change)).toContain('常见密码');
    expect(await accounts(store.db)).toBe(before);
    // the passwords the tests use are strong enough
    for (const pw of [TEST_PASSWORD, OTHER_PASSWORD, '青山绿水-2026-巫山']) expect((await create(pw, `ok-${pw.length}-${pw.charCodeAt(0)}`)).statusCode, pw).toBe(201);
  });

  it('look-alike and mixed-script user names are refused; Chinese names are welcome', async () => {
    await add('coco', [{ role: 'leader', region: '巫山县' }]);
    const before = await accounts(store.db);
    const create = (username: string) => admin({ method: 'POST', url: '/api/users', payload: { username, displayName: '张三', password: OTHER_PASSWORD, roles: [{ role: 'leader', region: '巫山县' }] } });
    const cases: Array<[string, string]> = [
      ['аdmin', '用户名“аdmin”混用了拉丁字母、西里尔字母等不同文字'], // Cyrillic а
      ['ａｄｍｉｎ', '用户名“admin”已被使用'], // full-width: NFKC makes it admin
      ['ADMIN', '用户名“ADMIN”已被使用'],
      ['сосо', '用户名“сосо”与已有的用户名看起来几乎一样'], // all Cyrillic, looks like coco
      ['Admin', '已被使用'],
    ];
    for (const [name, why] of cases) {
      const r = await create(name);
      expect(r.statusCode, name).toBe(422);
      expect(message(r), name).toContain(why);
    }
    const digits = await create('c0c0'); // digit zero for the letter o
    expect(message(digits)).toContain('看起来几乎一样');
    expect(await accounts(store.db)).toBe(before);
    expect((await create('张三')).statusCode).toBe(201);
    expect((await create('zhang.三')).statusCode).toBe(201); // Chinese may be mixed with Latin letters
  });

  it('a wrong role, region or unit is named with what may be chosen; nothing is saved', async () => {
    const before = await accounts(store.db);
    const create = (role: Record<string, string>) => admin({ method: 'POST', url: '/api/users', payload: { username: 'newcomer', displayName: '新同事', password: OTHER_PASSWORD, roles: [role] } });
    expect(message(await create({ role: 'leader', region: '火星' }))).toBe('没有地区“火星”；可选：重庆市、巫山县、黔江区。');
    expect(message(await create({ role: 'boss', region: '巫山县' }))).toMatch(/^角色“boss”无效；可选：系统管理员（admin）、规划管理员（planOffice）、/);
    expect(message(await create({ role: 'clerk', region: '巫山县', unit: '县宣传部门' }))).toBe('巫山县没有单位“县宣传部门”；请填写该地区的单位全称。');
    expect(message(await create({ role: 'reviewer' }))).toBe('请指定审核员所在的地区（只有系统管理员可以不指定，表示全部地区）。');
    expect(await accounts(store.db)).toBe(before);
  });

  it('wrong current passwords on the password change count toward the lockout', async () => {
    await add('changer', [{ role: 'leader', region: '巫山县' }]);
    const me = await signedIn(raw, 'changer');
    const before = await accounts(store.db);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await me({ method: 'POST', url: '/api/me/password', payload: { current: `guess-number-${i}`, password: 'Brand-new-secret-88' } }));
    expect(answers.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 423, 423]);
    expect(message(answers[0]!)).toBe('当前密码不正确。');
    expect(message(answers[5]!)).toContain('该账号已暂时锁定');
    // the right current password is refused while locked, and so is signing in
    expect((await me({ method: 'POST', url: '/api/me/password', payload: { current: TEST_PASSWORD, password: 'Brand-new-secret-88' } })).statusCode).toBe(423);
    expect((await attempt('changer', TEST_PASSWORD, '203.0.113.5')).statusCode).toBe(423);
    expect(await accounts(store.db)).toBe(before);
  });
});
