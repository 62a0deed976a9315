// The backup commands of `ecociv`: backup FILE, restore FILE (src/store/backup.ts does the work).
import { t, type Locale } from '../i18n/index.ts';
import { BackupError, backupStore, freshBuiltinCounts, restoreStore } from '../store/backup.ts';
import { backupKey } from '../store/backupKey.ts';
import type { Db } from '../store/db.ts';
import { asOwner } from '../store/roles.ts';
import { userPath, type CliIo } from './io.ts';

export const BACKUP_COMMANDS = ['backup', 'restore'] as const;

/** The backup commands' lines of the help. */
export const backupHelp = (locale: Locale) => t('cli.help.backup', {}, locale);

export interface BackupCliOptions {
  format: 'table' | 'json';
  /** the language of what it prints (default zh-CN) */
  locale?: Locale;
  /** the built-in data directory the store was opened with (for telling a fresh store) */
  builtinDir?: string;
  /** restore a file that is unsigned or signed with another key (the operator vouches for it) */
  trustUnsigned?: boolean;
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Runs backup or restore; prints the outcome. Exit code 2 for a missing file name, 1 for a refusal. */
export async function runBackup(db: Db, io: CliIo, command: (typeof BACKUP_COMMANDS)[number], args: string[], o: BackupCliOptions): Promise<number> {
  const file = args[0];
  const locale = o.locale ?? 'zh-CN';
  if (!file) {
    io.err(t(command === 'backup' ? 'cli.backup.needFile' : 'cli.restore.needFile', {}, locale));
    return 2;
  }
  const progress = (line: string) => io.err(line);
  const started = Date.now();
  try {
    if (command === 'backup') {
      const key = backupKey({ create: true, onCreated: progress });
      const s = await backupStore(db, userPath(io, file), { key, onProgress: progress });
      progress(t('integrity.backup.signed', { keySource: key.source }));
      const out = { ...s, seconds: Number(seconds(started)) };
      io.out(o.format === 'json' ? JSON.stringify(out, null, 2) : t('cli.backup.done', { file: s.file, tables: s.tables, rows: s.rows.toLocaleString('en-US'), size: size(s.bytes), version: s.schemaVersion, engine: s.engine, seconds: out.seconds }, locale));
    } else {
      const key = backupKey({ create: false });
      // with two database roles the restore (which empties every table, audit_log too) runs as the owner
      const s = await asOwner(db, process.env.ECOCIV_MIGRATION_URL, (target) =>
        restoreStore(target, userPath(io, file), { key, trustUnsigned: o.trustUnsigned === true, onProgress: progress, freshCounts: () => freshBuiltinCounts(o.builtinDir) }),
      );
      const out = { ...s, seconds: Number(seconds(started)) };
      const migrated = s.migrated.length > 0 ? t('cli.restore.migrated', { version: s.schemaVersion }, locale) : '';
      io.out(o.format === 'json' ? JSON.stringify(out, null, 2) : t('cli.restore.done', { file: s.file, createdAt: s.createdAt, from: s.from, location: db.location, tables: s.tables, rows: s.rows.toLocaleString('en-US'), migrated, seconds: out.seconds }, locale));
    }
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    io.err(e.message);
    return 1;
  }
}
