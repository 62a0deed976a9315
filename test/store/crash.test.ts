// Crash safety on both engines: a child process starts a bulk import (≈30,000 observations, or 23,040
// monthly progress reports), says when it is inside the import's transaction, and is killed with SIGKILL.
// The store, reopened, is exactly as it was before: every table's row count and checksum. The embedded
// store is file-backed here (a temporary directory), as it is in use; it must reopen after the kill.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../../src/store/backup.ts';
import type { Db } from '../../src/store/db.ts';
import { openStore } from '../../src/store/index.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { ENGINES, openTestStore, type Engine, type TestStore } from '../helpers/stores.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(ROOT, 'test/helpers/crash-child.ts');

interface Killed {
  stdout: string;
  stderr: string;
}

/** Run the child's import and SIGKILL it once it reports `signalAt` statements inside the transaction. */
function importAndKill(env: NodeJS.ProcessEnv, kind: 'observations' | 'progress', signalAt: number): Promise<Killed> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx/esm', CHILD, kind, String(signalAt)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (stdout.includes('IN-TX')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && stdout.includes('IN-TX')) done({ stdout, stderr });
      else fail(new Error(`the import was not killed inside its transaction (exit ${code}, signal ${signal}):\n${stdout}\n${stderr}`));
    });
  });
}

describe.each(ENGINES)('a bulk import killed with SIGKILL midway on %s', (engine: Engine) => {
  let dir: string;
  let store: TestStore | undefined;
  let env: NodeJS.ProcessEnv;
  let db: Db;

  /** the embedded store is a directory that only one process may hold: close it while the child runs */
  const reopen = async () => {
    if (engine === 'pglite') db = await openStore({ dataDir: join(dir, 'store'), skipBuiltin: true });
  };
  const release = async () => {
    if (engine === 'pglite') await db.close();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecociv-crash-'));
    env = { ...process.env };
    delete env.DATABASE_URL;
    if (engine === 'pglite') {
      db = await openStore({ dataDir: join(dir, 'store') });
      env.ECOCIV_DATA_DIR = join(dir, 'store');
    } else {
      store = await openTestStore('postgres');
      db = store.db;
      env.DATABASE_URL = store.url;
    }
    // something people entered, so that "as before" is more than the built-in data
    await recordObservations(db, [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '1', year: 2023, printed: '已建立', reportingUnit: '县生态环境局' }]);
  }, 120_000);
  afterAll(async () => {
    if (engine === 'pglite') await db?.close().catch(() => undefined);
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of ['observations', 'progress'] as const) {
    it(`${kind}: the store is exactly as before the import, and takes the next one`, async () => {
      const before = await storeFingerprint(db);
      await release();
      const killed = await importAndKill(env, kind, 3000);
      const entries = Number(/ENTRIES (\d+)/.exec(killed.stdout)?.[1]);
      expect(entries).toBeGreaterThan(20_000);
      expect(killed.stdout).not.toContain('DONE');
      await reopen();
      const after = await storeFingerprint(db);
      expect(after).toEqual(before);
      // the store works after the crash: a write lands and is seen
      await recordObservations(db, [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '1', year: kind === 'progress' ? 2024 : 2025, printed: '已建立' }]);
      expect((await storeFingerprint(db)).observations!.rows).toBe(before.observations!.rows + 1);
    }, 240_000);
  }
});
