// A command line on an embedded data directory that a running server owns hands itself to that server:
// over loopback, with the token from the directory's lock file (readable only by the server's user), the
// server runs the same command on the store it has open (src/server/cliRoute.ts) and streams back its
// output and exit code. The output files land where the user asked: names are taken from the user's directory.
import { request } from 'node:http';
import { t } from '../i18n/index.ts';
import { ownerAlive, readLock, type DataDirBusyError, type LockInfo } from '../store/dirLock.ts';
import type { CliIo } from './io.ts';

export const CLI_ROUTE = '/api/cli/run';
export const CLI_TOKEN_HEADER = 'x-ecociv-cli-token';
/** how long to wait for a server that has the directory but does not listen yet (migrations at start) */
const STARTING_WAIT_MS = 60_000;

/** One line of the server's answer (NDJSON). */
export type CliLine = { out: string } | { err: string } | { exit: number };

export async function forwardToServer(busy: DataDirBusyError, argv: string[], io: CliIo, needsPassword: boolean): Promise<number> {
  const holder = await listeningHolder(busy, io);
  if (!holder) return 1;
  const body = JSON.stringify({ argv, cwd: io.cwd, ...(needsPassword ? { password: await io.password() } : {}) });
  const say = { dir: busy.dir, pid: holder.pid };
  return new Promise<number>((done) => {
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port: holder.port!, method: 'POST', path: CLI_ROUTE, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [CLI_TOKEN_HEADER]: holder.token } },
      (res) => {
        answered = true;
        res.setEncoding('utf8');
        let buf = '';
        let exit: number | null = null;
        const handle = (line: string) => {
          if (!line) return;
          const m = JSON.parse(line) as CliLine | { error?: { message?: string } };
          if ('out' in m) io.out(m.out);
          else if ('err' in m) io.err(m.err);
          else if ('exit' in m) exit = m.exit;
          else if ('error' in m) {
            io.err(m.error?.message ?? '');
            exit = 1;
          }
        };
        res.on('data', (chunk: string) => {
          buf += chunk;
          for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
            handle(buf.slice(0, i));
            buf = buf.slice(i + 1);
          }
        });
        res.on('end', () => {
          handle(buf.trim());
          if (exit === null) io.err(t('embedded.remote.lost', { detail: t('embedded.remote.noExit') }));
          done(exit ?? 1);
        });
        res.on('error', (e) => {
          io.err(t('embedded.remote.lost', { detail: e.message }));
          done(1);
        });
      },
    );
    req.on('error', (e) => {
      if (answered) return;
      io.err(t('embedded.remote.unreachable', { ...say, detail: e.message }));
      done(1);
    });
    req.end(body);
  });
}

/** The server's lock once it listens; null (refusal said) if it does not get there or goes away. */
async function listeningHolder(busy: DataDirBusyError, io: CliIo): Promise<LockInfo | null> {
  const deadline = Date.now() + STARTING_WAIT_MS;
  let holder: LockInfo | null = busy.holder;
  while (holder && holder.port === null) {
    if (Date.now() > deadline) {
      io.err(t('embedded.remote.starting', { dir: busy.dir, pid: holder.pid, seconds: STARTING_WAIT_MS / 1000 }));
      return null;
    }
    await new Promise((r) => setTimeout(r, 200));
    holder = readLock(busy.dir);
    if (holder && !ownerAlive(holder)) holder = null;
  }
  if (!holder) io.err(t('embedded.busy.server', { dir: busy.dir, pid: busy.holder.pid }));
  return holder;
}
