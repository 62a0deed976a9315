// One small interface over the two PostgreSQL engines: PGlite (embedded, the default) and a
// PostgreSQL server (DATABASE_URL). Only the PostgreSQL dialect is spoken.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { acquireDirLock, type DirLock } from './dirLock.ts';
import { t } from '../i18n/index.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** several statements, no parameters */
  exec(sql: string): Promise<void>;
  /**
   * The rows as arrays of the selected columns, in their order: for reads of many rows, where an object per
   * row costs more than the work done with it (the nation's assessment). Both engines have it.
   */
  queryArrays?(sql: string, params?: unknown[]): Promise<unknown[][]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly location: string;
  /** run fn in one transaction: all of it lands, or none of it */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** the lock this process holds on an embedded data directory (PGlite on disk only) */
  readonly lock?: DirLock;
  /**
   * LISTEN on a channel: each notification's payload is given to onMessage, in commit order; onLost is called
   * once if the connection is lost (nothing arrives after it). On PostgreSQL a connection of its own, which
   * `notify` also uses, so that a notification sent while the pool is busy does not wait for it.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onLost: (e: Error) => void): Promise<Listener>;
}

export interface Listener {
  /** NOTIFY the channel (committed at once) */
  notify(payload: string): Promise<void>;
  close(): Promise<void>;
}

/** A channel name as a quoted identifier. */
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface DbOptions {
  /** postgres://… to use a server; otherwise PGlite in dataDir */
  databaseUrl?: string;
  /** PGlite data directory (default ./data/store); 'memory://' for a throw-away store */
  dataDir?: string;
  /** who holds an embedded data directory while it is open (see dirLock.ts); default a command line */
  owner?: { role: 'serve' | 'cli'; command: string };
}

export class DatabaseUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(t('error.database', { url, detail }));
    this.name = 'DatabaseUnreachableError';
  }
}

/** Hide the password when a URL is shown. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function openDb(opts: DbOptions = {}): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir ?? resolve('data/store'), opts.owner ?? { role: 'cli', command: 'ecociv' });
}

/**
 * PGlite's memory, for a county's or a province's embedded store (some tens of MB on disk). PostgreSQL's own
 * defaults (shared_buffers 128 MB, touched at start inside the WASM heap) held about 130 MB more per process for
 * no gain: PGlite reads its files through Node, whose page cache the operating system keeps anyway. Measured
 * with bench/startup.ts; a store of many counties' observations belongs on a PostgreSQL server (README).
 */
export const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'temp_buffers=1MB', '-c', 'wal_buffers=1MB'];

async function openPglite(dataDir: string, owner: { role: 'serve' | 'cli'; command: string }): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const memory = dataDir.startsWith('memory://');
  if (!memory) mkdirSync(dataDir, { recursive: true });
  // one process per directory: a second writer loses committed rows and can break the directory
  const lock = memory ? undefined : acquireDirLock(resolve(dataDir), owner);
  let pg: InstanceType<typeof PGlite>;
  try {
    // relaxedDurability off (the default, said here on purpose): a query's answer waits until its writes
    // are handed to the file system, so a commit the server has answered survives the process being killed
    pg = await PGlite.create(memory ? undefined : dataDir, { relaxedDurability: false, startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const wrap = (q: { query: typeof pg.query; exec: typeof pg.exec }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async queryArrays(sql: string, params: unknown[] = []) {
      const r = await q.query<unknown[]>(sql, params, { rowMode: 'array' });
      return r.rows;
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    location: memory ? 'memory://' : dataDir,
    ...base,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
    // one process, one connection: a notification arrives with the answer to the query that committed it
    async listen(channel: string, onMessage: (payload: string) => void) {
      const stop = await pg.listen(quoteIdent(channel), onMessage);
      return {
        notify: async (payload: string) => void (await pg.query('SELECT pg_notify($1, $2)', [channel, payload])),
        close: () => stop(),
      };
    },
    ...(lock ? { lock } : {}),
  };
}

async function openPostgres(url: string): Promise<Db> {
  const pgModule = await import('pg');
  const pg = pgModule.default;
  // numeric and bigint come back as strings by default; the store converts where it reads them.
  // ECOCIV_PG_POOL connections per process (default 16). A request waits up to 15 s for one: under a burst of
  // saves the queue for connections, not the database, is what a save waits in; past that it is refused (500).
  const pool = new pg.Pool({ connectionString: url, max: Math.max(1, Number(process.env.ECOCIV_PG_POOL ?? 16) || 16), connectionTimeoutMillis: 15_000 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(redactUrl(url), (e as Error).message);
  }
  const base: Queryable = {
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await pool.query(sql, params);
      return { rows: r.rows as T[] };
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async queryArrays(sql: string, params: unknown[] = []) {
      const r = await pool.query<unknown[]>({ text: sql, values: params, rowMode: 'array' });
      return r.rows;
    },
  };
  return {
    kind: 'postgres',
    location: redactUrl(url),
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      const tx: Queryable = {
        async query<R>(sql: string, params: unknown[] = []) {
          const r = await client.query(sql, params);
          return { rows: r.rows as R[] };
        },
        async exec(sql: string) {
          await client.query(sql);
        },
        async queryArrays(sql: string, params: unknown[] = []) {
          const r = await client.query<unknown[]>({ text: sql, values: params, rowMode: 'array' });
          return r.rows;
        },
      };
      try {
        await client.query('BEGIN');
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    async listen(channel: string, onMessage: (payload: string) => void, onLost: (e: Error) => void) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      let closing = false;
      let lost = false;
      const lose = (e: Error) => {
        if (closing || lost) return;
        lost = true;
        onLost(e);
        client.end().catch(() => undefined);
      };
      client.on('notification', (m) => {
        if (m.channel === channel) onMessage(m.payload ?? '');
      });
      client.on('error', lose);
      client.on('end', () => lose(new Error('the listening connection ended')));
      await client.connect();
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      // one query at a time on the connection
      let queue: Promise<unknown> = Promise.resolve();
      return {
        notify(payload: string) {
          const sent = queue.then(() => client.query('SELECT pg_notify($1, $2)', [channel, payload]));
          queue = sent.catch(() => undefined);
          return sent.then(() => undefined);
        },
        async close() {
          closing = true;
          await client.end().catch(() => undefined);
        },
      };
    },
  };
}

/** Run fn in a transaction: db's own when it can start one, else the one db already is. */
export function inTransaction<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return 'transaction' in db && typeof (db as Db).transaction === 'function' ? (db as Db).transaction(fn) : fn(db);
}
