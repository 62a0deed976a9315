// Messages of the import of a plan: CLI, HTTP, web page and landing, English; see planImport.zh-CN.ts.
export const planImportEn: Record<string, string> = {
  'planImport.missing': "The document does not state the plan's {field}; add it when reviewing.",
  'planImport.field.title': 'title',
  'planImport.field.region': 'district or county',
  'planImport.field.period': 'period',
  'planImport.field.targetYears': 'target years',
};
