// The plan's own judgements about its indicators: the 达标分析 / 可达性分析 text. Per indicator: the class
// (稳定达标 / 预计可达标 / 不确定 / 达标难度较大), the year a gap is to close, 确保 / 力争; and the summary
// sentences ("35项指标中，已达标29项，未达标6项", class counts, "评分为92分"). Pure.
//
// The Chinese words here are data about the documents: how plans word their achievement analysis.
import type { PlanFile } from '../../data/schema.ts';
import type { PlanDocument, TableBlock } from './document.ts';
import { normaliseName, similarNames } from './frameworkMatch.ts';
import { cellPieces, layRow, roleCell, type Column } from './indicatorTable.ts';
import { t } from '../../i18n/index.ts';
import type { ExtractContext, ExtractedFramework, Finding, PartResult } from './types.ts';

type Summary = NonNullable<PlanFile['statedSummaries']>[number];
type ClassName = '稳定达标' | '预计可达标' | '不确定' | '达标难度较大';

/** Headings of the sections that hold the analysis. */
const ANALYSIS_HEADING = /达标|可达|差距|指标|评估/;
/** A paragraph that may hold a judgement says one of these. */
const JUDGEMENT_WORDS = /达标|可达|评分|得分|不确定/;
/** The class words, and the wordings that mean them. */
const CLASS_WORDS: Array<[RegExp, ClassName]> = [
  [/稳定达标/, '稳定达标'],
  [/达标难度较大|极难达标|难以达标|达标难度大/, '达标难度较大'],
  [/不确定/, '不确定'],
  [/预计可达标|预计.{0,40}达标/, '预计可达标'],
];
/** The words of a commitment: 确保 (ensure) before 力争 (strive). */
const COMMITMENT = /确保|力争/;
type Commitment = NonNullable<NonNullable<ExtractedFramework['data']['entries'][number]['statedAchievability']>['commitment']>;
const commitmentOf = (s: string) => COMMITMENT.exec(s)?.[0] as Commitment | undefined;
/** A sentence that continues the one before it (其中 …). */
const CONTINUES = /^其中/;
const YEAR = /(\d{4})\s*年/;
const COUNT_SENTENCE = /(\d+)\s*[项个][^，。；]{0,20}?指标中/;
const MET_WORD = /达标/g;
const MET = /(?<!未)达标\s*(\d+)\s*项/;
const NOT_MET = /未达标\s*(\d+)\s*项/;
const SCORE = /(?:评分为|得分为?|总分为?|评估得分)\s*(\d+(?:\.\d+)?)\s*分/;
/** A short line that does not end as a sentence does stands as a heading (第六节 规划指标). */
const HEADING_CHARS = 40;
/** Names shorter than this are not looked for in running text. */
const MIN_NAME = 4;
/** How much of a passage is compared with the captions to tell which framework it speaks of. */
const HEAD_CHARS = 300;
/** …and how much of a caption or name. */
const CAPTION_CHARS = 60;
/** At most this many paragraphs of analysis are read (a stranger's document). */
const MAX_JUDGED = 2000;
/** Paragraphs longer than this are read only up to it. */
const MAX_PARAGRAPH = 20000;

function classOf(sentence: string): ClassName | undefined {
  for (const [re, c] of CLASS_WORDS) if (re.test(sentence)) return c;
  return undefined;
}

/** Length of the longest common substring (short strings; plain dynamic programming). */
function commonLength(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1]! + 1;
        if (cur[j]! > best) best = cur[j]!;
      }
    }
    prev = cur;
  }
  return best;
}

export function statedJudgements(
  doc: PlanDocument,
  ctx: ExtractContext,
  frameworks: ExtractedFramework[],
  captions: Map<ExtractedFramework, string>,
): PartResult<Summary[]> {
  const summaries: Summary[] = [];
  if (frameworks.length === 0) return { value: summaries, findings: [] };
  const idOf = (f: ExtractedFramework) => f.matched ?? f.framework.id;
  /** the framework a passage speaks of: the one whose caption or name it echoes most */
  const frameworkOf = (text: string, scored: boolean): ExtractedFramework => {
    if (frameworks.length === 1) return frameworks[0]!;
    const head = text.slice(0, HEAD_CHARS);
    let best = frameworks[0]!;
    let bestScore = -1;
    for (const f of frameworks) {
      const s = Math.max(commonLength(head, (captions.get(f) ?? '').slice(0, CAPTION_CHARS)), commonLength(head, f.framework.name.slice(0, CAPTION_CHARS))) + (scored && f.framework.scoring ? 2 : 0);
      if (s > bestScore) {
        bestScore = s;
        best = f;
      }
    }
    return best;
  };

  let heading = '';
  let judged = 0;
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    if (block.headingLevel !== undefined || (block.text.length <= HEADING_CHARS && !/[。；：:，,]$/.test(block.text))) {
      heading = block.text;
      continue;
    }
    if (!ANALYSIS_HEADING.test(heading) || !JUDGEMENT_WORDS.test(block.text)) continue;
    if (++judged > MAX_JUDGED) break;
    const text = block.text.slice(0, MAX_PARAGRAPH);
    const sentences = text.split(/(?<=[。！？])/).filter((s) => s.trim() !== '');
    const used = new Set<number>();
    // the summary sentences
    sentences.forEach((s, i) => {
      const count = COUNT_SENTENCE.exec(s);
      const score = SCORE.exec(s);
      const met = MET.exec(s);
      const notMet = NOT_MET.exec(s);
      const classes: Partial<Record<ClassName, number>> = {};
      if (count) {
        for (const clause of s.split(/[，,；;]/)) {
          const c = classOf(clause);
          const k = /(\d+)\s*项/.exec(clause);
          if (c && k) classes[c] = Number(k[1]);
        }
      }
      const hasClasses = Object.keys(classes).length > 0;
      const hasCounts = !!(count && met && notMet);
      if (!hasCounts && !hasClasses && !score) return;
      let printed = s.trim();
      used.add(i);
      for (let k = i + 1; k < sentences.length && CONTINUES.test(sentences[k]!.trim()); k++) {
        printed += sentences[k]!.trim();
        used.add(k);
      }
      const upTo = sentences.slice(0, i + 1).join('');
      const f = frameworkOf(upTo, !!score);
      const year = /^(\d{4})\s*年/.exec(s.trim());
      const summary: Summary = { framework: idOf(f), printed, source: { document: ctx.documentId, line: block.line } };
      if (year) summary.year = Number(year[1]);
      if (hasCounts) summary.counts = { applicable: Number(count![1]), met: Number(met![1]), notMet: Number(notMet![1]) };
      if (hasClasses) summary.classes = classes as Record<ClassName, number>;
      if (score) summary.score = Number(score[1]);
      summaries.push(summary);
    });
    // per indicator
    const f = frameworkOf(sentences[0] ?? '', false);
    const names: Array<{ name: string; number: string; part?: string }> = [];
    for (const it of f.framework.indicators) {
      names.push({ name: normaliseName(it.name), number: it.number });
      for (const p of it.parts ?? []) names.push({ name: normaliseName(p.name), number: it.number, part: p.name });
    }
    const usable = names.filter((x) => x.name.length >= MIN_NAME).sort((a, b) => b.name.length - a.name.length);
    sentences.forEach((s, i) => {
      if (used.has(i)) return;
      const norm = normaliseName(s);
      const taken: Array<[number, number]> = [];
      const hits: typeof usable = [];
      for (const x of usable) {
        let at = norm.indexOf(x.name);
        while (at >= 0) {
          const end = at + x.name.length;
          if (!taken.some(([a, b]) => at < b && end > a)) {
            taken.push([at, end]);
            if (!hits.some((h) => h.number === x.number && h.part === x.part)) hits.push(x);
          }
          at = norm.indexOf(x.name, at + 1);
        }
      }
      if (hits.length === 0) return;
      const cls = classOf(s);
      const lastMet = [...s.matchAll(MET_WORD)].pop()?.index ?? -1;
      const years = lastMet >= 0 ? [...s.slice(0, lastMet).matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1])) : [];
      const year = years[years.length - 1];
      const items = new Set(hits.map((h) => h.number));
      if (!cls && (year === undefined || items.size !== 1)) return;
      const commitment = commitmentOf(s);
      const judgement = {
        printed: s.trim(),
        ...(cls ? { class: cls } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(commitment ? { commitment } : {}),
        source: { document: ctx.documentId, line: block.line },
      };
      for (const h of hits) {
        for (const e of f.data.entries) {
          if (e.number !== h.number) continue;
          if (h.part !== undefined && e.part !== h.part) continue;
          if (!e.statedAchievability) e.statedAchievability = judgement;
        }
      }
    });
  }
  return { value: summaries, findings: [] };
}

/**
 * A table of the plan's own analysis (指标名称 … 可达性分析 / 达标难度 / 预计达标时间): each row's judgement goes
 * to the item (or part) of an indicator table that bears its name.
 */
export function tableJudgements(doc: PlanDocument, ctx: ExtractContext, table: TableBlock, cols: Column[], frameworks: ExtractedFramework[]): Finding[] {
  const findings: Finding[] = [];
  const grid = table.rows.some((r) => r.header && r.cells.some((c) => (c.span ?? 1) > 1));
  table.rows.forEach((row, i) => {
    if (row.header) return;
    const view = layRow(row, i + 1, cols, grid);
    const name = roleCell(view, cols, 'name')?.text.split('\n')[0]?.trim();
    const number = roleCell(view, cols, 'number')?.text.trim();
    const cells = cols.map((c, k) => (c.role === 'judgement' ? view.cells.get(k) : undefined)).filter((c) => c && c.text !== '');
    if (!name || cells.length === 0) return;
    const pieces = cells.flatMap((c) => cellPieces(doc, c, i + 1));
    if (pieces.length === 0) return;
    const printed = pieces.map((p) => p.text).join('；');
    const cls = classOf(printed);
    const year = YEAR.exec(printed);
    const commitment = commitmentOf(printed);
    const judgement = {
      printed,
      ...(cls ? { class: cls } : {}),
      ...(year ? { year: Number(year[1]) } : {}),
      ...(commitment ? { commitment } : {}),
      source: { document: ctx.documentId, line: pieces[0]!.line, table: table.index, row: i + 1, column: pieces[0]!.column },
    };
    // the item bearing the name (its number agreeing, when the row prints one), or a part of that name
    for (const f of frameworks) {
      const items = f.framework.indicators;
      const item = items.find((it) => similarNames(it.name, name) && (!number || it.number === number)) ?? items.find((it) => similarNames(it.name, name));
      const part = item ? undefined : items.flatMap((it) => (it.parts ?? []).map((p) => ({ it, p }))).find(({ p }) => similarNames(p.name, name));
      const target = item ?? part?.it;
      if (!target) continue;
      for (const e of f.data.entries) {
        if (e.number !== target.number) continue;
        if (part && e.part !== part.p.name && normaliseName(e.part ?? '') !== normaliseName(part.p.name)) continue;
        if (!e.statedAchievability) e.statedAchievability = judgement;
      }
      return;
    }
    findings.push({ kind: 'unmatchedItem', message: t('planIndicators.judgementUnmatched', { name, printed }), source: { line: judgement.source.line, table: table.index, row: i + 1, column: judgement.source.column } });
  });
  return findings;
}
