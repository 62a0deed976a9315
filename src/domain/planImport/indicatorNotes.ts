// The notes printed after an indicator table (注：【1】… 【2】…, 说明：…, "带*号数据为2021年数据"), the marks in the
// cells that point to them, and what a note says about a figure (sampled, a proxy, estimated, an older year). Pure.
//
// The Chinese words here are data about the documents: how plans mark and word their notes.
import type { Block, PlanDocument, TableBlock } from './document.ts';

/** A footnote mark in a cell: 【1】, [1], ［1］, or an asterisk. */
export const MARK = /【\s*(\d+)\s*】|\[\s*(\d+)\s*\]|［\s*(\d+)\s*］|[*＊]/g;
/** A paragraph that holds a table's notes. */
const NOTE_START = /^(注|说明|备注|资料来源|数据来源)\s*[:：]?/;
/** Notes stand right after their table: at most this many paragraphs are looked at. */
const NOTE_WINDOW = 3;
/** A note about the asterisked figures: "带*号数据为2021年数据". */
const STAR_YEAR = /(\d{4})\s*年(?:的)?数据/;

export interface Note {
  key: string;
  text: string;
  line: number;
}

export interface TableNotes {
  /** numbered notes by number ("1") */
  numbered: Map<string, Note>;
  /** the asterisk note, when there is one */
  star: (Note & { year: number | null }) | null;
}

export function markKey(mark: string): string {
  const m = /(\d+)/.exec(mark);
  return m ? m[1]! : '*';
}

export function marksIn(text: string): string[] {
  return [...text.matchAll(MARK)].map((m) => m[0]);
}

export function tableNotes(doc: PlanDocument, table: TableBlock): TableNotes {
  const numbered = new Map<string, Note>();
  let star: TableNotes['star'] = null;
  const at = doc.blocks.findIndex((b) => b.kind === 'table' && b.index === table.index);
  const after: Block[] = at >= 0 ? doc.blocks.slice(at + 1, at + 1 + NOTE_WINDOW) : [];
  for (const b of after) {
    if (b.kind === 'table') break;
    if (!NOTE_START.test(b.text) && !/^(【\s*1\s*】|\[\s*1\s*\]|［\s*1\s*］)/.test(b.text)) continue;
    const body = b.text.replace(NOTE_START, '');
    // sentences about asterisked figures are the star note; the rest is split at the numbered marks
    const sentences = body.split(/(?<=[。；])/);
    const rest: string[] = [];
    for (const s of sentences) {
      if (/[*＊]/.test(s) && !/【\s*\d+\s*】|\[\s*\d+\s*\]|［\s*\d+\s*］/.test(s)) {
        const y = STAR_YEAR.exec(s);
        star = { key: '*', text: s.trim(), line: b.line, year: y ? Number(y[1]) : null };
      } else rest.push(s);
    }
    const joined = rest.join('');
    const re = /【\s*(\d+)\s*】|\[\s*(\d+)\s*\]|［\s*(\d+)\s*］/g;
    const hits = [...joined.matchAll(re)];
    hits.forEach((h, i) => {
      const key = h[1] ?? h[2] ?? h[3]!;
      const end = i + 1 < hits.length ? hits[i + 1]!.index! : joined.length;
      const text = joined.slice(h.index! + h[0].length, end).trim();
      if (!numbered.has(key)) numbered.set(key, { key, text, line: b.line });
    });
  }
  for (const f of doc.footnotes) {
    const key = markKey(f.mark);
    if (key !== '*' && !numbered.has(key)) numbered.set(key, { key, text: f.text, line: f.line });
  }
  return { numbered, star };
}

export type Flag = '抽样' | '代用' | '估算' | '往年';
/** A note saying the year's figure is not there: 暂无2021年数据, 2021年数据暂未发布. */
const NO_DATA_FOR = /暂无\s*(\d{4})\s*年/g;
const NOT_YET_PUBLISHED = /(\d{4})\s*年[^。，]{0,6}(?:暂未|尚未|未)(?:发布|公布|统计)/g;
/** A word printed in a value cell that qualifies the figure. */
const CELL_FLAGS: Array<[RegExp, Flag]> = [
  [/^(抽样|抽检)$/, '抽样'],
  [/^(代用|替代)$/, '代用'],
  [/^(估算|预估)$/, '估算'],
];

/** What a note says about a figure of `year`. */
export function noteFlags(text: string, year: number): { flags: Flag[]; dataYear?: number } {
  const flags: Flag[] = [];
  if (/抽检|抽样|抽查/.test(text)) flags.push('抽样');
  if (/代替|替代|代用|暂时用|暂用|未计入|无统计数据，为/.test(text)) flags.push('代用');
  if (/核定|估算|推算|测算|估计/.test(text)) flags.push('估算');
  let dataYear: number | undefined;
  const stated = /为\s*(\d{4})\s*年(?:的)?数据/.exec(text);
  const leading = /^(\d{4})\s*年/.exec(text);
  if (stated && Number(stated[1]) !== year) dataYear = Number(stated[1]);
  else if (leading && Number(leading[1]) < year) dataYear = Number(leading[1]);
  const missing = [NO_DATA_FOR, NOT_YET_PUBLISHED].some((re) => [...text.matchAll(re)].some((m) => Number(m[1]) === year));
  if ((dataYear !== undefined && dataYear < year) || missing) flags.push('往年');
  return { flags, ...(dataYear !== undefined ? { dataYear } : {}) };
}

/** Words printed inside a value cell that qualify the figure (49.3 / 抽样). */
export function cellFlags(text: string): Flag[] {
  const out: Flag[] = [];
  for (const line of text.split(/\n|；/)) {
    const w = line.trim();
    const flag = CELL_FLAGS.find(([re]) => re.test(w));
    if (flag) out.push(flag[1]);
  }
  return out;
}

/**
 * A figure one table dates to an older year (its note says so) is the same figure where another table of the
 * document prints it for the same year and indicator without a note: the older-year flag (and the year the
 * figure is of) goes with it. Only 往年 travels; what a note says about how a figure was got stays with its table.
 */
export function carryOlderYear(
  frameworks: Array<{ framework: { indicators: Array<{ number: string; name: string; parts?: Array<{ name: string }> | undefined }> }; data: { entries: Array<{ number: string; part?: string | undefined; observations?: Array<{ year: number; printed: string; dataYear?: number | undefined; flags?: Flag[] | undefined }> | undefined }> } }>,
  similar: (a: string, b: string) => boolean,
): void {
  const nameOf = (f: (typeof frameworks)[number], e: (typeof frameworks)[number]['data']['entries'][number]) => {
    const item = f.framework.indicators.find((i) => i.number === e.number);
    return e.part ?? item?.name ?? '';
  };
  for (const from of frameworks) {
    for (const src of from.data.entries) {
      for (const o of src.observations ?? []) {
        if (!o.flags?.includes('往年')) continue;
        const name = nameOf(from, src);
        for (const to of frameworks) {
          if (to === from) continue;
          for (const dst of to.data.entries) {
            if (!similar(nameOf(to, dst), name)) continue;
            for (const d of dst.observations ?? []) {
              if (d.year !== o.year || d.flags?.includes('往年') || marksIn(d.printed).length > 0) continue;
              d.flags = [...(d.flags ?? []), '往年'];
              if (o.dataYear !== undefined && d.dataYear === undefined) d.dataYear = o.dataYear;
            }
          }
        }
      }
    }
  }
}
