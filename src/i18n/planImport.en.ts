// Messages of the import of a plan: CLI, HTTP, web page and landing, English; see planImport.zh-CN.ts.
export const planImportEn: Record<string, string> = {
};
