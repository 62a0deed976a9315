// Nobody writes or reads where they don't belong, on both engines: the outside probe's requests replayed
// (a plan id with a space, a harmless first list, a plan of another region named anywhere in the body) on
// every write route and every store write, each refusal checked in Chinese with the store unchanged; the
// public sees published years only; who and when a record names are the server's; two progress reports of
// one project sent at once never let its cumulative investment fall.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor, type User } from '../../src/auth/roles.ts';
import { buildServer } from '../../src/server/app.ts';
import { MATRIX } from '../../src/server/authorization.ts';
import { saveDraft } from '../../src/app/dataEntry.ts';
import { ForbiddenError } from '../../src/store/access.ts';
import { addAttachment } from '../../src/store/attachments.ts';
import { recordProgress, recordProjectChange, reviewProgress, savePlanSettings } from '../../src/store/projectTracking.ts';
import { recordConfirmation } from '../../src/app/confirmIndicator.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { publishYear, recordRevision, reviewFigures } from '../../src/store/review.ts';
import { createUser, listUsers } from '../../src/store/users.ts';
import { issueNotices, recordTaskUpdate, recordWorkItems, replyToNotice } from '../../src/store/workPlan.ts';
import { signedIn, TEST_PASSWORD, type Inject } from '../helpers/api.ts';
import { ENGINES, openTestStore, type Engine, type TestStore } from '../helpers/stores.ts';
import { cliActor } from '../../src/auth/roles.ts';
import { todayInChina } from '../../src/store/batch.ts';

const WS = 'wushan-demo-county';
const QJ = 'qianjiang-apeng-two-mountains';
const TABLES = ['project_changes', 'project_progress', 'work_items', 'task_updates', 'supervision_notices', 'observations', 'observation_revisions', 'confirmations', 'publications', 'plan_settings', 'attachments', 'drafts', 'audit_log'];
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** Every row of the tables people write, as text: any change shows. */
async function snapshot(store: TestStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const cols = t === 'audit_log' ? 'id, action, entity_id' : '*';
    const r = await store.db.query(`SELECT ${cols} FROM ${t} ORDER BY 1`);
    out[t] = JSON.stringify(r.rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  }
  return out;
}

for (const engine of ENGINES) {
  describe(`access: regions, the public, who and when, concurrent writes (${engine})`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let admin: Inject;
    let qjOffice: Inject;
    let wsOffice: Inject;
    let wsClerk: Inject;
    const users = new Map<string, User>();
    const ids = { item: 0, notice: 0, report: 0 };
    const actorOf = (username: string): Actor => ({ userId: users.get(username)!.id, name: `${username}（${username}）`, ip: null, user: users.get(username)! });

    beforeAll(async () => {
      store = await openTestStore(engine as Engine);
      app = buildServer(store.db, { auth: { failureDelayMs: 0 } });
      await app.ready();
      const raw = app.inject.bind(app) as Inject;
      const as = async (username: string, roles: Array<{ role: string; region?: string | null; unit?: string | null }>) => {
        await createUser(store.db, { username, displayName: username, password: TEST_PASSWORD, roles }, SYSTEM_ACTOR);
        return signedIn(raw, username);
      };
      admin = await as('admin', [{ role: 'admin' }]);
      qjOffice = await as('qj-office', [{ role: 'planOffice', region: '黔江区' }]);
      wsOffice = await as('ws-office', [{ role: 'planOffice', region: '巫山县' }]);
      wsClerk = await as('ws-clerk', [{ role: 'clerk', region: '巫山县', unit: '县水利局' }]);
      await as('qj-reviewer', [{ role: 'reviewer', region: '黔江区' }]);
      for (const u of await listUsers(store.db, SYSTEM_ACTOR)) users.set(u.username, u);
      // a work item, a supervision notice and a progress report in Wushan, made on the machine itself
      ids.item = (await recordWorkItems(store.db, [{ plan: WS, year: 2024, title: '河道清漂', leadUnit: '县水利局', deadline: '2024-03-31' }])).ids[0]!;
      ids.notice = (await issueNotices(store.db, WS, { asOf: '2024-04-10' }))[0]!.id;
      ids.report = (await recordProgress(store.db, [{ plan: WS, project: '1', period: '2024-Q1', investmentCumulativeWan: 10, status: '在建', reportedOn: '2024-04-05' }])).ids[0]!;
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    it('a plan id with a space, a capital, an invisible character or of the wrong type is refused at the edge, on every route that carries one', async () => {
      const before = await snapshot(store);
      const variants: unknown[] = [` ${WS}`, `${WS} `, `\t${WS}`, `${WS}\u200b`, WS.toUpperCase(), `${WS}\n`, [WS], { id: WS }, 7];
      const bodies = (plan: unknown) => [
        ['POST', '/api/project-changes', { plan, project: '1', kind: 'adjust', fields: { name: '越界' }, reason: '探测', effectiveOn: '2024-05-01' }],
        ['POST', '/api/work-items', { items: [{ plan, year: 2024, title: '越界', leadUnit: '县水利局', deadline: '2024-12-31' }] }],
        ['POST', '/api/progress', { reports: [{ plan, project: '2', period: '2024-Q1', investmentCumulativeWan: 5, status: '在建' }] }],
        ['POST', '/api/progress/check', { reports: [{ plan, project: '2', period: '2024-Q1', investmentCumulativeWan: 5, status: '在建' }] }],
        ['POST', '/api/observations', { observations: [{ plan, framework: 'national-demo-county', number: '36', year: 2024, printed: '50' }] }],
        ['POST', '/api/observations/revisions', { plan, framework: 'national-demo-county', number: '36', year: 2021, printed: '50', reason: '探测' }],
        ['POST', '/api/observations/review', { plan, year: 2024, decision: 'approved' }],
        ['POST', '/api/confirmations', { plan, framework: 'national-demo-county', number: '2', year: 2022, status: 'met', reason: '探测' }],
      ] as const;
      for (const v of variants) {
        for (const [method, url, payload] of bodies(v)) {
          // (confirmations are the reviewers' and the administrator's: a plan office is refused by role first)
          for (const who of url === '/api/confirmations' ? [admin] : [qjOffice, admin]) {
            const r = await who({ method, url, payload });
            expect(r.statusCode, `${url} ${JSON.stringify(v)}`).toBe(400);
            expect(r.json().error.message).toMatch(/^规划编号“.*”无效：应为系统中的规划编号/s);
          }
        }
      }
      for (const id of [` ${WS}`, `${WS} `, WS.toUpperCase()]) {
        const p = encodeURIComponent(id);
        for (const [method, url, payload] of [
          ['PUT', `/api/plans/${p}/settings`, { tolerance: 0.5 }],
          ['POST', `/api/plans/${p}/publications`, { year: 2021 }],
          ['POST', `/api/plans/${p}/supervision`, { asOf: '2024-04-10' }],
          ['PUT', `/api/plans/${p}/drafts?unit=县水利局&year=2024`, { entries: [] }],
          ['GET', `/api/plans/${p}/assessment`, undefined],
          ['GET', `/api/plans/${p}/public`, undefined],
          ['POST', `/api/attachments?plan=${p}&owner=progress&id=${ids.report}&name=a.png`, PNG],
        ] as const) {
          const r = await qjOffice({ method, url, ...(payload ? { payload } : {}), ...(Buffer.isBuffer(payload) ? { headers: { 'content-type': url.includes('/monitoring/imports') ? 'text/csv' : 'image/png' } } : {}) });
          expect(r.statusCode, `${method} ${url}`).toBe(400);
          expect(r.json().error.message).toContain('规划编号');
        }
      }
      for (const url of [`/api/work-items/%20${ids.item}/updates`, `/api/supervision/${ids.notice}%20/reply`, `/api/progress/0x${ids.report}/review`]) {
        const r = await qjOffice({ method: 'POST', url, payload: { status: '推进中', progress: 'x', reply: 'x', decision: 'accepted' } });
        expect(r.statusCode, url).toBe(400);
        expect(r.json().error.message).toMatch(/^编号“.+”无效，应为数字/);
      }
      expect(await snapshot(store)).toEqual(before);
    });

    it('a harmless first list, a second plan in a list, or a plan named deeper in the body cannot carry a write into another region', async () => {
      const before = await snapshot(store);
      // the probe: a list the authorisation used to read first, and the list the handler acts on
      const probe = await qjOffice({ method: 'POST', url: '/api/work-items', payload: { a: [{ plan: QJ }], items: [{ plan: WS, year: 2024, title: '越界', leadUnit: '县水利局', deadline: '2024-12-31' }] } });
      expect(probe.statusCode).toBe(400);
      expect(probe.json().error.message).toBe('未保存：请求中有本系统不接受的内容“a”（可接受的内容：items）；未做任何改动。');
      const probe2 = await qjOffice({ method: 'POST', url: '/api/progress', payload: { a: [{ plan: QJ }], reports: [{ plan: WS, project: '2', period: '2024-Q1', investmentCumulativeWan: 5, status: '在建' }] } });
      expect(probe2.statusCode).toBe(400);
      // an unknown key inside an entry is refused too, naming it and what is accepted
      const inner = await qjOffice({ method: 'POST', url: '/api/work-items', payload: { items: [{ plan: QJ, year: 2024, title: 'x', leadUnit: '区水利局', deadline: '2024-12-31', region: '巫山县' }] } });
      expect(inner.statusCode).toBe(400);
      expect(inner.json().error.message).toContain('“region”（可接受的内容：plan、year、task、title、leadUnit、cooperatingUnits、deadline、indicators）');
      // every plan in the list the handler uses is authorised, not the first
      for (const [url, payload] of [
        ['/api/work-items', { items: [{ plan: QJ, year: 2024, title: 'x', leadUnit: '区水利局', deadline: '2024-12-31' }, { plan: WS, year: 2024, title: '越界', leadUnit: '县水利局', deadline: '2024-12-31' }] }],
        ['/api/progress', { reports: [{ plan: QJ, project: '1', period: '2024-Q1', investmentCumulativeWan: 1, status: '在建' }, { plan: WS, project: '2', period: '2024-Q1', investmentCumulativeWan: 5, status: '在建' }] }],
        ['/api/observations', { observations: [{ plan: QJ, framework: 'two-mountains', number: '1', year: 2024, printed: '1' }, { plan: WS, framework: 'national-demo-county', number: '36', year: 2024, printed: '50' }] }],
        // a plan named inside a nested object of a body whose own plan is the user's
        ['/api/project-changes', { plan: QJ, project: 'X1', kind: 'add', fields: { name: 'x', group: 'y', plan: WS }, reason: '探测', effectiveOn: '2024-05-01' }],
      ] as const) {
        const r = await qjOffice({ method: 'POST', url, payload });
        expect(r.statusCode, url).toBe(403);
        expect(r.json().error.message).toBe('您的角色无权进行此操作。');
      }
      expect(await snapshot(store)).toEqual(before);
    });

    it('every write route refuses a plan office of another region, and the store is unchanged', async () => {
      const before = await snapshot(store);
      const writes: Array<[string, string, unknown]> = [
        ['POST', '/api/project-changes', { plan: WS, project: '1', kind: 'adjust', fields: { name: '越界' }, reason: '探测', effectiveOn: '2024-05-01' }],
        ['POST', '/api/work-items', { items: [{ plan: WS, year: 2024, title: '越界', leadUnit: '县水利局', deadline: '2024-12-31' }] }],
        ['POST', `/api/work-items/${ids.item}/updates`, { status: '推进中', progress: '越界' }],
        ['POST', `/api/plans/${WS}/supervision`, { asOf: '2024-12-01' }],
        ['POST', `/api/supervision/${ids.notice}/reply`, { reply: '越界' }],
        ['POST', '/api/progress', { reports: [{ plan: WS, project: '2', period: '2024-Q1', investmentCumulativeWan: 5, status: '在建' }] }],
        ['POST', `/api/progress/${ids.report}/review`, { decision: 'accepted' }],
        ['POST', '/api/observations', { observations: [{ plan: WS, framework: 'national-demo-county', number: '36', year: 2024, printed: '50' }] }],
        ['POST', '/api/observations/revisions', { plan: WS, framework: 'national-demo-county', number: '36', year: 2021, printed: '50', reason: '探测' }],
        ['POST', '/api/observations/review', { plan: WS, year: 2024, decision: 'approved' }],
        ['POST', `/api/plans/${WS}/publications`, { year: 2021 }],
        ['PUT', `/api/plans/${WS}/settings`, { tolerance: 0.5 }],
        ['PUT', `/api/plans/${WS}/drafts?unit=县水利局&year=2024`, { entries: [] }],
        ['POST', `/api/attachments?plan=${WS}&owner=progress&id=${ids.report}&name=a.png`, PNG],
        ['PUT', `/api/plans/${WS}/monitoring/links`, { framework: 'national-demo-county', number: '7', part: '优良天数比例', statistic: 'air.goodDaysShare', stations: ['WS01'] }],
        ['DELETE', `/api/plans/${WS}/monitoring/links`, { framework: 'national-demo-county', number: '7', part: '优良天数比例' }],
        ['POST', `/api/plans/${WS}/monitoring/compute`, {}],
        ['POST', `/api/plans/${WS}/monitoring/imports?name=s.csv`, Buffer.from('站点编码,站点名称,站点类别\nX1,越界,空气\n')],
        // the attachment names the user's own plan but a record of another
        ['POST', `/api/attachments?plan=${QJ}&owner=progress&id=${ids.report}&name=a.png`, PNG],
      ];
      for (const [method, url, payload] of writes) {
        const r = await qjOffice({ method: method as 'POST', url, payload: payload as object, ...(Buffer.isBuffer(payload) ? { headers: { 'content-type': url.includes('/monitoring/imports') ? 'text/csv' : 'image/png' } } : {}) });
        // refused by the route's region check (403), or, for a record of another plan, as not found there (404)
        expect([403, 404], `${method} ${url} → ${r.statusCode} ${r.body}`).toContain(r.statusCode);
        expect(r.json().error.message).toMatch(/^(您的角色无权进行此操作。|找不到附件所属的记录（progress \d+）。)$/);
      }
      // and every read route of the other region's plan
      for (const key of Object.keys(MATRIX).filter((k) => k.startsWith('GET /api/plans/:id/') && k !== 'GET /api/plans/:id/public')) {
        const url = key.slice(4).replace(':id', WS).replace(':kind.:format', 'annual.html').replace(':stationId', '1');
        expect((await qjOffice({ method: 'GET', url })).statusCode, url).toBe(403);
      }
      expect(await snapshot(store)).toEqual(before);
    });

    it('every store write checks the region itself, whatever the route in front of it checked', async () => {
      const before = await snapshot(store);
      const qj = actorOf('qj-office');
      const writes: Array<[string, () => Promise<unknown>]> = [
        ['project change', () => recordProjectChange(store.db, { plan: WS, project: '1', kind: 'adjust', fields: { name: '越界' }, reason: '探测', effectiveOn: '2024-05-01' }, qj)],
        ['work items', () => recordWorkItems(store.db, [{ plan: WS, year: 2024, title: '越界', leadUnit: '县水利局', deadline: '2024-12-31' }], qj)],
        ['work-item update', () => recordTaskUpdate(store.db, ids.item, { status: '推进中', progress: '越界' }, { actor: qj })],
        ['supervision notices', () => issueNotices(store.db, WS, { asOf: '2024-12-01', actor: qj })],
        ['reply', () => replyToNotice(store.db, ids.notice, { reply: '越界' }, { actor: qj })],
        ['progress', () => recordProgress(store.db, [{ plan: WS, project: '2', period: '2024-Q1', investmentCumulativeWan: 5, status: '在建' }], { actor: qj })],
        ['progress review', () => reviewProgress(store.db, ids.report, 'accepted', undefined, qj)],
        ['observations', () => recordObservations(store.db, [{ plan: WS, framework: 'national-demo-county', number: '36', year: 2024, printed: '50' }], qj)],
        ['revision', () => recordRevision(store.db, { plan: WS, framework: 'national-demo-county', number: '36', year: 2021, printed: '50', reason: '探测' }, qj)],
        ['review', () => reviewFigures(store.db, { plan: WS, year: 2024, decision: 'approved' }, actorOf('qj-reviewer'))],
        ['publication', () => publishYear(store.db, WS, 2021, qj)],
        ['confirmation', () => recordConfirmation(store.db, { plan: WS, framework: 'national-demo-county', number: '2', year: 2022, status: 'met', by: '', reason: '探测' }, actorOf('qj-reviewer'))],
        ['settings', () => savePlanSettings(store.db, WS, { tolerance: 0.5 }, qj)],
        ['attachment', () => addAttachment(store.db, { plan: WS, ownerKind: 'progress', ownerId: ids.report, fileName: 'a.png', data: PNG }, qj)],
        ['draft', () => saveDraft(store.db, WS, '县水利局', 2024, [], qj)],
      ];
      for (const [what, write] of writes) {
        const e = await write().then(() => undefined, (x: unknown) => x);
        expect(e, what).toBeInstanceOf(ForbiddenError);
        expect((e as Error).message, what).toMatch(/^未保存：规划“巫山县生态文明建设示范县创建规划（2022—2028年）”属于巫山县，不在您的职责范围（黔江区）内；未做任何改动。$/);
      }
      expect(await snapshot(store)).toEqual(before);
      // the plan office of the region itself, and the command line, still write
      expect((await recordProjectChange(store.db, { plan: WS, project: '1', kind: 'adjust', fields: { township: '巫峡镇' }, reason: '调整', effectiveOn: '2024-05-01', recordedBy: '张三' }, cliActor())).id).toBeGreaterThan(0);
      const r = await wsOffice({ method: 'POST', url: '/api/project-changes', payload: { plan: WS, project: '1', kind: 'adjust', fields: { township: '龙门街道' }, reason: '调整', effectiveOn: '2024-06-01' } });
      expect(r.statusCode).toBe(201);
      const rows = await store.db.query<{ recorded_by: string }>('SELECT recorded_by FROM project_changes ORDER BY id');
      expect(rows.rows.map((x) => x.recorded_by)).toEqual(['张三', 'ws-office（ws-office）']);
    });

    it('the public sees published years only; an unknown plan and a plan with nothing published get the same answer', async () => {
      // a figure a plan office has just submitted, not reviewed, its year not published
      const sub = await wsOffice({ method: 'POST', url: '/api/observations', payload: { observations: [{ plan: WS, framework: 'national-demo-county', number: '36', year: 2024, printed: '47.3' }] } });
      expect(sub.statusCode).toBe(201);
      const anon = app.inject.bind(app);
      const nothing = await anon({ method: 'GET', url: `/api/plans/${WS}/public` });
      const unknown = await anon({ method: 'GET', url: '/api/plans/nowhere/public' });
      const other = await anon({ method: 'GET', url: `/api/plans/${QJ}/public?year=2024` });
      for (const r of [nothing, unknown, other]) {
        expect(r.statusCode).toBe(404);
        expect(r.json()).toEqual({ error: { code: 'notPublished', message: '没有可公开的评估结果：该规划没有已发布的年度，或所查年份尚未发布。' } });
      }
      expect(unknown.body).not.toContain(QJ);
      // 2021 published: the public sees 2021, and still nothing of 2024
      await publishYear(store.db, WS, 2021, SYSTEM_ACTOR);
      const pub = await anon({ method: 'GET', url: `/api/plans/${WS}/public` });
      expect(pub.statusCode).toBe(200);
      expect(pub.json().year).toBe(2021);
      expect(pub.body).not.toContain('47.3');
      expect((await anon({ method: 'GET', url: `/api/plans/${WS}/public?year=2024` })).json()).toEqual(nothing.json());
      // the signed-in working assessment does show the submitted figure
      expect((await admin({ method: 'GET', url: `/api/plans/${WS}/assessment?year=2024` })).body).toContain('47.3');
    });

    it('who and when a progress report names are the server’s; only the plan office states an earlier day, with a reason the reviewer sees', async () => {
      const before = await snapshot(store);
      const today = todayInChina();
      const report = (extra: Record<string, unknown>) => ({ reports: [{ plan: WS, project: '1', period: '2024-Q2', investmentCumulativeWan: 20, status: '在建', ...extra }] });
      const refusals: Array<[Inject, Record<string, unknown>, number, string]> = [
        [wsClerk, { reportedOn: '2024-04-01' }, 422, `未保存：填报日期“2024-04-01”不是今天（${today}）。补报以往日期须由规划办填写并说明理由；未做任何改动。`],
        [wsClerk, { reportedOn: '2024-04-01', backdateReason: '忘了' }, 422, '补报以往日期须由规划办填写并说明理由'],
        [wsClerk, { reportedBy: '张三' }, 400, '未保存：“填报人”由系统按登录账号和当天日期记录，不能由填报人指定（收到“张三”）；未做任何改动。'],
        [wsClerk, { reportingUnit: '县林业局' }, 422, '未保存：报送单位“县林业局”不是项目“县城长江取水趸船迁移工程”的牵头单位（县水利局）；未做任何改动。'],
        [wsClerk, { backdateReason: '补录' }, 422, '只有补报以往日期时才填写补报理由'],
        [wsOffice, { reportedOn: '2024-07-05' }, 422, `未保存：填报日期写为以往的“2024-07-05”（今天为 ${today}），请在“补报理由”中说明原因，供审核人查看；未做任何改动。`],
        [wsOffice, { reportedOn: '2099-01-01', backdateReason: 'x' }, 422, `未保存：填报日期“2099-01-01”晚于今天（${today}）；未做任何改动。`],
        [wsOffice, { reportedBy: '张三' }, 400, '“填报人”由系统按登录账号和当天日期记录'],
      ];
      for (const [who, extra, status, message] of refusals) {
        const r = await who({ method: 'POST', url: '/api/progress', payload: report(extra) });
        expect(r.statusCode, JSON.stringify(extra)).toBe(status);
        const body = r.json().error;
        expect(status === 400 ? body.message : body.problems.map((p: { message: string }) => p.message).join('\n')).toContain(message);
      }
      // the other records' who and when: a work-item update, a reply, a project change, a confirmation
      for (const [url, payload, label] of [
        [`/api/work-items/${ids.item}/updates`, { status: '推进中', progress: 'x', reportedBy: '张三' }, '填报人'],
        [`/api/supervision/${ids.notice}/reply`, { reply: 'x', repliedOn: '2024-04-11' }, '回复日期'],
        ['/api/project-changes', { plan: WS, project: '1', kind: 'adjust', fields: { township: 'x' }, reason: 'x', effectiveOn: '2024-05-01', recordedBy: '张三' }, '登记人'],
        ['/api/confirmations', { plan: WS, framework: 'national-demo-county', number: '2', year: 2022, status: 'met', reason: 'x', by: '县生态环境局 张三' }, '确认人'],
        ['/api/confirmations', { plan: WS, framework: 'national-demo-county', number: '2', year: 2022, status: 'met', reason: 'x', at: '2022-01-01' }, '确认日期'],
        [`/api/plans/${WS}/supervision`, { asOf: '2024-12-01', issuedBy: '县委' }, '督办人'],
      ] as const) {
        const r = await (url === '/api/confirmations' ? admin : wsOffice)({ method: 'POST', url, payload });
        expect(r.statusCode, url).toBe(400);
        expect(r.json().error.message).toContain(`“${label}”由系统按登录账号和当天日期记录`);
      }
      const late = await wsClerk({ method: 'POST', url: `/api/work-items/${ids.item}/updates`, payload: { status: '推进中', progress: 'x', reportedOn: '2024-03-30' } });
      expect(late.statusCode).toBe(422);
      expect(late.json().error.problems[0].message).toContain('补报以往日期须由规划办填写并说明理由');
      expect(await snapshot(store)).toEqual(before);

      // the clerk's report: today, the clerk's own unit, the clerk's account
      expect((await wsClerk({ method: 'POST', url: '/api/progress', payload: report({}) })).statusCode).toBe(201);
      // the plan office states an earlier day with a reason: kept, audited and shown to the reviewer
      const back = await wsOffice({ method: 'POST', url: '/api/progress', payload: { reports: [{ plan: WS, project: '2', period: '2024-Q2', investmentCumulativeWan: 30, status: '在建', reportedOn: '2024-07-05', backdateReason: '纸质报表补录' }] } });
      expect(back.statusCode).toBe(201);
      const rows = await store.db.query<{ project_key: string; reported_on: unknown; reported_by: string; reporting_unit: string | null; backdate_reason: string | null }>(
        `SELECT project_key, reported_on::text AS reported_on, reported_by, reporting_unit, backdate_reason FROM project_progress WHERE period = '2024-Q2' ORDER BY project_key`,
      );
      expect(rows.rows).toEqual([
        { project_key: '1', reported_on: today, reported_by: 'ws-clerk（ws-clerk）', reporting_unit: '县水利局', backdate_reason: null },
        { project_key: '2', reported_on: '2024-07-05', reported_by: 'ws-office（ws-office）', reporting_unit: null, backdate_reason: '纸质报表补录' },
      ]);
      const audit = await store.db.query<{ after: { backdateReason?: string; reportedOn?: string } }>(`SELECT after FROM audit_log WHERE action = 'progress.record' ORDER BY id DESC LIMIT 1`);
      expect(audit.rows[0]!.after).toMatchObject({ reportedOn: '2024-07-05', backdateReason: '纸质报表补录' });
      const seen = (await admin({ method: 'GET', url: `/api/plans/${WS}/progress?asOf=2024-12-31` })).json();
      expect(seen.projects.find((p: { key: string }) => p.key === '2').reports.find((r: { period: string }) => r.period === '2024-Q2')).toMatchObject({ reportedOn: '2024-07-05', backdateReason: '纸质报表补录' });
    });

    it('two progress reports of one project sent at once never let its cumulative investment fall', async () => {
      // Q1 = 10 stored; then Q2 = 900 and Q3 = 50 at the same moment: each alone is valid, together they are not
      const projects = ['10', '11', '12', '13', '14', '15'];
      await recordProgress(store.db, projects.map((p) => ({ plan: WS, project: p, period: '2023-Q1', investmentCumulativeWan: 10, status: '在建', reportedOn: '2023-04-05' })));
      const before = await store.db.query<{ n: string }>('SELECT count(*) AS n FROM project_progress');
      // through the store for half the projects, through the API for the others: all at once
      const viaStore = (period: string, wan: number, p: string) =>
        recordProgress(store.db, [{ plan: WS, project: p, period, investmentCumulativeWan: wan, status: '在建', reportedOn: '2023-12-05' }]).then(
          () => ({ statusCode: 201 }),
          (e: Error) => ({ statusCode: 422, message: e.message }),
        );
      const viaApi = (period: string, wan: number, p: string) => wsOffice({ method: 'POST', url: '/api/progress', payload: { reports: [{ plan: WS, project: p, period, investmentCumulativeWan: wan, status: '在建' }] } });
      const sends = projects.flatMap((p, i) => {
        const send = i % 2 === 0 ? viaStore : viaApi;
        return [send('2023-Q2', 900, p), send('2023-Q3', 50, p)];
      });
      const results = await Promise.all(sends);
      for (const [i, p] of projects.entries()) {
        const pair = [results[2 * i]!.statusCode, results[2 * i + 1]!.statusCode];
        expect(pair.filter((s) => s === 201), `project ${p}: ${pair}`).toHaveLength(1);
        const series = await store.db.query<{ c: string }>(`SELECT investment_cumulative_wan AS c FROM project_progress WHERE plan_id = $1 AND project_key = $2 ORDER BY period_end`, [WS, p]);
        const values = series.rows.map((x) => Number(x.c));
        expect(values, `project ${p}`).toEqual([...values].sort((a, b) => a - b));
      }
      const after = await store.db.query<{ n: string }>('SELECT count(*) AS n FROM project_progress');
      expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n) + projects.length);
    }, 60_000);

    it('a figure entered while its year is being published: one of the two is refused, never both landing', async () => {
      const year = 2025;
      const [pub, obs] = await Promise.all([
        publishYear(store.db, WS, year, SYSTEM_ACTOR).then(() => 'ok', (e: Error) => e.message),
        recordObservations(store.db, [{ plan: WS, framework: 'national-demo-county', number: '36', year, printed: '52' }], SYSTEM_ACTOR).then(() => 'ok', (e: Error) => e.message),
      ]);
      const published = (await store.db.query('SELECT 1 FROM publications WHERE plan_id = $1 AND year = $2', [WS, year])).rows.length;
      const entered = await store.db.query<{ review: string }>(`SELECT o.review FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE o.year = $1 AND i.framework_id = 'national-demo-county' AND i.number = '36'`, [year]);
      // either published first (the figure refused) or the figure first (publication refused: it awaits review)
      expect([pub, obs].filter((x) => x === 'ok')).toHaveLength(1);
      expect(published === 1 ? entered.rows.length : 1).toBe(published === 1 ? 0 : entered.rows.length);
    });
  });
}
