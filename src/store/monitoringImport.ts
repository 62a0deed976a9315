// Monitoring files into the store (issue #13, the "import" part): a station list, hourly or daily air data, or
// water samples, from a CSV (UTF-8 or GB18030) or an .xlsx file in the layouts the national and provincial
// platforms export. The file is read as a stream (src/exchange/rowStream.ts), every row checked
// (src/domain/monitoringColumns.ts), and written in one transaction: the whole file lands, or nothing does.
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/roles.ts';
import { todayInChina } from './batch.ts';
import {
  readDateTime,
  readHeader,
  readHour,
  readLevel,
  readStationKind,
  readTarget,
  readValue,
  readWaterbody,
  rangeOf,
  startOfHour,
  type AirItem,
  type ColumnMap,
  type MonitoringFileKind,
  type StationKind,
} from '../domain/monitoringColumns.ts';
import type { WaterParameter } from '../domain/waterClass.ts';
import { readRowBatches, CsvQuoteError, WorkbookReadError, type SheetRow } from '../exchange/rowStream.ts';
import { t } from '../i18n/index.ts';
import { OFFICE_ROLES, requirePlanRole } from './access.ts';
import { writeAudit } from './audit.ts';
import { InvalidBatchError, type BatchProblem } from './batch.ts';
import type { Db, Queryable } from './db.ts';
import { requirePlan } from '../app/requirePlan.ts';

export type { MonitoringFileKind } from '../domain/monitoringColumns.ts';

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number | null;
}

export interface ImportResult {
  kind: MonitoringFileKind;
  importId: number | null;
  rows: number;
  /** stations the file wrote to (or created/updated, for a station list) */
  stationIds: number[];
  /** first and last date of the data (YYYY-MM-DD) */
  from: string | null;
  to: string | null;
  /** the calendar years the data touches (for recompute) */
  years: number[];
}

export interface ImportInput {
  planId: string;
  fileName: string;
  /** the file's kind; found from its header when omitted */
  kind?: MonitoringFileKind;
  /** the file's bytes from the start (called once) */
  open: () => AsyncIterable<Uint8Array>;
  /** the file's size in bytes, for progress; null when unknown */
  size: number | null;
  /** allow hours, days and samples already stored to be replaced (else each is refused) */
  replace?: boolean;
  /** YYYY-MM-DD, for "a date in the future" (default: today in Beijing) */
  today?: string;
  onProgress?: (p: ImportProgress) => void;
}

/** How many problems a refusal names. */
export const MAX_PROBLEMS = 50;
/** Rows per INSERT. */
const CHUNK = 5000;
/** Rows between two progress reports. */
const PROGRESS_EVERY = 50_000;

const AIR_HOUR_COLUMNS: Record<Exclude<AirItem, 'O3_8h'>, string> = { SO2: 'so2', NO2: 'no2', CO: 'co', O3: 'o3', PM10: 'pm10', 'PM2.5': 'pm25' };
const AIR_DAY_COLUMNS: Record<Exclude<AirItem, 'O3'>, string> = { SO2: 'so2', NO2: 'no2', CO: 'co', O3_8h: 'o3_8h', PM10: 'pm10', 'PM2.5': 'pm25' };

class TooManyProblems extends Error {}

/**
 * importMonitoringFile(db, input, actor) → what was written. Reads a CSV (UTF-8 or GB18030) or .xlsx file of one
 * kind (found from its headers when kind is omitted), checks every row, and writes it in one transaction; refuses
 * the whole file with InvalidBatchError (counting 'row') naming row and column of each problem (first 50): a
 * header unit that is not the expected one, a value that is not a number or a platform mark, a negative value, one
 * above the plausible range, an unreadable date or one in the future, an unknown station, the same station and
 * hour (day, sample date) twice in the file, or data already stored for it (unless `replace`). Office roles only.
 */
export async function importMonitoringFile(db: Db, input: ImportInput, actor: Actor): Promise<ImportResult> {
  const plan = await requirePlan(db, input.planId);
  await requirePlanRole(db, actor, plan.id, OFFICE_ROLES);
  const region = (await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [plan.id])).rows[0]!.region_id;
  const today = input.today ?? todayInChina();
  const hash = createHash('sha256');
  let bytes = 0;
  const open = async function* () {
    for await (const chunk of input.open()) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      yield chunk;
    }
  };
  const where = `${input.fileName} `;
  return db.transaction(async (tx) => {
    const problems: BatchProblem[] = [];
    const refuse = (): never => {
      throw new InvalidBatchError(problems, 'row', where);
    };
    const add = (row: number, field: string, value: string, key: string, params: Record<string, string | number> = {}) => {
      problems.push({ row, field, value, message: t(key, { row, column: field, value, ...params }) });
      if (problems.length >= MAX_PROBLEMS) throw new TooManyProblems();
    };
    let reader: Reader | null = null;
    let rows = 0;
    let lastReport = 0;
    try {
      for await (const batch of readRowBatches(open, input.fileName)) {
        for (const r of batch) {
          if (!reader) {
            const h = readHeader(r.cells, input.kind);
            // a title above the headers ("巫山县 2025年1月 空气质量小时数据"), as exports to Excel often have
            if (!h.ok && r.row <= 5 && r.cells.filter((x) => x !== '').length <= 2) continue;
            if (!h.ok) {
              for (const p of h.problems) problems.push({ row: r.row, field: p.column || t('monitoringImport.field.header'), value: String(p.params.unit ?? p.column), message: t(p.key, p.params) });
              refuse();
            } else reader = await makeReader(tx, h.map, { region, today, replace: input.replace === true, add, fileName: input.fileName, actor });
            continue;
          }
          rows++;
          await reader!.row(r);
        }
        if (input.onProgress && rows - lastReport >= PROGRESS_EVERY) {
          lastReport = rows;
          input.onProgress({ rows, bytes, totalBytes: input.size });
        }
      }
      if (!reader) {
        problems.push({ row: 1, field: t('monitoringImport.field.header'), value: '', message: t('monitoringImport.error.empty') });
        refuse();
      }
      const result = await reader!.finish(problems.length === 0);
      if (problems.length) refuse();
      input.onProgress?.({ rows, bytes, totalBytes: input.size });
      const sha256 = hash.digest('hex');
      await tx.query('UPDATE monitoring_imports SET sha256 = $2, rows = $3, first_at = $4, last_at = $5 WHERE id = $1', [result.importId, sha256, result.rows, result.firstAt, result.lastAt]);
      await writeAudit(tx, actor, {
        action: 'monitoring.import',
        entity: 'monitoring_import',
        entityId: result.importId,
        planId: plan.id,
        regionId: region,
        after: { fileName: input.fileName, kind: reader!.kind, rows: result.rows, sha256, from: result.from, to: result.to, replace: input.replace === true },
      });
      return { kind: reader!.kind, importId: result.importId, rows: result.rows, stationIds: result.stationIds, from: result.from, to: result.to, years: result.years };
    } catch (e) {
      if (e instanceof TooManyProblems) {
        problems.push({ row: problems[problems.length - 1]!.row, field: t('monitoringImport.field.file'), value: '', message: t('monitoringImport.error.more', { max: MAX_PROBLEMS }) });
        refuse();
      }
      if (e instanceof CsvQuoteError) {
        problems.push({ row: e.row, field: t('monitoringImport.field.row'), value: '', message: t('monitoringImport.error.quote') });
        refuse();
      }
      if (e instanceof WorkbookReadError) {
        problems.push({ row: 1, field: t('monitoringImport.field.file'), value: input.fileName, message: e.message });
        refuse();
      }
      throw e;
    }
  });
}

// ---------------------------------------------------------------- readers of the kinds

interface Reader {
  kind: MonitoringFileKind;
  row(r: SheetRow): Promise<void>;
  /** write what is pending (when ok) and say what was written */
  finish(ok: boolean): Promise<Written>;
}

interface Written {
  importId: number;
  rows: number;
  stationIds: number[];
  from: string | null;
  to: string | null;
  years: number[];
  firstAt: string | null;
  lastAt: string | null;
}

interface Context {
  region: number;
  today: string;
  replace: boolean;
  fileName: string;
  actor: Actor;
  add: (row: number, field: string, value: string, key: string, params?: Record<string, string | number>) => void;
}

async function newImport(tx: Queryable, c: Context, kind: MonitoringFileKind): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO monitoring_imports (region_id, kind, file_name, sha256, rows, imported_by) VALUES ($1, $2, $3, '', 0, $4) RETURNING id`,
    [c.region, kind, c.fileName, c.actor.name],
  );
  return r.rows[0]!.id;
}

async function makeReader(tx: Queryable, map: ColumnMap, c: Context): Promise<Reader> {
  const importId = await newImport(tx, c, map.kind);
  if (map.kind === 'stations') return stationReader(tx, map, c, importId);
  return dataReader(tx, map, c, importId);
}

/** The region's stations of the kinds a data file names, by code and by name. */
async function stationsOf(tx: Queryable, region: number, kinds: StationKind[]) {
  const r = await tx.query<{ id: number; code: string; name: string; counts_from: string | Date | null; counts_to: string | Date | null }>(
    'SELECT id, code, name, counts_from, counts_to FROM stations WHERE region_id = $1 AND kind = ANY($2::text[]) ORDER BY id',
    [region, kinds],
  );
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const s of r.rows) {
    byCode.set(s.code, s.id);
    if (!byName.has(s.name)) byName.set(s.name, s.id);
  }
  return { byCode, byName };
}

/** The hourly items in the order of the wide layout's values (and of AIR_HOUR_COLUMNS). */
const AIR_ORDER: Array<Exclude<AirItem, 'O3_8h'>> = ['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5'];

const cell = (r: SheetRow, i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? ''));
const VALUE_KEYS = { notNumber: 'monitoringImport.value.notNumber', negative: 'monitoringImport.value.negative', tooHigh: 'monitoringImport.value.tooHigh', pH: 'monitoringImport.value.pH' } as const;

/** Air hours, air days and water samples. */
async function dataReader(tx: Queryable, map: ColumnMap, c: Context, importId: number): Promise<Reader> {
  const kind = map.kind as Exclude<MonitoringFileKind, 'stations'>;
  const stations = await stationsOf(tx, c.region, kind === 'water' ? ['water', 'drinking'] : ['air']);
  const H = map.headers;
  const items: Array<[string, number]> = map.wide ? AIR_ORDER.map((x, i) => [x, i]) : (Object.entries(kind === 'water' ? map.water : map.air) as Array<[string, number]>);
  const columns = kind === 'air-hours' ? AIR_HOUR_COLUMNS : kind === 'air-days' ? AIR_DAY_COLUMNS : null;
  // the rows already read, by station and key (hours since 1970, or days): the row number of each, in blocks of
  // 8,784 keys a station (a year of hours in 35 KB), so that 1,000 stations' year is 35 MB, not a map entry a row
  const seen = new Map<number, Map<number, Int32Array>>();
  const BLOCK = 8784;
  const seenRow = (station: number, key: number, row: number): number | undefined => {
    let blocks = seen.get(station);
    if (!blocks) seen.set(station, (blocks = new Map()));
    const b = Math.floor(key / BLOCK);
    let rowsOf = blocks.get(b);
    if (!rowsOf) blocks.set(b, (rowsOf = new Int32Array(BLOCK)));
    const i = key - b * BLOCK;
    const before = rowsOf[i]!;
    if (before !== 0) return before;
    rowsOf[i] = row;
    return undefined;
  };
  const used = new Set<number>();
  const years = new Set<number>();
  let first: string | null = null;
  let last: string | null = null;
  let written = 0;
  // end-of-hour files (hours 1–24) are told from the first rows: held until an hour 0 or 24 is seen
  let endOfHour: boolean | null = kind === 'air-hours' ? null : false;
  let held: SheetRow[] = [];
  type Pending = { row: number; station: number; at: string; values: Array<number | null>; marks: string | null };
  let pending: Pending[] = [];
  let failed = false;

  const stationOf = (r: SheetRow): number | undefined => {
    const code = cell(r, map.code);
    const name = cell(r, map.name);
    const id = (code ? stations.byCode.get(code) : undefined) ?? (name ? stations.byName.get(name) : undefined) ?? (code && map.name === undefined ? stations.byName.get(code) : undefined);
    if (id === undefined) {
      const column = code ? H[map.code!]! : H[map.name!] ?? H[map.code!]!;
      c.add(r.row, column, code || name, kind === 'water' ? 'monitoringImport.row.unknownSection' : 'monitoringImport.row.unknownStation');
    }
    return id;
  };

  /** the row's time: [key for duplicates, stored text, date]; a problem when unreadable or in the future */
  const timeOf = (r: SheetRow): { key: number; at: string; date: string } | undefined => {
    const tcol = map.dateTime ?? map.date!;
    const text = map.ymd ? `${cell(r, map.ymd.year)}-${cell(r, map.ymd.month).padStart(2, '0')}-${cell(r, map.ymd.day).padStart(2, '0')}` : cell(r, tcol);
    if (text === '' || text === '--') {
      c.add(r.row, H[tcol]!, text, 'monitoringImport.row.noTime');
      return undefined;
    }
    const dt = readDateTime(text);
    if (!dt) {
      c.add(r.row, H[tcol]!, text, kind === 'air-hours' ? 'monitoringImport.row.badDateTime' : 'monitoringImport.row.badDate');
      return undefined;
    }
    if (dt.date > c.today) {
      c.add(r.row, H[tcol]!, text, 'monitoringImport.row.future', { today: c.today });
      return undefined;
    }
    const day = Math.round(Date.parse(`${dt.date}T00:00:00Z`) / 86_400_000);
    if (kind !== 'air-hours') return { key: day, at: dt.date, date: dt.date };
    let hour = dt.hour;
    if (map.hour !== undefined && (hour === null || map.dateTime === undefined)) {
      const ht = cell(r, map.hour);
      const h = readHour(ht);
      if (h === undefined) {
        c.add(r.row, H[map.hour]!, ht, 'monitoringImport.row.badHour');
        return undefined;
      }
      hour = h;
    }
    if (hour === null) {
      c.add(r.row, H[tcol]!, text, 'monitoringImport.row.badDateTime');
      return undefined;
    }
    if (dt.minute !== 0) {
      c.add(r.row, H[tcol]!, text, 'monitoringImport.row.notWholeHour');
      return undefined;
    }
    if (endOfHour && hour === 0) {
      c.add(r.row, H[map.hour ?? tcol]!, text, 'monitoringImport.row.hourZeroInEndFile');
      return undefined;
    }
    const at = startOfHour(dt.date, hour, endOfHour === true);
    const atDate = at.slice(0, 10);
    if (atDate > c.today) {
      c.add(r.row, H[tcol]!, text, 'monitoringImport.row.future', { today: c.today });
      return undefined;
    }
    const key = Math.round(Date.parse(`${atDate}T00:00:00Z`) / 3_600_000) + Number(at.slice(11, 13));
    return { key, at, date: atDate };
  };

  const check = async (r: SheetRow) => {
    const station = stationOf(r);
    const time = timeOf(r);
    const values: Array<number | null> = [];
    let marks: Record<string, string> | null = null;
    let bad = false;
    for (const [item, i] of items) {
      const text = cell(r, i);
      const v = readValue(text, rangeOf(item as AirItem | WaterParameter), item);
      if ('problem' in v) {
        const range = rangeOf(item as AirItem | WaterParameter);
        c.add(r.row, H[i]!, text, VALUE_KEYS[v.problem], { max: range[1], min: range[0] });
        bad = true;
        values.push(null);
      } else {
        values.push(v.value);
        if (v.mark !== null) (marks ??= {})[item] = v.mark;
      }
    }
    if (station === undefined || time === undefined || bad) {
      failed = true;
      return;
    }
    await accept(r, station, time, values, marks);
  };

  /** a record read whole: refused when its station and time came before in the file, else kept to be written */
  const accept = async (r: SheetRow, station: number, time: { key: number; at: string; date: string }, values: Array<number | null>, marks: Record<string, string> | null) => {
    const before = seenRow(station, time.key, r.row);
    if (before !== undefined) {
      const tcol = map.dateTime ?? map.date!;
      c.add(r.row, H[tcol]!, cell(r, tcol), kind === 'water' ? 'monitoringImport.row.duplicateSample' : kind === 'air-days' ? 'monitoringImport.row.duplicateDay' : 'monitoringImport.row.duplicateHour', { first: before });
      failed = true;
      return;
    }
    if (failed) return;
    used.add(station);
    years.add(Number(time.date.slice(0, 4)));
    if (first === null || time.at < first) first = time.at;
    if (last === null || time.at > last) last = time.at;
    pending.push({ row: r.row, station, at: time.at, values, marks: marks ? JSON.stringify(marks) : null });
    if (pending.length >= CHUNK) await flush();
  };

  const flush = async () => {
    if (pending.length === 0 || failed) return;
    const batch = pending;
    pending = [];
    const ids = batch.map((p) => p.station);
    const ats = batch.map((p) => p.at);
    const marks = batch.map((p) => p.marks);
    let sql: string;
    let params: unknown[];
    if (columns) {
      const names = items.map(([item]) => (columns as Record<string, string>)[item]!);
      const keyCol = kind === 'air-hours' ? 'hour' : 'day';
      const keyType = kind === 'air-hours' ? 'timestamp' : 'date';
      const cols = names.map((n, k) => `$${k + 4}::real[]`);
      sql = `INSERT INTO ${kind === 'air-hours' ? 'air_hours' : 'air_days'} (station_id, ${keyCol}, ${names.join(', ')}, marks, import_id)
        SELECT u.s, u.k, ${names.map((_, k) => `u.v${k}`).join(', ')}, u.m::jsonb, ${importId}
        FROM unnest($1::int[], $2::${keyType}[], $3::text[]${cols.length ? ', ' + cols.join(', ') : ''}) AS u(s, k, m${names.map((_, k) => `, v${k}`).join('')})
        ON CONFLICT (station_id, ${keyCol}) ${c.replace ? `DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}, marks = EXCLUDED.marks, import_id = EXCLUDED.import_id` : 'DO NOTHING'}`;
      params = [ids, ats, marks, ...items.map((_, k) => batch.map((p) => p.values[k]))];
    } else {
      const sample = batch.map((p) => JSON.stringify(Object.fromEntries(items.flatMap(([item], k) => (p.values[k] === null || p.values[k] === undefined ? [] : [[item, p.values[k]]])))));
      sql = `INSERT INTO water_samples (station_id, sampled_on, sample_values, marks, import_id)
        SELECT u.s, u.k, u.v::jsonb, u.m::jsonb, ${importId} FROM unnest($1::int[], $2::date[], $3::text[], $4::text[]) AS u(s, k, m, v)
        ON CONFLICT (station_id, sampled_on) ${c.replace ? 'DO UPDATE SET sample_values = EXCLUDED.sample_values, marks = EXCLUDED.marks, import_id = EXCLUDED.import_id' : 'DO NOTHING'}`;
      params = [ids, ats, marks, sample];
    }
    const inserted = Number((await tx.query<{ n: string | number }>(`WITH ins AS (${sql} RETURNING 1) SELECT count(*) AS n FROM ins`, params)).rows[0]!.n);
    written += batch.length;
    if (!c.replace && inserted < batch.length) {
      // what the store already held for these keys stayed: name each such row
      const table = kind === 'air-hours' ? 'air_hours' : kind === 'air-days' ? 'air_days' : 'water_samples';
      const keyCol = kind === 'air-hours' ? 'hour' : kind === 'air-days' ? 'day' : 'sampled_on';
      const keyType = kind === 'air-hours' ? 'timestamp' : 'date';
      const clash = await tx.query<{ i: number }>(
        `SELECT u.i FROM unnest($1::int[], $2::${keyType}[]) WITH ORDINALITY AS u(s, k, i) JOIN ${table} x ON x.station_id = u.s AND x.${keyCol} = u.k WHERE x.import_id <> $3 ORDER BY u.i LIMIT ${MAX_PROBLEMS}`,
        [ids, ats, importId],
      );
      if (clash.rows.length) {
        failed = true;
        const tcol = map.dateTime ?? map.date!;
        for (const { i } of clash.rows) {
          const p = batch[Number(i) - 1]!;
          c.add(p.row, H[tcol]!, p.at, 'monitoringImport.row.stored');
        }
      }
    }
  };

  /** the hour a row writes (to tell a file of hours 1–24 from one of hours 0–23), undefined when unreadable */
  const hourWritten = (r: SheetRow): number | null | undefined => {
    const written = map.dateTime !== undefined ? readDateTime(cell(r, map.dateTime))?.hour : null;
    return written ?? (map.hour !== undefined ? readHour(cell(r, map.hour)) : written);
  };
  const decide = (r: SheetRow): boolean | null => {
    const h = hourWritten(r);
    return h === 0 ? false : h === 24 ? true : null;
  };

  // the wide layout of the national platform's archives: one row per hour and item (type), one column per station
  const wide = map.wide;
  const wideItems: Record<string, number> = { SO2: 0, NO2: 1, CO: 2, O3: 3, PM10: 4, 'PM2.5': 5, PM25: 5 };
  const wideStations = wide ? wide.stations.flatMap((col) => (stations.byCode.has(H[col]!) ? [{ col, id: stations.byCode.get(H[col]!)! }] : [])) : [];
  if (wide && wideStations.length === 0) c.add(1, t('monitoringImport.field.header'), '', 'monitoringImport.header.noStationOfRegion');
  let group: SheetRow[] = [];
  const wideGroup = async () => {
    if (group.length === 0) return;
    const rows = group;
    group = [];
    const time = timeOf(rows[0]!);
    for (const st of wideStations) {
      const values: Array<number | null> = [null, null, null, null, null, null];
      let marks: Record<string, string> | null = null;
      let bad = false;
      let any = false;
      for (const r of rows) {
        const p = wideItems[cell(r, wide!.type).normalize('NFKC').toUpperCase().replace(/[_\s]/g, '')];
        if (p === undefined) continue; // AQI, the sliding 24-hour and 8-hour values: computed from the hours
        const item = AIR_ORDER[p]!;
        const text = cell(r, st.col);
        const v = readValue(text, rangeOf(item), item);
        if ('problem' in v) {
          c.add(r.row, H[st.col]!, text, VALUE_KEYS[v.problem], { max: rangeOf(item)[1], min: 0 });
          bad = true;
        } else {
          values[p] = v.value;
          if (v.value !== null || v.mark !== null) any = true;
          if (v.mark !== null) (marks ??= {})[item] = v.mark;
        }
      }
      if (bad || time === undefined) failed = true;
      else if (any) await accept(rows[0]!, st.id, time, values, marks);
    }
  };
  const wideRow = async (r: SheetRow) => {
    const g = group[0];
    if (g && (cell(g, map.date) !== cell(r, map.date) || cell(g, map.hour) !== cell(r, map.hour))) await wideGroup();
    group.push(r);
  };

  return {
    kind,
    async row(r) {
      if (wide) {
        if (endOfHour === null) endOfHour = false;
        return wideRow(r);
      }
      if (endOfHour === null) {
        held.push(r);
        const d = decide(r);
        if (d === null && held.length < 2000) return;
        endOfHour = d === true;
        const rows = held;
        held = [];
        for (const x of rows) await check(x);
        return;
      }
      await check(r);
    },
    async finish(ok) {
      if (wide) await wideGroup();
      if (endOfHour === null) {
        endOfHour = false;
        for (const x of held) await check(x);
      }
      if (ok && !failed) await flush();
      return {
        importId,
        rows: written,
        stationIds: [...used].sort((a, b) => a - b),
        from: first === null ? null : (first as string).slice(0, 10),
        to: last === null ? null : (last as string).slice(0, 10),
        years: [...years].sort(),
        firstAt: first === null ? null : kind === 'air-hours' ? first : `${first} 00:00`,
        lastAt: last === null ? null : kind === 'air-hours' ? last : `${last} 00:00`,
      };
    },
  };
}

/** A station list: each row upserts a station of the region by (kind, code). */
async function stationReader(tx: Queryable, map: ColumnMap, c: Context, importId: number): Promise<Reader> {
  const S = map.station;
  const H = map.headers;
  const seen = new Map<string, number>();
  type Row = { row: number; kind: StationKind; code: string; name: string; level: string | null; waterbody: string | null; waterName: string | null; target: number | null; township: string | null; lon: number | null; lat: number | null; from: string | null; to: string | null };
  const rows: Row[] = [];
  const text = (r: SheetRow, f: keyof typeof S) => cell(r, S[f]);
  const date = (r: SheetRow, f: 'from' | 'to'): string | null | undefined => {
    const v = text(r, f);
    if (v === '') return null;
    const d = readDateTime(v);
    if (!d) {
      c.add(r.row, H[S[f]!]!, v, 'monitoringImport.station.badDate');
      return undefined;
    }
    return d.date;
  };
  const coord = (r: SheetRow, f: 'longitude' | 'latitude'): number | null | undefined => {
    const v = text(r, f);
    if (v === '') return null;
    const n = Number(v.normalize('NFKC'));
    const max = f === 'longitude' ? 180 : 90;
    if (!/^[+-]?\d+(\.\d+)?$/.test(v.normalize('NFKC')) || Math.abs(n) > max) {
      c.add(r.row, H[S[f]!]!, v, f === 'longitude' ? 'monitoringImport.station.badLongitude' : 'monitoringImport.station.badLatitude');
      return undefined;
    }
    return n;
  };
  return {
    kind: 'stations',
    async row(r) {
      const code = cell(r, map.code);
      const name = cell(r, map.name);
      if (!code && !name) {
        c.add(r.row, H[map.name ?? map.code!]!, '', 'monitoringImport.station.noName');
        return;
      }
      let kind: StationKind | undefined;
      if (S.kind !== undefined && text(r, 'kind') !== '') {
        kind = readStationKind(text(r, 'kind'));
        if (!kind) c.add(r.row, H[S.kind]!, text(r, 'kind'), 'monitoringImport.station.badKind');
      } else kind = text(r, 'target') || text(r, 'waterbody') || text(r, 'waterName') ? 'water' : 'air';
      let level: string | null = null;
      if (text(r, 'level')) {
        level = readLevel(text(r, 'level')) ?? null;
        if (!level) c.add(r.row, H[S.level!]!, text(r, 'level'), 'monitoringImport.station.badLevel');
      }
      let waterbody: string | null = null;
      if (text(r, 'waterbody')) {
        waterbody = readWaterbody(text(r, 'waterbody')) ?? null;
        if (!waterbody) c.add(r.row, H[S.waterbody!]!, text(r, 'waterbody'), 'monitoringImport.station.badWaterbody');
      }
      let target: number | null = null;
      if (text(r, 'target')) {
        target = readTarget(text(r, 'target')) ?? null;
        if (!target) c.add(r.row, H[S.target!]!, text(r, 'target'), 'monitoringImport.station.badTarget');
      }
      const lon = coord(r, 'longitude');
      const lat = coord(r, 'latitude');
      const from = date(r, 'from');
      const to = date(r, 'to');
      if (from && to && to < from) c.add(r.row, H[S.to!]!, text(r, 'to'), 'monitoringImport.station.toBeforeFrom', { from });
      if (!kind) return;
      const key = `${kind}|${code || name}`;
      const before = seen.get(key);
      if (before !== undefined) {
        c.add(r.row, H[map.code ?? map.name!]!, code || name, 'monitoringImport.station.twice', { first: before });
        return;
      }
      seen.set(key, r.row);
      if (lon === undefined || lat === undefined || from === undefined || to === undefined) return;
      rows.push({ row: r.row, kind, code: code || name, name: name || code, level, waterbody, waterName: text(r, 'waterName') || null, target, township: text(r, 'township') || null, lon, lat, from, to });
    },
    async finish(ok) {
      const ids: number[] = [];
      if (ok)
        for (const s of rows) {
          const r = await tx.query<{ id: number }>(
            `INSERT INTO stations (region_id, kind, code, name, level, waterbody, water_name, target_class, township, longitude, latitude, counts_from, counts_to, source, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, now())
             ON CONFLICT (region_id, kind, code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, waterbody = EXCLUDED.waterbody, water_name = EXCLUDED.water_name,
               target_class = EXCLUDED.target_class, township = EXCLUDED.township, longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude,
               counts_from = EXCLUDED.counts_from, counts_to = EXCLUDED.counts_to, source = EXCLUDED.source, updated_at = now()
             RETURNING id`,
            [c.region, s.kind, s.code, s.name, s.level, s.waterbody, s.waterName, s.target, s.township, s.lon, s.lat, s.from, s.to, JSON.stringify({ file: c.fileName, row: s.row, import: importId })],
          );
          ids.push(r.rows[0]!.id);
        }
      return { importId, rows: rows.length, stationIds: [...new Set(ids)].sort((a, b) => a - b), from: null, to: null, years: [], firstAt: null, lastAt: null };
    },
  };
}
