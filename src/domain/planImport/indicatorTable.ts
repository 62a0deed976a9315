// Reading one indicator table: which column means what (by its header words, whatever the order), and the
// rows grouped into items, parts, variants and scoring tiers. Pure.
//
// The Chinese words below are data about the documents: the header words of indicator tables and the
// qualifiers printed under an indicator's name. They are the only place these words are recognised.
import type { Cell, PlanDocument, Row, TableBlock } from './document.ts';

export type Role =
  | 'domain'
  | 'task'
  | 'number'
  | 'name'
  | 'qualifier'
  | 'unit'
  | 'requirement'
  | 'attribute'
  | 'baseline'
  | 'status'
  | 'judgement'
  | 'target'
  | 'year'
  | 'lead'
  | 'coop'
  | 'points'
  | 'score'
  | 'remark'
  | 'other';

export interface Column {
  role: Role;
  header: string;
  /** the year a baseline or target column names (现状值（2021年）, 2028年目标, 近期（2024年）) */
  year?: number;
}

const NAME_HEADER = /^(指标名称|指标|指标项|指标项目|评价指标|具体指标)$/;
/** Header words (spaces removed) and the role of the column they head. Order matters: first match wins. */
const HEADER_WORDS: Array<[RegExp, Role]> = [
  [/^(序号|编号|序)$/, 'number'],
  [NAME_HEADER, 'name'],
  [/^(计量)?单位$/, 'unit'],
  [/属性|指标类型|指标性质/, 'attribute'],
  [/可达性|达标难度|达标分析|达标预测|预计达标|达标时间|达标年份|差距分析/, 'judgement'],
  [/达标情况|达标状态|是否达标|达标与否/, 'status'],
  [/^得分/, 'score'],
  [/^分值|^满分|^权重分/, 'points'],
  [/^备注/, 'remark'],
  [/配合|协办|参与单位/, 'coop'],
  [/牵头|责任单位|责任部门|主管部门|主责单位|实施单位/, 'lead'],
  [/现状|基期|基准年|基准值/, 'baseline'],
  [/^(指标值|指标要求|标准值|考核要求|建设标准|目标要求|指标值（A）|指标值\(A\)|考核标准|建设要求)/, 'requirement'],
  [/目标|规划值|预期值/, 'target'],
  [/^(\d{4})年?$/, 'year'],
];
/** Group columns standing before the name column: the first is the domain (领域), the next the task (任务). */
const GROUP_WORDS = /^(领域|目标|类别|方面|分类|系统|任务|专项|子领域|领域任务)$/;
/** Levelled indicator headers (一级指标 / 二级指标 / 三级指标). */
const LEVEL_HEADER = /^[一二三四]级指标$/;
const YEAR_IN_HEADER = /(\d{4})\s*年?/;

const squash = (s: string) => s.replace(/\s+/g, '');

/** A table is an indicator table when it has a name column and at least one column of values. */
const VALUE_ROLES: Role[] = ['requirement', 'target', 'baseline', 'unit', 'attribute', 'year'];

/** Limits on what one table may hold before it is refused (a stranger's document). */
export const MAX_TABLE_ROWS = 2000;
export const MAX_ROW_CELLS = 60;
export const MAX_CELL_LINES = 40;

/** A second header row a reader did not mark: short cells naming a year or a term (近期（2024年）, 2025年, 远期). */
const SUB_HEADER_CELL = /[（(]\s*\d{4}\s*年?\s*[）)]|^\d{4}\s*年$|^(近期|中期|远期)/;
const SUB_HEADER_MAX = 16;

/** The table with the rows under its first header row that are plainly header rows marked as such. */
export function withHeaderRows(table: TableBlock): TableBlock {
  const rows = table.rows.map((r) => ({ ...r }));
  if (rows.length === 0) return table;
  rows[0]!.header = true;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.header) continue;
    const filled = r.cells.filter((c) => c.text !== '');
    const sub = filled.length > 0 && filled.every((c) => c.text.length <= SUB_HEADER_MAX && SUB_HEADER_CELL.test(c.text.replace(/\s+/g, '')));
    if (!sub) break;
    r.header = true;
  }
  return { ...table, rows };
}

/** The header's column names, one per grid column, from one or two header rows. */
export function headerNames(table: TableBlock): string[] {
  const headers = table.rows.filter((r) => r.header);
  if (headers.length === 0) return [];
  const spans = headers.some((r) => r.cells.some((c) => (c.span ?? 1) > 1));
  if (spans) {
    // a grid: each header cell covers its columns
    const width = Math.max(...headers.map((r) => Math.max(...r.cells.map((c) => c.column + (c.span ?? 1) - 1))));
    const names: string[] = Array.from({ length: width }, () => '');
    for (const r of headers) for (const c of r.cells) for (let k = 0; k < (c.span ?? 1); k++) {
      if (c.text !== '') names[c.column - 1 + k] = names[c.column - 1 + k] + squash(c.text);
    }
    return names;
  }
  const top = headers[0]!.cells.map((c) => squash(c.text));
  const sub = headers[1]?.cells.map((c) => squash(c.text));
  if (!sub) return top;
  if (sub.length === top.length) return top.map((n, i) => n + (sub[i] ?? ''));
  if (sub.length > top.length) {
    // the text form: a spanning header cell (目标值) over k sub-cells shifts the columns after it
    const first = sub.findIndex((s) => s !== '');
    if (first < 0) return top;
    let k = 0;
    while (first + k < sub.length && sub[first + k] !== '') k++;
    const extra = sub.length - top.length;
    if (extra !== k - 1) return top;
    const names: string[] = [];
    for (let c = 0; c < sub.length; c++) {
      if (c < first) names.push(top[c]!);
      else if (c < first + k) names.push(top[first]! + sub[c]!);
      else names.push(top[c - extra]!);
    }
    return names;
  }
  return top;
}

export function columnRoles(names: string[], baseYear: number | null = null): Column[] {
  let nameIndex = names.findIndex((n) => NAME_HEADER.test(n));
  // no 指标名称 column: the last of 一级指标 / 二级指标 / 三级指标 names the indicator, those before it group it
  let levelName = -1;
  if (nameIndex < 0) {
    names.forEach((n, i) => {
      if (LEVEL_HEADER.test(n)) levelName = i;
    });
    nameIndex = levelName;
  }
  let groups = 0;
  const cols = names.map((header, i): Column => {
    if (i === levelName) return { role: 'name', header };
    if (i < nameIndex && (GROUP_WORDS.test(header) || LEVEL_HEADER.test(header))) {
      groups++;
      return { role: groups === 1 ? 'domain' : 'task', header };
    }
    for (const [re, role] of HEADER_WORDS) {
      if (re.test(header)) {
        const y = YEAR_IN_HEADER.exec(header);
        return { role, header, ...(y ? { year: Number(y[1]) } : {}) };
      }
    }
    return { role: 'other', header };
  });
  // a name header spanning two grid columns: the second holds the qualifier printed beside the name
  for (let i = 1; i < cols.length; i++) if (cols[i]!.role === 'name' && cols[i - 1]!.role === 'name') cols[i]!.role = 'qualifier';
  // bare year columns: one alone beside a score or status column is the baseline; several are targets per year
  const years = cols.filter((c) => c.role === 'year');
  const hasBaseline = cols.some((c) => c.role === 'baseline');
  // (a year column of the plan's base year is the baseline, when the plan names one)
  for (const c of years) c.role = (years.length === 1 && !hasBaseline) || (!hasBaseline && c.year === baseYear) ? 'baseline' : 'target';
  return cols;
}

export function isIndicatorTable(cols: Column[]): boolean {
  return cols.some((c) => c.role === 'name') && cols.some((c) => VALUE_ROLES.includes(c.role));
}

/** One line of a cell's text with the document line it stands on. */
export interface Piece {
  text: string;
  line: number;
  row: number;
  column: number;
}

/** A cell's lines with their lines in the document (a cell's text may begin a line below the cell's own). */
export function cellPieces(doc: PlanDocument, cell: Cell | undefined, rowIndex: number): Piece[] {
  if (!cell || cell.text === '') return [];
  const parts = cell.text.split('\n').map((s) => s.trim()).filter((s) => s !== '').slice(0, MAX_CELL_LINES);
  const out: Piece[] = [];
  let cursor = cell.line - 1;
  for (const text of parts) {
    let found = -1;
    for (let k = cursor; k < Math.min(doc.lines.length, cursor + 4); k++) {
      if (doc.lines[k]!.includes(text)) {
        found = k;
        break;
      }
    }
    const line = found >= 0 ? found + 1 : cursor + 1;
    out.push({ text: text.replace(/[，,、；;]+$/, ''), line, row: rowIndex, column: cell.column });
    cursor = found >= 0 ? found + 1 : cursor + 1;
  }
  return out;
}

/** A data row laid out by column role. */
export interface RowView {
  row: Row;
  /** 1-based index in the table's rows */
  index: number;
  cells: Map<number, Cell>;
  qualifier?: Cell;
}

export function layRow(row: Row, index: number, cols: Column[], grid: boolean): RowView {
  const cells = new Map<number, Cell>();
  let qualifier: Cell | undefined;
  if (grid) {
    for (const c of row.cells) {
      if (c.merged) continue;
      if (cols[c.column - 1]?.role === 'qualifier') qualifier = c;
      else cells.set(c.column - 1, c);
    }
  } else {
    const list = [...row.cells];
    const nameIndex = cols.findIndex((c) => c.role === 'name');
    if (list.length > cols.length && nameIndex >= 0) qualifier = list.splice(nameIndex + 1, 1)[0];
    list.forEach((c, i) => cells.set(i, c));
  }
  return { row, index, cells, ...(qualifier && qualifier.text !== '' ? { qualifier } : {}) };
}

/** A row's text for a role (the first column with it). */
export function roleCell(view: RowView, cols: Column[], role: Role): Cell | undefined {
  for (let i = 0; i < cols.length; i++) if (cols[i]!.role === role) return view.cells.get(i);
  return undefined;
}

export function roleIndexes(cols: Column[], role: Role): number[] {
  const out: number[] = [];
  cols.forEach((c, i) => {
    if (c.role === role) out.push(i);
  });
  return out;
}
