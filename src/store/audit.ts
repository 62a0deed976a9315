// The audit trail: every change writes a record in the same transaction as the change itself.
import type { Actor } from '../auth/roles.ts';
import type { Queryable } from './db.ts';

export interface AuditChange {
  /** what was done, e.g. observation.record, progress.review, user.create */
  action: string;
  /** the kind of record changed, e.g. observation, project_progress, user */
  entity: string;
  entityId?: string | number | null;
  planId?: string | null;
  regionId?: number | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function writeAudit(tx: Queryable, actor: Actor, c: AuditChange): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, ip, action, entity, entity_id, plan_id, region_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)`,
    [actor.userId, actor.name, actor.ip, c.action, c.entity, c.entityId === undefined || c.entityId === null ? null : String(c.entityId), c.planId ?? null, c.regionId ?? null, json(c.before), json(c.after)],
  );
}

export interface AuditRecord {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  planId: string | null;
  regionId: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  /** only these regions (null: all) */
  regionIds?: number[] | null;
  planId?: string;
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
  /** records before this id (paging, newest first) */
  beforeId?: number;
}

export async function listAudit(db: Queryable, f: AuditFilter = {}): Promise<AuditRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.regionIds) {
    params.push(f.regionIds);
    const n = `$${params.length}`;
    where.push(`(region_id = ANY(${n}::int[]) OR plan_id IN (SELECT id FROM plans WHERE region_id = ANY(${n}::int[])))`);
  }
  if (f.planId) add('plan_id = ?', f.planId);
  if (f.actor) add("actor_name ILIKE '%' || ? || '%'", f.actor);
  if (f.action) add('action = ?', f.action);
  if (f.entity) add('entity = ?', f.entity);
  if (f.from) add('at >= ?::date', f.from);
  if (f.to) add("at < ?::date + interval '1 day'", f.to);
  if (f.beforeId) add('id < ?', f.beforeId);
  params.push(Math.min(Math.max(f.limit ?? 200, 1), 5000));
  const r = await db.query<{ id: string; at: Date | string; actor_id: string | null; actor_name: string; ip: string | null; action: string; entity: string; entity_id: string | null; plan_id: string | null; region_id: number | null; before: unknown; after: unknown }>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    at: x.at instanceof Date ? x.at.toISOString() : String(x.at),
    actorId: x.actor_id === null ? null : Number(x.actor_id),
    actorName: x.actor_name,
    ip: x.ip,
    action: x.action,
    entity: x.entity,
    entityId: x.entity_id,
    planId: x.plan_id,
    regionId: x.region_id,
    before: x.before,
    after: x.after,
  }));
}

