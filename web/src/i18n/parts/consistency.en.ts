// English UI text of the 一致性检查 (consistency) page: the same keys as consistency.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNConsistency from './consistency.zh-CN.ts';

const enConsistency: Record<keyof typeof zhCNConsistency, string> = {
  'consistency.heading': '{region} · Plan consistency',
  'consistency.summary': '{year}: {checks} checks, {n} findings. Each cites its document and lines.',
  'consistency.summaryNone': '{year}: {checks} checks, nothing found.',
  'consistency.count': '{n}',
  'consistency.passed': 'Nothing found',
  'consistency.severity.error': 'error',
  'consistency.severity.warning': 'warning',
  'consistency.severity.info': 'note',
  'consistency.filterKind': 'Filter by kind',
  'consistency.allKinds': 'All kinds',
  'consistency.kindOption': '{kind} ({n})',
  'consistency.shown': '{shown} of {total} shown',
  'consistency.export': 'Export CSV (opens in Excel)',
  'consistency.fileName': '{region}-{year}-plan-consistency.csv',
  'consistency.empty': 'Nothing found in this plan.',
  'consistency.linesLabel': 'Lines: {lines}',
  'consistency.openIndicator': 'Open indicator {number}. {name}',
  'consistency.subject.project': 'project {number} {name}',
  'consistency.subject.indicator': 'indicator {number} {name}',
  'consistency.subject.indicatorPart': 'indicator {number} {name} ({part})',
  'consistency.subject.plan': 'all projects',
  'consistency.subject.footnote': 'footnote {mark}',
  'consistency.subjectSeparator': '; ',
  'consistency.col.kind': 'Kind',
  'consistency.col.severity': 'Severity',
  'consistency.col.message': 'Finding',
  'consistency.col.lines': 'Lines',
  'consistency.col.subjects': 'About',
};

export default enConsistency;
