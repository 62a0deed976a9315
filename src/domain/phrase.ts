// Reading requirement and value phrases as typed data.
// parseRequirement / parseValue / parseTiers are pure; an unknown phrase throws PhraseError.
import type { Comparator, Polarity, Requirement, StateLevel, Tier, Trend, Value } from './types.ts';
import {
  ABSENCE_PATTERN,
  ABSENT_VALUE_PATTERN,
  ASPIRATION_PREFIX,
  DIRECTIVE_PATTERN,
  DONE_WORDS,
  FLAG_WORDS,
  HIGHER_IS_BETTER_OVERRIDES,
  LOWER_IS_BETTER,
  NEAR_SPAN,
  NOT_SIGNIFICANT,
  RELATION_PATTERN,
  SLIGHTLY_SPAN,
  STATE_PREFIXES,
  STATE_WORDS,
  TREND_WORDS,
  UNDONE_WORDS,
  VALUE_PREFIXES,
} from './vocabulary.ts';

/** A phrase the engine does not understand. Names the phrase and what it belongs to. */
export class PhraseError extends Error {
  constructor(
    readonly phrase: string,
    readonly what: 'requirement' | 'value' | 'tiers',
    readonly context: string,
    readonly expected: string,
    /** 'unknown': the words are not understood; 'range': understood, but impossible (a % above 100) */
    readonly problem: 'unknown' | 'range' = 'unknown',
  ) {
    super(`${problem === 'range' ? 'out-of-range' : 'cannot read'} ${what} "${phrase}" of ${context}: expected ${expected}`);
    this.name = 'PhraseError';
  }
}

export interface PhraseContext {
  /** e.g. "国家生态文明建设示范县建设指标 第29项 村镇饮用水卫生合格率" — used in errors */
  label: string;
  unit?: string;
  polarity?: Polarity;
}

const FULL_TO_HALF: Record<string, string> = {
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '％': '%',
  '（': '(',
  '）': ')',
  '．': '.',
  '－': '-',
  '，': '，',
  'Ⅴ': 'V',
  '≧': '≥',
  '≦': '≤',
  '～': '~',
};

/** Normalise width variants so that ＞95％ and >95% read alike. Chinese punctuation stays. */
export function normalise(text: string): string {
  let out = '';
  for (const ch of text.trim()) {
    const code = ch.charCodeAt(0);
    if (FULL_TO_HALF[ch] !== undefined) out += FULL_TO_HALF[ch];
    else if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else out += ch;
  }
  return out.replace(/\s+/g, '').replace(/>=/g, '≥').replace(/<=/g, '≤');
}

/** Footnote marks (【1】, [1], ①) and asterisks are not part of the figure. */
export function stripMarks(text: string): { text: string; marks: string[]; asterisk: boolean } {
  const marks: string[] = [];
  let asterisk = false;
  let t = text.replace(/【\s*\d+\s*】|\[\s*\d+\s*\]|[①②③④⑤⑥⑦⑧⑨⑩]/g, (m) => {
    marks.push(m);
    return '';
  });
  if (/\*/.test(t)) {
    asterisk = true;
    t = t.replace(/\*/g, '');
  }
  return { text: t.trim(), marks, asterisk };
}

/** Infer which way is better from the indicator's name. */
export function inferPolarity(name: string): Polarity {
  const n = normalise(name);
  if (HIGHER_IS_BETTER_OVERRIDES.some((w) => n.includes(w))) return 'higher';
  if (LOWER_IS_BETTER.some((w) => n.includes(normalise(w)))) return 'lower';
  return 'higher';
}

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const OPS: Record<string, Comparator> = { '≥': '>=', '>': '>', '≤': '<=', '<': '<', '=': '=' };

function stateOf(word: string): StateLevel | undefined {
  return STATE_WORDS.find(([w]) => w === word)?.[1];
}

/** Split on the Chinese semicolon (and ;), dropping empty pieces. */
function splitParts(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

// ---------------------------------------------------------------- requirements

/** Read a requirement or target phrase. Throws PhraseError on anything unknown. */
export function parseRequirement(printed: string, ctx: PhraseContext): Requirement {
  const text = normalise(stripMarks(printed).text);
  const parsed = readRequirement(text, ctx);
  if (!parsed) {
    throw new PhraseError(
      printed,
      'requirement',
      ctx.label,
      '阈值（如 ≥95、>90%）、趋势（稳定提高、不降低…）、状态（建立、开展、全面实施…）、上级任务（完成上级规定的考核任务）或其组合',
    );
  }
  return parsed;
}

function readRequirement(text: string, ctx: PhraseContext): Requirement | undefined {
  if (text === '') return undefined;
  const semi = splitParts(text, /[；;]/);
  if (semi.length > 1) return composite(semi.map((p) => readRequirement(p, ctx)));
  const single = readSingleRequirement(text, ctx);
  if (single) return single;
  const comma = splitParts(text, /[，,、]/);
  if (comma.length > 1) return composite(comma.map((p) => readRequirement(p, ctx)));
  return undefined;
}

function composite(parts: Array<Requirement | undefined>): Requirement | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  return { kind: 'composite', parts: parts as Requirement[] };
}

function readSingleRequirement(text: string, ctx: PhraseContext): Requirement | undefined {
  let t = text;
  let aspirational = false;
  if (t.startsWith(ASPIRATION_PREFIX)) {
    aspirational = true;
    t = t.slice(ASPIRATION_PREFIX.length);
  }
  const threshold = readThreshold(t, ctx);
  if (threshold) return aspirational ? { ...threshold, aspirational: true } : threshold;

  const weighted = /^(≥|>|≤|<|=)([\u4e00-\u9fff]+值)$/.exec(t);
  if (weighted) return { kind: 'weighted', op: OPS[weighted[1]!]!, reference: weighted[2]! };

  const state = stateOf(t);
  if (state !== undefined) return { kind: 'state', level: state, word: t };

  if (DIRECTIVE_PATTERN.test(t)) return { kind: 'directive', word: t };
  const prefix = STATE_PREFIXES.find((w) => t.startsWith(w) && t.length > w.length);
  if (prefix) return { kind: 'state', level: stateOf(prefix)!, word: t };

  if (t === NOT_SIGNIFICANT) return { kind: 'absence', subject: '' };
  const absence = ABSENCE_PATTERN.exec(t);
  if (absence) return { kind: 'absence', subject: absence[2]! };

  if (RELATION_PATTERN.test(t)) return { kind: 'relation', word: t };

  const trend = readTrend(t);
  if (trend) return { kind: 'trend', trend: trend.trend, ...(trend.subject ? { subject: trend.subject } : {}) };
  return undefined;
}

/** ≥95, >90%, PM2.5浓度≤37, 100, 40%, 达到72%以上, 突破85%, 累计下降16%, 400亿元以上. */
function readThreshold(t: string, ctx: PhraseContext): Extract<Requirement, { kind: 'threshold' }> | undefined {
  const unit = '(%|‰|[\\u4e00-\\u9fff/A-Za-z0-9²³.]*?)';
  const withOp = new RegExp(`^(.*?)(≥|>|≤|<|=)${NUMBER}${unit}$`).exec(t);
  if (withOp) {
    const subject = withOp[1]!;
    if (subject !== '' && !/^[\u4e00-\u9fffA-Za-z0-9.（）()]+$/.test(subject)) return undefined;
    if (subject === 'A') return undefined;
    return {
      kind: 'threshold',
      op: OPS[withOp[2]!]!,
      value: Number(withOp[3]),
      ...(subject ? { subject } : {}),
    };
  }
  const bareOp: Comparator = ctx.polarity === 'lower' ? '<=' : '>=';
  const bare = new RegExp(`^${NUMBER}(%|‰)?$`).exec(t);
  if (bare) return { kind: 'threshold', op: bareOp, value: Number(bare[1]) };
  // Words around a number: 达到X以上, X以上, X以下, 突破X, 累计下降X%, 达到X
  const worded = new RegExp(`^(达到|突破|超过|累计下降|下降|提高到|提高至|控制在)?${NUMBER}${unit}(以上|以下|以内)?$`).exec(t);
  if (worded && (worded[1] || worded[4] || worded[3])) {
    const verb = worded[1] ?? '';
    const tail = worded[4] ?? '';
    const value = Number(worded[2]);
    if (verb === '突破' || verb === '超过') return { kind: 'threshold', op: '>', value };
    if (verb === '累计下降' || verb === '下降') return { kind: 'threshold', op: '>=', value, subject: verb };
    if (tail === '以上') return { kind: 'threshold', op: '>=', value };
    if (tail === '以下' || tail === '以内' || verb === '控制在') return { kind: 'threshold', op: '<=', value };
    if (verb) return { kind: 'threshold', op: bareOp, value };
  }
  return undefined;
}

/** 稳定提高, 不降低, 面积不减少, 保持稳定或持续改善, 生物多样性不降低. */
function readTrend(t: string): { trend: Trend; subject?: string } | undefined {
  for (const [word, trend] of TREND_WORDS) {
    if (t === word) return { trend };
    if (t.endsWith(word)) {
      const subject = t.slice(0, t.length - word.length);
      if (/^[\u4e00-\u9fffA-Za-z0-9.]+$/.test(subject) && !/\d/.test(subject.slice(-1))) return { trend, subject };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- values

export interface ReadValue {
  value: Value;
  /** footnote marks found in the printed text */
  marks: string[];
  /** the printed text carries an asterisk (the plans use it for "older year") */
  asterisk: boolean;
  /** flags named in the text itself, e.g. 49.3（抽样） */
  flags: string[];
  /** words in brackets that are neither flags nor trends, e.g. 67.6（山区） */
  notes: string[];
}

/** Read a printed value. Throws PhraseError on anything unknown or impossible (a % above 100). */
export function parseValue(printed: string, ctx: PhraseContext): ReadValue {
  const { text: stripped, marks, asterisk } = stripMarks(printed);
  const flags: string[] = [];
  const notes: string[] = [];
  const text = normalise(stripped);
  const value = readValue(text, ctx, flags, notes);
  if (!value) {
    throw new PhraseError(
      printed,
      'value',
      ctx.label,
      '数值（如 98.3%、大于70、接近100）、状态（已建立、正在制定、开展…）、“-”（无数据）或其组合',
    );
  }
  checkRange(value, printed, ctx);
  return { value, marks, asterisk, flags, notes };
}

function checkRange(value: Value, printed: string, ctx: PhraseContext): void {
  if (value.kind === 'composite') {
    value.parts.forEach((p) => checkRange(p, printed, ctx));
    return;
  }
  if (value.kind !== 'number') return;
  const isPercent = ctx.unit !== undefined && /^[%％]$/.test(ctx.unit.trim());
  if (isPercent && (value.lo > 100 || (value.lo === 100 && value.loOpen))) {
    throw new PhraseError(printed, 'value', ctx.label, '百分比数值应在 0 到 100 之间', 'range');
  }
  if (isPercent && value.hi < 0) {
    throw new PhraseError(printed, 'value', ctx.label, '百分比数值应在 0 到 100 之间', 'range');
  }
}

function readValue(text: string, ctx: PhraseContext, flags: string[], notes: string[]): Value | undefined {
  if (text === '' || text === '-' || text === '—' || text === '/' || text === '无数据') return { kind: 'none', word: text || '-' };
  // A cell printed over several lines may carry a flag or a condition word on a line of its own
  // (49.3 / 抽样; 67.6 / 山区): those lines annotate the figure.
  const semi = splitParts(text, /[；;]/).filter((p) => !annotate(p, flags, notes));
  if (semi.length === 1 && semi[0] !== text) return readValue(semi[0]!, ctx, flags, notes);
  if (semi.length > 1) return compositeValue(semi.map((p) => readValue(p, ctx, flags, notes)));
  const single = readSingleValue(text, ctx, flags, notes);
  if (single) return single;
  const comma = splitParts(text, /[，,]/);
  if (comma.length > 1) return compositeValue(comma.map((p) => readValue(p, ctx, flags, notes)));
  return undefined;
}

const CONDITION_WORDS = ['山区', '丘陵', '丘陵地区', '平原', '平原地区', '城区', '乡镇'];

function annotate(part: string, flags: string[], notes: string[]): boolean {
  const flag = (FLAG_WORDS as Record<string, string>)[part];
  if (flag) {
    flags.push(flag);
    return true;
  }
  if (CONDITION_WORDS.includes(part)) {
    notes.push(part);
    return true;
  }
  return false;
}

function compositeValue(parts: Array<Value | undefined>): Value | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  return { kind: 'composite', parts: parts as Value[] };
}

function readSingleValue(text: string, ctx: PhraseContext, flags: string[], notes: string[]): Value | undefined {
  // A clause list (完成上级规定的考核任务，水质全部达到或优于Ⅲ类) is read clause by clause by the caller.
  if (text.includes('，')) return undefined;
  // A bracketed annotation: 98.1(保持稳定), 49.3(抽样), 67.6(山区)
  const bracket = /^(.+?)\(([^()]+)\)$/.exec(text);
  if (bracket) {
    const inner = bracket[2]!;
    const base = readSingleValue(bracket[1]!, ctx, flags, notes);
    if (!base) return undefined;
    const flag = (FLAG_WORDS as Record<string, string>)[inner];
    const trend = readTrend(inner);
    if (flag) flags.push(flag);
    else if (trend && base.kind === 'number') return { ...base, trend: trend.trend };
    else notes.push(inner);
    return base;
  }
  const number = readNumber(text, ctx);
  if (number) return number;

  if (UNDONE_WORDS.includes(text)) return { kind: 'undone', word: text };
  const state = stateOf(text);
  if (state !== undefined) {
    if (state === 0 && text === '未开展') return { kind: 'state', level: 0, word: text };
    return { kind: 'state', level: state, word: text };
  }
  // 获得3个: the state with a count
  const counted = /^(获得|建成|创建)(\d+)(个|项|处)$/.exec(text);
  if (counted) return { kind: 'state', level: 2, word: counted[1]! };
  if (DONE_WORDS.includes(text) || /^(完成|达到|满足|水质达到)/.test(text)) {
    if (/^完成.*(任务|目标|要求)$/.test(text) || DONE_WORDS.includes(text) || /^(达到|满足|水质达到)/.test(text))
      return { kind: 'done', word: text };
  }
  if (ABSENT_VALUE_PATTERN.test(text)) return { kind: 'absent', word: text };
  // 预估下降: an estimated trend
  if (text.startsWith('预估') || text.startsWith('预计')) {
    const trend = readTrend(text.slice(2));
    if (trend) {
      flags.push('估算');
      return { kind: 'trend', trend: trend.trend, estimated: true, ...(trend.subject ? { subject: trend.subject } : {}) };
    }
  }
  const trend = readTrend(text);
  if (trend) return { kind: 'trend', trend: trend.trend, ...(trend.subject ? { subject: trend.subject } : {}) };
  // A subject before a figure: 综合利用率接近100%
  const subject = /^([\u4e00-\u9fff]+?)((?:略大于|大于|小于|接近|超过|高于|低于|约)?-?\d.*)$/.exec(text);
  if (subject) return readNumber(subject[2]!, ctx);
  return undefined;
}

function readNumber(text: string, ctx: PhraseContext): Value | undefined {
  const isPercent = ctx.unit !== undefined && /^[%％]$/.test(ctx.unit.trim());
  const cap = isPercent ? 100 : Number.POSITIVE_INFINITY;
  const exact = new RegExp(`^${NUMBER}(%|‰)?$`).exec(text);
  if (exact) {
    const v = Number(exact[1]);
    return { kind: 'number', lo: v, hi: v, loOpen: false, hiOpen: false };
  }
  const sym = new RegExp(`^(≥|>|≤|<)${NUMBER}(%|‰)?$`).exec(text);
  if (sym) return intervalFrom(OPS[sym[1]!]!, Number(sym[2]), cap);
  for (const [prefix, kind] of VALUE_PREFIXES) {
    if (!text.startsWith(prefix)) continue;
    const m = new RegExp(`^${NUMBER}(%|‰)?$`).exec(text.slice(prefix.length));
    if (!m) continue;
    const v = Number(m[1]);
    switch (kind) {
      case 'gt':
        return intervalFrom('>', v, cap);
      case 'ge':
        return intervalFrom('>=', v, cap);
      case 'lt':
        return intervalFrom('<', v, cap);
      case 'le':
        return intervalFrom('<=', v, cap);
      case 'near':
        return { kind: 'number', lo: round(v * (1 - NEAR_SPAN)), hi: v, loOpen: false, hiOpen: false };
      case 'slightlyAbove':
        return { kind: 'number', lo: v, hi: Math.min(cap, round(v * (1 + SLIGHTLY_SPAN))), loOpen: true, hiOpen: false };
    }
  }
  const above = new RegExp(`^${NUMBER}(%|‰)?以上$`).exec(text);
  if (above) return intervalFrom('>=', Number(above[1]), cap);
  return undefined;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function intervalFrom(op: Comparator, v: number, cap: number): Value {
  switch (op) {
    case '>':
      return { kind: 'number', lo: v, hi: cap, loOpen: true, hiOpen: !Number.isFinite(cap) };
    case '>=':
      return { kind: 'number', lo: v, hi: cap, loOpen: false, hiOpen: !Number.isFinite(cap) };
    case '<':
      return { kind: 'number', lo: cap === 100 ? 0 : Number.NEGATIVE_INFINITY, hi: v, loOpen: cap !== 100, hiOpen: true };
    case '<=':
      return { kind: 'number', lo: cap === 100 ? 0 : Number.NEGATIVE_INFINITY, hi: v, loOpen: cap !== 100, hiOpen: false };
    case '=':
      return { kind: 'number', lo: v, hi: v, loOpen: false, hiOpen: false };
  }
}

// ---------------------------------------------------------------- tiers

/**
 * Scored bands as printed: "A≥60 → 3；60＞A≥55 → 2；55＞A≥50 → 1", "A=100 → 2；100＞A≥90 → 1".
 * A band whose condition is words (城区100，乡镇完成上级考核要求) is kept without a numeric band.
 */
export function parseTiers(printed: string, ctx: PhraseContext): Tier[] {
  const bands = splitParts(printed, /[；;]/);
  if (bands.length === 0) throw new PhraseError(printed, 'tiers', ctx.label, '如 “A≥60 → 3；60＞A≥55 → 2”');
  return bands.map((band) => {
    const m = /^(.+?)\s*→\s*(\d+(?:\.\d+)?)$/.exec(band.trim());
    if (!m) throw new PhraseError(band, 'tiers', ctx.label, '“条件 → 分值”，如 “A≥60 → 3”');
    const cond = normalise(m[1]!);
    const points = Number(m[2]);
    const numeric = readBand(cond);
    return numeric ? { printed: band, points, band: numeric } : { printed: band, points };
  });
}

function readBand(cond: string): Tier['band'] | undefined {
  const inf = Number.POSITIVE_INFINITY;
  let m = new RegExp(`^A(≥|>|=)${NUMBER}%?$`).exec(cond);
  if (m) {
    const v = Number(m[2]);
    if (m[1] === '=') return { lo: v, hi: v, loOpen: false, hiOpen: false };
    return { lo: v, hi: inf, loOpen: m[1] === '>', hiOpen: true };
  }
  m = new RegExp(`^${NUMBER}%?(>|≥)A(≥|>)${NUMBER}%?$`).exec(cond);
  if (m) return { lo: Number(m[4]), hi: Number(m[1]), loOpen: m[3] === '>', hiOpen: m[2] === '>' };
  m = new RegExp(`^${NUMBER}%?$`).exec(cond);
  if (m) {
    const v = Number(m[1]);
    return { lo: v, hi: v, loOpen: false, hiOpen: false };
  }
  return undefined;
}
