// POST /api/cli/run: the command line on this machine hands a command to the server that owns the embedded
// data directory (src/cli/remote.ts). Only from a loopback address, only with the lock holder's token
// (compared in constant time), never from a browser; the server runs the command in-process on the store
// it has open and streams back the output and the exit code as NDJSON.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { t } from '../i18n/index.ts';
import type { CliIo } from '../cli/io.ts';
import { runCli } from '../cli/run.ts';
import { CLI_ROUTE, CLI_TOKEN_HEADER, type CliLine } from '../cli/remote.ts';
import type { Db } from '../store/db.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Is this request the command line of this machine: loopback, no browser origin, the lock holder's token? */
export function isLocalCli(req: FastifyRequest, token: string | undefined): boolean {
  if (!token) return false; // not an embedded server: nothing to hand commands to
  if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) return false;
  if (req.headers.origin !== undefined) return false;
  const given = req.headers[CLI_TOKEN_HEADER];
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(token));
}

export function registerCliRoute(app: FastifyInstance, db: Db): void {
  app.post<{ Body: { argv?: unknown; cwd?: unknown; password?: unknown } }>(CLI_ROUTE, async (req, reply) => {
    const b = req.body ?? {};
    const argv = b.argv;
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string') || typeof b.cwd !== 'string' || !isAbsolute(b.cwd) || (b.password !== undefined && typeof b.password !== 'string'))
      return reply.code(400).send({ error: { code: 'badRequest', message: t('embedded.remote.badRequest') } });
    const password = b.password as string | undefined;
    const stream = new PassThrough();
    const send = (line: CliLine) => stream.write(`${JSON.stringify(line)}\n`);
    const io: CliIo = { out: (text) => send({ out: text }), err: (text) => send({ err: text }), cwd: b.cwd, password: async () => password ?? '' };
    void runCli(argv as string[], io, { db })
      .catch((e: unknown) => {
        app.log.error(e);
        send({ err: t('embedded.remote.failed', { detail: (e as Error).message }) });
        return 1;
      })
      .then((code) => {
        send({ exit: code });
        stream.end();
      });
    return reply.type('application/x-ndjson; charset=utf-8').send(stream);
  });
}
