// The plan's facts: title, region, issuing body, period, base year, target years, office, phases. Pure.
//
// - title: the 《…》 a 印发…的通知 wrapper or the text names as the plan (preferring one that prints its period
//   and names a region), else the document's title line (a short line near the top naming a 规划/方案/计划);
// - region: the county or district the title begins with (…县/区/市/旗/自治县, after any province or city);
// - scope: 规划范围为… / 实施范围为…; when it names a part of the region (阿蓬江流域黔江区境内全域), that part;
// - issuer: a line near the top that ends …人民政府 / …人民政府办公室 (the body issuing the 通知);
// - period: the title's （2022—2028年）, else 规划时限为/规划期为/实施年限为 2022—2028年;
// - base year: 基准年为2021年 / 以2022年为基准年;
// - target years: "2024年作为近期…目标年" statements, else years of 目标 columns in table headers, else the
//   years of "到2027年" statements within the period;
// - phases: lines "建设期（2022—2025年）：…", "近期（2023-2024年）：…";
// - office: "领导小组下设办公室，在县生态环境局办公" / "下设领导小组办公室于区生态环境局".
import { t } from '../../i18n/index.ts';
import { halfWidth, headerTexts, isTocLine, paragraphs, YEAR_DASH } from './contentText.ts';
import type { ParagraphBlock, PlanDocument, Place } from './document.ts';
import type { ExtractContext, Finding, PartResult, PlanInfo } from './types.ts';

/** How far into the document the title and issuer are looked for (paragraphs). */
const HEAD_PARAGRAPHS = 40;
const MAX_TITLE_CHARS = 120;

const BOOK_TITLE = /《([^《》]{4,120})》/g;
const PLAN_WORD = /(规划|方案|计划|纲要)(?:[（(][^（）()]*[）)])?$/;
const PERIOD_IN_TITLE = new RegExp(`[（(]\\s*(\\d{4})\\s*年?\\s*(?:${YEAR_DASH})\\s*(\\d{4})\\s*年?\\s*[）)]`);
const PERIOD_IN_TEXT = new RegExp(`(?:规划时限|规划期限|规划期|实施年限|实施期限|规划年限|时限)(?:为|是|：|:)\\s*(\\d{4})\\s*年?\\s*(?:${YEAR_DASH})\\s*(\\d{4})\\s*年`);
const BASE_YEAR = /(?:基准年(?:为|是|：|:)\s*(\d{4})\s*年)|(?:以\s*(\d{4})\s*年(?:作)?为基准年)/;
/** The administrative names a title begins with: 重庆市 黔江区 …; the last one is the plan's region. */
const REGION_UNIT = /^([\u4e00-\u9fa5]{1,10}?(?:自治县|自治旗|自治州|特区|林区|新区|县|区|市|旗|州|盟))/;
const PROVINCE = /^[\u4e00-\u9fa5]{2,8}?(?:省|自治区|特别行政区)/;
const SCOPE = /(?:规划|实施)范围(?:为|是|包括)\s*([^，。；,;]{2,60})/;
const ISSUER = /^[\u4e00-\u9fa5]{2,30}(?:人民政府|人民政府办公室|人民政府办公厅|委员会|委员会办公室)$/;
const NEAR_FAR = /(\d{4})\s*年(?:作为|为)(近期|中期|远期)[^，。；]{0,8}目标年|(近期|中期|远期)(?:目标年|目标年份)(?:为|是)\s*(\d{4})\s*年/g;
const HEADER_TARGET_YEAR = /(\d{4})\s*年?\s*目标|目标值?\s*[（(]?\s*(\d{4})\s*年?|(?:近期|中期|远期)\s*[（(]?\s*(\d{4})\s*年?/;
const BY_YEAR = /到\s*(\d{4})\s*年/g;
const PHASE = new RegExp(`^([\\u4e00-\\u9fa5]{1,6}(?:期|阶段))\\s*[（(]\\s*(\\d{4})\\s*年?\\s*(?:${YEAR_DASH})\\s*(\\d{4})\\s*年?\\s*[）)]\\s*(?:目标)?\\s*[：:]`);
const OFFICE = /(?:领导小组)?下设(?:[\u4e00-\u9fa5]{0,12}领导小组)?办公室[，,]?\s*(?:办公室)?(?:设在|设于|在|于)\s*([\u4e00-\u9fa5]{2,20}?(?:局|委员会|委|中心|办公室|政府|厅))(办公)?/;

function titleCandidates(paras: ParagraphBlock[]): Array<{ title: string; score: number; line: number }> {
  const out: Array<{ title: string; score: number; line: number }> = [];
  paras.forEach((p, i) => {
    for (const m of p.text.matchAll(BOOK_TITLE)) {
      const title = m[1]!.trim();
      if (!PLAN_WORD.test(title)) continue;
      let score = 1;
      if (PERIOD_IN_TITLE.test(title)) score += 2;
      if (REGION_UNIT.test(title)) score += 1;
      if (/印发/.test(p.text)) score += 3;
      out.push({ title, score: score - i / 1000, line: p.line });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/** The title line of a document without a wrapper: a short line near the top naming a plan. */
function titleLine(paras: ParagraphBlock[]): string | null {
  for (let i = 0; i < paras.length; i++) {
    const text = paras[i]!.text.replace(/\s+/g, '');
    if (text.length > MAX_TITLE_CHARS || isTocLine(paras[i]!.text) || /[。；]$/.test(text)) continue;
    if (/^关于印发/.test(text)) {
      // "关于印发X\n（2022—2028年）的通知" may be broken over lines
      const joined = (text + (paras[i + 1]?.text ?? '').replace(/\s+/g, '')).replace(/的通知.*$/, '');
      return joined.replace(/^关于印发/, '') || null;
    }
    if (PLAN_WORD.test(text) && !/^[《]/.test(text)) return text;
  }
  return null;
}

export function regionOf(title: string): string | null {
  let rest = title.replace(PROVINCE, '');
  let last: string | null = null;
  for (let i = 0; i < 3; i++) {
    const m = REGION_UNIT.exec(rest);
    // a name after the first is a place inside it only when short (黔江区 after 重庆市), not a phrase (…示范县)
    if (!m || (last !== null && m[1]!.length > 6)) break;
    last = m[1]!;
    rest = rest.slice(m[1]!.length);
    // a county, district or banner is the plan's region; a city may be followed by its district
    if (!/(市|州|盟)$/.test(last)) break;
  }
  return last;
}

export function extractPlanInfo(doc: PlanDocument, _ctx: ExtractContext): PartResult<PlanInfo> {
  const paras = paragraphs(doc);
  const head = paras.slice(0, HEAD_PARAGRAPHS);
  const candidates = titleCandidates(paras.slice(0, HEAD_PARAGRAPHS * 3));
  const title = candidates[0]?.title ?? titleLine(head);
  const region = title ? regionOf(title) : null;

  const info: PlanInfo = { title, region, period: null, baseYear: null, targetYears: [], phases: [] };

  const tp = title ? PERIOD_IN_TITLE.exec(halfWidth(title)) : null;
  if (tp) info.period = { start: Number(tp[1]), end: Number(tp[2]) };

  for (const p of head) {
    const text = p.text.replace(/\s+/g, '');
    if (!info.issuer && ISSUER.test(text) && !/关于/.test(text)) info.issuer = text;
  }

  let textPeriod: { start: number; end: number; line: number } | undefined;
  let nearFar: Array<{ year: number; place: Place }> = [];
  const byYears = new Map<number, number>();
  for (const p of paras) {
    const text = halfWidth(p.text);
    if (!textPeriod) {
      const m = PERIOD_IN_TEXT.exec(text);
      if (m) textPeriod = { start: Number(m[1]), end: Number(m[2]), line: p.line };
    }
    if (info.baseYear === null) {
      const m = BASE_YEAR.exec(text);
      if (m) info.baseYear = Number(m[1] ?? m[2]);
    }
    if (info.scope === undefined) {
      const m = SCOPE.exec(text);
      if (m) {
        let scope = m[1]!.trim();
        const at = region ? scope.indexOf(region) : -1;
        if (at > 0) scope = scope.slice(0, at);
        info.scope = scope;
      }
    }
    if (nearFar.length === 0) {
      const found = [...text.matchAll(NEAR_FAR)].map((m) => Number(m[1] ?? m[4]));
      if (found.length > 0) nearFar = found.map((year) => ({ year, place: { line: p.line } }));
    }
    for (const m of text.matchAll(BY_YEAR)) byYears.set(Number(m[1]), (byYears.get(Number(m[1])) ?? 0) + 1);
    const ph = PHASE.exec(text);
    if (ph) info.phases.push({ name: ph[1]!, start: Number(ph[2]), end: Number(ph[3]), printed: p.text, source: { line: p.line } });
    if (!info.office) {
      const m = OFFICE.exec(p.text);
      if (m) info.office = { unit: m[1]!, printed: m[0], source: { line: p.line } };
    }
  }

  const findings: Finding[] = [];
  if (textPeriod) {
    if (!info.period) info.period = { start: textPeriod.start, end: textPeriod.end };
    else if (info.period.start !== textPeriod.start || info.period.end !== textPeriod.end) {
      findings.push({
        kind: 'inconsistency',
        message: t('planContent.info.periodConflict', { title: `${info.period.start}—${info.period.end}`, text: `${textPeriod.start}—${textPeriod.end}` }),
        source: { line: textPeriod.line },
      });
    }
  }
  if (nearFar.length > 0) {
    info.targetYears = [...new Set(nearFar.map((n) => n.year))].sort((a, b) => a - b);
    info.targetYearsSource = nearFar[0]!.place;
  } else {
    const headerYears = new Set<number>();
    for (const b of doc.blocks) {
      if (b.kind !== 'table') continue;
      // per grid column, the header rows' text joined (目标值 spanning 2021年 … 2025年 gives each year)
      for (const text of headerTexts(b, b.rows.filter((x) => x.header))) {
        const m = HEADER_TARGET_YEAR.exec(halfWidth(text));
        if (m) headerYears.add(Number(m[1] ?? m[2] ?? m[3]));
      }
    }
    const inPeriod = (y: number) => !info.period || (y >= info.period.start && y <= info.period.end);
    const years = headerYears.size > 0 ? [...headerYears] : [...byYears.keys()];
    info.targetYears = years.filter(inPeriod).sort((a, b) => a - b);
  }
  return { value: info, findings };
}
