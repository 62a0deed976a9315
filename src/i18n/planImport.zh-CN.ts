// Messages of the import of a plan: CLI, HTTP, web page and landing, zh-CN. Keys start with "planImport.".
export const planImportZhCN: Record<string, string> = {
  'planImport.missing': '文件中未找到规划的{field}，请在核对时补上。',
  'planImport.field.title': '名称',
  'planImport.field.region': '所属区县',
  'planImport.field.period': '规划期限',
  'planImport.field.targetYears': '目标年',
};
