// Messages of the import of a plan: CLI, HTTP, web page and landing, zh-CN. Keys start with "planImport.".
export const planImportZhCN: Record<string, string> = {
};
