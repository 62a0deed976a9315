// Assess frameworks for many regions at once (a municipality, a province, the nation): status counts
// and scores per region, streaming regions in batches so memory stays flat however many there are.
import {
  compileFramework,
  leafKey,
  leafOrder,
  summariseFramework,
  type CompiledFramework,
  type Confirmation,
  type FrameworkSummary,
  type LeafData,
  type ObservationInput,
} from '../domain/assess.ts';
import type { RegionTraits } from '../domain/types.ts';
import type { Db, Queryable } from '../store/db.ts';
import type { ReadValue } from '../domain/phrase.ts';
import { loadFramework, toConfirmation, type ConfirmationDbRow, type FrameworkRow } from '../store/queries.ts';
import { decodeReading, valueFromColumns, VALUE_COLUMNS } from '../store/reading.ts';

export interface RegionsAssessmentOptions {
  frameworkIds: string[];
  year: number;
  targetYears: number[];
  /** only regions of this level (default 区县) */
  level?: string;
  /** regions per query */
  batchSize?: number;
  /** called after each batch with how many regions are done */
  onProgress?: (done: number, total: number) => void;
  /** receives each region's summary per framework; by default results are only counted */
  onRegion?: (regionId: number, frameworkId: string, s: FrameworkSummary) => void;
  /**
   * where readings come from: the typed columns (default), or the jsonb as before migration 11 — kept only so
   * that the benchmark can measure both in one run
   */
  readings?: 'typed' | 'jsonb';
  /** on a PostgreSQL server, rows per FETCH of the one streamed query (default 5,000: the objects built from a chunk die young, which the garbage collector finds cheapest) */
  fetchRows?: number;
}

export interface RegionsAssessmentSummary {
  frameworkId: string;
  regions: number;
  /** regions whose score is settled and at or above the pass line (scored frameworks) */
  passed: number;
  evaluations: number;
  met: number;
  notMet: number;
  indeterminate: number;
  noData: number;
  notApplicable: number;
}

interface ObsRow {
  region_id: number;
  indicator_id: number;
  part: string;
  year: number;
  reading: ReadValue;
  correction: NonNullable<ObservationInput['correction']> | null;
}

/**
 * The observations a status needs: the year's value and, for trends, the one before — the two latest per
 * indicator. A batch's regions are also bounded by their smallest and largest id, so that PostgreSQL reads
 * them by the primary key instead of scanning the whole table once per batch.
 */
const LATEST_TWO = (columns: string, batch = '') => `SELECT ${columns} FROM (
    SELECT ${columns}, row_number() OVER (PARTITION BY region_id, indicator_id, part ORDER BY year DESC) AS rank
    FROM observations WHERE region_id = ANY($1::int[]) AND indicator_id = ANY($2::int[]) AND year <= $3 AND review <> 'returned'${batch}) latest
  WHERE rank <= 2`;
const BATCH = ' AND region_id BETWEEN (SELECT min(r) FROM unnest($1::int[]) r) AND (SELECT max(r) FROM unnest($1::int[]) r)';

const TYPED_COLUMNS = `region_id, indicator_id, part, year, ${VALUE_COLUMNS}, value_pieces`;

/**
 * The rows the nation's statuses are computed from, as assessRegions reads them: the typed columns of the
 * reading in force (migration 11), a composite value's pieces included. Parameters: region ids,
 * indicator ids, year. All the rows at once (assessRegions asks batch by batch): exported so that the
 * benchmark can time a bare SELECT of exactly these rows.
 */
export const STATUS_ROWS_SQL = LATEST_TWO(TYPED_COLUMNS);
const BATCH_ROWS_SQL = LATEST_TWO(TYPED_COLUMNS, BATCH);
const PIECES = 13;
/** rows per FETCH when the rows are streamed from one query (PostgreSQL server) */
const FETCH_ROWS = 5_000;

/** The same rows as the jsonb readings were read before migration 11 (kept for the benchmark's comparison). */
const JSONB_COLUMNS = 'region_id, indicator_id, part, year, reading, correction';
export const STATUS_ROWS_JSONB_SQL = LATEST_TWO(JSONB_COLUMNS);
const BATCH_ROWS_JSONB_SQL = LATEST_TWO(JSONB_COLUMNS, BATCH);

// shared by every row: statuses read no marks, flags, targets or lead units (and never change them)
const NO_MARKS: string[] = [];
const NONE: LeafData['targets'] = [];

export async function assessRegions(db: Queryable, opts: RegionsAssessmentOptions): Promise<RegionsAssessmentSummary[]> {
  const frameworks: FrameworkRow[] = [];
  for (const id of opts.frameworkIds) {
    const fw = await loadFramework(db, id);
    if (!fw) throw new Error(`framework ${id} not found`);
    frameworks.push(fw);
  }
  // indicator id → [framework index, item number]
  const owner = new Map<number, [number, string]>();
  frameworks.forEach((fw, fi) => {
    for (const [number, id] of fw.indicatorIds) owner.set(id, [fi, number]);
  });
  // indicator id and part → [framework index, leaf key], so that a row costs no string building
  const leafOf = new Map<number, Map<string, [number, string]>>();
  const leafFor = (indicatorId: number, part: string): [number, string] => {
    let parts = leafOf.get(indicatorId);
    if (!parts) leafOf.set(indicatorId, (parts = new Map()));
    let l = parts.get(part);
    if (!l) {
      const [fi, number] = owner.get(indicatorId)!;
      parts.set(part, (l = [fi, leafKey(number, part || undefined)]));
    }
    return l;
  };
  const ids = [...owner.keys()];
  const regions = await db.query<{ id: number; level: RegionTraits['level']; terrain: RegionTraits['terrain'] | null; climate: string | null; coastal: boolean }>(
    'SELECT id, level, terrain, climate, coastal FROM regions WHERE level = $1 ORDER BY id',
    [opts.level ?? '区县'],
  );
  const compiled = new Map<string, { fw: CompiledFramework; order: string[] }>();
  const compiledFor = (fi: number, t: RegionTraits) => {
    const key = `${fi}|${t.level}|${t.terrain ?? ''}|${t.climate ?? ''}|${t.coastal}`;
    let c = compiled.get(key);
    if (!c) {
      const fw = compileFramework(frameworks[fi]!.def, t);
      c = { fw, order: leafOrder(fw) };
      compiled.set(key, c);
    }
    return c;
  };
  const summaries: RegionsAssessmentSummary[] = frameworks.map((f) => ({
    frameworkId: f.def.id,
    regions: 0,
    passed: 0,
    evaluations: 0,
    met: 0,
    notMet: 0,
    indeterminate: 0,
    noData: 0,
    notApplicable: 0,
  }));
  const batchSize = opts.batchSize ?? 300;
  const all = regions.rows;
  const typed = opts.readings !== 'jsonb';
  type RegionRow = (typeof all)[number];

  const confirmationsOfRows = (rows: Array<ConfirmationDbRow & { region_id: number; indicator_id: number }>) => {
    const confirmationsOf = new Map<number, Confirmation[][]>();
    for (const c of rows) {
      let perFramework = confirmationsOf.get(c.region_id);
      if (!perFramework) {
        perFramework = frameworks.map(() => []);
        confirmationsOf.set(c.region_id, perFramework);
      }
      const [fi, number] = owner.get(c.indicator_id)!;
      perFramework[fi]!.push(toConfirmation(c, number));
    }
    return confirmationsOf;
  };
  const CONFIRMATIONS_SQL = `SELECT region_id, indicator_id, part, year, status, points, confirmed_by, confirmed_at, reason FROM confirmations
       WHERE region_id = ANY($1::int[]) AND indicator_id = ANY($2::int[]) AND year = $3 ORDER BY created_at DESC, id DESC`;

  /** The rows of some regions, as the engine's data per region and framework. */
  type ByRegion = Map<number, Array<Map<string, LeafData>>>;
  const addTo = (byRegion: ByRegion, regionId: number, indicatorId: number, part: string, o: ObservationInput) => {
    let perFramework = byRegion.get(regionId);
    if (!perFramework) {
      perFramework = frameworks.map(() => new Map());
      byRegion.set(regionId, perFramework);
    }
    const [fi, key] = leafFor(indicatorId, part);
    const leaves = perFramework[fi]!;
    const d = leaves.get(key);
    if (d) d.observations.push(o);
    else leaves.set(key, { observations: [o], targets: NONE, leadUnits: NO_MARKS });
  };
  // Statuses and scores need only the reading in force (the printed text and provenance are for full assessments).
  const addTyped = (byRegion: ByRegion, r: unknown[]) => {
    const reading: ReadValue = { value: valueFromColumns(r, 4, r[PIECES]), marks: NO_MARKS, asterisk: false, flags: NO_MARKS, notes: NO_MARKS };
    addTo(byRegion, r[0] as number, r[1] as number, r[2] as string, { year: r[3] as number, printed: '', reading, flags: NO_MARKS });
  };

  const assessAll = (batch: readonly RegionRow[], byRegion: ByRegion, confirmationsOf: Map<number, Confirmation[][]>) => {
    for (const region of batch) {
      const traits: RegionTraits = {
        level: region.level,
        coastal: region.coastal,
        ...(region.terrain ? { terrain: region.terrain } : {}),
        ...(region.climate ? { climate: region.climate } : {}),
      };
      const perFramework = byRegion.get(region.id);
      frameworks.forEach((fw, fi) => {
        const c = compiledFor(fi, traits);
        const leaves = perFramework?.[fi];
        const data = leaves ? c.order.map((k) => leaves.get(k)) : [];
        const confirmations = confirmationsOf.get(region.id)?.[fi] ?? [];
        const a = summariseFramework(c.fw, data, { year: opts.year, targetYears: opts.targetYears, confirmations });
        const s = summaries[fi]!;
        s.regions++;
        s.evaluations += a.evaluations;
        s.met += a.met;
        s.notMet += a.notMet;
        s.indeterminate += a.indeterminate;
        s.noData += a.noData;
        s.notApplicable += a.notApplicable;
        const pass = fw.def.scoring?.passScore;
        if (pass !== undefined && a.scoreMin >= pass) s.passed++;
        opts.onRegion?.(region.id, fw.def.id, a);
      });
    }
  };

  // On a PostgreSQL server: one query, ranked once and streamed through a cursor in chunks (its rows come in
  // region order), the next chunk asked for while this one is assessed. Ranking every region's rows in one sort
  // costs the server about half of what it costs batch by batch, where each batch reads its rows by the index
  // scattered over the table. Memory stays bounded by the chunk, as with batches.
  const server = typed && (db as Partial<Db>).kind === 'postgres' && typeof (db as Partial<Db>).transaction === 'function';
  if (server && all.length > 0) {
    const params = [all.map((r) => r.id), ids, opts.year];
    const confirmationsOf = confirmationsOfRows((await db.query<ConfirmationDbRow & { region_id: number; indicator_id: number }>(CONFIRMATIONS_SQL, params)).rows);
    await (db as Db).transaction(async (tx) => {
      // the whole result is wanted, so plan for all of it (a cursor is planned for its first rows by default)
      await tx.exec('SET LOCAL cursor_tuple_fraction = 1');
      // DECLARE takes no bind parameters, so the ids (integers, checked) and the year are written into the query
      const ints = (xs: readonly number[]) => `'{${xs.map((x) => (Number.isSafeInteger(x) ? String(x) : 'NULL')).join(',')}}'::int[]`;
      const sql = STATUS_ROWS_SQL.replace('$1::int[]', ints(params[0] as number[])).replace('$2::int[]', ints(ids)).replace('$3', String(Math.trunc(opts.year)));
      await tx.exec(`DECLARE ecociv_status_rows NO SCROLL CURSOR FOR ${sql} ORDER BY region_id`);
      const chunk = Math.max(1, Math.trunc(opts.fetchRows ?? FETCH_ROWS));
      const fetch = () => tx.queryArrays!(`FETCH ${chunk} FROM ecociv_status_rows`);
      let next: Promise<unknown[][]> | undefined = fetch();
      let byRegion: ByRegion = new Map();
      let at = 0; // the first region of `all` not yet assessed
      let done = 0;
      while (next) {
        const rows: unknown[][] = await next;
        next = rows.length === chunk ? fetch() : undefined;
        next?.catch(() => undefined); // awaited on the next turn; not an unhandled rejection meanwhile
        for (const r of rows) addTyped(byRegion, r);
        // every region before the last one seen is complete (rows come in region order); the last may go on
        const last = rows.length > 0 ? (rows[rows.length - 1]![0] as number) : Number.POSITIVE_INFINITY;
        let end = at;
        while (end < all.length && (next ? all[end]!.id < last : true)) end++;
        const ready = all.slice(at, end);
        const carried: ByRegion = new Map();
        if (next) {
          const rest = byRegion.get(last);
          if (rest) carried.set(last, rest);
        }
        assessAll(ready, byRegion, confirmationsOf);
        byRegion = carried;
        at = end;
        // progress as the batches would have said it: after every batchSize regions, and at the end
        for (let k = Math.floor(done / batchSize) + 1; k * batchSize <= at && k * batchSize < all.length; k++) opts.onProgress?.(k * batchSize, all.length);
        if (at === all.length && done < all.length) opts.onProgress?.(all.length, all.length);
        done = at;
      }
      await tx.exec('CLOSE ecociv_status_rows');
    });
    return summaries;
  }

  // The next batch is asked for before this one is assessed: on a server, PostgreSQL ranks and sends the
  // next rows while this process computes (on PGlite the two take turns, as before).
  const fetchBatch = (from: number) => {
    const params = [all.slice(from, from + batchSize).map((r) => r.id), ids, opts.year];
    // People's (and the documents') confirmations for these regions: few, so fetched whole.
    const conf = db.query<ConfirmationDbRow & { region_id: number; indicator_id: number }>(CONFIRMATIONS_SQL, params);
    const rows: Promise<unknown[][] | ObsRow[]> = !typed
      ? db.query<ObsRow>(BATCH_ROWS_JSONB_SQL, params).then((r) => r.rows)
      : db.queryArrays
        ? db.queryArrays(BATCH_ROWS_SQL, params)
        : db.query<Record<string, unknown>>(BATCH_ROWS_SQL, params).then((r) => r.rows.map((x) => Object.values(x)));
    const both = Promise.all([conf, rows]);
    both.catch(() => undefined); // awaited below; a batch left unawaited after an error is not an unhandled rejection
    return both;
  };
  let next = all.length > 0 ? fetchBatch(0) : undefined;
  for (let i = 0; i < all.length; i += batchSize) {
    const batch = all.slice(i, i + batchSize);
    const [conf, fetched] = await next!;
    next = i + batchSize < all.length ? fetchBatch(i + batchSize) : undefined;
    const byRegion: ByRegion = new Map();
    if (typed) for (const r of fetched as unknown[][]) addTyped(byRegion, r);
    else
      for (const r of fetched as ObsRow[]) {
        const o: ObservationInput = { year: r.year, printed: '', reading: decodeReading(r.reading), flags: [] };
        if (r.correction) o.correction = decodeReading(r.correction);
        addTo(byRegion, r.region_id, r.indicator_id, r.part, o);
      }
    assessAll(batch, byRegion, confirmationsOfRows(conf.rows));
    opts.onProgress?.(Math.min(i + batchSize, all.length), all.length);
  }
  return summaries;
}
