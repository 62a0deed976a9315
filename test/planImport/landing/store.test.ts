// Pending plan imports and their acceptance (src/store/planImports.ts): nothing lands before acceptance; the
// whole plan lands in one transaction, audited, and assesses as the same plan loaded from data/; an unknown
// region must be named or created; a value that cannot be read is refused with nothing stored; a revised
// document shows its differences and keeps what people entered since; imports are the plan office's, in its region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../../src/app/assessPlan.ts';
import { cliActor, type Actor, type User } from '../../../src/auth/roles.ts';
import { acceptPlanImport, createPlanImport, discardPlanImport, editPlanImport, getPlanImport, listPlanImports, planImportDifferences, planImportLines, PlanImportError } from '../../../src/store/planImports.ts';
import { loadProjects } from '../../../src/store/queries.ts';
import { listAudit } from '../../../src/store/audit.ts';
import { ENGINES, openTestStore, type TestStore } from '../../helpers/stores.ts';
import { builtinPlan, extractedFrom, lines } from './fixture.ts';

const cli = cliActor();

describe.each(ENGINES)('plan imports on %s', (engine) => {
let store: TestStore;
beforeAll(async () => {
  store = await openTestStore(engine);
}, 120_000);
afterAll(async () => {
  await store?.close();
});

const count = async (sql: string, params: unknown[] = []) => Number((await store.db.query<{ n: string }>(sql, params)).rows[0]!.n);
const upload = (x: ReturnType<typeof extractedFrom>, actor: Actor = cli) => createPlanImport(store.db, { fileName: x.document.name, format: 'text', documentId: x.document.id, lines: lines(50), extracted: x }, actor);

async function regionId(name: string): Promise<number> {
  return (await store.db.query<{ id: number }>('SELECT id FROM regions WHERE name = $1', [name])).rows[0]!.id;
}
const userWith = (id: number, roles: User['roles']): Actor => ({ userId: id, name: `u${id}`, ip: null, user: { id, username: `u${id}`, displayName: `u${id}`, roles } });

describe('a pending import', () => {
  it('is kept with its lines and extraction; nothing of the plan lands', async () => {
    const x = extractedFrom('wushan-demo-county', { id: 'plan-copy-a', title: '巫山县生态文明建设规划（导入副本）' });
    const rec = await upload(x);
    expect(rec.status).toBe('pending');
    expect(rec.regionKnown).toBe(true);
    expect(rec.replaces).toBeNull();
    expect(rec.counts).toMatchObject({ frameworks: 2, projects: 80, investmentWan: 513306, tasks: 134, findings: 2 });
    expect(rec.counts.indicators).toBeGreaterThanOrEqual(81);
    expect(await count('SELECT count(*) AS n FROM plans WHERE id = $1', ['plan-copy-a'])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM projects WHERE plan_id = 'plan-copy-a'")).toBe(0);
    const passage = await planImportLines(store.db, rec.id, cli, 3, 5);
    expect(passage).toEqual({ from: 3, to: 5, total: 50, lines: ['第3行的文字', '第4行的文字', '第5行的文字'] });
    expect((await listPlanImports(store.db, cli, 'pending')).map((r) => r.id)).toContain(rec.id);
  });
});

describe('accepting', () => {
  it('lands the whole plan, audited, and it assesses as the built-in plan does', async () => {
    const x = extractedFrom('wushan-demo-county', { id: 'plan-copy-b', title: '巫山县规划副本乙' });
    const rec = await upload(x);
    const r = await acceptPlanImport(store.db, rec.id, {}, cli);
    expect(r).toMatchObject({ planId: 'plan-copy-b', region: '巫山县', replaced: false, frameworks: 2, projects: 80, investmentWan: 513306, tasks: 134 });
    const plan = (await store.db.query<{ builtin: boolean; title: string }>('SELECT builtin, title FROM plans WHERE id = $1', ['plan-copy-b'])).rows[0]!;
    expect(plan).toEqual({ builtin: false, title: '巫山县规划副本乙' });
    // matched frameworks are referenced, not copied
    expect(await count("SELECT count(*) AS n FROM frameworks WHERE id LIKE 'national-demo-county%'")).toBe(1);
    const projects = await loadProjects(store.db, 'plan-copy-b');
    expect(projects.projects.length).toBe(80);
    const mine = await assessPlan(store.db, 'plan-copy-b', 2021);
    const theirs = await assessPlan(store.db, 'wushan-demo-county', 2021);
    expect(mine.frameworks.map((f) => [f.id, f.applicable, f.met, f.notMet, f.score])).toEqual(theirs.frameworks.map((f) => [f.id, f.applicable, f.met, f.notMet, f.score]));
    expect((await getPlanImport(store.db, rec.id, cli)).status).toBe('accepted');
    const audit = await listAudit(store.db, { planId: 'plan-copy-b', action: 'planImport.accept' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ title: '巫山县规划副本乙', projects: 80 });
      expect((audit[0]!.after as { summary: string }).summary).toMatch(/^接收规划文件“巫山县规划副本乙\.txt”：《巫山县规划副本乙》（巫山县）入库，\d+ 项指标、80 个项目、134 条重点任务。$/);
    await expect(acceptPlanImport(store.db, rec.id, {}, cli)).rejects.toThrow(/已接收入库/);
  });

  it('stores a plan’s own frameworks as not built-in, under ids no other plan uses', async () => {
    const x = extractedFrom('qianjiang-apeng-two-mountains', { id: 'plan-own-fw', title: '黔江区两山规划副本', ownFrameworks: true });
    const first = await acceptPlanImport(store.db, (await upload(x)).id, {}, cli);
    const y = extractedFrom('qianjiang-apeng-two-mountains', { id: 'plan-own-fw-2', title: '黔江区两山规划另一副本', ownFrameworks: true });
    const second = await acceptPlanImport(store.db, (await upload(y)).id, {}, cli);
    const fws = (await store.db.query<{ plan_id: string; framework_id: string; builtin: boolean }>(
      'SELECT pf.plan_id, pf.framework_id, f.builtin FROM plan_frameworks pf JOIN frameworks f ON f.id = pf.framework_id WHERE pf.plan_id = ANY($1::text[]) ORDER BY pf.plan_id',
      [[first.planId, second.planId]],
    )).rows;
    expect(fws).toEqual([
      { plan_id: 'plan-own-fw', framework_id: 'two-mountains-base-own', builtin: false },
      { plan_id: 'plan-own-fw-2', framework_id: 'two-mountains-base-own-2', builtin: false },
    ]);
    const a = await assessPlan(store.db, 'plan-own-fw', undefined);
    const b = await assessPlan(store.db, 'qianjiang-apeng-two-mountains', undefined);
    expect(a.frameworks[0]!.results.map((r) => r.status)).toEqual(b.frameworks[0]!.results.map((r) => r.status));
  });

  it('asks for a region the store does not have, then creates it under the parent chosen', async () => {
    const x = extractedFrom('wushan-action-2027', { id: 'plan-new-county', title: '某某县行动方案', region: '某某县' });
    const rec = await upload(x);
    expect(rec.regionKnown).toBe(false);
    const refused = await acceptPlanImport(store.db, rec.id, {}, cli).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlanImportError);
    expect((refused as PlanImportError).code).toBe('unknownRegion');
    expect((refused as Error).message).toContain('系统中没有区域“某某县”');
    expect(await count("SELECT count(*) AS n FROM plans WHERE id = 'plan-new-county'")).toBe(0);
    await expect(acceptPlanImport(store.db, rec.id, { newRegion: { name: '某某县', parent: '不存在市' } }, cli)).rejects.toThrow('上级区域“不存在市”不存在');
    const r = await acceptPlanImport(store.db, rec.id, { newRegion: { name: '某某县', parent: '重庆市' } }, cli);
    expect(r.region).toBe('某某县');
    const region = (await store.db.query<{ level: string; parent: string }>("SELECT r.level, p.name AS parent FROM regions r JOIN regions p ON p.id = r.parent_id WHERE r.name = '某某县'")).rows[0];
    expect(region).toEqual({ level: '区县', parent: '重庆市' });
  });

  it('refuses a value that cannot be read, naming it, and stores nothing', async () => {
    const x = extractedFrom('wushan-demo-county', { id: 'plan-bad', title: '有错的规划' });
    x.frameworks[0]!.data.entries[0]!.targets = [{ year: 2025, printed: '明显好转' }];
    x.projects!.projects[3]!.group = '不存在的类别';
    const rec = await upload(x);
    const e = (await acceptPlanImport(store.db, rec.id, {}, cli).catch((err: unknown) => err)) as PlanImportError;
    expect(e).toBeInstanceOf(PlanImportError);
    expect(e.code).toBe('invalid');
    expect(e.problems.some((p) => p.includes('2025 年的目标值“明显好转”读不出'))).toBe(true);
    expect(e.problems.some((p) => p.includes('第 4 个项目') && p.includes('不存在的类别'))).toBe(true);
    expect(await count("SELECT count(*) AS n FROM plans WHERE id = 'plan-bad'")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM documents WHERE id = 'doc-test' AND title = '有错的规划'")).toBe(0);
    expect((await getPlanImport(store.db, rec.id, cli)).status).toBe('pending');
    // corrected by the reviewer, it lands
    const fixed = await editPlanImport(store.db, rec.id, [
      { kind: 'indicator', framework: x.frameworks[0]!.matched!, number: x.frameworks[0]!.data.entries[0]!.number, field: 'target', year: 2025, value: '≥90' },
      { kind: 'project', index: 3, field: 'group', value: x.projects!.projects[2]!.group },
    ], cli);
    expect(fixed.edits).toBe(2);
    const r = await acceptPlanImport(store.db, rec.id, {}, cli);
    expect(r.planId).toBe('plan-bad');
  });
});

describe('reviewer corrections', () => {
  it('are kept with the import and change what will land', async () => {
    const x = extractedFrom('qianjiang-apeng-two-mountains', { id: 'plan-edited', title: '黔江区规划（待改）' });
    const rec = await upload(x);
    const edited = await editPlanImport(store.db, rec.id, [
      { kind: 'planField', field: 'title', value: '黔江区规划（已改）' },
      { kind: 'project', index: 0, field: 'investmentWan', value: '1,234.5' },
    ], cli);
    expect(edited.title).toBe('黔江区规划（已改）');
    expect(edited.extracted.projects!.projects[0]!.investmentWan).toBe(1234.5);
    expect(edited.edits).toBe(2);
    await expect(editPlanImport(store.db, rec.id, [{ kind: 'project', index: 0, field: 'investmentWan', value: '-5' }], cli)).rejects.toThrow('投资“-5”不对');
    await expect(editPlanImport(store.db, rec.id, [{ kind: 'planField', field: 'periodStart', value: '20xx' }], cli)).rejects.toThrow('规划起始年“20xx”不对');
    const again = await getPlanImport(store.db, rec.id, cli);
    expect(again.extracted.projects!.projects[0]!.investmentWan).toBe(1234.5);
    await discardPlanImport(store.db, rec.id, cli);
    expect((await getPlanImport(store.db, rec.id, cli)).status).toBe('discarded');
    await expect(acceptPlanImport(store.db, rec.id, {}, cli)).rejects.toThrow(/已放弃/);
  });
});

describe('a revised document', () => {
  it('shows its differences against the stored plan and keeps what people entered since', async () => {
    const title = '黔江区两山规划（修订前）';
    const first = extractedFrom('qianjiang-apeng-two-mountains', { id: 'plan-revised', title });
    await acceptPlanImport(store.db, (await upload(first)).id, {}, cli);
    const fw = first.frameworks[0]!;
    const entry = fw.data.entries.find((e) => (e.targets ?? []).length > 0)!;
    const proj = first.projects!.projects;
    // people's entries since: a figure, a progress report on the third project, a work item on a clause
    const indicatorId = (await store.db.query<{ id: number }>('SELECT id FROM indicators WHERE framework_id = $1 AND number = $2', [fw.matched, entry.number])).rows[0]!.id;
    const rid = await regionId('黔江区');
    await store.db.query(`INSERT INTO observations (region_id, indicator_id, part, year, printed, reading, origin, plan_id) VALUES ($1, $2, $3, 2024, '88', '{"kind":"number","value":88,"flags":[]}'::jsonb, 'entry', 'plan-revised')`, [rid, indicatorId, entry.part ?? '']);
    const key3 = (await store.db.query<{ key: string }>('SELECT key FROM projects WHERE plan_id = $1 AND name = $2', ['plan-revised', proj[2]!.name])).rows[0]!.key;
    await store.db.query(`INSERT INTO project_progress (plan_id, project_key, period, period_end, investment_cumulative_wan, status, reported_on) VALUES ('plan-revised', $1, '2024-Q1', '2024-03-31', 10, 'underway', '2024-04-01')`, [key3]);
    type Node = { clauses?: Array<{ text: string }>; tasks?: Node[] };
    const firstClause = (ns: Node[]): { text: string } | undefined => ns.map((n) => n.clauses?.[0] ?? firstClause(n.tasks ?? [])).find(Boolean);
    const clause = firstClause(first.tasks!.tasks as Node[])!;
    const taskKey = (await store.db.query<{ key: string }>("SELECT key FROM tasks WHERE plan_id = 'plan-revised' AND kind = 'clause' AND text = $1", [clause.text])).rows[0]!.key;
    await store.db.query(`INSERT INTO work_items (plan_id, year, task_key, title, lead_unit, deadline) VALUES ('plan-revised', 2024, $1, '年度任务', '区生态环境局', '2024-12-31')`, [taskKey]);

    // the revised document: a target changed, the first project dropped (the others renumbered), a clause moved down
    const revised = extractedFrom('qianjiang-apeng-two-mountains', { id: 'plan-revised-doc', title, documentId: 'doc-revised' });
    const rEntry = revised.frameworks[0]!.data.entries.find((e) => e.number === entry.number && e.part === entry.part)!;
    const oldTarget = rEntry.targets![0]!;
    rEntry.targets![0] = { ...oldTarget, printed: '≥99' };
    revised.projects!.projects.splice(0, 1);
    revised.projects!.projects.forEach((p, i) => (p.number = i + 1));
    const shift = (s: { line: number }) => (s.line += 3);
    const walk = (n: { source: { line: number }; tasks?: typeof revised.tasks extends null ? never : any; clauses?: Array<{ source: { line: number } }> }) => {
      shift(n.source);
      for (const c of n.clauses ?? []) shift(c.source);
      for (const c of n.tasks ?? []) walk(c);
    };
    for (const top of revised.tasks!.tasks) walk(top as never);
    const rec = await upload(revised);
    expect(rec.replaces).toEqual({ id: 'plan-revised', title });
    const diffs = (await planImportDifferences(store.db, rec.id, cli))!;
    expect(diffs).toContainEqual(expect.objectContaining({ area: 'indicator', change: 'changed', field: `${oldTarget.year}年目标值`, before: oldTarget.printed, after: '≥99' }));
    expect(diffs).toContainEqual(expect.objectContaining({ area: 'project', change: 'removed', label: `项目“${proj[0]!.name}”` }));
    expect(diffs.filter((d) => d.area === 'project' && d.field === '序号').length).toBe(proj.length - 1);
    expect(diffs.filter((d) => d.area === 'task')).toEqual([]);

    const r = await acceptPlanImport(store.db, rec.id, {}, cli);
    expect(r).toMatchObject({ planId: 'plan-revised', replaced: true, projects: proj.length - 1 });
    expect(await count("SELECT count(*) AS n FROM observations WHERE plan_id = 'plan-revised' AND origin = 'entry'")).toBe(1);
    const target = (await store.db.query<{ printed: string }>('SELECT printed FROM targets WHERE plan_id = $1 AND indicator_id = $2 AND year = $3', ['plan-revised', indicatorId, oldTarget.year])).rows[0]!;
    expect(target.printed).toBe('≥99');
    // the progress report follows its project to its new number; the work item its clause to its new line
    const progress = (await store.db.query<{ name: string }>("SELECT p.name FROM project_progress g JOIN projects p ON p.plan_id = g.plan_id AND p.key = g.project_key WHERE g.plan_id = 'plan-revised'")).rows;
    expect(progress).toEqual([{ name: proj[2]!.name }]);
    const item = (await store.db.query<{ text: string }>("SELECT t.text FROM work_items w JOIN tasks t ON t.plan_id = w.plan_id AND t.key = w.task_key WHERE w.plan_id = 'plan-revised'")).rows;
    expect(item).toEqual([{ text: clause.text }]);
    expect(await listAudit(store.db, { planId: 'plan-revised', action: 'planImport.replace' })).toHaveLength(1);
  });
});

describe('who may act on an import', () => {
  it('the plan office of the region the document names, not another region’s, not a clerk', async () => {
    const wushan = await regionId('巫山县');
    const qianjiang = await regionId('黔江区');
    const office = userWith(9001, [{ role: 'planOffice', regionId: wushan, regionName: '巫山县', unit: null }]);
    const otherOffice = userWith(9002, [{ role: 'planOffice', regionId: qianjiang, regionName: '黔江区', unit: null }]);
    const clerk = userWith(9003, [{ role: 'clerk', regionId: wushan, regionName: '巫山县', unit: '县水利局' }]);
    const x = extractedFrom('wushan-action-2027', { id: 'plan-access', title: '巫山县方案（权限）' });
    const rec = await upload(x, office);
    await expect(getPlanImport(store.db, rec.id, otherOffice)).rejects.toThrow('没有编号为');
    expect((await listPlanImports(store.db, otherOffice)).map((r) => r.id)).not.toContain(rec.id);
    await expect(acceptPlanImport(store.db, rec.id, {}, otherOffice)).rejects.toThrow('没有编号为');
    await expect(getPlanImport(store.db, rec.id, clerk)).rejects.toThrow('只有规划办和系统管理员');
    await expect(upload(x, otherOffice)).rejects.toThrow('“巫山县”不在您负责的区域内');
    const r = await acceptPlanImport(store.db, rec.id, {}, office);
    expect(r.region).toBe('巫山县');
  });
});
});
