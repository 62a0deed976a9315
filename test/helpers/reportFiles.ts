// Opening produced reports as a reader's tools would: the Word XML inside the .docx, the text of each PDF page.
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a piece of WordprocessingML: its w:t runs, paragraphs separated by newlines. */
export function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''))
    .filter((p) => p !== '')
    .join('\n');
}

export interface WordCell {
  text: string;
  /** 'restart' starts a cell merged downwards; 'continue' is covered by the one above */
  vMerge: 'restart' | 'continue' | null;
  fill: string | null;
}

export interface Docx {
  xml: string;
  text: string;
  tables: WordCell[][][];
  footers: string[];
  media: string[];
}

export async function openDocx(data: Buffer | Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const v = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(c[1]!);
        return {
          text: wordText(c[1]!),
          vMerge: v ? ((v[1] ?? 'continue') as 'restart' | 'continue') : null,
          fill: /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(c[1]!)?.[1]?.toUpperCase() ?? null,
        };
      }),
    ),
  );
  const footers = await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async('string')));
  return { xml, text: wordText(xml), tables, footers, media: zip.file(/^word\/media\//).map((f) => f.name) };
}

/** The table whose header row starts with these labels. */
export function tableWithHeader(docx: Docx, ...labels: string[]): WordCell[][] {
  const t = docx.tables.find((x) => labels.every((l, i) => x[0]?.[i]?.text === l));
  if (!t) throw new Error(`no table with the header ${labels.join(' / ')}`);
  return t;
}

export interface PdfPage {
  text: string;
  /** the page's lines, top to bottom, each the items at one height joined left to right */
  lines: string[];
}

export async function openPdf(data: Buffer | Uint8Array): Promise<{ pages: PdfPage[]; outline: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const items = (await page.getTextContent()).items.flatMap((x) => ('str' in x && x.str.trim() !== '' ? [{ str: x.str, x: x.transform[4] as number, y: Math.round(x.transform[5] as number) }] : []));
      const rows = new Map<number, Array<{ str: string; x: number }>>();
      for (const it of items) rows.set(it.y, [...(rows.get(it.y) ?? []), it]);
      const lines = [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, r]) => r.sort((a, b) => a.x - b.x).map((x) => x.str).join(''));
      pages.push({ text: items.map((x) => x.str).join(''), lines });
    }
    const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
    return { pages, outline };
  } finally {
    await doc.destroy();
  }
}

/** Text without white space, as a reader searching the PDF would match it. */
export const squeeze = (s: string): string => s.replace(/\s+/g, '');
