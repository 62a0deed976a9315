// English UI text of the 指标详情 (indicator) page: the same keys as indicator.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNIndicator from './indicator.zh-CN.ts';

const enIndicator: Record<keyof typeof zhCNIndicator, string> = {
  'detail.explained': 'Reading: {text}',
  'detail.parsed': 'Structured form',
  'indicator.heading': '{number}. {name}',
  'indicator.subheading': '{framework} · {region} · {year}',
  'indicator.back': 'Back to the scorecard',
  'indicator.missing': 'The plan\'s framework “{framework}” has no indicator {number}.',
  'indicator.summary': 'Assessment for {year}',
  'indicator.history': 'Year by year',
  'indicator.historyRange': 'Assessed for each year {from}–{to}',
  'indicator.col.year': 'Year',
  'indicator.col.value': 'Value',
  'indicator.col.status': 'Status',
  'indicator.col.reason': 'Reason',
  'indicator.col.target': 'Target',
  'indicator.col.source': 'Source of the value',
  'indicator.trend': 'Trend',
  'indicator.chartLabel': 'Line chart of {name} by year',
  'indicator.noChart': 'Nothing to plot: no value is a plain number.',
  'indicator.series': 'Value',
  'indicator.requirementLine': 'Requirement {v}',
  'indicator.targetLine': '{year} target {v}',
  'indicator.chartNote': 'Only values printed as plain numbers are plotted; the horizontal lines are the requirement and targets that are plain thresholds, labelled as printed.',
  'indicator.engine': 'Engine',
  'indicator.stated': 'The plan\'s judgement',
  'indicator.noStated': 'The plan makes no achievability judgement for this indicator.',
  'indicator.growthValue': '{v}%',
  'indicator.projects': 'Key projects serving it',
  'indicator.projectsNone': 'No key project is listed as serving this indicator.',
  'indicator.projectsTotal': '{n} projects, {v} in total',
};

export default enIndicator;
