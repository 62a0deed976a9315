// The installation's backup key. Every backup is signed with it (HMAC-SHA256 over the file's lines) and a
// restore checks the signature, so a backup that was changed and had its checksum recomputed is refused.
//
// Where the key comes from, first found:
//   ECOCIV_BACKUP_KEY        the key itself (at least 32 characters; e.g. `openssl rand -hex 32`)
//   ECOCIV_BACKUP_KEY_FILE   a file holding it
//   beside the data directory: dirname(ECOCIV_DATA_DIR)/ecociv-backup.key (./data/ecociv-backup.key by default),
//                            for a PostgreSQL installation too.
// The key file is made on the first backup (32 random bytes as hex, mode 0600, created exclusively) and must
// stay readable by its owner only. A restore never makes one: without the key a signed file cannot be checked.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { t } from '../i18n/index.ts';
import { BackupError } from './backup.ts';

export const KEY_FILE_NAME = 'ecociv-backup.key';
export const MIN_KEY_CHARS = 32;

/** The key, or (secret undefined) where it would be: a restore that has none says so and where to put it. */
export interface BackupKey {
  secret?: Buffer;
  /** where the key comes from, for messages */
  source: string;
  /** the key file, when the key is (or would be) in one */
  file?: string;
}

/** The backup key cannot be read, made or used. */
export class BackupKeyError extends BackupError {
  override name = 'BackupKeyError';
}

/** The key file of this installation: ECOCIV_BACKUP_KEY_FILE, else beside the data directory. */
export function backupKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ECOCIV_BACKUP_KEY_FILE) return resolve(env.ECOCIV_BACKUP_KEY_FILE);
  const dataDir = env.ECOCIV_DATA_DIR && !env.ECOCIV_DATA_DIR.startsWith('memory://') ? env.ECOCIV_DATA_DIR : 'data/store';
  return join(dirname(resolve(dataDir)), KEY_FILE_NAME);
}

function secretOf(text: string, source: string): Buffer {
  const s = text.trim();
  if ([...s].length < MIN_KEY_CHARS) throw new BackupKeyError(t('integrity.key.tooShort', { source, length: [...s].length }));
  return Buffer.from(s, 'utf8');
}

/**
 * The installation's backup key. With create (a backup), a missing key file is made; without (a restore),
 * a missing one gives a key without a secret.
 */
export function backupKey(opts: { create: boolean; env?: NodeJS.ProcessEnv; onCreated?: (line: string) => void }): BackupKey {
  const env = opts.env ?? process.env;
  if (env.ECOCIV_BACKUP_KEY) {
    const source = t('integrity.key.fromEnv');
    return { secret: secretOf(env.ECOCIV_BACKUP_KEY, source), source };
  }
  const file = backupKeyFile(env);
  const source = t('integrity.key.fromFile', { file });
  try {
    if (!existsSync(file)) {
      if (!opts.create) return { source, file };
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      try {
        const fd = openSync(file, 'wx', 0o600);
        try {
          writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
        } finally {
          closeSync(fd);
        }
        opts.onCreated?.(t('integrity.key.created', { file }));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first: use theirs
      }
    }
    const mode = statSync(file).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) throw new BackupKeyError(t('integrity.key.openPermissions', { file, mode: mode.toString(8).padStart(3, '0') }));
    return { secret: secretOf(readFileSync(file, 'utf8'), source), source, file };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupKeyError(t('integrity.key.unreadable', { file, detail: (e as Error).message }));
  }
}
