// Hostile input over HTTP: SQL and script text in every free-text field is stored as the text it is and
// never executed; oversized, malformed and mistyped bodies and path tricks in file names get a clear
// Chinese refusal, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../helpers/api.ts';

const PLAN = 'wushan-demo-county';
const NASTY = [
  "'; DROP TABLE observations; --",
  '"); DELETE FROM audit_log; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7} {{7*7}} %s %n \u0000',
  '../../../../etc/passwd',
];

describe('hostile input (PGlite)', () => {
  let api: TestApi;
  const count = async (t: string) => Number((await api.store.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('SQL and script in every text field is kept as text, and the tables are intact', async () => {
    const inject = api.app.inject.bind(api.app);
    for (const [i, text] of NASTY.entries()) {
      const clean = text.replace(/\u0000/g, '').trim(); // a NUL is refused (below); texts are stored trimmed
      const note = await inject({ method: 'POST', url: '/api/observations', payload: { observations: [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2030 + i, printed: '50', note: clean, reportingUnit: '县住房城乡建委' }] } });
      expect(note.statusCode, text).toBe(201);
      const stored = await api.store.db.query<{ note: string }>('SELECT note FROM observations WHERE year = $1', [2030 + i]);
      expect(stored.rows[0]!.note).toBe(clean);
      const item = await inject({ method: 'POST', url: '/api/work-items', payload: { items: [{ plan: PLAN, year: 2030, title: clean, leadUnit: '县住房城乡建委', deadline: '2030-06-30' }] } });
      expect(item.statusCode).toBe(201);
      const change = await inject({ method: 'POST', url: '/api/project-changes', payload: { plan: PLAN, project: `X${i}`, kind: 'add', fields: { name: clean, group: '生态安全保障工程' }, reason: clean, effectiveOn: '2030-01-01' } });
      expect(change.statusCode).toBe(201);
      const user = await inject({ method: 'POST', url: '/api/users', payload: { username: `user${i}`, displayName: clean, password: 'Qingshan-lvshui-2030', roles: [{ role: 'leader', region: '巫山县' }] } });
      expect(user.statusCode).toBe(201);
    }
    const w = (await inject({ method: 'GET', url: `/api/plans/${PLAN}/work-plan?year=2030` })).json();
    expect(w.items.map((x: { title: string }) => x.title).sort()).toEqual(NASTY.map((t) => t.replace(/\u0000/g, '').trim()).sort());
    const users = (await inject({ method: 'GET', url: '/api/users' })).json();
    expect(users.filter((u: { username: string }) => u.username.startsWith('user')).map((u: { displayName: string }) => u.displayName)).toEqual(NASTY.map((t) => t.replace(/\u0000/g, '').trim()));
    // nothing dropped, nothing deleted
    expect(await count('observations')).toBeGreaterThan(100);
    expect(await count('audit_log')).toBeGreaterThan(20);
  });

  it('a NUL byte or a name with SQL in a user name is refused by name', async () => {
    const nul = await api.app.inject({ method: 'POST', url: '/api/observations', payload: { observations: [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2040, printed: '50', note: 'a\u0000b' }] } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.message).toContain('空字符');
    const r = await api.app.inject({ method: 'POST', url: '/api/users', payload: { username: "x'; DROP TABLE users; --", displayName: 'x', password: 'Qingshan-lvshui-2030', roles: [{ role: 'leader', region: '巫山县' }] } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.problems[0]).toMatchObject({ field: 'username' });
    expect(await count('users')).toBeGreaterThan(1);
  });

  it('oversized, malformed and mistyped bodies get a Chinese refusal', async () => {
    const big = await api.app.inject({ method: 'POST', url: '/api/observations', headers: { 'content-type': 'application/json' }, payload: `{"observations":[${'"x",'.repeat(2_000_000)}"x"]}` });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('请求体过大');
    const bad = await api.app.inject({ method: 'POST', url: '/api/observations', headers: { 'content-type': 'application/json' }, payload: '{"observations": [' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不是有效的 JSON');
    const type = await api.app.inject({ method: 'POST', url: '/api/observations', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
    expect(type.statusCode).toBe(415);
    expect(type.json().error.message).toContain('不支持的内容类型');
    const xml = await api.app.inject({ method: 'POST', url: `/api/plans/${PLAN}/progress.xlsx`, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from('PK\u0003\u0004 not really a zip') });
    expect(xml.statusCode).toBe(422);
    expect(xml.json().error.problems[0].message).toContain('不是可读取的 Excel 工作簿');
  });

  it('file names that try to leave their folder, or hide, are refused and nothing is stored', async () => {
    const before = await count('attachments');
    for (const name of ['../x.png', '..\\x.png', '/etc/x.png', '.htaccess', 'a\u0000.png', 'x.png\n.exe']) {
      const r = await api.app.inject({ method: 'POST', url: `/api/attachments?plan=${PLAN}&owner=progress&id=1&name=${encodeURIComponent(name)}`, headers: { 'content-type': 'image/png' }, payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]) });
      expect(r.statusCode, JSON.stringify(name)).toBe(422);
      expect(r.json().error.problems[0].field).toBe('fileName');
    }
    expect(await count('attachments')).toBe(before);
  });
});
