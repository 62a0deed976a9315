// Chromium (Skia) names the text of a PDF through each font's ToUnicode map, built from the font's cmap. The Noto
// CJK fonts map a radical and its ideograph to one glyph (⼭ U+2F2D and 山 U+5C71), and Skia picks the lower code
// point: the PDF looks right but copies and searches as "巫⼭县". This rewrites those maps to the ideographs, as an
// incremental update appended to the file (the original bytes stay as they are).
import { PdfObjects, streamObject } from './pdfUpdate.ts';
import { RADICAL_PAIRS } from './radicals.ts';

const SUPPLEMENT = new Map<number, string>();
{
  const cps = Array.from(RADICAL_PAIRS);
  for (let i = 0; i + 1 < cps.length; i += 2) SUPPLEMENT.set(cps[i]!.codePointAt(0)!, cps[i + 1]!);
}

/** The ideograph a radical stands for; any other character unchanged. */
export function ideographOf(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x2f00 && cp <= 0x2fdf) return ch.normalize('NFKC');
  return SUPPLEMENT.get(cp) ?? ch;
}

function decodeUtf16Hex(hex: string): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function encodeUtf16Hex(s: string): string {
  let hex = '';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}

/** A ToUnicode CMap with radicals replaced by ideographs, or null when it has none. */
export function fixCmap(cmap: string): string | null {
  const mappings: Array<[string, string]> = [];
  let touched = false;
  const add = (src: string, dst: string) => {
    const text = decodeUtf16Hex(dst);
    const fixed = Array.from(text).map(ideographOf).join('');
    if (fixed !== text) touched = true;
    mappings.push([src, encodeUtf16Hex(fixed)]);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) add(m[1]!, m[2]!);
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const list = m[4] ? [...m[4].matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!) : undefined;
      for (let code = lo; code <= hi; code++) {
        const src = code.toString(16).toUpperCase().padStart(width, '0');
        if (list) add(src, list[code - lo] ?? '');
        else {
          // consecutive codes map to consecutive characters: the last code unit counts up
          const base = m[3]!;
          const last = parseInt(base.slice(-4), 16) + (code - lo);
          add(src, base.slice(0, -4) + last.toString(16).toUpperCase().padStart(4, '0'));
        }
      }
    }
  if (!touched) return null;
  const start = cmap.search(/\d+\s+begin(bfchar|bfrange)/);
  const end = cmap.indexOf('endcmap');
  if (start < 0 || end < 0) return null;
  const blocks: string[] = [];
  for (let i = 0; i < mappings.length; i += 100) {
    const chunk = mappings.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([s, d]) => `<${s}> <${d}>`).join('\n')}\nendbfchar\n`);
  }
  return cmap.slice(0, start) + blocks.join('') + cmap.slice(end);
}

/** The PDF with every ToUnicode map naming ideographs rather than radicals. Unchanged if there is nothing to fix
 * or the file is not laid out as Chromium writes it (classic xref table, direct stream lengths). */
export function fixToUnicode(pdf: Buffer): Buffer {
  const file = new PdfObjects(pdf);
  const updates: Array<{ n: number; body: Buffer }> = [];
  for (const n of new Set([...file.text.matchAll(/\/ToUnicode\s+(\d+)\s+0\s+R/g)].map((m) => Number(m[1])))) {
    const cmap = file.stream(n)?.data;
    const fixed = cmap === undefined ? null : fixCmap(cmap);
    if (fixed !== null) updates.push(streamObject(n, fixed));
  }
  return (updates.length > 0 && file.update(updates)) || pdf;
}
