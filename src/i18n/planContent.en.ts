// Messages of reading plan facts, projects, key tasks and prose targets, English; see planContent.zh-CN.ts.
export const planContentEn: Record<string, string> = {
  'planContent.projects.defaultGroup': 'Key projects',
  'planContent.projects.tooMany': 'The project table has more than {max} rows; the rest were not read. Split it and import again.',
  'planContent.projects.investmentUnreadable': 'The investment of project "{name}" ("{printed}") is not a number; kept as printed, please check.',
  'planContent.projects.noTotal': '(the project table prints no total)',
  'planContent.projects.noTotalRow': 'The project table has no total row; the sum of its {count} projects is used. Please check.',
  'planContent.projects.groupCount': '"{group}" states {stated} projects; the table lists {rows}.',
  'planContent.projects.groupSum': '"{group}" states {stated} 10k yuan; its rows add up to {rows} 10k yuan, a difference of {difference}.',
  'planContent.projects.totalCount': 'The table total states {stated} projects; the table lists {rows}.',
  'planContent.projects.totalSum': 'The table total states {stated} 10k yuan; the rows add up to {rows} 10k yuan, a difference of {difference}.',
  'planContent.projects.proseCount': 'The text states {stated} projects in all; the groups it names add up to {groups}.',
  'planContent.projects.proseSum': 'The text states a total of {stated} 10k yuan; the groups it names add up to {groups}.',
  'planContent.tasks.tooMany': 'More than {max} key-task entries; the rest were not read. Please check.',
  'planContent.tasks.none': 'No key-task chapter found (such as "Chapter 4 Key tasks" or chapters beginning with 建设/构建…). Please check.',
  'planContent.targets.unlinked': 'The target for "{name}" ({printed}, {year}) stated in the text matches no indicator; please check whether it should be linked.',
  'planContent.targets.noYear': 'no year given',
  'planContent.info.periodConflict': 'The plan period differs: {title} in the title, {text} in the text.',
};
