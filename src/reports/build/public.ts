// 信息公开: a one-page public summary — counts, score, headline indicators, projects — without internal notes
// (no reasons, footnotes, confirmations, responsible units or the plan office's own judgements).
import { formatDate, wanPhrase } from '../format.ts';
import type { Block, Cell, ReportDocument, Tone } from '../model.ts';
import { isScored, perPart, translator, type IndicatorResult, type ReportInputs } from './inputs.ts';
import { statusCountsChart } from './sections.ts';

const HEADLINES = 10;
/** The binding attribute (约束性) as the frameworks print it. */
const BINDING = '约束性';

/** Printed values without the plan's footnote marks (【4】, [1]): the notes themselves are not published. */
export function withoutMarks(s: string): string {
  return s.replace(/【\d+】|\[\d+\]/g, '').trim();
}

/** Headline indicators: numeric ones, binding first, in number order, one of each name across frameworks. */
function headlines(inputs: ReportInputs): IndicatorResult[] {
  const chosen: IndicatorResult[] = [];
  const names = new Set<string>();
  for (const f of inputs.assessment.frameworks) {
    const numeric = f.results.filter((r) => r.status !== 'notApplicable' && (r.achievability?.figures as { current?: number } | null)?.current !== undefined && !('parts' in r && r.parts));
    const ordered = [...numeric.filter((r) => r.attribute === BINDING), ...numeric.filter((r) => r.attribute !== BINDING)];
    for (const r of ordered) {
      if (chosen.length >= HEADLINES) break;
      if (names.has(r.name)) continue;
      names.add(r.name);
      chosen.push(r);
    }
  }
  return chosen;
}

export function publicSummary(inputs: ReportInputs): ReportDocument {
  const tr = translator(inputs.lang);
  const a = inputs.assessment;
  const p = inputs.projects;
  const facts: Array<{ label: string; value: string; tone?: Tone }> = [];
  for (const f of a.frameworks) {
    facts.push({ label: tr('report.pub.metOf', { framework: f.name }), value: tr('report.pub.metValue', { met: f.met, applicable: f.applicable }), tone: f.notMet > 0 ? 'notMet' : 'met' });
    if (isScored(f)) {
      const score = f.score ?? `${f.scoreRange?.[0]}–${f.scoreRange?.[1]}`;
      facts.push({ label: tr('report.pub.score', { framework: f.name }), value: tr('report.pub.scoreValue', { score, max: f.maxScore ?? '', pass: f.passScore ?? '' }), ...(f.passed === null ? {} : { tone: f.passed ? 'met' : 'notMet' }) });
    }
  }
  facts.push({ label: tr('report.pub.projects'), value: tr('report.pub.projectsValue', { count: p.count, investment: wanPhrase(p.investmentWan, inputs.lang) }) });
  // where the plan lists more than it names, or names no investments, the plan's own totals are the figure to publish beside
  if (p.statedCount !== null && (p.countDifference !== 0 || p.investmentWan === null))
    facts.push({ label: tr('report.pub.statedProjects'), value: tr('report.pub.projectsValue', { count: p.statedCount, investment: wanPhrase(p.statedInvestmentWan, inputs.lang) }) });

  const blocks: Block[] = [{ type: 'facts', items: facts }];
  for (const f of a.frameworks) {
    const notMet = f.results.filter((r) => r.status === 'notMet').map((r) => r.name);
    blocks.push({
      type: 'paragraph',
      text:
        tr('report.summary.counts', { year: a.year, region: a.region, framework: f.name, applicable: f.applicable, met: f.met, notMet: f.notMet }) +
        (notMet.length > 0 ? tr('report.summary.notMetNames', { names: notMet.join('、') }) : '') +
        (f.indeterminate + f.noData > 0 ? tr('report.pub.pending', { n: f.indeterminate + f.noData }) : '') +
        tr('report.fullStop') +
        (isScored(f) ? f.summary : ''),
    });
  }
  blocks.push({ type: 'chart', caption: tr('report.chart.statusCaption', { year: a.year }), chart: statusCountsChart(a.frameworks, tr) });
  const rows: Cell[][] = headlines(inputs).map((r) => [
    { text: r.name },
    { text: withoutMarks(perPart(r, (l) => l.value)) },
    { text: perPart(r, (l) => l.requirement) },
    { text: r.statusText, tone: r.status as Tone },
  ]);
  if (rows.length > 0)
    blocks.push({
      type: 'table',
      caption: tr('report.pub.headlines', { year: a.year }),
      columns: [
        { label: tr('table.name'), width: 14 },
        { label: tr('table.value'), width: 6, align: 'center' },
        { label: tr('table.requirement'), width: 6, align: 'center' },
        { label: tr('table.status'), width: 4, align: 'center' },
      ],
      rows,
      dense: true,
    });
  blocks.push({ type: 'paragraph', style: 'note', text: tr('report.pub.footer', { title: a.title, date: formatDate(inputs.generatedOn, inputs.lang) }) });
  const title = tr('report.pub.title', { region: a.region, year: a.year });
  return {
    kind: 'public',
    lang: inputs.lang,
    title,
    runningTitle: title,
    contents: false,
    onePage: true,
    heading: { title, subtitle: a.title },
    sections: [{ id: 'public', heading: '', blocks }],
  };
}
