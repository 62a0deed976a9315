// A plan as a PDF with a text layer, read into the document model (pdf.js, legacy build for Node). A PDF
// keeps only where each piece of text is drawn, so the structure is inferred from positions:
// - pieces at the same height make a line; a wide gap within a line separates table columns;
// - consecutive lines with two or more such segments make a table: its columns are the bands of the page
//   no segment crosses (pieces a column border is drawn between are parted however close); a ruled table
//   reaches down to its last rule joined to the one above by a column border, so a cell far taller than the
//   rest of its row stays in the table; its rows are parted by the horizontal rules drawn across it, or else
//   start where the gap above a line is wider than the spacing inside a cell (a table whose rows all have
//   one line: every line is a row); a line of one segment across the
//   columns between table lines is a row spanning the table (a group row);
// - other lines make paragraphs: a line that is indented, follows a short line or a wider gap starts one;
// - page numbers (a line of only a number, "- 3 -", "第3页") are left out; tables continued on the next
//   page (续表, or the header row repeated) are joined.
// docs/plan-import.md says what is and is not understood.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, Cell, ParagraphBlock, PlanDocument, Row, TableBlock } from '../../domain/planImport/document.ts';
import { continuesTable, headingLevelOfText, isCaption, isContinuationCaption, markHeaderRows, repeatedHeaderRows } from '../../domain/planImport/layout.ts';
import { LIMITS } from '../../domain/limits.ts';
import { t } from '../../i18n/index.ts';
import { PlanDocumentError } from './errors.ts';

interface Piece {
  x: number;
  end: number;
  y: number;
  size: number;
  text: string;
}

/** a horizontal rule drawn on a page (a table's border between rows), y from the top */
interface Rule {
  y: number;
  x1: number;
  x2: number;
}

/** a vertical rule (a border between table columns), y from the top */
interface VRule {
  x: number;
  y1: number;
  y2: number;
}

interface PageRules {
  horizontal: Rule[];
  vertical: VRule[];
}

interface Segment {
  x: number;
  end: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  size: number;
  segments: Segment[];
  x: number;
  end: number;
}

/** pdf.js text items of every page, as pieces with their position (y grows downwards, pages stacked) */
/** the largest and smallest of many numbers (spreading a long list into Math.max overflows the stack) */
const most = (xs: number[]): number => xs.reduce((a, b) => (b > a ? b : a), -Infinity);
const least = (xs: number[]): number => xs.reduce((a, b) => (b < a ? b : a), Infinity);

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);

/** The horizontal rules a page draws: stroked horizontal segments, and thin filled bars (Word draws borders both ways). */
function rulesOf(fnArray: number[], argsArray: unknown[], top: number): PageRules {
  const rules: Rule[] = [];
  const vertical: VRule[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const apply = (x: number, y: number): [number, number] => [ctm[0]! * x + ctm[2]! * y + ctm[4]!, ctm[1]! * x + ctm[3]! * y + ctm[5]!];
  for (let k = 0; k < fnArray.length && rules.length + vertical.length < 100_000; k++) {
    const fn = fnArray[k];
    const args = argsArray[k] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform && Array.isArray(args) && args.length === 6 && args.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const [a, b, c, d, e, f] = args as number[];
      const m = ctm;
      ctm = [a! * m[0]! + b! * m[2]!, a! * m[1]! + b! * m[3]!, c! * m[0]! + d! * m[2]!, c! * m[1]! + d! * m[3]!, e! * m[0]! + f! * m[2]! + m[4]!, e! * m[1]! + f! * m[3]! + m[5]!];
    } else if (fn === OPS.constructPath && Array.isArray(args)) {
      const op = args[0] as number;
      const path = (args[1] as unknown[] | undefined)?.[0];
      if (!(path instanceof Float32Array || Array.isArray(path)) || (!STROKES.has(op) && !FILLS.has(op))) continue;
      const d = path as ArrayLike<number>;
      // the path's points, subpath by subpath
      const subpaths: Array<Array<[number, number]>> = [];
      let current: Array<[number, number]> = [];
      for (let i = 0; i < d.length; ) {
        const code = d[i]!;
        const n = code === 0 || code === 1 ? 2 : code === 2 ? 6 : code === 3 ? 4 : 0;
        if (code === 0 && current.length > 0) (subpaths.push(current), (current = []));
        if (n > 0) current.push(apply(d[i + n - 1]!, d[i + n]!));
        i += 1 + n;
        if (code > 4) break;
      }
      if (current.length > 0) subpaths.push(current);
      for (const pts of subpaths) {
        if (STROKES.has(op)) {
          for (let i = 1; i < pts.length; i++) {
            const [x1, y1] = pts[i - 1]!;
            const [x2, y2] = pts[i]!;
            if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > 5) rules.push({ y: top - y1, x1: Math.min(x1, x2), x2: Math.max(x1, x2) });
            else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > 5) vertical.push({ x: x1, y1: top - Math.max(y1, y2), y2: top - Math.min(y1, y2) });
          }
        } else {
          const ys = pts.map((p) => p[1]);
          const xs = pts.map((p) => p[0]);
          const h = most(ys) - least(ys);
          const w = most(xs) - least(xs);
          if (h < 3 && w > 5) rules.push({ y: top - (most(ys) + least(ys)) / 2, x1: least(xs), x2: most(xs) });
          else if (w < 3 && h > 5) vertical.push({ x: (most(xs) + least(xs)) / 2, y1: top - most(ys), y2: top - least(ys) });
        }
      }
    }
  }
  // borders drawn cell by cell become one rule per line of the grid; a page with more than MAX_RULES of either is a
  // drawing, not a table, and is read as unruled
  const horizontal = mergeRules(rules.map((r) => ({ at: r.y, from: r.x1, to: r.x2 }))).map((r) => ({ y: r.at, x1: r.from, x2: r.to }));
  const columns = mergeRules(vertical.map((v) => ({ at: v.x, from: v.y1, to: v.y2 }))).map((v) => ({ x: v.at, y1: v.from, y2: v.to }));
  return horizontal.length > MAX_RULES || columns.length > MAX_RULES ? { horizontal: [], vertical: [] } : { horizontal, vertical: columns };
}

const MAX_RULES = 1000;

/** collinear rules that touch or overlap, as one */
function mergeRules(rules: Array<{ at: number; from: number; to: number }>): Array<{ at: number; from: number; to: number }> {
  rules.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Array<{ at: number; from: number; to: number }> = [];
  for (const r of rules) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.at - r.at) < 0.75 && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

async function readPieces(data: Buffer): Promise<{ pages: Piece[][]; rules: PageRules[]; width: number }> {
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0, stopAtErrors: false }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new PlanDocumentError(t('planDocument.pdfEncrypted'), 'encrypted');
    throw new PlanDocumentError(t('planDocument.pdfDamaged'), 'damaged');
  }
  try {
    if (doc.numPages > LIMITS.pdfPages) throw new PlanDocumentError(t('planDocument.pdfPages', { count: doc.numPages, max: LIMITS.pdfPages }), 'tooLarge');
    const pages: Piece[][] = [];
    const rules: PageRules[] = [];
    let width = 0;
    for (let i = 1; i <= doc.numPages; i++) {
      let page;
      let content;
      try {
        page = await doc.getPage(i);
        content = await page.getTextContent();
      } catch (e) {
        if (e instanceof PlanDocumentError) throw e;
        throw new PlanDocumentError(t('planDocument.pdfDamaged'), 'damaged');
      }
      const view = page.view;
      const top = view[3] ?? 0;
      width = Math.max(width, (view[2] ?? 0) - (view[0] ?? 0));
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        if (![a, b, c, d, e, f].every((v) => Number.isFinite(v))) continue;
        const size = Math.hypot(c!, d!) || Math.abs(item.height) || 10;
        pieces.push({ x: e!, end: e! + Math.abs(item.width), y: top - f!, size, text: item.str });
      }
      pages.push(pieces);
      // the rules help to tell a table's rows apart; a page whose drawing cannot be read has none
      let pageRules: PageRules = { horizontal: [], vertical: [] };
      if (pieces.length > 0) {
        try {
          const ops = await page.getOperatorList();
          pageRules = rulesOf(ops.fnArray, ops.argsArray, top);
        } catch {
          pageRules = { horizontal: [], vertical: [] };
        }
      }
      rules.push(pageRules);
      page.cleanup();
    }
    return { pages, rules, width };
  } finally {
    await doc.destroy();
  }
}

const CAPTION_START = /^(?:附表|续表|表)\s*[\d０-９]*(?:[-－.．][\d０-９]+)?$/;
const latinEnd = /[A-Za-z0-9%.,)\]]$/;
const latinStart = /^[A-Za-z0-9(\[]/;

/** pieces at the same height as lines, each split into segments at wide gaps */
function toLines(pieces: Piece[], page: number, vertical: VRule[]): Line[] {
  const sorted = [...pieces].sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: Piece[][] = [];
  for (const p of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - p.y) <= Math.max(g[0]!.size, p.size) * 0.5) g.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => {
    g.sort((p, q) => p.x - q.x);
    const size = most(g.map((p) => p.size));
    const segments: Segment[] = [];
    for (const p of g) {
      const s = segments[segments.length - 1];
      const gap = s ? p.x - s.end : Infinity;
      // a column border drawn between two pieces parts them however close they stand
      const border = s && vertical.some((v) => v.x > s.end - 1 && v.x < p.x + 1 && v.y1 <= p.y && v.y2 >= p.y - p.size * 0.5);
      if (s && gap < size * 1.2 && !border) {
        // a gap of half a character or more was a space (or an indent between a number and its title)
        s.text += gap > size * 0.4 || (gap > size * 0.2 && latinEnd.test(s.text) && latinStart.test(p.text)) ? ` ${p.text}` : p.text;
        s.end = Math.max(s.end, p.end);
      } else segments.push({ x: p.x, end: p.end, text: p.text });
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
    // a caption (表1  …, 续表) is one piece of text, however wide the gap after its number
    if (segments.length > 1 && CAPTION_START.test(segments[0]!.text)) segments.splice(0, segments.length, { x: segments[0]!.x, end: segments[segments.length - 1]!.end, text: segments.map((s) => s.text).join(' ') });
    return { page, y: g[0]!.y, size, segments, x: segments[0]!.x, end: most(segments.map((s) => s.end)) };
  });
}

/** a page number as printed at the foot or head of a page */
const PAGE_NUMBER = /^(?:[-—–]\s*)?\d{1,4}(?:\s*[-—–])?$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;

/** The bands of x that segments of table lines occupy: one per column, left to right. */
function columnBands(lines: Line[]): Array<[number, number]> {
  const spans = lines.filter((l) => l.segments.length >= 2).flatMap((l) => l.segments.map((s): [number, number] => [s.x, s.end]));
  spans.sort((p, q) => p[0] - q[0]);
  const bands: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const last = bands[bands.length - 1];
    if (last && a <= last[1] + 0.5) last[1] = Math.max(last[1], b);
    else bands.push([a, b]);
  }
  return bands;
}

const bandOf = (bands: Array<[number, number]>, s: Segment): number => {
  // the band holding most of the segment
  let best = -1;
  let overlap = 0;
  bands.forEach(([a, b], k) => {
    const o = Math.min(b, s.end) - Math.max(a, s.x);
    if (o > overlap) ((overlap = o), (best = k));
  });
  return best;
};

interface TableDraft {
  rows: Array<{ cells: string[][]; span: boolean; lineIndex: number }>;
  columns: number;
  page: number;
}

/** the lines from `start` that form a table, and its rows; undefined when the lines there are not one */
function tableAt(lines: Line[], start: number, pageRules: PageRules[]): { end: number; draft: TableDraft } | undefined {
  const first = lines[start]!;
  if (first.segments.length < 2) return undefined;
  let end = start + 1;
  let lastMulti = start;
  // a ruled table reaches down to its last rule: the rules across the first line's extent, each close below the one before
  const across = (pageRules[first.page]?.horizontal ?? []).filter((r) => Math.min(r.x2, first.end) - Math.max(r.x1, first.x) > (first.end - first.x) * 0.5).sort((a, b) => a.y - b.y);
  let bottom = -Infinity;
  const vertical = pageRules[first.page]?.vertical ?? [];
  for (const r of across) {
    if (r.y < first.y - first.size * 2) continue;
    // the next rule belongs to the table when a column border joins the two, or (a table without borders) it is close
    const from = bottom === -Infinity ? first.y - first.size * 2 : bottom;
    const joined = vertical.some((v) => v.y1 <= from + 1 && v.y2 >= r.y - 1 && v.x >= first.x - first.size * 2 && v.x <= first.end + first.size * 2);
    if (!joined && r.y - Math.max(bottom, first.y) > first.size * 30) break;
    bottom = r.y;
  }
  while (end < lines.length && bottom > -Infinity) {
    const l = lines[end]!;
    if (l.page !== first.page || l.y > bottom) break;
    if (l.segments.length >= 2) lastMulti = end;
    end++;
  }
  if (bottom > -Infinity) lastMulti = end - 1;
  while (end < lines.length && bottom === -Infinity) {
    const l = lines[end]!;
    const prev = lines[end - 1]!;
    if (l.page !== first.page || l.y - prev.y > Math.max(prev.size, l.size) * 3) break;
    if (l.segments.length >= 2) lastMulti = end;
    else if (end - lastMulti > 6) break;
    end++;
  }
  end = lastMulti + 1;
  const region = lines.slice(start, end);
  if (region.filter((l) => l.segments.length >= 2).length < 2) return undefined;
  const bands = columnBands(region);
  if (bands.length < 2) return undefined;
  // single-segment lines after the last table line that do not fit in a column are the text after the table
  const gaps = region.slice(1).map((l, k) => l.y - region[k]!.y);
  const minGap = least(gaps);
  const uniform = most(gaps) < minGap * 1.25;
  // a ruled table: the rules across most of its width, from its first line to its last, part its rows
  const left = bands[0]![0];
  const right = bands[bands.length - 1]![1];
  const rules = (pageRules[first.page]?.horizontal ?? []).filter((r) => Math.min(r.x2, right) - Math.max(r.x1, left) > (right - left) * 0.5 && r.y > first.y - first.size * 2 && r.y < region[region.length - 1]!.y + first.size);
  const ruled = rules.length >= 2;
  const draft: TableDraft = { rows: [], columns: bands.length, page: first.page };
  region.forEach((l, k) => {
    const spanning = l.segments.length === 1 && bands.filter(([a, b]) => Math.min(b, l.end) - Math.max(a, l.x) > 0).length > 1;
    const prev = region[k - 1];
    const ruleAbove = !!prev && rules.some((r) => r.y > prev.y && r.y < l.y - l.size * 0.6);
    const byGaps = uniform || gaps[k - 1]! >= minGap * 1.25;
    const newRow = k === 0 || (ruled ? ruleAbove : byGaps) || spanning || draft.rows[draft.rows.length - 1]!.span;
    if (newRow) draft.rows.push({ cells: bands.map(() => []), span: spanning, lineIndex: start + k });
    const row = draft.rows[draft.rows.length - 1]!;
    if (spanning) row.cells[0]!.push(l.segments[0]!.text);
    else for (const s of l.segments) row.cells[Math.max(0, bandOf(bands, s))]!.push(s.text);
  });
  return { end, draft };
}

class Writer {
  lines: string[] = [];
  blocks: Block[] = [];
  private tables = 0;
  private lastTable: TableBlock | undefined;
  private textSinceTable = 0;

  paragraph(text: string): void {
    const s = text.trim();
    if (s === '') return;
    const block: ParagraphBlock = { kind: 'paragraph', text: s, line: this.lines.length + 1 };
    const level = headingLevelOfText(s);
    if (level !== undefined) block.headingLevel = level;
    this.lines.push(s);
    this.blocks.push(block);
    this.textSinceTable++;
  }

  table(draft: TableDraft): void {
    // the caption: the paragraph just above, when it reads as one
    let caption: ParagraphBlock | undefined;
    const before = this.blocks[this.blocks.length - 1];
    if (before?.kind === 'paragraph' && before.headingLevel === undefined && isCaption(before.text)) caption = before;
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
    const start = this.lines.length + 1;
    const rows: Row[] = draft.rows.map((r, k) => {
      if (k > 0) this.lines.push('');
      const cells: Cell[] = [];
      const texts = r.span ? [r.cells[0]!] : r.cells;
      texts.forEach((parts, c) => {
        const text = parts.join('\n').trim();
        const line = this.lines.length + 1;
        const ls = text === '' ? [''] : text.split('\n');
        this.lines.push(`\t${ls[0]}`);
        for (let k = 1; k < ls.length; k++) this.lines.push(ls[k]!);
        const cell: Cell = { text, line, column: c + 1 };
        if (r.span) cell.span = draft.columns;
        cells.push(cell);
      });
      return { cells, line: cells[0]!.line };
    });
    this.lines.push('');
    // a 续表 continues the last table whatever stands between (a note, a running head); a table repeating its header only right after it
    const continued = caption ? isContinuationCaption(caption.text) : this.textSinceTable === 0 && !!this.lastTable && continuesTable(this.lastTable, undefined, rows);
    const joinable = continued ? this.lastTable : undefined;
    if (joinable) {
      if (caption) this.blocks.splice(this.blocks.lastIndexOf(caption), 1);
      for (const x of rows.slice(repeatedHeaderRows(joinable, rows))) joinable.rows.push(x);
      (joinable.continuations ??= []).push(caption?.line ?? start);
    } else {
      const block: TableBlock = { kind: 'table', index: ++this.tables, rows, line: start };
      if (caption) {
        this.blocks.splice(this.blocks.lastIndexOf(caption), 1);
        block.caption = caption.text;
        block.captionLine = caption.line;
      }
      markHeaderRows(rows);
      this.blocks.push(block);
      this.lastTable = block;
    }
    this.textSinceTable = 0;
  }
}

/** Reads a PDF's text layer; throws PlanDocumentError when it has none, is encrypted or damaged. */
export async function readPdf(name: string, data: Buffer): Promise<PlanDocument> {
  const { pages, rules } = await readPieces(data);
  const lines: Line[] = [];
  pages.forEach((pieces, p) => {
    for (const l of toLines(pieces, p, rules[p]?.vertical ?? [])) if (!(l.segments.length === 1 && PAGE_NUMBER.test(l.segments[0]!.text))) lines.push(l);
  });
  if (lines.length === 0) throw new PlanDocumentError(t('planDocument.noTextLayer'), 'noTextLayer');
  // first the tables, then the text's left and right edges from the lines outside them
  const tables = new Map<number, { end: number; draft: TableDraft }>();
  for (let i = 0; i < lines.length; ) {
    const found = tableAt(lines, i, rules);
    if (found) {
      tables.set(i, found);
      i = found.end;
    } else i++;
  }
  const inTable = new Set<number>();
  for (const [start, f] of tables) for (let k = start; k < f.end; k++) inTable.add(k);
  const text = lines.filter((_, i) => !inTable.has(i));
  const left = text.length > 0 ? least(text.map((l) => l.x)) : 0;
  const right = text.length > 0 ? most(text.map((l) => l.end)) : 0;
  const out = new Writer();
  let para = '';
  let prev: Line | undefined;
  const flush = () => {
    out.paragraph(para);
    para = '';
  };
  for (let i = 0; i < lines.length; ) {
    const found = tables.get(i);
    if (found) {
      flush();
      out.table(found.draft);
      i = found.end;
      prev = undefined;
      continue;
    }
    const l = lines[i]!;
    const words = l.segments.map((s) => s.text).join(' ');
    const indented = l.x > left + l.size * 1.5;
    const gap = prev && prev.page === l.page ? l.y - prev.y : 0;
    const startsNew = !prev || indented || prev.end < right - prev.size * 2 || gap > Math.max(prev.size, l.size) * 2 || headingLevelOfText(words) !== undefined || headingLevelOfText(para) !== undefined;
    if (startsNew) flush();
    para += para !== '' && latinEnd.test(para) && latinStart.test(words) ? ` ${words}` : words;
    prev = l;
    i++;
  }
  flush();
  return { name, format: 'pdf', lines: out.lines, blocks: out.blocks, footnotes: [] };
}
