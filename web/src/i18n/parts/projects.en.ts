// English UI text of the 项目 (projects) page: the same keys as projects.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNProjects from './projects.zh-CN.ts';

const enProjects: Record<keyof typeof zhCNProjects, string> = {
  'projectsPage.heading': '{region} · Key projects',
  'projectsPage.byGroup': 'By group',
  'projectsPage.byCategory': 'By category',
  'projectsPage.byLead': 'By lead unit',
  'projectsPage.byYear': 'By year',
  'projectsPage.yearNote': 'Each project\'s investment is spread evenly over its years (the plan gives no yearly split).',
  'projectsPage.yearChartLabel': 'Bar chart of investment by year',
  'projectsPage.yearAxis': '{year}',
  'projectsPage.groupCount': '{n} projects',
  'projectsPage.groupStated': 'Stated: {count}, {investment}',
  'projectsPage.countDiff': 'Count difference: {v}',
  'projectsPage.moneyDiff': 'Investment difference: {v}',
  'projectsPage.investment': 'Investment',
  'projectsPage.noLead': 'No lead unit listed',
  'projectsPage.name': 'Name',
  'projectsPage.list': 'Project list',
  'projectsPage.search': 'Search project name or content',
  'projectsPage.filterGroup': 'Group',
  'projectsPage.filterLead': 'Lead unit',
  'projectsPage.filterYear': 'Year',
  'projectsPage.shown': 'Showing {shown} of {total} projects',
  'projectsPage.empty': 'No project matches.',
  'projectsPage.rowLabel': '{name} (press Enter for details)',
  'projectsPage.col.group': 'Group',
  'projectsPage.col.subCategory': 'Sub-category',
  'projectsPage.col.content': 'Content',
  'projectsPage.col.origin': 'Origin',
  'projectsPage.col.indicators': 'Indicators served',
  'projectsPage.col.source': 'Source',
};

export default enProjects;
