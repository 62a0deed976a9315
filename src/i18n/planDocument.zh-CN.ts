// Messages of reading plan documents (.docx, .pdf, text form), zh-CN. Keys start with "planDocument.".
export const planDocumentZhCN: Record<string, string> = {
  'planDocument.archive': "文件“{name}”无法读取：{detail}",
  'planDocument.tooLarge': '文件“{name}”有 {size} MB，超过规划文档 {max} MB 的上限；请删去图片等无关内容或拆分后再上传。',
  'planDocument.tooManyLines': '文件“{name}”有 {count} 行，超过规划文档 {max} 行的上限；请拆分后再上传。',
  'planDocument.empty': '文件“{name}”是空的，没有任何内容。',
  'planDocument.notDocument': '文件“{name}”不是可以读取的规划文档：请提供 Word 文档（.docx）、带文字的 PDF，或规划的纯文本。',
  'planDocument.oldWord': '文件“{name}”是旧版 Word 文档（.doc），无法直接读取；请在 Word 中“另存为”.docx 格式后再上传。',
  'planDocument.encryptedOffice': '文件“{name}”设置了打开密码，无法读取；请在 Word 中取消密码后再上传。',
  'planDocument.damagedPart': '这份 Word 文档已损坏，其中的内容（{part}）无法读取；请在 Word 中打开并另存为 .docx 后再上传。',
  'planDocument.doctype': '这份 Word 文档含有 Word 从不写入的文档类型声明（{part}），为安全起见不予读取；请在 Word 中另存为 .docx 后再上传。',
  'planDocument.tooDeep': '这份 Word 文档的内容层层嵌套超过 {max} 层（{part}），不是正常的 Word 文档，不予读取。',
  'planDocument.tooManyElements': '这份 Word 文档的内容过于庞大（{part} 超过 {max} 个元素），不予读取；请删去无关内容或拆分后再上传。',
  'planDocument.pdfEncrypted': '该PDF已加密，需要密码才能打开，无法读取；请提供未加密的文件。',
  'planDocument.pdfDamaged': '该PDF已损坏或不完整，无法读取；请重新导出PDF，或提供Word文档。',
  'planDocument.pdfPages': '该PDF有 {count} 页，超过 {max} 页的上限；请拆分后再上传。',
  'planDocument.noTextLayer': '该PDF没有文字层（可能是扫描件），请提供Word文档或带文字的PDF',
};
