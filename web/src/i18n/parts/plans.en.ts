// English UI text of the 规划 (plans) page: the same keys as plans.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNPlans from './plans.zh-CN.ts';

const enPlans: Record<keyof typeof zhCNPlans, string> = {
  'plans.title': 'Plans',
  'plans.region': 'Region',
  'plans.issuer': 'Issued by',
  'plans.scope': 'Scope',
  'plans.period': 'Period',
  'plans.periodText': '{start}–{end}',
  'plans.baseYear': 'Base year',
  'plans.targetYears': 'Target years',
  'plans.frameworks': 'Frameworks',
  'plans.office': 'Office',
  'plans.document': 'Document',
  'plans.documentText': '{id}: {title}',
  'plans.selected': 'Current plan',
  'plans.open': 'Open the overview',
  'plans.empty': 'No plans yet.',
};

export default enPlans;
