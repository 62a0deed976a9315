// Nobody writes where they don't belong: every store write checks that the actor holds a role for it in
// the plan's region (as the clerk's unit checks do), whatever the route in front of it has checked. The
// who and when of a record are the signed-in actor and today; only the plan office may state an earlier
// day, with a reason. Read-then-write checks run under a transaction lock keyed by what they read.
import { grantsFor, type Actor, type Role } from '../auth/roles.ts';
import { RANGE } from '../domain/limits.ts';
import { isIsoDate } from '../domain/period.ts';
import { t } from '../i18n/index.ts';
import { readText } from './batch.ts';
import type { Queryable } from './db.ts';
import { regionChain } from './users.ts';

export const READER_ROLES: Role[] = ['admin', 'planOffice', 'reviewer', 'leader', 'clerk'];
/** enter figures and progress: a clerk only for their own unit, which the store checks row by row */
export const ENTRY_ROLES: Role[] = ['admin', 'planOffice', 'clerk'];
export const OFFICE_ROLES: Role[] = ['admin', 'planOffice'];
export const REVIEW_ROLES: Role[] = ['admin', 'planOffice', 'reviewer'];
export const CONFIRM_ROLES: Role[] = ['admin', 'reviewer'];

/** A write refused because the plan lies outside the actor's regions (HTTP 403). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Does the actor hold one of these roles for the plan's region? Trusted callers (no user) always do; an unknown plan answers true (its caller names it). */
export async function holdsRole(db: Queryable, actor: Actor, planId: string, roles: readonly Role[]): Promise<boolean> {
  if (!actor.user) return true;
  const p = await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [planId]);
  if (!p.rows[0]) return true;
  return grantsFor(actor.user, await regionChain(db, p.rows[0].region_id)).some((g) => roles.includes(g.role));
}

/** Refuse, naming the plan, its region and the actor's own, unless the actor holds one of the roles there. */
export async function requirePlanRole(db: Queryable, actor: Actor, planId: string, roles: readonly Role[]): Promise<void> {
  if (await holdsRole(db, actor, planId, roles)) return;
  const p = await db.query<{ title: string; region: string }>('SELECT p.title, r.name AS region FROM plans p JOIN regions r ON r.id = p.region_id WHERE p.id = $1', [planId]);
  const yours = [...new Set(actor.user!.roles.filter((g) => roles.includes(g.role)).map((g) => g.regionName ?? ''))].filter(Boolean);
  throw new ForbiddenError(t('access.error.region', { plan: p.rows[0]!.title, region: p.rows[0]!.region, yours: yours.join('、') || t('access.error.noRegion') }));
}

/**
 * Serialise the transactions that read rows and write on the strength of what they read (a project's
 * cumulative investment, a plan's project list): a transaction-scoped advisory lock on the key, held to
 * COMMIT, on both engines.
 */
export async function lockFor(tx: Queryable, ...key: Array<string | number>): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(771008, hashtext($1))', [key.join('|')]);
}

/**
 * The lock of the regions of these plans: publishing a year takes it alone (exclusive), entering figures or
 * progress shares it, so nothing lands in a year while it is being published. Taken before any other lock.
 */
export async function lockRegionsOf(tx: Queryable, planIds: string[], mode: 'shared' | 'exclusive'): Promise<void> {
  const r = await tx.query<{ region_id: number }>('SELECT DISTINCT region_id FROM plans WHERE id = ANY($1::text[]) ORDER BY region_id', [planIds]);
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  for (const x of r.rows) await tx.query(`SELECT ${fn}(771009, $1::int)`, [x.region_id]);
}

export type Stamp = { ok: true; on: string; reason: string | null } | { ok: false; field: string; value: unknown; key: string; params: Record<string, string | number> };

/**
 * The day a report is recorded as made: today, for everyone but the plan office (and trusted callers),
 * who may state an earlier day with a reason that the audit trail and the reviewer see.
 */
export async function reportDay(db: Queryable, actor: Actor, planId: string, stated: unknown, reason: unknown, today: string): Promise<Stamp> {
  const on = readText(stated);
  const why = readText(reason) ?? null;
  const refuse = (field: string, value: unknown, key: string, params: Record<string, string | number> = {}): Stamp => ({ ok: false, field, value, key, params });
  if (on !== undefined && !isIsoDate(on)) return refuse('reportedOn', stated, 'limits.error.date', RANGE);
  if (!actor.user) return { ok: true, on: on ?? today, reason: why };
  if (on === undefined || on === today) return why ? refuse('backdateReason', reason, 'access.error.reasonWithoutDate') : { ok: true, on: today, reason: null };
  if (on > today) return refuse('reportedOn', on, 'access.error.futureDate', { date: on, today });
  if (!(await holdsRole(db, actor, planId, OFFICE_ROLES))) return refuse('reportedOn', on, 'access.error.backdateRole', { date: on, today });
  if (!why) return refuse('backdateReason', '', 'access.error.backdateReason', { date: on, today });
  return { ok: true, on, reason: why };
}

/**
 * A who or when field of a record: the server's value (the signed-in actor's name, today) for a user, who may
 * not state another; a trusted caller (the command line) may state it.
 */
export function serverValue(actor: Actor, stated: unknown, field: string, server: string): { ok: true; value: string } | { ok: false; field: string; value: unknown; key: string; params: Record<string, string | number> } {
  const s = readText(stated);
  if (!actor.user) return { ok: true, value: s ?? server };
  if (s !== undefined && s !== server) return { ok: false, field, value: s, key: 'access.error.serverSets', params: { label: t(`access.label.${field}`), value: s } };
  return { ok: true, value: server };
}
