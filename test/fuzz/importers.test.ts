// Fuzz test of every importer: observations, progress reports, work items, project changes, and the three
// Excel imports (progress, projects, work plan) get random and mutated rows, fields of the wrong type,
// random bytes and damaged workbooks. Each call either lands exactly its batch or is refused with one of
// the documented errors, every table's row count unchanged — never half a batch, never another error.
// Seeded (see inputs.ts); a bounded number of runs on PGlite, and a small run on PostgreSQL.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnknownPlanError } from '../../src/app/requirePlan.ts';
import { importProgressWorkbook, progressWorkbook } from '../../src/exchange/progressWorkbook.ts';
import { importProjectsWorkbook, projectsWorkbook } from '../../src/exchange/projectsWorkbook.ts';
import { importWorkPlanWorkbook, workPlanWorkbook } from '../../src/exchange/workPlanWorkbook.ts';
import { t } from '../../src/i18n/index.ts';
import { storeCounts } from '../../src/store/backup.ts';
import { InvalidBatchError } from '../../src/store/batch.ts';
import type { Db } from '../../src/store/db.ts';
import { NotFoundError } from '../../src/store/errors.ts';
import { recordProgress, recordProjectChange, type ChangeEntry, type ProgressEntry } from '../../src/store/projectTracking.ts';
import { loadFramework } from '../../src/store/queries.ts';
import { InvalidEntriesError, recordObservations, type ObservationEntry } from '../../src/store/recordObservations.ts';
import { recordWorkItems, type WorkItemEntry } from '../../src/store/workPlan.ts';
import { openTestStore, type Engine, type TestStore } from '../helpers/stores.ts';
import { dataPhrases, junk, phrases, settings } from './inputs.ts';

const PLAN = 'wushan-demo-county';
const REFUSALS = [InvalidEntriesError, InvalidBatchError, NotFoundError, UnknownPlanError];
const corpus = dataPhrases();

/** Sometimes the right thing, sometimes anything. */
const mostly = <T>(good: fc.Arbitrary<T>, weight = 5): fc.Arbitrary<T | unknown> => fc.oneof({ weight, arbitrary: good }, { weight: 1, arbitrary: junk });
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('县水利局', '<script>alert(1)</script>', "'; DROP TABLE observations; --", '\u0000', '😀'));
const date = fc.oneof(fc.constantFrom('2024-07-05', '2024-03-01', '2024-02-30', '2024/07/05', '20240705', ''), fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
const amount = fc.oneof(fc.nat({ max: 100_000 }), fc.double({ min: -10, max: 1e6, noNaN: false }), fc.constantFrom('1,234.5', '１２３', '-1', '1e3', 'abc', ''));

const cleanText = fc.string({ minLength: 1, maxLength: 20 }).filter((x) => x.trim() !== '' && !x.includes('\u0000'));

/** A batch of 1–4 entries: all well-formed (so that batches land), or mixed with broken ones and junk. */
const batchOf = (clean: fc.Arbitrary<unknown>, dirty: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.array(clean, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: clean }, { weight: 6, arbitrary: dirty }, { weight: 1, arbitrary: junk }), { minLength: 1, maxLength: 4 }) },
  );

interface Tally {
  landed: number;
  refused: number;
}

/**
 * Run one import and hold it to all or nothing: refused with a documented error and every count as before,
 * or landed with `grows` (table → rows added, from the result) and every other count as before.
 */
async function allOrNothing<T>(db: Db, tally: Tally, run: () => Promise<T>, grows: (r: T) => Record<string, number>): Promise<void> {
  const before = await storeCounts(db);
  let result: T;
  try {
    result = await run();
  } catch (e) {
    if (!REFUSALS.some((k) => e instanceof k)) throw new Error(`not a refusal: ${(e as Error).name}: ${(e as Error).message}\n${(e as Error).stack}`);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/); // says why, in Chinese
    expect(await storeCounts(db)).toEqual(before);
    tally.refused++;
    return;
  }
  const expected = { ...before };
  const grown = grows(result);
  for (const [table, n] of Object.entries(grown)) expected[table] = before[table]! + n;
  // every row landed has its audit record, written in the same transaction
  if (!('audit_log' in grown)) expected.audit_log = before.audit_log! + Object.values(grown).reduce((a, n) => a + n, 0);
  expect(await storeCounts(db)).toEqual(expected);
  tally.landed++;
}

// ---------------------------------------------------------------- workbooks

type Cell = ExcelJS.CellValue;
const cellValue = (good: fc.Arbitrary<unknown>): fc.Arbitrary<Cell> =>
  fc.oneof(
    { weight: 8, arbitrary: good.map((v) => (v === undefined ? null : typeof v === 'object' && v !== null && !(v instanceof Date) ? JSON.stringify(v) : (v as Cell))) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
    { weight: 1, arbitrary: text.map((s) => ({ richText: [{ text: s }, { text: '注' }] })) },
    { weight: 1, arbitrary: fc.nat().map((n) => ({ formula: `${n}+1`, result: n + 1 })) },
    { weight: 1, arbitrary: fc.constant({ error: '#N/A' } as Cell) },
  );

/** Per header: a value that should pass, and anything. */
type Columns = Record<string, { good: fc.Arbitrary<unknown>; any: fc.Arbitrary<unknown> }>;

/**
 * A sheet with a title row, a header row and 1–4 rows of values by header: either every column with
 * good values (so that sheets land), or some columns dropped and reordered with good values, bad ones and
 * cells of every Excel kind mixed.
 */
function sheet(columns: Columns): fc.Arbitrary<{ headers: string[]; rows: Cell[][] }> {
  const names = Object.keys(columns);
  const clean = fc.record({ headers: fc.constant(names), rows: fc.array(fc.tuple(...names.map((h) => columns[h]!.good as fc.Arbitrary<Cell>)), { minLength: 1, maxLength: 2 }) });
  const dirty = fc
    .tuple(fc.shuffledSubarray(names, { minLength: Math.max(1, names.length - 3) }), fc.integer({ min: 1, max: 4 }))
    .chain(([headers, n]) =>
      fc.record({
        headers: fc.constant(headers),
        rows: fc.array(fc.tuple(...headers.map((h) => fc.oneof({ weight: 3, arbitrary: columns[h]!.good as fc.Arbitrary<Cell> }, { weight: 2, arbitrary: cellValue(columns[h]!.any) }))), { minLength: n, maxLength: n }),
      }),
    );
  return fc.oneof({ weight: 2, arbitrary: clean }, { weight: 1, arbitrary: dirty });
}

async function xlsx(s: { headers: string[]; rows: Cell[][] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow(['标题']);
  ws.addRow(s.headers);
  for (const r of s.rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A real workbook with some bytes changed, cut short, or random bytes (sometimes behind a zip signature). */
const damaged = (real: Buffer): fc.Arbitrary<Buffer> =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat({ max: real.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const b = Buffer.from(real);
      for (const [at, x] of flips) b[at] = b[at]! ^ x;
      return b;
    }),
    fc.nat({ max: real.length - 1 }).map((n) => real.subarray(0, n)),
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(a)])),
  );

// ---------------------------------------------------------------- the tests

function fuzzImporters(engine: Engine, scale: number) {
  describe(`every importer under random and mutated input on ${engine}`, () => {
    let store: TestStore;
    let db: Db;
    let leaves: Array<{ framework: string; number: string; part?: string }>;
    let projectKeys: string[];
    let taskKeys: string[];
    const n = (x: number) => Math.max(3, Math.round(x * scale));
    beforeAll(async () => {
      store = await openTestStore(engine);
      db = store.db;
      leaves = [];
      for (const fw of ['national-demo-county', 'chongqing-demo-county']) {
        const def = (await loadFramework(db, fw))!.def;
        for (const item of def.indicators) for (const p of item.parts ?? [undefined]) leaves.push({ framework: fw, number: item.number, ...(p ? { part: p.name } : {}) });
      }
      projectKeys = (await db.query<{ key: string }>('SELECT key FROM projects WHERE plan_id = $1', [PLAN])).rows.map((r) => r.key);
      taskKeys = (await db.query<{ key: string }>('SELECT key FROM tasks WHERE plan_id = $1 LIMIT 20', [PLAN])).rows.map((r) => r.key);
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    const check = (tally: Tally) => {
      // both outcomes happened: the property was tested on batches that land and on batches that do not
      expect(tally.landed, 'batches landed').toBeGreaterThan(0);
      expect(tally.refused, 'batches refused').toBeGreaterThan(0);
    };
    /** Run a property over the inputs, counting batches landed and refused; both must have happened. */
    const fuzz = async <T>(input: fc.Arbitrary<T>, runs: number, body: (x: T, tally: Tally) => Promise<void>) => {
      const tally = { landed: 0, refused: 0 };
      await fc.assert(fc.asyncProperty(input, (x) => body(x, tally)), settings(n(runs)));
      check(tally);
    };

    it('recordObservations', async () => {
      const clean = fc.record({
        leaf: fc.constantFrom(...leaves),
        year: fc.integer({ min: 1949, max: 2200 }),
        printed: fc.constantFrom('-', '－', '-【1】'),
        flags: fc.subarray(['抽样', '代用', '估算', '往年']),
        note: cleanText,
        reportingUnit: fc.constantFrom('县生态环境局', undefined),
      }).map(({ leaf, ...rest }) => ({ plan: PLAN, ...leaf, ...rest }));
      const dirty = fc.record({
        leaf: fc.constantFrom(...leaves),
        plan: fc.constantFrom(PLAN, PLAN, PLAN, 'no-such-plan'),
        year: mostly(fc.integer({ min: 1949, max: 2200 }), 10),
        printed: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('-', '已建立', '95', '大于12', '100') }, { weight: 3, arbitrary: phrases(corpus) }, { weight: 1, arbitrary: junk }),
        extra: fc.record({ flags: mostly(fc.array(fc.constantFrom('抽样', '代用', '估算', '往年', '猜测'), { maxLength: 2 })), note: mostly(text), reportingUnit: fc.constantFrom('县生态环境局', '不存在的单位'), dataYear: mostly(fc.integer({ min: 1949, max: 2200 })) }, { requiredKeys: [] }),
        broken: fc.option(fc.tuple(fc.constantFrom('plan', 'framework', 'number', 'part', 'year', 'printed', 'flags', 'note', 'source'), junk), { freq: 4 }),
      }).map(({ leaf, plan, year, printed, extra, broken }) => {
        const e: Record<string, unknown> = { plan, ...leaf, year, printed, ...extra };
        if (broken) e[broken[0]] = broken[1];
        return e;
      });
      await fuzz(batchOf(clean, dirty), 60, (entries, tally) => allOrNothing(db, tally, () => recordObservations(db, entries as ObservationEntry[]), (r) => ({ observations: r.recorded })));
    }, 120_000);

    it('recordProgress', async () => {
      const clean = fc.record({
        project: fc.constantFrom(...projectKeys),
        period: fc.constantFrom('2024-Q1', '2024年第二季度', '2024-05', '2023-Q3'),
        investmentCumulativeWan: fc.integer({ min: 1, max: 10_000_000 }),
        physicalPercent: fc.integer({ min: 0, max: 100 }),
        status: fc.constantFrom('在建', '完工', 'underway'),
        reportedOn: fc.constant('2024-07-05'),
        milestones: cleanText,
      }).map((e) => ({ plan: PLAN, ...e }));
      const dirty = fc.record(
        {
          plan: fc.constantFrom(PLAN, PLAN, PLAN, PLAN, 'no-such-plan'),
          project: mostly(fc.constantFrom(...projectKeys, '999'), 8),
          period: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('2024-Q1', '2024-Q2', '2024年第一季度', '2024-03', '2023-12', '2023-Q4') }, { weight: 1, arbitrary: phrases(corpus) }, { weight: 1, arbitrary: junk }),
          investmentCumulativeWan: mostly(amount),
          investmentPeriodWan: mostly(amount, 1),
          physicalPercent: mostly(fc.integer({ min: -5, max: 120 })),
          status: mostly(fc.constantFrom('在建', '完工', '未开工', 'underway', '延期', '施工中'), 8),
          reportedOn: mostly(date),
          milestones: mostly(text),
          reportingUnit: mostly(text),
        },
        { requiredKeys: ['plan', 'project', 'period', 'status'] },
      );
      await fuzz(batchOf(clean, dirty), 60, async (entries, tally) => {
        const known = new Set((await db.query<{ id: string }>('SELECT id FROM project_progress')).rows.map((r) => Number(r.id)));
        await allOrNothing(db, tally, () => recordProgress(db, entries as ProgressEntry[], { today: '2024-07-10' }), (r) => ({ project_progress: r.ids.filter((id) => !known.has(id)).length }));
      });
    }, 120_000);

    it('recordWorkItems', async () => {
      const clean = fc.record({
        year: fc.constantFrom(2024, '2024'),
        task: fc.option(fc.constantFrom(...taskKeys)),
        title: cleanText,
        leadUnit: fc.constantFrom('县水利局', '县林业局'),
        cooperatingUnits: fc.constantFrom('县统计局、县财政局', ['县统计局'], null),
        deadline: fc.constantFrom('2024-12-31', '2025-06-30'),
      }).map((e) => ({ plan: PLAN, ...e }));
      const dirty = fc.record(
        {
          plan: fc.constantFrom(PLAN, PLAN, PLAN, 'no-such-plan'),
          year: mostly(fc.oneof(fc.constantFrom(2024, '2024', 2025), fc.integer({ min: 1800, max: 2300 })), 8),
          task: fc.option(fc.oneof(fc.constantFrom(...taskKeys), fc.constant('X1'), junk)),
          title: mostly(text, 8),
          leadUnit: mostly(fc.constantFrom('县水利局', '县林业局', ''), 8),
          cooperatingUnits: mostly(fc.oneof(fc.constant('县统计局、县财政局'), fc.array(text, { maxLength: 2 }))),
          deadline: mostly(date, 8),
          indicators: mostly(fc.array(text, { maxLength: 2 })),
        },
        { requiredKeys: ['plan', 'year', 'title', 'leadUnit', 'deadline'] },
      );
      await fuzz(batchOf(clean, dirty), 60, (entries, tally) => allOrNothing(db, tally, () => recordWorkItems(db, entries as WorkItemEntry[]), (r) => ({ work_items: r.recorded })));
    }, 120_000);

    it('recordProjectChange', async () => {
      const fields = fc.dictionary(
        fc.constantFrom('name', 'group', 'category', 'investmentWan', 'yearStart', 'yearEnd', 'leadUnits', 'township', 'budget'),
        fc.oneof(text, amount, fc.constantFrom('生态安全保障工程', 2024, 2026), junk),
        { maxKeys: 4 },
      );
      const clean = fc.oneof(
        fc.record({ project: fc.nat({ max: 1_000_000 }).map((k) => `N${k}`), kind: fc.constant('add'), fields: fc.record({ name: cleanText, group: fc.constantFrom('生态安全保障工程', '生态文化繁荣工程'), investmentWan: fc.nat({ max: 100_000 }), yearStart: fc.constant(2024), yearEnd: fc.constantFrom(2024, 2026) }) }),
        fc.record({ project: fc.constantFrom(...projectKeys), kind: fc.constant('adjust'), fields: fc.record({ investmentWan: fc.nat({ max: 100_000 }) }) }),
      ).map((c) => ({ plan: PLAN, ...c, reason: '调整', effectiveOn: '2024-03-01' }));
      const change = fc.record({
        plan: fc.constantFrom(PLAN, PLAN, PLAN, 'no-such-plan'),
        project: mostly(fc.oneof(fc.constantFrom(...projectKeys), fc.nat({ max: 500 }).map((k) => `N${k}`)), 8),
        kind: mostly(fc.constantFrom('add', 'adjust', 'cancel', 'delete'), 8),
        fields: mostly(fields, 8),
        reason: mostly(fc.constantFrom('调整', '', ' '), 8),
        effectiveOn: mostly(date, 8),
        recordedBy: mostly(text),
      });
      await fuzz(fc.oneof({ weight: 6, arbitrary: clean }, { weight: 6, arbitrary: change }, { weight: 1, arbitrary: junk }), 80, (c, tally) => allOrNothing(db, tally, () => recordProjectChange(db, c as ChangeEntry), () => ({ project_changes: 1 })));
    }, 120_000);

    const col = (key: string) => t(key);
    const both = (good: fc.Arbitrary<unknown>, any: fc.Arbitrary<unknown>) => ({ good, any: fc.oneof(good, any) });
    const workbooks = () => ({
      progress: {
        run: (b: Buffer) => importProgressWorkbook(db, PLAN, b),
        grows: (r: { recorded: number }) => ({ project_progress: r.recorded }),
        columns: {
          [col('xlsx.col.projectKey')]: both(fc.constantFrom(...projectKeys), fc.constantFrom('999', '')),
          [col('xlsx.col.projectName')]: both(cleanText, text),
          [col('xlsx.col.period')]: both(fc.constantFrom('2022-Q2', '2022年第三季度', '2022-05'), fc.constantFrom('2024-13', '2025-Q1', 'Q5')),
          [col('xlsx.col.investmentCumulativeWan')]: both(fc.integer({ min: 1, max: 10_000_000 }), amount),
          [col('xlsx.col.physicalPercent')]: both(fc.integer({ min: 0, max: 100 }), fc.integer({ min: -5, max: 120 })),
          [col('xlsx.col.status')]: both(fc.constantFrom('在建', '完工'), fc.constantFrom('未开工', '已完工了', '')),
          [col('xlsx.col.reportedOn')]: both(fc.constant('2024-07-05'), date),
          [col('xlsx.col.problems')]: both(cleanText, text),
        },
        real: () => progressWorkbook(db, PLAN, { period: '2024-Q2' }),
      },
      projects: {
        run: (b: Buffer) => importProjectsWorkbook(db, PLAN, b, { today: '2024-07-10' }),
        grows: (r: { added: number; adjusted: number }) => ({ project_changes: r.added + r.adjusted }),
        columns: {
          [col('xlsx.col.projectKey')]: both(fc.nat({ max: 1_000_000 }).map((k) => `N${k}`), fc.constantFrom(...projectKeys, '')),
          [col('xlsx.col.projectName')]: both(cleanText, text),
          [col('xlsx.col.group')]: both(fc.constantFrom('生态安全保障工程', '生态文化繁荣工程'), fc.constantFrom('不存在的类别', '')),
          [col('xlsx.col.investmentWan')]: both(fc.nat({ max: 100_000 }), amount),
          [col('xlsx.col.years')]: both(fc.constantFrom('2024—2025', '2023', '2024-2026'), fc.constantFrom('2025-2024', '近期')),
          [col('xlsx.col.leadUnits')]: both(fc.constantFrom('县水利局', '县林业局、县水利局'), fc.constant('')),
          [col('xlsx.col.changeReason')]: both(fc.constantFrom('调整', '县政府常务会议决定'), fc.constant('')),
          [col('xlsx.col.effectiveOn')]: both(fc.constant('2024-03-01'), date),
        },
        real: () => projectsWorkbook(db, PLAN),
      },
      workPlan: {
        run: (b: Buffer) => importWorkPlanWorkbook(db, PLAN, b),
        grows: (r: { recorded: number }) => ({ work_items: r.recorded }),
        columns: {
          [col('xlsx.col.year')]: both(fc.constantFrom(2024, '2024'), fc.constantFrom(1800, '二〇二四')),
          [col('xlsx.col.taskKey')]: both(fc.constantFrom(...taskKeys, null), fc.constant('X1')),
          [col('xlsx.col.workTitle')]: both(cleanText, text),
          [col('xlsx.col.leadUnit')]: both(fc.constantFrom('县水利局', '县林业局'), fc.constant('')),
          [col('xlsx.col.cooperatingUnits')]: both(fc.constantFrom('县统计局、县财政局', null), text),
          [col('xlsx.col.deadline')]: both(fc.constantFrom('2024-12-31', '2025-06-30'), date),
          [col('xlsx.col.indicators')]: both(fc.constantFrom('生态文明建设规划', null), text),
        },
        real: () => workPlanWorkbook(db, PLAN, { year: 2024 }),
      },
    });

    it('a field that is an object (as JSON may carry), or text with a NUL character, is refused by name — found by this fuzz test', async () => {
      const before = await storeCounts(db);
      const tricky = JSON.parse('{"toString": 1}') as unknown;
      const cases: Array<[() => Promise<unknown>, string]> = [
        [() => recordObservations(db, [{ plan: tricky, framework: 'national-demo-county', number: '1', year: 2030, printed: '-' } as unknown as ObservationEntry]), 'plan'],
        [() => recordObservations(db, [{ plan: PLAN, framework: 'national-demo-county', number: '1', year: 2030, printed: '-', note: 'a\u0000b' }]), 'note'],
        [() => recordObservations(db, [null as unknown as ObservationEntry]), 'entry'],
        [() => recordProgress(db, [{ plan: PLAN, project: '1', period: '2024-Q1', investmentCumulativeWan: 1, status: '在建', reportedOn: tricky as string }]), 'reportedOn'],
        [() => recordWorkItems(db, [{ plan: PLAN, year: 2024, title: '标题', leadUnit: '县水利局', deadline: '2024-12-31', task: tricky as string }]), 'task'],
        [() => recordProjectChange(db, { plan: PLAN, project: '5', kind: 'adjust', fields: { name: tricky }, reason: '调整', effectiveOn: '2024-03-01' }), 'fields.name'],
        [() => recordProjectChange(db, { plan: PLAN, project: '5', kind: 'adjust', fields: { investmentWan: 1 }, reason: tricky as string, effectiveOn: '2024-03-01' }), 'reason'],
      ];
      for (const [run, field] of cases) {
        const e = await run().then(() => undefined, (x: unknown) => x);
        expect(REFUSALS.some((k) => e instanceof k), String(e)).toBe(true);
        const problems = (e as InvalidBatchError | InvalidEntriesError).problems;
        expect(problems.map((p) => p.field), field).toContain(field);
        expect(problems.find((p) => p.field === field)!.message).toMatch(/应为文字或数字|空字符|应为一条记录/);
      }
      expect(await storeCounts(db)).toEqual(before);
    });

    for (const name of ['progress', 'projects', 'workPlan'] as const) {
      it(`Excel import of ${name}: random rows, damaged workbooks, random bytes`, async () => {
        const w = workbooks()[name];
        const grows = w.grows as (r: unknown) => Record<string, number>;
        const run = w.run as (b: Buffer) => Promise<unknown>;
        await fuzz(sheet(w.columns), 20, (s, tally) => allOrNothing(db, tally, async () => run(await xlsx(s)), grows));
        // damaged files: refused whole (a flip that leaves a readable workbook may still land, all or nothing)
        const real = await w.real();
        const tally = { landed: 0, refused: 0 };
        await fc.assert(fc.asyncProperty(damaged(real), (b) => allOrNothing(db, tally, () => run(b), grows)), settings(n(20)));
        expect(tally.refused).toBeGreaterThan(0);
      }, 180_000);
    }
  });
}

fuzzImporters('pglite', 1);
fuzzImporters('postgres', 0.25);
