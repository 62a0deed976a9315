// Test stores on both engines: PGlite in memory, and the PostgreSQL server (a fresh schema per store).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/store/db.ts';
import { openStore, type StoreOptions } from '../../src/store/index.ts';

export const ENGINES = ['pglite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** The development and CI machines run PostgreSQL here (trust auth, database test). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  db: Db;
  /** postgres://… of the store's schema (the server engine only), for a child process to open it too */
  url?: string;
  close(): Promise<void>;
}

export async function openTestStore(engine: Engine, opts: StoreOptions = {}): Promise<TestStore> {
  if (engine === 'pglite') {
    const db = await openStore({ ...opts, dataDir: 'memory://' });
    return { db, close: () => db.close() };
  }
  const schema = await freshSchema();
  const db = await openStore({ ...opts, databaseUrl: schema.url });
  return {
    db,
    url: schema.url,
    async close() {
      await db.close();
      await schema.drop();
    },
  };
}

/** A schema of its own on the PostgreSQL server: its URL (search_path set), and how to drop it. */
export async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `ecociv_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `The storage tests need the PostgreSQL server at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL to use another) ` +
        `and could not reach it: ${(e as Error).message}. Start it with: ` +
        'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = TEST_DATABASE_URL.includes('?') ? '&' : '?';
  return {
    url: `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Row counts of the tables that hold data, to prove a failed write changed nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['regions', 'units', 'frameworks', 'indicators', 'plans', 'observations', 'targets', 'confirmations', 'projects']) {
    const r = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${t}`);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}
