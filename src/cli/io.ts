// Where a command's output goes and where its relative file names start: the terminal when the command runs
// here, or the reply to the command line when a running server runs it (src/server/cliRoute.ts).
import { resolve } from 'node:path';
import { t } from '../i18n/index.ts';

export interface CliIo {
  /** the command's output (stdout), one block at a time */
  out(text: string): void;
  /** progress and refusals (stderr) */
  err(text: string): void;
  /** the directory the user ran the command in: file names are relative to it */
  cwd: string;
  /** the password `users add` / `set-password` set */
  password(): Promise<string>;
}

/** A file name the user gave, as an absolute path from the directory the command was run in. */
export const userPath = (io: CliIo, file: string) => resolve(io.cwd, file);

/** ECOCIV_PASSWORD, or the first line of stdin. */
export async function readPassword(): Promise<string> {
  if (process.env.ECOCIV_PASSWORD) return process.env.ECOCIV_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write(t('cli.password'));
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export const consoleIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
  password: readPassword,
};
