// The HTTP API over an embedded store, for tests that call it in-process (fastify inject). By default
// every request is made as a signed-in system administrator (session cookie and CSRF token added);
// `anonymous` makes requests as nobody, and `as(role…)` signs in someone else.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { buildServer } from '../../src/server/app.ts';
import { createUser, type RoleEntry } from '../../src/store/users.ts';
import { openTestStore, type TestStore } from './stores.ts';

export const TEST_PASSWORD = 'Ecociv-测试-2026!';

export type Inject = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

export interface TestApi {
  /** the server; app.inject is signed in as the administrator */
  app: FastifyInstance;
  store: TestStore;
  /** requests as nobody */
  anonymous: Inject;
  /** create a user with these roles and return requests made as them */
  as(username: string, roles: RoleEntry[]): Promise<Inject>;
  close(): Promise<void>;
}

/** Sign in through the API; returns an inject that carries the session cookie and CSRF token. */
export async function signedIn(raw: Inject, username: string, password = TEST_PASSWORD): Promise<Inject> {
  const r = await raw({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${r.statusCode} ${r.body}`);
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  const csrf = r.json().csrfToken as string;
  return (opts) => raw({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
}

export async function startApi(): Promise<TestApi> {
  const store = await openTestStore('pglite');
  const app = buildServer(store.db, { auth: { failureDelayMs: 0 } });
  await app.ready();
  const raw: Inject = app.inject.bind(app) as Inject;
  const as = async (username: string, roles: RoleEntry[]) => {
    await createUser(store.db, { username, displayName: username, password: TEST_PASSWORD, roles }, SYSTEM_ACTOR);
    return signedIn(raw, username);
  };
  const admin = await as('admin', [{ role: 'admin' }]);
  (app as unknown as { inject: Inject }).inject = admin;
  return {
    app,
    store,
    anonymous: raw,
    as,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
