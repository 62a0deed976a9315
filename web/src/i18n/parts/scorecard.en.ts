// English UI text of the 指标 (scorecard) page: the same keys as scorecard.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNScorecard from './scorecard.zh-CN.ts';

const enScorecard: Record<keyof typeof zhCNScorecard, string> = {
  'scorecard.search': 'Search indicator names',
  'scorecard.filterStatus': 'Status',
  'scorecard.filterLead': 'Lead unit',
  'scorecard.filterAttribute': 'Attribute',
  'scorecard.export': 'Export filtered (CSV)',
  'scorecard.exportXlsx': 'Export to Excel',
  'scorecard.fileName': '{region}-{year}-indicators.csv',
  'scorecard.shown': 'Showing {shown} of {total}',
  'scorecard.empty': 'No indicator matches the filters.',
  'scorecard.rowLabel': '{number} {name} (press Enter for details)',
  'scorecard.groupCount': '{n} item(s)',
  'detail.title': '{number}. {name}',
  'detail.reason': 'Reason',
  'detail.obsPrinted': 'Printed as',
  'detail.obsYear': 'Year',
  'detail.obsDataYear': 'Data year',
  'detail.flags': 'Flags',
  'detail.footnote': 'Footnote',
  'detail.correction': 'Correction',
  'detail.correctionPrinted': 'Corrected to: {v}',
  'detail.correctionReason': 'Why: {v}',
  'detail.noObservation': 'No value for this year.',
  'detail.stated': 'The plan’s own judgements',
  'detail.statedAchievability': 'Achievability',
  'detail.class': 'Engine class',
  'detail.achievabilityReason': 'Reason',
  'detail.figures': 'Figures',
  'detail.statedClass': 'Plan’s class',
  'detail.part': 'Part: {part}',
  'indicator.open': 'Details',
};

export default enScorecard;
