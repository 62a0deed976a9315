// The monitoring calculators of `ecociv` (a public contract, issue #13): `aqi FILE.csv` and `water-class FILE.csv`.
// They need no store: each row of the file is computed by the pure functions of src/domain/aqi.ts and
// src/domain/waterClass.ts. A file with a wrong column or an impossible value is refused whole, every problem
// named by row and column; a row with nothing to compute gets an `error` in its place.
import { readFileSync, statSync } from 'node:fs';
import { LIMITS } from '../domain/limits.ts';
import { AIR_COLUMNS, airQualityIndex, aqiEdition, HJ_633_2012_ISSUED, PLAUSIBLE_MAX, unitOf, type AirColumn, type AirValues, type AqiEdition, type AqiResult } from '../domain/aqi.ts';
import { isIsoDate } from '../domain/period.ts';
import { plausibleRange, readTargetClass, sectionClass, WATER_PARAMETERS, WATERBODIES, waterUnitOf, type TargetClass, type WaterParameter, type WaterValues, type Waterbody } from '../domain/waterClass.ts';
import { keyForLabel, t, type Locale } from '../i18n/index.ts';
import type { CsvTable } from './csv.ts';
import { userPath, type CliIo } from './io.ts';
import { renderTable } from './table.ts';

export const MONITORING_COMMANDS = ['aqi', 'water-class'] as const;
export type MonitoringCommand = (typeof MONITORING_COMMANDS)[number];
export const isMonitoringCommand = (c: string): c is MonitoringCommand => (MONITORING_COMMANDS as readonly string[]).includes(c);

/** A refusal of the command line: no file, an unreadable file, or problems named by row and column (exit 2 / 1). */
export class MonitoringInputError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

export interface MonitoringOptions {
  format: 'table' | 'json';
  locale: Locale;
}

/** One row of `ecociv aqi --format json` (the contract). */
export interface AqiRow {
  row: number;
  edition: AqiEdition;
  iaqi: AirValues;
  aqi: number | null;
  primary: string[];
  level: number | null;
  category: string | null;
  error?: string;
}

/** One row of `ecociv water-class --format json` (the contract). */
export interface WaterClassRow {
  row: number;
  class: string | null;
  perParameter: Partial<Record<WaterParameter, string>>;
  exceeding: WaterParameter[];
  error?: string;
}

/** Run `ecociv aqi|water-class FILE.csv`; the exit code. */
export async function runMonitoring(io: CliIo, command: MonitoringCommand, args: string[], o: MonitoringOptions): Promise<number> {
  const file = args[0];
  if (!file) throw new MonitoringInputError(`${t('monitoring.error.noFile', { command })}\n\n${t('monitoring.help')}`, 2);
  let bytes: Buffer;
  try {
    const path = userPath(io, file);
    const size = statSync(path).size;
    if (size > LIMITS.calculatorFileBytes)
      throw new MonitoringInputError(t('monitoring.error.tooLarge', { file, mb: (size / 2 ** 20).toFixed(0), max: LIMITS.calculatorFileBytes / 2 ** 20 }), 1);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof MonitoringInputError) throw e;
    throw new MonitoringInputError(t('monitoring.error.unreadable', { file, detail: (e as Error).message }), 2);
  }
  const { decodeText, readCsv } = await import('./csv.ts'); // the CSV parser loads only for these commands
  let table: CsvTable;
  try {
    table = await readCsv(decodeText(bytes));
  } catch (e) {
    throw new MonitoringInputError(t('monitoring.error.notCsv', { file, detail: (e as Error).message }), 1);
  }
  if (table.header.length === 0) throw new MonitoringInputError(t('monitoring.error.empty', { file }), 1);
  const print = (obj: unknown, text: () => string) => io.out(o.format === 'json' ? JSON.stringify(obj, null, 2) : text());
  if (command === 'aqi') {
    const rows = aqiRows(table, file, o.locale);
    print(
      rows.map(({ time: _time, result: _result, ...r }) => r),
      () => aqiTable(rows, o.locale),
    );
  } else {
    const rows = waterRows(table, file, o.locale);
    print(
      rows.map(({ waterbody: _w, target: _t, times: _times, ...r }) => r),
      () => waterTable(rows, o.locale),
    );
  }
  return 0;
}

// ---------------------------------------------------------------- reading the table

/** the header's columns, matched to the contract's names regardless of case; problems for the rest */
function columnsOf<K extends string>(header: string[], known: readonly K[], problems: string[]): Array<K | null> {
  const seen = new Set<K>();
  return header.map((h) => {
    const k = known.find((x) => x.toLowerCase() === h.toLowerCase()) ?? null;
    if (k === null) problems.push(t('monitoring.error.unknownColumn', { column: h, expected: known.join(' ') }));
    else if (seen.has(k)) problems.push(t('monitoring.error.duplicateColumn', { column: h }));
    else seen.add(k);
    return k;
  });
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** a cell as a number within [0, max]; undefined when empty; a problem (tooHigh: the message above max) otherwise */
function readNumber(cell: string, row: number, column: string, max: number, unit: string, problems: string[], tooHigh = 'monitoring.error.tooHigh'): number | undefined {
  if (cell === '') return undefined;
  if (!NUMBER.test(cell)) {
    problems.push(t('monitoring.error.notNumber', { row, column, value: cell }));
    return undefined;
  }
  const v = Number(cell);
  if (v < 0) problems.push(t(column === 'pH' ? 'monitoring.error.pH' : 'monitoring.error.negative', { row, column, value: cell }));
  else if (v > max) problems.push(t(tooHigh, { row, column, value: cell, max, unit }));
  else return v;
  return undefined;
}

/** "2026-03-01", "2026-03-01 13:00", "2026-03-01T13:00:00", "2026/3/1 13:00" → the ISO date; undefined if not a real one */
function readDate(cell: string): string | undefined {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (!isIsoDate(date)) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 24 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59 || (Number(m[4]) === 24 && (Number(m[5]) > 0 || Number(m[6] ?? 0) > 0)))) return undefined;
  return date;
}

function refuse(file: string, problems: string[]): never {
  throw new MonitoringInputError([t('monitoring.error.refused', { file, count: problems.length }), ...problems.map((p) => `  · ${p}`)].join('\n'), 1);
}

// ---------------------------------------------------------------- aqi

type AqiLine = AqiRow & { time: string; result: AqiResult | null };

function aqiRows(table: CsvTable, file: string, locale: Locale): AqiLine[] {
  const problems: string[] = [];
  const columns = columnsOf(table.header, ['time', ...AIR_COLUMNS] as const, problems);
  if (!columns.includes('time')) problems.push(t('monitoring.error.missingColumn', { column: 'time' }));
  if (!columns.some((c) => c !== null && c !== 'time')) problems.push(t('monitoring.error.noValueColumns', { expected: AIR_COLUMNS.join(' ') }));
  if (problems.length > 0) refuse(file, problems);
  const lines: AqiLine[] = [];
  for (const { row, cells } of table.rows) {
    const values: AirValues = {};
    let time = '';
    let date: string | undefined;
    columns.forEach((column, i) => {
      const cell = cells[i] ?? '';
      if (column === 'time') {
        time = cell;
        if (cell === '') problems.push(t('monitoring.error.noDate', { row }));
        else if ((date = readDate(cell)) === undefined) problems.push(t('monitoring.error.date', { row, value: cell }));
        else if (date < HJ_633_2012_ISSUED) problems.push(t('monitoring.error.beforeAqi', { row, value: cell }));
      } else if (column !== null) {
        const unit = unitOf(column);
        const v = readNumber(cell, row, column, PLAUSIBLE_MAX[unit], unit, problems, unit === 'mg/m³' ? 'monitoring.error.coUnit' : 'monitoring.error.tooHigh');
        if (v !== undefined) values[column as AirColumn] = v;
      }
    });
    if (date === undefined || date < HJ_633_2012_ISSUED) continue;
    const edition = aqiEdition(date);
    if (Object.keys(values).length === 0) {
      lines.push({ row, time, edition, iaqi: {}, aqi: null, primary: [], level: null, category: null, error: t('monitoring.row.noValues', {}, locale), result: null });
      continue;
    }
    const r = airQualityIndex(edition, values);
    const line: AqiLine = { row, time, edition, iaqi: r.iaqi, aqi: r.aqi, primary: r.primary, level: r.level, category: r.category, result: r };
    if (r.aqi === null) line.error = t('monitoring.row.noIaqi', { edition, reasons: r.rules.map((x) => t(`monitoring.rule.${x.rule}`, { column: x.column, edition }, locale)).join('; ') }, locale);
    lines.push(line);
  }
  if (problems.length > 0) refuse(file, problems);
  return lines;
}

function aqiTable(lines: AqiLine[], locale: Locale): string {
  const h = (k: string) => t(`monitoring.table.${k}`, {}, locale);
  const rows = lines.map((l) => [
    l.row,
    l.time,
    l.edition,
    l.aqi,
    l.primary.join('、') || null,
    l.level === null ? null : t(`monitoring.level.${l.level}`, {}, locale),
    l.level === null ? null : t(`monitoring.category.${l.level}`, {}, locale),
    l.error ?? Object.entries(l.iaqi).map(([c, v]) => `${c} ${v}`).join('  '),
  ]);
  const notes = lines.flatMap((l) => (l.result && l.aqi !== null ? l.result.rules.map((x) => `  ${t('monitoring.table.note', { row: l.row, text: t(`monitoring.rule.${x.rule}`, { column: x.column, edition: l.edition }, locale) }, locale)}`) : []));
  const out = renderTable(['row', 'time', 'edition', 'aqi', 'primary', 'level', 'category', 'iaqi'].map(h), rows, [6, 20, 12, 5, 16, 8, 10, 90]);
  return notes.length > 0 ? [out, '', h('notes'), ...notes].join('\n') : out;
}

// ---------------------------------------------------------------- water-class

type WaterLine = WaterClassRow & { waterbody: Waterbody; target: TargetClass; times: Array<number | null> };

function waterRows(table: CsvTable, file: string, locale: Locale): WaterLine[] {
  const problems: string[] = [];
  const columns = columnsOf(table.header, ['waterbody', 'target', ...WATER_PARAMETERS] as const, problems);
  if (!columns.includes('waterbody')) problems.push(t('monitoring.error.missingColumn', { column: 'waterbody' }));
  if (!columns.some((c) => c !== null && c !== 'waterbody' && c !== 'target')) problems.push(t('monitoring.error.noValueColumns', { expected: WATER_PARAMETERS.join(' ') }));
  if (problems.length > 0) refuse(file, problems);
  const lines: WaterLine[] = [];
  for (const { row, cells } of table.rows) {
    const values: WaterValues = {};
    let waterbody: Waterbody | undefined;
    let target: TargetClass = 'Ⅲ';
    columns.forEach((column, i) => {
      const cell = cells[i] ?? '';
      if (column === 'waterbody') {
        waterbody = keyForLabel('monitoring.waterbody', WATERBODIES, cell.toLowerCase()); // river or 河流
        if (!waterbody) problems.push(t('monitoring.error.waterbody', { row, value: cell }));
      } else if (column === 'target') {
        if (cell === '') return;
        const c = readTargetClass(cell);
        if (c) target = c;
        else problems.push(t('monitoring.error.target', { row, value: cell }));
      } else if (column !== null) {
        const [, max] = plausibleRange(column);
        const v = readNumber(cell, row, column, max, waterUnitOf(column), problems, column === 'pH' ? 'monitoring.error.pH' : 'monitoring.error.tooHigh');
        if (v !== undefined) values[column] = v;
      }
    });
    if (!waterbody) continue;
    if (Object.keys(values).length === 0) {
      lines.push({ row, waterbody, target, class: null, perParameter: {}, exceeding: [], times: [], error: t('monitoring.row.noWaterValues', {}, locale) });
      continue;
    }
    const s = sectionClass(waterbody, values, { target });
    const line: WaterLine = { row, waterbody, target, class: s.class, perParameter: s.perParameter, exceeding: s.exceeding.map((e) => e.parameter), times: s.exceeding.map((e) => e.times) };
    if (s.class === null) line.error = t('monitoring.row.onlyReference', { parameters: s.reference.join(', ') }, locale);
    lines.push(line);
  }
  if (problems.length > 0) refuse(file, problems);
  return lines;
}

function waterTable(lines: WaterLine[], locale: Locale): string {
  const h = (k: string) => t(`monitoring.table.${k}`, {}, locale);
  const rows = lines.map((l) => [
    l.row,
    t(`monitoring.waterbody.${l.waterbody}`, {}, locale),
    l.class,
    l.target,
    l.exceeding.map((p, i) => (l.times[i] === null || l.times[i] === undefined ? p : `${p}(${Number(l.times[i]!.toFixed(2))})`)).join('、') || null,
    l.error ?? Object.entries(l.perParameter).map(([p, c]) => `${p} ${c}`).join('  '),
  ]);
  return renderTable(['row', 'waterbody', 'class', 'target', 'exceeding', 'perParameter'].map(h), rows, [6, 10, 6, 6, 40, 120]);
}
