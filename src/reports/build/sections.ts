// Sections shared by the reports: the indicator table as the plans lay it out, the score with its deductions,
// the achievability analysis, the projects by group, trends, and the appendix of sources.
// Every figure is taken from the engine's output; nothing is recomputed here.
import { classFromChinese, type PlanAssessment } from '../../app/assessPlan.ts';
import { chineseNumber, formatWan, percent, plain, wanPhrase } from '../format.ts';
import { STATUS_ORDER, type Block, type Cell, type ChartSpec, type Section, type TableBlock, type Tone } from '../model.ts';
import {
  isScored,
  leavesOf,
  perPart,
  scoreText,
  sourceText,
  statedJudgement,
  targetOf,
  type FrameworkAssessment,
  type IndicatorResult,
  type PlanProjects,
  type ReportInputs,
  type Tr,
} from './inputs.ts';

const CLASSES = ['stable', 'expected', 'uncertain', 'difficult'] as const;

/** A top-level section before numberSections gives it its numbered heading. */
export type Untitled = Omit<Section, 'heading'>;

/** Runs of equal values in a column become one cell spanning them (the plans' merged 领域/任务 cells). */
function mergeRuns(rows: Array<Array<Cell | null>>, col: number, key: (i: number) => string): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && key(i) === key(start)) continue;
    if (i - start > 1) {
      rows[start]![col] = { ...rows[start]![col]!, rowSpan: i - start };
      for (let j = start + 1; j < i; j++) rows[j]![col] = null;
    }
    start = i;
  }
}

/** The indicator achievement table: 领域 / 任务 / 序号 / 指标名称 / 单位 / 指标值 / 指标属性 / 现状值 / 达标情况 / (得分) / 责任单位. */
export function indicatorTable(f: FrameworkAssessment, tr: Tr, opts: { year: number; withNotes: boolean }): TableBlock {
  const hasTask = f.results.some((r) => r.task);
  const hasAttribute = f.results.some((r) => r.attribute);
  const scored = isScored(f);
  const columns = [
    { label: tr('xlsx.domain'), width: 6, align: 'center' as const },
    ...(hasTask ? [{ label: tr('xlsx.task'), width: 9, align: 'center' as const }] : []),
    { label: tr('table.number'), width: 3.5, align: 'center' as const },
    { label: tr('table.name'), width: 14 },
    { label: tr('table.unit'), width: 5, align: 'center' as const },
    { label: tr('table.requirement'), width: 13 },
    ...(hasAttribute ? [{ label: tr('xlsx.attribute'), width: 5, align: 'center' as const }] : []),
    { label: tr('xlsx.value', { year: opts.year }), width: 14 },
    { label: tr('table.status'), width: 6, align: 'center' as const },
    ...(scored ? [{ label: tr('table.points'), width: 5, align: 'center' as const }] : []),
    { label: tr('xlsx.leadUnits'), width: 10 },
  ];
  const rows: Array<Array<Cell | null>> = f.results.map((r) => [
    { text: r.domain ?? '' },
    ...(hasTask ? [{ text: r.task ?? '' }] : []),
    { text: r.number },
    { text: r.name },
    { text: r.unit ?? '' },
    { text: perPart(r, (l) => l.requirement) },
    ...(hasAttribute ? [{ text: r.attribute ?? '' }] : []),
    { text: perPart(r, (l) => l.value) },
    { text: r.confirmation ? `${r.statusText}*` : r.statusText, tone: r.status as Tone },
    ...(scored ? [{ text: scoreText(r) }] : []),
    { text: r.leadUnits.join('、') },
  ]);
  mergeRuns(rows, 0, (i) => f.results[i]!.domain ?? '');
  if (hasTask) mergeRuns(rows, 1, (i) => `${f.results[i]!.domain}|${f.results[i]!.task ?? ''}`);
  const totals: Cell[][] = [[{ text: countsLine(f, tr), bold: true }]];
  const notes: string[] = [];
  if (opts.withNotes) {
    const footnotes = new Map<string, string>();
    for (const r of f.results)
      for (const l of leavesOf(r)) {
        const fn = l.observation?.footnote;
        if (fn) footnotes.set(fn.mark, `${fn.mark}${fn.printed}`);
      }
    notes.push(...footnotes.values());
    for (const r of f.results)
      if (r.confirmation)
        notes.push(tr('report.confirmedNote', { number: r.number, by: r.confirmation.by, at: r.confirmation.at, reason: r.confirmation.reason }));
    for (const v of f.revisions ?? [])
      notes.push(tr('report.revisedNote', { number: v.number, part: v.part ? `（${v.part}）` : '', previous: v.previous, printed: v.printed, reason: v.reason, by: v.by, approvedBy: v.approvedBy ?? '' }));
  }
  return { type: 'table', caption: tr('report.tableCaption', { framework: f.name, year: opts.year }), columns, rows, totals, notes, dense: true };
}

export function countsLine(f: FrameworkAssessment, tr: Tr): string {
  return tr('xlsx.counts', { applicable: f.applicable, met: f.met, notMet: f.notMet, indeterminate: f.indeterminate, noData: f.noData, notApplicable: f.notApplicable });
}

/** "2021年，巫山县对照…，35项适用指标中，已达标29项，未达标6项（…）…" — the engine's counts in the plans' register. */
export function frameworkSummary(f: FrameworkAssessment, a: PlanAssessment, tr: Tr): string {
  const notMet = f.results.filter((r) => r.status === 'notMet').map((r) => r.name);
  let text = tr('report.summary.counts', { year: a.year, region: a.region, framework: f.name, applicable: f.applicable, met: f.met, notMet: f.notMet });
  if (notMet.length > 0) text += tr('report.summary.notMetNames', { names: notMet.join('、') });
  if (f.indeterminate > 0) text += tr('summary.rest.indeterminate', { n: f.indeterminate });
  if (f.noData > 0) text += tr('summary.rest.noData', { n: f.noData });
  if (f.notApplicable > 0) text += tr('report.summary.notApplicable', { n: f.notApplicable });
  return `${text}${tr('report.fullStop')}`;
}

export function classesSentence(f: FrameworkAssessment, tr: Tr): string {
  return tr('report.summary.classes', f.classes);
}

/** The plan's own words, quoted with their line. */
export function statedQuotes(f: FrameworkAssessment, inputs: ReportInputs, tr: Tr): Block[] {
  return f.stated.map((s) => ({ type: 'paragraph', style: 'quote', text: tr('report.statedQuote', { printed: s.printed, source: sourceText(s.source, inputs.documents, tr) }) }));
}

export function statusCountsChart(frameworks: FrameworkAssessment[], tr: Tr): ChartSpec {
  const shown = STATUS_ORDER.filter((s) => frameworks.some((f) => f[s] > 0));
  return {
    kind: 'statusCounts',
    title: tr('report.chart.statusCounts'),
    categories: frameworks.map((f) => f.name),
    series: shown.map((s) => ({ name: tr(`status.${s}`), tone: s, values: frameworks.map((f) => f[s]) })),
  };
}

/** The score against the pass line, the deductions named, and the plan's own statement. */
export function scoreBlocks(f: FrameworkAssessment, inputs: ReportInputs, tr: Tr): Block[] {
  const blocks: Block[] = [{ type: 'paragraph', text: f.summary }];
  if (f.deductions.length > 0) {
    blocks.push({
      type: 'paragraph',
      text: tr('report.score.deductions', {
        count: f.deductions.length,
        lost: f.deductions.reduce((s, d) => s + d.lost, 0),
        items: f.deductions.map((d) => tr('report.score.deduction', { name: d.name, lost: d.lost })).join('、'),
      }),
    });
    blocks.push({
      type: 'table',
      caption: tr('report.score.tableCaption', { framework: f.name }),
      columns: [
        { label: tr('table.number'), width: 2, align: 'center' },
        { label: tr('table.name'), width: 10 },
        { label: tr('table.value'), width: 8 },
        { label: tr('report.col.maxPoints'), width: 3, align: 'center' },
        { label: tr('table.points'), width: 3, align: 'center' },
        { label: tr('report.col.lost'), width: 3, align: 'center' },
      ],
      rows: f.deductions.map((d) => {
        const r = f.results.find((x) => x.number === d.number);
        return [
          { text: d.number },
          { text: d.name },
          { text: r ? perPart(r, (l) => l.value) : '' },
          { text: String(d.maxPoints) },
          { text: String(d.points ?? '—') },
          { text: String(d.lost), tone: 'notMet' as const },
        ];
      }),
      totals: [[{ text: tr('table.total'), bold: true }, { text: '' }, { text: '' }, { text: String(f.maxScore) }, { text: String(f.score ?? '—') }, { text: String(f.deductions.reduce((s, d) => s + d.lost, 0)) }]],
    });
  }
  if (f.score !== null && f.maxScore !== null && f.passScore !== null)
    blocks.push({
      type: 'chart',
      caption: tr('report.chart.gaugeCaption', { framework: f.name }),
      chart: { kind: 'gauge', title: f.name, score: f.score, max: f.maxScore, pass: f.passScore, passLabel: tr('report.chart.passLine', { pass: f.passScore }), unit: tr('report.points') },
    });
  blocks.push(...statedQuotes(f, inputs, tr));
  return blocks;
}

function gapText(r: IndicatorResult, n: number | undefined, tr: Tr): string {
  if (n === undefined) return '—';
  const unit = r.unit === '%' || r.unit === '％' ? tr('report.percentagePoints') : r.unit && r.unit !== '-' ? r.unit : '';
  return `${plain(n)}${unit}`;
}

function attention(r: IndicatorResult): boolean {
  if (r.status === 'notApplicable') return false;
  if (r.status !== 'met') return true;
  const c = r.achievability?.class;
  return c === 'difficult' || c === 'uncertain' || r.achievability?.differs === true;
}

/** Achievability: the classes counted (engine beside the plan), every indicator that needs attention with its
 * gap, the change needed and the target year, and the rest named by class. */
export function achievabilityBlocks(f: FrameworkAssessment, inputs: ReportInputs, tr: Tr): Block[] {
  const blocks: Block[] = [{ type: 'paragraph', text: classesSentence(f, tr) }];
  const statedClasses = f.stated.find((s) => s.classes)?.classes ?? null;
  blocks.push({
    type: 'table',
    caption: tr('report.ach.countsCaption', { framework: f.name }),
    share: 0.5,
    columns: [
      { label: tr('report.col.class'), width: 6 },
      { label: tr('report.col.engineCount'), width: 4, align: 'center' },
      ...(statedClasses ? [{ label: tr('report.col.statedCount'), width: 4, align: 'center' as const }] : []),
    ],
    rows: CLASSES.map((c) => [
      { text: tr(`class.${c}`) },
      { text: String(f.classes[c]) },
      ...(statedClasses ? [{ text: String(statedCount(statedClasses, c)) }] : []),
    ]),
  });
  const watched = f.results.filter(attention);
  if (watched.length > 0) {
    const rows = watched.map((r) => {
      const fig = r.achievability?.figures as Record<string, number | undefined> | null | undefined;
      const target = targetOf(r);
      const growth = fig?.growthNeeded;
      const annual = fig?.annualChangeNeeded;
      return [
        { text: r.number },
        { text: r.name },
        { text: perPart(r, (l) => l.value) },
        { text: perPart(r, (l) => l.requirement) },
        { text: r.statusText, tone: r.status as Tone },
        { text: r.status === 'met' && !fig?.gapToRequirement ? '—' : gapText(r, fig?.gapToRequirement, tr) },
        { text: annual === undefined ? '—' : `${gapText(r, annual, tr)}${growth !== undefined ? tr('report.ach.growth', { growth: percent(growth, 2) }) : ''}` },
        { text: target ? tr('report.yearOnly', { year: target.year }) : '—' },
        { text: r.achievability?.classText ?? '—', bold: true },
        { text: statedJudgement(r, tr) },
        { text: r.achievability?.reason ?? '' },
      ] satisfies Cell[];
    });
    const quotes = new Map<string, string>();
    for (const r of watched) {
      const s = r.achievability?.stated;
      if (s) quotes.set(s.printed, tr('report.statedQuote', { printed: s.printed, source: sourceText(s.source, inputs.documents, tr) }));
    }
    blocks.push({
      type: 'table',
      caption: tr('report.ach.tableCaption', { framework: f.name }),
      columns: [
        { label: tr('table.number'), width: 3, align: 'center' },
        { label: tr('table.name'), width: 11 },
        { label: tr('table.value'), width: 10 },
        { label: tr('table.requirement'), width: 9 },
        { label: tr('table.status'), width: 5, align: 'center' },
        { label: tr('report.col.gap'), width: 6 },
        { label: tr('report.col.annualChange'), width: 8 },
        { label: tr('report.col.targetYear'), width: 5, align: 'center' },
        { label: tr('report.col.engineClass'), width: 6, align: 'center' },
        { label: tr('report.col.statedClass'), width: 6, align: 'center' },
        { label: tr('report.col.explanation'), width: 20 },
      ],
      rows,
      notes: [...quotes.values()],
      dense: true,
    });
  }
  const rest = f.results.filter((r) => r.status !== 'notApplicable' && !attention(r));
  for (const c of CLASSES) {
    const named = rest.filter((r) => r.achievability?.class === c);
    if (named.length > 0)
      blocks.push({ type: 'paragraph', text: tr('report.ach.rest', { n: named.length, class: tr(`class.${c}`), items: named.map((r) => `${r.number} ${r.name}`).join('；') }) });
  }
  return blocks;
}

/** The plan's stated class counts are keyed by the class's Chinese name, as printed. */
function statedCount(classes: Record<string, number>, c: (typeof CLASSES)[number]): number {
  return Object.entries(classes).reduce((n, [name, count]) => n + (classFromChinese(name) === c ? count : 0), 0);
}

/** A figure printed as a plain number (24.3, 92.76%*, 49.3【4】): an interval (大于12, >90) or a word is not plotted,
 * as a point would claim more than the document says. */
const EXACT = /^\s*-?\d+(?:\.\d+)?\s*[%％]?\s*(?:【\d+】|\[\d+\]|\*)*\s*$/;

/** The figures of an indicator without parts over the years, as the engine read them; null where not exact. */
export function trendChart(results: Array<{ year: number; result: IndicatorResult | undefined }>, tr: Tr): ChartSpec | null {
  const points = results.map(({ year, result }) => {
    const printed = result && !('parts' in result && result.parts) && 'observation' in result ? result.observation?.printed : undefined;
    const current = (result?.achievability?.figures as { current?: number } | null | undefined)?.current;
    return { year, value: printed !== undefined && EXACT.test(printed) && current !== undefined ? current : null };
  });
  if (points.filter((p) => p.value !== null).length < 2) return null;
  const last = [...results].reverse().find((x) => x.result)?.result;
  if (!last) return null;
  const fig = last.achievability?.figures as { required?: number; target?: number } | null | undefined;
  const target = targetOf(last);
  return {
    kind: 'trend',
    title: `${last.number} ${last.name}`,
    unit: last.unit && last.unit !== '-' ? last.unit : '',
    years: points.map((p) => p.year),
    values: points.map((p) => p.value),
    ...(fig?.required !== undefined ? { requirement: { label: tr('report.chart.requirement'), value: fig.required } } : {}),
    ...(fig?.target !== undefined && target ? { target: { label: tr('report.chart.target', { year: target.year }), year: target.year, value: fig.target } } : {}),
  };
}

/** At most this many trend charts per framework (a 3 × 3 grid on a landscape page); the rest are in the tables. */
export const MAX_TRENDS = 9;

/** Trend charts for the chosen indicators of a framework (most pressing first), where two or more years have numbers. */
export function trendBlocks(f: FrameworkAssessment, history: PlanAssessment[], numbers: string[], tr: Tr): Block[] {
  const charts = numbers
    .map((n) => trendChart(history.map((a) => ({ year: a.year, result: a.frameworks.find((x) => x.id === f.id)?.results.find((r) => r.number === n) })), tr))
    .filter((c): c is ChartSpec => c !== null);
  if (charts.length === 0) return [];
  const more = charts.length - MAX_TRENDS;
  return [{ type: 'chartGrid', caption: tr('report.chart.trendsCaption', { framework: f.name }) + (more > 0 ? tr('report.chart.moreTrends', { n: more }) : ''), charts: charts.slice(0, MAX_TRENDS) }];
}

const URGENCY = (r: IndicatorResult): number =>
  r.status === 'notMet' ? 0 : r.achievability?.class === 'difficult' ? 1 : r.status !== 'met' ? 2 : r.achievability?.class === 'uncertain' ? 3 : 4;

/** Numbers of the indicators that need attention (not met, or not stably met), the most pressing first. */
export function attentionNumbers(f: FrameworkAssessment): string[] {
  return f.results
    .filter(attention)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => URGENCY(a.r) - URGENCY(b.r) || a.i - b.i)
    .map(({ r }) => r.number);
}

/** Projects and investment by group against the totals the plan states. A progress section (issue 4) goes after it. */
export function projectsSection(id: string, p: PlanProjects, inputs: ReportInputs, tr: Tr): Untitled {
  const blocks: Block[] = [];
  const agree = p.countDifference === 0 && (p.investmentDifferenceWan === 0 || p.investmentDifferenceWan === null);
  blocks.push({
    type: 'paragraph',
    text:
      tr('report.projects.total', { count: p.count, groups: p.groups.length, investment: wanPhrase(p.investmentWan, inputs.lang) }) +
      (p.statedCount !== null
        ? tr(agree && p.investmentWan !== null ? 'report.projects.agrees' : 'report.projects.stated', {
            count: p.statedCount,
            investment: wanPhrase(p.statedInvestmentWan, inputs.lang),
          })
        : '') +
      (p.missingInvestment > 0 ? tr('report.projects.missing', { n: p.missingInvestment }) : '') +
      (p.approximate ? tr('report.projects.approximate') : ''),
  });
  const diff = (n: number | null) => (n === null ? '—' : n === 0 ? tr('cli.noDifference') : `${n > 0 ? '+' : ''}${formatWan(n)}`);
  blocks.push({
    type: 'table',
    caption: tr('report.projects.tableCaption'),
    columns: [
      { label: tr('table.number'), width: 2, align: 'center' },
      { label: tr('table.group'), width: 9 },
      { label: tr('table.count'), width: 3, align: 'right' },
      { label: tr('table.investment'), width: 5, align: 'right' },
      { label: tr('table.statedCount'), width: 4, align: 'right' },
      { label: tr('table.statedInvestment'), width: 5, align: 'right' },
      { label: tr('table.difference'), width: 5, align: 'center' },
    ],
    rows: p.groups.map((g, i) => [
      { text: g.number ?? String(i + 1) },
      { text: g.name },
      { text: String(g.count) },
      { text: formatWan(g.investmentWan) },
      { text: g.statedCount === null ? '—' : String(g.statedCount) },
      { text: formatWan(g.statedInvestmentWan) },
      { text: `${diff(g.countDifference)} / ${diff(g.investmentDifferenceWan)}` },
    ]),
    totals: [
      [
        { text: '' },
        { text: tr('table.total'), bold: true },
        { text: String(p.count) },
        { text: formatWan(p.investmentWan) },
        { text: p.statedCount === null ? '—' : String(p.statedCount) },
        { text: formatWan(p.statedInvestmentWan) },
        { text: `${diff(p.countDifference)} / ${diff(p.investmentDifferenceWan)}` },
      ],
    ],
  });
  if (p.groups.length > 0)
    blocks.push({
      type: 'chart',
      caption: tr('report.chart.investmentCaption'),
      chart: {
        kind: 'bars',
        title: tr('report.chart.investment'),
        unit: tr('report.wanUnit'),
        categories: p.groups.map((g) => g.name),
        series: [
          { name: tr('report.chart.rolledUp'), values: p.groups.map((g) => g.investmentWan), tone: 'primary' },
          { name: tr('report.chart.stated'), values: p.groups.map((g) => g.statedInvestmentWan), tone: 'muted' },
        ],
      },
    });
  blocks.push(...progressBlocks(inputs, tr));
  return { id, blocks };
}

/** Project progress as the units reported it (调度), by group, with the warnings; or a note that there is none. */
function progressBlocks(inputs: ReportInputs, tr: Tr): Block[] {
  const g = inputs.progress;
  const reported = g ? g.projects.filter((p) => p.latest !== null).length : 0;
  if (!g || reported === 0) return [{ type: 'paragraph', style: 'note', text: tr('report.projects.noProgress') }];
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const t = g.rollup.total;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: tr('report.progress.summary', {
        asOf: g.asOf,
        reported,
        count: t.adjustedCount,
        investment: wanPhrase(t.adjustedInvestmentWan, inputs.lang),
        completed: wanPhrase(t.completedWan, inputs.lang),
        share: pct(t.completedShare),
        scheduled: wanPhrase(t.scheduledWan, inputs.lang),
        completedProjects: t.statusCounts.completed,
        warnings: g.warnings.length,
      }),
    },
    {
      type: 'table',
      caption: tr('report.progress.tableCaption', { asOf: g.asOf }),
      columns: [
        { label: tr('table.group'), width: 9 },
        { label: tr('report.progress.col.adjusted'), width: 5, align: 'right' },
        { label: tr('report.progress.col.scheduled'), width: 5, align: 'right' },
        { label: tr('report.progress.col.completed'), width: 5, align: 'right' },
        { label: tr('report.progress.col.share'), width: 4, align: 'right' },
        { label: tr('report.progress.col.statuses'), width: 8 },
      ],
      rows: g.rollup.groups.map((r) => [
        { text: r.name },
        { text: formatWan(r.adjustedInvestmentWan) },
        { text: formatWan(r.scheduledWan) },
        { text: formatWan(r.completedWan) },
        { text: pct(r.completedShare) },
        { text: statusLine(r.statusCounts, tr) },
      ]),
      totals: [[{ text: tr('table.total'), bold: true }, { text: formatWan(t.adjustedInvestmentWan) }, { text: formatWan(t.scheduledWan) }, { text: formatWan(t.completedWan) }, { text: pct(t.completedShare) }, { text: statusLine(t.statusCounts, tr) }]],
    },
  ];
  if (g.changes.length > 0) blocks.push({ type: 'paragraph', style: 'note', text: tr('report.progress.changes', { n: g.changes.length, original: wanPhrase(t.originalInvestmentWan, inputs.lang), adjusted: wanPhrase(t.adjustedInvestmentWan, inputs.lang) }) });
  const overdue = g.warnings.filter((w) => w.kind === 'overdue');
  if (overdue.length > 0) blocks.push({ type: 'paragraph', style: 'note', text: tr('report.progress.overdue', { list: overdue.slice(0, 10).map((w) => w.text).join('') }) });
  return blocks;
}

function statusLine(c: Record<string, number>, tr: Tr): string {
  return Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${tr(`projectStatus.${k}`)}${n}`)
    .join('，');
}

/** The appendix: every figure the report shows from the plan, with its document and line. */
export function sourcesSection(id: string, inputs: ReportInputs, assessments: PlanAssessment[], tr: Tr): Untitled {
  const subsections: Section[] = [];
  // the documents are named once, above; each row says document and line
  const cited = new Set<string>();
  const src = (s: Parameters<typeof sourceText>[0]) => {
    if (!s) return '—';
    cited.add(s.document);
    return tr('report.sourceShort', { document: s.document, line: s.line });
  };
  const frameworks = assessments[0]?.frameworks ?? [];
  frameworks.forEach((f0, fi) => {
    const rows: Cell[][] = [];
    for (const a of assessments) {
      const f = a.frameworks.find((x) => x.id === f0.id);
      if (!f) continue;
      for (const r of f.results)
        for (const l of leavesOf(r)) {
          const label = `${r.number} ${r.name}${l.part ? `（${l.part}）` : ''}`;
          if (l.observation) rows.push([{ text: label }, { text: tr('report.src.value', { year: l.observation.year }) }, { text: l.observation.printed }, { text: src(l.observation.source) }]);
          if (l.observation?.footnote?.source)
            rows.push([{ text: label }, { text: tr('report.src.footnote') }, { text: `${l.observation.footnote.mark}${l.observation.footnote.printed}` }, { text: src(l.observation.footnote.source) }]);
          if (a !== assessments[assessments.length - 1]) continue;
          if (l.stated.status?.source) rows.push([{ text: label }, { text: tr('report.src.statedStatus') }, { text: l.stated.status.printed }, { text: src(l.stated.status.source) }]);
          if (l.stated.score?.source) rows.push([{ text: label }, { text: tr('report.src.statedScore') }, { text: String(l.stated.score.points) }, { text: src(l.stated.score.source) }]);
        }
      if (a !== assessments[assessments.length - 1]) continue;
      for (const r of f.results) {
        if (r.confirmation) rows.push([{ text: `${r.number} ${r.name}` }, { text: tr('report.src.confirmation') }, { text: r.statusText }, { text: src((r.confirmation as { source?: { document: string; line: number } }).source) }]);
        const s = r.achievability?.stated;
        if (s) rows.push([{ text: `${r.number} ${r.name}` }, { text: tr('report.src.statedClass') }, { text: statedJudgement(r, tr) }, { text: src(s.source) }]);
      }
      for (const s of f.stated) rows.push([{ text: f.name }, { text: tr('report.src.statedSummary') }, { text: s.printed }, { text: src(s.source) }]);
    }
    subsections.push({
      id: `${id}-${fi + 1}`,
      heading: `（${chineseNumber(fi + 1)}）${f0.name}`,
      blocks: [{ type: 'table', columns: sourceColumns(tr), rows, dense: true }],
    });
  });
  const p = inputs.projects;
  const projectRows: Cell[][] = [];
  if (p.stated?.source) projectRows.push([{ text: tr('report.src.projectsTotal') }, { text: tr('report.src.stated') }, { text: p.stated.printed ?? `${p.stated.count} / ${formatWan(p.stated.investmentWan)}` }, { text: src(p.stated.source) }]);
  for (const g of p.groups)
    if (g.stated?.source) projectRows.push([{ text: g.name }, { text: tr('report.src.stated') }, { text: g.stated.printed ?? `${g.stated.count} / ${formatWan(g.stated.investmentWan)}` }, { text: src(g.stated.source) }]);
  const lines = p.projects.map((x) => x.source?.line).filter((x): x is number => typeof x === 'number');
  const doc = p.projects.find((x) => x.source)?.source?.document;
  if (lines.length > 0 && doc)
    projectRows.push([
      { text: tr('report.src.projectList', { count: p.projects.length }) },
      { text: tr('report.src.investments') },
      { text: wanPhrase(p.investmentWan, inputs.lang) },
      { text: tr('report.src.lineRange', { from: src({ document: doc, line: Math.min(...lines) }), to: Math.max(...lines) }) },
    ]);
  if (projectRows.length > 0)
    subsections.push({ id: `${id}-projects`, heading: `（${chineseNumber(frameworks.length + 1)}）${tr('report.src.projects')}`, blocks: [{ type: 'table', columns: sourceColumns(tr), rows: projectRows, dense: true }] });
  return {
    id,
    blocks: [
      { type: 'paragraph', style: 'note', text: tr('report.src.intro') },
      ...[...cited].sort().map((d): Block => ({ type: 'paragraph', style: 'note', text: tr('report.src.document', { document: d, title: inputs.documents[d] ?? '' }) })),
    ],
    subsections,
  };
}

function sourceColumns(tr: Tr) {
  return [
    { label: tr('report.col.item'), width: 10 },
    { label: tr('report.col.figure'), width: 5 },
    { label: tr('report.col.printed'), width: 16 },
    { label: tr('report.col.source'), width: 6 },
  ];
}
