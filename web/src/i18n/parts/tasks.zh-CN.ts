// Chinese UI text of the 任务 (tasks) page. tasks.en.ts carries the same keys.
const zhCNTasks = {
  'tasksPage.heading': '{region} · 重点任务',
  'tasksPage.count': '{n} 条任务',
  'tasksPage.found': '找到 {shown} / {total} 条任务',
  'tasksPage.search': '搜索任务内容',
  'tasksPage.empty': '本规划未列重点任务。',
  'tasksPage.noMatch': '没有包含“{q}”的任务。',
  'tasksPage.deadline': '完成时限：{v}',
  'tasksPage.lead': '牵头单位：{v}',
  'tasksPage.cooperating': '配合单位：{v}',
  'tasksPage.indicators': '对应指标：{v}',
  'tasksPage.expandAll': '全部展开',
  'tasksPage.collapseAll': '全部收起',
  'tasksPage.numbered': '{number} {title}',
  'tasksPage.numberedList': '{number}、{title}',
  'tasksPage.numberedParen': '{number}{title}',
} as const;

export default zhCNTasks;
