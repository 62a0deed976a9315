// Accounts, their roles, and sessions. Every change to a user or a role is audited.
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { ROLES, unitsFor, type Actor, type Role, type RoleGrant, type User } from '../auth/roles.ts';
import { t } from '../i18n/index.ts';
import { writeAudit } from './audit.ts';
import { InvalidBatchError, Problems, readText } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './projectTracking.ts';

export interface RoleEntry {
  role: string;
  /** region name; omitted for a system admin (every region) */
  region?: string | null;
  unit?: string | null;
}

export interface UserEntry {
  username: string;
  displayName: string;
  password: string;
  roles: RoleEntry[];
}

async function loadRoles(db: Queryable, userIds: number[]): Promise<Map<number, RoleGrant[]>> {
  const r = await db.query<{ user_id: string; role: Role; region_id: number | null; region: string | null; unit_name: string | null }>(
    'SELECT ur.user_id, ur.role, ur.region_id, r.name AS region, ur.unit_name FROM user_roles ur LEFT JOIN regions r ON r.id = ur.region_id WHERE ur.user_id = ANY($1::bigint[]) ORDER BY ur.id',
    [userIds],
  );
  const out = new Map<number, RoleGrant[]>();
  for (const x of r.rows) {
    const list = out.get(Number(x.user_id)) ?? [];
    list.push({ role: x.role, regionId: x.region_id, regionName: x.region, unit: x.unit_name });
    out.set(Number(x.user_id), list);
  }
  return out;
}

export async function countUsers(db: Queryable): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]!.n);
}

export async function listUsers(db: Queryable): Promise<Array<User & { disabled: boolean; lockedUntil: string | null }>> {
  const r = await db.query<{ id: string; username: string; display_name: string; disabled: boolean; locked_until: Date | null }>('SELECT id, username, display_name, disabled, locked_until FROM users ORDER BY id');
  const roles = await loadRoles(db, r.rows.map((x) => Number(x.id)));
  return r.rows.map((x) => ({
    id: Number(x.id),
    username: x.username,
    displayName: x.display_name,
    disabled: x.disabled,
    lockedUntil: x.locked_until ? new Date(x.locked_until).toISOString() : null,
    roles: roles.get(Number(x.id)) ?? [],
  }));
}

async function checkRoles(db: Queryable, roles: unknown, problems: Problems): Promise<Array<{ role: Role; regionId: number | null; unit: string | null }>> {
  const out: Array<{ role: Role; regionId: number | null; unit: string | null }> = [];
  if (!Array.isArray(roles) || roles.length === 0) {
    problems.add(1, 'roles', JSON.stringify(roles ?? null), 'auth.error.noRoles');
    return out;
  }
  for (const [i, r] of (roles as RoleEntry[]).entries()) {
    const role = ROLES.find((x) => x === r?.role);
    if (!role) {
      problems.add(1, `roles.${i}.role`, r?.role, 'auth.error.role', { allowed: ROLES.join('、') });
      continue;
    }
    const regionName = readText(r.region);
    let regionId: number | null = null;
    if (regionName) {
      const reg = await db.query<{ id: number }>('SELECT id FROM regions WHERE name = $1', [regionName]);
      if (!reg.rows[0]) {
        problems.add(1, `roles.${i}.region`, regionName, 'auth.error.region');
        continue;
      }
      regionId = reg.rows[0].id;
    } else if (role !== 'admin') {
      problems.add(1, `roles.${i}.region`, '', 'auth.error.regionNeeded');
      continue;
    }
    const unit = readText(r.unit) ?? null;
    if (role === 'clerk') {
      if (!unit) {
        problems.add(1, `roles.${i}.unit`, '', 'auth.error.unitNeeded');
        continue;
      }
      const u = await db.query('SELECT 1 FROM units WHERE region_id = $1 AND name = $2', [regionId, unit]);
      if (u.rows.length === 0) {
        problems.add(1, `roles.${i}.unit`, unit, 'auth.error.unit', { region: regionName ?? '' });
        continue;
      }
    }
    out.push({ role, regionId, unit: role === 'clerk' ? unit : null });
  }
  return out;
}

export async function createUser(db: Db, e: UserEntry, actor: Actor): Promise<{ id: number }> {
  const problems = new Problems();
  const username = readText(e?.username) ?? '';
  if (!/^[\p{L}\p{N}_.@-]{2,64}$/u.test(username)) problems.add(1, 'username', e?.username, 'auth.error.username');
  const displayName = readText(e?.displayName);
  if (!displayName || displayName.length > 100) problems.add(1, 'displayName', e?.displayName, 'auth.error.displayName');
  const pw = passwordProblem(e?.password, username);
  if (pw) problems.add(1, 'password', '******', pw);
  const roles = await checkRoles(db, e?.roles, problems);
  if (username && (await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).rows.length > 0) problems.add(1, 'username', username, 'auth.error.taken');
  if (!problems.empty) throw new InvalidBatchError(problems.list);
  const hash = await hashPassword(e.password);
  return db.transaction(async (tx) => {
    const r = await tx.query<{ id: string }>('INSERT INTO users (username, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id', [username, displayName, hash]);
    const id = Number(r.rows[0]!.id);
    for (const g of roles) await tx.query('INSERT INTO user_roles (user_id, role, region_id, unit_name) VALUES ($1, $2, $3, $4)', [id, g.role, g.regionId, g.unit]);
    await writeAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: id, after: { username, displayName, roles } });
    return { id };
  });
}

/** The first administrator, created only while there is no user at all. */
export async function createFirstAdmin(db: Db, e: Omit<UserEntry, 'roles'>, ip: string | null): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(771003)');
    if ((await countUsers(tx)) > 0) throw new InvalidBatchError([{ row: 1, field: 'setup', value: '', message: t('auth.error.setupDone') }]);
    const txDb: Db = { kind: db.kind, location: db.location, query: tx.query.bind(tx), exec: tx.exec.bind(tx), transaction: (fn) => fn(tx), close: async () => undefined };
    return createUser(txDb, { ...e, roles: [{ role: 'admin' }] }, { userId: null, name: `setup:${readText(e?.username) ?? ''}`, ip });
  });
}

export async function updateUser(db: Db, id: number, u: { displayName?: string; roles?: RoleEntry[]; disabled?: boolean; password?: string }, actor: Actor): Promise<void> {
  const before = (await listUsers(db)).find((x) => x.id === id);
  if (!before) throw new NotFoundError(t('auth.error.noUser', { id }));
  const problems = new Problems();
  const roles = u.roles !== undefined ? await checkRoles(db, u.roles, problems) : undefined;
  if (u.password !== undefined) {
    const pw = passwordProblem(u.password, before.username);
    if (pw) problems.add(1, 'password', '******', pw);
  }
  if (u.displayName !== undefined && !readText(u.displayName)) problems.add(1, 'displayName', u.displayName, 'auth.error.displayName');
  if (!problems.empty) throw new InvalidBatchError(problems.list);
  const hash = u.password !== undefined ? await hashPassword(u.password) : undefined;
  await db.transaction(async (tx) => {
    if (u.displayName !== undefined) await tx.query('UPDATE users SET display_name = $2 WHERE id = $1', [id, readText(u.displayName)]);
    if (u.disabled !== undefined) await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, u.disabled === true]);
    if (hash) await tx.query('UPDATE users SET password_hash = $2, failed_attempts = 0, locked_until = NULL WHERE id = $1', [id, hash]);
    if (roles) {
      await tx.query('DELETE FROM user_roles WHERE user_id = $1', [id]);
      for (const g of roles) await tx.query('INSERT INTO user_roles (user_id, role, region_id, unit_name) VALUES ($1, $2, $3, $4)', [id, g.role, g.regionId, g.unit]);
    }
    // a new password, a disabled account or changed roles end every session of the user
    if (hash || u.disabled === true || roles) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    await writeAudit(tx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: { displayName: before.displayName, disabled: before.disabled, roles: before.roles },
      after: { ...(u.displayName !== undefined ? { displayName: u.displayName } : {}), ...(u.disabled !== undefined ? { disabled: u.disabled } : {}), ...(roles ? { roles } : {}), ...(hash ? { password: 'changed' } : {}) },
    });
  });
}

// ---- sign-in and sessions

export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type SignInResult = { ok: true; token: string; csrf: string; user: User } | { ok: false; reason: 'invalid' | 'locked' | 'disabled'; failures: number; lockedUntil?: string };

export async function signIn(db: Db, username: string, password: string, meta: { ip: string | null; userAgent: string | null }): Promise<SignInResult> {
  const r = await db.query<{ id: string; username: string; display_name: string; password_hash: string; disabled: boolean; failed_attempts: number; locked_until: Date | string | null }>(
    'SELECT id, username, display_name, password_hash, disabled, failed_attempts, locked_until FROM users WHERE lower(username) = lower($1)',
    [String(username ?? '')],
  );
  const row = r.rows[0];
  // an unknown name costs the same as a wrong password
  const good = await verifyPassword(String(password ?? ''), row?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  const actor: Actor = { userId: row ? Number(row.id) : null, name: row?.username ?? String(username ?? '').slice(0, 64), ip: meta.ip };
  if (!row) {
    await db.transaction((tx) => writeAudit(tx, actor, { action: 'session.signInFailed', entity: 'session', after: { reason: 'unknownUser' } }));
    return { ok: false, reason: 'invalid', failures: 0 };
  }
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
  if (lockedUntil && lockedUntil.getTime() > Date.now()) return { ok: false, reason: 'locked', failures: row.failed_attempts, lockedUntil: lockedUntil.toISOString() };
  if (!good) {
    const failures = row.failed_attempts + 1;
    const lock = failures >= LOCK_AFTER ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [row.id, lock ? 0 : failures, lock]);
      await writeAudit(tx, actor, { action: lock ? 'user.locked' : 'session.signInFailed', entity: 'user', entityId: row.id, after: { failures } });
    });
    return lock ? { ok: false, reason: 'locked', failures, lockedUntil: lock.toISOString() } : { ok: false, reason: 'invalid', failures };
  }
  if (row.disabled) return { ok: false, reason: 'disabled', failures: 0 };
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [row.id]);
    await tx.query(`INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, now() + interval '${SESSION_HOURS} hours', $4, $5)`, [tokenHash(token), row.id, csrf, meta.ip, meta.userAgent?.slice(0, 300) ?? null]);
    await tx.query('DELETE FROM sessions WHERE expires_at < now()');
    await writeAudit(tx, actor, { action: 'session.signIn', entity: 'session', entityId: row.id });
  });
  const roles = await loadRoles(db, [Number(row.id)]);
  return { ok: true, token, csrf, user: { id: Number(row.id), username: row.username, displayName: row.display_name, roles: roles.get(Number(row.id)) ?? [] } };
}

export interface Session {
  user: User;
  csrf: string;
  expiresAt: string;
}

export async function sessionOf(db: Queryable, token: string): Promise<Session | undefined> {
  const r = await db.query<{ user_id: string; csrf_token: string; expires_at: Date | string; username: string; display_name: string; disabled: boolean }>(
    `SELECT s.user_id, s.csrf_token, s.expires_at, u.username, u.display_name, u.disabled
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > now()`,
    [tokenHash(token)],
  );
  const row = r.rows[0];
  if (!row || row.disabled) return undefined;
  const roles = await loadRoles(db, [Number(row.user_id)]);
  return {
    user: { id: Number(row.user_id), username: row.username, displayName: row.display_name, roles: roles.get(Number(row.user_id)) ?? [] },
    csrf: row.csrf_token,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

export async function signOut(db: Db, token: string, actor: Actor, everywhere = false): Promise<number> {
  return db.transaction(async (tx) => {
    const r = everywhere
      ? await tx.query<{ id: string }>('DELETE FROM sessions WHERE user_id = (SELECT user_id FROM sessions WHERE id = $1) RETURNING id', [tokenHash(token)])
      : await tx.query<{ id: string }>('DELETE FROM sessions WHERE id = $1 RETURNING id', [tokenHash(token)]);
    await writeAudit(tx, actor, { action: everywhere ? 'session.signOutEverywhere' : 'session.signOut', entity: 'session', entityId: actor.userId, after: { ended: r.rows.length } });
    return r.rows.length;
  });
}

/** A region and the regions above it, nearest first: the regions whose roles cover it. */
export async function regionChain(db: Queryable, regionId: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM regions WHERE id = $1
       UNION ALL SELECT r.id, r.parent_id, up.depth + 1 FROM regions r JOIN up ON r.id = up.parent_id WHERE up.depth < 10)
     SELECT id FROM up ORDER BY depth`,
    [regionId],
  );
  return r.rows.map((x) => x.id);
}

/**
 * The units an actor may enter figures for in a region: 'all' for the plan office, an administrator,
 * or a trusted caller (the command line); otherwise the units of their clerk roles there.
 */
export async function unitScope(db: Queryable, actor: Actor, regionId: number): Promise<'all' | Set<string>> {
  if (!actor.user) return 'all';
  return unitsFor(actor.user, await regionChain(db, regionId));
}
