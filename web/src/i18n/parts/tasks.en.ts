// English UI text of the 任务 (tasks) page: the same keys as tasks.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNTasks from './tasks.zh-CN.ts';

const enTasks: Record<keyof typeof zhCNTasks, string> = {
  'tasksPage.heading': '{region} · Key tasks',
  'tasksPage.count': '{n} tasks',
  'tasksPage.found': '{shown} of {total} tasks found',
  'tasksPage.search': 'Search task text',
  'tasksPage.empty': 'This plan lists no key tasks.',
  'tasksPage.noMatch': 'No task contains “{q}”.',
  'tasksPage.deadline': 'Deadline: {v}',
  'tasksPage.lead': 'Lead: {v}',
  'tasksPage.cooperating': 'Cooperating: {v}',
  'tasksPage.indicators': 'Indicators: {v}',
  'tasksPage.expandAll': 'Expand all',
  'tasksPage.collapseAll': 'Collapse all',
  'tasksPage.numbered': '{number} {title}',
  'tasksPage.numberedList': '{number}. {title}',
  'tasksPage.numberedParen': '{number} {title}',
};

export default enTasks;
