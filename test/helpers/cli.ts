// The ecociv command run as a user runs it, over an embedded store in a temporary data directory.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/ecociv.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A runner of `ecociv …` whose embedded store lives in dataDir/store (DATABASE_URL is ignored). */
export function cliIn(dataDir: string): (...args: string[]) => Promise<CliResult> {
  return async (...args) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ECOCIV_DATA_DIR: join(dataDir, 'store') };
    delete env.DATABASE_URL;
    try {
      return { ...(await run(process.execPath, [BIN, ...args], { env, maxBuffer: 32 * 1024 * 1024 })), code: 0 };
    } catch (e) {
      const err = e as CliResult;
      return { stdout: err.stdout, stderr: err.stderr, code: err.code };
    }
  };
}
