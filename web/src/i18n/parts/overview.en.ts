// English UI text of the 总览 (overview) page: the same keys as overview.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNOverview from './overview.zh-CN.ts';

const enOverview: Record<keyof typeof zhCNOverview, string> = {
  'source.stated': 'Stated in the plan (document {document}, line {line})',
  'source.statedYear': 'Stated in the plan ({year}, document {document}, line {line})',
  'overview.classColumn': 'Class',
  'overview.statedColumn': 'Stated in the plan (line {line})',
  'overview.statedTitle': 'Against the plan text',
  'overview.statedScore': 'Score stated in the plan: {stated}; computed: {engine}',
  'overview.compareItem': '{label}: plan {stated} / computed {engine}',
  'overview.differs': 'differs',
  'overview.noStated': 'The plan states no summary for this year.',
  'overview.attention': 'Attention first',
  'overview.attentionNone': 'No indicator needs attention first.',
  'overview.attention.binding': 'Binding, not met',
  'overview.attention.notMet': 'Not met',
  'overview.attention.difficult': 'Difficult to meet',
  'overview.bigscreen': 'Wall display',
  'overview.bigscreenHint': 'Show on a 1920×1080 wall display (refreshed every minute)',
  'projects.difference': 'Difference',
  'projects.chartLabel': 'Bar chart of investment by project group',
  'projects.seriesStated': 'Stated in the plan',
  'projects.group': 'Group',
  'projects.number': 'No.',
  'projects.statedCount': 'Stated projects',
  'projects.statedInvestment': 'Stated investment',
  'projects.total': 'Total',
  'projects.prose': 'Stated in the plan text',
  'indicator.openLabel': 'Details of {name}',
};

export default enOverview;
