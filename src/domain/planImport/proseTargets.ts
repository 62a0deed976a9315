// Targets stated in running text, linked to an indicator where one matches. Pure.
//
// Read where a plan states its goals: paragraphs under a heading that names 目标 (规划目标, 具体目标 …) and
// sentences that say so themselves ("具体目标是到2027年，…", "主要目标："). The year is the one a "到2027年"
// before it in the paragraph names (until another year is named). Each clause that states a quantity with
// a verb of target (达到72%以上, 力争达到98%以上, 累计下降16%, 保持在350天及以上) or a comparison
// (保持或优于入境水质, 双增长) is a target: the words before the verb are its name, the rest as printed.
// Task chapters' figures are kept with their clauses (tasks.ts), not here.
import { t } from '../../i18n/index.ts';
import { normaliseIndicatorName, similarName } from '../consistency.ts';
import { CN_NUMERAL, halfWidth, isTocLine, paragraphs, readTarget, splitClauses } from './contentText.ts';
import type { PlanDocument } from './document.ts';
import { isTaskChapter } from './tasks.ts';
import type { ExtractContext, ExtractedFramework, Finding, PartResult, ProseTarget } from './types.ts';

const MAX_TARGETS = 2000;

const HEADING = new RegExp(`^(第(?:${CN_NUMERAL}|\\d+)[章节篇]|${CN_NUMERAL}、|[（(]${CN_NUMERAL}[）)])\\s*(.{0,40})$`);
const CHAPTER = new RegExp(`^第(?:${CN_NUMERAL}|\\d+)[章篇]\\s*(.{0,40})$`);
const GOAL_HEADING = /目标/;
/** A sentence that announces targets itself. */
const GOAL_SENTENCE = /(具体目标|主要目标|总体目标|发展目标|建设目标)(?:是|为|：|:)/;
const BY_YEAR = /(?:到|至)\s*(\d{4})\s*年(?:底|末)?/;
const A_YEAR = /(\d{4})\s*年/;
interface Candidate {
  name: string;
  frameworkId: string;
  number: string;
  part?: string;
}

function candidates(frameworks: ExtractedFramework[]): Candidate[] {
  const out: Candidate[] = [];
  for (const f of frameworks) {
    const id = f.matched ?? f.framework.id;
    for (const ind of f.framework.indicators) {
      out.push({ name: ind.name, frameworkId: id, number: ind.number });
      for (const part of ind.parts ?? []) out.push({ name: part.name, frameworkId: id, number: ind.number, part: part.name });
    }
  }
  return out;
}

/** The indicator a target's name means: the same name (width and punctuation aside), else one containing the other. */
export function linkTarget(name: string, list: Candidate[]): Candidate | null {
  const n = normaliseIndicatorName(name);
  const exact = list.find((c) => normaliseIndicatorName(c.name) === n);
  if (exact) return exact;
  // the target names a place before the quantity (阿蓬江流域森林覆盖率): the indicator's name ends the target's
  const suffix = list.filter((c) => normaliseIndicatorName(c.name).length >= 4 && n.endsWith(normaliseIndicatorName(c.name)));
  if (suffix.length > 0) return suffix.sort((a, b) => b.name.length - a.name.length)[0]!;
  const similar = list.filter((c) => similarName(name, c.name));
  return similar.length === 1 ? similar[0]! : null;
}

export function extractProseTargets(doc: PlanDocument, _ctx: ExtractContext, frameworks: ExtractedFramework[]): PartResult<ProseTarget[]> {
  const findings: Finding[] = [];
  const targets: ProseTarget[] = [];
  const list = candidates(frameworks);
  // the headings open above a paragraph, by level (chapter = 0)
  const open: string[] = [];
  let inTaskChapter = false;
  for (const p of paragraphs(doc)) {
    const text = halfWidth(p.text.trim());
    if (isTocLine(p.text)) continue;
    const ch = /[。；;，,]$/.test(text) ? null : CHAPTER.exec(text);
    if (ch) {
      inTaskChapter = isTaskChapter(ch[1]!.trim());
      open.length = 0;
      open.push(ch[1]!);
      continue;
    }
    const h = /[。；;]$/.test(text) ? null : HEADING.exec(text);
    if (h) {
      const level = h[1]!.startsWith('第') ? 1 : /^[（(]/.test(h[1]!) ? 3 : 2;
      open.length = Math.min(open.length, level);
      open[level] = h[2]!;
      continue;
    }
    if (inTaskChapter) continue;
    const underGoal = open.some((x) => x !== undefined && GOAL_HEADING.test(x));
    const announced = GOAL_SENTENCE.exec(text);
    if (!underGoal && !announced) continue;
    let year: number | null = null;
    const body = announced && !underGoal ? text.slice(announced.index) : text;
    for (const c of splitClauses(body)) {
      const by = BY_YEAR.exec(c.text);
      let rest = c.text;
      if (by) {
        year = Number(by[1]);
        rest = c.text.slice(by.index + by[0].length).replace(/^[，,\s]+/, '');
      } else {
        const other = A_YEAR.exec(c.text);
        if (other && !/前|底/.test(c.text.slice(other.index, other.index + 8))) year = null;
      }
      const target = readTarget(rest);
      if (target) {
        if (targets.length >= MAX_TARGETS) break;
        const link = linkTarget(target.name, list);
        targets.push({
          name: target.name,
          year,
          printed: target.printed,
          indicator: link ? { framework: link.frameworkId, number: link.number, ...(link.part ? { part: link.part } : {}) } : null,
          source: { line: p.line },
        });
        if (!link) {
          findings.push({
            kind: 'unlinkedTarget',
            message: t('planContent.targets.unlinked', { name: target.name, printed: target.printed, year: year === null ? t('planContent.targets.noYear') : `${year}` }),
            source: { line: p.line },
          });
        }
      }
    }
  }
  return { value: targets, findings };
}
