// The contents' page numbers from one printing. The report is printed once with the numbers left blank (their
// place is kept: the number column has a fixed width, so nothing else moves); the page each section landed on is
// read from the PDF's outline, and the numbers are then written onto the contents page(s) as an incremental update
// of the PDF: one more content stream per contents page, in the font Chromium used for the headings' digits, on
// each heading's baseline, right-aligned where the blank column ends. Chromium lays the document out once instead
// of twice. Where this cannot be done exactly (a digit's glyph not in the PDF, a file not laid out as Chromium
// writes it), `null` is returned and the caller prints again with the numbers (the old way).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ReportDocument } from '../model.ts';
import { contentsEntries, PORTRAIT } from './html.ts';
import { PdfObjects, streamObject } from './pdfUpdate.ts';
import { ideographOf } from './toUnicode.ts';

type OutlineNode = { title: string; dest: string | unknown[] | null; items: OutlineNode[] };

/** Where a contents line is drawn: its page (0-based), baseline, font size and the right edge of its number. */
interface Placement {
  pageIndex: number;
  pageRef: number;
  y: number;
  size: number;
  right: number;
  text: string;
}

export interface ContentsLayout {
  /** page numbers (1-based) of the sections by id */
  pages: Record<string, number>;
  /** where each number goes; empty when the lines were not all found */
  placements: Placement[];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Text as read before toUnicode.ts corrects the file: a radical may stand for its ideograph (⼀ for 一). */
const asWritten = (s: string) => Array.from(squeeze(s)).map(ideographOf).join('');

/** Page numbers of the sections (from the outline Chromium writes for the headings) and where the contents lines are. */
export async function contentsLayout(pdf: Uint8Array, doc: ReportDocument): Promise<ContentsLayout> {
  const d = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const flat: OutlineNode[] = [];
    const walk = (nodes: OutlineNode[] | null) => nodes?.forEach((n) => (flat.push(n), walk(n.items)));
    walk((await d.getOutline()) as OutlineNode[] | null);
    const entries = contentsEntries(doc);
    const pages: Record<string, number> = {};
    let i = 0;
    for (const entry of entries) {
      while (i < flat.length && squeeze(flat[i]!.title) !== squeeze(entry.heading)) i++;
      const node = flat[i];
      if (!node) break;
      const dest = typeof node.dest === 'string' ? await d.getDestination(node.dest) : node.dest;
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') pages[entry.id] = (await d.getPageIndex(ref as never)) + 1;
      i++;
    }
    // The contents lines: on the pages before the first section, each heading's text on one baseline. The numbers
    // end where the text block does: Chromium lays the page out in whole CSS pixels (96 to the inch, ¾ pt each),
    // the left edge (where the chapters' headings start) read from the page, the text width rounded as it rounds it.
    const px = (mm: number) => (mm / 25.4) * 96;
    const textWidthPt = Math.round(px(PORTRAIT.widthMm) - 2 * px(PORTRAIT.sideMm)) * 0.75;
    const firstSection = Math.min(...Object.values(pages), d.numPages + 1);
    const placements: Placement[] = [];
    let left: number | undefined;
    let e = 0;
    for (let p = doc.cover ? 1 : 0; p < firstSection - 1 && e < entries.length; p++) {
      const page = await d.getPage(p + 1);
      const lines = new Map<number, { x: number; y: number; size: number; text: string }>();
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [size, , , , x, y] = item.transform as number[];
        const key = Math.round(y!);
        const line = lines.get(key);
        if (line) (line.text += item.str), (line.x = Math.min(line.x, x!));
        else lines.set(key, { x: x!, y: y!, size: size!, text: item.str });
      }
      left ??= Math.min(...[...lines.values()].map((l) => l.x)); // the first contents page starts with a chapter
      const right = left + textWidthPt;
      for (const line of [...lines.values()].sort((a, b) => b.y - a.y)) {
        const entry = entries[e];
        if (!entry || asWritten(line.text) !== asWritten(entry.heading)) continue;
        const number = pages[entry.id];
        if (number === undefined) return { pages, placements: [] };
        placements.push({ pageIndex: p, pageRef: page.ref?.num ?? -1, y: line.y, size: line.size, right, text: String(number) });
        e++;
      }
    }
    return { pages, placements: e === entries.length ? placements : [] };
  } finally {
    await d.destroy();
  }
}

/** Character code → text of a one-byte ToUnicode map. */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), text(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, base] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
    }
  return map;
}

/** A font of the page that draws every digit: its resource name, the code of each digit and their widths (per 1 of size). */
function digitFont(file: PdfObjects, pageDict: string, digits: string): { name: string; code: Map<string, number>; width: Map<string, number> } | null {
  const fonts = /\/Font\s*<<([\s\S]*?)>>/.exec(pageDict)?.[1];
  if (!fonts) return null;
  for (const m of fonts.matchAll(/\/(\S+)\s+(\d+)\s+0\s+R/g)) {
    const font = file.object(Number(m[2]));
    if (!font || !/\/Subtype\s*\/Type3/.test(font)) continue;
    const descriptor = /\/FontDescriptor\s+(\d+)\s+0\s+R/.exec(font)?.[1];
    const fontName = descriptor ? (/\/FontName\s*\/(\S+)/.exec(file.object(Number(descriptor)) ?? '')?.[1] ?? '') : '';
    if (!/Sans/.test(fontName) || /Bold/.test(fontName)) continue; // the contents are set in the regular sans
    const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font)?.[1];
    const matrix = /\/FontMatrix\s*\[\s*([-\d.]+)/.exec(font)?.[1];
    const firstChar = Number(/\/FirstChar\s+(\d+)/.exec(font)?.[1]);
    const widths = /\/Widths\s*\[([^\]]*)\]/.exec(font)?.[1]?.trim().split(/\s+/).map(Number);
    const cmap = toUnicode && file.stream(Number(toUnicode))?.data;
    if (!cmap || !matrix || !widths || !Number.isFinite(firstChar)) continue;
    const codes = new Map<string, number>();
    for (const [c, u] of toUnicodeMap(cmap)) if (/^\d$/.test(u) && (widths[c - firstChar] ?? 0) > 0 && !codes.has(u)) codes.set(u, c);
    if (![...digits].every((ch) => codes.has(ch))) continue;
    const width = new Map([...codes].map(([u, c]) => [u, widths[c - firstChar]! * Math.abs(Number(matrix))]));
    return { name: m[1]!, code: codes, width };
  }
  return null;
}

const num = (x: number) => Number(x.toFixed(3)).toString();

/** The PDF with the contents' numbers drawn at their places, or null when that cannot be done exactly. */
export function writeContentsNumbers(pdf: Buffer, placements: Placement[]): Buffer | null {
  if (placements.length === 0) return null;
  const file = new PdfObjects(pdf);
  let next = file.size();
  if (next === null) return null;
  const objects: Array<{ n: number; body: Buffer }> = [];
  const stream = (content: string) => {
    const n = next!++;
    objects.push(streamObject(n, content));
    return n;
  };
  const byPage = new Map<number, Placement[]>();
  for (const p of placements) byPage.set(p.pageRef, [...(byPage.get(p.pageRef) ?? []), p]);
  for (const [ref, lines] of byPage) {
    const page = file.object(ref);
    if (!page || !/\/Type\s*\/Page\b/.test(page)) return null;
    const font = digitFont(file, page, [...new Set(lines.flatMap((l) => [...l.text]))].join(''));
    if (!font) return null;
    const contents = /\/Contents\s+(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page);
    if (!contents) return null;
    // Chromium's drawing is wrapped in q … Q so that the numbers are drawn in the page's own coordinates (points,
    // origin at the bottom left), in the text colour; they are marked as an artifact, as the dot leaders are.
    const draw = lines.map((l) => {
      const w = [...l.text].reduce((sum, ch) => sum + font.width.get(ch)! * l.size, 0);
      const codes = [...l.text].map((ch) => font.code.get(ch)!.toString(16).padStart(2, '0')).join('');
      return `BT\n/${font.name} ${num(l.size)} Tf\n1 0 0 1 ${num(l.right - w)} ${num(l.y)} Tm\n<${codes}> Tj\nET`;
    });
    const before = stream('q\n');
    const after = stream(`Q\n/Artifact BMC\nq\n0.1059 0.1059 0.1059 rg\n${draw.join('\n')}\nQ\nEMC\n`);
    const list = contents[1]!.startsWith('[') ? contents[1]!.slice(1, -1).trim() : contents[1]!;
    objects.push({ n: ref, body: Buffer.from(`${ref} 0 obj${page.replace(contents[0], `/Contents [${before} 0 R ${list} ${after} 0 R]`)}endobj\n`, 'latin1') });
  }
  return file.update(objects);
}
