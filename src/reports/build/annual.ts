// 年度自评估报告: the annual self-assessment of a plan for one year.
import { chineseNumber, formatDate, wanPhrase } from '../format.ts';
import type { Block, ReportDocument, Section } from '../model.ts';
import { isScored, translator, type ReportInputs, type Tr } from './inputs.ts';
import {
  achievabilityBlocks,
  attentionNumbers,
  classesSentence,
  frameworkSummary,
  indicatorTable,
  projectsSection,
  scoreBlocks,
  sourcesSection,
  statedQuotes,
  statusCountsChart,
  trendBlocks,
  type Untitled,
} from './sections.ts';

/** Numbers the top-level sections 一、二、… in order; the appendix keeps its own heading. */
export function numberSections(sections: Array<Untitled & { title: string; appendix?: boolean }>): Section[] {
  let n = 0;
  return sections.map(({ title, appendix, ...s }) => ({ ...s, heading: appendix ? title : `${chineseNumber(++n)}、${title}` }));
}

/** A report with a cover and contents: the plan's title, the report's name, region, office and date. */
export function coveredReport(kind: ReportDocument['kind'], inputs: ReportInputs, subtitle: string, sections: Section[], tr: Tr): ReportDocument {
  const lines = [tr('report.cover.region', { region: inputs.plan.region })];
  if (inputs.plan.office) lines.push(tr('report.cover.office', { office: inputs.plan.office.unit }));
  return {
    kind,
    lang: inputs.lang,
    title: `${inputs.plan.title} ${subtitle}`,
    runningTitle: `${inputs.plan.region} ${subtitle}`,
    cover: { title: inputs.plan.title, subtitle, lines, date: formatDate(inputs.generatedOn, inputs.lang) },
    contents: true,
    sections,
  };
}

/** Trend charts where there are two or more years, or a sentence saying there is no trend yet. */
export function trendsOrNote(inputs: ReportInputs, frameworkId: string, numbers: string[], tr: Tr): Block[] {
  const f = inputs.assessment.frameworks.find((x) => x.id === frameworkId)!;
  if (inputs.history.length < 2) return [{ type: 'paragraph', style: 'note', text: tr('report.noTrend', { years: inputs.history.map((a) => a.year).join('、') }) }];
  return trendBlocks(f, inputs.history, numbers, tr);
}

export function annualReport(inputs: ReportInputs): ReportDocument {
  const tr = translator(inputs.lang);
  const a = inputs.assessment;
  const p = inputs.projects;

  const summary: Block[] = [{ type: 'paragraph', text: tr('report.annual.intro', { year: a.year, region: a.region, title: a.title, frameworks: a.frameworks.map((f) => f.name).join('、') }) }];
  for (const f of a.frameworks) {
    summary.push({ type: 'paragraph', text: frameworkSummary(f, a, tr) + classesSentence(f, tr) });
    if (isScored(f)) summary.push({ type: 'paragraph', text: f.summary });
    summary.push(...statedQuotes(f, inputs, tr));
  }
  summary.push({ type: 'paragraph', text: tr('report.projects.total', { count: p.count, groups: p.groups.length, investment: wanPhrase(p.investmentWan, inputs.lang) }) });
  summary.push({ type: 'chart', caption: tr('report.chart.statusCaption', { year: a.year }), chart: statusCountsChart(a.frameworks, tr) });

  const scored = a.frameworks.filter(isScored);
  const sections = numberSections([
    { id: 'summary', title: tr('report.h.summary'), blocks: summary },
    {
      id: 'indicators',
      title: tr('report.h.indicators'),
      blocks: [],
      landscape: true,
      subsections: a.frameworks.map((f, i) => ({
        id: `indicators-${f.id}`,
        heading: `（${chineseNumber(i + 1)}）${f.name}`,
        landscape: true,
        blocks: [indicatorTable(f, tr, { year: a.year, withNotes: true })],
      })),
    },
    ...scored.map((f) => ({ id: `score-${f.id}`, title: tr('report.h.score', { framework: f.name }), blocks: scoreBlocks(f, inputs, tr) })),
    {
      id: 'achievability',
      title: tr('report.h.achievability'),
      blocks: [{ type: 'paragraph', style: 'note', text: tr('report.ach.method') }],
      landscape: true,
      subsections: a.frameworks.map((f, i) => ({
        id: `achievability-${f.id}`,
        heading: `（${chineseNumber(i + 1)}）${f.name}`,
        landscape: true,
        blocks: [...achievabilityBlocks(f, inputs, tr), ...trendsOrNote(inputs, f.id, attentionNumbers(f), tr)],
      })),
    },
    { ...projectsSection('projects', p, inputs, tr), title: tr('report.h.projects') },
    { ...sourcesSection('sources', inputs, [a], tr), title: tr('report.h.sources'), appendix: true },
  ]);
  return coveredReport('annual', inputs, tr('report.annual.subtitle', { year: a.year }), sections, tr);
}
