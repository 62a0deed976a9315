// One process owns an embedded (PGlite) data directory at a time. Two processes writing one PGlite
// directory lose committed rows and can leave it unopenable, so the owner holds a lock file in the
// directory: created atomically (O_EXCL, mode 0600), holding the owner's pid, the process's start time
// (from /proc, so that a reused pid is not taken for the owner), a random token (the server accepts
// commands from the command line over loopback with it) and, once the server listens, its port.
// A lock whose owner is no longer running is taken over; a live owner's lock is never touched.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../i18n/index.ts';

export const LOCK_FILE = 'ecociv.lock';

export interface LockInfo {
  pid: number;
  /** the process's start time in clock ticks since boot (/proc/PID/stat field 22); null where /proc is missing */
  start: string | null;
  /** hex, 32 bytes: what a command line on this machine shows the server to be let in */
  token: string;
  /** the server's loopback port once it listens */
  port: number | null;
  /** serve: the HTTP server; cli: a command line that opened the store itself */
  role: 'serve' | 'cli';
  command: string;
  since: string;
}

export interface DirLock {
  readonly dir: string;
  readonly info: LockInfo;
  /** record the port the server listens on (the lock file is replaced atomically) */
  setPort(port: number): void;
  /** remove the lock file if it is still ours */
  release(): void;
}

/** The directory is owned by another live process. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
    message: string,
  ) {
    super(message);
    this.name = 'DataDirBusyError';
  }
}

/** The start time of a running process, or null when it is not running (or /proc cannot tell). */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const hasProc = (() => {
  try {
    statSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** Is the process that wrote this lock still running (the same process, not a reuse of its pid)? */
export function ownerAlive(info: LockInfo): boolean {
  if (!Number.isInteger(info.pid) || info.pid <= 0) return false;
  if (hasProc) return info.start !== null && processStart(info.pid) === info.start;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dir: string): LockInfo | null {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || typeof v.token !== 'string') return null;
    return { pid: v.pid, start: v.start ?? null, token: v.token, port: typeof v.port === 'number' ? v.port : null, role: v.role === 'serve' ? 'serve' : 'cli', command: String(v.command ?? ''), since: String(v.since ?? '') };
  } catch {
    return null; // half-written by an owner killed while writing: nobody owns it
  }
}

/** The refusal for a directory another process owns, in the plan office's words. */
export function busyMessage(dir: string, holder: LockInfo, command: string): string {
  const wanted = command.split(' ')[0];
  if (holder.role === 'serve') {
    if (wanted === 'serve') return t('embedded.busy.serveTwice', { dir, pid: holder.pid, port: holder.port ?? '—' });
    if (wanted === 'restore') return t('embedded.busy.restoreWhileServing', { dir, pid: holder.pid });
    return t('embedded.busy.server', { dir, pid: holder.pid });
  }
  return t('embedded.busy.command', { dir, pid: holder.pid, command: holder.command, since: holder.since.slice(0, 19).replace('T', ' ') });
}

function writeExclusive(file: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Take the directory for this process, or throw DataDirBusyError naming its live owner. A lock left by a
 * process that is no longer running is taken over (under a short take-over mutex, so that two newcomers
 * cannot both remove it and both win).
 */
export function acquireDirLock(dir: string, o: { role: 'serve' | 'cli'; command: string }): DirLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, start: processStart(process.pid), token: randomBytes(32).toString('hex'), port: null, role: o.role, command: o.command, since: new Date().toISOString() };
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (writeExclusive(file, info)) return held(dir, file, info);
    const holder = readLock(dir);
    if (holder && ownerAlive(holder)) throw new DataDirBusyError(dir, holder, busyMessage(dir, holder, o.command));
    if (!takeOverStale(dir, file)) sleep(20);
  }
  const holder = readLock(dir);
  throw new DataDirBusyError(dir, holder ?? info, busyMessage(dir, holder ?? info, o.command));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A lock file that cannot be read may be one being written this instant: only an old one is abandoned. */
function abandoned(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > 5_000;
  } catch {
    return true;
  }
}

/** Remove a dead owner's lock; false when there was nothing to do yet (someone else is at it, or too new). */
function takeOverStale(dir: string, file: string): boolean {
  const mutex = join(dir, `${LOCK_FILE}.takeover`);
  try {
    mkdirSync(mutex);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // someone else is taking over; a mutex left by a process killed in these few lines expires
    try {
      if (Date.now() - statSync(mutex).mtimeMs > 10_000) rmdirSync(mutex);
    } catch {
      /* gone already */
    }
    return false;
  }
  try {
    const again = readLock(dir);
    if (again ? ownerAlive(again) : !abandoned(file)) return false;
    unlinkSync(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return true;
  } finally {
    rmdirSync(mutex);
  }
}

function held(dir: string, file: string, info: LockInfo): DirLock {
  const ours = () => readLock(dir)?.token === info.token;
  return {
    dir,
    info,
    setPort(port: number) {
      info.port = port;
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
      renameSync(tmp, file);
    },
    release() {
      try {
        if (ours()) unlinkSync(file);
      } catch {
        /* already gone */
      }
    },
  };
}
