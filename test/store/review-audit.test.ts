// Review and the audit trail on both engines: entered figures await review, are returned with a comment
// or approved; a published year is locked and changes only by an approved revision, both values kept;
// every change writes its audit record in the same transaction, and the trail cannot be altered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { entryForm } from '../../src/app/dataEntry.ts';
import type { Actor, User } from '../../src/auth/roles.ts';
import { listAudit } from '../../src/store/audit.ts';
import { InvalidBatchError } from '../../src/store/batch.ts';
import { InvalidEntriesError, recordObservations } from '../../src/store/recordObservations.ts';
import { publishYear, recordRevision, reviewFigures, reviewQueue } from '../../src/store/review.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';

async function actorFor(store: TestStore, name: string, role: User['roles'][number]['role'], unit: string | null = null): Promise<Actor> {
  const region = await store.db.query<{ id: number }>("SELECT id FROM regions WHERE name = '巫山县'");
  const user: User = { id: 0, username: name, displayName: name, roles: [{ role, regionId: region.rows[0]!.id, unit }] };
  return { userId: null, name, ip: '10.0.0.8', user };
}

async function refusal(p: Promise<unknown>): Promise<Error> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e instanceof InvalidBatchError || e instanceof InvalidEntriesError).toBe(true);
  return e as Error;
}

const entry = (printed: string, number = '36') => ({ plan: PLAN, framework: 'national-demo-county', number, year: 2023, printed, reportingUnit: '县住房城乡建委' });

describe.each(ENGINES)('review, publication and the audit trail on %s', (engine) => {
  let store: TestStore;
  let clerk: Actor;
  let reviewer: Actor;
  let office: Actor;
  beforeAll(async () => {
    store = await openTestStore(engine);
    clerk = await actorFor(store, '住建委 王五', 'clerk', '县住房城乡建委');
    reviewer = await actorFor(store, '生态环境局 赵六', 'reviewer');
    office = await actorFor(store, '创建办 钱七', 'planOffice');
  });
  afterAll(async () => {
    await store?.close();
  });

  it('a clerk’s figure awaits review and counts at once; its audit record names who, from where, what', async () => {
    await recordObservations(store.db, [entry('48')], clerk);
    const form = await entryForm(store.db, PLAN, '县住房城乡建委', 2023);
    expect(form.rows.find((r) => r.number === '36')!.current).toMatchObject({ printed: '48', review: 'submitted' });
    const a = await assessPlan(store.db, PLAN, 2023);
    expect(a.frameworks[0]!.results.find((r) => r.number === '36')!.value).toBe('48');
    const [rec] = await listAudit(store.db, { action: 'observation.record' });
    expect(rec).toMatchObject({ actorName: '住建委 王五', ip: '10.0.0.8', planId: PLAN, after: { printed: '48', year: 2023, framework: 'national-demo-county', number: '36' } });
  });

  it('a clerk cannot enter another unit’s indicator; a refused batch leaves no audit record', async () => {
    const before = (await listAudit(store.db, { limit: 5000 })).length;
    const e = await refusal(recordObservations(store.db, [entry('60', '29')], clerk));
    expect(e.message).toContain('无权填报');
    expect((await listAudit(store.db, { limit: 5000 })).length).toBe(before);
  });

  it('returned with a comment, corrected by the unit, then approved', async () => {
    await refusal(reviewFigures(store.db, { plan: PLAN, year: 2023, decision: 'returned', comment: ' ' }, reviewer));
    await reviewFigures(store.db, { plan: PLAN, year: 2023, figures: [{ framework: 'national-demo-county', number: '36' }], decision: 'returned', comment: '与住建部门年报不符，请核实' }, reviewer);
    const form = await entryForm(store.db, PLAN, '县住房城乡建委', 2023);
    expect(form.rows.find((r) => r.number === '36')!.current).toMatchObject({ printed: '48', review: 'returned', reviewComment: '与住建部门年报不符，请核实' });
    // a returned figure is left out of the assessment until it is entered again
    const a = await assessPlan(store.db, PLAN, 2023);
    expect(a.frameworks[0]!.results.find((r) => r.number === '36')!.value).not.toBe('48');
    await recordObservations(store.db, [entry('52')], clerk);
    const q = await reviewQueue(store.db, PLAN);
    expect(q.figures.find((f) => f.number === '36' && f.year === 2023)).toMatchObject({ printed: '52', review: 'submitted', submittedBy: '住建委 王五' });
    await reviewFigures(store.db, { plan: PLAN, year: 2023, decision: 'approved' }, reviewer);
    const trail = (await listAudit(store.db, { entity: 'observation' })).map((r) => r.action);
    expect(trail).toEqual(['observation.approve', 'observation.resubmit', 'observation.return', 'observation.record']);
  });

  it('publishing locks the year; a revision with a reason, once approved, changes the figure and keeps the old one', async () => {
    await recordObservations(store.db, [entry('已实施', '38')], clerk);
    const open = await refusal(publishYear(store.db, PLAN, 2023, office));
    expect(open.message).toContain('尚有 1 个数值未审核通过');
    await reviewFigures(store.db, { plan: PLAN, year: 2023, decision: 'approved' }, reviewer);
    await publishYear(store.db, PLAN, 2023, office);
    const locked = await refusal(recordObservations(store.db, [{ ...entry('10', '36'), year: 2023 }], clerk));
    expect(locked.message).toContain('已发布');
    await refusal(recordRevision(store.db, { ...entry('55'), reason: '' }, clerk));
    const { id } = await recordRevision(store.db, { ...entry('55'), reason: '年报更正：新增两个绿色建筑项目' }, clerk);
    expect((await assessPlan(store.db, PLAN, 2023)).frameworks[0]!.results.find((r) => r.number === '36')!.value).toBe('52');
    await reviewFigures(store.db, { plan: PLAN, year: 2023, revisions: [id], decision: 'approved' }, reviewer);
    const a = await assessPlan(store.db, PLAN, 2023);
    const item = a.frameworks[0]!.results.find((r) => r.number === '36')!;
    expect(item.value).toBe('55');
    // the assessment (and so the reports) carries both values
    expect(a.frameworks[0]!.revisions).toEqual([
      { number: '36', part: null, previous: '52', printed: '55', reason: '年报更正：新增两个绿色建筑项目', by: '住建委 王五', approvedBy: '生态环境局 赵六' },
    ]);
    const q = await reviewQueue(store.db, PLAN);
    expect(q.revisions[0]).toMatchObject({ oldPrinted: '52', newPrinted: '55', state: 'approved', reason: '年报更正：新增两个绿色建筑项目' });
    expect(q.published.map((p) => p.year)).toEqual([2023]);
    const note = await store.db.query<{ note: string }>(`SELECT note FROM observations WHERE printed = '55' AND year = 2023`);
    expect(note.rows[0]!.note).toContain('原值“52”');
  });

  it('the audit trail is append-only', async () => {
    for (const sql of ['UPDATE audit_log SET actor_name = $1', 'DELETE FROM audit_log WHERE actor_name <> $1']) {
      const e = await store.db.query(sql, ['x']).then(() => undefined, (x: unknown) => x as Error);
      expect(e?.message).toContain('append-only');
    }
  });
});
