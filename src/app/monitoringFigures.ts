// Monitoring data computed into a plan's indicators: for each link (statistic of some stations → indicator), each
// year's figure is computed from the stored hours, days and samples, kept in computed_figures with its provenance,
// and becomes the indicator's observation (origin 'computed', review 'submitted') — unless a person's or the
// document's figure is there (both are then kept and shown side by side) or the year is published (locked).
import type { Actor } from '../auth/roles.ts';
import { emptyHours, HOURLY_POLLUTANTS, regionAirYear, stationYear, type HourlyPollutant, type StationYear } from '../domain/airYear.ts';
import type { DailyAirValues } from '../domain/aqi.ts';
import { computeStatistic, STATISTICS, type StatisticId, type StatisticResult, type StationKind } from '../domain/monitoringStatistics.ts';
import { parseValue, PhraseError } from '../domain/phrase.ts';
import { WATER_CLASSES, type TargetClass, type WaterValues, type Waterbody } from '../domain/waterClass.ts';
import { sectionYear, type SectionYear } from '../domain/waterYear.ts';
import { OFFICE_ROLES, lockRegionsOf, requirePlanRole } from '../store/access.ts';
import { writeAudit } from '../store/audit.ts';
import type { Db, Queryable } from '../store/db.ts';
import { itemName, MonitoringFigureError } from '../store/monitoringLinks.ts';
import { getPlan, leafContextOf, loadFramework, type FrameworkRow } from '../store/queries.ts';
import { encodeReading } from '../store/reading.ts';
import { t } from '../i18n/index.ts';

export { STATISTIC_IDS, STATISTICS, type StatisticId } from '../domain/monitoringStatistics.ts';
export { listMonitoringLinks, removeMonitoringLink, setMonitoringLink, MonitoringFigureError, type MonitoringLink } from '../store/monitoringLinks.ts';

export interface FigureProvenance {
  statistic: StatisticId;
  stations: Array<{ code: string; name: string; validDays: number; counted: boolean; reason: 'days' | 'months' | 'outside' | 'noData' | null }>;
  /** HJ 633 / GB 3095 / GB 3838 parts: the days (samples) each edition computed */
  editions: Array<{ edition: string; from: string; to: string; days: number }>;
  validDays: number | null;
  /** why the value is null (no counted station, too few days in the year or in some months) */
  insufficient?: 'stations' | 'days' | 'months' | null;
  imports: Array<{ fileName: string; importedAt: string }>;
  /** ISO */
  computedAt: string;
}

export interface ComputedFigure {
  framework: string;
  number: string;
  part: string | null;
  name: string;
  year: number;
  statistic: StatisticId;
  /** a share in percent (92.3), a concentration in its unit, days, or a class 1–6 (Ⅰ…劣Ⅴ); null when not enough data */
  value: number | null;
  /** as the plan prints it ("92.3%", "28", "Ⅱ类"); 无数据 when null */
  printed: string;
  provenance: FigureProvenance;
  /** a person's (or the document's) figure kept beside it */
  entered: { printed: string; origin: 'document' | 'entry' | 'import' } | null;
}

interface LinkRow {
  indicator_id: number;
  part: string;
  statistic: StatisticId;
  station_ids: number[];
  framework_id: string;
  number: string;
}

interface StationRow {
  id: number;
  code: string;
  name: string;
  kind: StationKind;
  waterbody: Waterbody | null;
  target_class: number | null;
  counts_from: string | null;
  counts_to: string | null;
}

const yearBounds = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

async function rowsOf(db: Queryable, sql: string, params: unknown[]): Promise<unknown[][]> {
  if (db.queryArrays) return db.queryArrays(sql, params);
  const r = await db.query<Record<string, unknown>>(sql, params);
  return r.rows.map((x) => Object.values(x));
}

/** The station's year of air data: its hours (typed arrays) and its published days. */
async function loadAirStation(db: Queryable, s: StationRow, year: number): Promise<StationYear> {
  const [from, to] = yearBounds(year);
  const hourRows = await rowsOf(
    db,
    `SELECT floor(extract(epoch FROM (hour - $2::timestamp)) / 3600)::int AS i, so2, no2, co, o3, pm10, pm25
     FROM air_hours WHERE station_id = $1 AND hour >= $2::timestamp AND hour < $3::timestamp`,
    [s.id, from, to],
  );
  let hours: Partial<Record<HourlyPollutant, Float32Array>> | undefined;
  if (hourRows.length > 0) {
    hours = {};
    for (const p of HOURLY_POLLUTANTS) hours[p] = emptyHours(year);
    for (const r of hourRows) {
      const i = r[0] as number;
      for (let k = 0; k < 6; k++) {
        const v = r[k + 1];
        if (v !== null && v !== undefined) hours[HOURLY_POLLUTANTS[k]!]![i] = Number(v);
      }
    }
  }
  const dayRows = await db.query<{ d: string; so2: number | null; no2: number | null; co: number | null; o3_8h: number | null; pm10: number | null; pm25: number | null }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS d, so2, no2, co, o3_8h, pm10, pm25 FROM air_days WHERE station_id = $1 AND day >= $2::date AND day < $3::date`,
    [s.id, from, to],
  );
  const num = (x: number | null) => (x === null ? null : Number(x));
  const days = dayRows.rows.map((r) => ({ date: r.d, values: { SO2_24h: num(r.so2), NO2_24h: num(r.no2), CO_24h: num(r.co), O3_8h: num(r.o3_8h), PM10_24h: num(r.pm10), 'PM2.5_24h': num(r.pm25) } satisfies DailyAirValues }));
  return stationYear({ code: s.code, name: s.name, year, ...(hours ? { hours } : {}), days, countsFrom: s.counts_from, countsTo: s.counts_to });
}

/** The section's (or source's) year of samples. */
async function loadWaterStation(db: Queryable, s: StationRow, year: number): Promise<SectionYear> {
  const [from, to] = yearBounds(year);
  const r = await db.query<{ d: string; v: WaterValues | string }>(`SELECT to_char(sampled_on, 'YYYY-MM-DD') AS d, sample_values AS v FROM water_samples WHERE station_id = $1 AND sampled_on >= $2::date AND sampled_on < $3::date`, [s.id, from, to]);
  const target = s.kind === 'drinking' ? 'Ⅲ' : s.target_class ? (WATER_CLASSES[s.target_class - 1] as TargetClass) : null;
  return sectionYear({
    code: s.code,
    name: s.name,
    waterbody: s.waterbody ?? (s.kind === 'drinking' ? 'reservoir' : 'river'),
    target,
    samples: r.rows.map((x) => ({ date: x.d, values: typeof x.v === 'string' ? (JSON.parse(x.v) as WaterValues) : x.v })),
    countsFrom: s.counts_from,
    countsTo: s.counts_to,
  });
}

/** The years with data of these stations (hours, days or samples). */
async function yearsWithData(db: Queryable, stationIds: number[]): Promise<number[]> {
  if (stationIds.length === 0) return [];
  const r = await db.query<{ y: number }>(
    `SELECT DISTINCT y::int AS y FROM (
       SELECT extract(year FROM hour) AS y FROM air_hours WHERE station_id = ANY($1::int[])
       UNION SELECT extract(year FROM day) FROM air_days WHERE station_id = ANY($1::int[])
       UNION SELECT extract(year FROM sampled_on) FROM water_samples WHERE station_id = ANY($1::int[])) x ORDER BY 1`,
    [stationIds],
  );
  return r.rows.map((x) => Number(x.y));
}

async function importsOf(db: Queryable, stationIds: number[], year: number): Promise<FigureProvenance['imports']> {
  const [from, to] = yearBounds(year);
  const r = await db.query<{ file_name: string; imported_at: Date | string }>(
    `SELECT file_name, imported_at FROM monitoring_imports WHERE id IN (
       SELECT DISTINCT import_id FROM air_hours WHERE station_id = ANY($1::int[]) AND hour >= $2::timestamp AND hour < $3::timestamp
       UNION SELECT import_id FROM air_days WHERE station_id = ANY($1::int[]) AND day >= $2::date AND day < $3::date
       UNION SELECT import_id FROM water_samples WHERE station_id = ANY($1::int[]) AND sampled_on >= $2::date AND sampled_on < $3::date)
     ORDER BY imported_at, id`,
    [stationIds, from, to],
  );
  return r.rows.map((x) => ({ fileName: x.file_name, importedAt: new Date(x.imported_at).toISOString() }));
}

/** JSON with the keys of every object sorted: jsonb gives objects back in its own key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** The provenance without its time: what decides whether a recomputed figure changed. */
const sameFigure = (a: { value: number | null; printed: string; provenance: FigureProvenance }, b: { value: number | null; printed: string; provenance: FigureProvenance }) =>
  a.value === b.value && a.printed === b.printed && canonical({ ...a.provenance, computedAt: '' }) === canonical({ ...b.provenance, computedAt: '' });

/**
 * computeMonitoringFigures(db, { plan, year? }, actor) → { figures }: computes every linked indicator of the plan
 * for the year (every year its linked stations have data when omitted), in one transaction. Each figure is kept in
 * computed_figures (rewritten only when it changed) and written as the indicator's observation (origin 'computed',
 * review 'submitted', source = provenance) unless a person's or the document's figure is there (kept; both shown)
 * or the year is published. A figure without enough data (null) writes no number: a computed observation written
 * before is removed, and the indicator is 无数据. Office roles only; every write audited.
 */
export async function computeMonitoringFigures(db: Db, e: { plan: string; year?: number }, actor: Actor): Promise<{ figures: ComputedFigure[] }> {
  return computeFigures(db, e, actor, true);
}

async function computeFigures(db: Db, e: { plan: string; year?: number }, actor: Actor, checkRole: boolean): Promise<{ figures: ComputedFigure[] }> {
  const plan = await getPlan(db, String(e?.plan ?? ''));
  if (!plan) throw new MonitoringFigureError(t('monitoringFigures.error.unknownPlan', { plan: String(e?.plan ?? '') }));
  if (e.year !== undefined && !(Number.isInteger(e.year) && e.year >= 1949 && e.year <= 2200)) throw new MonitoringFigureError(t('monitoringFigures.error.badYear', { value: String(e.year) }));
  await db.transaction(async (tx) => {
    await lockRegionsOf(tx, [plan.id], 'shared');
    if (checkRole) await requirePlanRole(tx, actor, plan.id, OFFICE_ROLES);
    const links = await tx.query<LinkRow>(
      `SELECT l.indicator_id, l.part, l.statistic, l.station_ids, i.framework_id, i.number FROM monitoring_links l JOIN indicators i ON i.id = l.indicator_id WHERE l.plan_id = $1`,
      [plan.id],
    );
    const stationIds = [...new Set(links.rows.flatMap((l) => l.station_ids))];
    const st = await tx.query<StationRow>(
      `SELECT id, code, name, kind, waterbody, target_class, to_char(counts_from, 'YYYY-MM-DD') AS counts_from, to_char(counts_to, 'YYYY-MM-DD') AS counts_to FROM stations WHERE id = ANY($1::int[])`,
      [stationIds],
    );
    const stations = new Map(st.rows.map((s) => [s.id, s]));
    const airCache = new Map<string, StationYear>();
    const waterCache = new Map<string, SectionYear>();
    const frameworks = new Map<string, FrameworkRow | undefined>();
    const published = new Set((await tx.query<{ year: number }>('SELECT year FROM publications WHERE plan_id = $1', [plan.id])).rows.map((r) => Number(r.year)));
    for (const link of links.rows) {
      const years = e.year !== undefined ? [e.year] : await yearsWithData(tx, link.station_ids);
      const linked = link.station_ids.map((id) => stations.get(id)).filter((s): s is StationRow => s !== undefined);
      for (const year of years) {
        let r: StatisticResult;
        let provStations: FigureProvenance['stations'];
        if (STATISTICS[link.statistic].kind === 'air') {
          const ys: StationYear[] = [];
          for (const s of linked) {
            const key = `${s.id}:${year}`;
            if (!airCache.has(key)) airCache.set(key, await loadAirStation(tx, s, year));
            ys.push(airCache.get(key)!);
          }
          r = computeStatistic(link.statistic, { air: regionAirYear(year, ys) });
          provStations = ys.map((y) => ({ code: y.code, name: y.name, validDays: y.validDays, counted: y.counted, reason: y.reason }));
        } else {
          const ys: SectionYear[] = [];
          for (const s of linked) {
            const key = `${s.id}:${year}`;
            if (!waterCache.has(key)) waterCache.set(key, await loadWaterStation(tx, s, year));
            ys.push(waterCache.get(key)!);
          }
          r = computeStatistic(link.statistic, { water: ys });
          provStations = ys.map((y) => ({ code: y.code, name: y.name, validDays: y.samples, counted: y.counted, reason: y.reason }));
        }
        const provenance: FigureProvenance = {
          statistic: link.statistic,
          stations: provStations,
          editions: r.editions,
          validDays: r.validDays,
          insufficient: r.insufficient,
          imports: await importsOf(tx, link.station_ids, year),
          computedAt: new Date().toISOString(),
        };
        await storeFigure(tx, actor, { plan, link, year, value: r.value, printed: r.printed, provenance, published: published.has(year), frameworks });
      }
    }
  });
  return { figures: await monitoringFigures(db, plan.id, e.year) };
}

async function storeFigure(
  tx: Queryable,
  actor: Actor,
  f: { plan: { id: string; regionId: number }; link: LinkRow; year: number; value: number | null; printed: string; provenance: FigureProvenance; published: boolean; frameworks: Map<string, FrameworkRow | undefined> },
): Promise<void> {
  const { plan, link, year } = f;
  const key = [plan.id, link.indicator_id, link.part, year];
  const prev = await tx.query<{ value: number | null; printed: string; provenance: FigureProvenance }>('SELECT value, printed, provenance FROM computed_figures WHERE plan_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4 FOR UPDATE', key);
  const before = prev.rows[0];
  const changed = !before || !sameFigure({ value: before.value === null ? null : Number(before.value), printed: before.printed, provenance: before.provenance }, f);
  if (changed) {
    await tx.query(
      `INSERT INTO computed_figures (plan_id, indicator_id, part, year, region_id, statistic, value, printed, provenance) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
       ON CONFLICT (plan_id, indicator_id, part, year) DO UPDATE SET region_id = EXCLUDED.region_id, statistic = EXCLUDED.statistic, value = EXCLUDED.value, printed = EXCLUDED.printed, provenance = EXCLUDED.provenance, computed_at = now()`,
      [...key, plan.regionId, link.statistic, f.value, f.printed, JSON.stringify(f.provenance)],
    );
    await writeAudit(tx, actor, { action: 'monitoringFigure.compute', entity: 'computed_figure', entityId: key.join(':'), planId: plan.id, regionId: plan.regionId, before: before ? { printed: before.printed } : null, after: { printed: f.printed, statistic: link.statistic } });
  }
  if (f.published) return; // a published year is locked: the computed figure stays beside it, never in it
  const obs = await tx.query<{ origin: string; printed: string; source: unknown }>('SELECT origin, printed, source FROM observations WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4 FOR UPDATE', [plan.regionId, link.indicator_id, link.part, year]);
  const current = obs.rows[0];
  if (current && current.origin !== 'computed') return; // a person's or the document's figure: kept, never overwritten
  const entityId = `${plan.regionId}:${link.indicator_id}:${link.part}:${year}`;
  if (f.value === null) {
    if (current) {
      await tx.query('DELETE FROM observations WHERE region_id = $1 AND indicator_id = $2 AND part = $3 AND year = $4', [plan.regionId, link.indicator_id, link.part, year]);
      await writeAudit(tx, actor, { action: 'observation.computeRemove', entity: 'observation', entityId, planId: plan.id, regionId: plan.regionId, before: { printed: current.printed }, after: null });
    }
    return;
  }
  if (current && !changed && current.printed === f.printed) return;
  if (!f.frameworks.has(link.framework_id)) f.frameworks.set(link.framework_id, await loadFramework(tx, link.framework_id));
  const fw = f.frameworks.get(link.framework_id);
  const ctx = fw ? leafContextOf(fw.def, link.number, link.part) : undefined;
  if (!ctx) return;
  let reading: string;
  try {
    reading = encodeReading(parseValue(f.printed, ctx));
  } catch (err) {
    // a figure the indicator cannot read (a class for a percentage): kept in computed_figures only
    if (err instanceof PhraseError) return;
    throw err;
  }
  await tx.query(
    `INSERT INTO observations (region_id, indicator_id, part, year, printed, reading, source, origin, plan_id, review, submitted_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, 'computed', $8, 'submitted', $9)
     ON CONFLICT (region_id, indicator_id, part, year) DO UPDATE SET printed = EXCLUDED.printed, reading = EXCLUDED.reading, source = EXCLUDED.source,
       review = 'submitted', submitted_by = EXCLUDED.submitted_by, review_comment = NULL`,
    [plan.regionId, link.indicator_id, link.part, year, f.printed, reading, JSON.stringify(f.provenance), plan.id, actor.name],
  );
  await writeAudit(tx, actor, { action: current ? 'observation.recompute' : 'observation.compute', entity: 'observation', entityId, planId: plan.id, regionId: plan.regionId, before: current ? { printed: current.printed } : null, after: { printed: f.printed, origin: 'computed', statistic: link.statistic } });
}

/**
 * recomputeAfterImport(db, regionId, stationIds, years, actor) → recomputes, for each of those years, every plan of
 * the region whose links take one of those stations (unchanged figures are not rewritten). The import was
 * authorised already: the figures follow the data whoever imported it (each write audited under the importer).
 */
export async function recomputeAfterImport(db: Db, regionId: number, stationIds: number[], years: number[], actor: Actor): Promise<void> {
  if (stationIds.length === 0 || years.length === 0) return;
  const plans = await db.query<{ plan_id: string }>(
    `SELECT DISTINCT l.plan_id FROM monitoring_links l JOIN plans p ON p.id = l.plan_id WHERE p.region_id = $1 AND l.station_ids && $2::int[] ORDER BY 1`,
    [regionId, stationIds],
  );
  for (const p of plans.rows) for (const year of [...new Set(years)].sort()) await computeFigures(db, { plan: p.plan_id, year }, actor, false);
}

/**
 * monitoringFigures(db, planId, year?) → the plan's computed figures (of one year, or all), each with the figure a
 * person or the document gave the same indicator and year, when there is one.
 */
export async function monitoringFigures(db: Queryable, planId: string, year?: number): Promise<ComputedFigure[]> {
  const r = await db.query<{ framework_id: string; number: string; name: string; part: string; year: number; statistic: StatisticId; value: number | null; printed: string; provenance: FigureProvenance; o_printed: string | null; o_origin: string | null }>(
    `SELECT i.framework_id, i.number, i.definition->>'name' AS name, c.part, c.year, c.statistic, c.value, c.printed, c.provenance, o.printed AS o_printed, o.origin AS o_origin
     FROM computed_figures c JOIN indicators i ON i.id = c.indicator_id
     LEFT JOIN plan_frameworks pf ON pf.plan_id = c.plan_id AND pf.framework_id = i.framework_id
     LEFT JOIN observations o ON o.region_id = c.region_id AND o.indicator_id = c.indicator_id AND o.part = c.part AND o.year = c.year
     WHERE c.plan_id = $1 AND ($2::int IS NULL OR c.year = $2::int) ORDER BY c.year, pf.position, i.position, c.part`,
    [planId, year ?? null],
  );
  return r.rows.map((x) => ({
    framework: x.framework_id,
    number: x.number,
    part: x.part || null,
    name: itemName(x.name, x.part),
    year: Number(x.year),
    statistic: x.statistic,
    value: x.value === null ? null : Number(x.value),
    printed: x.printed,
    provenance: typeof x.provenance === 'string' ? (JSON.parse(x.provenance) as FigureProvenance) : x.provenance,
    entered: x.o_origin && x.o_origin !== 'computed' ? { printed: x.o_printed!, origin: x.o_origin as 'document' | 'entry' | 'import' } : null,
  }));
}
