// The GEP input workbook: `ecociv gep template` writes it empty (one sheet per service, plus 基本信息, 价格参数,
// 核算设置 and 污染物排放, each with its units and notes above the header), and readGepWorkbook reads a filled one
// into the account's inputs (src/domain/gep/account.ts), checking every cell first. A refused workbook is
// refused whole, every problem named by sheet, row (as the spreadsheet shows it), column, value and what was
// expected; nothing is computed from it. The file's size is checked before it is unpacked (sheet.ts).
import ExcelJS from 'exceljs';
import { t, type Locale } from '../i18n/index.ts';
import { InvalidBatchError } from '../store/batch.ts';
import { pricesNeeded, type GepInputs, type GepPrices, type GepSettings } from '../domain/gep/account.ts';
import type { ProductLine, MaterialCategory } from '../domain/gep/material.ts';
import type { ClimateLine, FloodLine, PurificationLine } from '../domain/gep/regulating.ts';
import { GEP_SERVICES, type Price } from '../domain/gep/types.ts';
import { cellValue, checkWorkbookSize, newWorkbook, toBuffer } from './sheet.ts';

// ------------------------------------------------------------------ the workbook's layout

type Kind = 'text' | 'number' | 'area' | 'percent' | 'factor' | 'year' | 'choice';

interface Col {
  field: string;
  /** catalogue key of the header's name */
  label: string;
  /** catalogue key of the unit the header shows and the cells must be in */
  unit?: string;
  kind: Kind;
  required?: boolean;
  /** for 'choice': catalogue prefix and keys of the words accepted */
  choices?: { prefix: string; keys: readonly string[] };
  width?: number;
}

/** A sheet of rows: one entry a row under the header. */
interface ListSheet {
  id: string;
  columns: Col[];
}

const eco: Col = { field: 'ecosystem', label: 'gep.col.ecosystem', kind: 'text', required: true, width: 14 };
const town: Col = { field: 'township', label: 'gep.col.township', kind: 'text', width: 12 };
const area: Col = { field: 'areaKm2', label: 'gep.col.area', unit: 'gep.unit.km2', kind: 'area', required: true };
const num = (field: string, unit: string | undefined, required = true): Col => ({ field, label: `gep.col.${field}`, ...(unit ? { unit } : {}), kind: 'number', required });

export const LIST_SHEETS: ListSheet[] = [
  {
    id: 'material',
    columns: [
      { field: 'category', label: 'gep.col.category', kind: 'choice', required: true, choices: { prefix: 'gep.category', keys: GEP_SERVICES.material } },
      { field: 'product', label: 'gep.col.product', kind: 'text', required: true, width: 16 },
      town,
      num('quantity', undefined, false),
      { field: 'quantityUnit', label: 'gep.col.quantityUnit', kind: 'text' },
      { field: 'unitPrice', label: 'gep.col.unitPrice', unit: 'gep.unit.yuanPerUnit', kind: 'number' },
      { field: 'priceYear', label: 'gep.col.priceYear', kind: 'year', required: true },
      { field: 'outputValue', label: 'gep.col.outputValue', unit: 'gep.unit.wan', kind: 'number' },
    ],
  },
  { id: 'waterConservation', columns: [eco, town, area, num('precipitation', 'gep.unit.mm'), num('runoff', 'gep.unit.mm'), num('evapotranspiration', 'gep.unit.mm')] },
  {
    id: 'soilRetention',
    columns: [eco, town, area, num('r', undefined), num('k', undefined), num('ls', undefined), { field: 'c', label: 'gep.col.c', unit: 'gep.unit.factor', kind: 'factor', required: true }, { field: 'p', label: 'gep.col.p', unit: 'gep.unit.factor', kind: 'factor', required: true }],
  },
  { id: 'sandFixation', columns: [eco, town, area, num('potentialWind', 'gep.unit.tPerKm2'), num('actualWind', 'gep.unit.tPerKm2')] },
  { id: 'coastalProtection', columns: [eco, town, num('coastLength', 'gep.unit.km')] },
  {
    id: 'floodRegulation',
    columns: [
      { field: 'waterKind', label: 'gep.col.waterKind', kind: 'choice', required: true, choices: { prefix: 'gep.waterKind', keys: ['lake', 'reservoir', 'wetland'] } },
      { field: 'name', label: 'gep.col.name', kind: 'text', required: true, width: 16 },
      town,
      num('capacity', 'gep.unit.10kM3', false),
      num('storage', 'gep.unit.10kM3', false),
      { ...area, required: false },
      num('depth', 'gep.unit.m', false),
    ],
  },
  { id: 'airPurification', columns: [eco, town, area, num('so2', 'gep.unit.tPerKm2', false), num('nox', 'gep.unit.tPerKm2', false), num('dust', 'gep.unit.tPerKm2', false)] },
  { id: 'waterPurification', columns: [eco, town, area, num('cod', 'gep.unit.tPerKm2', false), num('nh3n', 'gep.unit.tPerKm2', false), num('tp', 'gep.unit.tPerKm2', false)] },
  { id: 'carbon', columns: [eco, town, area, num('npp', 'gep.unit.gcPerM2', false), { field: 'nepRatio', label: 'gep.col.nepRatio', unit: 'gep.unit.percent', kind: 'percent' }, num('stockChange', 'gep.unit.tC', false)] },
  {
    id: 'climateRegulation',
    columns: [{ field: 'climateKind', label: 'gep.col.climateKind', kind: 'choice', required: true, choices: { prefix: 'gep.climateKind', keys: ['vegetation', 'water'] } }, eco, town, area, num('epp', 'gep.unit.kjPerM2Day', false), num('evaporation', 'gep.unit.mm', false)],
  },
  { id: 'pestControl', columns: [eco, town, area] },
  { id: 'recreation', columns: [{ field: 'site', label: 'gep.col.site', kind: 'text', required: true, width: 18 }, town, num('visits', 'gep.unit.visits'), num('spending', 'gep.unit.yuanPerVisit'), num('days', 'gep.unit.days', false)] },
  { id: 'landscapeValue', columns: [{ field: 'property', label: 'gep.col.property', kind: 'text', required: true, width: 18 }, town, num('floor', 'gep.unit.m2'), num('premium', 'gep.unit.yuanPerM2')] },
];

/** An item of a sheet of items (基本信息, 价格参数, 核算设置, 污染物排放): one row each, named in the first column. */
interface Item {
  key: string;
  label: string;
  unit?: string;
  kind: Kind | 'yesNo';
  required?: boolean;
  choices?: { prefix: string; keys: readonly string[] };
  /** the template's suggested value (a reference value, to be checked) */
  suggested?: number | string;
}

const BASIC: Item[] = [
  { key: 'region', label: 'gep.basic.region', kind: 'text', required: true },
  { key: 'year', label: 'gep.basic.year', kind: 'year', required: true },
  { key: 'area', label: 'gep.basic.area', unit: 'gep.unit.km2', kind: 'area', required: true },
  { key: 'population', label: 'gep.basic.population', unit: 'gep.unit.persons', kind: 'number', required: true },
  { key: 'gdp', label: 'gep.basic.gdp', unit: 'gep.unit.wan', kind: 'number', required: true },
  { key: 'previousGep', label: 'gep.basic.previousGep', unit: 'gep.unit.wan', kind: 'number' },
  { key: 'deflator', label: 'gep.basic.deflator', kind: 'number' },
];

const PRICE_UNITS: Record<keyof GepPrices, string> = {
  reservoirCost: 'gep.unit.yuanPerM3',
  siltCost: 'gep.unit.yuanPerM3',
  nitrogenPrice: 'gep.unit.yuanPerT',
  phosphorusPrice: 'gep.unit.yuanPerT',
  sandRestorationCost: 'gep.unit.yuanPerM2',
  seawallCost: 'gep.unit.yuanPerKm',
  so2Cost: 'gep.unit.yuanPerT',
  noxCost: 'gep.unit.yuanPerT',
  dustCost: 'gep.unit.yuanPerT',
  codCost: 'gep.unit.yuanPerT',
  nh3nCost: 'gep.unit.yuanPerT',
  tpCost: 'gep.unit.yuanPerT',
  carbonPrice: 'gep.unit.yuanPerTCO2',
  oxygenPrice: 'gep.unit.yuanPerT',
  electricityPrice: 'gep.unit.yuanPerKwh',
  pestControlCost: 'gep.unit.yuanPerHm2',
  dailyWage: 'gep.unit.yuanPerDay',
};
const PRICE_KEYS = Object.keys(PRICE_UNITS) as Array<keyof GepPrices>;

const yesNo = { prefix: 'gep.choice', keys: ['yes', 'no'] } as const;
const SETTINGS: Item[] = [
  { key: 'windErosionArea', label: 'gep.setting.windErosionArea', kind: 'yesNo', required: true, choices: yesNo, suggested: 'no' },
  { key: 'coastal', label: 'gep.setting.coastal', kind: 'yesNo', required: true, choices: yesNo, suggested: 'no' },
  { key: 'pestControl', label: 'gep.setting.pestControl', kind: 'yesNo', required: true, choices: yesNo, suggested: 'no' },
  { key: 'landscapeValue', label: 'gep.setting.landscapeValue', kind: 'yesNo', required: true, choices: yesNo, suggested: 'no' },
  { key: 'negativeWaterBalance', label: 'gep.setting.negativeWaterBalance', kind: 'choice', required: true, choices: { prefix: 'gep.choice', keys: ['zero', 'count'] }, suggested: 'zero' },
  { key: 'carbonMethod', label: 'gep.setting.carbonMethod', kind: 'choice', required: true, choices: { prefix: 'gep.choice', keys: ['nep', 'stockChange'] }, suggested: 'nep' },
  { key: 'carbonPricing', label: 'gep.setting.carbonPricing', kind: 'choice', required: true, choices: { prefix: 'gep.choice', keys: ['market', 'afforestation'] }, suggested: 'market' },
  { key: 'recreationMethod', label: 'gep.setting.recreationMethod', kind: 'choice', required: true, choices: { prefix: 'gep.choice', keys: ['travelCost', 'spending'] }, suggested: 'travelCost' },
  { key: 'reservoirFloodShare', label: 'gep.setting.reservoirFloodShare', unit: 'gep.unit.percent', kind: 'percent', required: true, suggested: 35 },
  { key: 'leisureTimeShare', label: 'gep.setting.leisureTimeShare', unit: 'gep.unit.percent', kind: 'percent', required: true, suggested: 33 },
  { key: 'siltRatio', label: 'gep.setting.siltRatio', unit: 'gep.unit.percent', kind: 'percent', required: true, suggested: 24 },
  { key: 'bulkDensity', label: 'gep.setting.bulkDensity', unit: 'gep.unit.tPerM3', kind: 'number', required: true, suggested: 1.3 },
  { key: 'nitrogenPercent', label: 'gep.setting.nitrogenPercent', unit: 'gep.unit.percent', kind: 'percent', required: true },
  { key: 'phosphorusPercent', label: 'gep.setting.phosphorusPercent', unit: 'gep.unit.percent', kind: 'percent', required: true },
  { key: 'sandBulkDensity', label: 'gep.setting.sandBulkDensity', unit: 'gep.unit.tPerM3', kind: 'number', required: true, suggested: 1.5 },
  { key: 'sandDepthM', label: 'gep.setting.sandDepthM', unit: 'gep.unit.m', kind: 'number', required: true, suggested: 0.1 },
  { key: 'hotDays', label: 'gep.setting.hotDays', unit: 'gep.unit.days', kind: 'number', required: true },
  { key: 'coolingEfficiency', label: 'gep.setting.coolingEfficiency', kind: 'number', required: true, suggested: 3 },
  { key: 'latentHeat', label: 'gep.setting.latentHeat', unit: 'gep.unit.kjPerKg', kind: 'number', required: true, suggested: 2260 },
  { key: 'humidifierKwh', label: 'gep.setting.humidifierKwh', unit: 'gep.unit.kwhPerM3', kind: 'number', required: true },
];
const POLLUTANTS = ['so2', 'nox', 'dust', 'cod', 'nh3n', 'tp'] as const;
const EMISSIONS: Item[] = POLLUTANTS.map((p) => ({ key: p, label: `gep.pollutant.${p}`, unit: 'gep.unit.t', kind: 'number' as const }));

interface ItemSheet {
  id: string;
  items: Item[];
  /** the columns, by catalogue key: the item's name first, its value second */
  columns: string[];
}
const ITEM_SHEETS: Record<'basic' | 'prices' | 'settings' | 'emissions', ItemSheet> = {
  basic: { id: 'basic', items: BASIC, columns: ['gep.col.item', 'gep.col.value', 'gep.col.unit', 'gep.col.note'] },
  prices: { id: 'prices', items: PRICE_KEYS.map((k) => ({ key: k, label: `gep.price.${k}`, unit: PRICE_UNITS[k], kind: 'number' as const })), columns: ['gep.col.parameter', 'gep.col.price', 'gep.col.unit', 'gep.col.priceYear', 'gep.col.source'] },
  settings: { id: 'settings', items: SETTINGS, columns: ['gep.col.setting', 'gep.col.choice', 'gep.col.unit', 'gep.col.note'] },
  emissions: { id: 'emissions', items: EMISSIONS, columns: ['gep.col.pollutant', 'gep.col.emission', 'gep.col.unit', 'gep.col.note'] },
};

/** Every sheet in the workbook's order. */
export const GEP_SHEET_IDS = ['basic', 'prices', 'settings', ...LIST_SHEETS.map((s) => s.id).slice(0, 7), 'emissions', ...LIST_SHEETS.map((s) => s.id).slice(7)];

// ------------------------------------------------------------------ writing

/** Filled rows for the example workbook: by sheet id, a row's values by field (list sheets) or item key (item sheets). */
export interface GepWorkbookContent {
  /** list sheets: rows of values by field */
  rows?: Record<string, Array<Record<string, string | number>>>;
  /** item sheets: values by item key; prices as { price, year, source } */
  items?: Record<string, Record<string, string | number | { price: number; year: number; source: string }>>;
  /** marks every sheet as example data in its title */
  example?: boolean;
}

const header = (label: string, unit: string | undefined, locale: Locale) => (unit ? `${t(label, {}, locale)}（${t(unit, {}, locale)}）` : t(label, {}, locale));

/**
 * gepWorkbook(content?, locale) → .xlsx bytes. Each sheet: a title row, a note row (units and how to fill in),
 * the header row (each column's unit in brackets), then the rows. The empty template has the item sheets'
 * items listed and the settings' reference values suggested; the example fills every sheet.
 */
export async function gepWorkbook(content: GepWorkbookContent = {}, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const wb = newWorkbook();
  for (const id of GEP_SHEET_IDS) {
    const name = t(`gep.sheet.${id}`, {}, locale);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    const list = LIST_SHEETS.find((s) => s.id === id);
    const headers = list ? list.columns.map((c) => header(c.label, c.unit, locale)) : ITEM_SHEETS[id as keyof typeof ITEM_SHEETS].columns.map((k) => t(k, {}, locale));
    ws.mergeCells(1, 1, 1, headers.length);
    ws.getCell(1, 1).value = t(content.example ? 'gep.title.example' : 'gep.title', { sheet: name }, locale);
    ws.getCell(1, 1).font = { bold: true, size: 14, ...(content.example ? { color: { argb: 'FFC00000' } } : {}) };
    ws.mergeCells(2, 1, 2, headers.length);
    ws.getCell(2, 1).value = t(`gep.note.${id}`, {}, locale) + (content.example ? ` ${t('gep.basic.exampleNote', {}, locale)}` : '');
    ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(2).height = 48;
    ws.getRow(3).values = headers;
    ws.getRow(3).font = { bold: true };
    headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(12, Math.min(28, h.length * 2 + 2))));
    if (list) {
      for (const r of content.rows?.[id] ?? []) {
        ws.addRow(list.columns.map((c) => {
          const v = r[c.field];
          if (v === undefined) return null;
          return c.kind === 'choice' && typeof v === 'string' && c.choices ? t(`${c.choices.prefix}.${v}`, {}, locale) : v;
        }));
      }
      continue;
    }
    const sheet = ITEM_SHEETS[id as keyof typeof ITEM_SHEETS];
    const given = content.items?.[id] ?? {};
    for (const item of sheet.items) {
      const v = given[item.key] ?? (content.items ? undefined : item.suggested);
      const unit = item.unit ? t(item.unit, {}, locale) : '';
      const shown = (x: string | number | undefined) => (typeof x === 'string' && item.choices ? t(`${item.choices.prefix}.${x}`, {}, locale) : x ?? null);
      if (id === 'prices') {
        const p = v as { price: number; year: number; source: string } | undefined;
        ws.addRow([t(item.label, {}, locale), p?.price ?? null, unit, p?.year ?? null, p?.source ?? null]);
      } else {
        const note = item.choices ? item.choices.keys.map((k) => t(`${item.choices!.prefix}.${k}`, {}, locale)).join(' / ') : '';
        ws.addRow([t(item.label, {}, locale), shown(v as string | number | undefined), unit, note]);
      }
    }
    if (id === 'basic' && content.example) ws.addRow([t('gep.basic.exampleNote', {}, locale)]);
  }
  return toBuffer(wb);
}

// ------------------------------------------------------------------ reading

/** One problem of a workbook: where (sheet, row as the spreadsheet shows it, column header) and what. */
export interface GepProblem {
  /** absent for a problem of the file as a whole */
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  key: string;
  params?: Record<string, string | number>;
}

/** A workbook refused whole: every problem found. */
export class GepWorkbookError extends Error {
  constructor(readonly problems: GepProblem[]) {
    super(problems.map((p) => formatGepProblem(p)).join('\n'));
    this.name = 'GepWorkbookError';
  }
}

export function formatGepProblem(p: GepProblem, locale: Locale = 'zh-CN'): string {
  const message = t(p.key, p.params ?? {}, locale);
  if (p.sheet === undefined) return message;
  if (p.row === undefined) return t('gep.problem.sheet', { sheet: p.sheet, message }, locale);
  return t('gep.problem', { sheet: p.sheet, row: p.row, column: p.column ?? '', value: p.value ?? '', message }, locale);
}

/** The inputs read from a workbook, with the optional previous-year figures for the constant-price change. */
export interface GepWorkbookInputs {
  inputs: GepInputs;
  previousGepWan: number | null;
  deflator: number | null;
}

type Cell = string | number | undefined;

const cellOf = (v: ExcelJS.CellValue): Cell => cellValue(v);

const norm = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[²]/g, '2')
    .replace(/[³]/g, '3')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[₂]/g, '2')
    .toLowerCase();

/** The words a catalogue key stands for, in both languages, normalised. */
const words = (key: string) => new Set((['zh-CN', 'en'] as const).map((l) => norm(t(key, {}, l))));

/** Splits a header "面积（km²）" into its name and unit. */
function splitHeader(text: string): { name: string; unit: string | undefined } {
  // the unit may hold brackets of its own: t/(km²·a)
  const m = /^([^(（]*)[(（](.*)[)）]\s*$/.exec(text);
  return m ? { name: m[1]!.trim(), unit: m[2]!.trim() } : { name: text.trim(), unit: undefined };
}

/** The column of an item sheet as a problem names it: the column and the item of its row, “数值（国土面积）”. */
const itemColumn = (column: string, item: string) => t('gep.itemColumn', { column: t(column), item: t(item) });

const isMu = (unit: string) => words('gep.unit.mu').has(norm(unit));
const unitMatches = (unit: string, expected: string) => words(expected).has(norm(unit));

/** Reading state: the problems found so far, collected for the whole workbook. */
class Reader {
  readonly problems: GepProblem[] = [];
  constructor(readonly wb: ExcelJS.Workbook) {}

  sheet(id: string): ExcelJS.Worksheet | undefined {
    const names = words(`gep.sheet.${id}`);
    return this.wb.worksheets.find((w) => names.has(norm(w.name)));
  }

  add(p: GepProblem): void {
    this.problems.push(p);
  }

  /**
   * A number from a cell, checked for its kind: not a number, a unit written into the cell, negative, a share
   * above 100 %, a factor above 1, not a year. undefined when empty (the caller decides whether it may be).
   */
  number(cell: Cell, kind: Kind | 'yesNo', where: { sheet: string; row: number; column: string }, unit?: string): number | undefined {
    if (cell === undefined) return undefined;
    let n: number;
    if (typeof cell === 'number') n = cell;
    else {
      const m = /^([-+]?\d[\d,]*(?:\.\d+)?)\s*(.*)$/.exec(cell.replace(/，/g, ','));
      if (!m) {
        this.add({ ...where, value: cell, key: kind === 'year' ? 'gep.check.badYear' : 'gep.check.notNumber' });
        return undefined;
      }
      const rest = m[2]!.trim();
      if (rest !== '') {
        if (isMu(rest) && (kind === 'area' || unit === 'gep.unit.km2')) this.add({ ...where, value: cell, key: 'gep.check.unitMu' });
        else if (unit && unitMatches(rest, unit)) {
          n = Number(m[1]!.replace(/,/g, ''));
          return this.checked(n, cell, kind, where);
        } else this.add({ ...where, value: cell, key: 'gep.check.unitInCell', params: { unit: rest, expected: unit ? t(unit) : t('gep.unit.none') } });
        return undefined;
      }
      n = Number(m[1]!.replace(/,/g, ''));
    }
    return this.checked(n, cell, kind, where);
  }

  private checked(n: number, cell: Cell, kind: Kind | 'yesNo', where: { sheet: string; row: number; column: string }): number | undefined {
    const value = String(cell);
    if (!Number.isFinite(n)) {
      this.add({ ...where, value, key: 'gep.check.notNumber' });
      return undefined;
    }
    if (kind === 'year') {
      if (!Number.isInteger(n) || n < 1900 || n > 2100) {
        this.add({ ...where, value, key: 'gep.check.badYear' });
        return undefined;
      }
      return n;
    }
    if (n < 0) {
      this.add({ ...where, value, key: kind === 'area' ? 'gep.check.negativeArea' : 'gep.check.negative' });
      return undefined;
    }
    if (kind === 'percent' && n > 100) {
      this.add({ ...where, value, key: 'gep.check.shareAbove100' });
      return undefined;
    }
    if (kind === 'factor' && n > 1) {
      this.add({ ...where, value, key: 'gep.check.factorAbove1' });
      return undefined;
    }
    return n;
  }

  choice(cell: Cell, choices: { prefix: string; keys: readonly string[] }, where: { sheet: string; row: number; column: string }): string | undefined {
    if (cell === undefined) return undefined;
    const w = norm(String(cell));
    const found = choices.keys.find((k) => words(`${choices.prefix}.${k}`).has(w) || norm(k) === w);
    if (!found) this.add({ ...where, value: String(cell), key: 'gep.check.badChoice', params: { expected: choices.keys.map((k) => t(`${choices.prefix}.${k}`)).join('、') } });
    return found;
  }

  /** The header row of a sheet (the first of its first 10 rows naming any of the columns), and each column's place. */
  listSheet(spec: ListSheet): Array<{ row: number; values: Record<string, string | number | undefined> }> | undefined {
    const ws = this.sheet(spec.id);
    const sheetName = t(`gep.sheet.${spec.id}`);
    if (!ws) {
      this.add({ sheet: sheetName, key: 'gep.check.missingSheet' });
      return undefined;
    }
    for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
      const found = new Map<string, { col: number; header: string }>();
      ws.getRow(r).eachCell((cell, col) => {
        const v = cellOf(cell.value);
        if (typeof v !== 'string') return;
        const { name, unit } = splitHeader(v);
        const c = spec.columns.find((x) => words(x.label).has(norm(name)));
        if (!c || found.has(c.field)) return;
        found.set(c.field, { col, header: v });
        if (unit !== undefined && c.unit && !unitMatches(unit, c.unit))
          this.add({ sheet: ws.name, row: r, column: v, value: unit, key: isMu(unit) && c.unit === 'gep.unit.km2' ? 'gep.check.unitMu' : 'gep.check.headerUnit', params: { unit, expected: t(c.unit) } });
      });
      if (found.size < 2) continue;
      for (const c of spec.columns.filter((x) => x.required && !found.has(x.field))) this.add({ sheet: ws.name, key: 'gep.check.missingColumn', params: { column: header(c.label, c.unit, 'zh-CN') } });
      const rows: Array<{ row: number; values: Record<string, string | number | undefined> }> = [];
      for (let i = r + 1; i <= ws.rowCount; i++) {
        const raw: Record<string, Cell> = {};
        let filled = false;
        for (const [field, { col }] of found) {
          raw[field] = cellOf(ws.getRow(i).getCell(col).value);
          if (raw[field] !== undefined) filled = true;
        }
        if (!filled) continue;
        const values: Record<string, string | number | undefined> = {};
        for (const c of spec.columns) {
          const at = found.get(c.field);
          if (!at) continue;
          const where = { sheet: ws.name, row: i, column: at.header };
          const cell = raw[c.field];
          if (cell === undefined) {
            if (c.required) this.add({ ...where, value: '', key: 'gep.check.required' });
            continue;
          }
          if (c.kind === 'text') values[c.field] = String(cell);
          else if (c.kind === 'choice') values[c.field] = this.choice(cell, c.choices!, where);
          else values[c.field] = this.number(cell, c.kind, where, c.unit);
        }
        rows.push({ row: i, values });
      }
      return rows;
    }
    this.add({ sheet: ws.name, key: 'gep.check.missingColumn', params: { column: spec.columns.filter((c) => c.required).map((c) => header(c.label, c.unit, 'zh-CN')).join('、') } });
    return undefined;
  }

  /** The items of an item sheet by key: the value cell (and, for prices, year and source), with the unit cell checked. */
  itemSheet(spec: ItemSheet): Map<string, { row: number; cells: Cell[] }> | undefined {
    const ws = this.sheet(spec.id);
    const sheetName = t(`gep.sheet.${spec.id}`);
    if (!ws) {
      this.add({ sheet: sheetName, key: 'gep.check.missingSheet' });
      return undefined;
    }
    const out = new Map<string, { row: number; cells: Cell[] }>();
    for (let r = 1; r <= ws.rowCount; r++) {
      const first = cellOf(ws.getRow(r).getCell(1).value);
      if (typeof first !== 'string') continue;
      const { name } = splitHeader(first);
      const item = spec.items.find((x) => words(x.label).has(norm(first)) || words(x.label).has(norm(name)));
      if (!item || out.has(item.key)) continue;
      const cells = spec.columns.slice(1).map((_, i) => cellOf(ws.getRow(r).getCell(i + 2).value));
      out.set(item.key, { row: r, cells });
      const unit = cells[1];
      if (item.unit && typeof unit === 'string' && !unitMatches(unit, item.unit)) {
        this.add({ sheet: ws.name, row: r, column: itemColumn(spec.columns[2]!, item.label), value: unit, key: isMu(unit) && item.unit === 'gep.unit.km2' ? 'gep.check.unitMu' : 'gep.check.unitWrong', params: { unit, expected: t(item.unit) } });
      }
    }
    return out;
  }
}

/**
 * readGepWorkbook(bytes, file) → the account's inputs, or GepWorkbookError with every problem found (nothing is
 * computed from a workbook with problems). Checks: sizes before unpacking; every sheet present; every number a
 * number, non-negative, shares ≤ 100 %, factors ≤ 1; units (in the header, a unit column, or written into a
 * cell) as expected — 亩 where km² is expected is named as such; every price used has its year and source; each
 * product has quantity × price or an output value.
 */
export async function readGepWorkbook(data: Buffer, file: string): Promise<GepWorkbookInputs> {
  try {
    checkWorkbookSize(data, file);
  } catch (e) {
    if (e instanceof InvalidBatchError) throw new GepWorkbookError([{ key: 'gep.error.unreadable', params: { file, detail: e.problems.map((p) => p.message).join('；') } }]);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new GepWorkbookError([{ key: 'exchange.error.notXlsx', params: { detail: (e as Error).message.slice(0, 120) } }]);
  }
  const rd = new Reader(wb);

  // 基本信息
  const basic = rd.itemSheet(ITEM_SHEETS.basic);
  const basicName = rd.sheet('basic')?.name ?? t('gep.sheet.basic');
  const itemValue = (sheet: ItemSheet, got: Map<string, { row: number; cells: Cell[] }> | undefined, sheetName: string, key: string): number | string | undefined => {
    const item = sheet.items.find((x) => x.key === key)!;
    const at = got?.get(key);
    const where = { sheet: sheetName, row: at?.row ?? 0, column: itemColumn(sheet.columns[1]!, item.label) };
    if (!at) {
      if (got && item.required) rd.add({ sheet: sheetName, key: 'gep.check.missingRow', params: { item: t(item.label) } });
      return undefined;
    }
    const cell = at.cells[0];
    if (cell === undefined) {
      if (item.required) rd.add({ ...where, value: '', key: 'gep.check.required' });
      return undefined;
    }
    if (item.kind === 'text') return String(cell);
    if (item.kind === 'yesNo' || item.kind === 'choice') return rd.choice(cell, item.choices!, where);
    return rd.number(cell, item.kind, where, item.unit);
  };
  const b = (k: string) => itemValue(ITEM_SHEETS.basic, basic, basicName, k);
  const region = b('region') as string | undefined;
  const year = b('year') as number | undefined;
  const areaKm2 = b('area') as number | undefined;
  const population = b('population') as number | undefined;
  const gdpWan = b('gdp') as number | undefined;
  const previousGep = b('previousGep') as number | undefined;
  const deflator = b('deflator') as number | undefined;

  // 核算设置
  const settingsGot = rd.itemSheet(ITEM_SHEETS.settings);
  const settingsName = rd.sheet('settings')?.name ?? t('gep.sheet.settings');
  const st = (k: string) => itemValue(ITEM_SHEETS.settings, settingsGot, settingsName, k);
  const pct = (k: string) => ((st(k) as number | undefined) ?? 0) / 100;
  const settings: GepSettings = {
    windErosionArea: st('windErosionArea') === 'yes',
    coastal: st('coastal') === 'yes',
    pestControl: st('pestControl') === 'yes',
    landscapeValue: st('landscapeValue') === 'yes',
    negativeWaterBalance: (st('negativeWaterBalance') as 'zero' | 'count' | undefined) ?? 'zero',
    carbonMethod: (st('carbonMethod') as 'nep' | 'stockChange' | undefined) ?? 'nep',
    carbonPricing: (st('carbonPricing') as 'market' | 'afforestation' | undefined) ?? 'market',
    recreationMethod: (st('recreationMethod') as 'travelCost' | 'spending' | undefined) ?? 'travelCost',
    reservoirFloodShare: pct('reservoirFloodShare'),
    leisureTimeShare: pct('leisureTimeShare'),
    sandBulkDensity: (st('sandBulkDensity') as number | undefined) ?? 0,
    sandDepthM: (st('sandDepthM') as number | undefined) ?? 0,
  };
  const soilPricing = { siltRatio: pct('siltRatio'), bulkDensity: (st('bulkDensity') as number | undefined) ?? 0, nitrogenPercent: (st('nitrogenPercent') as number | undefined) ?? 0, phosphorusPercent: (st('phosphorusPercent') as number | undefined) ?? 0 };
  const climateSettings = { hotDays: (st('hotDays') as number | undefined) ?? 0, coolingEfficiency: (st('coolingEfficiency') as number | undefined) ?? 0, latentHeatKjPerKg: (st('latentHeat') as number | undefined) ?? 0, humidifierKwhPerM3: (st('humidifierKwh') as number | undefined) ?? 0 };

  // 价格参数: a price filled needs its year and source
  const pricesGot = rd.itemSheet(ITEM_SHEETS.prices);
  const pricesName = rd.sheet('prices')?.name ?? t('gep.sheet.prices');
  const prices: Partial<GepPrices> = {};
  for (const k of PRICE_KEYS) {
    const at = pricesGot?.get(k);
    if (!at || at.cells[0] === undefined) continue;
    const where = (col: number) => ({ sheet: pricesName, row: at.row, column: itemColumn(ITEM_SHEETS.prices.columns[col]!, `gep.price.${k}`) });
    const value = rd.number(at.cells[0], 'number', where(1), PRICE_UNITS[k]);
    const yearCell = at.cells[2];
    const priceYear = yearCell === undefined ? undefined : rd.number(yearCell, 'year', where(3));
    if (yearCell === undefined) rd.add({ ...where(3), value: '', key: 'gep.check.missingPriceYear' });
    const source = at.cells[3];
    if (source === undefined) rd.add({ ...where(4), value: '', key: 'gep.check.missingPriceSource' });
    if (value !== undefined && priceYear !== undefined && source !== undefined) prices[k] = { value, unit: PRICE_UNITS[k], year: priceYear, source: String(source) } satisfies Price;
  }

  // 污染物排放
  const emissionsGot = rd.itemSheet(ITEM_SHEETS.emissions);
  const emissionsName = rd.sheet('emissions')?.name ?? t('gep.sheet.emissions');
  const emissions: Record<string, number | undefined> = {};
  for (const p of POLLUTANTS) {
    const v = itemValue(ITEM_SHEETS.emissions, emissionsGot, emissionsName, p) as number | undefined;
    if (v !== undefined) emissions[p] = v;
  }

  // the service sheets
  const list = (id: string) => rd.listSheet(LIST_SHEETS.find((s) => s.id === id)!) ?? [];
  const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v));
  const n = (v: string | number | undefined) => (typeof v === 'number' ? v : 0);
  const opt = <T extends object>(o: T, k: string, v: string | undefined): T => (v === undefined ? o : { ...o, [k]: v });

  const materialRows = list('material');
  const materialSheet = rd.sheet('material')?.name ?? t('gep.sheet.material');
  const products: ProductLine[] = [];
  for (const { row, values: v } of materialRows) {
    const hasQP = typeof v.quantity === 'number' && typeof v.unitPrice === 'number';
    const hasValue = typeof v.outputValue === 'number';
    if (!hasQP && !hasValue) {
      rd.add({ sheet: materialSheet, row, column: t('gep.col.outputValue'), value: '', key: 'gep.check.needQuantityOrValue' });
      continue;
    }
    if (!v.category) continue;
    const line: ProductLine = { category: v.category as MaterialCategory, product: String(v.product ?? '') };
    if (v.township !== undefined) line.township = String(v.township);
    if (hasQP) {
      line.quantity = v.quantity as number;
      line.priceYuan = v.unitPrice as number;
      if (v.quantityUnit !== undefined) line.unit = String(v.quantityUnit);
    } else line.outputValueWan = v.outputValue as number;
    if (typeof v.priceYear === 'number') line.priceYear = v.priceYear;
    products.push(line);
  }
  const areaLine = (v: Record<string, string | number | undefined>) => opt({ ecosystem: String(v.ecosystem ?? ''), areaKm2: n(v.areaKm2) }, 'township', str(v.township));
  const waterRows = list('waterConservation');
  const waterBalance = waterRows.map(({ values: v }) => ({ ...areaLine(v), precipitationMm: n(v.precipitation), runoffMm: n(v.runoff), evapotranspirationMm: n(v.evapotranspiration) }));
  if (areaKm2 !== undefined) {
    const sum = waterBalance.reduce((s, l) => s + l.areaKm2, 0);
    if (sum > areaKm2 * 1.001) rd.add({ sheet: rd.sheet('waterConservation')?.name ?? t('gep.sheet.waterConservation'), key: 'gep.check.areaAboveRegion', params: { sum: +sum.toFixed(2), area: areaKm2 } });
  }
  const soil = list('soilRetention').map(({ values: v }) => ({ ...areaLine(v), r: n(v.r), k: n(v.k), ls: n(v.ls), c: n(v.c), p: n(v.p) }));
  const windErosion = list('sandFixation').map(({ values: v }) => ({ ...areaLine(v), potentialTPerKm2: n(v.potentialWind), actualTPerKm2: n(v.actualWind) }));
  const coast = list('coastalProtection').map(({ values: v }) => opt({ ecosystem: String(v.ecosystem ?? ''), lengthKm: n(v.coastLength) }, 'township', str(v.township)));
  const flood: FloodLine[] = list('floodRegulation').flatMap(({ values: v }): FloodLine[] => {
    const base = opt({ name: String(v.name ?? '') }, 'township', str(v.township));
    if (v.waterKind === 'lake') return [{ kind: 'lake', ...base, storage10kM3: n(v.storage) }];
    if (v.waterKind === 'reservoir') return [{ kind: 'reservoir', ...base, capacity10kM3: n(v.capacity) }];
    if (v.waterKind === 'wetland') return [{ kind: 'wetland', ...base, areaKm2: n(v.areaKm2), depthM: n(v.depth) }];
    return [];
  });
  const purif = (id: string, pollutants: readonly string[]): PurificationLine[] =>
    list(id).map(({ values: v }) => ({ ...areaLine(v), capacity: Object.fromEntries(pollutants.filter((p) => typeof v[p] === 'number').map((p) => [p, v[p] as number])) }));
  const airPurification = purif('airPurification', ['so2', 'nox', 'dust']);
  const waterPurification = purif('waterPurification', ['cod', 'nh3n', 'tp']);
  const carbon = list('carbon').map(({ values: v }) => {
    const line: GepInputs['carbon'][number] = areaLine(v);
    if (typeof v.npp === 'number') line.nppGcPerM2 = v.npp;
    if (typeof v.nepRatio === 'number') line.nepRatio = v.nepRatio / 100;
    if (typeof v.stockChange === 'number') line.stockChangeTC = v.stockChange;
    return line;
  });
  const climate: ClimateLine[] = list('climateRegulation').flatMap(({ values: v }): ClimateLine[] => {
    if (v.climateKind === 'vegetation') return [{ kind: 'vegetation', ...areaLine(v), eppKjPerM2Day: n(v.epp) }];
    if (v.climateKind === 'water') return [{ kind: 'water', ...areaLine(v), evaporationMm: n(v.evaporation) }];
    return [];
  });
  const pest = list('pestControl').map(({ values: v }) => areaLine(v));
  const visits = list('recreation').map(({ values: v }) => {
    const line: GepInputs['visits'][number] = opt({ site: String(v.site ?? ''), visits: n(v.visits), spendingYuan: n(v.spending) }, 'township', str(v.township));
    if (typeof v.days === 'number') line.days = v.days;
    return line;
  });
  const landscape = list('landscapeValue').map(({ values: v }) => opt({ site: String(v.property ?? ''), floorM2: n(v.floor), premiumYuanPerM2: n(v.premium) }, 'township', str(v.township)));

  const inputs: GepInputs = {
    region: { region: region ?? '', year: year ?? 0, areaKm2: areaKm2 ?? 0, population: population ?? 0, gdpWan: gdpWan ?? 0 },
    settings,
    prices,
    products,
    waterBalance,
    soil,
    soilPricing,
    windErosion,
    coast,
    flood,
    airPurification,
    waterPurification,
    emissions,
    carbon,
    climate,
    climateSettings,
    pest,
    visits,
    landscape,
  };
  // every price a service with inputs needs must be given (a price filled but refused above is already named)
  for (const k of pricesNeeded(inputs)) {
    if (prices[k]) continue;
    const at = pricesGot?.get(k);
    if (at && at.cells[0] !== undefined) continue;
    rd.add(at ? { sheet: pricesName, row: at.row, column: itemColumn('gep.col.price', `gep.price.${k}`), value: '', key: 'gep.check.missingPrice' } : { sheet: pricesName, key: 'gep.check.missingRow', params: { item: t(`gep.price.${k}`) } });
  }
  if (rd.problems.length > 0) throw new GepWorkbookError(rd.problems);
  return { inputs, previousGepWan: previousGep ?? null, deflator: deflator ?? null };
}
