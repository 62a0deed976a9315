// The HTTP API: the JSON forms of the public contract, and clear refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startApi, type TestApi } from '../helpers/api.ts';

describe('HTTP API (PGlite)', () => {
  let api: TestApi;
  let app: FastifyInstance;
  beforeAll(async () => {
    api = await startApi();
    app = api.app;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('GET /api/plans gives id, region, title, baseYear, targetYears', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/plans' });
    expect(r.statusCode).toBe(200);
    const plans = r.json() as Array<Record<string, unknown>>;
    expect(plans).toContainEqual({
      id: 'wushan-demo-county',
      region: '巫山县',
      title: '巫山县生态文明建设示范县创建规划（2022—2028年）',
      baseYear: 2021,
      targetYears: [2024, 2027],
    });
    for (const p of plans) expect(Object.keys(p).sort()).toEqual(['baseYear', 'id', 'region', 'targetYears', 'title']);
  });

  it('GET assessment gives the counts, the score and every result with its reason', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/assessment?year=2021' });
    expect(r.statusCode).toBe(200);
    const a = r.json();
    expect(a).toMatchObject({ plan: 'wushan-demo-county', year: 2021 });
    const [national, municipal] = a.frameworks;
    expect(national).toMatchObject({ applicable: 35, met: 29, notMet: 6, score: null, maxScore: null, passScore: null });
    expect(municipal).toMatchObject({ score: 92, maxScore: 100, passScore: 92 });
    for (const res of national.results) {
      expect(Object.keys(res)).toEqual(expect.arrayContaining(['number', 'name', 'status', 'reason', 'value', 'requirement', 'achievability']));
      expect(typeof res.reason).toBe('string');
    }
  });

  it('answers in English when asked', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/assessment?year=2021&lang=en' });
    const item3 = r.json().frameworks[0].results.find((x: { number: string }) => x.number === '3');
    expect(item3.reason).toBe('The value 24 satisfies ≥20%.');
    expect(item3.statusText).toBe('met');
  });

  it('GET projects gives the roll-up against the stated totals', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/projects' });
    expect(r.json()).toMatchObject({ count: 80, investmentWan: 513306, statedCount: 80, statedInvestmentWan: 513306 });
  });

  it('unknown plans and bad years are refused in Chinese', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/plans/nowhere/assessment' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toContain('找不到规划“nowhere”');
    const y = await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/assessment?year=21' });
    expect(y.statusCode).toBe(400);
    expect(y.json().error.message).toContain('年份“21”无效');
  });

  it('POST observations: a bad batch gets 422 with every problem and saves nothing; a good one 201', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/observations',
      payload: { observations: [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '36', year: 2022, printed: '很多' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems[0]).toMatchObject({ field: 'printed', value: '很多' });
    const empty = await app.inject({ method: 'POST', url: '/api/observations', payload: {} });
    expect(empty.statusCode).toBe(400);
    const good = await app.inject({
      method: 'POST',
      url: '/api/observations',
      payload: { observations: [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '36', year: 2022, printed: '55' }] },
    });
    expect(good.statusCode).toBe(201);
    const a = await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/assessment?year=2022' });
    expect(a.json().frameworks[0].results.find((x: { number: string }) => x.number === '36').status).toBe('met');
  });

  it('describes itself in OpenAPI, covering every route', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    const registered = (app as unknown as { ecocivRoutes: Array<{ method: string; url: string }> }).ecocivRoutes
      .filter((r) => r.url.startsWith('/api/'))
      .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    const described = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(registered.length).toBeGreaterThanOrEqual(6);
    expect(described.sort()).toEqual(registered.sort());
  });
});

describe('plan details (PGlite)', () => {
  it('GET /api/plans/{id} names the office that runs the plan, with its line', async () => {
    const { app, close } = await startApi();
    try {
      const r = await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        id: 'wushan-demo-county',
        region: '巫山县',
        frameworks: ['national-demo-county', 'chongqing-demo-county'],
        office: { unit: '县生态环境局', source: { document: '001', line: 1713 } },
        document: { id: '001' },
      });
      expect((await app.inject({ method: 'GET', url: '/api/plans/nowhere' })).statusCode).toBe(404);
    } finally {
      await close();
    }
  });
});

describe('requirements as the engine reads them (PGlite)', () => {
  it('every result carries the parsed requirement and a sentence explaining it', async () => {
    const { app, close } = await startApi();
    try {
      const a = (await app.inject({ method: 'GET', url: '/api/plans/wushan-demo-county/assessment?year=2021' })).json();
      const national = a.frameworks[0].results;
      const item31 = national.find((r: { number: string }) => r.number === '31');
      expect(item31.requirementParsed).toEqual({ kind: 'threshold', op: '>=', value: 50 });
      expect(item31.requirementExplained).toBe('数值不低于50%');
      const item1 = national.find((r: { number: string }) => r.number === '1');
      expect(item1.requirementParsed).toEqual({ kind: 'state', level: 3, word: '制定实施' });
      const item7 = national.find((r: { number: string }) => r.number === '7');
      expect(item7.parts[0].requirementParsed.kind).toBe('composite');
      expect(item7.parts[0].requirementExplained).toContain('并且');
    } finally {
      await close();
    }
  });
});
