// 中期评估 / 终期评估: the engine over a span of years — the baseline, each year with figures, the target —
// with what changed and why (each change of status between years, with the figures and the engine's reason).
import type { PlanAssessment } from '../../app/assessPlan.ts';
import { chineseNumber } from '../format.ts';
import type { Block, Cell, ReportDocument, TableBlock, Tone } from '../model.ts';
import { coveredReport, numberSections, trendsOrNote } from './annual.ts';
import { isScored, perPart, scoreText, targetOf, translator, type FrameworkAssessment, type IndicatorResult, type ReportInputs, type Tr } from './inputs.ts';
import { achievabilityBlocks, attentionNumbers, frameworkSummary, projectsSection, sourcesSection } from './sections.ts';

type YearResult = { year: number; f: FrameworkAssessment };

function frameworkOver(history: PlanAssessment[], id: string): YearResult[] {
  return history.flatMap((a) => {
    const f = a.frameworks.find((x) => x.id === id);
    return f ? [{ year: a.year, f }] : [];
  });
}

/** Counts (and score) year by year. */
function countsTable(years: YearResult[], tr: Tr): TableBlock {
  const scored = years.some((y) => isScored(y.f));
  return {
    type: 'table',
    caption: tr('report.mid.countsCaption', { framework: years[0]!.f.name }),
    share: 0.8,
    columns: [
      { label: tr('report.col.year'), width: 3, align: 'center' },
      { label: tr('report.col.applicable'), width: 3, align: 'center' },
      { label: tr('status.met'), width: 3, align: 'center' },
      { label: tr('status.notMet'), width: 3, align: 'center' },
      { label: tr('status.indeterminate'), width: 5, align: 'center' },
      { label: tr('status.noData'), width: 3, align: 'center' },
      ...(scored ? [{ label: tr('table.points'), width: 4, align: 'center' as const }] : []),
    ],
    rows: years.map(({ year, f }) => [
      { text: String(year) },
      { text: String(f.applicable) },
      { text: String(f.met), tone: 'met' as const },
      { text: String(f.notMet), tone: f.notMet > 0 ? ('notMet' as const) : undefined },
      { text: String(f.indeterminate) },
      { text: String(f.noData) },
      ...(scored ? [{ text: f.score === null ? `${f.scoreRange?.[0]}–${f.scoreRange?.[1]}` : `${f.score}/${f.maxScore}` }] : []),
    ]),
  };
}

/** Every indicator across the years: the value and status of each year, and the target. */
function spanTable(years: YearResult[], tr: Tr): TableBlock {
  const last = years[years.length - 1]!.f;
  const columns = [
    { label: tr('table.number'), width: 3, align: 'center' as const },
    { label: tr('table.name'), width: 12 },
    { label: tr('table.requirement'), width: 10 },
    ...years.map(({ year }, i) => ({ label: i === 0 ? tr('report.mid.baselineColumn', { year }) : tr('report.yearOnly', { year }), width: 10 })),
    { label: tr('report.col.target'), width: 9 },
  ];
  const rows: Cell[][] = last.results
    .filter((r) => r.status !== 'notApplicable')
    .map((r) => [
      { text: r.number },
      { text: r.name },
      { text: perPart(r, (l) => l.requirement) },
      ...years.map(({ f }) => {
        const x = f.results.find((y) => y.number === r.number);
        if (!x) return { text: '—' };
        const points = isScored(f) && x.maxPoints !== null ? ` ${scoreText(x)}` : '';
        return { text: `${perPart(x, (l) => l.value) || '—'}\n${x.statusText}${points}`, tone: x.status as Tone };
      }),
      { text: (() => { const t = targetOf(r); return t ? `${t.printed}（${tr('report.yearOnly', { year: t.year })}）` : '—'; })() },
    ]);
  return { type: 'table', caption: tr('report.mid.spanCaption', { framework: last.name }), columns, rows, dense: true };
}

/** Status changes between consecutive years with figures, with the figures and the later year's reason. */
function changes(years: YearResult[], tr: Tr): Block[] {
  const rows: Cell[][] = [];
  for (let i = 1; i < years.length; i++) {
    const before = years[i - 1]!;
    const after = years[i]!;
    for (const r of after.f.results) {
      const prev: IndicatorResult | undefined = before.f.results.find((x) => x.number === r.number);
      if (!prev || prev.status === r.status || r.status === 'notApplicable') continue;
      rows.push([
        { text: r.number },
        { text: r.name },
        { text: tr('report.mid.change', { from: before.year, fromStatus: prev.statusText, to: after.year, toStatus: r.statusText }), tone: r.status as Tone },
        { text: `${perPart(prev, (l) => l.value) || '—'} → ${perPart(r, (l) => l.value) || '—'}` },
        { text: r.reason },
      ]);
    }
  }
  if (years.length < 2) return [{ type: 'paragraph', text: tr('report.mid.onlyBaseline', { year: years[0]!.year }) }];
  if (rows.length === 0) return [{ type: 'paragraph', text: tr('report.mid.noChanges', { from: years[0]!.year, to: years[years.length - 1]!.year }) }];
  return [
    { type: 'paragraph', text: tr('report.mid.changesIntro', { n: rows.length, from: years[0]!.year, to: years[years.length - 1]!.year }) },
    {
      type: 'table',
      caption: tr('report.mid.changesCaption', { framework: years[0]!.f.name }),
      columns: [
        { label: tr('table.number'), width: 3, align: 'center' },
        { label: tr('table.name'), width: 11 },
        { label: tr('report.col.change'), width: 12 },
        { label: tr('table.value'), width: 12 },
        { label: tr('report.col.why'), width: 24 },
      ],
      rows,
      dense: true,
    },
  ];
}

/** A final evaluation (终期评估) once the year reaches the plan's last target year or the end of its period. */
export function isFinalEvaluation(plan: ReportInputs['plan'], year: number): boolean {
  return year >= Math.max(...plan.targetYears, plan.periodEnd);
}

export function midtermReport(inputs: ReportInputs): ReportDocument {
  const tr = translator(inputs.lang);
  const a = inputs.assessment;
  const years = inputs.history.map((h) => h.year);
  const final = isFinalEvaluation(inputs.plan, a.year);
  const kindName = tr(final ? 'report.kind.final' : 'report.kind.midterm');
  const span = years.length > 1 ? tr('report.yearSpan', { from: years[0]!, to: years[years.length - 1]! }) : tr('report.yearOnly', { year: a.year });
  const subtitle = tr('report.mid.subtitle', { span, kind: kindName });

  const overview: Block[] = [
    {
      type: 'paragraph',
      text: tr('report.mid.intro', {
        region: a.region,
        title: a.title,
        base: years[0]!,
        years: years.join('、'),
        targets: inputs.plan.targetYears.join('、'),
        year: a.year,
        kind: kindName,
      }),
    },
  ];
  for (const f of a.frameworks) {
    const over = frameworkOver(inputs.history, f.id);
    overview.push({ type: 'paragraph', text: frameworkSummary(f, a, tr) });
    overview.push(countsTable(over, tr));
  }
  if (years.length > 1)
    overview.push({
      type: 'chart',
      caption: tr('report.mid.chartCaption'),
      chart: {
        kind: 'years',
        title: tr('report.mid.chartTitle', { framework: a.frameworks[0]?.name ?? '' }),
        years,
        series: (['met', 'notMet', 'indeterminate', 'noData'] as const).map((s) => ({
          name: tr(`status.${s}`),
          tone: s,
          values: inputs.history.map((h) => h.frameworks[0]?.[s] ?? 0),
        })),
      },
    });

  const sections = numberSections([
    { id: 'overview', title: tr('report.h.overview'), blocks: overview },
    {
      id: 'span',
      title: tr('report.h.span'),
      blocks: [],
      landscape: true,
      subsections: a.frameworks.map((f, i) => ({ id: `span-${f.id}`, heading: `（${chineseNumber(i + 1)}）${f.name}`, landscape: true, blocks: [spanTable(frameworkOver(inputs.history, f.id), tr)] })),
    },
    {
      id: 'changes',
      title: tr('report.h.changes'),
      blocks: [],
      landscape: true,
      subsections: a.frameworks.map((f, i) => {
        const over = frameworkOver(inputs.history, f.id);
        const changed = over.length > 1 ? f.results.filter((r) => over.some((y) => y.f.results.find((x) => x.number === r.number)?.status !== r.status)).map((r) => r.number) : [];
        const numbers = [...new Set([...changed, ...attentionNumbers(f)])];
        return { id: `changes-${f.id}`, heading: `（${chineseNumber(i + 1)}）${f.name}`, landscape: true, blocks: [...changes(over, tr), ...trendsOrNote(inputs, f.id, numbers, tr)] };
      }),
    },
    {
      id: 'achievability',
      title: tr('report.h.achievabilityAt', { year: a.year }),
      blocks: [{ type: 'paragraph', style: 'note', text: tr('report.ach.method') }],
      landscape: true,
      subsections: a.frameworks.map((f, i) => ({ id: `achievability-${f.id}`, heading: `（${chineseNumber(i + 1)}）${f.name}`, landscape: true, blocks: achievabilityBlocks(f, inputs, tr) })),
    },
    { ...projectsSection('projects', inputs.projects, inputs, tr), title: tr('report.h.projects') },
    { ...sourcesSection('sources', inputs, inputs.history, tr), title: tr('report.h.sources'), appendix: true },
  ]);
  return coveredReport('midterm', inputs, subtitle, sections, tr);
}
