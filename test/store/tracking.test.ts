// Project and task tracking on both engines: Wushan's 80 projects carry quarterly progress, roll-ups
// reconcile with the plan's stated totals, batches land whole or not at all, changes keep the original
// plan beside the adjusted one, overdue work is supervised, and units are ranked with their reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentAssessment } from '../../src/app/departmentAssessment.ts';
import { projectProgress } from '../../src/app/projectProgress.ts';
import { workPlan } from '../../src/app/workPlanView.ts';
import { DEFAULT_DATA_DIR, loadCatalog } from '../../src/data/load.ts';
import { parsePeriod, periodOf } from '../../src/domain/period.ts';
import { addAttachment } from '../../src/store/attachments.ts';
import { InvalidBatchError } from '../../src/store/batch.ts';
import type { Db } from '../../src/store/db.ts';
import { syncBuiltinData } from '../../src/store/importBuiltin.ts';
import { loadProgressReports, recordProgress, recordProjectChange, reviewProgress, savePlanSettings, type ProgressEntry } from '../../src/store/projectTracking.ts';
import { issueNotices, recordTaskUpdate, recordWorkItems, replyToNotice } from '../../src/store/workPlan.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const STATED_GROUPS = { 生态安全保障工程: 205455, 生态空间优化工程: 1900, 生态经济发展工程: 114818, 生态生活示范工程: 155692, 生态文化繁荣工程: 35441 };

async function count(db: Db, table: string): Promise<number> {
  return Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
}

async function refusal(p: Promise<unknown>): Promise<InvalidBatchError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(InvalidBatchError);
  return e as InvalidBatchError;
}

/**
 * Test data, not the plan's: every project that has begun reports each quarter of 2022–2023, its
 * cumulative investment at 80 % of the linear schedule (whole 万元), reported five days after the quarter.
 */
function quarterlyReports(projects: Array<{ key: string; investmentWan: number | null; yearStart: number | null; yearEnd: number | null }>): ProgressEntry[] {
  const out: ProgressEntry[] = [];
  for (const p of projects) {
    if (p.yearStart === null || p.investmentWan === null) continue;
    for (const year of [2022, 2023]) {
      for (let q = 1; q <= 4; q++) {
        if (year < p.yearStart) continue;
        const period = periodOf(year, 'quarter', q);
        const years = (p.yearEnd ?? p.yearStart) - p.yearStart + 1;
        const share = Math.min(1, (year - p.yearStart + q / 4) / years);
        out.push({
          plan: PLAN,
          project: p.key,
          period: period.key,
          investmentCumulativeWan: Math.floor(p.investmentWan * share * 0.8),
          physicalPercent: Math.round(share * 80),
          status: '在建',
          reportedOn: `${year + (q === 4 ? 1 : 0)}-${q === 4 ? '01' : String(q * 3 + 1).padStart(2, '0')}-05`,
          reportingUnit: '测试',
        });
      }
    }
  }
  return out;
}

describe.each(ENGINES)('project and task tracking on %s', (engine) => {
  let store: TestStore;
  let entries: ProgressEntry[];
  beforeAll(async () => {
    store = await openTestStore(engine);
    const before = await projectProgress(store.db, PLAN, { asOf: '2024-01-31' });
    entries = quarterlyReports(before.projects);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('Wushan’s 80 projects carry quarterly progress; the roll-ups reconcile to 513,306 万元 and the group totals', async () => {
    const r = await recordProgress(store.db, entries, { today: '2024-01-31' });
    expect(r.recorded).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(400);
    const p = await projectProgress(store.db, PLAN, { asOf: '2024-01-31' });
    expect(p.projects).toHaveLength(80);
    expect(p.stated).toMatchObject({ count: 80, investmentWan: 513306, statedCount: 80, statedInvestmentWan: 513306, countDifference: 0, investmentDifferenceWan: 0 });
    expect(p.rollup.total).toMatchObject({ originalCount: 80, originalInvestmentWan: 513306, adjustedCount: 80, adjustedInvestmentWan: 513306 });
    expect(Object.fromEntries(p.rollup.groups.map((g) => [g.name, g.originalInvestmentWan]))).toEqual(STATED_GROUPS);
    for (const g of p.stated.groups) expect(g.investmentDifferenceWan, g.name).toBe(0);
    // completed = each project's last cumulative figure
    const last = new Map<string, number>();
    for (const e of entries) last.set(String(e.project), Number(e.investmentCumulativeWan));
    const expected = [...last.values()].reduce((s, x) => s + x, 0);
    expect(p.rollup.total.completedWan).toBe(expected);
    expect(p.rollup.groups.reduce((s, g) => s + g.completedWan, 0)).toBeCloseTo(expected, 4);
    const reporting = new Set(entries.map((e) => e.project)).size;
    expect(p.rollup.total.statusCounts.underway).toBe(reporting);
    expect(p.rollup.total.statusCounts.noReport).toBe(80 - reporting);
    // the curve: eight quarters of 2022–2023 reported, completed rising to the total
    const q4 = p.rollup.curve.find((c) => c.period === '2023-Q4')!;
    expect(q4.completedWan).toBeCloseTo(expected, 1);
    expect(q4.reported).toBe(entries.filter((e) => e.period === '2023-Q4').length);
    expect(q4.plannedWan).toBeGreaterThan(q4.completedWan);
  });

  it('a batch with a bad row saves nothing and names every problem with its row, field and value', async () => {
    const before = await count(store.db, 'project_progress');
    const e = await refusal(
      recordProgress(store.db, [
        { plan: PLAN, project: '1', period: '2024-Q1', investmentCumulativeWan: 9000, status: '在建', reportedOn: '2024-04-03' },
        { plan: PLAN, project: '2', period: '2024-Q1', investmentCumulativeWan: 999999, physicalPercent: 120, status: '在建', reportedOn: '2024-04-03' },
        { plan: PLAN, project: '999', period: '2024年第一季度', investmentCumulativeWan: 1, status: '在建', reportedOn: '2024-04-03' },
        { plan: PLAN, project: '3', period: '2024年13月', investmentCumulativeWan: 1, status: '施工中', reportedOn: '2024-04-03' },
        { plan: PLAN, project: '4', period: '2024-Q1', investmentCumulativeWan: 1, status: '在建', reportedOn: '2024-04-03' },
      ]),
    );
    expect(e.problems.map((p) => [p.row, p.field, p.value])).toEqual([
      [2, 'physicalPercent', '120'],
      [3, 'project', '999'],
      [4, 'period', '2024年13月'],
      [4, 'status', '施工中'],
      [5, 'investmentCumulativeWan', '1'],
    ]);
    expect(e.problems[0]!.message).toContain('0 到 100');
    expect(e.problems[4]!.message).toMatch(/不能少于上期（2023-Q4）/);
    expect(await count(store.db, 'project_progress')).toBe(before);
  });

  it('a period figure must agree with the cumulative ones; a period-only report adds to the last', async () => {
    const last = entries.filter((x) => x.project === '1').at(-1)!;
    const prev = Number(last.investmentCumulativeWan);
    const e = await refusal(recordProgress(store.db, [{ plan: PLAN, project: '1', period: '2024-Q1', investmentPeriodWan: 50, investmentCumulativeWan: prev + 60, status: '在建', reportedOn: '2024-04-02' }]));
    expect(e.problems[0]).toMatchObject({ field: 'investmentPeriodWan', value: '50' });
    expect(e.problems[0]!.message).toContain(`应为60万元`);
    await recordProgress(store.db, [{ plan: PLAN, project: '1', period: '2024年第一季度', investmentPeriodWan: '1,234.5', status: 'underway', reportedOn: '2024-04-02' }]);
    const r = (await loadProgressReports(store.db, PLAN, '1')).at(-1)!;
    expect(r).toMatchObject({ period: '2024-Q1', investmentPeriodWan: 1234.5, investmentCumulativeWan: prev + 1234.5, review: 'submitted' });
  });

  it('the plan office returns a report with a comment; the unit’s correction replaces it; a second report is refused', async () => {
    const r = (await loadProgressReports(store.db, PLAN, '1')).at(-1)!;
    await refusal(reviewProgress(store.db, r.id, 'returned', ' '));
    await refusal(recordProgress(store.db, [{ plan: PLAN, project: '1', period: '2024-Q1', investmentPeriodWan: 10, status: '在建', reportedOn: '2024-04-05' }]));
    await reviewProgress(store.db, r.id, 'returned', '投资数与财政拨付不符，请核实');
    await recordProgress(store.db, [{ plan: PLAN, project: '1', period: '2024-Q1', investmentPeriodWan: 1000, status: '在建', reportedOn: '2024-04-06' }]);
    const again = (await loadProgressReports(store.db, PLAN, '1')).at(-1)!;
    expect(again).toMatchObject({ id: r.id, investmentPeriodWan: 1000, review: 'submitted', returnedCount: 1, reportedOn: '2024-04-06' });
    await reviewProgress(store.db, r.id, 'accepted');
    expect((await loadProgressReports(store.db, PLAN, '1')).at(-1)!.review).toBe('accepted');
  });

  it('changes to the list keep the original plan beside the adjusted one; a cancelled project reports no more', async () => {
    await refusal(recordProjectChange(store.db, { plan: PLAN, project: '5', kind: 'adjust', fields: { investmentWan: 100 }, reason: '', effectiveOn: '2024-03-01' }));
    await refusal(recordProjectChange(store.db, { plan: PLAN, project: '5', kind: 'adjust', fields: { budget: 100 }, reason: '调整', effectiveOn: '2024-03-01' }));
    await refusal(recordProjectChange(store.db, { plan: PLAN, project: '1', kind: 'add', fields: { name: 'x', group: '生态安全保障工程' }, reason: '新增', effectiveOn: '2024-03-01' }));
    const before = await projectProgress(store.db, PLAN, { asOf: '2024-06-30' });
    const five = before.projects.find((p) => p.key === '5')!;
    const six = before.projects.find((p) => p.key === '6')!;
    await recordProjectChange(store.db, { plan: PLAN, project: '5', kind: 'adjust', fields: { investmentWan: five.investmentWan! + 1000 }, reason: '追加建设内容', effectiveOn: '2024-03-01', recordedBy: '县生态环境局' });
    await recordProjectChange(store.db, { plan: PLAN, project: '6', kind: 'cancel', reason: '并入项目5', effectiveOn: '2024-03-01' });
    await recordProjectChange(store.db, { plan: PLAN, project: 'N1', kind: 'add', fields: { name: '新增测试项目', group: '生态安全保障工程', investmentWan: 500, yearStart: 2024, yearEnd: 2025, leadUnits: '县水利局、县林业局' }, reason: '县政府常务会议新增', effectiveOn: '2024-03-01' });
    const p = await projectProgress(store.db, PLAN, { asOf: '2024-06-30' });
    expect(p.rollup.total).toMatchObject({ originalCount: 80, originalInvestmentWan: 513306, adjustedCount: 80, adjustedInvestmentWan: 513306 + 1000 - six.investmentWan! + 500 });
    expect(p.stated.investmentWan).toBe(513306);
    const g = p.rollup.groups.find((x) => x.name === five.group)!;
    expect(g.originalInvestmentWan).toBe(STATED_GROUPS[five.group as keyof typeof STATED_GROUPS]);
    expect(p.projects.find((x) => x.key === 'N1')).toMatchObject({ original: false, leadUnits: ['县水利局', '县林业局'], investmentWan: 500 });
    expect(p.changes.map((c) => [c.projectKey, c.kind, c.reason])).toEqual([
      ['5', 'adjust', '追加建设内容'],
      ['6', 'cancel', '并入项目5'],
      ['N1', 'add', '县政府常务会议新增'],
    ]);
    // before the changes took effect, the list was the plan's own
    const earlier = await projectProgress(store.db, PLAN, { asOf: '2024-02-01' });
    expect(earlier.rollup.total.adjustedInvestmentWan).toBe(513306);
    const e = await refusal(recordProgress(store.db, [{ plan: PLAN, project: '6', period: '2024-Q2', investmentCumulativeWan: 1, status: '在建', reportedOn: '2024-07-01' }]));
    expect(e.problems[0]!.message).toContain('已取消');
  });

  it('progress and changes survive a reload of the plan from its document', async () => {
    const reports = await count(store.db, 'project_progress');
    await syncBuiltinData(store.db, loadCatalog(DEFAULT_DATA_DIR), 'forced-reload');
    expect(await count(store.db, 'project_progress')).toBe(reports);
    const p = await projectProgress(store.db, PLAN, { asOf: '2024-06-30' });
    expect(p.projects.find((x) => x.key === '1')!.latest).toMatchObject({ period: '2024-Q1', review: 'accepted' });
    expect(p.changes).toHaveLength(3);
  });

  it('warns of missing reports and slow investment, naming the project, unit and figures', async () => {
    const p = await projectProgress(store.db, PLAN, { asOf: '2024-07-20' });
    const missing = p.warnings.filter((w) => w.kind === 'missingReport');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((w) => (w as { period: string }).period === '2024-Q2')).toBe(true);
    const w1 = p.warnings.find((w) => w.kind === 'missingReport' && w.projectKey === '2')!;
    expect(w1.text).toMatch(/项目2“.+”（县水利局）未报送2024-Q2进度，最近一次报送为2023-Q4/);
    const slow = p.warnings.find((w) => w.kind === 'behindSchedule')!;
    expect(slow.text).toMatch(/按进度应完成\d+\.\d%（[\d,.]+万元），实际完成\d+\.\d%/);
    expect(p.warnings.some((w) => w.projectKey === '6')).toBe(false); // cancelled
  });

  it('an overdue work item gets one supervision notice, the lead unit replies, and both are kept', async () => {
    const e = await refusal(recordWorkItems(store.db, [{ plan: PLAN, year: 2024, title: '', leadUnit: '县林业局', deadline: '2024-02-30' }]));
    expect(e.problems.map((p) => p.field)).toEqual(['title', 'deadline']);
    const tasks = await store.db.query<{ key: string }>(`SELECT key FROM tasks WHERE plan_id = $1 AND kind = 'clause' ORDER BY position LIMIT 1`, [PLAN]);
    const { ids } = await recordWorkItems(store.db, [
      { plan: PLAN, year: 2024, task: tasks.rows[0]!.key, title: '修订重大行政决策程序规定', leadUnit: '县司法局', deadline: '2024-05-31' },
      { plan: PLAN, year: 2024, title: '完成自然资源资产负债表编制', leadUnit: '县规划自然资源局', cooperatingUnits: '县统计局、县财政局', deadline: '2024-09-30' },
    ]);
    await recordTaskUpdate(store.db, ids[1]!, { status: '推进中', progress: '已完成数据收集', evidence: '收集表 12 份' }, { today: '2024-06-01' });
    const issued = await issueNotices(store.db, PLAN, { asOf: '2024-06-20', issuedBy: '创建办' });
    expect(issued.map((n) => [n.unit, n.workItemId])).toEqual([['县司法局', ids[0]]]);
    expect(issued[0]!.message).toContain('应于2024-05-31前完成，现已逾期20天');
    expect(await issueNotices(store.db, PLAN, { asOf: '2024-06-21' })).toEqual([]);
    await refusal(replyToNotice(store.db, issued[0]!.id, { reply: '' }));
    await replyToNotice(store.db, issued[0]!.id, { reply: '已提交县政府常务会审议，6月底前印发', repliedBy: '县司法局 李四' }, { today: '2024-06-22' });
    await refusal(replyToNotice(store.db, issued[0]!.id, { reply: '再次回复' }));
    const w = await workPlan(store.db, PLAN, { year: 2024, asOf: '2024-06-22' });
    expect(w.counts).toMatchObject({ items: 2, overdue: 1, pending: 1 });
    const item = w.items.find((i) => i.id === ids[0])!;
    expect(item.task?.key).toBe(tasks.rows[0]!.key);
    expect(item.notices[0]).toMatchObject({ reply: '已提交县政府常务会审议，6月底前印发', repliedBy: '县司法局 李四', repliedOn: '2024-06-22' });
    expect(w.items.find((i) => i.id === ids[1])!.updates[0]).toMatchObject({ status: 'inProgress', evidence: '收集表 12 份' });
    // answered: the next run issues a fresh notice, since the item is still overdue
    expect((await issueNotices(store.db, PLAN, { asOf: '2024-07-01' })).map((n) => n.workItemId)).toEqual([ids[0]]);
  });

  it('ranks the units with the reasons behind each score, by the plan’s weights', async () => {
    const a = await departmentAssessment(store.db, PLAN, 2023, { asOf: '2023-12-31' });
    expect(a.weights).toEqual({ indicators: 40, projects: 30, tasks: 20, reporting: 10 });
    const water = a.ranking.find((r) => r.unit === '县水利局')!;
    const projects = water.parts.find((p) => p.part === 'projects')!;
    expect(projects.figures.led).toBeGreaterThan(3);
    expect(projects.reason).toMatch(/^牵头项目\d+项/);
    const reporting = water.parts.find((p) => p.part === 'reporting')!;
    // every quarter was reported by the 5th of the next month: on time
    expect(reporting.figures).toMatchObject({ missing: 0, late: 0 });
    expect(reporting.score).toBe(100);
    // 2023 has no indicator values in the store: the units' indicators are 无数据, counted against them
    const env = a.ranking.find((r) => r.unit === '县生态环境局')!;
    expect(env.parts.find((p) => p.part === 'indicators')!.reason).toMatch(/无数据\d+项（按未达标计）/);
    expect(a.ranking.map((r) => r.rank)).toEqual([...a.ranking.map((r) => r.rank)].sort((x, y) => x - y));
    await savePlanSettings(store.db, PLAN, { weights: { indicators: 0, projects: 100, tasks: 0, reporting: 0 } });
    const b = await departmentAssessment(store.db, PLAN, 2023, { asOf: '2023-12-31' });
    expect(b.ranking.find((r) => r.unit === '县水利局')!.total).toBe(projects.score);
    await savePlanSettings(store.db, PLAN, { weights: { indicators: 40, projects: 30, tasks: 20, reporting: 10 } });
  });

  it('attachments: checked on their bytes and names; refused ones store nothing', async () => {
    const r = (await loadProgressReports(store.db, PLAN, '1')).at(-1)!;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const ok = await addAttachment(store.db, { plan: PLAN, ownerKind: 'progress', ownerId: r.id, fileName: '现场照片.png', data: png });
    expect(ok).toMatchObject({ contentType: 'image/png', sizeBytes: 72 });
    const before = await count(store.db, 'attachments');
    for (const [fileName, data, field] of [
      ['../../etc/passwd.png', png, 'fileName'],
      ['照片.png', Buffer.from('<script>alert(1)</script>'), 'file'],
      ['tool.exe', png, 'fileName'],
      ['big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(11 * 1024 * 1024)]), 'file'],
    ] as const) {
      const e = await refusal(addAttachment(store.db, { plan: PLAN, ownerKind: 'progress', ownerId: r.id, fileName, data }));
      expect(e.problems[0]!.field, fileName).toBe(field);
    }
    expect(await count(store.db, 'attachments')).toBe(before);
    expect((await loadProgressReports(store.db, PLAN, '1')).at(-1)!.attachments).toEqual([{ id: ok.id, fileName: '现场照片.png', contentType: 'image/png', sizeBytes: 72 }]);
  });
});

describe('period keys stay sortable', () => {
  it('quarters and months of a year sort in time order', () => {
    expect(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((k) => parsePeriod(k)!.end)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
  });
});
