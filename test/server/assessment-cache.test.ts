// Materialised assessments on both engines: kept between reads, forgotten only where a change touches them,
// and consistent across servers on one PostgreSQL and with writes made outside any server.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import type { AssessmentCache } from '../../src/server/assessmentCache.ts';
import { buildServer } from '../../src/server/app.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { createUser } from '../../src/store/users.ts';
import { signedIn, TEST_PASSWORD, type Inject } from '../helpers/api.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const OTHER_REGION_PLAN = 'qianjiang-apeng-two-mountains';

interface Server {
  app: FastifyInstance;
  get: Inject;
  cache: AssessmentCache;
}

async function serve(db: Db, opts: { assessmentCache?: boolean } = {}): Promise<Server> {
  const app = buildServer(db, { auth: { failureDelayMs: 0 }, ...opts });
  await app.ready();
  const get = await signedIn(app.inject.bind(app) as Inject, 'admin');
  return { app, get, cache: (app as unknown as { ecocivAssessments: AssessmentCache }).ecocivAssessments };
}

/** The printed value of indicator 36 in the plan's assessment of that year, as the server answers it. */
async function value36(s: Server, year: number): Promise<string | null> {
  const r = await s.get({ method: 'GET', url: `/api/plans/${PLAN}/assessment?year=${year}` });
  expect(r.statusCode).toBe(200);
  return r.json().frameworks[0].results.find((x: { number: string }) => x.number === '36').value;
}

const entry = (year: number, printed: string) => ({ plan: PLAN, framework: 'national-demo-county', number: '36', year, printed });

async function post(s: Server, year: number, printed: string): Promise<void> {
  const r = await s.get({ method: 'POST', url: '/api/observations', payload: { observations: [entry(year, printed)] } });
  expect(r.statusCode).toBe(201);
}

const computed = (s: Server, plan: string, year: number | string) => s.cache.computed.get(`${plan}|${year}|zh-CN`) ?? 0;

/** A notification from another connection arrives shortly after its commit: wait for it, a little. */
async function eventually<T>(f: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await f();
  for (let i = 0; i < 150 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 20));
    v = await f();
  }
  return v;
}

describe.each(ENGINES)('materialised assessments (%s)', (engine) => {
  let store: TestStore;
  const closing: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of closing.splice(0).reverse()) await c();
  });

  async function open(): Promise<TestStore> {
    store = await openTestStore(engine);
    closing.push(() => store.close());
    await createUser(store.db, { username: 'admin', displayName: 'admin', password: TEST_PASSWORD, roles: [{ role: 'admin' }] }, SYSTEM_ACTOR);
    return store;
  }

  async function server(db: Db, opts: { assessmentCache?: boolean } = {}): Promise<Server> {
    const s = await serve(db, opts);
    closing.push(() => s.app.close());
    return s;
  }

  it('keeps an answer, shows a save in the very next read, and recomputes only the plan and years a write touches', async () => {
    await open();
    const a = await server(store.db);
    expect(await value36(a, 2030)).toBe(null);
    expect(await value36(a, 2030)).toBe(null);
    expect(computed(a, PLAN, 2030)).toBe(1);
    await a.get({ method: 'GET', url: `/api/plans/${PLAN}/assessment?year=2029` });
    await a.get({ method: 'GET', url: `/api/plans/${OTHER_REGION_PLAN}/assessment` });
    const otherBefore = [...a.cache.computed].filter(([k]) => k.startsWith(`${OTHER_REGION_PLAN}|`));
    expect(otherBefore.map(([, n]) => n)).toEqual([1]);

    await post(a, 2030, '61');
    expect(await value36(a, 2030)).toBe('61');
    expect(computed(a, PLAN, 2030)).toBe(2);
    // the year before is not touched by a figure of 2030; the plan of another region not at all
    await a.get({ method: 'GET', url: `/api/plans/${PLAN}/assessment?year=2029` });
    expect(computed(a, PLAN, 2029)).toBe(1);
    await a.get({ method: 'GET', url: `/api/plans/${OTHER_REGION_PLAN}/assessment` });
    expect([...a.cache.computed].filter(([k]) => k.startsWith(`${OTHER_REGION_PLAN}|`))).toEqual(otherBefore);

    // a figure of an earlier year reaches later years (their trend reads it)
    await post(a, 2029, '60');
    await a.get({ method: 'GET', url: `/api/plans/${PLAN}/assessment?year=2029` });
    expect(computed(a, PLAN, 2029)).toBe(2);
    expect(await value36(a, 2030)).toBe('61');
    expect(computed(a, PLAN, 2030)).toBe(3);
  });

  it('answers exactly as the assessment computed afresh', async () => {
    await open();
    const kept = await server(store.db);
    const fresh = await server(store.db, { assessmentCache: false });
    // kept before the save: the save's framework is recomputed and put together with the other one
    expect(await value36(kept, 2030)).toBe(null);
    await post(kept, 2030, '62');
    expect(computed(kept, PLAN, 2030)).toBe(1);
    for (const url of [`/api/plans/${PLAN}/assessment?year=2030`, `/api/plans/${PLAN}/assessment?year=2030&lang=en`, `/api/plans/${OTHER_REGION_PLAN}/assessment`]) {
      await kept.get({ method: 'GET', url });
      const a = await kept.get({ method: 'GET', url });
      const b = await fresh.get({ method: 'GET', url });
      expect(a.statusCode).toBe(200);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
      expect(a.json()).toEqual(b.json());
    }
    expect(fresh.cache.size).toBe(0);
    const unknown = await kept.get({ method: 'GET', url: '/api/plans/no-such-plan/assessment' });
    expect(unknown.statusCode).toBe(404);
  });

  it('a write through one server is seen by the next read of another on the same store', async () => {
    await open();
    const db2 = engine === 'postgres' ? await openDb({ databaseUrl: store.url! }) : store.db;
    if (db2 !== store.db) closing.push(() => db2.close());
    const a = await server(store.db);
    const b = await server(db2);
    expect(await value36(b, 2030)).toBe(null);
    expect(await value36(b, 2030)).toBe(null);
    expect(computed(b, PLAN, 2030)).toBe(1);
    await post(a, 2030, '63');
    // b's read waits for its own sync notification, which PostgreSQL delivers after a's committed change
    expect(await value36(b, 2030)).toBe('63');
    expect(computed(b, PLAN, 2030)).toBe(2);
  });

  it('a figure written to the store outside the server (as the command line does) is seen by its next read', async () => {
    await open();
    const s = await server(store.db);
    expect(await value36(s, 2030)).toBe(null);
    const cli = engine === 'postgres' ? await openDb({ databaseUrl: store.url! }) : store.db;
    if (cli !== store.db) closing.push(() => cli.close());
    await recordObservations(cli, [entry(2030, '64')], SYSTEM_ACTOR);
    expect(await value36(s, 2030)).toBe('64');
  });

  it('keeps nothing while it cannot listen, and keeps again once it can', async () => {
    await open();
    const s = await server(store.db);
    await value36(s, 2030);
    expect(s.cache.size).toBe(1);
    const listener = (s.cache.changes as unknown as { listener: { close(): Promise<void> } }).listener;
    // the connection lost: everything kept is forgotten, reads are computed afresh until listening again
    s.cache.changes.lost();
    await listener.close();
    expect(s.cache.size).toBe(0);
    await recordObservations(store.db, [entry(2030, '65')], SYSTEM_ACTOR);
    expect(await value36(s, 2030)).toBe('65');
    expect(s.cache.size).toBe(0);
    const back = await eventually(
      async () => {
        await value36(s, 2030);
        return s.cache.size;
      },
      (n) => n === 1,
    );
    expect(back).toBe(1);
  });
});
