// Running the ecociv command as a user does, on an embedded store of the test's own.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/ecociv.js');

export type CliResult = { stdout: string; stderr: string; code: number };

/** A runner whose embedded store lives in dir/store (never the server: DATABASE_URL is dropped). */
export function cliRunner(dir: string): (...args: string[]) => Promise<CliResult> {
  return async (...args) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ECOCIV_DATA_DIR: join(dir, 'store') };
    delete env.DATABASE_URL;
    try {
      return { ...(await run(process.execPath, [BIN, ...args], { env, maxBuffer: 32 * 1024 * 1024 })), code: 0 };
    } catch (e) {
      const err = e as CliResult;
      return { stdout: err.stdout, stderr: err.stderr, code: err.code };
    }
  };
}
