// Reading and writing the exchange workbooks: a sheet is a header row and rows of entries; columns are
// found by their header (Chinese or English), so a unit may reorder or drop optional columns.
import ExcelJS from 'exceljs';
import { LIMITS } from '../domain/limits.ts';
import { t } from '../i18n/index.ts';
import { ArchiveError, countSheetCells, unpackOffice } from './archive.ts';
import { InvalidBatchError, type BatchProblem } from '../store/batch.ts';

export interface Column {
  /** the entry field the column fills */
  field: string;
  /** i18n key of the header */
  header: string;
  width: number;
  /** the column must be present in an imported sheet */
  required?: boolean;
  /** filled in by the template (not by the unit) */
  given?: boolean;
  /** may be filled in by the template; a row with only this and given columns is not an entry */
  prefill?: boolean;
}

export interface SheetRow {
  /** the sheet's own row number */
  row: number;
  values: Record<string, string | number | undefined>;
}

export function cellValue(v: ExcelJS.CellValue): string | number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || undefined;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

const headerOf = (c: Column, locale: 'zh-CN' | 'en') => t(c.header, {}, locale);
const norm = (s: string) => s.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').toLowerCase();

/**
 * The workbook's size checked before it is read: unpacked bytes and parts (the zip's directory, then again
 * while inflating), rows and cells of its sheets. Within these bounds reading it whole is safe.
 */
export function checkWorkbookSize(data: Buffer, what: string): void {
  const refuse = (message: string) => new InvalidBatchError([{ row: 1, field: 'file', value: what, message }]);
  let size: { rows: number; cells: number };
  try {
    size = countSheetCells(unpackOffice(data, 'xlsx', (name) => name.startsWith('xl/worksheets/')));
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e;
    // not a zip at all is said as before: not a readable workbook
    throw refuse(e.reason === 'limits.archive.noDirectory' ? t('exchange.error.notXlsx', { detail: t('limits.archive.noDirectory') }) : e.message);
  }
  if (size.rows > LIMITS.sheetRows) throw refuse(t('limits.sheet.rows', { count: size.rows, max: LIMITS.sheetRows }));
  if (size.cells > LIMITS.sheetCells) throw refuse(t('limits.sheet.cells', { count: size.cells, max: LIMITS.sheetCells }));
}

/** Read the first sheet whose header row carries every required column; empty rows are skipped. */
export async function readSheet(data: Buffer, columns: Column[], what: string): Promise<{ sheet: string; rows: SheetRow[] }> {
  checkWorkbookSize(data, what);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new InvalidBatchError([{ row: 1, field: 'file', value: what, message: t('exchange.error.notXlsx', { detail: (e as Error).message.slice(0, 120) }) }]);
  }
  const wanted = new Map<string, Column>();
  for (const c of columns) for (const l of ['zh-CN', 'en'] as const) wanted.set(norm(headerOf(c, l)), c);
  let best: { missing: Column[]; sheet: string } | undefined;
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
      const found = new Map<string, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const v = cellValue(cell.value);
        const c = typeof v === 'string' ? wanted.get(norm(v)) : undefined;
        if (c && !found.has(c.field)) found.set(c.field, col);
      });
      if (found.size === 0) continue;
      const missing = columns.filter((c) => c.required && !found.has(c.field));
      if (missing.length > 0) {
        if (!best || missing.length < best.missing.length) best = { missing, sheet: ws.name };
        continue;
      }
      const rows: SheetRow[] = [];
      for (let i = r + 1; i <= ws.rowCount; i++) {
        const row = ws.getRow(i);
        const values: SheetRow['values'] = {};
        let filled = false;
        for (const [field, col] of found) {
          const v = cellValue(row.getCell(col).value);
          values[field] = v;
          const column = columns.find((c) => c.field === field)!;
          if (v !== undefined && !column.given && !column.prefill) filled = true;
        }
        // a banner row (a group heading or a total merged across the sheet) is not an entry
        const masters = [...found.values()].map((col) => row.getCell(col)).filter((c) => c.isMerged).map((c) => c.master.address);
        const banner = masters.length > 1 && new Set(masters).size === 1;
        if (filled && !banner) rows.push({ row: i, values });
      }
      return { sheet: ws.name, rows };
    }
  }
  const missing = best?.missing ?? columns.filter((c) => c.required);
  throw new InvalidBatchError(
    missing.map((c) => ({ row: 1, field: headerOf(c, 'zh-CN'), value: best?.sheet ?? what, message: t('exchange.error.missingColumn', { column: headerOf(c, 'zh-CN') }) })),
  );
}

/** Turn problems found in entries (numbered 1…n) into problems of sheet rows and columns. */
export function toSheetProblems(problems: BatchProblem[], rows: SheetRow[], columns: Column[]): BatchProblem[] {
  // in reading order: by row, then left to right
  const place = (field: string) => columns.findIndex((c) => c.field === field);
  return [...problems]
    .sort((a, b) => a.row - b.row || place(a.field) - place(b.field))
    .map((p) => {
      const column = columns.find((c) => c.field === p.field);
      return { ...p, row: rows[p.row - 1]?.row ?? p.row, field: column ? headerOf(column, 'zh-CN') : p.field };
    });
}

export function sheetError(problems: BatchProblem[], rows: SheetRow[], columns: Column[], sheet: string): InvalidBatchError {
  return new InvalidBatchError(toSheetProblems(problems, rows, columns), 'row', sheet);
}

/** Start a sheet: a title row, then the header row, frozen, printed A4 landscape with the header repeated. */
export function addSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[], locale: 'zh-CN' | 'en'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(2).values = columns.map((c) => headerOf(c, locale));
  ws.getRow(2).font = { bold: true };
  ws.getRow(2).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (c.given) ws.getCell(2, i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  });
  return ws;
}

export function addRow(ws: ExcelJS.Worksheet, columns: Column[], values: Record<string, unknown>): ExcelJS.Row {
  const row = ws.addRow(columns.map((c) => {
    const v = values[c.field];
    return v === undefined || v === null ? null : Array.isArray(v) ? v.join('、') : (v as ExcelJS.CellValue);
  }));
  row.alignment = { vertical: 'top', wrapText: true };
  return row;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ecociv';
  return wb;
}
