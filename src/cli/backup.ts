// The backup commands of `ecociv`: backup FILE, restore FILE (src/store/backup.ts does the work).
import { t } from '../i18n/index.ts';
import { BackupError, backupStore, freshBuiltinCounts, restoreStore } from '../store/backup.ts';
import { backupKey } from '../store/backupKey.ts';
import type { Db } from '../store/db.ts';
import { asOwner } from '../store/roles.ts';
import { userPath, type CliIo } from './io.ts';

export const BACKUP_COMMANDS = ['backup', 'restore'] as const;

export const BACKUP_HELP = `  ecociv backup <文件>                    备份整个数据库（一致的快照；gzip 压缩的 NDJSON，含校验和，用本机的备份密钥签名）
  ecociv restore <文件> [--trust-unsigned] 从备份恢复（只能恢复到空库或只有内置数据的新建库；全部成功或不做改动）；
                                         没有签名或签名与本机密钥不符的文件，只有加 --trust-unsigned 才恢复
                                         备份密钥：ECOCIV_BACKUP_KEY 或 ECOCIV_BACKUP_KEY_FILE，默认为数据目录旁的 ecociv-backup.key（首次备份时生成）`;

export interface BackupCliOptions {
  format: 'table' | 'json';
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
  if (!file) {
    io.err(`请指定${command === 'backup' ? '备份到哪个文件' : '要恢复的备份文件'}，例如：ecociv ${command} ecociv-备份.ndjson.gz`);
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
      io.out(o.format === 'json' ? JSON.stringify(out, null, 2) : `已备份到 ${s.file}：${s.tables} 张表，${s.rows.toLocaleString('en-US')} 行，${size(s.bytes)}，数据库结构第 ${s.schemaVersion} 版（${s.engine}），用时 ${out.seconds} 秒。`);
    } else {
      const key = backupKey({ create: false });
      // with two database roles the restore (which empties every table, audit_log too) runs as the owner
      const s = await asOwner(db, process.env.ECOCIV_MIGRATION_URL, (target) =>
        restoreStore(target, userPath(io, file), { key, trustUnsigned: o.trustUnsigned === true, onProgress: progress, freshCounts: () => freshBuiltinCounts(o.builtinDir) }),
      );
      const out = { ...s, seconds: Number(seconds(started)) };
      const migrated = s.migrated.length > 0 ? `，并升级到第 ${s.schemaVersion} 版` : '';
      io.out(o.format === 'json' ? JSON.stringify(out, null, 2) : `已从 ${s.file}（${s.createdAt}，${s.from}）恢复到 ${db.location}：${s.tables} 张表，${s.rows.toLocaleString('en-US')} 行${migrated}，用时 ${out.seconds} 秒。`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    io.err(e.message);
    return 1;
  }
}
