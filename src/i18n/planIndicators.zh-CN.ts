// Messages of reading indicator tables and the plan's own judgements, zh-CN. Keys start with "planIndicators.".
export const planIndicatorsZhCN: Record<string, string> = {
  'planIndicators.tableAt': '第{line}行起的表格',
  'planIndicators.defaultName': '规划指标表{n}',
  'planIndicators.tooManyTables': '文件中有{count}张表格，超过可读取的{max}张，其余表格未读取。',
  'planIndicators.tableTooLarge': '{table}过大（超过{max}行或每行超过{cells}格），未作为指标表读取，请拆分后再导入。',
  'planIndicators.missingItem': '{table}缺少{framework}的第{number}项“{name}”，请核对是否漏列。',
  'planIndicators.unmatchedItem': '{table}第{number}项“{name}”与{framework}同序号的指标不一致，请核对。',
  'planIndicators.footnoteMissing': '{table}第{number}项“{name}”的注释标记“{mark}”在表后找不到对应的注释说明。',
  'planIndicators.phrase': '{table}：{detail}',
  'planIndicators.tooManyIndicatorTables': '文件中的指标表超过{max}张，{table}及其后的指标表未读取。',
};
