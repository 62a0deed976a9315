// `ecociv gep FILE.xlsx [--format json]` (a public contract, issue #17): the GEP account of a filled input
// workbook (src/exchange/gepWorkbook.ts) by src/domain/gep/. JSON: { region, year, totalWan, perKm2Wan,
// perCapitaWan, gdpRatio, services: [ { group, service, applies, reason, quantity, quantityUnit, price, priceUnit,
// priceYear, valueWan } ] } — plus, beyond the contract, each service's name and method, the groups' totals, the
// settings and the constant-price change. Text: the account as a table in 万元 and 亿元, two decimals.
// `ecociv gep template --out FILE.xlsx` writes the empty workbook. Needs no store.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { LIMITS } from '../domain/limits.ts';
import { constantPriceChange, gepAccount, MissingPriceError, type GepAccount, type GepSettings } from '../domain/gep/account.ts';
import type { ServiceValue } from '../domain/gep/types.ts';
import { formatGepProblem, gepWorkbook, GEP_SHEET_IDS, GepWorkbookError, readGepWorkbook } from '../exchange/gepWorkbook.ts';
import { t, type Locale } from '../i18n/index.ts';
import { GepInputError } from './gepError.ts';
import { userPath, type CliIo } from './io.ts';
import { renderTable } from './table.ts';

export { GepInputError };

export interface GepOptions {
  format: 'table' | 'json';
  locale: Locale;
  out?: string;
}

/** One service of the JSON output (the contract's fields first). */
export interface GepServiceJson {
  group: string;
  service: string;
  applies: boolean;
  reason: string | null;
  quantity: number | null;
  quantityUnit: string | null;
  price: number | null;
  priceUnit: string | null;
  priceYear: number | null;
  valueWan: number | null;
  name: string;
  method: string | null;
  /** a service valued in parts (土壤保持: 泥沙、氮、磷; 气候调节: 降温、增湿; 净化: each pollutant) */
  parts?: Array<{ part: string; quantity: number; quantityUnit: string; price: number; priceUnit: string; priceYear: number; valueWan: number }>;
}

/** The JSON output of `ecociv gep` (the contract's fields first). */
export interface GepJson {
  region: string;
  year: number;
  totalWan: number;
  perKm2Wan: number;
  perCapitaWan: number;
  gdpRatio: number | null;
  services: GepServiceJson[];
  groupsWan: GepAccount['groupsWan'];
  settings: GepSettings;
  change: { previousGepWan: number; deflator: number; currentAtPreviousPricesWan: number; change: number | null } | null;
  /** 万元 by ecosystem type and by township, over the services whose inputs carry them */
  byEcosystem: Record<string, number>;
  byTownship: Record<string, number>;
}

/** to 4 decimals: 万元 to the yuan; keeps floating-point noise out of the contract */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const r4n = (x: number | null) => (x === null ? null : r4(x));

/** Run `ecociv gep …`; the exit code. */
export async function runGep(io: CliIo, args: string[], o: GepOptions): Promise<number> {
  const L = o.locale;
  const [first] = args;
  if (first === 'template') {
    if (!o.out) throw new GepInputError(`${t('gep.error.needOut', {}, L)}\n\n${t('gep.help', {}, L)}`, 2);
    if (!/\.xlsx$/i.test(o.out)) throw new GepInputError(t('gep.error.notXlsxName', { file: o.out }, L), 2);
    writeFileSync(userPath(io, o.out), await gepWorkbook({}, L));
    io.out(t('gep.out.template', { file: o.out, sheets: GEP_SHEET_IDS.length }, L));
    return 0;
  }
  if (!first) throw new GepInputError(`${t('gep.error.noFile', {}, L)}\n\n${t('gep.help', {}, L)}`, 2);
  let bytes: Buffer;
  try {
    const path = userPath(io, first);
    const size = statSync(path).size;
    if (size > LIMITS.calculatorFileBytes) throw new GepInputError(t('gep.error.tooLarge', { file: first, mb: (size / 2 ** 20).toFixed(0), max: LIMITS.calculatorFileBytes / 2 ** 20 }, L), 1);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof GepInputError) throw e;
    throw new GepInputError(t('gep.error.unreadable', { file: first, detail: (e as Error).message }, L), 2);
  }
  let read;
  try {
    read = await readGepWorkbook(bytes, first);
  } catch (e) {
    if (e instanceof GepWorkbookError) throw new GepInputError(t('gep.error.refused', { file: first, n: e.problems.length, detail: e.problems.map((p) => `  · ${formatGepProblem(p, L)}`).join('\n') }, L), 1);
    throw e;
  }
  let account: GepAccount;
  try {
    account = gepAccount(read.inputs);
  } catch (e) {
    // the workbook asks for every price a service needs: this is a guard, not a path a user reaches
    if (e instanceof MissingPriceError) throw new GepInputError(t('gep.error.refused', { file: first, n: 1, detail: `  · ${t('gep.problem.sheet', { sheet: t('gep.sheet.prices', {}, L), message: `${t(`gep.price.${e.price}`, {}, L)} ${t('gep.check.missingPrice', {}, L)}` }, L)}` }, L), 1);
    throw e;
  }
  const change = read.previousGepWan !== null && read.deflator !== null ? { previousGepWan: read.previousGepWan, deflator: read.deflator, ...constantPriceChange(account.totalWan, read.previousGepWan, read.deflator) } : null;
  const json = toJson(account, change, L);
  if (o.format === 'json') io.out(JSON.stringify(json, null, 2));
  else io.out(toText(json, first, L));
  return 0;
}

function serviceJson(v: ServiceValue, L: Locale): GepServiceJson {
  const out: GepServiceJson = {
    group: v.group,
    service: v.service,
    applies: v.applies,
    reason: v.reason ? t(v.reason.key, v.reason.params ?? {}, L) : null,
    quantity: r4n(v.quantity),
    quantityUnit: v.applies && v.quantityUnit && v.quantity !== null ? t(v.quantityUnit, {}, L) : null,
    price: r4n(v.price),
    priceUnit: v.applies && v.priceUnit ? t(v.priceUnit, {}, L) : null,
    priceYear: v.priceYear,
    valueWan: r4n(v.valueWan),
    name: t(`gep.service.${v.service}`, {}, L),
    method: v.method ? t(v.method, {}, L) : null,
  };
  if (v.parts) out.parts = v.parts.map((p) => ({ part: t(p.part, {}, L), quantity: r4(p.quantity), quantityUnit: t(p.quantityUnit, {}, L), price: p.price, priceUnit: t(p.priceUnit, {}, L), priceYear: p.priceYear, valueWan: r4(p.valueWan) }));
  return out;
}

export function toJson(a: GepAccount, change: GepJson['change'], L: Locale): GepJson {
  return {
    region: a.region,
    year: a.year,
    totalWan: r4(a.totalWan),
    perKm2Wan: r4(a.perKm2Wan),
    perCapitaWan: r4(a.perCapitaWan),
    gdpRatio: a.gdpRatio === null ? null : Math.round(a.gdpRatio * 1e6) / 1e6,
    services: a.services.map((v) => serviceJson(v, L)),
    groupsWan: { material: r4(a.groupsWan.material), regulating: r4(a.groupsWan.regulating), cultural: r4(a.groupsWan.cultural) },
    settings: a.settings,
    byEcosystem: Object.fromEntries(Object.entries(a.byEcosystem).map(([k, v]) => [k, r4(v)])),
    byTownship: Object.fromEntries(Object.entries(a.byTownship).map(([k, v]) => [k, r4(v)])),
    change: change ? { ...change, currentAtPreviousPricesWan: r4(change.currentAtPreviousPricesWan), change: change.change === null ? null : Math.round(change.change * 1e6) / 1e6 } : null,
  };
}

const two = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const qty = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: x >= 100 ? 0 : 2 });

function settingsLine(s: GepSettings, L: Locale): string {
  const yes = (b: boolean) => t(b ? 'gep.choice.yes' : 'gep.choice.no', {}, L);
  const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
  const sep = L === 'en' ? '; ' : '；';
  return [
    `${t('gep.setting.windErosionArea', {}, L)} ${yes(s.windErosionArea)}`,
    `${t('gep.setting.coastal', {}, L)} ${yes(s.coastal)}`,
    `${t('gep.setting.pestControl', {}, L)} ${yes(s.pestControl)}`,
    `${t('gep.setting.landscapeValue', {}, L)} ${yes(s.landscapeValue)}`,
    `${t('gep.setting.negativeWaterBalance', {}, L)} ${t(`gep.choice.${s.negativeWaterBalance}`, {}, L)}`,
    `${t('gep.setting.carbonMethod', {}, L)} ${t(`gep.choice.${s.carbonMethod}`, {}, L)}`,
    `${t('gep.setting.carbonPricing', {}, L)} ${t(`gep.choice.${s.carbonPricing}`, {}, L)}`,
    `${t('gep.setting.recreationMethod', {}, L)} ${t(`gep.choice.${s.recreationMethod}`, {}, L)}`,
    `${t('gep.setting.reservoirFloodShare', {}, L)} ${pct(s.reservoirFloodShare)}`,
    `${t('gep.setting.leisureTimeShare', {}, L)} ${pct(s.leisureTimeShare)}`,
  ].join(sep);
}

/** The account as a table: each service's quantity, price, price year and value in 万元 and 亿元 (two decimals). */
export function toText(j: GepJson, file: string, L: Locale): string {
  const rows = j.services.flatMap((s) => [
    serviceRow(s, L),
    // the parts of a service valued in parts, indented under it
    ...(s.applies && s.parts && s.parts.length > 1 ? s.parts.map((p) => ['', `  · ${p.part}`, `${qty(p.quantity)} ${p.quantityUnit}`, `${qty(p.price)} ${p.priceUnit}`, String(p.priceYear), two(p.valueWan), two(p.valueWan / 1e4)]) : []),
  ]);
  const lines = [
    t('gep.out.title', { region: j.region, year: j.year }, L),
    t('gep.out.file', { file }, L),
    '',
    renderTable([t('gep.out.group', {}, L), t('gep.out.service', {}, L), t('gep.out.quantity', {}, L), t('gep.out.price', {}, L), t('gep.out.priceYear', {}, L), t('gep.out.valueWan', {}, L), t('gep.out.valueYi', {}, L)], rows, [12, 16, 48, 24, 8, 16, 12]),
    '',
    t('gep.out.total', { wan: two(j.totalWan), yi: two(j.totalWan / 1e4), material: two(j.groupsWan.material), regulating: two(j.groupsWan.regulating), cultural: two(j.groupsWan.cultural) }, L),
    t('gep.out.ratios', { perKm2: two(j.perKm2Wan), perCapita: j.perCapitaWan.toFixed(4), gdpRatio: j.gdpRatio === null ? '—' : j.gdpRatio.toFixed(2) }, L),
  ];
  if (j.change && j.change.change !== null) lines.push(t('gep.out.change', { deflator: j.change.deflator, change: `${j.change.change >= 0 ? '+' : ''}${(j.change.change * 100).toFixed(2)}%` }, L));
  lines.push(t('gep.out.settings', { list: settingsLine(j.settings, L) }, L));
  return lines.join('\n');
}

/** One service as a row of the account's table. */
function serviceRow(s: GepServiceJson, L: Locale): string[] {
  return [
    t(`gep.group.${s.group}`, {}, L),
    s.name,
    s.applies ? (s.quantity === null ? '—' : `${qty(s.quantity)} ${s.quantityUnit ?? ''}`.trim()) : t('gep.out.notApplicable', { reason: s.reason ?? '' }, L),
    s.applies && s.price !== null ? `${qty(s.price)} ${s.priceUnit ?? ''}`.trim() : '—',
    s.applies && s.priceYear !== null ? String(s.priceYear) : '—',
    s.applies && s.valueWan !== null ? two(s.valueWan) : '—',
    s.applies && s.valueWan !== null ? two(s.valueWan / 1e4) : '—',
  ];
}
