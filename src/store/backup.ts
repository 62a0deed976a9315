// Backups of the whole store, for both engines, and their restore.
//
// A backup is gzip'd NDJSON, written in one REPEATABLE READ READ ONLY transaction (a consistent snapshot):
//   line 1   header   {"format":"ecociv-backup","formatVersion":1,"schemaVersion":5,"migrations":[…],"engine":…,
//                      "createdAt":…,"tables":[{"name","columns":[{"name","type"}],"rows"}…],"sequences":[…]}
//   then, per table in dependency order (referenced tables first):
//            {"table":"observations","rows":12345}
//            ["1","2","",…]           one row: every column as PostgreSQL's own text form (or null)
//   last     trailer  {"end":"ecociv-backup","tables":25,"rows":…,"sha256":…,"hmacSha256":…}  sha256 of every byte
//            before it, and HMAC-SHA256 of the same bytes with the installation's backup key (src/store/backupKey.ts)
// The tables are read from the catalog (every table of the store's schema but schema_migrations, which is
// recorded as the schema version); values travel as the server's text output and are cast back by the
// column's type on restore, so bytea, jsonb, arrays, numeric and timestamps come back exactly, on either engine.
//
// Restore checks the whole file first (structure, counts, checksum, signature: an unsigned file, or one signed
// with another key, is refused unless the operator trusts it explicitly), then, in one transaction: refuses a
// store that holds anything but a fresh load of the built-in data, empties it, loads every row, sets every
// sequence past the rows, and — for a file from an older schema — rebuilds the tables at the file's version
// and runs the later migrations over the restored rows. Errors are in Chinese and name what was found.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { cliActor } from '../auth/roles.ts';
import { t } from '../i18n/index.ts';
import { createMonthPartitions } from './sourceData.ts';
import { writeAudit } from './audit.ts';
import type { BackupKey } from './backupKey.ts';
import type { Db, Queryable } from './db.ts';
import { MIGRATIONS } from './migrations.ts';

/** t, under a name the loops over tables (each a `t`) do not hide. */
const say = t;

export const BACKUP_FORMAT = 'ecociv-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** the schema version this program builds */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
const FETCH_ROWS = 2000;
const INSERT_BYTES = 1 << 20;

export interface BackupColumn {
  name: string;
  /** format_type() of the column, e.g. integer, text[], numeric, timestamp with time zone */
  type: string;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  rows: number;
}

export interface BackupSequence {
  table: string;
  column: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  migrations: Array<{ version: number; name: string }>;
  engine: Db['kind'];
  server: string;
  createdAt: string;
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface BackupTrailer {
  end: typeof BACKUP_FORMAT;
  tables: number;
  rows: number;
  sha256: string;
  /** HMAC-SHA256 of the same bytes with the installation's backup key; absent in files made before signing */
  hmacSha256?: string;
}

/** What a restore found of the file's signature: signed with this installation's key, or why not. */
export type SignatureState = 'signed' | 'unsigned' | 'badSignature' | 'noKey';

/** How a restore checks the signature: with the installation's key (or where it would be); trustUnsigned lets any state through. */
export interface SignatureCheck {
  key: BackupKey;
  trustUnsigned?: boolean;
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  schemaVersion: number;
  engine: Db['kind'];
}

/** A backup or restore that cannot be done; the message (Chinese) says why and what was found. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** A backup file that cannot be used: damaged, truncated, from a newer program, or not a backup at all. */
export class BackupFileError extends BackupError {
  override name = 'BackupFileError';
}

/** The target store holds data that a restore would destroy. */
export class RestoreRefusedError extends BackupError {
  override name = 'RestoreRefusedError';
}

export type Progress = (line: string) => void;

const fmt = (n: number) => n.toLocaleString('en-US');
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

// ---------------------------------------------------------------- the catalog

interface CatalogTable {
  name: string;
  columns: BackupColumn[];
  primaryKey: string[];
  /** foreign keys of this table: the columns here and the table and columns they reference */
  references: Array<{ columns: string[]; table: string; refColumns: string[] }>;
  identityAlways: boolean;
}

/** Every ordinary table of the store's schema, referenced tables before the tables that reference them. */
export async function catalogTables(db: Queryable): Promise<CatalogTable[]> {
  const tables = await db.query<{ oid: number; name: string }>(
    `SELECT c.oid::int AS oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations'
     ORDER BY c.relname`,
  );
  const cols = await db.query<{ table_oid: number; name: string; type: string; identity: string }>(
    `SELECT a.attrelid::int AS table_oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attidentity::text AS identity
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attrelid, a.attnum`,
  );
  const keys = await db.query<{ table_oid: number; kind: string; columns: string[]; ref_table: string | null; ref_columns: string[] | null }>(
    `SELECT k.conrelid::int AS table_oid, k.contype::text AS kind,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
       r.relname::text AS ref_table,
       CASE WHEN k.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) END AS ref_columns
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_class r ON r.oid = k.confrelid
     WHERE n.nspname = current_schema() AND k.contype IN ('p', 'f')
     ORDER BY k.conrelid, k.conname`,
  );
  const byOid = new Map<number, CatalogTable>();
  for (const t of tables.rows) byOid.set(t.oid, { name: t.name, columns: [], primaryKey: [], references: [], identityAlways: false });
  for (const c of cols.rows) {
    const t = byOid.get(c.table_oid);
    if (!t) continue;
    t.columns.push({ name: c.name, type: c.type });
    if (c.identity === 'a') t.identityAlways = true;
  }
  for (const k of keys.rows) {
    const t = byOid.get(k.table_oid);
    if (!t) continue;
    if (k.kind === 'p') t.primaryKey = k.columns;
    else t.references.push({ columns: k.columns, table: k.ref_table!, refColumns: k.ref_columns! });
  }
  return dependencyOrder([...byOid.values()]);
}

/** Referenced tables first; ties by name. A cycle between tables (none today) is broken by name. */
function dependencyOrder(tables: CatalogTable[]): CatalogTable[] {
  const names = new Set(tables.map((t) => t.name));
  const out: CatalogTable[] = [];
  const done = new Set<string>();
  const pending = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length > 0) {
    const ready = (t: CatalogTable) => t.references.every((r) => r.table === t.name || done.has(r.table) || !names.has(r.table));
    const i = Math.max(0, pending.findIndex(ready));
    const t = pending.splice(i, 1)[0]!;
    out.push(t);
    done.add(t.name);
  }
  return out;
}

/** A row as one JSON array of the columns' text forms, made by the server itself. */
function rowSelect(t: CatalogTable): string {
  const cols = t.columns.map((c) => `${ident(c.name)}::text`).join(', ');
  const order = t.primaryKey.length > 0 ? t.primaryKey.map(ident).join(', ') : '1';
  return `SELECT array_to_json(ARRAY[${cols}]::text[])::text AS j FROM ${ident(t.name)} ORDER BY ${order}`;
}

/** The same text forms whatever the server's settings: UTC, ISO dates, hex bytea, exact floats. */
async function canonicalOutput(tx: Queryable): Promise<void> {
  await tx.exec(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
    SET LOCAL bytea_output = 'hex'; SET LOCAL extra_float_digits = 3`);
}

async function sequencesOf(tx: Queryable, tables: CatalogTable[]): Promise<BackupSequence[]> {
  const out: BackupSequence[] = [];
  for (const t of tables) {
    for (const c of t.columns) {
      const s = await tx.query<{ seq: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS seq', [ident(t.name), c.name]);
      const seq = s.rows[0]?.seq;
      if (!seq) continue;
      const v = await tx.query<{ last_value: string | number; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${seq}`);
      out.push({ table: t.name, column: c.name, lastValue: String(v.rows[0]!.last_value), isCalled: v.rows[0]!.is_called });
    }
  }
  return out;
}

async function appliedMigrations(db: Queryable): Promise<Array<{ version: number; name: string }>> {
  const exists = await db.query(`SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = 'schema_migrations'`);
  if (exists.rows.length === 0) return [];
  const r = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
  return r.rows.map((m) => ({ version: Number(m.version), name: m.name }));
}

// ---------------------------------------------------------------- backup

/** Write a consistent snapshot of the whole store to file (gzip'd NDJSON); the file appears only when complete. */
export async function backupStore(db: Db, file: string, opts: { key: BackupKey; onProgress?: Progress }): Promise<BackupSummary> {
  const secret = opts.key.secret;
  if (!secret) throw new Error('backupStore needs the backup key (backupKey({ create: true }))');
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.part`);
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(tmp));
  written.catch(() => undefined);
  const hash = createHash('sha256');
  const hmac = createHmac('sha256', secret);
  const write = async (obj: unknown, text?: string) => {
    const line = Buffer.from(`${text ?? JSON.stringify(obj)}\n`, 'utf8');
    hash.update(line);
    hmac.update(line);
    if (!gzip.write(line)) await Promise.race([once(gzip, 'drain'), written]);
  };
  try {
    const header = await db.transaction(async (tx) => {
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await canonicalOutput(tx);
      const migrations = await appliedMigrations(tx);
      if (migrations.length === 0) throw new BackupError(t('backup.error.notInitialised'));
      const tables = await catalogTables(tx);
      const counted: BackupTable[] = [];
      for (const t of tables) {
        const n = await tx.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${ident(t.name)}`);
        counted.push({ name: t.name, columns: t.columns, rows: Number(n.rows[0]!.n) });
      }
      const server = await tx.query<{ v: string }>('SELECT version() AS v');
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        schemaVersion: Math.max(...migrations.map((m) => m.version)),
        migrations,
        engine: db.kind,
        server: server.rows[0]!.v,
        createdAt: new Date().toISOString(),
        tables: counted,
        sequences: await sequencesOf(tx, tables),
      };
      await write(header);
      for (const [i, t] of tables.entries()) {
        const expected = counted[i]!.rows;
        await write({ table: t.name, rows: expected });
        await tx.exec(`DECLARE ecociv_backup NO SCROLL CURSOR FOR ${rowSelect(t)}`);
        let n = 0;
        for (;;) {
          const batch = await tx.query<{ j: string }>(`FETCH FORWARD ${FETCH_ROWS} FROM ecociv_backup`);
          for (const r of batch.rows) await write(null, r.j);
          n += batch.rows.length;
          if (batch.rows.length < FETCH_ROWS) break;
          if (n % 100_000 < FETCH_ROWS) opts.onProgress?.(say('backup.progress.rowsOf', { index: i + 1, tables: tables.length, table: t.name, rows: fmt(n), expected: fmt(expected) }));
        }
        await tx.exec('CLOSE ecociv_backup');
        if (n !== expected) throw new Error(`table ${t.name}: counted ${expected} rows but read ${n} in the same snapshot`);
        opts.onProgress?.(say('backup.progress.rows', { index: i + 1, tables: tables.length, table: t.name, rows: fmt(n) }));
      }
      return header;
    });
    const rows = header.tables.reduce((s, t) => s + t.rows, 0);
    const trailer: BackupTrailer = { end: BACKUP_FORMAT, tables: header.tables.length, rows, sha256: hash.copy().digest('hex'), hmacSha256: hmac.digest('hex') };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await written;
    renameSync(tmp, file);
    return { file, tables: header.tables.length, rows, bytes: statSync(file).size, schemaVersion: header.schemaVersion, engine: db.kind };
  } catch (e) {
    gzip.destroy();
    await written.catch(() => undefined);
    rmSync(tmp, { force: true });
    throw e;
  }
}

// ---------------------------------------------------------------- reading a backup file

type Line =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: BackupTable }
  | { kind: 'row'; table: BackupTable; values: Array<string | null> }
  | { kind: 'end'; signature: SignatureState };

const damaged = (file: string, detail: string) => new BackupFileError(t('backup.error.damaged', { file, detail }));

/** The signature's state: the trailer's HMAC against the one computed with the installation's key. */
function signatureState(trailer: BackupTrailer, computed: Buffer | undefined): SignatureState {
  if (typeof trailer.hmacSha256 !== 'string' || trailer.hmacSha256 === '') return 'unsigned';
  if (!computed) return 'noKey';
  const given = Buffer.from(trailer.hmacSha256, 'hex');
  return given.length === computed.length && timingSafeEqual(given, computed) ? 'signed' : 'badSignature';
}

/** A file whose signature is not this installation's is refused unless the operator trusts it. */
function refuseUnverified(file: string, state: SignatureState, check: SignatureCheck): void {
  if (state === 'signed' || check.trustUnsigned) return;
  const { source, file: keyFile } = check.key;
  throw new BackupFileError(t(`integrity.backup.${state}`, { file, keySource: source, keyFile: keyFile ?? 'ECOCIV_BACKUP_KEY_FILE' }));
}

/** Lines of a backup file, checked as they come: structure, counts, and at the end the checksum and the signature. */
async function* readBackup(file: string, check: SignatureCheck): AsyncGenerator<Line> {
  let source;
  try {
    statSync(file);
    source = createReadStream(file);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BackupFileError(t('backup.error.unreadable', { file, detail: missing ? t('backup.error.missing') : (e as Error).message }));
  }
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const hash = createHash('sha256');
  const hmac = check.key.secret ? createHmac('sha256', check.key.secret) : undefined;
  const digest = (bytes: Buffer) => {
    hash.update(bytes);
    hmac?.update(bytes);
  };
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let tableIndex = -1;
  let rowsLeft = 0;
  let lineNo = 0;
  let rest = Buffer.alloc(0);
  const handle = (bytes: Buffer): Line | undefined => {
    lineNo++;
    if (trailer) throw damaged(file, t('backup.damage.afterTrailer', { line: fmt(lineNo) }));
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw damaged(file, t('backup.damage.notJson', { line: fmt(lineNo) }));
    }
    if (!header) {
      header = checkHeader(file, value);
      digest(bytes);
      return { kind: 'header', header };
    }
    const table = header.tables[tableIndex];
    if (Array.isArray(value)) {
      if (!table || rowsLeft === 0) throw damaged(file, t('backup.damage.extraRow', { line: fmt(lineNo) }));
      if (value.length !== table.columns.length || !value.every((v) => v === null || typeof v === 'string'))
        throw damaged(file, t('backup.damage.columns', { line: fmt(lineNo), table: table.name, columns: table.columns.length }));
      rowsLeft--;
      digest(bytes);
      return { kind: 'row', table, values: value as Array<string | null> };
    }
    const o = value as Record<string, unknown>;
    if (rowsLeft > 0) throw damaged(file, t('backup.damage.rowsMissing', { table: table!.name, rows: fmt(rowsLeft), line: fmt(lineNo) }));
    if (o && typeof o.table === 'string') {
      const next = header.tables[tableIndex + 1];
      if (!next || next.name !== o.table || o.rows !== next.rows) throw damaged(file, t('backup.damage.tableMismatch', { line: fmt(lineNo), table: String(o.table) }));
      tableIndex++;
      rowsLeft = next.rows;
      digest(bytes);
      return { kind: 'table', table: next };
    }
    if (o && o.end === BACKUP_FORMAT) {
      trailer = o as unknown as BackupTrailer;
      if (tableIndex !== header.tables.length - 1) throw damaged(file, t('backup.damage.tablesMissing', { found: tableIndex + 1, listed: header.tables.length }));
      if (trailer.sha256 !== hash.digest('hex')) throw damaged(file, t('backup.damage.checksum'));
      const signature = signatureState(trailer, hmac?.digest());
      refuseUnverified(file, signature, check);
      return { kind: 'end', signature };
    }
    throw damaged(file, t('backup.damage.unknownLine', { line: fmt(lineNo) }));
  };
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      let nl: number;
      while ((nl = buf.indexOf(10)) >= 0) {
        const line = handle(buf.subarray(0, nl + 1));
        buf = buf.subarray(nl + 1);
        if (line) yield line;
      }
      rest = Buffer.from(buf);
    }
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    throw damaged(file, t('backup.damage.gunzip', { detail: (e as Error).message }));
  } finally {
    source.destroy();
  }
  if (rest.length > 0) throw damaged(file, t('backup.damage.lastLine'));
  if (!header) throw damaged(file, t('backup.damage.noHeader'));
  if (!trailer) throw damaged(file, t('backup.damage.noTrailer'));
}

function checkHeader(file: string, value: unknown): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  if (!h || h.format !== BACKUP_FORMAT) throw new BackupFileError(t('backup.error.notBackup', { file, format: BACKUP_FORMAT }));
  if (typeof h.formatVersion !== 'number' || h.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupFileError(t('backup.error.newerFormat', { version: String(h.formatVersion), supported: BACKUP_FORMAT_VERSION }));
  if (typeof h.schemaVersion !== 'number' || !Array.isArray(h.migrations) || !Array.isArray(h.tables) || !Array.isArray(h.sequences))
    throw damaged(file, t('backup.damage.headerFields'));
  if (h.schemaVersion > SCHEMA_VERSION)
    throw new BackupFileError(t('backup.error.newerSchema', { version: String(h.schemaVersion), ours: SCHEMA_VERSION }));
  for (const m of h.migrations) {
    const ours = MIGRATIONS.find((x) => x.version === m.version);
    if (!ours || ours.name !== m.name)
      throw new BackupFileError(t('backup.error.otherProduct', { version: String(m.version), name: String(m.name), ours: ours?.name ?? t('backup.none') }));
  }
  for (const t of h.tables) {
    if (!t || typeof t.name !== 'string' || !Array.isArray(t.columns) || typeof t.rows !== 'number') throw damaged(file, say('backup.damage.tableList'));
  }
  return h as BackupHeader;
}

/**
 * Read a whole backup file and check it (structure, row counts, checksum, signature) without touching any
 * store. A file not signed with the installation's key is refused unless check.trustUnsigned.
 */
export async function verifyBackup(file: string, check: SignatureCheck): Promise<{ header: BackupHeader; signature: SignatureState }> {
  let header: BackupHeader | undefined;
  let signature: SignatureState = 'unsigned';
  for await (const line of readBackup(file, check)) {
    if (line.kind === 'header') header = line.header;
    else if (line.kind === 'end') signature = line.signature;
  }
  return { header: header!, signature };
}

// ---------------------------------------------------------------- restore

export interface RestoreOptions extends SignatureCheck {
  onProgress?: Progress;
  /**
   * The row counts of a store freshly created with only the built-in data (table → rows). A target whose
   * every table has exactly these counts holds nothing of people's and may be overwritten. Without it, only
   * an empty target is accepted.
   */
  freshCounts?: () => Promise<Record<string, number>>;
}

export interface RestoreSummary {
  file: string;
  tables: number;
  rows: number;
  schemaVersion: number;
  /** migrations run after the rows were loaded (the file was from an older schema) */
  migrated: number[];
  engine: Db['kind'];
  /** the engine the file was written on */
  from: Db['kind'];
  createdAt: string;
  /** signed with this installation's key, or why not (then restored only because the operator trusted it) */
  signature: SignatureState;
}

/** Row counts of every table of the store (schema_migrations aside). */
export async function storeCounts(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await catalogTables(db)) out[t.name] = Number((await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${ident(t.name)}`)).rows[0]!.n);
  return out;
}

/** Every table's row count and a sha256 of its rows (their text forms, in key order): two stores alike are equal. */
export async function storeFingerprint(db: Db): Promise<Record<string, { rows: number; sha256: string }>> {
  return db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await canonicalOutput(tx);
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const t of await catalogTables(tx)) {
      const h = createHash('sha256');
      const r = await tx.query<{ j: string }>(rowSelect(t));
      for (const x of r.rows) h.update(`${x.j}\n`);
      out[t.name] = { rows: r.rows.length, sha256: h.digest('hex') };
    }
    return out;
  });
}

/** Why the target may not be overwritten, or undefined when it is empty or a fresh load of the built-in data. */
async function occupied(tx: Queryable, opts: RestoreOptions): Promise<string | undefined> {
  const counts = await storeCounts(tx);
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  if (filled.length === 0) return undefined;
  const fresh = opts.freshCounts ? await opts.freshCounts() : {};
  const differs = Object.entries(counts).filter(([t, n]) => n !== (fresh[t] ?? 0));
  if (opts.freshCounts && differs.length === 0) return undefined;
  const shown = (opts.freshCounts ? differs : filled)
    .slice(0, 8)
    .map(([table, n]) => (opts.freshCounts ? t('backup.occupied.rowsFresh', { table, rows: fmt(n), fresh: fmt(fresh[table] ?? 0) }) : t('backup.occupied.rows', { table, rows: fmt(n) })));
  const more = (opts.freshCounts ? differs : filled).length - shown.length;
  return t('backup.error.occupied', { tables: shown.join(t('backup.list.separator')), more: more > 0 ? t('backup.occupied.more', { tables: more + shown.length }) : '' });
}

/**
 * Restore a backup into the store: the whole file is checked first, then everything happens in one
 * transaction — it all lands, or the store is left as it was.
 */
export async function restoreStore(db: Db, file: string, opts: RestoreOptions): Promise<RestoreSummary> {
  const { header, signature } = await verifyBackup(file, opts);
  const progress = opts.onProgress ?? (() => undefined);
  if (signature !== 'signed') progress(t('integrity.backup.trusted', { reason: t(`integrity.backup.reason.${signature}`) }));
  progress(t('backup.progress.verified', { tables: header.tables.length, rows: fmt(header.tables.reduce((s, x) => s + x.rows, 0)), version: header.schemaVersion, engine: header.engine, createdAt: header.createdAt }));
  const migrated = await db.transaction(async (tx) => {
    // keep migrations and the built-in data load of other processes out while the store is replaced
    await tx.query('SELECT pg_advisory_xact_lock(771001)');
    await tx.query('SELECT pg_advisory_xact_lock(771002)');
    await canonicalOutput(tx);
    const refusal = await occupied(tx, opts);
    if (refusal) throw new RestoreRefusedError(refusal);
    const current = await appliedMigrations(tx);
    if (current.length === 0) throw new Error('restore needs a migrated store (open it with openStore)');
    const currentVersion = Math.max(...current.map((m) => m.version));
    let later: typeof MIGRATIONS = [];
    if (currentVersion === header.schemaVersion) {
      const tables = await catalogTables(tx);
      if (tables.length > 0) await tx.exec(`TRUNCATE ${tables.map((t) => ident(t.name)).join(', ')}`);
    } else {
      // Rebuild the schema at the file's version; the later migrations run over the restored rows.
      await dropSchemaObjects(tx);
      await tx.exec('DELETE FROM schema_migrations');
      for (const m of MIGRATIONS.filter((x) => x.version <= header.schemaVersion)) {
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      later = MIGRATIONS.filter((x) => x.version > header.schemaVersion);
    }
    const target = new Map((await catalogTables(tx)).map((t) => [t.name, t]));
    for (const t of header.tables) {
      const here = target.get(t.name);
      if (!here) throw new BackupFileError(say('backup.error.unknownTable', { table: t.name, version: header.schemaVersion }));
      for (const c of t.columns) if (!here.columns.some((x) => x.name === c.name)) throw new BackupFileError(say('backup.error.unknownColumn', { table: t.name, column: c.name }));
    }
    await loadRows(tx, file, opts, header, target, progress);
    await setSequences(tx, header, target);
    for (const m of later) {
      await tx.exec(m.sql).catch((e: unknown) => {
        throw new BackupError(t('backup.error.migrationFailed', { version: m.version, name: m.name, detail: (e as Error).message }));
      });
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      progress(t('backup.progress.migrated', { version: m.version, name: m.name }));
    }
    // a restore the signature did not vouch for stays on the record
    if (signature !== 'signed') await writeAudit(tx, cliActor(), { action: 'backup.restoreUnverified', entity: 'backup', after: { file: basename(file), signature, createdAt: header.createdAt } });
    return later.map((m) => m.version);
  });
  return {
    file,
    tables: header.tables.length,
    rows: header.tables.reduce((s, t) => s + t.rows, 0),
    schemaVersion: Math.max(header.schemaVersion, ...migrated),
    migrated,
    engine: db.kind,
    from: header.engine,
    createdAt: header.createdAt,
    signature,
  };
}

/**
 * Everything the migrations made in the store's schema — tables, views, sequences, functions, types — so
 * that they can run again from the first. Objects of extensions are left alone; so is schema_migrations.
 */
async function dropSchemaObjects(tx: Queryable): Promise<void> {
  const objects = await tx.query<{ sql: string }>(
    `SELECT format('DROP %s IF EXISTS %s CASCADE', kind, name) AS sql FROM (
       SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
              format('%I.%I', n.nspname, c.relname) AS name, c.oid AS oid, 1 AS pass
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relname <> 'schema_migrations'
       UNION ALL
       SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
              format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), p.oid, 2
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()
       UNION ALL
       SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, format('%I.%I', n.nspname, t.typname), t.oid, 3
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = current_schema() AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
     ) o
     WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype = 'e')
     ORDER BY pass, name`,
  );
  for (const o of objects.rows) await tx.exec(o.sql);
}

async function loadRows(tx: Queryable, file: string, check: SignatureCheck, header: BackupHeader, target: Map<string, CatalogTable>, progress: Progress): Promise<void> {
  let batch: Array<Array<string | null>> = [];
  let bytes = 0;
  let current: { table: BackupTable; here: CatalogTable; loaded: number; index: number; held: Array<Array<string | null>> | null } | undefined;
  const insert = async (rows: Array<Array<string | null>>) => {
    if (!current || rows.length === 0) return;
    const { table, here } = current;
    const types = new Map(here.columns.map((c) => [c.name, c.type]));
    const cols = table.columns.map((c) => ident(c.name)).join(', ');
    const values = table.columns.map((c, i) => `(r->>${i})::${types.get(c.name)}`).join(', ');
    try {
      // source_data is partitioned by month: the months of these rows are made first (migrations make none)
      const at = table.name === 'source_data' ? table.columns.findIndex((c) => c.name === 'data_time') : -1;
      if (at >= 0) await createMonthPartitions(tx, rows.map((r) => r[at]).filter((x): x is string => typeof x === 'string'));
      await tx.query(
        `INSERT INTO ${ident(table.name)} (${cols}) ${here.identityAlways ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${values} FROM json_array_elements($1::text::json) AS r`,
        [JSON.stringify(rows)],
      );
    } catch (e) {
      throw new BackupError(t('backup.error.rowsRefused', { table: table.name, detail: (e as Error).message }));
    }
    current.loaded += rows.length;
  };
  const flush = async () => {
    const rows = batch;
    batch = [];
    bytes = 0;
    await insert(rows);
  };
  const finish = async () => {
    if (!current) return;
    if (current.held) for (const wave of selfReferenceWaves(current.table, current.here, current.held)) await insert(wave);
    else await flush();
    if (current.loaded !== current.table.rows) throw new Error(`table ${current.table.name}: ${current.loaded} rows loaded, ${current.table.rows} expected`);
    progress(t('backup.progress.rows', { index: current.index, tables: header.tables.length, table: current.table.name, rows: fmt(current.loaded) }));
  };
  let index = 0;
  for await (const line of readBackup(file, check)) {
    if (line.kind === 'table') {
      await finish();
      const here = target.get(line.table.name)!;
      const selfRef = here.references.some((r) => r.table === here.name);
      current = { table: line.table, here, loaded: 0, index: ++index, held: selfRef ? [] : null };
    } else if (line.kind === 'row') {
      if (current!.held) current!.held.push(line.values);
      else {
        batch.push(line.values);
        bytes += line.values.reduce((s, v) => s + (v?.length ?? 4), 0);
        if (batch.length >= 5000 || bytes >= INSERT_BYTES) await flush();
        if (current!.loaded > 0 && current!.loaded % 100_000 === 0 && batch.length === 0)
          progress(t('backup.progress.rowsOf', { index: current!.index, tables: header.tables.length, table: current!.table.name, rows: fmt(current!.loaded), expected: fmt(current!.table.rows) }));
      }
    }
  }
  await finish();
}

/**
 * Rows of a table that references itself (regions.parent_id, tasks.parent_id), in waves: a row goes in
 * once the row it points to is in, so the foreign key holds after every statement.
 */
function selfReferenceWaves(table: BackupTable, here: CatalogTable, rows: Array<Array<string | null>>): Array<Array<Array<string | null>>> {
  const pos = (name: string) => table.columns.findIndex((c) => c.name === name);
  const refs = here.references.filter((r) => r.table === here.name).map((r) => ({ from: r.columns.map(pos), to: r.refColumns.map(pos) }));
  const key = (row: Array<string | null>, cols: number[]) => JSON.stringify(cols.map((i) => row[i]));
  const present = new Set<string>();
  const waves: Array<Array<Array<string | null>>> = [];
  let left = rows;
  while (left.length > 0) {
    const wave: Array<Array<string | null>> = [];
    const rest: Array<Array<string | null>> = [];
    for (const row of left) {
      const ok = refs.every((r) => r.from.some((i) => i < 0 || row[i] === null) || present.has(`${r.to.join(',')}:${key(row, r.from)}`) || key(row, r.from) === key(row, r.to));
      (ok ? wave : rest).push(row);
    }
    if (wave.length === 0) {
      waves.push(rest); // a cycle or a dangling reference: let the database say so
      break;
    }
    for (const row of wave) for (const r of refs) present.add(`${r.to.join(',')}:${key(row, r.to)}`);
    waves.push(wave);
    left = rest;
  }
  return waves;
}

/** Every serial/identity sequence past both the backed-up value and the highest restored key. */
async function setSequences(tx: Queryable, header: BackupHeader, target: Map<string, CatalogTable>): Promise<void> {
  for (const t of target.values()) {
    for (const c of t.columns) {
      const s = await tx.query<{ seq: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS seq', [ident(t.name), c.name]);
      const seq = s.rows[0]?.seq;
      if (!seq) continue;
      const saved = header.sequences.find((x) => x.table === t.name && x.column === c.name);
      const max = await tx.query<{ m: string | null }>(`SELECT max(${ident(c.name)})::text AS m FROM ${ident(t.name)}`);
      const fromRows = max.rows[0]?.m === null || max.rows[0]?.m === undefined ? 0n : BigInt(max.rows[0].m);
      const fromFile = saved ? BigInt(saved.lastValue) - (saved.isCalled ? 0n : 1n) : 0n;
      const last = fromRows > fromFile ? fromRows : fromFile;
      if (last > 0n) await tx.query('SELECT setval($1::regclass, $2::bigint, true)', [seq, last.toString()]);
      else await tx.query('SELECT setval($1::regclass, 1, false)', [seq]);
    }
  }
}

/** Row counts of a store freshly created with only the built-in data (an in-memory PGlite, thrown away). */
export async function freshBuiltinCounts(builtinDir?: string): Promise<Record<string, number>> {
  const { openStore } = await import('./index.ts');
  const scratch = await openStore({ dataDir: 'memory://', ...(builtinDir ? { builtinDir } : {}) });
  try {
    return await storeCounts(scratch);
  } finally {
    await scratch.close();
  }
}
