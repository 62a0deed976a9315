// Sign-in, sessions, CSRF, security headers and the authorisation check on every /api route; the
// setup step that creates the first administrator; accounts and the audit trail.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { grantsFor, type Actor, type Role, type User } from '../auth/roles.ts';
import { t } from '../i18n/index.ts';
import { listAudit } from '../store/audit.ts';
import type { Db } from '../store/db.ts';
import {
  AccountScopeError,
  assertMayManage,
  checkOwnPassword,
  countUsers,
  createFirstAdmin,
  createUser,
  listUsers,
  regionChain,
  signIn,
  signOut,
  updateUser,
  SESSION_HOURS,
  type SignInFailure,
  type UserEntry,
  type UserUpdate,
} from '../store/users.ts';
import { refuseRequest } from './access.ts';
import { AccessCache } from './accessCache.ts';
import { StoreChanges } from './storeChanges.ts';
import { MATRIX, plansOf } from './authorization.ts';
import { isLocalCli } from './cliRoute.ts';
import { auditQuery } from './limits.ts';

export const SESSION_COOKIE = 'ecociv_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in user, if any */
    user?: User;
    sessionToken?: string;
    csrf?: string;
    /** who is acting, for the audit trail */
    actor: Actor;
    /** the request has synced with the store's channel: what is kept reflects every change committed before it began */
    storeSynced: boolean;
  }
}

export interface AuthOptions {
  /** base delay after a failed sign-in, doubled per failure (default 250 ms; tests set 0) */
  failureDelayMs?: number;
  /** mark the cookie Secure (behind HTTPS) */
  secureCookie?: boolean;
  /** the embedded data directory's lock token: lets this machine's command line run commands (cliRoute.ts) */
  cliToken?: string;
}

function cookieOf(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

const deny = (reply: FastifyReply, status: number, code: string, message: string) => reply.code(status).send({ error: { code, message } });

/** A moment as people in China read it: 12月3日 17:45 (Beijing time). */
function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return t('accounts.time', { month: d.getUTCMonth() + 1, day: d.getUTCDate(), hh: two(d.getUTCHours()), mm: two(d.getUTCMinutes()) });
}

/** A refused password check, answered alike whether or not the name exists: locked (423), too many from this address (429), or wrong. */
function refuseCheck(reply: FastifyReply, r: SignInFailure, wrong: () => FastifyReply): FastifyReply {
  if (r.reason === 'throttled' || r.reason === 'locked') {
    const until = r.lockedUntil ?? new Date().toISOString();
    reply.header('Retry-After', String(Math.max(1, Math.ceil((new Date(until).getTime() - Date.now()) / 1000))));
    return r.reason === 'throttled' ? deny(reply, 429, 'throttled', t('accounts.signIn.throttled', { until: chinaTime(until) })) : deny(reply, 423, 'locked', t('accounts.signIn.locked', { until: chinaTime(until) }));
  }
  if (r.reason === 'disabled') return deny(reply, 403, 'disabled', t('auth.error.disabled'));
  return wrong();
}

/** An administrator's change to an account outside their regions: refused with the reason. */
async function scoped<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AccountScopeError) return deny(reply, 403, 'forbidden', e.message);
    throw e;
  }
}

/** The security headers every response carries. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** How the authorisation check finds a plan's region and the regions above it (kept or looked up). */
interface RegionLookups {
  planRegion(planId: string): Promise<number | undefined>;
  chain(regionId: number): Promise<number[]>;
}

/** What a role may do, checked for every plan the request touches. */
async function allowed(look: RegionLookups, user: User, roles: Role[], planIds: string[]): Promise<boolean> {
  if (planIds.length === 0) return user.roles.some((g) => roles.includes(g.role));
  for (const id of planIds) {
    const regionId = await look.planRegion(id);
    // an unknown plan: only someone who could use any plan learns it does not exist
    if (regionId === undefined) {
      if (!user.roles.some((g) => roles.includes(g.role))) return false;
      continue;
    }
    if (!grantsFor(user, await look.chain(regionId)).some((g) => roles.includes(g.role))) return false;
  }
  return true;
}

export function registerAuth(app: FastifyInstance, db: Db, opts: AuthOptions = {}, changes: StoreChanges = new StoreChanges(db, { enabled: false })): void {
  // sessions and plan regions kept between requests, forgotten when the store announces a change to them
  const access = new AccessCache(db, changes);
  const failureDelay = opts.failureDelayMs ?? 250;
  // slow down guessing: the delay doubles with each failure on the name, up to 4 s
  const slowDown = async (failures: number) => {
    if (failureDelay > 0) await new Promise((res) => setTimeout(res, Math.min(4000, failureDelay * 2 ** Math.max(0, failures - 1))));
  };
  app.decorateRequest('user', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('csrf', undefined);
  app.decorateRequest('actor', undefined as unknown as Actor);
  app.decorateRequest('storeSynced', false);

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });

  // Who is asking, and may they? Runs before every handler.
  app.addHook('preHandler', async (req, reply) => {
    const token = cookieOf(req, SESSION_COOKIE);
    // every change committed before this request began is applied to what is kept (storeChanges.ts)
    const live = token ? await changes.sync() : false;
    req.storeSynced = live;
    if (token) {
      const s = await access.session(token, live);
      if (s) {
        req.user = s.user;
        req.sessionToken = token;
        req.csrf = s.csrf;
      }
    }
    req.actor = { userId: req.user?.id ?? null, name: req.user ? `${req.user.displayName}（${req.user.username}）` : 'anonymous', ip: req.ip, ...(req.user ? { user: req.user } : {}) };
    if (!req.url.startsWith('/api/')) return;
    const url = req.routeOptions.url;
    if (!url) return; // not found: answered by the not-found handler
    const rule = MATRIX[`${req.method} ${url}`];
    if (!rule) return deny(reply, 500, 'noRule', t('auth.error.noRule', { route: `${req.method} ${url}` }));
    // the command line of this machine, never a browser session of any role
    if (rule.who === 'localCli') return isLocalCli(req, opts.cliToken) ? undefined : deny(reply, 403, 'forbidden', t('embedded.remote.forbidden'));
    if (STATE_CHANGING.has(req.method)) {
      // a cross-site form cannot send this; a page of ours always does
      const origin = req.headers.origin;
      if (origin && origin !== `${req.protocol}://${req.headers.host}`) return deny(reply, 403, 'badOrigin', t('auth.error.origin'));
    }
    const route = `${req.method} ${url}`;
    if (rule.who === 'anyone') return refuseRequest(req, reply, route);
    if (!req.user) return deny(reply, 401, 'signInRequired', t('auth.error.signIn'));
    if (STATE_CHANGING.has(req.method) && req.headers['x-csrf-token'] !== req.csrf) return deny(reply, 403, 'csrf', t('auth.error.csrf'));
    if (rule.who === 'signedIn') return refuseRequest(req, reply, route);
    // the role first (whatever the request says), then the request's shape, then the region of every plan it names
    const look: RegionLookups = { planRegion: (id) => access.planRegion(id, live), chain: (id) => access.regionChain(id, live) };
    if (!(await allowed(look, req.user, rule.who, []))) return deny(reply, 403, 'forbidden', t('auth.error.forbidden'));
    if (refuseRequest(req, reply, route)) return reply;
    const planIds = await plansOf(req, rule.plans, db);
    if (!(await allowed(look, req.user, rule.who, planIds))) return deny(reply, 403, 'forbidden', t('auth.error.forbidden'));
  });

  const setCookie = (reply: FastifyReply, token: string, maxAge: number) =>
    reply.header('Set-Cookie', `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${opts.secureCookie ? '; Secure' : ''}`);
  const publicUser = (u: User) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles });

  app.get('/api/setup', async () => ({ needed: (await countUsers(db)) === 0 }));

  app.post<{ Body: { username?: string; displayName?: string; password?: string } }>('/api/setup', async (req, reply) => {
    const b = req.body ?? {};
    const r = await createFirstAdmin(db, { username: b.username ?? '', displayName: b.displayName ?? '', password: b.password ?? '' }, req.ip);
    return reply.code(201).send(r);
  });

  app.get('/api/session', async (req) => (req.user ? { user: publicUser(req.user), csrfToken: req.csrf } : { user: null, setupNeeded: (await countUsers(db)) === 0 }));

  app.post<{ Body: { username?: string; password?: string } }>('/api/session', async (req, reply) => {
    const b = req.body ?? {};
    if (typeof b.username !== 'string' || typeof b.password !== 'string') return deny(reply, 400, 'badRequest', t('auth.error.credentials'));
    const r = await signIn(db, b.username, b.password, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    if (!r.ok) {
      await slowDown(r.failures);
      return refuseCheck(reply, r, () => deny(reply, 401, 'badCredentials', t('auth.error.badCredentials')));
    }
    setCookie(reply, r.token, SESSION_HOURS * 3600);
    return { user: publicUser(r.user), csrfToken: r.csrf };
  });

  app.delete('/api/session', async (req, reply) => {
    await signOut(db, req.sessionToken!, req.actor);
    setCookie(reply, '', 0);
    return { signedOut: true };
  });

  app.post('/api/session/everywhere', async (req, reply) => {
    const ended = await signOut(db, req.sessionToken!, req.actor, true);
    setCookie(reply, '', 0);
    return { signedOut: ended };
  });

  app.post<{ Body: { current?: string; password?: string } }>('/api/me/password', async (req, reply) => {
    const u = req.user!;
    // the current password counts toward the same lockout as signing in
    const check = await checkOwnPassword(db, u, String(req.body?.current ?? ''), req.ip);
    if (!check.ok) {
      await slowDown(check.failures);
      return refuseCheck(reply, check, () => deny(reply, 403, 'badCredentials', t('auth.error.currentPassword')));
    }
    await updateUser(db, u.id, { password: typeof req.body?.password === 'string' ? req.body.password : '' }, req.actor);
    setCookie(reply, '', 0);
    return { changed: true };
  });

  // accounts: an administrator sees and changes only those within their regions (checked here and in the store)
  app.get('/api/users', async (req) => listUsers(db, req.actor));

  app.post<{ Body: UserEntry }>('/api/users', async (req, reply) =>
    scoped(reply, async () => {
      await assertMayManage(db, req.actor, null, req.body?.roles);
      return reply.code(201).send(await createUser(db, req.body, req.actor));
    }),
  );

  app.put<{ Params: { userId: string }; Body: UserUpdate }>('/api/users/:userId', async (req, reply) => {
    if (!/^\d{1,15}$/.test(req.params.userId)) return deny(reply, 400, 'badId', t('auth.error.badId', { id: req.params.userId }));
    const id = Number(req.params.userId);
    return scoped(reply, async () => {
      await assertMayManage(db, req.actor, id, req.body?.roles);
      await updateUser(db, id, req.body ?? {}, req.actor);
      return { updated: 1 };
    });
  });

  app.get<{ Querystring: { plan?: string; actor?: string; action?: string; entity?: string; from?: string; to?: string; limit?: string; before?: string } }>('/api/audit', async (req, reply) => {
    const u = req.user!;
    const q = req.query;
    const page = auditQuery(q);
    if ('message' in page) return deny(reply, 400, 'badQuery', page.message);
    // an administrator sees everything; others the regions their roles cover
    const global = u.roles.some((g) => g.role === 'admin' && g.regionId === null);
    const regionIds = global ? null : [...new Set(u.roles.filter((g) => g.regionId !== null).map((g) => g.regionId!))];
    if (regionIds) {
      const below = await db.query<{ id: number }>(
        `WITH RECURSIVE down(id) AS (SELECT id FROM regions WHERE id = ANY($1::int[]) UNION SELECT r.id FROM regions r JOIN down ON r.parent_id = down.id) SELECT id FROM down`,
        [regionIds],
      );
      regionIds.splice(0, regionIds.length, ...below.rows.map((x) => x.id));
    }
    return listAudit(db, {
      regionIds,
      ...(q.plan ? { planId: q.plan } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.entity ? { entity: q.entity } : {}),
      ...page,
    });
  });
}

/** The plans a user may see: those in the regions their roles cover. */
export async function visiblePlanIds(db: Db, user: User): Promise<Set<string>> {
  const plans = await db.query<{ id: string; region_id: number }>('SELECT id, region_id FROM plans');
  const out = new Set<string>();
  for (const p of plans.rows) if (grantsFor(user, await regionChain(db, p.region_id)).length > 0) out.add(p.id);
  return out;
}
