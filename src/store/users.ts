// Accounts, their roles, and sessions. Every change to a user or a role is audited.
import { createHash, randomBytes } from 'node:crypto';
import { mixesScripts, normalizeUsername, scriptsOf, skeleton, USERNAME_SHAPE } from '../auth/names.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { ROLES, unitsFor, type Actor, type Role, type RoleGrant, type User } from '../auth/roles.ts';
import { t } from '../i18n/index.ts';
import { writeAudit } from './audit.ts';
import { InvalidBatchError, Problems, readText, shown } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';

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

// ---- who may manage which accounts

/** Refused because the account or the role lies outside the regions the administrator holds. */
export class AccountScopeError extends Error {
  readonly statusCode = 403;
  constructor(message: string) {
    super(message);
    this.name = 'AccountScopeError';
  }
}

/** The regions an actor administers: everywhere (a global administrator, or the trusted command line), or these. */
interface AdminScope {
  everywhere: boolean;
  regionIds: Set<number>;
  /** the regions of the actor's administrator roles, for messages */
  label: string;
}

async function adminScope(db: Queryable, actor: Actor): Promise<AdminScope> {
  const admin = actor.user ? actor.user.roles.filter((g) => g.role === 'admin') : [{ regionId: null, regionName: null }];
  if (admin.some((g) => g.regionId === null)) return { everywhere: true, regionIds: new Set(), label: t('accounts.scope.everywhere') };
  const below = await db.query<{ id: number }>(
    'WITH RECURSIVE down(id) AS (SELECT id FROM regions WHERE id = ANY($1::int[]) UNION SELECT r.id FROM regions r JOIN down ON r.parent_id = down.id) SELECT id FROM down',
    [admin.map((g) => g.regionId)],
  );
  const names = admin.map((g) => g.regionName).filter(Boolean);
  return { everywhere: false, regionIds: new Set(below.rows.map((x) => x.id)), label: names.length ? names.join('、') : t('accounts.scope.none') };
}

/** A grant lies within the scope: a region inside it (a grant for every region only from a global administrator). */
const within = (scope: AdminScope, regionId: number | null) => scope.everywhere || (regionId !== null && scope.regionIds.has(regionId));
/** An account may be managed when every one of its roles lies within the scope. */
const manages = (scope: AdminScope, roles: Array<{ regionId: number | null }>) => scope.everywhere || (roles.length > 0 && roles.every((g) => within(scope, g.regionId)));

/**
 * Refuses (AccountScopeError) an administrator's change to an account outside their regions, or a role they
 * may not grant: each role must lie in a region within theirs; a role for every region only a global
 * administrator may grant. The command line (no user) is trusted. Called by the route and again by the store.
 */
export async function assertMayManage(db: Queryable, actor: Actor, userId: number | null, roles: RoleEntry[] | undefined): Promise<void> {
  const scope = await adminScope(db, actor);
  if (scope.everywhere) return;
  if (userId !== null && !manages(scope, (await loadRoles(db, [userId])).get(userId) ?? [])) throw new AccountScopeError(t('accounts.scope.account', { scope: scope.label }));
  for (const r of Array.isArray(roles) ? roles : []) {
    const role = ROLES.find((x) => x === r?.role);
    const regionName = readText(r?.region);
    // a role that names no region reaches every region (an administrator) or is refused as incomplete by checkRoles
    if (!role || (!regionName && role !== 'admin')) continue;
    const reg = regionName ? (await db.query<{ id: number }>('SELECT id FROM regions WHERE name = $1', [regionName])).rows[0] : undefined;
    if (regionName && !reg) continue; // an unknown region: checkRoles names it
    if (!within(scope, reg?.id ?? null))
      throw new AccountScopeError(t('accounts.scope.grant', { grant: t('accounts.grant', { role: t(`accounts.role.${role}`), region: regionName ?? t('accounts.scope.everywhere') }), scope: scope.label }));
  }
}

export type Account = User & { disabled: boolean; lockedUntil: string | null };

/** The accounts an actor may manage (every account for a global administrator or the command line). */
export async function listUsers(db: Queryable, actor: Actor): Promise<Account[]> {
  const r = await db.query<{ id: string; username: string; display_name: string; disabled: boolean }>('SELECT id, username, display_name, disabled FROM users ORDER BY id');
  const roles = await loadRoles(db, r.rows.map((x) => Number(x.id)));
  const locks = await db.query<{ key: string; locked_until: Date | string }>("SELECT key, locked_until FROM sign_in_guards WHERE kind = 'name' AND locked_until > now()");
  const lockOf = new Map(locks.rows.map((x) => [x.key, new Date(x.locked_until).toISOString()]));
  const scope = await adminScope(db, actor);
  return r.rows
    .map((x) => ({
      id: Number(x.id),
      username: x.username,
      displayName: x.display_name,
      disabled: x.disabled,
      lockedUntil: lockOf.get(skeleton(x.username)) ?? null,
      roles: roles.get(Number(x.id)) ?? [],
    }))
    .filter((u) => manages(scope, u.roles));
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
      problems.add(1, `roles.${i}.role`, r?.role, 'accounts.error.role', { value: shown(r?.role), allowed: ROLES.map((x) => `${t(`accounts.role.${x}`)}（${x}）`).join('、') });
      continue;
    }
    const regionName = readText(r.region);
    let regionId: number | null = null;
    if (regionName) {
      const reg = await db.query<{ id: number }>('SELECT id FROM regions WHERE name = $1', [regionName]);
      if (!reg.rows[0]) {
        const all = await db.query<{ name: string }>('SELECT name FROM regions ORDER BY id');
        problems.add(1, `roles.${i}.region`, regionName, 'accounts.error.region', { value: regionName, allowed: all.rows.map((x) => x.name).join('、') });
        continue;
      }
      regionId = reg.rows[0].id;
    } else if (role !== 'admin') {
      problems.add(1, `roles.${i}.region`, '', 'accounts.error.regionNeeded', { role: t(`accounts.role.${role}`) });
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
        problems.add(1, `roles.${i}.unit`, unit, 'accounts.error.unit', { value: unit, region: regionName ?? '' });
        continue;
      }
    }
    out.push({ role, regionId, unit: role === 'clerk' ? unit : null });
  }
  return out;
}

/** A user name that is taken, or looks like one that is (same skeleton): the catalogue key, if so. */
async function nameClash(db: Queryable, username: string): Promise<string | undefined> {
  const names = (await db.query<{ username: string }>('SELECT username FROM users')).rows.map((x) => x.username);
  if (names.some((n) => n.normalize('NFKC').toLowerCase() === username.toLowerCase())) return 'accounts.username.taken';
  const key = skeleton(username);
  return names.some((n) => skeleton(n) === key) ? 'accounts.username.confusable' : undefined;
}

function checkUsername(username: string, problems: Problems): void {
  if (!USERNAME_SHAPE.test(username)) problems.add(1, 'username', username, 'accounts.username.format', { value: username });
  else if (mixesScripts(username))
    problems.add(1, 'username', username, 'accounts.username.mixedScripts', {
      value: username,
      scripts: scriptsOf(username)
        .map((s) => t(`accounts.script.${['Latin', 'Han', 'Cyrillic', 'Greek'].includes(s) ? s : 'other'}`))
        .join('、'),
    });
}

function checkPassword(password: unknown, username: string, displayName: string | null | undefined, problems: Problems): void {
  const pw = passwordProblem(password, username, displayName);
  if (pw) problems.add(1, 'password', '******', pw.key, pw.params);
}

export async function createUser(db: Db, e: UserEntry, actor: Actor): Promise<{ id: number }> {
  await assertMayManage(db, actor, null, e?.roles);
  const problems = new Problems();
  const username = normalizeUsername(e?.username);
  checkUsername(username, problems);
  const displayName = readText(e?.displayName);
  if (!displayName || displayName.length > 100) problems.add(1, 'displayName', e?.displayName, 'auth.error.displayName');
  checkPassword(e?.password, username, displayName, problems);
  const roles = await checkRoles(db, e?.roles, problems);
  const clash = username && problems.empty ? await nameClash(db, username) : undefined;
  if (clash) problems.add(1, 'username', username, clash, { value: username });
  if (!problems.empty) throw new InvalidBatchError(problems.list);
  const hash = await hashPassword(e.password);
  return db.transaction(async (tx) => {
    // one account at a time, so two look-alike names cannot both pass the check
    await tx.query('SELECT pg_advisory_xact_lock(771004)');
    const late = await nameClash(tx, username);
    if (late) throw new InvalidBatchError([{ row: 1, field: 'username', value: username, message: t(late, { value: username }) }]);
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

export interface UserUpdate {
  displayName?: string;
  roles?: RoleEntry[];
  disabled?: boolean;
  password?: string;
}

/**
 * Change an account. An administrator may change only accounts within their regions, and grant only roles
 * within them; anyone may set their own password (the route checks the current one first).
 */
export async function updateUser(db: Db, id: number, u: UserUpdate, actor: Actor): Promise<void> {
  const ownPassword = actor.user?.id === id && Object.keys(u).every((k) => k === 'password');
  if (!ownPassword) await assertMayManage(db, actor, id, u.roles);
  const found = await db.query<{ username: string; display_name: string }>('SELECT username, display_name FROM users WHERE id = $1', [id]);
  if (!found.rows[0]) throw new NotFoundError(t('auth.error.noUser', { id }));
  const { username } = found.rows[0];
  const problems = new Problems();
  const roles = u.roles !== undefined ? await checkRoles(db, u.roles, problems) : undefined;
  if (u.password !== undefined) checkPassword(u.password, username, readText(u.displayName) ?? found.rows[0].display_name, problems);
  if (u.displayName !== undefined && !readText(u.displayName)) problems.add(1, 'displayName', u.displayName, 'auth.error.displayName');
  if (!problems.empty) throw new InvalidBatchError(problems.list);
  const hash = u.password !== undefined ? await hashPassword(u.password) : undefined;
  await db.transaction(async (tx) => {
    // the account as it is now, held until the change lands; checked again against the actor's regions
    const row = await tx.query<{ display_name: string; disabled: boolean }>('SELECT display_name, disabled FROM users WHERE id = $1 FOR UPDATE', [id]);
    if (!row.rows[0]) throw new NotFoundError(t('auth.error.noUser', { id }));
    if (!ownPassword) await assertMayManage(tx, actor, id, u.roles);
    const before = { displayName: row.rows[0].display_name, disabled: row.rows[0].disabled, roles: (await loadRoles(tx, [id])).get(id) ?? [] };
    if (u.displayName !== undefined) await tx.query('UPDATE users SET display_name = $2 WHERE id = $1', [id, readText(u.displayName)]);
    if (u.disabled !== undefined) await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, u.disabled === true]);
    if (hash) {
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash]);
      // a new password lifts a lock
      await tx.query("DELETE FROM sign_in_guards WHERE kind = 'name' AND key = $1", [skeleton(username)]);
    }
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
      before,
      after: { ...(u.displayName !== undefined ? { displayName: u.displayName } : {}), ...(u.disabled !== undefined ? { disabled: u.disabled } : {}), ...(roles ? { roles } : {}), ...(hash ? { password: 'changed' } : {}) },
    });
  });
}

// ---- sign-in and sessions

/** Failed attempts on one user name (existing or not) within NAME_WINDOW_MINUTES that lock it. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
/** A name's failures are forgotten a day after the first of them (or when the lock ends, or on success). */
export const NAME_WINDOW_MINUTES = 24 * 60;
/** Failed attempts from one network address within ADDRESS_WINDOW_MINUTES before it must wait (ECOCIV_SIGNIN_ADDRESS_LIMIT, default 30). */
export function addressLimit(): number {
  const n = Number(process.env.ECOCIV_SIGNIN_ADDRESS_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 30;
}
export const ADDRESS_WINDOW_MINUTES = 15;
export const SESSION_HOURS = 12;

/** What an unknown name's password is checked against: the same scrypt cost as a real one. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface Guard {
  failures: number;
  lockedUntil: Date | null;
}

/**
 * Count an attempt before its password is checked, in one atomic statement (every server process shares the
 * count): the failures so far including this one, and the lock, if any. Past `limit` the key is locked.
 * A lapsed lock or window starts the count again.
 */
async function reserve(db: Queryable, kind: 'name' | 'address', key: string, limit: number, windowMinutes: number, lockMinutes: number): Promise<Guard> {
  const r = await db.query<{ failures: number; locked_until: Date | string | null }>(
    `INSERT INTO sign_in_guards AS g (kind, key, failures) VALUES ($1, $2, 1)
     ON CONFLICT (kind, key) DO UPDATE SET
       failures = CASE WHEN g.locked_until <= now() OR g.window_start < now() - $4 * interval '1 minute' THEN 1 ELSE g.failures + 1 END,
       window_start = CASE WHEN g.locked_until <= now() OR g.window_start < now() - $4 * interval '1 minute' THEN now() ELSE g.window_start END,
       locked_until = CASE
         WHEN g.locked_until > now() THEN g.locked_until
         WHEN g.locked_until <= now() OR g.window_start < now() - $4 * interval '1 minute' THEN NULL
         WHEN g.failures + 1 > $3 THEN now() + $5 * interval '1 minute'
         ELSE NULL END,
       last_at = now()
     RETURNING failures, locked_until`,
    [kind, key, limit, windowMinutes, lockMinutes],
  );
  const row = r.rows[0]!;
  const until = row.locked_until ? new Date(row.locked_until) : null;
  return { failures: row.failures, lockedUntil: until && until.getTime() > Date.now() ? until : null };
}

export type SignInFailure = { ok: false; reason: 'invalid' | 'locked' | 'disabled' | 'throttled'; failures: number; lockedUntil?: string };
export type SignInResult = { ok: true; token: string; csrf: string; user: User } | SignInFailure;

interface Verified {
  id: number;
  username: string;
  display_name: string;
}

/**
 * A password checked under the guards, the same way for a name that exists and one that does not: the address
 * and the name are counted first (refused at once when either is over its limit), the password is checked
 * (against a dummy hash for an unknown name), a failure may lock the name, and a success is refused if the name
 * was locked meanwhile; otherwise `onSuccess` runs in the transaction that gives the attempt back.
 */
async function guardedCheck<T>(db: Db, username: string, password: string, ip: string | null, onSuccess: (tx: Queryable, user: Verified) => Promise<T>): Promise<{ ok: true; value: T } | SignInFailure> {
  const name = normalizeUsername(String(username ?? '').slice(0, 200));
  const key = skeleton(name);
  const address = ip ?? 'unknown';
  const addr = await reserve(db, 'address', address, addressLimit(), ADDRESS_WINDOW_MINUTES, ADDRESS_WINDOW_MINUTES);
  if (addr.lockedUntil) return { ok: false, reason: 'throttled', failures: LOCK_AFTER, lockedUntil: addr.lockedUntil.toISOString() };
  const guard = await reserve(db, 'name', key, LOCK_AFTER, NAME_WINDOW_MINUTES, LOCK_MINUTES);
  if (guard.lockedUntil) return { ok: false, reason: 'locked', failures: guard.failures, lockedUntil: guard.lockedUntil.toISOString() };
  // names are stored NFKC-normalised; one stored before that is found as typed
  const r = await db.query<Verified & { password_hash: string; disabled: boolean }>(
    'SELECT id, username, display_name, password_hash, disabled FROM users WHERE lower(username) IN (lower($1), lower($2)) ORDER BY lower(username) = lower($1) DESC LIMIT 1',
    [name, String(username ?? '').trim()],
  );
  const row = r.rows[0];
  const good = (await verifyPassword(String(password ?? ''), row?.password_hash ?? DUMMY_HASH)) && !!row;
  const actor: Actor = { userId: row ? Number(row.id) : null, name: row?.username ?? name.slice(0, 64), ip };
  if (!good) {
    return db.transaction(async (tx) => {
      // the failure that reaches the limit locks the name (the count is unique: it was taken atomically)
      const lock = guard.failures >= LOCK_AFTER;
      const locked = lock
        ? await tx.query<{ locked_until: Date | string }>(
            `UPDATE sign_in_guards SET locked_until = CASE WHEN locked_until > now() THEN locked_until ELSE now() + $2 * interval '1 minute' END WHERE kind = 'name' AND key = $1 RETURNING locked_until`,
            [key, LOCK_MINUTES],
          )
        : { rows: [] };
      await writeAudit(tx, actor, { action: row && lock ? 'user.locked' : 'session.signInFailed', entity: row ? 'user' : 'session', entityId: row ? Number(row.id) : null, after: { failures: guard.failures, ...(row ? {} : { reason: 'unknownUser' }) } });
      return lock
        ? { ok: false as const, reason: 'locked' as const, failures: guard.failures, lockedUntil: new Date(locked.rows[0]?.locked_until ?? Date.now() + LOCK_MINUTES * 60_000).toISOString() }
        : { ok: false as const, reason: 'invalid' as const, failures: guard.failures };
    });
  }
  if (row.disabled) return { ok: false, reason: 'disabled', failures: 0 };
  return db.transaction(async (tx) => {
    // locked by other attempts while this password was being checked: refused all the same
    const now = await tx.query<{ locked_until: Date | string | null; locked: boolean }>("SELECT locked_until, locked_until > now() AS locked FROM sign_in_guards WHERE kind = 'name' AND key = $1 FOR UPDATE", [key]);
    if (now.rows[0]?.locked) return { ok: false as const, reason: 'locked' as const, failures: guard.failures, lockedUntil: new Date(now.rows[0].locked_until!).toISOString() };
    await tx.query("DELETE FROM sign_in_guards WHERE kind = 'name' AND key = $1", [key]);
    await tx.query("UPDATE sign_in_guards SET failures = greatest(failures - 1, 0) WHERE kind = 'address' AND key = $1", [address]);
    await tx.query("DELETE FROM sign_in_guards WHERE last_at < now() - $1 * interval '1 minute' AND (locked_until IS NULL OR locked_until < now())", [NAME_WINDOW_MINUTES]);
    return { ok: true as const, value: await onSuccess(tx, { id: Number(row.id), username: row.username, display_name: row.display_name }) };
  });
}

export async function signIn(db: Db, username: string, password: string, meta: { ip: string | null; userAgent: string | null }): Promise<SignInResult> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const r = await guardedCheck(db, username, password, meta.ip, async (tx, row) => {
    await tx.query(`INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, now() + interval '${SESSION_HOURS} hours', $4, $5)`, [tokenHash(token), row.id, csrf, meta.ip, meta.userAgent?.slice(0, 300) ?? null]);
    await tx.query('DELETE FROM sessions WHERE expires_at < now()');
    await writeAudit(tx, { userId: row.id, name: row.username, ip: meta.ip }, { action: 'session.signIn', entity: 'session', entityId: row.id });
    return row;
  });
  if (!r.ok) return r;
  const roles = await loadRoles(db, [r.value.id]);
  return { ok: true, token, csrf, user: { id: r.value.id, username: r.value.username, displayName: r.value.display_name, roles: roles.get(r.value.id) ?? [] } };
}

/** A signed-in user's current password, checked under the same guards as signing in. */
export async function checkOwnPassword(db: Db, user: User, password: string, ip: string | null): Promise<{ ok: true } | SignInFailure> {
  const r = await guardedCheck(db, user.username, password, ip, async () => undefined);
  return r.ok ? { ok: true } : r;
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
