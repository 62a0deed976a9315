// The pollution-source registry: enterprises of a region, their outlets, the data-acquisition devices (MN) and the
// pollutants each outlet is permitted to discharge, imported from the registry workbook; the deviations an
// operator allows a device; the devices as the gateway reads them.
import { grantsFor, type Actor } from '../auth/roles.ts';
import { DEVIATIONS, isDeviation, type Deviation } from '../domain/hj212.ts';
import { requirePlan } from '../app/requirePlan.ts';
import { REGISTRY_COLUMNS, sheetLabel, type RegistryTable, type RegistryWorkbook } from '../exchange/sourcesColumns.ts';
import { t } from '../i18n/index.ts';
import { ForbiddenError, OFFICE_ROLES, requirePlanRole } from './access.ts';
import { writeAudit } from './audit.ts';
import { formatProblem, InvalidBatchError, readNumber, readText, type BatchProblem } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { regionChain } from './users.ts';

/** A problem of the registry workbook: its sheet, the row as the spreadsheet shows it, the column header. */
export interface SheetProblem extends BatchProblem {
  sheet: string;
}

/** A registry workbook refused whole: every problem names its sheet, row and column. */
export class RegistryImportError extends InvalidBatchError {
  constructor(readonly sheetProblems: SheetProblem[]) {
    super(sheetProblems, 'row');
    this.message = sheetProblems.map((p) => formatProblem(p, 'row', sheetLabel(p.sheet))).join('\n');
    this.name = 'RegistryImportError';
  }
}

/** The protocol editions a device may be registered with. */
export const EDITIONS = ['HJ/T 212-2005', 'HJ 212-2017', 'HJ 212-2025'] as const;
export type Edition = (typeof EDITIONS)[number];

/** 统一社会信用代码 (GB 32100-2015 §4): 18 characters of 0–9 and the capitals without I O Z S V. The check character is not verified. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
/** MN: at most 24 characters (HJ 212-2017 表3, MN=27 with its name); letters and digits. */
const MN = /^[0-9A-Za-z]{1,24}$/;
/** PW: at most 6 characters (表3, PW=9 with its name); none of the packet's separators. */
const PW = /^[^;,=&\s]{1,6}$/;
/** A pollutant code as CP names it (HJ 212-2017 附录 B: a34013, w01018; HJ/T 212-2005: 011, B02). */
const POLLUTANT = /^[A-Za-z0-9]{1,16}$/;

const col = (field: string) => t(`gateway.col.${field}`);

export interface ImportResult {
  sources: number;
  outlets: number;
  devices: number;
  pollutants: number;
}

/**
 * importRegistry(db, planId, workbook, file, actor): Promise<ImportResult> — the registry workbook into the
 * plan's region, all or nothing: sources by credit code, outlets by (credit code, outlet code), devices by MN,
 * pollutants by (outlet, code, averaging) are added or updated (nothing is deleted; a device's allowed deviations
 * are kept). Plan office roles only; one audit record. Refused whole with RegistryImportError.
 */
export async function importRegistry(db: Db, planId: string, wb: RegistryWorkbook, file: string, actor: Actor): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    await requirePlanRole(tx, actor, planId, OFFICE_ROLES);
    const plan = await requirePlan(tx, planId);
    await tx.query('SELECT pg_advisory_xact_lock(771014, $1::int)', [plan.regionId]);
    const problems: SheetProblem[] = [];
    const add = (table: RegistryTable, row: number, field: string, value: unknown, key: string, params: Record<string, string | number> = {}) =>
      problems.push({ sheet: wb[table]!.sheet, row, field: col(field), value: value === undefined || value === null ? '' : String(value), message: t(key, params) });
    const text = (table: RegistryTable, row: number, values: Record<string, unknown>, field: string, max = 200): string | null => {
      const raw = values[field];
      // a long code typed into a number cell: Excel keeps 15 digits (88888880000000000001 becomes 8.8888880000000E+19)
      if (typeof raw === 'number' && !Number.isSafeInteger(raw) && !['limitValue'].includes(field)) {
        add(table, row, field, raw, 'gateway.import.numberCell');
        return null;
      }
      const v = readText(raw);
      const required = REGISTRY_COLUMNS[table].find((c) => c.field === field)?.required;
      if (v === undefined) {
        if (required) add(table, row, field, '', 'gateway.import.required', { column: col(field) });
        return null;
      }
      if (v.length > max) add(table, row, field, v.slice(0, 40), 'gateway.import.tooLong', { max });
      return v;
    };

    // the regions a source may name: the plan's region and those below it
    const regions = await tx.query<{ id: number; name: string }>('SELECT id, name FROM regions');
    const regionByName = new Map(regions.rows.map((r) => [r.name, Number(r.id)]));

    // sources
    type Src = { row: number; name: string; creditCode: string; address: string | null; township: string | null; grid: string | null; responsibleUnit: string | null; regionId: number };
    const sources = new Map<string, Src>();
    for (const { row, values } of wb.sources?.rows ?? []) {
      const name = text('sources', row, values, 'name');
      const creditCode = text('sources', row, values, 'creditCode', 18)?.toUpperCase() ?? null;
      if (creditCode !== null && !CREDIT_CODE.test(creditCode)) add('sources', row, 'creditCode', creditCode, 'gateway.import.creditCode');
      else if (creditCode !== null && sources.has(creditCode)) add('sources', row, 'creditCode', creditCode, 'gateway.import.duplicate', { first: sources.get(creditCode)!.row });
      let regionId = plan.regionId;
      const regionName = text('sources', row, values, 'region');
      if (regionName !== null) {
        const id = regionByName.get(regionName);
        if (id === undefined || !(await regionChain(tx, id)).includes(plan.regionId)) add('sources', row, 'region', regionName, 'gateway.import.region', { region: plan.region });
        else regionId = id;
      }
      const s: Src = {
        row,
        name: name ?? '',
        creditCode: creditCode ?? '',
        address: text('sources', row, values, 'address'),
        township: text('sources', row, values, 'township'),
        grid: text('sources', row, values, 'grid'),
        responsibleUnit: text('sources', row, values, 'responsibleUnit'),
        regionId,
      };
      if (name !== null && creditCode !== null && CREDIT_CODE.test(creditCode) && !sources.has(creditCode)) sources.set(creditCode, s);
    }
    // sources already registered in the plan's region (and below), which the other sheets may name
    const known = await tx.query<{ id: number; credit_code: string; region_id: number }>(
      `SELECT s.id, s.credit_code, s.region_id FROM pollution_sources s WHERE s.region_id = ANY($1::int[])`,
      [await regionsUnder(tx, plan.regionId)],
    );
    const knownSources = new Map(known.rows.map((r) => [r.credit_code, Number(r.id)]));
    const sourceNamed = (table: RegistryTable, row: number, values: Record<string, unknown>): string | null => {
      const c = text(table, row, values, 'creditCode', 18)?.toUpperCase() ?? null;
      if (c === null) return null;
      if (!sources.has(c) && !knownSources.has(c)) {
        add(table, row, 'creditCode', c, 'gateway.import.unknownSource', { sheet: wb.sources?.sheet ?? t('gateway.sheet.sources') });
        return null;
      }
      return c;
    };

    // outlets
    type Out = { row: number; creditCode: string; code: string; name: string; kind: 'gas' | 'water' };
    const outlets = new Map<string, Out>();
    for (const { row, values } of wb.outlets?.rows ?? []) {
      const creditCode = sourceNamed('outlets', row, values);
      const code = text('outlets', row, values, 'outletCode', 40);
      const name = text('outlets', row, values, 'outletName');
      const kindText = text('outlets', row, values, 'outletKind');
      const kind = kindText === null ? null : (['gas', 'water'] as const).find((k) => kindText === k || kindText === t(`gateway.outletKind.${k}`) || kindText === t(`gateway.outletKind.${k}`, {}, 'en'));
      if (kindText !== null && !kind) add('outlets', row, 'outletKind', kindText, 'gateway.import.outletKind');
      const key = `${creditCode}|${code}`;
      if (creditCode !== null && code !== null && outlets.has(key)) add('outlets', row, 'outletCode', code, 'gateway.import.duplicate', { first: outlets.get(key)!.row });
      else if (creditCode !== null && code !== null && name !== null && kind) outlets.set(key, { row, creditCode, code, name, kind });
    }
    const knownOutlets = new Map<string, number>();
    if (knownSources.size > 0) {
      const r = await tx.query<{ id: number; credit_code: string; code: string }>(
        'SELECT o.id, s.credit_code, o.code FROM outlets o JOIN pollution_sources s ON s.id = o.source_id WHERE s.id = ANY($1::int[])',
        [[...knownSources.values()]],
      );
      for (const o of r.rows) knownOutlets.set(`${o.credit_code}|${o.code}`, Number(o.id));
    }
    const outletNamed = (table: RegistryTable, row: number, values: Record<string, unknown>): string | null => {
      const c = sourceNamed(table, row, values);
      const code = text(table, row, values, 'outletCode', 40);
      if (c === null || code === null) return null;
      const key = `${c}|${code}`;
      if (!outlets.has(key) && !knownOutlets.has(key)) {
        add(table, row, 'outletCode', code, 'gateway.import.unknownOutlet', { creditCode: c, sheet: wb.outlets?.sheet ?? t('gateway.sheet.outlets') });
        return null;
      }
      return key;
    };

    // devices
    type Dev = { row: number; mn: string; password: string; outlet: string; edition: Edition };
    const devices = new Map<string, Dev>();
    for (const { row, values } of wb.devices?.rows ?? []) {
      const mn = text('devices', row, values, 'mn', 24);
      if (mn !== null && !MN.test(mn)) add('devices', row, 'mn', mn, 'gateway.import.mn');
      const password = text('devices', row, values, 'password', 6);
      if (password !== null && !PW.test(password)) add('devices', row, 'password', password, 'gateway.import.password');
      const outlet = outletNamed('devices', row, values);
      const editionText = text('devices', row, values, 'edition');
      const edition = editionText === null ? 'HJ 212-2017' : EDITIONS.find((e) => e.replace(/\s/g, '') === editionText.replace(/\s/g, '').replace('／', '/'));
      if (!edition) add('devices', row, 'edition', editionText, 'gateway.import.edition', { allowed: EDITIONS.join('、') });
      if (mn !== null && devices.has(mn)) add('devices', row, 'mn', mn, 'gateway.import.duplicate', { first: devices.get(mn)!.row });
      else if (mn !== null && MN.test(mn) && password !== null && PW.test(password) && outlet !== null && edition) devices.set(mn, { row, mn, password, outlet, edition });
    }
    // an MN registered in another region belongs to someone else
    if (devices.size > 0) {
      const r = await tx.query<{ mn: string; region: string; region_id: number }>(
        `SELECT d.mn, r.name AS region, s.region_id FROM devices d JOIN outlets o ON o.id = d.outlet_id JOIN pollution_sources s ON s.id = o.source_id
         JOIN regions r ON r.id = s.region_id WHERE d.mn = ANY($1::text[])`,
        [[...devices.keys()]],
      );
      const under = new Set(await regionsUnder(tx, plan.regionId));
      for (const d of r.rows)
        if (!under.has(Number(d.region_id))) add('devices', devices.get(d.mn)!.row, 'mn', d.mn, 'gateway.import.mnElsewhere', { region: d.region });
    }

    // pollutants
    type Pol = { row: number; outlet: string; code: string; name: string | null; limit: number | null; unit: string | null; averaging: 'hour' | 'day'; permit: string | null };
    const pollutants = new Map<string, Pol>();
    for (const { row, values } of wb.pollutants?.rows ?? []) {
      const outlet = outletNamed('pollutants', row, values);
      const code = text('pollutants', row, values, 'pollutantCode', 16);
      if (code !== null && !POLLUTANT.test(code)) add('pollutants', row, 'pollutantCode', code, 'gateway.import.pollutantCode');
      const name = text('pollutants', row, values, 'pollutantName');
      let limit: number | null = null;
      const raw = values.limitValue;
      if (readText(raw) !== undefined || typeof raw === 'number') {
        const v = readNumber(raw);
        if (v === undefined || Number.isNaN(v) || v < 0) add('pollutants', row, 'limitValue', raw, 'gateway.import.limitValue');
        else limit = v;
      }
      const unit = text('pollutants', row, values, 'unit', 20);
      if (limit !== null && unit === null) add('pollutants', row, 'unit', '', 'gateway.import.unitNeeded', { limit });
      const avgText = text('pollutants', row, values, 'averaging');
      const averaging = avgText === null ? null : (['hour', 'day'] as const).find((a) => avgText === a || avgText === t(`gateway.averaging.${a}`) || avgText === t(`gateway.averaging.${a}`, {}, 'en') || avgText === t(`gateway.averagingShort.${a}`));
      if (avgText !== null && !averaging) add('pollutants', row, 'averaging', avgText, 'gateway.import.averaging');
      const permit = text('pollutants', row, values, 'permitNumber', 60);
      if (limit !== null && permit === null) add('pollutants', row, 'permitNumber', '', 'gateway.import.permitNeeded');
      const key = `${outlet}|${code}|${averaging}`;
      if (outlet !== null && code !== null && averaging && pollutants.has(key)) add('pollutants', row, 'pollutantCode', code, 'gateway.import.duplicate', { first: pollutants.get(key)!.row });
      else if (outlet !== null && code !== null && POLLUTANT.test(code) && averaging) pollutants.set(key, { row, outlet, code, name, limit, unit, averaging, permit });
    }

    if (problems.length > 0) {
      const order = (s: string) => Object.values(wb).findIndex((x) => x?.sheet === s);
      problems.sort((a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row);
      throw new RegistryImportError(problems);
    }

    // writing
    const where = (table: RegistryTable, row: number) => JSON.stringify({ file, sheet: wb[table]!.sheet, row });
    const sourceIds = new Map(knownSources);
    for (const s of sources.values()) {
      const r = await tx.query<{ id: number }>(
        `INSERT INTO pollution_sources (region_id, name, credit_code, address, township, grid, responsible_unit, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         ON CONFLICT (region_id, credit_code) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, township = EXCLUDED.township, grid = EXCLUDED.grid,
           responsible_unit = EXCLUDED.responsible_unit, source = EXCLUDED.source, updated_at = now()
         RETURNING id`,
        [s.regionId, s.name, s.creditCode, s.address, s.township, s.grid, s.responsibleUnit, where('sources', s.row)],
      );
      sourceIds.set(s.creditCode, Number(r.rows[0]!.id));
    }
    const outletIds = new Map(knownOutlets);
    for (const [key, o] of outlets) {
      const r = await tx.query<{ id: number }>(
        `INSERT INTO outlets (source_id, kind, code, name, source) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (source_id, code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = EXCLUDED.source RETURNING id`,
        [sourceIds.get(o.creditCode)!, o.kind, o.code, o.name, where('outlets', o.row)],
      );
      outletIds.set(key, Number(r.rows[0]!.id));
    }
    for (const d of devices.values())
      await tx.query(
        `INSERT INTO devices (outlet_id, mn, password, edition, source) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (mn) DO UPDATE SET outlet_id = EXCLUDED.outlet_id, password = EXCLUDED.password, edition = EXCLUDED.edition, source = EXCLUDED.source, updated_at = now()`,
        [outletIds.get(d.outlet)!, d.mn, d.password, d.edition, where('devices', d.row)],
      );
    for (const p of pollutants.values())
      await tx.query(
        `INSERT INTO outlet_pollutants (outlet_id, code, name, limit_value, unit, averaging, permit_number, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         ON CONFLICT (outlet_id, code, averaging) DO UPDATE SET name = EXCLUDED.name, limit_value = EXCLUDED.limit_value, unit = EXCLUDED.unit,
           permit_number = EXCLUDED.permit_number, source = EXCLUDED.source`,
        [outletIds.get(p.outlet)!, p.code, p.name, p.limit, p.unit, p.averaging, p.permit, where('pollutants', p.row)],
      );
    const result = { sources: sources.size, outlets: outlets.size, devices: devices.size, pollutants: pollutants.size };
    await writeAudit(tx, actor, { action: 'sources.import', entity: 'pollution_sources', planId, regionId: plan.regionId, after: { file, ...result, mns: [...devices.keys()] } });
    if (devices.size > 0) await tx.query("SELECT pg_notify('ecociv_devices', '')");
    return result;
  });
}

/** The region and every region below it. */
async function regionsUnder(db: Queryable, regionId: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `WITH RECURSIVE under AS (SELECT id FROM regions WHERE id = $1 UNION ALL SELECT r.id FROM regions r JOIN under u ON r.parent_id = u.id) SELECT id FROM under`,
    [regionId],
  );
  return r.rows.map((x) => Number(x.id));
}

export interface SourceListing {
  name: string;
  creditCode: string;
  region: string;
  address: string | null;
  township: string | null;
  grid: string | null;
  responsibleUnit: string | null;
  outlets: Array<{
    code: string;
    name: string;
    kind: 'gas' | 'water';
    devices: Array<{ mn: string; edition: string; deviations: string[] }>;
    pollutants: Array<{ code: string; name: string | null; limit: number | null; unit: string | null; averaging: 'hour' | 'day'; permitNumber: string | null }>;
  }>;
}

/** listSources(db, planId): Promise<SourceListing[]> — the plan's region's sources (and those below it), by name; no passwords. */
export async function listSources(db: Queryable, planId: string): Promise<SourceListing[]> {
  const plan = await requirePlan(db, planId);
  const ids = await regionsUnder(db, plan.regionId);
  const s = await db.query<{ id: number; name: string; credit_code: string; region: string; address: string | null; township: string | null; grid: string | null; responsible_unit: string | null }>(
    `SELECT s.id, s.name, s.credit_code, r.name AS region, s.address, s.township, s.grid, s.responsible_unit
     FROM pollution_sources s JOIN regions r ON r.id = s.region_id WHERE s.region_id = ANY($1::int[]) ORDER BY s.name, s.credit_code`,
    [ids],
  );
  const o = await db.query<{ id: number; source_id: number; code: string; name: string; kind: 'gas' | 'water' }>(
    'SELECT o.id, o.source_id, o.code, o.name, o.kind FROM outlets o WHERE o.source_id = ANY($1::int[]) ORDER BY o.code',
    [s.rows.map((x) => x.id)],
  );
  const outletIds = o.rows.map((x) => x.id);
  const d = await db.query<{ outlet_id: number; mn: string; edition: string; deviations: string[] }>('SELECT outlet_id, mn, edition, deviations FROM devices WHERE outlet_id = ANY($1::int[]) ORDER BY mn', [outletIds]);
  const p = await db.query<{ outlet_id: number; code: string; name: string | null; limit_value: number | null; unit: string | null; averaging: 'hour' | 'day'; permit_number: string | null }>(
    'SELECT outlet_id, code, name, limit_value, unit, averaging, permit_number FROM outlet_pollutants WHERE outlet_id = ANY($1::int[]) ORDER BY code, averaging',
    [outletIds],
  );
  return s.rows.map((x) => ({
    name: x.name,
    creditCode: x.credit_code,
    region: x.region,
    address: x.address,
    township: x.township,
    grid: x.grid,
    responsibleUnit: x.responsible_unit,
    outlets: o.rows
      .filter((y) => y.source_id === x.id)
      .map((y) => ({
        code: y.code,
        name: y.name,
        kind: y.kind,
        devices: d.rows.filter((z) => z.outlet_id === y.id).map((z) => ({ mn: z.mn, edition: z.edition, deviations: z.deviations })),
        pollutants: p.rows
          .filter((z) => z.outlet_id === y.id)
          .map((z) => ({ code: z.code, name: z.name, limit: z.limit_value === null ? null : Number(z.limit_value), unit: z.unit, averaging: z.averaging, permitNumber: z.permit_number })),
      })),
  }));
}

/** A device refused a deviation: unknown name, no reason. */
export class DeviceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceInputError';
  }
}

/**
 * allowDeviation(db, mn, deviation, reason, actor): Promise<{ added: boolean }> — the operator allows the device
 * a named deviation (src/domain/hj212.ts Deviation), with who, when and why kept beside it and in the audit.
 * Plan office roles of the device's region. Allowing one already allowed changes nothing.
 */
export async function allowDeviation(db: Db, mn: string, deviation: string, reason: string, actor: Actor): Promise<{ added: boolean }> {
  if (!isDeviation(deviation)) throw new DeviceInputError(t('gateway.device.unknownDeviation', { value: deviation, expected: DEVIATIONS.join('、') }));
  if (reason.trim() === '') throw new DeviceInputError(t('gateway.device.needReason'));
  return db.transaction(async (tx) => {
    const d = await tx.query<{ id: number; deviations: string[]; region_id: number; region: string }>(
      `SELECT d.id, d.deviations, s.region_id, r.name AS region FROM devices d JOIN outlets o ON o.id = d.outlet_id JOIN pollution_sources s ON s.id = o.source_id
       JOIN regions r ON r.id = s.region_id WHERE d.mn = $1 FOR UPDATE OF d`,
      [mn],
    );
    const row = d.rows[0];
    if (!row) throw new NotFoundError(t('gateway.device.unknown', { mn }));
    if (actor.user && !grantsFor(actor.user, await regionChain(tx, row.region_id)).some((g) => OFFICE_ROLES.includes(g.role)))
      throw new ForbiddenError(t('gateway.device.forbidden', { mn, region: row.region }));
    if (row.deviations.includes(deviation)) return { added: false };
    const grant = { deviation: deviation as Deviation, by: actor.name, at: new Date().toISOString(), reason: reason.trim() };
    await tx.query(`UPDATE devices SET deviations = array_append(deviations, $2), deviation_grants = deviation_grants || $3::jsonb, updated_at = now() WHERE id = $1`, [
      row.id,
      deviation,
      JSON.stringify([grant]),
    ]);
    await writeAudit(tx, actor, { action: 'device.allowDeviation', entity: 'device', entityId: mn, regionId: row.region_id, before: { deviations: row.deviations }, after: { deviations: [...row.deviations, deviation], grant } });
    await tx.query("SELECT pg_notify('ecociv_devices', $1)", [mn]);
    return { added: true };
  });
}

/** A registered device as the gateway checks packets against it. */
export interface DeviceAuth {
  id: number;
  regionId: number;
  password: string;
  edition: string;
  deviations: Deviation[];
}

/** loadDevices(db): Promise<Map<string, DeviceAuth>> — every registered device by MN. */
export async function loadDevices(db: Queryable): Promise<Map<string, DeviceAuth>> {
  const r = await db.query<{ id: number; mn: string; password: string; edition: string; deviations: string[]; region_id: number }>(
    'SELECT d.id, d.mn, d.password, d.edition, d.deviations, s.region_id FROM devices d JOIN outlets o ON o.id = d.outlet_id JOIN pollution_sources s ON s.id = o.source_id',
  );
  return new Map(r.rows.map((x) => [x.mn, { id: Number(x.id), regionId: Number(x.region_id), password: x.password, edition: x.edition, deviations: x.deviations.filter(isDeviation) }]));
}
