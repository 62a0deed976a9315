// Backup and restore figures (not a test): time and file size for the built-in store, and for one with
// ~100,000 observations, on each engine. PGlite is file-backed in a temporary directory; PostgreSQL is
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), a throw-away schema per store.
//   node --import tsx bench/backup.ts [observations]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { backupStore, restoreStore, storeFingerprint } from '../src/store/backup.ts';
import type { Db } from '../src/store/db.ts';
import { openStore, type StoreOptions } from '../src/store/index.ts';

const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OBSERVATIONS = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'ecociv-bench-backup-'));
const cleanups: Array<() => Promise<void>> = [];
/** a throw-away signing key: the bench measures the installation's cost of signing, not its key file */
const key = { secret: randomBytes(32), source: 'bench' };

async function open(engine: 'pglite' | 'postgres', name: string, opts: StoreOptions = {}): Promise<Db> {
  if (engine === 'pglite') {
    const db = await openStore({ ...opts, dataDir: join(dir, name) });
    cleanups.push(() => db.close());
    return db;
  }
  const schema = `ecociv_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openStore({ ...opts, databaseUrl: `${URL}${URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` });
  cleanups.push(async () => {
    await db.close();
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  });
  return db;
}

/** Observations of synthetic counties: each county a region, every indicator, years from 1949 on. */
async function addObservations(db: Db, n: number): Promise<void> {
  const leaves = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM indicators')).rows[0]!.n);
  const perRegion = leaves * 200;
  const regions = Math.ceil(n / perRegion);
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO regions (name, level) SELECT '测试县' || g, '区县' FROM generate_series(1, $1::int) g`, [regions]);
    await tx.query(
      `INSERT INTO observations (region_id, indicator_id, part, year, printed, reading, flags, note, origin)
       SELECT r.id, i.id, '', 1949 + y, (50 + (r.id * 7 + i.id * 3 + y) % 50)::text,
              jsonb_build_object('value', jsonb_build_object('kind', 'number', 'lo', 50 + (r.id * 7 + i.id * 3 + y) % 50, 'hi', '+inf'), 'flags', '[]'::jsonb),
              '{估算}', '批量测试数据', 'import'
       FROM (SELECT id FROM regions WHERE name LIKE '测试县%') r CROSS JOIN indicators i CROSS JOIN generate_series(0, 199) y
       LIMIT $1`,
      [n],
    );
  });
}

const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const mb = (b: number) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`);

const rows: string[][] = [];
for (const engine of ['pglite', 'postgres'] as const) {
  for (const size of ['built-in', `${OBSERVATIONS.toLocaleString('en-US')} observations`]) {
    const source = await open(engine, `${engine}-${size}-source`);
    if (size !== 'built-in') await addObservations(source, OBSERVATIONS);
    const obs = Number((await source.query<{ n: string }>('SELECT count(*) AS n FROM observations')).rows[0]!.n);
    const file = join(dir, `${engine}-${rows.length}.ndjson.gz`);
    let t = performance.now();
    const b = await backupStore(source, file, { key });
    const backupTime = seconds(t);
    const target = await open(engine, `${engine}-${size}-target`, { skipBuiltin: true });
    t = performance.now();
    await restoreStore(target, file, { key });
    const restoreTime = seconds(t);
    const same = JSON.stringify(await storeFingerprint(source)) === JSON.stringify(await storeFingerprint(target));
    rows.push([engine, size, obs.toLocaleString('en-US'), b.rows.toLocaleString('en-US'), mb(b.bytes), mb(gunzipSync(readFileSync(file)).length), backupTime, restoreTime, same ? 'identical' : 'DIFFERENT']);
    console.error(rows.at(-1)!.join(' | '));
  }
}
console.log('| engine | store | observations | rows in all | file (gzip) | uncompressed | backup | restore | restored store |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
for (const c of cleanups.reverse()) await c();
rmSync(dir, { recursive: true, force: true });
