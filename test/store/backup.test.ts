// Backups on both engines: a store with people's data in every kind of table (observations, a confirmation,
// progress reports returned and accepted, project changes, work items, an update, a supervision notice and
// its reply, an attachment, settings, a draft) is backed up and restored into an empty store; every table's
// rows, the assessments, project progress and the exports come back identical — on the same engine and on
// the other one. A damaged, truncated, tampered or newer file, and a store holding people's data, are
// refused with a Chinese message naming what is wrong, and the target is left as it was.
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { saveDraft } from '../../src/app/dataEntry.ts';
import { departmentAssessment } from '../../src/app/departmentAssessment.ts';
import { projectProgress } from '../../src/app/projectProgress.ts';
import { progressWorkbook } from '../../src/exchange/progressWorkbook.ts';
import { workPlanWorkbook } from '../../src/exchange/workPlanWorkbook.ts';
import { scorecardWorkbook } from '../../src/reports/scorecardXlsx.ts';
import { addAttachment, getAttachment } from '../../src/store/attachments.ts';
import { BackupError, backupStore, freshBuiltinCounts, restoreStore, SCHEMA_VERSION, storeFingerprint } from '../../src/store/backup.ts';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/db.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { recordProgress, recordProjectChange, reviewProgress, savePlanSettings } from '../../src/store/projectTracking.ts';
import { recordConfirmation } from '../../src/app/confirmIndicator.ts';
import { recordObservations, type ObservationEntry } from '../../src/store/recordObservations.ts';
import { issueNotices, recordTaskUpdate, recordWorkItems, replyToNotice } from '../../src/store/workPlan.ts';
import { ENGINES, openTestStore, type Engine, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
/** the installation's backup key, for these tests (src/store/backupKey.ts finds the real one) */
const key = { secret: Buffer.from('backup-test-key-'.repeat(4)), source: 'test' };
const AS_OF = '2024-07-01';
const dir = mkdtempSync(join(tmpdir(), 'ecociv-backup-'));
/** every byte value, after a PNG signature */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from([0, 0, 0x5c, 0x78])]);

/** People's data in every table they write. */
async function fill(db: Db): Promise<void> {
  // 2023: the units re-enter the 2021 figures of both frameworks (some read as intervals with an open end)
  const doc = await db.query<{ framework: string; number: string; part: string; printed: string }>(
    `SELECT i.framework_id AS framework, i.number, o.part, o.printed FROM observations o JOIN indicators i ON i.id = o.indicator_id
     WHERE o.plan_id = $1 AND o.year = 2021 ORDER BY i.framework_id, i.position, o.part`,
    [PLAN],
  );
  const entries: ObservationEntry[] = doc.rows.map((r) => ({ plan: PLAN, framework: r.framework, number: r.number, ...(r.part ? { part: r.part } : {}), year: 2023, printed: r.printed, note: '复核 "引号" \\ 反斜杠 \u{1F600}', flags: ['估算'] }));
  await recordObservations(db, entries);
  await recordConfirmation(db, { plan: PLAN, framework: 'national-demo-county', number: '2', year: 2023, status: 'met', by: '县生态环境局 张三', reason: '部署文件齐全', at: '2024-03-01' });
  const reports = await recordProgress(db, [
    { plan: PLAN, project: '1', period: '2023-Q4', investmentCumulativeWan: '1,234.5678', physicalPercent: 33.3, status: '在建', milestones: '完成主体', reportedOn: '2024-01-05', reportingUnit: '县水利局' },
    { plan: PLAN, project: '2', period: '2023-Q4', investmentCumulativeWan: 0.01, status: '未开工', reportedOn: '2024-01-05' },
    { plan: PLAN, project: '1', period: '2024-Q1', investmentPeriodWan: 100, status: '在建', reportedOn: '2024-04-05' },
  ]);
  await reviewProgress(db, reports.ids[1]!, 'returned', '请补充开工手续');
  await reviewProgress(db, reports.ids[0]!, 'accepted');
  await recordProjectChange(db, { plan: PLAN, project: '5', kind: 'adjust', fields: { investmentWan: 12345.67 }, reason: '追加建设内容', effectiveOn: '2024-03-01', recordedBy: '县生态环境局' });
  await recordProjectChange(db, { plan: PLAN, project: '6', kind: 'cancel', reason: '并入项目5', effectiveOn: '2024-03-01' });
  await recordProjectChange(db, { plan: PLAN, project: 'N1', kind: 'add', fields: { name: '新增测试项目', group: '生态安全保障工程', investmentWan: 500, yearStart: 2024, yearEnd: 2025, leadUnits: '县水利局、县林业局' }, reason: '新增', effectiveOn: '2024-03-01' });
  const { ids } = await recordWorkItems(db, [
    { plan: PLAN, year: 2024, title: '修订重大行政决策程序规定', leadUnit: '县司法局', deadline: '2024-05-31', indicators: ['生态文明建设规划'] },
    { plan: PLAN, year: 2024, title: '完成自然资源资产负债表编制', leadUnit: '县规划自然资源局', cooperatingUnits: '县统计局、县财政局', deadline: '2024-09-30' },
  ]);
  const update = await recordTaskUpdate(db, ids[1]!, { status: '推进中', progress: '已完成数据收集', evidence: '收集表 12 份' }, { today: '2024-06-01' });
  const [notice] = await issueNotices(db, PLAN, { asOf: '2024-06-20', issuedBy: '创建办' });
  await replyToNotice(db, notice!.id, { reply: '6月底前印发', repliedBy: '县司法局 李四' }, { today: '2024-06-22' });
  await addAttachment(db, { plan: PLAN, ownerKind: 'progress', ownerId: reports.ids[0]!, fileName: '现场照片.png', data: PNG });
  await addAttachment(db, { plan: PLAN, ownerKind: 'taskUpdate', ownerId: update.id, fileName: '收集表.pdf', data: Buffer.from('%PDF-1.7\n\u0000\u00ff') });
  await savePlanSettings(db, PLAN, { tolerance: 0.25, weights: { indicators: 40, projects: 30, tasks: 20, reporting: 10 } });
  await saveDraft(db, PLAN, '县林业局', 2024, [{ framework: 'national-demo-county', number: '30', printed: '91.5' }]);
}

/** Everything a user sees: assessments of the base year and of the entered year, progress, rankings. */
async function views(db: Db) {
  return {
    assess2021: await assessPlan(db, PLAN, 2021),
    assess2023: await assessPlan(db, PLAN, 2023),
    qianjiang: await assessPlan(db, 'qianjiang-apeng-two-mountains', undefined),
    progress: await projectProgress(db, PLAN, { asOf: AS_OF }),
    departments: await departmentAssessment(db, PLAN, 2024, { asOf: AS_OF }),
  };
}

/** An Excel workbook's content (every sheet's cell values), without the timestamps of the file itself. */
async function workbookContent(data: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues() }));
}

async function exportsOf(db: Db) {
  return {
    scorecard: await workbookContent(await scorecardWorkbook(await assessPlan(db, PLAN, 2023))),
    progress: await workbookContent(await progressWorkbook(db, PLAN, { period: '2024-Q2', asOf: AS_OF })),
    workPlan: await workbookContent(await workPlanWorkbook(db, PLAN, { year: 2024, asOf: AS_OF })),
  };
}

// ---------------------------------------------------------------- rewriting backup files

function lines(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l.length > 0);
}

/** Write lines as a backup file with a correct trailer (checksum and signature recomputed with the key): a well-formed file. */
function writeWithTrailer(file: string, body: string[]): void {
  const text = body.map((l) => `${l}\n`).join('');
  const trailer = { end: 'ecociv-backup', tables: JSON.parse(body[0]!).tables.length, rows: 0, sha256: createHash('sha256').update(text).digest('hex'), hmacSha256: createHmac('sha256', key.secret).update(text).digest('hex') };
  writeFileSync(file, gzipSync(`${text}${JSON.stringify(trailer)}\n`));
}

let freshOnce: Promise<Record<string, number>> | undefined;
/** the built-in data's row counts, loaded once for the file */
const freshCounts = () => (freshOnce ??= freshBuiltinCounts());

/** A store of the test's own for fn, closed (and dropped) afterwards. */
async function withStore<T>(engine: Engine, opts: { skipBuiltin?: boolean }, fn: (db: Db) => Promise<T>): Promise<T> {
  const s = await openTestStore(engine, opts);
  try {
    return await fn(s.db);
  } finally {
    await s.close();
  }
}

async function refusal(p: Promise<unknown>): Promise<BackupError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

// ---------------------------------------------------------------- the tests

const files: Partial<Record<Engine, string>> = {};
const fingerprints: Partial<Record<Engine, Awaited<ReturnType<typeof storeFingerprint>>>> = {};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let source: TestStore;
  let file: string;
  let expected: { views: Awaited<ReturnType<typeof views>>; exports: Awaited<ReturnType<typeof exportsOf>> };
  beforeAll(async () => {
    source = await openTestStore(engine);
    await fill(source.db);
    file = join(dir, `${engine}.ndjson.gz`);
    const progress: string[] = [];
    const s = await backupStore(source.db, file, { key, onProgress: (l) => progress.push(l) });
    expect(s).toMatchObject({ file, schemaVersion: SCHEMA_VERSION, engine });
    expect(progress.at(-1)).toMatch(/^\[(\d+)\/\1\] \S+ [\d,]+ 行$/);
    files[engine] = file;
    fingerprints[engine] = await storeFingerprint(source.db);
    expected = { views: await views(source.db), exports: await exportsOf(source.db) };
  }, 180_000);
  afterAll(async () => {
    await source?.close();
  });

  it('the file: a header naming every table (from the catalog) with its row count, rows as text, a checksum and signature trailer', async () => {
    const all = lines(file);
    const header = JSON.parse(all[0]!);
    expect(header).toMatchObject({ format: 'ecociv-backup', formatVersion: 1, schemaVersion: SCHEMA_VERSION, engine });
    const names = header.tables.map((t: { name: string }) => t.name);
    expect(names).not.toContain('schema_migrations');
    expect(new Set(names)).toEqual(new Set(Object.keys(fingerprints[engine]!)));
    for (const t of header.tables) expect(t.rows, t.name).toBe(fingerprints[engine]![t.name]!.rows);
    // referenced tables first
    expect(names.indexOf('regions')).toBeLessThan(names.indexOf('plans'));
    expect(names.indexOf('work_items')).toBeLessThan(names.indexOf('supervision_notices'));
    const trailer = JSON.parse(all.at(-1)!);
    expect(trailer.sha256).toBe(createHash('sha256').update(all.slice(0, -1).map((l) => `${l}\n`).join('')).digest('hex'));
    expect(trailer.hmacSha256).toBe(createHmac('sha256', key.secret).update(all.slice(0, -1).map((l) => `${l}\n`).join('')).digest('hex'));
    // what must survive exactly is there: the attachment's bytes, ±Infinity in readings, numerics
    expect(all.some((l) => l.includes(`\\\\x${PNG.toString('hex')}`))).toBe(true);
    expect(all.some((l) => l.includes('+inf'))).toBe(true);
    expect(all.some((l) => l.includes('"1234.5678"'))).toBe(true);
  });

  it('restores into an empty store: every table, the assessments, project progress and the exports are identical', async () => {
    await withStore(engine, { skipBuiltin: true }, async (targetDb) => {
      const progress: string[] = [];
      const r = await restoreStore(targetDb, file, { key, onProgress: (l) => progress.push(l) });
      expect(r).toMatchObject({ migrated: [], schemaVersion: SCHEMA_VERSION, from: engine, engine, signature: 'signed' });
      expect(progress).toContain(`[${r.tables}/${r.tables}] task_updates ${fingerprints[engine]!.task_updates!.rows} 行`);
      expect(await storeFingerprint(targetDb)).toEqual(fingerprints[engine]);
      expect(await views(targetDb)).toEqual(expected.views);
      expect(await exportsOf(targetDb)).toEqual(expected.exports);
      const png = await targetDb.query<{ id: string }>(`SELECT id FROM attachments WHERE file_name = '现场照片.png'`);
      expect((await getAttachment(targetDb, Number(png.rows[0]!.id))).data.equals(PNG)).toBe(true);
      // the sequences are past the restored rows: new rows get new ids
      const maxId = Number((await targetDb.query<{ m: string }>('SELECT max(id) AS m FROM project_changes')).rows[0]!.m);
      const next = await recordProjectChange(targetDb, { plan: PLAN, project: '7', kind: 'cancel', reason: '恢复后新增', effectiveOn: '2024-07-01' });
      expect(next.id).toBeGreaterThan(maxId);
      const added = await recordProgress(targetDb, [{ plan: PLAN, project: '3', period: '2024-Q1', investmentCumulativeWan: 1, status: '在建', reportedOn: '2024-04-05' }]);
      expect(added.recorded).toBe(1);
    });
  }, 180_000);

  it('restores into a store freshly created with the built-in data; refuses one holding people’s data, naming the tables, and leaves it as it was', async () => {
    await withStore(engine, {}, async (freshDb) => {
      await restoreStore(freshDb, file, { key, freshCounts });
      expect(await storeFingerprint(freshDb)).toEqual(fingerprints[engine]);
      // now it holds people's data (the restored store's): a second restore is refused
      await recordObservations(freshDb, [{ plan: PLAN, framework: 'national-demo-county', number: '3', year: 2024, printed: '25' }]);
      const before = await storeFingerprint(freshDb);
      const e = await refusal(restoreStore(freshDb, file, { key, freshCounts }));
      expect(e.message).toMatch(/^目标数据库不是空库/);
      expect(e.message).toMatch(/observations [\d,]+ 行（新建库为 [\d,]+ 行）/);
      expect(e.message).toContain('project_progress');
      expect(await storeFingerprint(freshDb)).toEqual(before);
    });
  }, 180_000);

  it('refuses a truncated, damaged, tampered, foreign or newer file with a Chinese message, and leaves the store as it was', async () => {
    await withStore(engine, {}, async (targetDb) => {
      const before = await storeFingerprint(targetDb);
      const bytes = readFileSync(file);
      const all = lines(file);
      const header = JSON.parse(all[0]!);
      const cases: Array<[string, string | Buffer | (() => void), RegExp]> = [
        ['truncated.gz', bytes.subarray(0, Math.floor(bytes.length / 2)), /已损坏或不完整：无法解压/],
        ['damaged.gz', Buffer.concat([bytes.subarray(0, 2000), Buffer.from(bytes.subarray(2000, 2100).map((b) => b ^ 0x5a)), bytes.subarray(2100)]), /已损坏或不完整/],
        ['tampered.gz', gzipSync(all.map((l) => `${l.replace('县司法局 李四', '县司法局 王五')}\n`).join('')), /校验和（sha256）不符/],
        ['cut.gz', gzipSync(all.slice(0, -40).map((l) => `${l}\n`).join('')), /已损坏或不完整/],
        ['foreign.gz', gzipSync('{"hello":"world"}\n'), /不是 ecociv 备份文件/],
        ['plain.txt', 'not gzip at all', /无法解压/],
        ['newer.gz', () => writeWithTrailer(join(dir, 'newer.gz'), [JSON.stringify({ ...header, schemaVersion: SCHEMA_VERSION + 1 }), ...all.slice(1, -1)]), new RegExp(`结构为第 ${SCHEMA_VERSION + 1} 版，比本程序（第 ${SCHEMA_VERSION} 版）新`)],
        ['missing.gz', () => undefined, /无法读取备份文件 .+：文件不存在/],
      ];
      for (const [name, content, message] of cases) {
        const path = join(dir, `${engine}-${name}`);
        if (typeof content === 'function') {
          content();
          if (name === 'newer.gz') writeFileSync(path, readFileSync(join(dir, 'newer.gz')));
        } else writeFileSync(path, content);
        const e = await refusal(restoreStore(targetDb, path, { key, freshCounts }));
        expect(e.message, name).toMatch(message);
        expect(e.message, name).toContain('未做任何改动');
      }
      expect(await storeFingerprint(targetDb)).toEqual(before);

      // well-formed (checksum right) but the database refuses a row near the end: everything is undone,
      // including the emptying of the built-in tables that came before
      const obsAt = all.findIndex((l) => l.startsWith('{"table":"observations"'));
      const obsRows = JSON.parse(all[obsAt]!).rows as number;
      const dup = all[obsAt + obsRows]!; // the last observation, twice: a primary-key violation
      const bad = header.tables.map((t: { name: string; rows: number }) => (t.name === 'observations' ? { ...t, rows: t.rows + 1 } : t));
      const body = [JSON.stringify({ ...header, tables: bad }), ...all.slice(1, obsAt), JSON.stringify({ table: 'observations', rows: obsRows + 1 }), ...all.slice(obsAt + 1, obsAt + obsRows + 1), dup, ...all.slice(obsAt + obsRows + 1, -1)];
      writeWithTrailer(join(dir, `${engine}-violates.gz`), body);
      const e = await refusal(restoreStore(targetDb, join(dir, `${engine}-violates.gz`), { key, freshCounts }));
      expect(e.message).toMatch(/^恢复失败：数据库拒绝了备份文件中表 observations 的数据/);
      expect(await storeFingerprint(targetDb)).toEqual(before);
    });
  }, 180_000);
});

describe('across engines', () => {
  it('a backup from PGlite restores into PostgreSQL and a backup from PostgreSQL into PGlite, identical', async () => {
    for (const [from, to] of [['pglite', 'postgres'], ['postgres', 'pglite']] as const) {
      await withStore(to, { skipBuiltin: true }, async (targetDb) => {
        const r = await restoreStore(targetDb, files[from]!, { key });
        expect(r).toMatchObject({ from, engine: to });
        expect(await storeFingerprint(targetDb)).toEqual(fingerprints[from]);
        // and back: its backup restores on the first engine, still identical
        const again = join(dir, `${from}-via-${to}.ndjson.gz`);
        await backupStore(targetDb, again, { key });
        await withStore(from, { skipBuiltin: true }, async (homeDb) => {
          await restoreStore(homeDb, again, { key });
          expect(await storeFingerprint(homeDb)).toEqual(fingerprints[from]);
        });
      });
    }
  }, 240_000);
});

describe.each(ENGINES)('a file from an older schema, on %s', (engine) => {
  it('is restored at its version and brought up to date by the later migrations', async () => {
    // a store as version 4 of the program left it: no project keys, no tracking tables
    const old = await openDb({ dataDir: 'memory://' });
    await withStore(engine, { skipBuiltin: true }, async (targetDb) => {
      await old.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const m of MIGRATIONS.filter((x) => x.version <= 4)) {
        await old.exec(m.sql);
        await old.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await old.exec(`INSERT INTO regions (name, level) VALUES ('某县', '区县');
        INSERT INTO plans (id, region_id, title, period_start, period_end, target_years) VALUES ('p', 1, '某规划', 2022, 2028, '{2025}');
        INSERT INTO project_groups (plan_id, position, name) VALUES ('p', 0, '一组');
        INSERT INTO projects (plan_id, position, number, group_name, name) VALUES ('p', 0, 7, '一组', '有编号'), ('p', 1, NULL, '一组', '无编号');
        INSERT INTO tasks (plan_id, position, depth, kind, title) VALUES ('p', 0, 0, 'heading', '第一章');
        INSERT INTO tasks (plan_id, parent_id, position, depth, kind, text) VALUES ('p', 1, 1, 1, 'clause', '条目');`);
      const file = join(dir, `v4-${engine}.ndjson.gz`);
      const s = await backupStore(old, file, { key });
      expect(s.schemaVersion).toBe(4);
      // what a later migration might have made beside the tables: rebuilt from the migrations, not kept
      await targetDb.exec(`CREATE TYPE review_state AS ENUM ('a', 'b'); CREATE FUNCTION audit_probe() RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE VIEW plan_titles AS SELECT id, title FROM plans`);
      const r = await restoreStore(targetDb, file, { key });
      expect(r.migrated).toEqual(MIGRATIONS.filter((m) => m.version > 4).map((m) => m.version));
      const left = await targetDb.query(`SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() AND p.proname = 'audit_probe'
        UNION ALL SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() AND t.typname IN ('review_state', 'plan_titles')`);
      expect(left.rows).toEqual([]);
      const keys = await targetDb.query<{ key: string }>('SELECT key FROM projects ORDER BY position');
      expect(keys.rows.map((k) => k.key)).toEqual(['7', 'P1']);
      const versions = await targetDb.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect((await targetDb.query('SELECT 1 FROM project_progress')).rows).toEqual([]);
    }).finally(() => old.close());
  }, 120_000);
});
