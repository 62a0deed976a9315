// What a revised document changes against the plan already stored: indicators (values, targets, units, lead
// units), projects and task clauses, each added, removed or changed, field by field. Both sides are in the
// public shape (json.ts): the stored plan is read into it by the store. Pure.
import { t } from '../../i18n/index.ts';
import type { ImportJson } from './json.ts';

export type DifferenceArea = 'plan' | 'indicator' | 'project' | 'task';

export interface Difference {
  area: DifferenceArea;
  change: 'added' | 'removed' | 'changed';
  /** what it is, as the plan office names it: 指标 “3 森林覆盖率”（国家生态文明建设示范区）, 项目 “…” */
  label: string;
  /** the field that changed, in words (现状值, 2025年目标值, 投资 …); null for an added or removed row */
  field: string | null;
  before: string | null;
  after: string | null;
}

type Indicator = ImportJson['frameworks'][number]['indicators'][number];
type Project = ImportJson['projects'][number];
type Task = ImportJson['tasks'][number];

const show = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : Array.isArray(v) ? (v.length ? v.join('、') : null) : String(v));

function fieldDiffs(out: Difference[], area: DifferenceArea, label: string, pairs: Array<[string, unknown, unknown]>): void {
  for (const [field, a, b] of pairs) {
    const before = show(a);
    const after = show(b);
    if (before !== after) out.push({ area, change: 'changed', label, field, before, after });
  }
}

/** Compare by key: rows only on one side are added or removed; rows on both compared field by field. */
function byKey<T>(out: Difference[], area: DifferenceArea, before: T[], after: T[], key: (x: T) => string, label: (x: T) => string, fields: (a: T, b: T) => Array<[string, unknown, unknown]>): void {
  const old = new Map(before.map((x) => [key(x), x]));
  const seen = new Set<string>();
  for (const x of after) {
    const k = key(x);
    seen.add(k);
    const o = old.get(k);
    if (!o) out.push({ area, change: 'added', label: label(x), field: null, before: null, after: null });
    else fieldDiffs(out, area, label(x), fields(o, x));
  }
  for (const [k, o] of old) if (!seen.has(k)) out.push({ area, change: 'removed', label: label(o), field: null, before: null, after: null });
}

const targetsOf = (i: Indicator) => new Map(i.targets.map((tg) => [tg.year, tg.printed]));

export function planDifferences(stored: ImportJson, revised: ImportJson): Difference[] {
  const out: Difference[] = [];
  const sp = stored.plan;
  const rp = revised.plan;
  const planLabel = t('planImport.diff.plan');
  fieldDiffs(out, 'plan', planLabel, [
    [t('planImport.label.title'), sp.title, rp.title],
    [t('planImport.label.region'), sp.region, rp.region],
    [t('planImport.label.period'), sp.periodStart === null ? null : `${sp.periodStart}—${sp.periodEnd}`, rp.periodStart === null ? null : `${rp.periodStart}—${rp.periodEnd}`],
    [t('planImport.label.baseYear'), sp.baseYear, rp.baseYear],
    [t('planImport.label.targetYears'), sp.targetYears, rp.targetYears],
  ]);

  type Row = Indicator & { fw: string; fwName: string };
  const rows = (j: ImportJson): Row[] => j.frameworks.flatMap((f) => f.indicators.map((i) => ({ ...i, fw: f.id, fwName: f.name })));
  byKey<Row>(
    out,
    'indicator',
    rows(stored),
    rows(revised),
    (i) => `${i.fw}\u0001${i.number}\u0001${i.part ?? ''}`,
    (i) => t('planImport.diff.indicator', { number: i.number, name: i.part ? `${i.name} ${i.part}` : i.name, framework: i.fwName }),
    (a, b) => {
      const years = [...new Set([...a.targets.map((x) => x.year), ...b.targets.map((x) => x.year)])].sort();
      const ta = targetsOf(a);
      const tb = targetsOf(b);
      return [
        [t('planImport.label.indicatorName'), a.name, b.name],
        [t('planImport.label.unit'), a.unit, b.unit],
        [t('planImport.label.attribute'), a.attribute, b.attribute],
        [t('planImport.label.baseline'), a.baseline ? `${a.baseline.printed}（${a.baseline.year}）` : null, b.baseline ? `${b.baseline.printed}（${b.baseline.year}）` : null],
        ...years.map((y): [string, unknown, unknown] => [t('planImport.label.targetOf', { year: y }), ta.get(y), tb.get(y)]),
        [t('planImport.label.leadUnits'), a.leadUnits, b.leadUnits],
      ];
    },
  );

  byKey<Project>(
    out,
    'project',
    stored.projects,
    revised.projects,
    (p) => p.name,
    (p) => t('planImport.diff.project', { name: p.name }),
    (a, b) => [
      [t('planImport.label.number'), a.number, b.number],
      [t('planImport.label.group'), a.group, b.group],
      [t('planImport.label.investmentWan'), a.investmentWan, b.investmentWan],
      [t('planImport.label.projectPeriod'), a.period, b.period],
      [t('planImport.label.leadUnit'), a.leadUnit, b.leadUnit],
    ],
  );

  const clause = (x: Task) => x.text;
  byKey<Task>(
    out,
    'task',
    stored.tasks,
    revised.tasks,
    clause,
    (x) => t('planImport.diff.task', { text: x.text.length > 30 ? `${x.text.slice(0, 30)}…` : x.text }),
    (a, b) => [
      [t('planImport.label.chapter'), a.chapter, b.chapter],
      [t('planImport.label.figures'), a.figures.map((f) => f.printed), b.figures.map((f) => f.printed)],
    ],
  );
  // by area, rows added or removed before fields changed (what a reviewer looks at first)
  const areaOrder: DifferenceArea[] = ['plan', 'indicator', 'project', 'task'];
  const changeOrder = ['removed', 'added', 'changed'];
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => areaOrder.indexOf(a.d.area) - areaOrder.indexOf(b.d.area) || changeOrder.indexOf(a.d.change) - changeOrder.indexOf(b.d.change) || a.i - b.i)
    .map((x) => x.d);
}
