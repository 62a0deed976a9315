// English UI text of the 部门考核 (departments) page: the same keys as departments.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNDepartments from './departments.zh-CN.ts';

const enDepartments: Record<keyof typeof zhCNDepartments, string> = {
  'part.indicators': 'Indicators led',
  'part.projects': 'Projects',
  'part.tasks': 'Work-plan items',
  'part.reporting': 'Progress reporting',
  'departments.heading': '{region} · {year} department assessment',
  'departments.weights': 'Weights',
  'departments.weightsHint': 'Each part is scored out of 100 and weighted; a part in which a unit has nothing to score is left out and its weight shared by the others.',
  'departments.weightsSum': 'Sum {n}',
  'departments.saveWeights': 'Save weights',
  'departments.weightsSaved': 'Weights saved.',
  'departments.export': 'Export Excel',
  'departments.ranking': 'Ranking ({n} units, as of {date})',
  'departments.intro': 'Click a row or its expand button (Tab to it, Enter to open) for the reason behind each part’s score.',
  'departments.col.rank': 'Rank',
  'departments.col.unit': 'Unit',
  'departments.col.total': 'Total',
  'departments.col.part': '{part} (weight {weight})',
  'departments.partScore': '{part}: {score} (weight {weight}). ',
  'departments.notScored': 'Not scored',
  'departments.empty': 'No units to assess.',
};

export default enDepartments;
