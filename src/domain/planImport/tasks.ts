// Key tasks: chapter → section → clause, with the figures and deadlines a clause states. Pure.
//
// Which chapters are task chapters is decided by their titles' words, generally:
// - a chapter titled 重点任务 / 主要任务 (…任务) is one;
// - a chapter whose title names the plan's frame or its means — 总则, 概况, 现状, 基础, 形势, 背景, 思路, 目标,
//   指标, 重点工程, 项目, 投资, 效益, 保障, 措施, 附 … — is not;
// - otherwise a chapter whose title begins with a verb of doing (建设, 构建, 打造, 推进, 加强 …) is one.
// Inside a task chapter the headings nest by their forms as the plan uses them (第X节, 一、, （一）, 1.), in the
// order they first appear; every other paragraph is a clause of the innermost open heading (a chapter's opening
// paragraph is a clause of the chapter itself). A clause that opens with a short sentence without commas
// ("保障供水水质。加强…") has that sentence as its title. Figures ("到2028年，…治理率达到40%以上") and
// deadlines ("2025年底前") are kept as printed, with their year.
import type { Clause, TaskNode, TasksFile } from '../../data/schema.ts';
import { t } from '../../i18n/index.ts';
import { CN_NUMERAL, halfWidth, isTocLine, readTarget, splitClauses } from './contentText.ts';
import type { PlanDocument } from './document.ts';
import type { ExtractContext, Finding, PartResult } from './types.ts';

const MAX_NODES = 5000;
const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const MAX_HEADING_CHARS = 50;
const CLAUSE_TITLE_MAX = 30;

const CHAPTER = new RegExp(`^第(${CN_NUMERAL}|\\d+)[章篇部分]+\\s*(.*)$`);
/** Heading forms below a chapter, by kind (their nesting is the order a chapter first uses them). */
const SUB_HEADINGS: Array<[string, RegExp]> = [
  ['section', new RegExp(`^(第(?:${CN_NUMERAL}|\\d+)节)\\s*(.*)$`)],
  ['one', new RegExp(`^(${CN_NUMERAL})[、．.]\\s*(.*)$`)],
  ['bracket', new RegExp(`^([（(]${CN_NUMERAL}[）)])\\s*(.*)$`)],
];

const TASK_TITLE = /任务/;
const NOT_TASK_TITLE = /总则|概况|概述|现状|基础|形势|背景|思路|目标|指标|重点工程|工程项目|项目|投资|效益|保障|措施|附|评估|分析|问题|机遇|挑战|前言|总论|依据/;
const TASK_VERB = /^(建设|构建|打造|推进|推动|加强|强化|深化|完善|提升|优化|培育|健全|发展|筑牢|守住|促进|坚持|全面|大力|加快|实施|建立|创新|保护|治理|深入|营造|弘扬|繁荣|共建)/;

export function isTaskChapter(title: string): boolean {
  if (TASK_TITLE.test(title)) return true;
  if (NOT_TASK_TITLE.test(title)) return false;
  return TASK_VERB.test(title);
}

/** The year a clause's target or deadline is set for. */
const BY_YEAR = /(?:到|至|于)\s*(\d{4})\s*年(?:底|末)?/;
const DEADLINE = /(\d{4})\s*年(?:底|末)?(?:前|以前|之前)/;
export interface Figure {
  name?: string;
  printed: string;
  year?: number;
}

/** The figures and deadlines a clause states. */
export function clauseFigures(text: string): Figure[] {
  const out: Figure[] = [];
  let year: number | undefined;
  for (const c of splitClauses(halfWidth(text))) {
    const by = BY_YEAR.exec(c.text);
    if (by) year = Number(by[1]);
    const rest = by ? c.text.slice(by.index + by[0].length).replace(/^[，,\s]+/, '') : c.text;
    const target = readTarget(rest);
    if (target) {
      out.push({ name: target.name, printed: target.printed, ...(year !== undefined ? { year } : {}) });
      continue;
    }
    const dl = DEADLINE.exec(c.text);
    if (dl) out.push({ printed: dl[0], year: Number(dl[1]) });
    if (c.end === '。') year = undefined;
  }
  return out;
}

interface Open {
  node: TaskNode;
  rank: number;
}

function headingOf(text: string): { kind: string; number: string; title: string } | null {
  if (text.length > 400) return null;
  for (const [kind, form] of SUB_HEADINGS) {
    const m = form.exec(text);
    if (m) return { kind, number: m[1]!, title: m[2]!.trim() };
  }
  return null;
}

function clause(text: string, document: string, line: number): Clause {
  const stop = text.indexOf('。');
  const first = stop > 0 ? text.slice(0, stop) : '';
  const rest = stop > 0 ? text.slice(stop + 1).trim() : '';
  const titled = first !== '' && first.length <= CLAUSE_TITLE_MAX && !/[，,；;：:、]/.test(first) && rest !== '';
  const body = titled ? rest : text;
  const c: Clause = { ...(titled ? { title: first } : {}), text: body, source: { document, line } };
  const figures = clauseFigures(body);
  if (figures.length > 0) c.figures = figures;
  return c;
}

export function extractTasks(doc: PlanDocument, ctx: ExtractContext, planId: string): PartResult<TasksFile | null> {
  const findings: Finding[] = [];
  const chapters: TaskNode[] = [];
  let stack: Open[] = [];
  let ranks: string[] = [];
  let count = 0;
  let inTasks = false;
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph') continue;
    const text = b.text.trim();
    if (text === '' || isTocLine(text)) continue;
    const ch = text.length <= MAX_HEADING_CHARS && !/[。；;，,]$/.test(text) ? CHAPTER.exec(text) : null;
    if (ch || b.headingLevel === 1) {
      const title = ch ? ch[2]!.trim() : text;
      inTasks = isTaskChapter(title);
      if (inTasks) {
        const number = ch ? text.slice(0, text.length - ch[2]!.length).trim() : '';
        const node: TaskNode = { number: number || String(chapters.length + 1), title: title || text, source: { document: ctx.documentId, line: b.line } };
        chapters.push(node);
        stack = [{ node, rank: 0 }];
        ranks = [];
      }
      continue;
    }
    if (!inTasks) continue;
    if (++count > MAX_NODES) {
      findings.push({ kind: 'missingPlanField', message: t('planContent.tasks.tooMany', { max: MAX_NODES }), source: { line: b.line } });
      break;
    }
    let h = headingOf(text);
    if (!h && b.headingLevel !== undefined && b.headingLevel >= 2 && text.length <= MAX_HEADING_CHARS) {
      // a heading styled as such whose number Word draws itself (automatic numbering): numbered by its place below
      h = { kind: `level${b.headingLevel}`, number: '', title: text };
    }
    if (h) {
      // an inline heading "（一）标题。正文…" gives its title and a clause
      let title = h.title;
      let inline = '';
      const stop = title.indexOf('。');
      if (stop >= 0 && stop <= MAX_HEADING_CHARS && stop < title.length - 1) {
        inline = title.slice(stop + 1).trim();
        title = title.slice(0, stop);
      }
      if (title.replace(/[。；;，,：:\s]/g, '') === '' || title.length > MAX_HEADING_CHARS) {
        // a number without a title, or a long numbered paragraph, is a clause, not a heading
        addClause(stack, clause(text, ctx.documentId, b.line));
        continue;
      }
      if (!ranks.includes(h.kind)) ranks.push(h.kind);
      const rank = ranks.indexOf(h.kind) + 1;
      while (stack.length > 1 && stack[stack.length - 1]!.rank >= rank) stack.pop();
      const parent = stack[stack.length - 1]!.node;
      let number = h.number.replace(/[、．.]$/, '');
      if (number === '') {
        const numeral = CN_ORDINALS[parent.tasks?.length ?? 0] ?? String((parent.tasks?.length ?? 0) + 1);
        number = rank === 1 ? numeral : `（${numeral}）`;
      }
      const node: TaskNode = { number, title: title.replace(/[。；;]$/, ''), source: { document: ctx.documentId, line: b.line } };
      (parent.tasks ??= []).push(node);
      stack.push({ node, rank });
      if (inline) addClause(stack, clause(inline, ctx.documentId, b.line));
      continue;
    }
    addClause(stack, clause(text, ctx.documentId, b.line));
  }
  // a chapter with headings only (a table of contents without page numbers) holds no task
  const kept = chapters.filter(hasClause);
  chapters.length = 0;
  chapters.push(...kept);
  if (chapters.length === 0) {
    findings.push({ kind: 'missingPlanField', message: t('planContent.tasks.none'), source: null });
    return { value: null, findings };
  }
  return { value: { plan: planId, tasks: chapters }, findings };
}

function hasClause(n: TaskNode): boolean {
  return (n.clauses?.length ?? 0) > 0 || (n.tasks ?? []).some(hasClause);
}

function addClause(stack: Open[], c: Clause): void {
  const node = stack[stack.length - 1]!.node;
  (node.clauses ??= []).push(c);
}
