// Attachments (photos, documents) on progress reports, task updates and replies, kept in the database
// itself so that a backup of the store holds them. Type and size are checked on the bytes, not trusted.
import { createHash } from 'node:crypto';
import { ArchiveError, unpackOffice } from '../exchange/archive.ts';
import { t } from '../i18n/index.ts';
import { InvalidBatchError } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { writeAudit } from './audit.ts';
import { unitScope } from './users.ts';
import { ENTRY_ROLES, requirePlanRole } from './access.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type OwnerKind = 'progress' | 'taskUpdate' | 'reply';

const KINDS: Array<{ ext: string[]; type: string; magic: (b: Buffer) => boolean }> = [
  { ext: ['jpg', 'jpeg'], type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: ['png'], type: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: ['pdf'], type: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { ext: ['docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
  { ext: ['xlsx'], type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];
export const ALLOWED_EXTENSIONS = KINDS.flatMap((k) => k.ext);

/** A file name as shown and downloaded: no folders, no control characters, a known ending. */
export function checkFileName(name: string): string | undefined {
  if (!name || name.length > 200) return 'attachment.error.nameLength';
  if (/[\\/\x00-\x1f\x7f]/.test(name) || name === '.' || name === '..' || name.startsWith('.')) return 'attachment.error.nameChars';
  // invisible and direction-changing characters (U+202E shows "gpj.exe" as "exe.jpg"), other controls, separators
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}]/u.test(name)) return 'limits.file.hiddenChars';
  return undefined;
}

export async function addAttachment(db: Db, a: { plan: string; ownerKind: OwnerKind; ownerId: number; fileName: string; data: Buffer }, actor: Actor = SYSTEM_ACTOR): Promise<{ id: number; contentType: string; sizeBytes: number }> {
  const fail = (field: string, value: string, key: string, params: Record<string, string | number> = {}) => {
    throw new InvalidBatchError([{ row: 1, field, value, message: t(key, params) }]);
  };
  const nameProblem = checkFileName(a.fileName);
  if (nameProblem) fail('fileName', a.fileName.slice(0, 200), nameProblem);
  const ext = a.fileName.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) fail('fileName', a.fileName, 'attachment.error.type', { allowed: ALLOWED_EXTENSIONS.join('、') });
  if (a.data.length === 0) fail('file', a.fileName, 'attachment.error.empty');
  if (a.data.length > MAX_ATTACHMENT_BYTES) fail('file', a.fileName, 'attachment.error.size', { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  if (!kind!.magic(a.data)) fail('file', a.fileName, 'attachment.error.content', { ext });
  // an Office file must be a whole zip with its [Content_Types].xml, within the unpacked bound
  if (ext === 'docx' || ext === 'xlsx') {
    try {
      unpackOffice(a.data, ext, () => false);
    } catch (e) {
      if (!(e instanceof ArchiveError)) throw e;
      throw new InvalidBatchError([{ row: 1, field: 'file', value: a.fileName, message: e.message }]);
    }
  }
  const table = a.ownerKind === 'progress' ? 'project_progress' : a.ownerKind === 'taskUpdate' ? 'task_updates' : 'supervision_notices';
  return db.transaction(async (tx) => {
    // the units of the record the file belongs to: a clerk may attach only to their own unit's records
    const owner = await tx.query<{ units: string[] }>(
      table === 'task_updates'
        ? 'SELECT ARRAY[w.lead_unit] AS units FROM task_updates u JOIN work_items w ON w.id = u.work_item_id WHERE u.id = $1 AND w.plan_id = $2'
        : table === 'supervision_notices'
          ? 'SELECT ARRAY[unit] AS units FROM supervision_notices WHERE id = $1 AND plan_id = $2'
          : `SELECT COALESCE((SELECT pr.lead_units FROM projects pr WHERE pr.plan_id = g.plan_id AND pr.key = g.project_key), '{}') AS units FROM project_progress g WHERE g.id = $1 AND g.plan_id = $2`,
      [a.ownerId, a.plan],
    );
    if (owner.rows.length === 0) throw new NotFoundError(t('attachment.error.owner', { kind: a.ownerKind, id: a.ownerId }));
    await requirePlanRole(tx, actor, a.plan, ENTRY_ROLES);
    const region = await tx.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [a.plan]);
    const scope = await unitScope(tx, actor, region.rows[0]!.region_id);
    if (scope !== 'all' && !owner.rows[0]!.units.some((u) => scope.has(u))) fail('id', String(a.ownerId), 'auth.error.notYourRecord');
    const sha256 = createHash('sha256').update(a.data).digest('hex');
    const r = await tx.query<{ id: string }>(
      `INSERT INTO attachments (plan_id, owner_kind, owner_id, file_name, content_type, size_bytes, sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.plan, a.ownerKind, a.ownerId, a.fileName, kind!.type, a.data.length, sha256, a.data],
    );
    await writeAudit(tx, actor, { action: 'attachment.add', entity: 'attachment', entityId: r.rows[0]!.id, planId: a.plan, after: { owner: `${a.ownerKind}:${a.ownerId}`, fileName: a.fileName, contentType: kind!.type, sizeBytes: a.data.length, sha256 } });
    return { id: Number(r.rows[0]!.id), contentType: kind!.type, sizeBytes: a.data.length };
  });
}

export async function getAttachment(db: Queryable, id: number): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  const r = await db.query<{ file_name: string; content_type: string; data: Uint8Array }>('SELECT file_name, content_type, data FROM attachments WHERE id = $1', [id]);
  const row = r.rows[0];
  if (!row) throw new NotFoundError(t('attachment.error.none', { id }));
  return { fileName: row.file_name, contentType: row.content_type, data: Buffer.from(row.data) };
}

export async function listAttachments(db: Queryable, planId: string, ownerKind: OwnerKind, ownerId: number): Promise<Array<{ id: number; fileName: string; contentType: string; sizeBytes: number }>> {
  const r = await db.query<{ id: string; file_name: string; content_type: string; size_bytes: number }>(
    'SELECT id, file_name, content_type, size_bytes FROM attachments WHERE plan_id = $1 AND owner_kind = $2 AND owner_id = $3 ORDER BY id',
    [planId, ownerKind, ownerId],
  );
  return r.rows.map((x) => ({ id: Number(x.id), fileName: x.file_name, contentType: x.content_type, sizeBytes: x.size_bytes }));
}
