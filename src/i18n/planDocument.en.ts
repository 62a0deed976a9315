// Messages of reading plan documents (.docx, .pdf, text form), English; see planDocument.zh-CN.ts.
export const planDocumentEn: Record<string, string> = {
};
