// The ecociv command run as a user runs it, in a child process over an embedded store in its own folder.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/ecociv.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A runner whose store lives in a fresh temporary folder (returned as dir, to remove afterwards). */
export function cliRunner(prefix: string): { dir: string; ecociv: (...args: string[]) => Promise<CliResult> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const ecociv = async (...args: string[]): Promise<CliResult> => {
    const env: NodeJS.ProcessEnv = { ...process.env, ECOCIV_DATA_DIR: join(dir, 'store') };
    delete env.DATABASE_URL;
    try {
      const r = await run(process.execPath, [BIN, ...args], { env, maxBuffer: 32 * 1024 * 1024 });
      return { ...r, code: 0 };
    } catch (e) {
      const err = e as { stdout: string; stderr: string; code: number };
      return { stdout: err.stdout, stderr: err.stderr, code: err.code };
    }
  };
  return { dir, ecociv };
}
