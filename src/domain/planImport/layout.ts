// How a plan's layout is recognised from its words, the same for every reader (text form, .docx, .pdf):
// headings by their numbering (第X章, 一、, （一）), table captions (表N …, 续表), header rows by their
// header words, and the Chinese numerals Word prints for numbered paragraphs. Pure. The Chinese patterns and
// numerals here are data about how plan documents are written, never shown as messages: they are kept in
// this one place.
import type { Row, TableBlock } from './document.ts';

/** Chinese numerals as plans number chapters and sections (一 … 十九, 二十一, 百, 〇/零) */
const NUMERAL = '[一二三四五六七八九十百零〇两\\d０-９]+';

/** 第一章 … (a chapter), 第一节 … (a section of a chapter), 一、 … , （一） … */
const CHAPTER = new RegExp(`^第${NUMERAL}[章篇部]`);
const SECTION = new RegExp(`^第${NUMERAL}节`);
const ITEM = /^[一二三四五六七八九十百]+[、.．]/;
const SUBITEM = /^[（(][一二三四五六七八九十百]+[）)]/;
/** a heading does not end as a sentence does */
const SENTENCE_END = /[。；;：:，,！？!?、]$/;
/** headings are short; a paragraph that merely begins with "一、" is longer than this */
export const HEADING_MAX_CHARS = 40;

/** A chapter or section title (第X章, 第X节): never a further line of a table cell, so it ends a table in the text form. */
export function isChapterOrSection(text: string): boolean {
  const s = text.trim();
  return s.length <= HEADING_MAX_CHARS && !SENTENCE_END.test(s) && (CHAPTER.test(s) || SECTION.test(s));
}

/** an entry of a table of contents: a title, then a tab or dot leaders, then its page number */
const CONTENTS_ENTRY = /(?:\t|[.．…·]{3,})\s*[\d０-９]{1,4}\s*$/;

export const isContentsEntry = (text: string): boolean => CONTENTS_ENTRY.test(text.trim());

/**
 * The heading level a line's own words give it: 1 chapter, 2 一、 or 第X节, 3 （一）; undefined for body
 * text and for the entries of a table of contents.
 */
export function headingLevelOfText(text: string): number | undefined {
  const s = text.trim();
  if (s === '' || s.length > HEADING_MAX_CHARS || SENTENCE_END.test(s) || isContentsEntry(s)) return undefined;
  if (CHAPTER.test(s)) return 1;
  if (SECTION.test(s) || ITEM.test(s)) return 2;
  if (SUBITEM.test(s)) return 3;
  return undefined;
}

/** 表1 …, 表 2-1 …, 附表3 …: a table's caption by its number */
const NUMBERED_CAPTION = /^(?:附)?表\s*[\d０-９]+(?:[-－.．][\d０-９]+)?(?:\s|$|[^\d])/;
/** 续表, 续表1, 表1（续）: a table continued from the page before */
const CONTINUED_CAPTION = /^(?:续表|表\s*[\d０-９]+[^\n]*[（(]续[）)])/;

export const isContinuationCaption = (s: string): boolean => CONTINUED_CAPTION.test(s.trim());

/**
 * Whether a line just above a table reads as its caption: a numbered one (表N …, 续表), or a short line
 * that is not a sentence, a heading or a note (说明：…).
 */
export function isCaption(s: string): boolean {
  const x = s.trim();
  if (x === '' || x.length > 80 || isContentsEntry(x)) return false;
  if (NUMBERED_CAPTION.test(x) || isContinuationCaption(x)) return true;
  if (headingLevelOfText(x) !== undefined) return false;
  return !SENTENCE_END.test(x) && !/[。；]/.test(x);
}

/** Words that head a plan's table columns (indicator tables, project tables, task tables). */
const HEADER_WORDS = /序号|编号|领域|任务|类别|类型|分类|指标|名称|单位|属性|现状|基准|基期|目标|规划|预期|约束|达标|情况|责任|牵头|配合|部门|项目|建设|内容|规模|投资|资金|年限|时限|期限|年度|进度|备注|说明|地点|实施|主体|来源|合计|数值|值|得分|评分|权重|分数|比例|标准|要求|依据|措施|方向|年|^[（(][^）)]*[）)]$/;

/** a cell a header row may hold: empty, or short words without figures other than years */
function headerLike(text: string): boolean {
  const s = text.replace(/\s+/g, '');
  if (s === '') return true;
  if (s.length > 16) return false;
  const withoutYears = s.replace(/(?:19|20)\d{2}(?:年|\s*[-—–~～至]\s*(?:19|20)?\d{2}年?)?/g, '');
  if (/\d/.test(withoutYears)) return false;
  return HEADER_WORDS.test(s);
}

/**
 * Marks the header rows of a table in place: rows already marked (docx tblHeader), else the first row
 * when its cells are header words, and the rows right after it whose cells are all header words or empty
 * (a two-row header: "目标值" over "（2024年）" "（2027年）").
 */
export function markHeaderRows(rows: Row[]): void {
  if (rows.length === 0) return;
  let k = 0;
  while (k < rows.length && rows[k]!.header) k++;
  if (k === 0) {
    const first = rows[0]!;
    if (!first.cells.some((c) => c.text !== '') || !first.cells.every((c) => headerLike(c.text))) return;
    first.header = true;
    k = 1;
  }
  for (; k < rows.length; k++) {
    const r = rows[k]!;
    if (r.cells.length === 0 || !r.cells.some((c) => c.text !== '') || !r.cells.every((c) => headerLike(c.text))) break;
    r.header = true;
  }
}

const rowKey = (r: Row): string => r.cells.map((c) => c.text.replace(/\s+/g, '')).join('\u0001');

/** The leading rows of `next` that repeat `table`'s header rows (a header repeated on the continued page). */
export function repeatedHeaderRows(table: TableBlock, next: Row[]): number {
  const head = table.rows.filter((r) => r.header);
  const n = head.length > 0 ? head.length : 1;
  let k = 0;
  while (k < n && k < next.length && table.rows[k] && rowKey(next[k]!) === rowKey(table.rows[k]!)) k++;
  return k;
}

/**
 * Whether a table that follows `table` with nothing but blank lines, page breaks or a 续表 caption
 * between them continues it: its caption says 续表, or its first row repeats the first row of `table`.
 */
export function continuesTable(table: TableBlock, caption: string | undefined, rows: Row[]): boolean {
  if (caption !== undefined && isContinuationCaption(caption)) return true;
  return rows.length > 0 && table.rows.length > 0 && rowKey(rows[0]!) === rowKey(table.rows[0]!) && rows[0]!.cells.some((c) => c.text !== '');
}

const CN_DIGITS = '〇一二三四五六七八九';

/** A number as Word's Chinese counting prints it (numbering 一、 …): 1 一, 10 十, 12 十二, 21 二十一, 105 一百零五. */
export function chineseCounting(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1000) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest);
  return `${CN_DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** Word's "ideograph traditional" numbering: the heavenly stems 甲 乙 丙 …, then again. */
export const heavenlyStem = (n: number): string => (n >= 1 ? '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]! : String(n));
