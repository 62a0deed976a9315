// Messages of reading plan documents (.docx, .pdf, text form), English; see planDocument.zh-CN.ts.
export const planDocumentEn: Record<string, string> = {
  'planDocument.archive': "The file \"{name}\" cannot be read: {detail}",
  'planDocument.tooLarge': 'The file "{name}" is {size} MB, more than the limit of {max} MB for a plan document; remove pictures and other unrelated content or split it, then upload again.',
  'planDocument.tooManyLines': 'The file "{name}" has {count} lines, more than the limit of {max} for a plan document; split it and upload the parts.',
  'planDocument.empty': 'The file "{name}" is empty.',
  'planDocument.notDocument': 'The file "{name}" is not a plan document that can be read: provide a Word document (.docx), a PDF with text, or the plan as plain text.',
  'planDocument.oldWord': 'The file "{name}" is an old Word document (.doc), which cannot be read directly; save it as .docx in Word, then upload again.',
  'planDocument.encryptedOffice': 'The file "{name}" is protected by a password and cannot be read; remove the password in Word, then upload again.',
  'planDocument.damagedPart': 'This Word document is damaged: its content ({part}) cannot be read; open it in Word, save it as .docx and upload again.',
  'planDocument.doctype': 'This Word document contains a document type declaration ({part}), which Word never writes; for safety it is not read. Save it as .docx in Word and upload again.',
  'planDocument.tooDeep': 'This Word document nests its content more than {max} levels deep ({part}); it is not a normal Word document and is not read.',
  'planDocument.tooManyElements': 'This Word document is too large in content ({part} has more than {max} elements) and is not read; remove unrelated content or split it, then upload again.',
  'planDocument.pdfEncrypted': 'This PDF is encrypted and needs a password to open; provide an unencrypted file.',
  'planDocument.pdfDamaged': 'This PDF is damaged or incomplete and cannot be read; export the PDF again, or provide the Word document.',
  'planDocument.pdfPages': 'This PDF has {count} pages, more than the limit of {max}; split it and upload the parts.',
  'planDocument.noTextLayer': 'This PDF has no text layer (it may be a scan); provide a Word document or a PDF with text.',
};
