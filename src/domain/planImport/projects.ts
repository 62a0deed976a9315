// Project tables, read by their header; groups and subtotals checked against the rows. Pure.
//
// A project table is recognised by its header words, whatever their order: a name column (项目名称/工程名称)
// and an investment or content column; the others (序号, 类别, 分项, 建设内容, 投资（万元/亿元）, 建设年限,
// 责任单位, 项目来源, 对应指标) are read when present. A row with one filled cell of the form
// "一、生态安全保障工程（31项20.5455亿元）" opens a group with its stated count and sum; a 合计/总计 row
// states the total; 小计 rows state the group's sum. Category columns left empty (merged cells) carry the
// value above, marked as inherited. When a plan has no project table, its project chapter's prose is read:
// "…共N个项目，总投资约X亿元" as the total and "X工程包括A、B、C等N个具体项目，投资约Y亿元" per group.
import type { ProjectsFile } from '../../data/schema.ts';
import { t } from '../../i18n/index.ts';
import { rollupProjects } from '../projects.ts';
import { CN_NUMERAL, chineseNumber, halfWidth, headerTexts, paragraphs, toWan, yearRange } from './contentText.ts';
import type { Cell, PlanDocument, Row, TableBlock } from './document.ts';
import type { ExtractContext, Finding, PartResult } from './types.ts';

type Project = ProjectsFile['projects'][number];
type Group = ProjectsFile['groups'][number];
type Stated = NonNullable<Group['stated']>;

/** Bounds on what a document may hold, so a stranger's file cannot make the reading run away. */
const MAX_PROJECT_ROWS = 5000;
const MAX_CELL_CHARS = 5000;

type Field = 'number' | 'category' | 'subCategory' | 'name' | 'content' | 'investment' | 'years' | 'leadUnits' | 'origin' | 'indicators';

/** Header words of project tables (data about the documents), tried in this order for each column. */
const HEADER_WORDS: Array<[Field, RegExp]> = [
  ['number', /^(序号|编号|序)$/],
  ['subCategory', /分项|子项|小类|子类|二级类/],
  ['category', /类别|类型|大类|工程类/],
  ['name', /(项目|工程)名称|^名称$|^(建设)?(项目|工程)$/],
  ['content', /建设内容|项目内容|建设规模|主要内容|实施内容/],
  ['investment', /投资/],
  ['years', /年限|年度|期限|起止|建设周期|实施时间|建设时间|完成时间/],
  ['leadUnits', /责任单位|牵头|实施单位|责任部门|主管|主体|业主/],
  ['origin', /来源|依据/],
  ['indicators', /指标/],
];

/** Group header rows: "一、生态安全保障工程（31项20.5455亿元）"; the bracket is optional. */
const GROUP_ROW = new RegExp(
  `^(${CN_NUMERAL}|\\d{1,3})\\s*[、.．]\\s*(.+?)\\s*(?:[（(]\\s*(?:共\\s*)?(\\d+)\\s*(?:个项目|项目|项|个)\\s*[，,、]?\\s*(?:总?投资\\s*)?(约)?\\s*([\\d.]+)\\s*(亿元|万元)\\s*[）)])?$`,
);
const TOTAL_ROW = /^(合\s*计|总\s*计)/;
const SUBTOTAL_ROW = /^小\s*计/;
const COUNT_IN_CELL = /(\d+)\s*(?:个项目|项目|项|个)/;
const BARE_NUMERAL = new RegExp(`^${CN_NUMERAL}$`);
/** The words of a lead-unit cell's end: a line that ends so is a unit of its own. */
const UNIT_END = /.{2,}(局|委|委员会|政府|中心|公司|集团|办公室|管委会|所|站|队|院)$/;

const joinLines = (text: string) => text.split('\n').map((s) => s.trim()).join('');

/**
 * The table's header rows: those the reader marked, and the short rows just below that name sub-columns
 * (项目类别 over 类别 | 分项) without a number or a project name.
 */
function headerRowsOf(table: TableBlock): Row[] {
  const rows = table.rows.filter((r) => r.header);
  for (let i = rows.length; i < Math.min(table.rows.length, rows.length + 2); i++) {
    const row = table.rows[i]!;
    const filled = row.cells.filter((c) => c.text !== '');
    if (row.header || filled.length < 2 || !filled.every((c) => c.text.length <= 8 && !/\d/.test(c.text))) break;
    if (!filled.some((c) => HEADER_WORDS.some(([, w]) => w.test(c.text.replace(/\s+/g, ''))))) break;
    rows.push(row);
  }
  return rows;
}

function columnsOf(table: TableBlock, headerRows: Row[]): Map<Field, number> | null {
  const texts = headerTexts(table, headerRows);
  const cols = new Map<Field, number>();
  texts.forEach((text, i) => {
    for (const [field, words] of HEADER_WORDS) {
      if (cols.has(field)) {
        // a second category column is the sub-category
        if (field === 'category' && words.test(text) && !cols.has('subCategory')) {
          cols.set('subCategory', i + 1);
          return;
        }
        continue;
      }
      if (words.test(text)) {
        cols.set(field, i + 1);
        return;
      }
    }
  });
  // of several investment columns (总投资, 其中中央资金 …) the total is the one read
  const total = texts.findIndex((x) => /总投资|投资总额|合计投资/.test(x));
  if (total >= 0 && [...cols.values()].filter((c) => c === total + 1).length === 0) cols.set('investment', total + 1);
  if (!cols.has('name') || !(cols.has('investment') || cols.has('content'))) return null;
  return cols;
}

function investmentUnit(table: TableBlock, headerRows: Row[], col: number): string {
  const text = headerTexts(table, headerRows)[col - 1] ?? '';
  return /亿元/.test(text) ? '亿元' : '万元';
}

/** A header row repeated inside the table (a page break in a converted file). */
function isRepeatedHeader(row: Row, table: TableBlock): boolean {
  const header = table.rows[0]!;
  const texts = (r: Row) => r.cells.map((c) => c.text.replace(/\s+/g, '')).join('|');
  return row !== header && texts(row) === texts(header);
}

function cellAt(row: Row, col: number | undefined): Cell | undefined {
  return col === undefined ? undefined : row.cells.find((c) => c.column === col);
}

function splitUnits(text: string): string[] {
  const lines = text.split('\n').map((s) => s.trim()).filter(Boolean);
  const joined = lines.length > 1 && lines.every((l) => UNIT_END.test(l)) ? lines.join('、') : lines.join('');
  return joined.split(/[、；;，,/]/).map((s) => s.trim()).filter(Boolean);
}

function parseAmount(text: string, unit: string): number | null {
  const s = halfWidth(joinLines(text)).replace(/[,，\s]/g, '');
  return /^\d+(\.\d+)?$/.test(s) ? toWan(s, unit) : null;
}

function stated(count: number, investmentWan: number | null, approximate: boolean, printed: string, document: string, line: number): Stated {
  return { count, investmentWan, ...(approximate ? { approximate: true } : {}), printed, source: { document, line } };
}

interface Read {
  file: ProjectsFile;
  findings: Finding[];
}

function readTable(table: TableBlock, headerRows: Row[], cols: Map<Field, number>, ctx: ExtractContext, planId: string): Read {
  const doc = ctx.documentId;
  const findings: Finding[] = [];
  const unit = cols.has('investment') ? investmentUnit(table, headerRows, cols.get('investment')!) : '万元';
  const groups: Group[] = [];
  const projects: Project[] = [];
  let total: Stated | undefined;
  let group: Group | undefined;
  let category: string | undefined;
  let subCategory: string | undefined;
  const defaultGroup = table.caption?.trim() || t('planContent.projects.defaultGroup');

  for (const [rowIndex, row] of table.rows.entries()) {
    if (headerRows.includes(row)) continue;
    if (projects.length >= MAX_PROJECT_ROWS) {
      findings.push({ kind: 'unknownTable', message: t('planContent.projects.tooMany', { max: MAX_PROJECT_ROWS }), source: { line: row.line, table: table.index } });
      break;
    }
    const filled = row.cells.filter((c) => c.text !== '');
    if (filled.length === 0) continue;
    const first = joinLines(filled[0]!.text);
    // the total and subtotals
    if (TOTAL_ROW.test(first) || SUBTOTAL_ROW.test(first)) {
      const amountCell = filled.slice(1).find((c) => parseAmount(c.text, unit) !== null);
      const inv = amountCell ? parseAmount(amountCell.text, unit) : null;
      // the value's own cell, as the data cite a figure (the row's words when no cell holds an amount)
      const printed = amountCell ? joinLines(amountCell.text) : filled.map((c) => joinLines(c.text)).join('；');
      const line = amountCell?.line ?? row.line;
      const countCell = filled.slice(1).find((c) => c !== amountCell && COUNT_IN_CELL.test(c.text)) ?? (COUNT_IN_CELL.test(first) ? filled[0] : undefined);
      const printedCount = countCell ? Number(COUNT_IN_CELL.exec(countCell.text)![1]) : null;
      if (TOTAL_ROW.test(first)) total = stated(printedCount ?? projects.length, inv, false, printed, doc, line);
      else if (group && !group.stated) {
        const count = projects.filter((p) => p.group === group!.name).length;
        group.stated = stated(count, inv, false, printed, doc, line);
      }
      continue;
    }
    // a group header: a row naming a group ("一、生态安全保障工程（31项20.5455亿元）"), its numeral possibly in a
    // cell of its own, its sum possibly in the investment column
    const invCol = cols.get('investment');
    const words = filled.filter((c) => c.column !== invCol);
    const groupText = words.length === 2 && BARE_NUMERAL.test(joinLines(words[0]!.text)) ? `${joinLines(words[0]!.text)}、${joinLines(words[1]!.text)}` : words.length === 1 ? first : '';
    const g = groupText && words.length <= 2 && filled.length - words.length <= 1 ? GROUP_ROW.exec(halfWidth(groupText).replace(/\s+/g, '')) : null;
    if (g && !/^\d+$/.test(first)) {
      const printed = filled.map((c) => joinLines(c.text)).join('；');
      const number = /^\d+$/.test(g[1]!) ? Number(g[1]) : g[1]!;
      group = { number, name: g[2]! };
      if (g[3] !== undefined && g[5] !== undefined) {
        group.stated = stated(Number(g[3]), toWan(g[5], g[6]!), g[4] !== undefined, printed, doc, row.line);
      } else {
        const amount = filled.find((c) => c.column === invCol);
        const inv = amount ? parseAmount(amount.text, unit) : null;
        // the count is not printed: the group's rows are counted when the table ends (only its sum is checked)
        if (inv !== null) group.stated = stated(-1, inv, false, printed, doc, amount!.line);
      }
      groups.push(group);
      category = undefined;
      subCategory = undefined;
      continue;
    }
    if (isRepeatedHeader(row, table)) continue;
    const nameCell = cellAt(row, cols.get('name'));
    const name = nameCell ? joinLines(nameCell.text).slice(0, MAX_CELL_CHARS) : '';
    if (name === '') continue;
    if (!group) {
      group = { number: 1, name: defaultGroup };
      groups.push(group);
    }
    const p: Project = { group: group.name, name, investmentWan: null, source: { document: doc, line: row.line, table: table.index, row: rowIndex + 1 } };
    const numberText = joinLines(cellAt(row, cols.get('number'))?.text ?? '');
    if (/^\d{1,6}$/.test(numberText)) p.number = Number(numberText);
    if (cols.has('category')) {
      const c = joinLines(cellAt(row, cols.get('category'))?.text ?? '');
      if (c !== '') {
        category = c;
        p.category = c;
      } else if (category !== undefined) {
        p.category = category;
        p.categoryInherited = true;
      }
    }
    if (cols.has('subCategory')) {
      const c = joinLines(cellAt(row, cols.get('subCategory'))?.text ?? '');
      if (c !== '') {
        subCategory = c;
        p.subCategory = c;
      } else if (subCategory !== undefined) {
        p.subCategory = subCategory;
        p.subCategoryInherited = true;
      }
    }
    // reorder keys as the data files write them
    const ordered: Project = { ...(p.number !== undefined ? { number: p.number } : {}), ...p };
    const content = joinLines(cellAt(row, cols.get('content'))?.text ?? '').slice(0, MAX_CELL_CHARS);
    if (content !== '') ordered.content = content;
    const invCell = cellAt(row, cols.get('investment'));
    const invText = invCell ? joinLines(invCell.text) : '';
    if (invText !== '') {
      ordered.investmentWan = parseAmount(invText, unit);
      ordered.investmentPrinted = invText;
      if (ordered.investmentWan === null) {
        findings.push({
          kind: 'unreadableValue',
          message: t('planContent.projects.investmentUnreadable', { name, printed: invText }),
          source: { line: invCell!.line, table: table.index, column: invCell!.column },
        });
      }
    }
    const yearsText = joinLines(cellAt(row, cols.get('years'))?.text ?? '');
    const years = yearsText ? yearRange(yearsText) : null;
    if (years) ordered.years = { printed: yearsText, ...years };
    const leads = splitUnits(cellAt(row, cols.get('leadUnits'))?.text ?? '');
    if (leads.length > 0) ordered.leadUnits = leads;
    const origin = joinLines(cellAt(row, cols.get('origin'))?.text ?? '');
    if (origin !== '') ordered.origin = origin;
    const ind = joinLines(cellAt(row, cols.get('indicators'))?.text ?? '')
      .split(/[、；;，,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (ind.length > 0) ordered.indicators = ind;
    projects.push(ordered);
  }
  for (const g of groups) {
    if (g.stated && g.stated.count < 0) g.stated.count = projects.filter((p) => p.group === g.name).length;
  }
  // no group rows: the categories are the groups
  if (groups.length === 1 && groups[0]!.name === defaultGroup && !groups[0]!.stated && projects.every((p) => p.category)) {
    groups.length = 0;
    for (const p of projects) {
      p.group = p.category!;
      if (!groups.some((g) => g.name === p.group)) groups.push({ number: groups.length + 1, name: p.group });
    }
  }
  const sum = projects.reduce((s, p) => s + (p.investmentWan ?? 0), 0);
  const file: ProjectsFile = {
    plan: planId,
    stated: total ?? stated(projects.length, projects.some((p) => p.investmentWan !== null) ? round4(sum) : null, false, t('planContent.projects.noTotal'), doc, table.line),
    groups,
    projects,
  };
  if (!total) {
    findings.push({ kind: 'missingPlanField', message: t('planContent.projects.noTotalRow', { count: projects.length }), source: { line: table.line, table: table.index } });
  }
  return { file, findings };
}

const round4 = (n: number) => Math.round(n * 10000) / 10000;

// ---------------------------------------------------------------------------------------------------------
// Projects named in prose

/** "…6大类29个重点工程项目，总投资约82.9亿元" — the plan's stated total in running text. */
const PROSE_TOTAL = /(\d+)\s*个[^，。；\d]{0,12}项目[^，。；]{0,6}[，,]\s*(?:总投资|投资总额|总投资额|投资)(?:为|共)?\s*(约为?)?\s*([\d.]+)\s*(亿元|万元)/;
/** "X包括A、B和C等N个具体项目，投资约Y亿元" — one group in running text. */
const PROSE_GROUP = /^(.{2,30}?)(?:主要)?包括(.+?)等\s*(\d+)\s*个[^，。；]{0,6}项目[，,]\s*(?:总?投资|投资总额)(?:为|共)?\s*(约为?)?\s*([\d.]+)\s*(亿元|万元)/;
const CLAUSE_HEADING = new RegExp(`^[（(](${CN_NUMERAL})[）)]`);

function readProse(doc: PlanDocument, ctx: ExtractContext, planId: string): ProjectsFile | null {
  const paras = paragraphs(doc);
  let total: Stated | undefined;
  const groups: Group[] = [];
  const projects: Project[] = [];
  let heading: number | undefined;
  for (const p of paras) {
    const text = halfWidth(p.text);
    const h = CLAUSE_HEADING.exec(p.text);
    if (h) heading = chineseNumber(h[1]!) ?? undefined;
    const g = PROSE_GROUP.exec(text);
    if (g) {
      const name = g[1]!.replace(/^[，,。\s]+/, '');
      const approximate = g[4] !== undefined;
      const number = heading ?? groups.length + 1;
      groups.push({ number, name, stated: stated(Number(g[3]), toWan(g[5]!, g[6]!), approximate, p.text, ctx.documentId, p.line) });
      for (const item of g[2]!.split(/[、，,]|和|及|以及/).map((s) => s.trim()).filter(Boolean)) {
        projects.push({ group: name, name: item, investmentWan: null, source: { document: ctx.documentId, line: p.line } });
      }
      heading = undefined;
      continue;
    }
    if (!total) {
      const m = PROSE_TOTAL.exec(text);
      if (m) total = stated(Number(m[1]), toWan(m[3]!, m[4]!), m[2] !== undefined, p.text, ctx.documentId, p.line);
    }
  }
  if (groups.length === 0) return null;
  const count = groups.reduce((s, g) => s + (g.stated?.count ?? 0), 0);
  return {
    plan: planId,
    stated: total ?? stated(count, null, false, groups.map((g) => g.stated!.printed).join(''), ctx.documentId, groups[0]!.stated!.source.line),
    groups,
    projects,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Checks

function checkSums(file: ProjectsFile, fromTable: boolean): Finding[] {
  const findings: Finding[] = [];
  const inputs = file.projects.map((p) => ({ group: p.group, name: p.name, investmentWan: p.investmentWan, leadUnits: p.leadUnits ?? [] }));
  // in prose only some projects are named: their count is not checked against the group's, only the sums
  const roll = rollupProjects(inputs, file.groups.map((g) => ({ name: g.name, stated: g.stated ?? null })), file.stated);
  for (const g of roll.groups) {
    const src = file.groups.find((x) => x.name === g.name)?.stated?.source;
    const place = src ? { line: src.line } : null;
    if (fromTable && g.countDifference !== null && g.countDifference !== 0) {
      findings.push({ kind: 'subtotalMismatch', message: t('planContent.projects.groupCount', { group: g.name, stated: g.statedCount ?? 0, rows: g.count }), source: place });
    }
    if (fromTable && g.investmentDifferenceWan !== null && g.investmentDifferenceWan !== 0) {
      findings.push({
        kind: 'subtotalMismatch',
        message: t('planContent.projects.groupSum', { group: g.name, stated: fmt(g.statedInvestmentWan), rows: fmt(g.investmentWan), difference: fmt(g.investmentDifferenceWan) }),
        source: place,
      });
    }
  }
  const place = { line: file.stated.source.line };
  if (fromTable) {
    if (roll.countDifference !== null && roll.countDifference !== 0) {
      findings.push({ kind: 'totalMismatch', message: t('planContent.projects.totalCount', { stated: roll.statedCount ?? 0, rows: roll.count }), source: place });
    }
    if (roll.investmentDifferenceWan !== null && roll.investmentDifferenceWan !== 0) {
      findings.push({
        kind: 'totalMismatch',
        message: t('planContent.projects.totalSum', { stated: fmt(roll.statedInvestmentWan), rows: fmt(roll.investmentWan), difference: fmt(roll.investmentDifferenceWan) }),
        source: place,
      });
    }
  } else {
    // prose: the groups' stated counts and sums against the stated total (sums as printed, rounded)
    const count = file.groups.reduce((s, g) => s + (g.stated?.count ?? 0), 0);
    if (file.groups.every((g) => g.stated) && count !== file.stated.count) {
      findings.push({ kind: 'totalMismatch', message: t('planContent.projects.proseCount', { stated: file.stated.count, groups: count }), source: place });
    }
    const sums = file.groups.map((g) => g.stated?.investmentWan ?? null);
    if (file.stated.investmentWan !== null && sums.every((s): s is number => s !== null)) {
      const sum = round4(sums.reduce((a, b) => a + b, 0));
      // "约" totals are rounded to their last printed digit
      const tolerance = file.stated.approximate ? precisionWan(file.stated.printed) : 0;
      if (Math.abs(sum - file.stated.investmentWan) > tolerance) {
        findings.push({ kind: 'totalMismatch', message: t('planContent.projects.proseSum', { stated: fmt(file.stated.investmentWan), groups: fmt(sum) }), source: place });
      }
    }
  }
  return findings;
}

/** Half a unit of the last digit an approximate 亿元 figure prints, in 万元 (82.9亿 → 500). */
function precisionWan(printed: string): number {
  const m = /([\d.]+)\s*亿元/.exec(halfWidth(printed));
  return m ? roundingWan(m[1]!, '亿元') : 0;
}

/** Half a unit of a printed amount's last digit, in 万元: "51.33" 亿元 → 50; "513306" 万元 → 0.5. */
function roundingWan(number: string, unit: string): number {
  const decimals = (number.split('.')[1] ?? '').length;
  return ((unit.startsWith('亿') ? 10000 : 1) / 10 ** decimals) / 2;
}

/** "其中生态安全保障工程31项共20.55亿元" — a group's count and sum as the text states them. */
const PROSE_GROUP_SUM = /([^，。；、\d]{2,24}?)(\d+)\s*(?:项|个项目|个)\s*(?:共|，|,)?\s*(?:投资)?(?:约)?\s*([\d.]+)\s*(亿元|万元)/g;

/** The text's own statement of the projects against the table: counts exactly, sums to the printed digits. */
function checkStatement(statement: NonNullable<ProjectsFile['statedProse']>, file: ProjectsFile): Finding[] {
  const findings: Finding[] = [];
  const text = halfWidth(statement.printed);
  const place = { line: statement.source.line };
  const rows = (name?: string) => file.projects.filter((p) => name === undefined || p.group === name);
  const sum = (list: ProjectsFile['projects']) => round4(list.reduce((a, p) => a + (p.investmentWan ?? 0), 0));
  const total = PROSE_TOTAL.exec(text);
  if (total) {
    const count = Number(total[1]);
    const wan = toWan(total[3]!, total[4]!);
    if (count !== rows().length) {
      findings.push({ kind: 'totalMismatch', message: t('planContent.projects.proseCountVsTable', { what: '', stated: count, table: rows().length }), source: place });
    }
    if (wan !== null && Math.abs(wan - sum(rows())) > roundingWan(total[3]!, total[4]!)) {
      findings.push({ kind: 'totalMismatch', message: t('planContent.projects.proseSumVsTable', { what: '', stated: wan, table: sum(rows()) }), source: place });
    }
  }
  for (const m of text.matchAll(PROSE_GROUP_SUM)) {
    const name = m[1]!.replace(/^(其中|包括|以及|及|和)/, '').trim();
    const group = file.groups.find((g) => g.name === name);
    if (!group) continue;
    const count = Number(m[2]);
    const wan = toWan(m[3]!, m[4]!);
    const list = rows(group.name);
    if (count !== list.length) {
      findings.push({ kind: 'subtotalMismatch', message: t('planContent.projects.proseCountVsTable', { what: `“${name}”`, stated: count, table: list.length }), source: place });
    }
    if (wan !== null && Math.abs(wan - sum(list)) > roundingWan(m[3]!, m[4]!)) {
      findings.push({ kind: 'subtotalMismatch', message: t('planContent.projects.proseSumVsTable', { what: `“${name}”`, stated: wan, table: sum(list) }), source: place });
    }
  }
  return findings;
}

function fmt(n: number | null): string {
  return n === null ? '—' : String(n);
}

/** The project statement of a table-based plan's text ("涉及…80个具体项目，投资总额51.33亿元"), kept beside the table. */
function proseStatement(doc: PlanDocument, ctx: ExtractContext): ProjectsFile['statedProse'] | undefined {
  for (const p of paragraphs(doc)) {
    if (PROSE_TOTAL.test(halfWidth(p.text)) || /\d+\s*个[^，。；]{0,6}项目[，,]\s*投资总额/.test(p.text)) {
      return { printed: p.text, source: { document: ctx.documentId, line: p.line } };
    }
  }
  return undefined;
}

export function extractProjects(doc: PlanDocument, ctx: ExtractContext, planId: string): PartResult<ProjectsFile | null> {
  const reads: Read[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const headerRows = headerRowsOf(b);
    const cols = columnsOf(b, headerRows);
    if (cols) reads.push(readTable(b, headerRows, cols, ctx, planId));
  }
  if (reads.length === 0) {
    const prose = readProse(doc, ctx, planId);
    return { value: prose, findings: prose ? checkSums(prose, false) : [] };
  }
  // several project tables (e.g. near-term and far-term) are read as one list; their totals add up
  const first = reads[0]!;
  const totals = reads.map((r) => r.file.stated);
  const file: ProjectsFile = reads.length === 1
    ? first.file
    : {
        plan: planId,
        stated: {
          count: totals.reduce((a, x) => a + x.count, 0),
          investmentWan: totals.every((x) => x.investmentWan !== null) ? round4(totals.reduce((a, x) => a + x.investmentWan!, 0)) : null,
          printed: totals.map((x) => x.printed).join('；'),
          source: first.file.stated.source,
        },
        groups: reads.flatMap((r) => r.file.groups),
        projects: reads.flatMap((r) => r.file.projects),
      };
  const statement = proseStatement(doc, ctx);
  const ordered: ProjectsFile = { plan: file.plan, stated: file.stated, ...(statement ? { statedProse: statement } : {}), groups: file.groups, projects: file.projects };
  const findings = reads.flatMap((r) => r.findings);
  for (const r of reads) findings.push(...checkSums(r.file, true));
  if (statement) findings.push(...checkStatement(statement, ordered));
  return { value: ordered, findings };
}
