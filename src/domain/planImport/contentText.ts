// Small readers shared by the plan-content parts (plan facts, projects, tasks, prose targets). Pure.
//
// The Chinese patterns here are data about the documents (how Chinese plans number their headings, print
// years, amounts and units), kept in one place so the parts read every plan alike.
import type { ParagraphBlock, PlanDocument, Row, TableBlock } from './document.ts';

/** Chinese numerals as plans number chapters, sections and groups (一 … 九十九, 〇/零). */
export const CN_NUMERAL = '[一二三四五六七八九十百零〇两]+';
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (!new RegExp(`^${CN_NUMERAL}$`).test(s) || s.length > 6) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      current = d;
    }
  }
  return total + current;
}

/** Full-width digits, dot, percent and spaces as ASCII: "２０２２" → "2022". */
export function halfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e\uff05]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A decimal amount printed in 亿元 as 万元, exactly: the decimal digits are shifted, not multiplied as a float
 * ("20.5455" → 205455, "0.19" → 1900, "82.9" → 829000). Null when the text is not a plain decimal number.
 */
export function yiToWan(printed: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,12}))?$/.exec(halfWidth(printed).replace(/[,，\s]/g, ''));
  if (!m) return null;
  const frac = m[2] ?? '';
  const whole = `${m[1]}${frac.slice(0, 4).padEnd(4, '0')}`;
  const rest = frac.slice(4);
  return Number(rest ? `${whole}.${rest}` : whole);
}

/** An amount with its unit as 万元: ("20.5455", "亿元") → 205455; ("513306", "万元") → 513306. */
export function toWan(number: string, unit: string): number | null {
  if (unit.startsWith('亿')) return yiToWan(number);
  const m = /^(\d{1,12})(?:\.(\d{1,8}))?$/.exec(halfWidth(number).replace(/[,，\s]/g, ''));
  if (!m) return null;
  if (unit.startsWith('元')) {
    const digits = `${m[1]}${(m[2] ?? '')}`;
    const scale = (m[2] ?? '').length + 4;
    return Number(`${digits.slice(0, -scale) || '0'}.${digits.slice(-scale).padStart(scale, '0')}`);
  }
  return Number(m[2] ? `${m[1]}.${m[2]}` : m[1]);
}

/** Dashes plans print between years: 2022—2024, 2022-2024, 2022～2024, 2022至2024. */
export const YEAR_DASH = '[—–\\-－~～至到]+';
const YEAR_RANGE = new RegExp(`^(\\d{4})\\s*年?\\s*(?:${YEAR_DASH})\\s*(\\d{4})\\s*年?$`);
const ONE_YEAR = /^(\d{4})\s*年?$/;

/** "2022—2024" → { start: 2022, end: 2024 }; "2022" → { 2022, 2022 }; null for anything else. */
export function yearRange(printed: string): { start: number; end: number } | null {
  const s = halfWidth(printed).replace(/\s+/g, '');
  const m = YEAR_RANGE.exec(s);
  if (m) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    return end >= start ? { start, end } : null;
  }
  const one = ONE_YEAR.exec(s);
  return one ? { start: Number(one[1]), end: Number(one[1]) } : null;
}

/** The paragraphs of a document in order. */
export function paragraphs(doc: PlanDocument): ParagraphBlock[] {
  return doc.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
}

/** A table-of-contents line: a heading followed by a TAB or dots and a page number ("第四章 重点任务\t40"). */
export function isTocLine(text: string): boolean {
  return /(\t|…{2,}|\.{4,}|·{4,})\s*\d+\s*$/.test(text) || /\t\d+$/.test(text);
}

/** Splits running text into its clauses (by ，；。 and their half-width forms), outside brackets and quotes. */
export function splitClauses(text: string): Array<{ text: string; end: string }> {
  const out: Array<{ text: string; end: string }> = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if ('（(《“【['.includes(ch)) depth++;
    else if ('）)》”】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '，,；;。'.includes(ch)) {
      if (cur.trim()) out.push({ text: cur.trim(), end: ch });
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push({ text: cur.trim(), end: '' });
  return out;
}

/** Verbs of target, longest first (data about how plans state targets). */
const VERB = /(力争)?(保持或优于|保持优于|达到或优于|达到或者优于|稳定保持在|稳定保持|保持在|稳定在|保持|达到|达(?=\s*\d)|突破|超过|不低于|不少于|不高于|不超过|控制在|提高到|提高至|提升到|提升至|提高|提升|累计下降|下降到|下降至|降至|下降|降低到|降低至|降低|减少|双增长|增长到|增长|增加到|增加|优于|[≥≤＞＜]|>=|<=)/;
/** A target named after its figure ("建成100亿级生态工业集群"). */
const BUILD = /^(力争)?(建成|打造|创建)(?=\s*\d)/;
const COMPARISON = /^(力争)?(保持或优于|保持优于|达到或优于|达到或者优于|优于|双增长)/;
/** What follows a verb of target: a figure (≥40%, 350天, II类). */
const FIGURE_AFTER = /^\s*(?:[≥≤><＞＜]=?\s*)?(?:\d|[ⅠⅡⅢⅣⅤ]|I{1,3}类|IV类|V类)/;
/** Words that open a clause without being part of the quantity's name. */
const LEAD_WORDS = /^(确保|实现|推动|力争|全面|基本|使|将|全区|全县|全市|其中|实施)+/;
const MAX_NAME_CHARS = 40;
const MAX_CLAUSE_CHARS = 300;

/**
 * The quantity and the target a clause states ("森林覆盖率达到72%以上" → 森林覆盖率 / 达到72%以上), or null when
 * the clause states none: a verb of target followed by a figure, or a comparison (保持或优于入境水质, 双增长).
 */
export function readTarget(clause: string): { name: string; printed: string } | null {
  const text = clause.trim();
  // a target is stated in a short clause; a long run of text without punctuation is not read (and cannot make
  // the search below slow)
  if (text.length > MAX_CLAUSE_CHARS) return null;
  const build = BUILD.exec(text);
  if (build) {
    const name = text.slice(build[0].length).replace(/^\s*[\d.]+\s*[亿万千百]*\s*[级个座家处项]*\s*的?/, '').trim();
    return name.length >= 2 && name.length <= MAX_NAME_CHARS ? { name, printed: text } : null;
  }
  // the first verb followed by a figure ("增加值…达到10%": 增加 is part of the name, 达到 the verb)
  let v: RegExpExecArray | null = null;
  for (let from = 0; from < text.length; ) {
    const m = VERB.exec(text.slice(from));
    if (!m) break;
    const at = from + m.index;
    const rest = text.slice(at);
    if (at > 0 && (FIGURE_AFTER.test(rest.slice(m[0].length)) || COMPARISON.test(rest))) {
      v = m;
      v.index = at;
      break;
    }
    from = at + 1;
  }
  if (!v) return null;
  let printed = text.slice(v.index);
  const after = printed.slice(v[0].length);
  // "水质达到或者优于III类比例持续提高": the figure is part of the quantity's name, the target a trend
  if (/(比例|比率|比重)/.test(after) && /(持续|稳步|逐步|不断)?(提高|提升|改善|增加|下降|降低)$/.test(printed)) return null;
  let name = text.slice(0, v.index);
  // "…为主体（其中党政机关…比例不低于50%，学校…）": the name starts inside the open bracket
  const open = Math.max(name.lastIndexOf('（'), name.lastIndexOf('('));
  if (open >= 0 && name.indexOf('）', open) < 0 && name.indexOf(')', open) < 0) {
    name = name.slice(open + 1);
    printed = printed.split(/[，,；;）)]/)[0]!;
  }
  name = name.replace(LEAD_WORDS, '').trim();
  if (name.length < 2 || name.length > MAX_NAME_CHARS) return null;
  return { name, printed };
}

/** The text over a grid column across the header rows, a spanning cell counting for every column it spans. */
export function headerTexts(table: TableBlock, headerRows: Row[]): string[] {
  const width = Math.max(0, ...table.rows.map((r) => Math.max(0, ...r.cells.map((c) => c.column + (c.span ?? 1) - 1))));
  const texts: string[] = [];
  for (let c = 1; c <= width; c++) {
    texts.push(
      headerRows
        .map((r) => r.cells.find((x) => x.column <= c && c < x.column + (x.span ?? 1))?.text ?? '')
        .join('')
        .replace(/\s+/g, ''),
    );
  }
  return texts;
}

