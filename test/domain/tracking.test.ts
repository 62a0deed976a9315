// Periods, progress roll-ups, warnings, work-plan timeliness and department scores: pure functions.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, scoreUnits, type UnitInputs } from '../../src/domain/departments.ts';
import { lastEndedPeriod, parsePeriod, periodsBetween } from '../../src/domain/period.ts';
import { applyChanges, plannedShare, projectWarnings, rollupProgress, type PlannedProject, type ProgressReport, type ProjectChange } from '../../src/domain/progress.ts';
import { itemsToSupervise, timelinessOf, type WorkItem } from '../../src/domain/workPlan.ts';

describe('periods', () => {
  it('reads the ways people write a quarter or a month', () => {
    for (const s of ['2024-Q1', '2024Q1', '2024q1', '2024年第一季度', '2024年1季度']) expect(parsePeriod(s)?.key, s).toBe('2024-Q1');
    for (const s of ['2024-03', '2024.3', '2024年3月', '2024/03']) expect(parsePeriod(s)?.key, s).toBe('2024-03');
    expect(parsePeriod('2024-Q4')).toMatchObject({ start: '2024-10-01', end: '2024-12-31' });
    expect(parsePeriod('2024-02')?.end).toBe('2024-02-29');
    for (const s of ['2024-Q5', '2024-13', '第一季度', '2024', '']) expect(parsePeriod(s), s).toBeUndefined();
  });

  it('knows which period a report is due for on a date', () => {
    expect(lastEndedPeriod('2024-05-10', 'quarter').key).toBe('2024-Q1');
    expect(lastEndedPeriod('2024-03-31', 'quarter').key).toBe('2024-Q1');
    expect(lastEndedPeriod('2024-02-10', 'quarter').key).toBe('2023-Q4');
    expect(lastEndedPeriod('2024-02-10', 'month').key).toBe('2024-01');
    expect(periodsBetween('2023-11-01', '2024-04-02', 'quarter').map((p) => p.key)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
  });
});

const project = (key: string, over: Partial<PlannedProject> = {}): PlannedProject => ({
  key,
  number: Number(key),
  group: 'A',
  category: null,
  name: `项目${key}`,
  investmentWan: 1000,
  yearStart: 2022,
  yearEnd: 2023,
  leadUnits: ['县水利局'],
  township: null,
  ...over,
});
const report = (projectKey: string, period: string, cumulative: number, over: Partial<ProgressReport> = {}): ProgressReport => {
  const p = parsePeriod(period)!;
  return { projectKey, period: p.key, periodEnd: p.end, investmentPeriodWan: null, investmentCumulativeWan: cumulative, physicalPercent: null, status: 'underway', reportedOn: p.end, review: 'submitted', returnedCount: 0, ...over };
};

describe('project progress', () => {
  it('schedules investment linearly over the project years', () => {
    expect(plannedShare({ yearStart: 2022, yearEnd: 2023 }, '2021-12-31')).toBe(0);
    expect(plannedShare({ yearStart: 2022, yearEnd: 2023 }, '2022-12-31')).toBeCloseTo(0.5, 2);
    expect(plannedShare({ yearStart: 2022, yearEnd: 2023 }, '2024-06-30')).toBe(1);
    expect(plannedShare({ yearStart: null, yearEnd: null }, '2022-06-30')).toBeNull();
  });

  it('applies changes in force by the date, keeping the original list beside', () => {
    const original = [project('1'), project('2'), project('3')];
    const changes: ProjectChange[] = [
      { id: 1, projectKey: '2', kind: 'adjust', fields: { investmentWan: 1500, yearEnd: 2024 }, reason: '扩建', effectiveOn: '2023-03-01' },
      { id: 2, projectKey: '3', kind: 'cancel', fields: {}, reason: '选址调整', effectiveOn: '2023-03-01' },
      { id: 3, projectKey: '81', kind: 'add', fields: { name: '新增项目', group: 'A', investmentWan: 200, yearStart: 2023, yearEnd: 2023, leadUnits: ['县林业局'] }, reason: '新增', effectiveOn: '2023-05-01' },
    ];
    expect(applyChanges(original, changes, '2023-01-01').map((p) => p.investmentWan)).toEqual([1000, 1000, 1000]);
    const later = applyChanges(original, changes, '2023-06-30');
    expect(later.map((p) => [p.key, p.investmentWan, p.cancelled, p.original])).toEqual([
      ['1', 1000, false, true],
      ['2', 1500, false, true],
      ['3', 1000, true, true],
      ['81', 200, false, false],
    ]);
    const r = rollupProgress(original, changes, [], { asOf: '2023-06-30', cadence: 'quarter' });
    expect(r.total).toMatchObject({ originalCount: 3, originalInvestmentWan: 3000, adjustedCount: 3, adjustedInvestmentWan: 2700 });
    expect(r.total.statusCounts).toMatchObject({ cancelled: 1, noReport: 3 });
  });

  it('rolls completed investment up from each project’s latest cumulative figure, and draws the curve', () => {
    const original = [project('1'), project('2', { group: 'B', leadUnits: ['县林业局', '县水利局'] })];
    const reports = [report('1', '2022-Q2', 100), report('1', '2022-Q4', 400), report('2', '2022-Q4', 250, { status: 'delayed' }), report('1', '2023-Q1', 450)];
    const r = rollupProgress(original, [], reports, { asOf: '2022-12-31', cadence: 'quarter', groupOrder: ['A', 'B'] });
    expect(r.total.completedWan).toBe(650);
    expect(r.total.completedShare).toBe(0.325);
    expect(r.groups.map((g) => [g.name, g.completedWan])).toEqual([['A', 400], ['B', 250]]);
    expect(r.leadUnits.find((u) => u.name === '县水利局')!.completedWan).toBe(650);
    expect(r.total.statusCounts).toMatchObject({ underway: 1, delayed: 1 });
    expect(r.curve.map((c) => [c.period, c.completedWan])).toEqual([['2022-Q1', 0], ['2022-Q2', 100], ['2022-Q3', 100], ['2022-Q4', 650]]);
    expect(r.curve[3]!.plannedWan).toBeCloseTo(1000, 0);
    expect(r.years.find((y) => y.year === 2022)).toMatchObject({ plannedWan: 1000, completedWan: 650 });
  });

  it('warns of overdue projects, investment behind schedule and missing reports, naming the figures', () => {
    const original = [project('1'), project('2', { yearEnd: 2022 }), project('3', { yearStart: 2025, yearEnd: 2026 })];
    const reports = [report('1', '2023-Q1', 500), report('2', '2022-Q4', 1000, { status: 'underway' })];
    const w = projectWarnings(original, [], reports, { asOf: '2023-07-15', cadence: 'quarter', tolerance: 0.2 });
    expect(w.filter((x) => x.kind === 'overdue').map((x) => x.projectKey)).toEqual(['2']);
    const behind = w.find((x) => x.kind === 'behindSchedule' && x.projectKey === '1');
    expect(behind).toMatchObject({ investmentWan: 1000, completedWan: 500, completedShare: 0.5 });
    // 1.54 of 2 years gone: 77 % due, 50 % done — more than the 20-point tolerance behind
    expect((behind as { scheduledShare: number }).scheduledShare).toBeCloseTo(0.769, 2);
    expect(w.filter((x) => x.kind === 'missingReport').map((x) => [x.projectKey, (x as { period: string }).period])).toEqual([['1', '2023-Q2'], ['2', '2023-Q2']]);
    // not begun: no warning at all; completed: none either
    expect(w.some((x) => x.projectKey === '3')).toBe(false);
    const done = projectWarnings(original, [], [...reports, report('2', '2023-Q1', 1000, { status: 'completed' })], { asOf: '2023-07-15', cadence: 'quarter', tolerance: 0.2 });
    expect(done.some((x) => x.projectKey === '2')).toBe(false);
  });
});

describe('work plan', () => {
  const item = (over: Partial<WorkItem>): WorkItem => ({ id: 1, year: 2023, taskKey: null, title: '编制方案', leadUnit: '县生态环境局', cooperatingUnits: [], deadline: '2023-06-30', status: 'inProgress', doneOn: null, ...over });
  it('tells on time, late, overdue and pending apart', () => {
    expect(timelinessOf(item({ status: 'done', doneOn: '2023-06-30' }), '2023-12-31')).toBe('onTime');
    expect(timelinessOf(item({ status: 'done', doneOn: '2023-07-01' }), '2023-12-31')).toBe('late');
    expect(timelinessOf(item({}), '2023-07-01')).toBe('overdue');
    expect(timelinessOf(item({}), '2023-06-30')).toBe('pending');
  });
  it('supervises an overdue item once while its notice awaits a reply', () => {
    const items = [item({ id: 1 }), item({ id: 2 }), item({ id: 3, deadline: '2023-12-31' })];
    expect(itemsToSupervise(items, [], '2023-07-10').map((i) => i.id)).toEqual([1, 2]);
    expect(itemsToSupervise(items, [{ workItemId: 1, open: true }, { workItemId: 2, open: false }], '2023-07-10').map((i) => i.id)).toEqual([2]);
  });
});

describe('department scores', () => {
  const unit = (over: Partial<UnitInputs>): UnitInputs => ({ unit: 'U', indicators: [], projects: [], tasks: [], reporting: { expected: 0, onTime: 0, late: 0, returned: 0 }, ...over });
  it('weights the parts a unit has, and shares out the weight of the parts it has not', () => {
    const [a] = scoreUnits([
      unit({
        unit: '甲',
        indicators: [
          { framework: 'f', number: '1', name: 'a', status: 'met' },
          { framework: 'f', number: '2', name: 'b', status: 'noData' },
          { framework: 'f', number: '3', name: 'c', status: 'indeterminate' },
        ],
        tasks: [{ id: 1, title: 't', timeliness: 'onTime' }, { id: 2, title: 't', timeliness: 'late' }, { id: 3, title: 't', timeliness: 'pending' }],
      }),
    ]);
    const part = (p: string) => a!.parts.find((x) => x.part === p)!;
    expect(part('indicators')).toMatchObject({ score: 50, figures: { met: 1, noData: 1, indeterminate: 1 } });
    expect(part('tasks')).toMatchObject({ score: 75, figures: { due: 2, pending: 1 } });
    expect(part('projects').score).toBeNull();
    expect(part('reporting').score).toBeNull();
    // (40 × 50 + 20 × 75) / 60
    expect(a!.total).toBe(58.3);
  });
  it('ranks by total, scores overdue projects 0 and costs 5 points per returned report', () => {
    const r = scoreUnits(
      [
        unit({ unit: '乙', projects: [{ key: '1', name: 'p', scheduledShare: 0.5, completedShare: 0.25, overdue: false, completed: false }], reporting: { expected: 4, onTime: 4, late: 0, returned: 1 } }),
        unit({ unit: '丙', projects: [{ key: '2', name: 'p', scheduledShare: 1, completedShare: 0.9, overdue: true, completed: false }], reporting: { expected: 2, onTime: 1, late: 1, returned: 0 } }),
      ],
      DEFAULT_WEIGHTS,
    );
    expect(r.map((u) => [u.rank, u.unit])).toEqual([[1, '乙'], [2, '丙']]);
    expect(r[0]!.parts.find((p) => p.part === 'projects')!.score).toBe(50);
    expect(r[0]!.parts.find((p) => p.part === 'reporting')!.score).toBe(95);
    expect(r[1]!.parts.find((p) => p.part === 'projects')!.score).toBe(0);
    expect(r[1]!.parts.find((p) => p.part === 'reporting')!.score).toBe(75);
  });
});
