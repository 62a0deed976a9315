// The annual report carries project progress where units have reported it (调度), and says so where not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../src/reports/generate.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { recordProgress, recordProjectChange } from '../../src/store/projectTracking.ts';
import { publishYear, recordRevision, reviewFigures } from '../../src/store/review.ts';
import { openDocx, squeeze } from '../helpers/reportFiles.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';

const ON = new Date('2026-11-22T09:00:00+08:00');
const PLAN = 'wushan-demo-county';

describe('annual report with project progress', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('pglite');
  });
  afterAll(async () => {
    await store?.close();
  });

  it('without reports it says progress has not been recorded', async () => {
    const docx = await openDocx((await generateReport(store.db, { plan: PLAN, year: 2021, kind: 'annual', format: 'docx', generatedOn: ON })).data);
    expect(docx.text).toContain('项目实施进度（调度数据）尚未录入');
  });

  it('with reports it rolls up what was completed by the year’s end, by group, and names the changes', async () => {
    // test figures: a 2022 value, so there is a 2022 report, and two projects' progress
    await recordObservations(store.db, [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2022, printed: '30' }]);
    await recordProgress(store.db, [
      { plan: PLAN, project: '1', period: '2022-Q4', investmentCumulativeWan: 3000, status: '在建', reportedOn: '2023-01-05' },
      { plan: PLAN, project: '2', period: '2022-Q4', investmentCumulativeWan: 1500, status: '完工', reportedOn: '2023-01-05' },
      { plan: PLAN, project: '3', period: '2023-Q1', investmentCumulativeWan: 999, status: '在建', reportedOn: '2023-04-05' },
    ]);
    await recordProjectChange(store.db, { plan: PLAN, project: '4', kind: 'adjust', fields: { investmentWan: 30000 }, reason: '压减规模', effectiveOn: '2022-06-01' });
    const docx = await openDocx((await generateReport(store.db, { plan: PLAN, year: 2022, kind: 'annual', format: 'docx', generatedOn: ON })).data);
    const text = squeeze(docx.text);
    expect(text).toContain('截至2022-12-31，2个项目报送了实施进度');
    expect(text).toContain('累计完成4,500万元');
    expect(text).toContain('已完工1个');
    expect(text).toContain('重点工程项目实施进度（截至2022-12-31）');
    // the 2023 report of project 3 is after the year's end: not counted
    expect(text).not.toContain('5,499');
    expect(text).toContain('项目清单变更1次，计划投资由513,306万元（约51.33亿元）调整为510,252万元（约51.03亿元）');
    expect(text).not.toContain('尚未录入');
  });

  it('a figure revised after publication shows with both values in the indicator table’s notes', async () => {
    const reviewer = { userId: null, name: '审核员 赵六', ip: null };
    await reviewFigures(store.db, { plan: PLAN, year: 2022, decision: 'approved' }, reviewer);
    await publishYear(store.db, PLAN, 2022, reviewer);
    // progress of a published year is locked too
    const locked = await recordProgress(store.db, [{ plan: PLAN, project: '5', period: '2022-Q4', investmentCumulativeWan: 1, status: '在建', reportedOn: '2023-01-05' }]).catch((e: Error) => e);
    expect((locked as Error).message).toContain('2022年评估已发布');
    const { id } = await recordRevision(store.db, { plan: PLAN, framework: 'national-demo-county', number: '36', year: 2022, printed: '33', reason: '统计年报更正' });
    await reviewFigures(store.db, { plan: PLAN, year: 2022, revisions: [id], decision: 'approved' }, reviewer);
    const docx = await openDocx((await generateReport(store.db, { plan: PLAN, year: 2022, kind: 'annual', format: 'docx', generatedOn: ON })).data);
    expect(squeeze(docx.text)).toContain('第36项：发布后经修订，原值“30”改为“33”（理由：统计年报更正；提出：system；审核：审核员赵六）。');
  });
});
