// Sessions and answers kept between requests, on both engines and across two servers on one store: a session
// signed out, an account disabled or a role taken away takes effect on the very next request of every server;
// a kept answer carries its ETag (304 when the client holds it, a new tag after a save) and its gzip.
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { buildServer } from '../../src/server/app.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { createUser, updateUser } from '../../src/store/users.ts';
import { signedIn, TEST_PASSWORD, type Inject } from '../helpers/api.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const ASSESSMENT = `/api/plans/${PLAN}/assessment?year=2030`;

describe.each(ENGINES)('kept sessions and answers (%s)', (engine) => {
  let store: TestStore;
  const closing: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of closing.splice(0).reverse()) await c();
  });

  /** Two servers on one store (on PostgreSQL each with its own connections, as two processes would be). */
  async function twoServers(): Promise<{ a: FastifyInstance; b: FastifyInstance; otherDb: Db; clerkId: number }> {
    store = await openTestStore(engine);
    closing.push(() => store.close());
    await createUser(store.db, { username: 'admin', displayName: 'admin', password: TEST_PASSWORD, roles: [{ role: 'admin' }] }, SYSTEM_ACTOR);
    const { id: clerkId } = await createUser(store.db, { username: 'clerk', displayName: '水利局填报员', password: TEST_PASSWORD, roles: [{ role: 'clerk', region: '巫山县', unit: '县水利局' }] }, SYSTEM_ACTOR);
    const otherDb = engine === 'postgres' ? await openDb({ databaseUrl: store.url! }) : store.db;
    if (otherDb !== store.db) closing.push(() => otherDb.close());
    const servers = [buildServer(store.db, { auth: { failureDelayMs: 0 } }), buildServer(otherDb, { auth: { failureDelayMs: 0 } })];
    for (const s of servers) {
      await s.ready();
      closing.push(() => s.close());
    }
    return { a: servers[0]!, b: servers[1]!, otherDb, clerkId };
  }

  /** The same signed-in clerk's cookie sent to a server. */
  const on = (s: FastifyInstance, cookie: string, csrf: string): Inject => (opts) => s.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });

  async function clerkSession(a: FastifyInstance): Promise<{ cookie: string; csrf: string }> {
    const r = await a.inject({ method: 'POST', url: '/api/session', payload: { username: 'clerk', password: TEST_PASSWORD } });
    expect(r.statusCode).toBe(200);
    return { cookie: String(r.headers['set-cookie']).split(';')[0]!, csrf: r.json().csrfToken };
  }

  it('a session signed out on one server is refused by the next request on the other', async () => {
    const { a, b } = await twoServers();
    const { cookie, csrf } = await clerkSession(a);
    for (let i = 0; i < 3; i++) expect((await on(b, cookie, csrf)({ method: 'GET', url: ASSESSMENT })).statusCode).toBe(200);
    expect((await on(a, cookie, csrf)({ method: 'DELETE', url: '/api/session' })).statusCode).toBe(200);
    const after = await on(b, cookie, csrf)({ method: 'GET', url: ASSESSMENT });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/登录/);
  });

  it('an account disabled by an administrator on one server is refused by the next request on the other', async () => {
    const { a, b, clerkId } = await twoServers();
    const { cookie, csrf } = await clerkSession(a);
    expect((await on(b, cookie, csrf)({ method: 'GET', url: ASSESSMENT })).statusCode).toBe(200);
    const admin = await signedIn(a.inject.bind(a) as Inject, 'admin');
    expect((await admin({ method: 'PUT', url: `/api/users/${clerkId}`, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await on(b, cookie, csrf)({ method: 'GET', url: ASSESSMENT })).statusCode).toBe(401);
  });

  it('a role taken away outside any server (as the command line does) is refused by the next request', async () => {
    const { a, b, otherDb, clerkId } = await twoServers();
    const { cookie, csrf } = await clerkSession(a);
    expect((await on(b, cookie, csrf)({ method: 'GET', url: ASSESSMENT })).statusCode).toBe(200);
    // the session stays; only the role goes
    await otherDb.query('DELETE FROM user_roles WHERE user_id = $1', [clerkId]);
    for (const s of [a, b]) {
      const r = await on(s, cookie, csrf)({ method: 'GET', url: ASSESSMENT });
      expect(r.statusCode).toBe(403);
    }
    // and a new role in another region: Wushan stays refused, Qianjiang is now open
    await updateUser(store.db, clerkId, { roles: [{ role: 'leader', region: '黔江区' }] }, SYSTEM_ACTOR);
    const again = await clerkSession(a);
    expect((await on(b, again.cookie, again.csrf)({ method: 'GET', url: ASSESSMENT })).statusCode).toBe(403);
    expect((await on(b, again.cookie, again.csrf)({ method: 'GET', url: '/api/plans/qianjiang-apeng-two-mountains/assessment' })).statusCode).toBe(200);
  });

  it('a kept answer has an ETag: 304 while the client holds it, a new answer and tag after a save, the same tag on every server, and gzip when asked', async () => {
    const { a, b } = await twoServers();
    const admin = await signedIn(a.inject.bind(a) as Inject, 'admin');
    const adminB = await signedIn(b.inject.bind(b) as Inject, 'admin');
    const first = await admin({ method: 'GET', url: ASSESSMENT });
    expect(first.statusCode).toBe(200);
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect((await adminB({ method: 'GET', url: ASSESSMENT })).headers.etag).toBe(tag);
    const held = await admin({ method: 'GET', url: ASSESSMENT, headers: { 'if-none-match': tag } });
    expect(held.statusCode).toBe(304);
    expect(held.body).toBe('');
    const zipped = await admin({ method: 'GET', url: ASSESSMENT, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(first.json());
    // a save on the other server: the held copy is no longer current
    const saved = await adminB({ method: 'POST', url: '/api/observations', payload: { observations: [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2030, printed: '66' }] } });
    expect(saved.statusCode).toBe(201);
    const after = await admin({ method: 'GET', url: ASSESSMENT, headers: { 'if-none-match': tag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    expect(after.json().frameworks[0].results.find((x: { number: string }) => x.number === '36').value).toBe('66');
  });
});
