// The text of each page of a PDF (pdf.js), to find where the sections landed for the contents page.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((x) => ('str' in x ? x.str : '')).join(''));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
