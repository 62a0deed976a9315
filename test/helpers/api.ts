// The HTTP API over an embedded store, for tests that call it in-process (fastify inject).
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { openTestStore, type TestStore } from './stores.ts';

export interface TestApi {
  app: FastifyInstance;
  store: TestStore;
  close(): Promise<void>;
}

export async function startApi(): Promise<TestApi> {
  const store = await openTestStore('pglite');
  const app = buildServer(store.db);
  await app.ready();
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
