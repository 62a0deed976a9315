// A plan as a Word document (.docx) read into the document model: paragraphs with their heading level
// (from the paragraph's style, its outline level or its numbering, else from its words), tables as
// tables (spans, vertically merged cells, repeated header rows, 续表 joined), footnotes with the mark
// the text carries. The text is also written out in the text form's layout (`lines`), so that every
// block points at a line as it does for a text-form plan.
import type { Block, Cell, Footnote, ParagraphBlock, PlanDocument, Row, TableBlock } from '../../domain/planImport/document.ts';
import { chineseCounting, continuesTable, headingLevelOfText, heavenlyStem, isCaption, isContentsEntry, isContinuationCaption, markHeaderRows, repeatedHeaderRows } from '../../domain/planImport/layout.ts';
import { t } from '../../i18n/index.ts';
import { unpackOffice } from '../archive.ts';
import { PlanDocumentError } from './errors.ts';
import { parseXml, textOf, type XmlElement } from './xml.ts';

/** WordprocessingML, transitional and strict */
const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const isW = (el: XmlElement, local: string) => el.local === local && W_NS.has(el.ns);
const wChild = (el: XmlElement | undefined, local: string): XmlElement | undefined => el?.children.find((x): x is XmlElement => typeof x !== 'string' && isW(x, local));
const wChildren = (el: XmlElement, local: string): XmlElement[] => el.children.filter((x): x is XmlElement => typeof x !== 'string' && isW(x, local));
const elements = (el: XmlElement): XmlElement[] => el.children.filter((x): x is XmlElement => typeof x !== 'string');
const val = (el: XmlElement | undefined): string | undefined => el?.attrs['val'];
/** an on/off property: present without a value, or "true"/"1"/"on" */
const on = (el: XmlElement | undefined): boolean => !!el && !['false', '0', 'off'].includes(el.attrs['val'] ?? 'true');

const PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/styles.xml', 'word/numbering.xml'];

function decode(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data);
}

// ---- styles: which paragraph styles are headings, and the numbering a style carries ----

interface StyleInfo {
  level?: number;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

function readStyles(root: XmlElement | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const s of wChildren(root, 'style')) {
    if ((s.attrs['type'] ?? 'paragraph') !== 'paragraph') continue;
    const id = s.attrs['styleId'];
    if (!id) continue;
    const name = (val(wChild(s, 'name')) ?? '').trim();
    const pPr = wChild(s, 'pPr');
    const info: StyleInfo = { basedOn: val(wChild(s, 'basedOn')) };
    const byName = /^(?:heading|标题)\s*(\d)$/i.exec(name) ?? /^(?:heading|标题)\s*(\d)$/i.exec(id);
    const outline = Number(val(wChild(pPr, 'outlineLvl')));
    if (byName) info.level = Number(byName[1]);
    else if (Number.isInteger(outline) && outline >= 0 && outline < 9) info.level = outline + 1;
    const numPr = wChild(pPr, 'numPr');
    if (numPr) {
      info.numId = val(wChild(numPr, 'numId'));
      info.ilvl = Number(val(wChild(numPr, 'ilvl')) ?? 0);
    }
    styles.set(id, info);
  }
  return styles;
}

/** a style's property, looked up through the styles it is based on (a cycle stops the lookup) */
function styleProp<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | undefined, key: K): StyleInfo[K] | undefined {
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const s = styles.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    id = s.basedOn;
  }
  return undefined;
}

// ---- numbering: the number Word prints before a numbered paragraph ----

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  style?: string;
}

const letters = (n: number, upper: boolean) => {
  const c = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
};
function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) while (n >= v) ((s += r), (n -= v));
  return s;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'ideographTraditional':
      return heavenlyStem(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

class Numbering {
  private abstract = new Map<string, Map<number, Level>>();
  private nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private counters = new Map<string, number[]>();
  private started = new Set<string>();

  constructor(root: XmlElement | undefined) {
    if (!root) return;
    for (const a of wChildren(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of wChildren(a, 'lvl')) {
        const ilvl = Number(l.attrs['ilvl'] ?? 0);
        levels.set(ilvl, {
          start: Number(val(wChild(l, 'start')) ?? 1) || 0,
          format: val(wChild(l, 'numFmt')) ?? 'decimal',
          text: val(wChild(l, 'lvlText')) ?? '',
          suffix: val(wChild(l, 'suff')) ?? 'tab',
          style: val(wChild(l, 'pStyle')),
        });
      }
      this.abstract.set(a.attrs['abstractNumId'] ?? '', levels);
    }
    for (const num of wChildren(root, 'num')) {
      const starts = new Map<number, number>();
      for (const o of wChildren(num, 'lvlOverride')) {
        const s = val(wChild(o, 'startOverride'));
        if (s !== undefined) starts.set(Number(o.attrs['ilvl'] ?? 0), Number(s) || 0);
      }
      this.nums.set(num.attrs['numId'] ?? '', { abstractId: val(wChild(num, 'abstractNumId')) ?? '', starts });
    }
  }

  /** The level definition of a numbered paragraph, when the numbering exists. */
  level(numId: string, ilvl: number): Level | undefined {
    const num = this.nums.get(numId);
    return num && this.abstract.get(num.abstractId)?.get(ilvl);
  }

  /** Counts the paragraph and gives the number as printed ("一、", "（1）", "[3] "); "" for a bullet. */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstract.get(num.abstractId);
    const lvl = levels?.get(ilvl);
    if (!num || !levels || !lvl || ilvl < 0 || ilvl > 8) return '';
    const key = num.abstractId;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = []));
    if (!this.started.has(numId) && num.starts.size > 0) {
      // a list that restarts its numbering (Word's "restart at")
      for (const [l, s] of num.starts) counts[l] = s - 1;
    }
    this.started.add(numId);
    for (let l = 0; l < ilvl; l++) if (counts[l] === undefined) counts[l] = levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? lvl.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1; // deeper levels start again
    if (lvl.format === 'bullet') return '';
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => formatNumber(counts![Number(d) - 1] ?? levels.get(Number(d) - 1)?.start ?? 1, levels.get(Number(d) - 1)?.format ?? 'decimal'));
    if (text === '') return '';
    return text + (lvl.suffix === 'nothing' ? '' : ' ');
  }
}

// ---- text of paragraphs ----

/** one printed footnote: its id in the footnotes part, and the mark as the text shows it */
interface NoteRef {
  id: string;
  mark: string;
  endnote: boolean;
}

class Reader {
  lines: string[] = [];
  blocks: Block[] = [];
  private noteRefs: NoteRef[] = [];
  private noteCount = 0;
  /** the paragraph just before a table, kept back in case it is the table's caption */
  private pending: { text: string; level?: number; blanks: number } | undefined;
  /** paragraphs with text since the last table: a table continues the one before only with none (or its 续表 caption) between */
  private textSinceTable = Infinity;
  private lastTable: TableBlock | undefined;
  private tableCount = 0;

  constructor(
    private styles: Map<string, StyleInfo>,
    private numbering: Numbering,
  ) {}

  /** The text of a paragraph's runs; footnote references become their marks. */
  runsText(el: XmlElement): string {
    let s = '';
    const walk = (x: XmlElement, customMark: { follows: boolean }) => {
      for (const c of elements(x)) {
        if (!W_NS.has(c.ns)) continue;
        switch (c.local) {
          case 't':
            s += textOf(c);
            break;
          case 'tab':
          case 'ptab':
            s += '\t';
            break;
          case 'br':
            if (!['page', 'column'].includes(c.attrs['type'] ?? '')) s += '\n';
            break;
          case 'cr':
            s += '\n';
            break;
          case 'noBreakHyphen':
            s += '-';
            break;
          case 'sym': {
            const code = parseInt(c.attrs['char'] ?? '', 16);
            // symbol fonts map into the private use area (F0xx): their glyphs are not text
            if (Number.isFinite(code) && code > 0x1f && !(code >= 0xe000 && code <= 0xf8ff)) s += String.fromCodePoint(code);
            break;
          }
          case 'footnoteReference':
          case 'endnoteReference': {
            const id = c.attrs['id'] ?? '';
            const custom = c.attrs['customMarkFollows'];
            if (custom !== undefined && !['false', '0', 'off'].includes(custom)) {
              // the mark is the run's own text that follows (e.g. "*")
              this.noteRefs.push({ id, mark: '', endnote: c.local === 'endnoteReference' });
              customMark.follows = true;
            } else {
              const mark = `[${++this.noteCount}]`;
              this.noteRefs.push({ id, mark, endnote: c.local === 'endnoteReference' });
              s += mark;
            }
            break;
          }
          case 'r': {
            // hidden text (w:vanish) is not printed
            if (on(wChild(wChild(c, 'rPr'), 'vanish'))) break;
            const before = s.length;
            const mark = { follows: false };
            walk(c, mark);
            if (mark.follows) this.noteRefs[this.noteRefs.length - 1]!.mark = s.slice(before).trim() || `[${++this.noteCount}]`;
            break;
          }
          case 'hyperlink':
          case 'smartTag':
          case 'ins':
          case 'moveTo':
          case 'fldSimple':
          case 'customXml':
          case 'dir':
          case 'bdo':
          case 'rubyBase':
            walk(c, customMark);
            break;
          case 'ruby':
            walk(c, customMark);
            break;
          case 'sdt': {
            const content = wChild(c, 'sdtContent');
            if (content) walk(content, customMark);
            break;
          }
          default:
            // deleted text, field instructions, drawings, run properties, ruby annotations: not printed text
            break;
        }
      }
    };
    walk(el, { follows: false });
    return s;
  }

  /** The number, text and heading level of a paragraph. */
  paragraph(p: XmlElement, inCell: boolean): { text: string; level?: number } {
    const pPr = wChild(p, 'pPr');
    const styleId = val(wChild(pPr, 'pStyle'));
    const numPr = wChild(pPr, 'numPr');
    let numId = val(wChild(numPr, 'numId'));
    let ilvl = Number(val(wChild(numPr, 'ilvl')) ?? NaN);
    if (numId === undefined) {
      numId = styleProp(this.styles, styleId, 'numId');
      if (!Number.isInteger(ilvl)) ilvl = styleProp(this.styles, styleId, 'ilvl') ?? 0;
    }
    if (!Number.isInteger(ilvl)) ilvl = 0;
    const prefix = numId !== undefined && numId !== '0' ? this.numbering.next(numId, ilvl) : '';
    const text = prefix + this.runsText(p);
    if (inCell) return { text };
    const outline = Number(val(wChild(pPr, 'outlineLvl')));
    let level: number | undefined = Number.isInteger(outline) && outline >= 0 && outline < 9 ? outline + 1 : styleProp(this.styles, styleId, 'level');
    if (level === undefined && numId !== undefined && numId !== '0') {
      const lvlStyle = this.numbering.level(numId, ilvl)?.style;
      if (lvlStyle) level = styleProp(this.styles, lvlStyle, 'level');
    }
    const firstLine = text.split('\n')[0]!.trim();
    if (level === undefined || isContentsEntry(firstLine)) level = headingLevelOfText(firstLine);
    // a styled "heading" that is a whole paragraph of prose is body text
    if (level !== undefined && firstLine.length > 100) level = undefined;
    return { text, level };
  }

  /** The text of a table cell: its paragraphs (and any table inside it, row by row) as lines. */
  cellText(tc: XmlElement): string {
    const out: string[] = [];
    const walk = (x: XmlElement) => {
      for (const c of elements(x)) {
        if (isW(c, 'p')) out.push(this.paragraph(c, true).text);
        else if (isW(c, 'tbl')) {
          for (const tr of rowsOf(c)) out.push(cellsOf(tr).map((inner) => this.cellText(inner).replace(/\n/g, ' ')).filter((s) => s !== '').join(' '));
        } else if (isW(c, 'sdt')) {
          const content = wChild(c, 'sdtContent');
          if (content) walk(content);
        } else if (isW(c, 'customXml')) walk(c);
      }
    };
    walk(tc);
    return out
      .flatMap((s) => s.split('\n'))
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .join('\n');
  }

  private flushPending(): void {
    if (!this.pending) return;
    const { text, level, blanks } = this.pending;
    this.pending = undefined;
    for (const piece of text.split('\n')) {
      const s = piece.trim();
      if (s === '') {
        this.lines.push('');
        continue;
      }
      const block: ParagraphBlock = { kind: 'paragraph', text: s, line: this.lines.length + 1 };
      if (level !== undefined) block.headingLevel = level;
      this.lines.push(s);
      this.blocks.push(block);
    }
    for (let k = 0; k < blanks; k++) this.lines.push('');
  }

  bodyParagraph(p: XmlElement): void {
    const para = this.paragraph(p, false);
    const text = para.text.trim();
    if (text === '') {
      // empty paragraphs between a caption and its table keep the caption pending
      if (this.pending) this.pending.blanks++;
      else this.lines.push('');
      return;
    }
    this.flushPending();
    this.pending = { text: para.text, level: para.level, blanks: 0 };
    this.textSinceTable++;
  }

  table(tbl: XmlElement): void {
    // the caption: the paragraph just above, when it reads as one
    let caption: string | undefined;
    let captionLine: number | undefined;
    let blanks = 0;
    if (this.pending && !this.pending.text.trim().includes('\n') && this.pending.level === undefined && isCaption(this.pending.text)) {
      caption = this.pending.text.trim();
      blanks = this.pending.blanks;
      this.pending = undefined;
    }
    // a 续表 continues the last table whatever stands between (a note); a table repeating its header only right after it
    const joinable = caption !== undefined && isContinuationCaption(caption) ? this.lastTable : this.textSinceTable === 0 ? this.lastTable : undefined;
    this.flushPending();
    if (caption !== undefined) {
      captionLine = this.lines.length + 1;
      this.lines.push(caption);
      for (let k = 0; k < blanks; k++) this.lines.push('');
    }
    const start = this.lines.length + 1;
    const rows = this.rows(tbl);
    const continued = joinable && (caption === undefined ? continuesTable(joinable, undefined, rows) : isContinuationCaption(caption));
    if (joinable && continued) {
      let flagged = 0;
      while (flagged < rows.length && rows[flagged]!.header) flagged++;
      const skip = Math.max(flagged, repeatedHeaderRows(joinable, rows));
      for (const x of rows.slice(skip)) joinable.rows.push(x);
      (joinable.continuations ??= []).push(captionLine ?? start);
    } else {
      const block: TableBlock = { kind: 'table', index: ++this.tableCount, rows, line: start };
      if (caption !== undefined) {
        block.caption = caption;
        block.captionLine = captionLine;
      }
      markHeaderRows(rows);
      this.blocks.push(block);
      this.lastTable = block;
    }
    this.lines.push('');
    this.textSinceTable = 0;
  }

  /** The rows of a table written out in the text form's layout, with their cells laid on the grid. */
  private rows(tbl: XmlElement): Row[] {
    const rows: Row[] = [];
    for (const tr of rowsOf(tbl)) {
      if (rows.length > 0) this.lines.push('');
      const trPr = wChild(tr, 'trPr');
      let column = 1 + (Number(val(wChild(trPr, 'gridBefore'))) || 0);
      const cells: Cell[] = [];
      for (const tc of cellsOf(tr)) {
        const tcPr = wChild(tc, 'tcPr');
        const span = Math.max(1, Math.min(1000, Number(val(wChild(tcPr, 'gridSpan'))) || 1));
        const vMerge = wChild(tcPr, 'vMerge');
        const hMerge = wChild(tcPr, 'hMerge');
        if (hMerge && (val(hMerge) ?? 'continue') === 'continue' && cells.length > 0) {
          // the old way of merging across: the cell widens the one before it
          const last = cells[cells.length - 1]!;
          last.span = (last.span ?? 1) + span;
          column += span;
          continue;
        }
        const merged = !!vMerge && (val(vMerge) ?? 'continue') === 'continue';
        const text = merged ? '' : this.cellText(tc);
        const line = this.lines.length + 1;
        const parts = text === '' ? [''] : text.split('\n');
        this.lines.push(`\t${parts[0]}`);
        for (let k = 1; k < parts.length; k++) this.lines.push(parts[k]!);
        const cell: Cell = { text, line, column };
        if (span > 1) cell.span = span;
        if (merged) cell.merged = true;
        cells.push(cell);
        column += span;
      }
      if (cells.length === 0) {
        if (rows.length > 0) this.lines.pop();
        continue;
      }
      const row: Row = { cells, line: cells[0]!.line };
      if (on(wChild(trPr, 'tblHeader'))) row.header = true;
      rows.push(row);
    }
    return rows;
  }

  body(el: XmlElement): void {
    for (const c of elements(el)) {
      if (!W_NS.has(c.ns)) continue;
      if (c.local === 'p') this.bodyParagraph(c);
      else if (c.local === 'tbl') this.table(c);
      else if (c.local === 'sdt') {
        const content = wChild(c, 'sdtContent');
        if (content) this.body(content);
      } else if (c.local === 'customXml' || c.local === 'ins' || c.local === 'moveTo') this.body(c);
    }
  }

  finish(): void {
    this.flushPending();
  }

  /** The footnotes the text refers to, written after the body as "mark text" lines. */
  footnotes(notes: Map<string, string>, endnotes: Map<string, string>): Footnote[] {
    const out: Footnote[] = [];
    const seen = new Set<string>();
    for (const ref of this.noteRefs) {
      const key = `${ref.endnote ? 'e' : 'f'}${ref.id}`;
      const text = (ref.endnote ? endnotes : notes).get(ref.id);
      if (text === undefined || seen.has(key)) continue;
      seen.add(key);
      if (out.length === 0) {
        while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
        this.lines.push('');
      }
      const line = this.lines.length + 1;
      this.lines.push(`${ref.mark} ${text.replace(/\n/g, ' ')}`);
      out.push({ mark: ref.mark, text, line });
    }
    return out;
  }
}

/** the rows of a table, also those wrapped in content controls */
function rowsOf(tbl: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(tbl)) {
    if (isW(c, 'tr')) out.push(c);
    else if (isW(c, 'sdt')) {
      const content = wChild(c, 'sdtContent');
      if (content) for (const x of rowsOf(content)) out.push(x);
    } else if (isW(c, 'customXml')) for (const x of rowsOf(c)) out.push(x);
  }
  return out;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(tr)) {
    if (isW(c, 'tc')) out.push(c);
    else if (isW(c, 'sdt')) {
      const content = wChild(c, 'sdtContent');
      if (content) for (const x of cellsOf(content)) out.push(x);
    } else if (isW(c, 'customXml')) for (const x of cellsOf(c)) out.push(x);
  }
  return out;
}

/** id → text of the notes in a footnotes or endnotes part (separators left out) */
function readNotes(root: XmlElement | undefined, local: 'footnote' | 'endnote', reader: Reader): Map<string, string> {
  const notes = new Map<string, string>();
  if (!root) return notes;
  for (const n of wChildren(root, local)) {
    const type = n.attrs['type'];
    if (type && type !== 'normal') continue;
    notes.set(n.attrs['id'] ?? '', reader.cellText(n));
  }
  return notes;
}

/** Reads a .docx; throws ArchiveError for a damaged or oversized archive, PlanDocumentError for damaged or hostile XML. */
export function readDocx(name: string, data: Buffer): PlanDocument {
  const parts = new Map(unpackOffice(data, 'docx', (n) => PARTS.includes(n)).map((p) => [p.name, p.data]));
  const xml = (part: string): XmlElement | undefined => {
    const bytes = parts.get(part);
    return bytes ? parseXml(decode(bytes), part) : undefined;
  };
  const document = xml('word/document.xml')!;
  const body = wChild(document, 'body');
  if (!isW(document, 'document') || !body) throw new PlanDocumentError(t('planDocument.damagedPart', { part: 'word/document.xml' }), 'damaged');
  const reader = new Reader(readStyles(xml('word/styles.xml')), new Numbering(xml('word/numbering.xml')));
  reader.body(body);
  reader.finish();
  // the notes' own text is read with a reader of its own, so that references inside notes are not counted
  const noteReader = new Reader(new Map(), new Numbering(undefined));
  const footnotes = reader.footnotes(readNotes(xml('word/footnotes.xml'), 'footnote', noteReader), readNotes(xml('word/endnotes.xml'), 'endnote', noteReader));
  while (reader.lines.length > 0 && reader.lines[reader.lines.length - 1] === '') reader.lines.pop();
  return { name, format: 'docx', lines: reader.lines, blocks: reader.blocks, footnotes };
}
