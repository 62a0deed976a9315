// Messages of reading plan facts, projects, key tasks and prose targets, zh-CN. Keys start with "planContent.".
export const planContentZhCN: Record<string, string> = {
  'planContent.projects.defaultGroup': '重点工程项目',
  'planContent.projects.tooMany': '项目表超过{max}行，其后的行未读取，请拆分后再导入。',
  'planContent.projects.investmentUnreadable': '项目“{name}”的投资额“{printed}”不是数字，已按原文保留，请核对。',
  'planContent.projects.noTotal': '（项目表未列合计）',
  'planContent.projects.noTotalRow': '项目表没有“合计”行，已按{count}个项目的投资之和作为合计，请核对。',
  'planContent.projects.groupCount': '“{group}”标明{stated}项，表中列出{rows}项。',
  'planContent.projects.groupSum': '“{group}”标明投资{stated}万元，表中各项合计{rows}万元，相差{difference}万元。',
  'planContent.projects.totalCount': '项目表合计标明{stated}项，表中列出{rows}项。',
  'planContent.projects.totalSum': '项目表合计标明投资{stated}万元，表中各项相加为{rows}万元，相差{difference}万元。',
  'planContent.projects.proseCount': '正文所述项目总数为{stated}个，各类所述个数相加为{groups}个。',
  'planContent.projects.proseSum': '正文所述总投资为{stated}万元，各类所述投资相加为{groups}万元。',
  'planContent.tasks.tooMany': '重点任务超过{max}条，其后的内容未读取，请核对。',
  'planContent.tasks.none': '未找到重点任务章节（如“第四章 重点任务”或以“建设”“构建”等开头的任务章），请核对。',
  'planContent.targets.unlinked': '正文所列目标“{name}”（{printed}，{year}）未对应到任何指标，请核对是否需要关联。',
  'planContent.targets.noYear': '未注明年份',
  'planContent.info.periodConflict': '规划期限前后不一：标题为{title}，正文为{text}。',
};
