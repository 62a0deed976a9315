// The authorisation matrix, proved: every API route called as every role (and as nobody) gets the answer
// the written matrix (src/server/authorization.ts) says; a route without an entry fails this test.
// Also: district isolation, a clerk's own unit, CSRF and origin checks, security headers, lockout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/auth/roles.ts';
import { MATRIX } from '../../src/server/authorization.ts';
import { signedIn, startApi, TEST_PASSWORD, type Inject, type TestApi } from '../helpers/api.ts';

const PLAN = 'wushan-demo-county';
const ROLES: Array<{ role: Role; region?: string; unit?: string }> = [
  { role: 'admin' },
  { role: 'planOffice', region: '巫山县' },
  { role: 'clerk', region: '巫山县', unit: '县水利局' },
  { role: 'reviewer', region: '巫山县' },
  { role: 'leader', region: '巫山县' },
  { role: 'public', region: '巫山县' },
];

/** A request for a route with its parameters filled in and a body naming the plan. */
function requestFor(method: string, url: string) {
  const path = url.replace(':id', PLAN).replace(/:(\w+)/g, '1');
  const list = [{ plan: PLAN }];
  const payload = method === 'GET' || method === 'DELETE' ? undefined : { plan: PLAN, year: 2021, observations: list, reports: list, items: list, entries: [] };
  const query = url === '/api/attachments' && method === 'POST' ? `?plan=${PLAN}&owner=progress&id=1&name=a.png` : '';
  return { method: method as 'GET', url: `${path}${query}`, ...(payload ? { payload } : {}) };
}

/** Refused by the authorisation layer (not by the handler's own checks of the input). */
function refusedByAuth(r: { statusCode: number; json(): { error?: { code?: string } } }): boolean {
  if (r.statusCode !== 401 && r.statusCode !== 403) return false;
  const code = r.json().error?.code;
  return code === 'signInRequired' || code === 'forbidden' || code === 'csrf' || code === 'noRule';
}

describe('authorisation matrix (PGlite)', () => {
  let api: TestApi;
  let routes: Array<{ method: string; url: string }>;
  const as = new Map<string, Inject>();
  beforeAll(async () => {
    api = await startApi();
    routes = (api.app as unknown as { ecocivRoutes: Array<{ method: string; url: string }> }).ecocivRoutes.filter((r) => r.url.startsWith('/api/'));
    for (const g of ROLES.filter((x) => x.role !== 'admin')) as.set(g.role, await api.as(`u-${g.role}`, [{ role: g.role, region: g.region ?? null, unit: g.unit ?? null }]));
    as.set('admin', api.app.inject.bind(api.app) as Inject);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('every route has an entry in the matrix, and every entry is a route', () => {
    const registered = routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('every route answers every role, and nobody, as the matrix says', async () => {
    const mismatches: string[] = [];
    // routes that end the caller's session go last
    const ordered = [...routes].sort((a, b) => Number(a.url.startsWith('/api/session')) - Number(b.url.startsWith('/api/session')) || Number(a.url === '/api/me/password') - Number(b.url === '/api/me/password'));
    for (const route of ordered) {
      const rule = MATRIX[`${route.method} ${route.url}`]!;
      const req = requestFor(route.method, route.url);
      const anon = await api.anonymous(req);
      const anonAllowed = rule.who === 'anyone';
      if (refusedByAuth(anon) === anonAllowed) mismatches.push(`nobody ${route.method} ${route.url} → ${anon.statusCode}`);
      for (const g of ROLES) {
        if (route.url.startsWith('/api/session') && route.method !== 'GET' && route.method !== 'POST') continue; // checked below
        if (route.url === '/api/session/everywhere' || route.url === '/api/me/password') continue;
        const r = await as.get(g.role)!(req);
        // localCli: this machine's command line with the lock token, never a browser session of any role
        const allowed = rule.who === 'anyone' || rule.who === 'signedIn' || (Array.isArray(rule.who) && rule.who.includes(g.role));
        if (refusedByAuth(r) === allowed) mismatches.push(`${g.role} ${route.method} ${route.url} → ${r.statusCode} ${r.body.slice(0, 80)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('a district’s people see only their district', async () => {
    const other = await api.as('qj-office', [{ role: 'planOffice', region: '黔江区' }]);
    expect((await other({ method: 'GET', url: '/api/plans' })).json().map((p: { id: string }) => p.id)).toEqual(['qianjiang-apeng-two-mountains']);
    expect((await other({ method: 'GET', url: `/api/plans/${PLAN}/assessment` })).statusCode).toBe(403);
    expect((await other({ method: 'GET', url: '/api/plans/qianjiang-apeng-two-mountains/assessment' })).statusCode).toBe(200);
    const r = await other({ method: 'POST', url: '/api/progress', payload: { reports: [{ plan: PLAN, project: '1', period: '2024-Q1', investmentCumulativeWan: 1, status: '在建' }] } });
    expect(r.statusCode).toBe(403);
  });

  it('a clerk enters figures only for the indicators and projects of their own unit', async () => {
    const clerk = as.get('clerk')!;
    expect((await clerk({ method: 'GET', url: `/api/plans/${PLAN}/entry?unit=县水利局&year=2022` })).statusCode).toBe(200);
    expect((await clerk({ method: 'GET', url: `/api/plans/${PLAN}/entry?unit=县林业局&year=2022` })).statusCode).toBe(403);
    const obs = await clerk({ method: 'POST', url: '/api/observations', payload: { observations: [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2022, printed: '30', reportingUnit: '县住房城乡建委' }] } });
    expect(obs.statusCode).toBe(422);
    expect(obs.json().error.problems[0].message).toContain('无权填报');
    const prog = await clerk({ method: 'POST', url: '/api/progress', payload: { reports: [{ plan: PLAN, project: '7', period: '2024-Q1', investmentCumulativeWan: 1, status: '在建' }] } });
    expect(prog.statusCode).toBe(422);
    expect(prog.json().error.problems[0].message).toMatch(/无权填报：项目“.+”的牵头单位为 县生态环境局/);
    // the date is the server's: a clerk cannot state an earlier one
    const late = await clerk({ method: 'POST', url: '/api/progress', payload: { reports: [{ plan: PLAN, project: '1', period: '2024-Q1', investmentCumulativeWan: 100, status: '在建', reportedOn: '2024-04-02' }] } });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.problems[0].message).toContain('补报以往日期须由规划办填写并说明理由');
    const ok = await clerk({ method: 'POST', url: '/api/progress', payload: { reports: [{ plan: PLAN, project: '1', period: '2024-Q1', investmentCumulativeWan: 100, status: '在建' }] } });
    expect(ok.statusCode).toBe(201);
  });

  it('state-changing requests need the session’s CSRF token and our own origin', async () => {
    const login = await api.anonymous({ method: 'POST', url: '/api/session', payload: { username: 'u-planOffice', password: TEST_PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const noToken = await api.anonymous({ method: 'PUT', url: `/api/plans/${PLAN}/settings`, headers: { cookie }, payload: { tolerance: 0.3 } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf');
    const foreign = await api.anonymous({ method: 'PUT', url: `/api/plans/${PLAN}/settings`, headers: { cookie, 'x-csrf-token': login.json().csrfToken, origin: 'https://evil.example' }, payload: { tolerance: 0.3 } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('badOrigin');
    const good = await api.anonymous({ method: 'PUT', url: `/api/plans/${PLAN}/settings`, headers: { cookie, 'x-csrf-token': login.json().csrfToken }, payload: { tolerance: 0.3 } });
    expect(good.statusCode).toBe(200);
  });

  it('every response carries the security headers', async () => {
    for (const r of [await api.anonymous({ method: 'GET', url: '/api/health' }), await api.anonymous({ method: 'GET', url: '/api/nowhere' }), await api.anonymous({ method: 'GET', url: `/api/plans/${PLAN}` })]) {
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('repeated failed sign-ins lock the account; signing out everywhere ends every session', async () => {
    await api.as('victim', [{ role: 'leader', region: '巫山县' }]);
    for (let i = 1; i <= 4; i++) expect((await api.anonymous({ method: 'POST', url: '/api/session', payload: { username: 'victim', password: `wrong-${i}` } })).statusCode).toBe(401);
    const fifth = await api.anonymous({ method: 'POST', url: '/api/session', payload: { username: 'victim', password: 'wrong-5' } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toContain('锁定');
    // even the right password is refused while locked
    expect((await api.anonymous({ method: 'POST', url: '/api/session', payload: { username: 'victim', password: TEST_PASSWORD } })).statusCode).toBe(423);
    const a = await signedIn(api.anonymous, 'u-leader');
    const b = await signedIn(api.anonymous, 'u-leader');
    expect((await a({ method: 'POST', url: '/api/session/everywhere' })).statusCode).toBe(200);
    expect((await b({ method: 'GET', url: `/api/plans/${PLAN}` })).statusCode).toBe(401);
    const audit = (await api.app.inject({ method: 'GET', url: '/api/audit?action=user.locked' })).json();
    expect(audit[0]).toMatchObject({ action: 'user.locked', actorName: 'victim' });
  });
});
