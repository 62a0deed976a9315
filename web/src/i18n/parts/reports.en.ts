// English UI text of the 报告 (reports) page: the same keys as reports.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNReports from './reports.zh-CN.ts';

const enReports: Record<keyof typeof zhCNReports, string> = {
  'reportsPage.heading': '{region} · Reports',
  'reportsPage.intro': 'Every figure in a report comes from the assessment engine and the plan’s own data; PDFs are typeset by Chromium on the server and take a few seconds.',
  'reportsPage.kind.annual': 'Annual self-assessment report',
  'reportsPage.kind.application': 'Application achievement table',
  'reportsPage.kind.midterm': 'Mid-term / final evaluation',
  'reportsPage.kind.public': 'Public summary',
  'reportsPage.about.annual': 'Cover, contents, summary, the indicator table, score and deductions, achievability, key projects and investment, and an appendix of sources.',
  'reportsPage.about.application': 'One sheet per framework in the plan’s layout: merged domain and task cells, coloured statuses, counts and total score, printed A4 landscape.',
  'reportsPage.about.midterm': 'The baseline, each year and the targets side by side, with each change of status and why; a final evaluation from the last target year.',
  'reportsPage.about.public': 'One public page: counts, score, headline indicators and key projects, without internal notes.',
  'reportsPage.download': 'Download {format}',
  'reportsPage.preview': 'Preview',
  'reportsPage.previewTitle': 'Preview: {kind} ({year})',
  'reportsPage.previewFrame': '{kind} preview',
  'reportsPage.noFigures': 'No values for {year} yet, so no report can be made.',
  'reportsPage.useYear': 'Use {year}',
  'reportsPage.noYears': 'This plan has no values yet; reports can be made once figures are entered.',
  'reportsPage.openNew': 'Open in a new window',
};

export default enReports;
