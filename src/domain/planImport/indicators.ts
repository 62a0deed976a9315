// Indicator tables: recognised as a built-in framework or read as the plan's own; values, flags, footnotes,
// targets, lead units, stated status; the plan's own achievement analysis. Pure.
//
// A table is found by its header words (indicatorTable.ts), its rows grouped into items by their number,
// an item's sub-rows read as parts (several indicators under one number), variants (a qualifier such as
// 山区 / 湿润地区 under the name) or scoring tiers (60＞A≥55 → 2). Every figure keeps the line it stands on.
//
// Layouts understood:
// - header words in any order: 序号, 指标名称/指标, 单位, 指标值/指标要求, 属性, 现状值（2021年）/2022年现状/基期,
//   达标情况, 目标值 over 近期（2024年）/远期（2027年） (a two-row header, text form or docx spans), 2028年目标,
//   a column per year (2020年 … 2025年: targets; a single bare year beside 得分: the baseline; the plan's base
//   year: the baseline), 分值/得分, 备注, 牵头单位/责任单位 (配合单位 appended), group columns 领域/目标, 任务
//   before the name (filled down when empty or merged);
// - parts: several lines in the name cell (one value line per part, one line for all, or a first line common
//   to all), rows under the number naming a sub-indicator, a qualifier column beside the name, or rows that
//   print their own unit and requirement (优良天数比例≥85 / PM2.5浓度≤37);
// - variants: a qualifier that names terrain, climate or a kind of region (山区, 湿润地区, …的地区);
// - applicability: 仅考核市… / 无海域，不涉及 in the requirement cell;
// - scoring tiers: rows under an item with a band in the requirement column and points beside it;
// - notes after the table (注：/说明：【1】… [1]… 带*号数据为2021年数据) and docx footnotes;
// - a table of the plan's own analysis (可达性分析/达标难度 column) goes onto the items it names.
// Not understood (left to the person reviewing): a table whose header has no name column or no value column
// (not read as indicators), a mark in a target or requirement cell (kept as printed, not resolved), a wrapped
// cell whose lines do not line up with the parts (joined with ；, every part given the whole).
import type { FrameworkFile, IndicatorDataFile, PlanFile } from '../../data/schema.ts';
import { t } from '../../i18n/index.ts';
import { leafContexts, validateFrameworkPhrases, type FrameworkDef } from '../assess.ts';
import { parseRequirement, parseValue, PhraseError } from '../phrase.ts';
import type { PlanDocument, TableBlock } from './document.ts';
import {
  cellPieces,
  columnRoles,
  headerNames,
  isIndicatorTable,
  layRow,
  withHeaderRows,
  MAX_ROW_CELLS,
  MAX_TABLE_ROWS,
  roleIndexes,
  type Column,
  type Piece,
  type Role,
  type RowView,
} from './indicatorTable.ts';
import { carryOlderYear, cellFlags, marksIn, markKey, noteFlags, tableNotes, type Flag, type TableNotes } from './indicatorNotes.ts';
import { matchFramework, normaliseName, similarNames } from './frameworkMatch.ts';
import { indicatorChecks } from './indicatorChecks.ts';
import { statedJudgements, tableJudgements } from './statedJudgements.ts';
import type { ExtractContext, ExtractedFramework, Finding, PartResult, PlanInfo } from './types.ts';

export interface IndicatorsResult {
  frameworks: ExtractedFramework[];
  /** the document's own counts/classes/score per framework (plan.yaml statedSummaries) */
  statedSummaries: NonNullable<PlanFile['statedSummaries']>;
}

/** At most this many tables of a document are looked at. */
const MAX_TABLES = 500;
/** At most this many indicator tables are read from one document. */
const MAX_INDICATOR_TABLES = 40;

/** Words of a cell that say the item does not apply here (仅考核市 / 无海域，不涉及). */
const NOT_APPLICABLE = /不涉及|不考核|仅考核/;
const ONLY_CITY_WORDS = /仅考核市|仅.{0,4}市/;
const ONLY_COASTAL = /海域|海岸|近岸|沿海|海/;
/** A scored table's full and passing score as the text states them (满分100分 … 92分以上通过). */
const FULL_SCORE = /满分\s*(\d+)\s*分/;
const PASS_SCORE = /(\d+)\s*分以上/;
/** A caption's table number (表2, 附表1). */
const TABLE_NUMBER = /^\s*(附?表\s*[\d一二三四五六七八九十]+)/;
/** The item number in the label the requirement language names an item by (… 第29项 …, see assess.ts leafContexts). */
const LABEL_NUMBER = /第(\S+?)项/;
/** Qualifiers printed under an indicator's name that make a variant (terrain, climate, a kind of region). */
const TERRAIN = /^(山区|丘陵|平原)(地区)?$/;
const CLIMATE = /^(半)?(湿润|干旱|湿润|寒冷|温暖)(地区|区)?$/;
const CONDITION = /(地区|区域)$|差距|比例.{0,6}(小于|大于)/;
const STATUS_WORDS = /^(达标|未达标|不涉及)$/;
const ATTRIBUTES = new Set(['约束性', '参考性', '预期性']);
const COMPARATOR = /^[≥≤><＞＜=＝]/;
const SPLIT_UNITS = /[、；;，,\n]/;

type FwItem = FrameworkFile['indicators'][number];
type FwPart = NonNullable<FwItem['parts']>[number];
type FwVariant = NonNullable<FwItem['variants']>[number];
type Entry = IndicatorDataFile['entries'][number];
type Status = NonNullable<Entry['statedStatus']>['printed'];

interface Leaf {
  name?: Piece;
  unit?: Piece;
  requirement?: Piece;
  points?: Piece;
  tiers: Array<{ cond: Piece; points: Piece }>;
  baseline?: Piece;
  status?: Piece;
  score?: Piece;
  targets: Array<{ year: number; piece: Piece }>;
}

interface RawItem {
  number: Piece;
  name: Piece;
  domain?: string;
  task?: string;
  attribute?: Piece;
  remark?: Piece;
  lead: string[];
  coop: string[];
  applicability?: Piece;
  self: Leaf;
  parts: Leaf[];
  variants: Array<{ when: Piece; leaf: Leaf }>;
}

const emptyLeaf = (): Leaf => ({ tiers: [], targets: [] });

/** A cell's lines as one value: a phrase wrapped over short lines is joined as is, lines of their own with ；. */
function joinPieces(ps: Piece[]): Piece | undefined {
  if (ps.length === 0) return undefined;
  if (ps.length === 1) return ps[0];
  const wrapped = ps.every((p) => p.text.length <= 2 && !/\d/.test(p.text));
  return { ...ps[0]!, text: ps.map((p) => p.text).join(wrapped ? '' : '；') };
}

/** A cell's lines shared out over n parts: one line each, one line for all, or a first line common to all. */
function distribute(ps: Piece[], n: number): Array<Piece | undefined> {
  if (ps.length === 0) return Array.from({ length: n }, () => undefined);
  if (ps.length === n) return ps;
  if (ps.length === 1) return Array.from({ length: n }, () => ps[0]);
  if (ps.length === n + 1) return ps.slice(1).map((p) => ({ ...ps[0]!, text: `${ps[0]!.text}；${p.text}` }));
  const all = joinPieces(ps)!;
  return Array.from({ length: n }, () => all);
}

class TableReader {
  readonly items: RawItem[] = [];
  /** each item's first row and its number (as printed, or by order where the table prints none) */
  private readonly numbers = new Map<RowView, Piece>();
  private readonly grid: boolean;
  constructor(
    private readonly doc: PlanDocument,
    private readonly table: TableBlock,
    private readonly cols: Column[],
    private readonly info: PlanInfo,
  ) {
    this.grid = table.rows.some((r) => r.header && r.cells.some((c) => (c.span ?? 1) > 1));
  }

  private pieces(view: RowView, role: Role, which = 0): Piece[] {
    const idx = roleIndexes(this.cols, role)[which];
    if (idx === undefined) return [];
    return cellPieces(this.doc, view.cells.get(idx), view.index);
  }

  private targets(view: RowView): Array<{ year: number; pieces: Piece[] }> {
    const out: Array<{ year: number; pieces: Piece[] }> = [];
    roleIndexes(this.cols, 'target').forEach((idx, k) => {
      const year = this.cols[idx]!.year ?? this.info.targetYears[k];
      if (year === undefined) return;
      out.push({ year, pieces: cellPieces(this.doc, view.cells.get(idx), view.index) });
    });
    return out;
  }

  private leafOf(view: RowView): Leaf {
    const leaf = emptyLeaf();
    const set = (key: 'unit' | 'requirement' | 'points' | 'baseline' | 'status' | 'score', role: Role) => {
      const p = joinPieces(this.pieces(view, role));
      if (p) leaf[key] = p;
    };
    set('unit', 'unit');
    set('requirement', 'requirement');
    set('points', 'points');
    set('baseline', 'baseline');
    set('status', 'status');
    set('score', 'score');
    for (const tg of this.targets(view)) {
      const p = joinPieces(tg.pieces);
      if (p) leaf.targets.push({ year: tg.year, piece: p });
    }
    return leaf;
  }

  private hasValues(leaf: Leaf): boolean {
    return !!(leaf.requirement || leaf.baseline || leaf.targets.length > 0 || leaf.status || leaf.score);
  }

  read(): void {
    const views = this.table.rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => !r.header)
      .map(({ r, i }) => layRow(r, i + 1, this.cols, this.grid));
    let domain: string | undefined;
    let task: string | undefined;
    let group: RowView[] = [];
    const flush = () => {
      if (group.length > 0) this.items.push(this.item(group, domain, task));
      group = [];
    };
    // a table without a number column: each row naming an indicator is an item, numbered in order
    const numbered = roleIndexes(this.cols, 'number').length > 0;
    let order = 0;
    for (const v of views) {
      const printedNumber = this.pieces(v, 'number')[0];
      const name = numbered ? undefined : this.pieces(v, 'name')[0];
      const number = printedNumber ?? (name ? { ...name, text: String(++order) } : undefined);
      if (number) this.numbers.set(v, number);
      const d = this.pieces(v, 'domain').map((p) => p.text).join('');
      const tk = this.pieces(v, 'task').map((p) => p.text).join('');
      if (number) {
        flush();
        if (d) domain = d;
        if (tk) task = tk;
        group = [v];
      } else if (group.length > 0) {
        group.push(v);
      } else {
        if (d) domain = d;
        if (tk) task = tk;
      }
    }
    flush();
  }

  private item(grouped: RowView[], domain: string | undefined, task: string | undefined): RawItem {
    let rows = grouped;
    const first = rows[0]!;
    const names = this.pieces(first, 'name');
    const number = this.numbers.get(first)!;
    const item: RawItem = {
      number,
      name: names[0] ?? number,
      lead: this.pieces(first, 'lead').flatMap((p) => p.text.split(SPLIT_UNITS)).map((s) => s.trim()).filter(Boolean),
      coop: this.pieces(first, 'coop').flatMap((p) => p.text.split(SPLIT_UNITS)).map((s) => s.trim()).filter(Boolean),
      self: emptyLeaf(),
      parts: [],
      variants: [],
    };
    if (domain && roleIndexes(this.cols, 'domain').length > 0) item.domain = domain;
    if (task && roleIndexes(this.cols, 'task').length > 0) item.task = task;
    const attribute = joinPieces(this.pieces(first, 'attribute'));
    if (attribute) item.attribute = attribute;
    const remark = joinPieces(this.pieces(first, 'remark'));
    if (remark) item.remark = remark;
    const req = joinPieces(this.pieces(first, 'requirement'));
    if (req && NOT_APPLICABLE.test(req.text)) item.applicability = req;

    const subNames = names.slice(1);
    // a row under the number that names a sub-indicator in the name column (序号 empty): read as a qualified row
    const nameIdx = roleIndexes(this.cols, 'name')[0];
    if (nameIdx !== undefined && subNames.length === 0) {
      rows = rows.map((r, k) => {
        const named = r.cells.get(nameIdx);
        if (k === 0 || r.qualifier || !named || named.text === '') return r;
        const cells = new Map(r.cells);
        cells.delete(nameIdx);
        return { ...r, cells, qualifier: named };
      });
    }
    const qualified = rows.some((r) => r.qualifier);
    const rest = rows.slice(1);
    if (qualified) {
      // a qualifier column beside the name: each qualified row starts a part or a variant; rows below it are its tiers
      const subs: Array<{ when: Piece; leaf: Leaf }> = [];
      for (const r of rows) {
        if (r.qualifier) {
          const when = cellPieces(this.doc, r.qualifier, r.index);
          subs.push({ when: joinPieces(when)!, leaf: this.leafOf(r) });
        } else if (subs.length > 0) this.addTier(subs[subs.length - 1]!.leaf, r);
        else item.self = this.leafOf(r);
      }
      const conditions = subs.some((s) => isCondition(s.when.text)) && subs.some((s) => s.leaf.requirement);
      const valued = subs.filter((s) => this.hasValues(s.leaf));
      if (conditions) {
        // the item's own figures stand in the first variant's row
        const { requirement: _byVariant, ...head } = this.leafOf(first);
        item.self = { ...head, tiers: [] };
        item.variants = subs;
      } else if (valued.length <= 1 && subs.length > 0) {
        // qualifiers that only spell out the name (生态保护红线 / 自然保护地 with one requirement): one item
        item.self = valued[0]?.leaf ?? (first.qualifier ? subs[0]!.leaf : item.self);
      } else {
        // a unit cell merged down over the parts below it is empty in the text form: the unit above holds
        let unit: Piece | undefined;
        item.parts = subs.map((s) => {
          if (s.leaf.unit) unit = s.leaf.unit;
          return { ...s.leaf, name: s.when, ...(unit && !s.leaf.unit ? { unit } : {}) };
        });
      }
    } else if (subNames.length > 0) {
      const self = this.leafOf(first);
      if (subNames.length === 1 && isCondition(subNames[0]!.text)) {
        const { requirement: _byVariant, ...own } = self;
        item.self = { ...own, tiers: [] };
        const leaf = emptyLeaf();
        if (self.requirement) leaf.requirement = self.requirement;
        item.variants = [{ when: subNames[0]!, leaf }];
        for (const r of rest) this.addTier(leaf, r);
      } else {
        const n = subNames.length;
        const dist = (role: Role) => distribute(this.pieces(first, role), n);
        const unit = dist('unit');
        const requirement = item.applicability ? [] : dist('requirement');
        const points = dist('points');
        const baseline = dist('baseline');
        const status = dist('status');
        const score = dist('score');
        const targets = this.targets(first).map((tg) => ({ year: tg.year, d: distribute(tg.pieces, n) }));
        item.parts = subNames.map((name, i) => {
          const leaf: Leaf = { name, tiers: [], targets: [] };
          if (unit[i]) leaf.unit = unit[i];
          if (requirement[i]) leaf.requirement = requirement[i];
          if (points[i]) leaf.points = points[i];
          if (baseline[i]) leaf.baseline = baseline[i];
          if (status[i]) leaf.status = status[i];
          if (score[i]) leaf.score = score[i];
          for (const tg of targets) if (tg.d[i]) leaf.targets.push({ year: tg.year, piece: tg.d[i]! });
          return leaf;
        });
        for (const r of rest) this.addTier(item.parts[item.parts.length - 1]!, r);
      }
    } else {
      // rows under the number without a name: a part printed by its own unit and requirement, or a tier
      const self = this.leafOf(first);
      const partRows = rest.filter((r) => {
        const l = this.leafOf(r);
        return !!(l.unit && l.requirement && !/A/.test(l.requirement.text));
      });
      if (partRows.length > 0) {
        const firstPart = { ...self, name: partName(self.requirement) ?? item.name };
        item.parts = [firstPart];
        for (const r of rest) {
          if (partRows.includes(r)) {
            const l = this.leafOf(r);
            item.parts.push({ ...l, name: partName(l.requirement)! });
          } else this.addTier(item.parts[item.parts.length - 1]!, r);
        }
      } else {
        item.self = self;
        for (const r of rest) this.addTier(item.self, r);
      }
    }
    if (item.applicability) delete item.self.requirement;
    return item;
  }

  /** A row below an item that prints another scoring band (60＞A≥55 | 2). */
  private addTier(leaf: Leaf, r: RowView): void {
    const cond = joinPieces(this.pieces(r, 'requirement'));
    const points = joinPieces(this.pieces(r, 'points'));
    if (cond && points) leaf.tiers.push({ cond, points });
  }
}

function isCondition(text: string): boolean {
  return TERRAIN.test(text) || CLIMATE.test(text) || CONDITION.test(text);
}

function variantWhen(text: string): FwVariant['when'] {
  const terrain = TERRAIN.exec(text);
  if (terrain) return { terrain: terrain[1]! };
  if (CLIMATE.test(text)) return { climate: text };
  return { printed: text };
}

/** A part named only by its requirement (优良天数比例≥85 → 优良天数比例; 基本消除重污染天气 as it stands). */
function partName(req: Piece | undefined): Piece | undefined {
  if (!req) return undefined;
  const m = /^(.*?[^\d.\s])\s*[≥≤><＞＜=＝]/.exec(req.text);
  return { ...req, text: m ? m[1]!.trim() : req.text };
}

function num(p: Piece | undefined): number | undefined {
  if (!p) return undefined;
  return /^\d+(\.\d+)?$/.test(p.text) ? Number(p.text) : undefined;
}

function tiersText(leaf: Leaf): string | undefined {
  if (leaf.tiers.length === 0 || !leaf.requirement || !leaf.points) return undefined;
  const req = leaf.requirement.text;
  const later = leaf.tiers.some((b) => /A/.test(b.cond.text));
  const head = COMPARATOR.test(req) ? `A${req}` : /^\d+(\.\d+)?%?$/.test(req) && later ? `A=${req}` : req;
  return [`${head} → ${leaf.points.text}`, ...leaf.tiers.map((b) => `${b.cond.text} → ${b.points.text}`)].join('；');
}

export function extractIndicators(doc: PlanDocument, ctx: ExtractContext, info: PlanInfo, planId: string): PartResult<IndicatorsResult> {
  const findings: Finding[] = [];
  const frameworks: ExtractedFramework[] = [];
  const captions = new Map<ExtractedFramework, string>();
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  if (tables.length > MAX_TABLES) {
    findings.push({ kind: 'unknownTable', message: t('planIndicators.tooManyTables', { count: tables.length, max: MAX_TABLES }), source: null });
  }
  const judgementTables: Array<{ table: TableBlock; cols: Column[] }> = [];
  let n = 0;
  for (const block of tables.slice(0, MAX_TABLES)) {
    const table = withHeaderRows(block);
    const label = tableLabel(table);
    if (table.rows.length > MAX_TABLE_ROWS || table.rows.some((r) => r.cells.length > MAX_ROW_CELLS)) {
      findings.push({ kind: 'unknownTable', message: t('planIndicators.tableTooLarge', { table: label, max: MAX_TABLE_ROWS, cells: MAX_ROW_CELLS }), source: { line: table.line, table: table.index } });
      continue;
    }
    const cols = columnRoles(headerNames(table), info.baseYear);
    if (!isIndicatorTable(cols)) continue;
    const judging = cols.some((c) => c.role === 'judgement');
    if (judging && namesKnown(table, cols, frameworks)) {
      // a table of the plan's own achievability analysis naming the items of tables read before: onto their items
      judgementTables.push({ table, cols });
      continue;
    }
    if (n >= MAX_INDICATOR_TABLES) {
      findings.push({ kind: 'unknownTable', message: t('planIndicators.tooManyIndicatorTables', { table: label, max: MAX_INDICATOR_TABLES }), source: { line: table.line, table: table.index } });
      continue;
    }
    // a baseline or target column whose year neither the header nor the plan says: named, not guessed
    roleIndexes(cols, 'target').forEach((idx, k) => {
      if (cols[idx]!.year === undefined && info.targetYears[k] === undefined) {
        findings.push({ kind: 'missingPlanField', message: t('planIndicators.columnYear', { table: label, column: cols[idx]!.header }), source: { line: table.line, table: table.index } });
      }
    });
    for (const idx of roleIndexes(cols, 'baseline')) {
      if (cols[idx]!.year === undefined && info.baseYear === null) {
        findings.push({ kind: 'missingPlanField', message: t('planIndicators.columnYear', { table: label, column: cols[idx]!.header }), source: { line: table.line, table: table.index } });
      }
    }
    const reader = new TableReader(doc, table, cols, info);
    reader.read();
    if (reader.items.length === 0) continue;
    n++;
    const fw = buildFramework(doc, ctx, info, planId, table, cols, reader.items, n, findings);
    frameworks.push(fw);
    captions.set(fw, table.caption ?? fw.framework.name);
    // an indicator table with its own achievability column: the judgements go onto its own items
    if (judging) findings.push(...tableJudgements(doc, ctx, table, cols, [fw]));
  }
  carryOlderYear(frameworks, similarNames);
  for (const { table, cols } of judgementTables) findings.push(...tableJudgements(doc, ctx, table, cols, frameworks));
  const judged = statedJudgements(doc, ctx, frameworks, captions);
  findings.push(...judged.findings);
  findings.push(...indicatorChecks(doc, frameworks, captions, judged.value));
  return { value: { frameworks, statedSummaries: judged.value }, findings };
}

/** Do at least half the rows of a table name items of the frameworks read so far? */
function namesKnown(table: TableBlock, cols: Column[], frameworks: ExtractedFramework[]): boolean {
  if (frameworks.length === 0) return false;
  const idx = roleIndexes(cols, 'name')[0];
  if (idx === undefined) return false;
  const grid = table.rows.some((r) => r.header && r.cells.some((c) => (c.span ?? 1) > 1));
  const names = table.rows
    .map((r, i) => (r.header ? undefined : layRow(r, i + 1, cols, grid).cells.get(idx)?.text.split('\n')[0]?.trim()))
    .filter((s): s is string => !!s);
  if (names.length === 0) return false;
  const known = names.filter((nm) =>
    frameworks.some((f) => f.framework.indicators.some((i) => similarNames(i.name, nm) || (i.parts ?? []).some((p) => similarNames(p.name, nm)))),
  );
  return known.length * 2 >= names.length;
}

function tableLabel(table: TableBlock): string {
  return table.caption ? `“${table.caption.trim()}”` : t('planIndicators.tableAt', { line: table.line });
}

function captionName(caption: string | undefined): string | undefined {
  if (!caption) return undefined;
  const name = caption
    .replace(/^\s*(附\s*表|表|附件)\s*[\d一二三四五六七八九十]+(-\d+)?\s*[：:.、]?\s*/, '')
    .trim();
  return name || undefined;
}

function buildFramework(
  doc: PlanDocument,
  ctx: ExtractContext,
  info: PlanInfo,
  planId: string,
  table: TableBlock,
  cols: Column[],
  items: RawItem[],
  n: number,
  findings: Finding[],
): ExtractedFramework {
  const src = (p: Piece) => ({ document: ctx.documentId, line: p.line, table: table.index, row: p.row, column: p.column });
  const label = tableLabel(table);
  const place = (p: Piece) => ({ line: p.line, table: table.index, row: p.row, column: p.column });
  const hasUnit = cols.some((c) => c.role === 'unit');
  const baselineCol = cols.find((c) => c.role === 'baseline');
  const baseYear = baselineCol?.year ?? info.baseYear ?? undefined;
  const notes = tableNotes(doc, table);

  const fwItems: FwItem[] = items.map((it) => {
    const out: FwItem = { number: it.number.text, name: it.name.text, source: src(it.number) };
    if (it.domain) out.domain = it.domain;
    if (it.task) out.task = it.task;
    const self = it.self;
    if (it.parts.length === 0 && self.unit) out.unit = self.unit.text;
    if (it.parts.length > 0 && it.parts.every((p) => !p.unit) && self.unit) out.unit = self.unit.text;
    if (it.parts.length === 0 && self.requirement) out.requirement = self.requirement.text;
    if (it.attribute && ATTRIBUTES.has(it.attribute.text)) out.attribute = it.attribute.text as FwItem['attribute'];
    if (it.remark) out.remark = it.remark.text;
    if (it.applicability) {
      out.applicability = {
        only: ONLY_COASTAL.test(it.applicability.text) && !ONLY_CITY_WORDS.test(it.applicability.text) ? 'coastal' : 'city',
        printed: it.applicability.text,
        source: src(it.applicability),
      };
    }
    if (it.parts.length === 0) {
      const pts = num(self.points);
      if (pts !== undefined) out.points = pts;
      const tiers = tiersText(self);
      if (tiers) out.tiers = tiers;
    }
    if (it.variants.length > 0) {
      out.variants = it.variants
        .filter((v) => v.leaf.requirement)
        .map((v) => {
          const variant: FwVariant = { when: variantWhen(v.when.text), requirement: v.leaf.requirement!.text, source: src(v.leaf.requirement!) };
          const tiers = tiersText(v.leaf);
          if (tiers) variant.tiers = tiers;
          return variant;
        });
      if (out.variants.length === 0) delete out.variants;
    }
    if (!hasUnit) {
      const texts = [self, ...it.parts].flatMap((l) => [l.requirement?.text, l.baseline?.text, ...l.targets.map((x) => x.piece.text)]);
      if (texts.some((s) => s && /[%％]/.test(s))) out.unitImplied = '%';
    }
    if (it.parts.length > 0) {
      const allScored = it.parts.every((p) => num(p.points) !== undefined);
      if (!allScored) {
        const pts = num(it.parts[0]!.points);
        if (pts !== undefined) out.points = pts;
      }
      out.parts = it.parts.map((p) => {
        const part: FwPart = { name: p.name!.text, source: src(p.name!) };
        if (p.unit) part.unit = p.unit.text;
        if (p.requirement && !it.applicability) part.requirement = p.requirement.text;
        if (allScored) {
          const pts = num(p.points);
          if (pts !== undefined) part.points = pts;
          const tiers = tiersText(p);
          if (tiers) part.tiers = tiers;
        }
        return part;
      });
    }
    return out;
  });

  const name = captionName(table.caption) ?? t('planIndicators.defaultName', { n });
  const ownId = `${planId}-indicators-${n}`;
  const framework: FrameworkFile = {
    id: ownId,
    name,
    version: String(baseYear ?? info.period?.start ?? n),
    source: { document: ctx.documentId, line: table.captionLine ?? table.line },
    indicators: fwItems,
  };
  const scoring = scoringOf(doc, table, cols, ctx);
  if (scoring) framework.scoring = scoring;

  // recognise a built-in framework by its items
  const match = matchFramework(framework, ctx.builtinFrameworks);
  const builtin = match ? ctx.builtinFrameworks.find((f) => f.id === match.id) : undefined;
  const id = builtin?.id ?? ownId;
  if (builtin) {
    framework.id = builtin.id;
    for (const miss of match!.missing) {
      findings.push({ kind: 'missingItem', message: t('planIndicators.missingItem', { table: label, framework: builtin.name, number: miss.number, name: miss.name }), source: { line: table.line, table: table.index } });
    }
    for (const extra of match!.unmatched) {
      const it = items.find((x) => x.number.text === extra.number);
      findings.push({ kind: 'unmatchedItem', message: t('planIndicators.unmatchedItem', { table: label, framework: builtin.name, number: extra.number, name: extra.name }), source: it ? place(it.number) : null });
    }
  }

  // the plan's data: one entry per item, or per part
  const entries: Entry[] = [];
  const byNumber = new Map(builtin?.indicators.map((i) => [i.number, i]) ?? []);
  for (const it of items) {
    const known = byNumber.get(it.number.text);
    const leaves: Array<{ leaf: Leaf; part?: string }> =
      it.parts.length > 0
        ? it.parts.map((p) => ({ leaf: p, part: knownPart(known, p.name!.text) ?? p.name!.text }))
        : [{ leaf: it.self }];
    for (const { leaf, part } of leaves) {
      const entry: Entry = { number: it.number.text, ...(part ? { part } : {}) };
      if (it.lead.length > 0) entry.leadUnits = [...it.lead, ...it.coop];
      else if (it.coop.length > 0) entry.leadUnits = it.coop;
      if (leaf.baseline && baseYear !== undefined) {
        entry.observations = [observation(leaf.baseline, baseYear, notes, src, place, label, it, part, findings)];
      }
      if (leaf.status && STATUS_WORDS.test(leaf.status.text) && baseYear !== undefined) {
        entry.statedStatus = { year: baseYear, printed: leaf.status.text as Status, source: src(leaf.status) };
      } else if (leaf.status) {
        findings.push({ kind: 'unreadableValue', message: t('planIndicators.statusUnread', { table: label, number: it.number.text, name: part ?? it.name.text, printed: leaf.status.text }), source: place(leaf.status) });
      }
      const score = num(leaf.score);
      if (score !== undefined && baseYear !== undefined) entry.statedScore = { year: baseYear, points: score, source: src(leaf.score!) };
      if (leaf.targets.length > 0) entry.targets = leaf.targets.map((x) => ({ year: x.year, printed: x.piece.text, source: src(x.piece) }));
      // a mark in a target or requirement cell: its note is kept with the table, not with the figure; a mark with no note is listed
      for (const p of [leaf.requirement, ...leaf.targets.map((x) => x.piece)]) {
        if (!p) continue;
        for (const mark of marksIn(p.text)) {
          const key = markKey(mark);
          if (key === '*' ? notes.star : notes.numbered.has(key)) continue;
          findings.push({ kind: 'footnoteMissing', message: t('planIndicators.footnoteMissing', { table: label, number: it.number.text, name: part ?? it.name.text, mark }), source: place(p) });
        }
      }
      entries.push(entry);
    }
  }
  const data: IndicatorDataFile = { plan: planId, framework: id, entries };
  phraseFindings(framework, data, items, label, place, findings);
  return { matched: builtin?.id ?? null, framework, data };
}

function knownPart(known: FwItem | undefined, name: string): string | undefined {
  if (!known?.parts) return undefined;
  const n = normaliseName(name);
  return (
    known.parts.find((p) => normaliseName(p.name) === n)?.name ??
    known.parts.find((p) => normaliseName(p.name).includes(n) || n.includes(normaliseName(p.name)))?.name
  );
}

function observation(
  p: Piece,
  year: number,
  notes: TableNotes,
  src: (p: Piece) => NonNullable<Entry['targets']>[number]['source'],
  place: (p: Piece) => Finding['source'],
  label: string,
  it: RawItem,
  part: string | undefined,
  findings: Finding[],
): NonNullable<Entry['observations']>[number] {
  const obs: NonNullable<Entry['observations']>[number] = { year, printed: p.text, source: src(p) };
  const flags = new Set<Flag>(cellFlags(p.text));
  let dataYear: number | undefined;
  for (const mark of marksIn(p.text)) {
    const key = markKey(mark);
    if (key === '*') {
      if (notes.star) {
        const said = noteFlags(notes.star.text, year);
        for (const f of said.flags) flags.add(f);
        if (said.dataYear !== undefined) dataYear = said.dataYear;
      } else {
        findings.push({ kind: 'footnoteMissing', message: t('planIndicators.footnoteMissing', { table: label, number: it.number.text, name: part ?? it.name.text, mark }), source: place(p) });
      }
      continue;
    }
    const note = notes.numbered.get(key);
    if (!note) {
      findings.push({ kind: 'footnoteMissing', message: t('planIndicators.footnoteMissing', { table: label, number: it.number.text, name: part ?? it.name.text, mark }), source: place(p) });
      continue;
    }
    if (!obs.footnote) obs.footnote = { mark, printed: note.text, source: { document: src(p)!.document, line: note.line } };
    const said = noteFlags(note.text, year);
    for (const f of said.flags) flags.add(f);
    if (said.dataYear !== undefined) dataYear = said.dataYear;
  }
  if (dataYear !== undefined) obs.dataYear = dataYear;
  if (flags.size > 0) obs.flags = [...flags];
  return obs;
}

/** Requirements, tiers, values and targets through the requirement language: what it cannot read is listed. */
function phraseFindings(
  framework: FrameworkFile,
  data: IndicatorDataFile,
  items: RawItem[],
  label: string,
  place: (p: Piece) => Finding['source'],
  findings: Finding[],
): void {
  const def = framework as unknown as FrameworkDef;
  /** the cell that prints the phrase, else the item's number cell */
  const where = (number: string, phrase: string) => {
    const it = items.find((x) => x.number.text === number);
    if (!it) return null;
    const leaves = [it.self, ...it.parts, ...it.variants.map((v) => v.leaf)];
    const cells = leaves.flatMap((l) => [l.requirement, ...l.tiers.map((b) => b.cond)]).filter((p): p is Piece => !!p);
    const cell = cells.find((p) => p.text === phrase) ?? cells.find((p) => p.text.includes(phrase) || phrase.includes(p.text));
    return place(cell ?? it.number);
  };
  const message = (e: PhraseError) =>
    t('planIndicators.phrase', {
      table: label,
      detail: t(e.problem === 'range' ? 'error.phraseRange' : 'error.phrase', { what: t(`error.what.${e.what}`), phrase: e.phrase, context: e.context, expected: e.expected }),
    });
  for (const e of validateFrameworkPhrases(def)) {
    const number = LABEL_NUMBER.exec(e.context)?.[1] ?? '';
    findings.push({ kind: 'unknownPhrase', message: message(e), source: where(number, e.phrase) });
  }
  const leaves = leafContexts(def);
  for (const entry of data.entries) {
    const ctx = leaves.get(entry.part ? `${entry.number}/${entry.part}` : entry.number);
    if (!ctx) continue;
    for (const o of entry.observations ?? []) {
      if (o.printed === '-') continue;
      try {
        parseValue(o.printed, ctx);
      } catch (e) {
        if (!(e instanceof PhraseError)) throw e;
        findings.push({ kind: 'unreadableValue', message: message(e), source: o.source ? { line: o.source.line, ...(o.source.table ? { table: o.source.table, row: o.source.row!, column: o.source.column! } : {}) } : null });
      }
    }
    for (const tg of entry.targets ?? []) {
      try {
        parseRequirement(tg.printed, ctx);
      } catch (e) {
        if (!(e instanceof PhraseError)) throw e;
        findings.push({ kind: 'unknownPhrase', message: message(e), source: tg.source ? { line: tg.source.line, ...(tg.source.table ? { table: tg.source.table, row: tg.source.row!, column: tg.source.column! } : {}) } : null });
      }
    }
  }
}

/** A scored table's full and passing score, from the text that introduces it (满分100分 … 92分以上通过). */
function scoringOf(doc: PlanDocument, table: TableBlock, cols: Column[], ctx: ExtractContext): FrameworkFile['scoring'] | undefined {
  if (!cols.some((c) => c.role === 'points')) return undefined;
  const tableNo = TABLE_NUMBER.exec(table.caption ?? '')?.[1]?.replace(/\s+/g, '');
  const candidates = doc.blocks.filter((b) => b.kind === 'paragraph' && FULL_SCORE.test(b.text) && PASS_SCORE.test(b.text));
  const para =
    (tableNo ? candidates.find((b) => b.kind === 'paragraph' && b.text.replace(/\s+/g, '').includes(tableNo)) : undefined) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  if (!para || para.kind !== 'paragraph') return undefined;
  const max = FULL_SCORE.exec(para.text);
  const pass = PASS_SCORE.exec(para.text);
  if (!max || !pass) return undefined;
  return { maxScore: Number(max[1]), passScore: Number(pass[1]), source: { document: ctx.documentId, line: para.line } };
}
