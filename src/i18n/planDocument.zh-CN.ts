// Messages of reading plan documents (.docx, .pdf, text form), zh-CN. Keys start with "planDocument.".
export const planDocumentZhCN: Record<string, string> = {
};
