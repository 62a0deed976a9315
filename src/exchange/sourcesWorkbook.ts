// The pollution-source registry in Excel: one sheet per table, headers in Chinese (English accepted) —
// 污染源 (enterprises), 排放口 (outlets), 数采仪 (devices), 污染物 (pollutants with their permitted limits).
// Reading gives the rows of each sheet with their spreadsheet row numbers; the store checks and writes them
// (src/store/registry.ts), naming sheet, row and column in every problem.
import ExcelJS from 'exceljs';
import { t, type Locale } from '../i18n/index.ts';
import { InvalidBatchError } from '../store/batch.ts';
import { cellValue, checkWorkbookSize, newWorkbook, toBuffer, type SheetRow } from './sheet.ts';

export { REGISTRY_COLUMNS, REGISTRY_TABLES, sheetLabel, type RegistryTable, type RegistryWorkbook } from './sourcesColumns.ts';
import { REGISTRY_COLUMNS, REGISTRY_TABLES, sheetLabel, type RegistryTable, type RegistryWorkbook } from './sourcesColumns.ts';

const norm = (s: string) => s.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').toLowerCase();
const header = (field: string, locale: Locale) => t(`gateway.col.${field}`, {}, locale);

/** The name of a registry sheet as people see it: 工作表“排放口”. */

/**
 * readRegistryWorkbook(data: Buffer, file: string): Promise<RegistryWorkbook> — the four sheets found by name
 * (污染源 / 排放口 / 数采仪 / 污染物, or Sources / Outlets / Devices / Pollutants); the 污染源 sheet is required, the
 * others may be left out. In each, the header row is the first of the first ten rows that has a known header;
 * a required column missing is refused naming the sheet and the column.
 */
export async function readRegistryWorkbook(data: Buffer, file: string): Promise<RegistryWorkbook> {
  checkWorkbookSize(data, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new InvalidBatchError([{ row: 1, field: 'file', value: file, message: t('exchange.error.notXlsx', { detail: (e as Error).message.slice(0, 120) }) }]);
  }
  const out = {} as RegistryWorkbook;
  const problems: Array<{ row: number; field: string; value: string; message: string }> = [];
  for (const table of REGISTRY_TABLES) {
    const names = new Set(['zh-CN', 'en'].map((l) => norm(t(`gateway.sheet.${table}`, {}, l as Locale))));
    const ws = wb.worksheets.find((w) => names.has(norm(w.name)));
    if (!ws) {
      if (table === 'sources') problems.push({ row: 1, field: t('gateway.import.workbook'), value: file, message: t('gateway.import.noSheet', { sheet: t('gateway.sheet.sources'), found: wb.worksheets.map((w) => w.name).join('、') || '—' }) });
      out[table] = null;
      continue;
    }
    const columns = REGISTRY_COLUMNS[table];
    const wanted = new Map<string, string>();
    for (const c of columns) for (const l of ['zh-CN', 'en'] as const) wanted.set(norm(header(c.field, l)), c.field);
    let found: Map<string, number> | null = null;
    let headerRow = 0;
    for (let r = 1; r <= Math.min(ws.rowCount, 10) && !found; r++) {
      const f = new Map<string, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const v = cellValue(cell.value);
        const field = typeof v === 'string' ? wanted.get(norm(v)) : undefined;
        if (field && !f.has(field)) f.set(field, col);
      });
      if (f.size > 0) {
        found = f;
        headerRow = r;
      }
    }
    const missing = columns.filter((c) => c.required && !found?.has(c.field));
    if (missing.length > 0) {
      for (const c of missing) problems.push({ row: headerRow || 1, field: header(c.field, 'zh-CN'), value: ws.name, message: t('gateway.import.missingColumn', { sheet: ws.name, column: header(c.field, 'zh-CN') }) });
      out[table] = null;
      continue;
    }
    const rows: SheetRow[] = [];
    for (let i = headerRow + 1; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      const values: SheetRow['values'] = {};
      let filled = false;
      for (const [field, col] of found!) {
        const v = cellValue(row.getCell(col).value);
        values[field] = v;
        if (v !== undefined) filled = true;
      }
      if (filled) rows.push({ row: i, values });
    }
    out[table] = { sheet: ws.name, rows };
  }
  if (problems.length > 0) throw new InvalidBatchError(problems, 'row', file);
  return out;
}

/**
 * registryWorkbook(rows, locale): Promise<Buffer> — a registry workbook (the import's layout): each sheet's
 * header row, then the rows given (field → value). An empty call gives the template.
 */
export async function registryWorkbook(rows: Partial<Record<RegistryTable, Array<Record<string, string | number | null | undefined>>>> = {}, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const wb = newWorkbook();
  for (const table of REGISTRY_TABLES) {
    const columns = REGISTRY_COLUMNS[table];
    const ws = wb.addWorksheet(t(`gateway.sheet.${table}`, {}, locale), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.getRow(1).values = columns.map((c) => header(c.field, locale));
    ws.getRow(1).font = { bold: true };
    columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    for (const r of rows[table] ?? []) ws.addRow(columns.map((c) => r[c.field] ?? null));
  }
  return toBuffer(wb);
}
