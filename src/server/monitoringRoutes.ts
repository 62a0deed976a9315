// HTTP routes of the 监测数据 page: stations with their latest state, a station's days, the region's AQI
// calendar, trends, water class by month, exceedances, computed figures, the live summary; saving a station;
// the links from statistics to indicators and computing them (src/app/monitoringFigures.ts); uploading a monitoring
// file (src/app/monitoringData.ts: the import, then the figures it touches recomputed).
// Who may call each is in src/server/authorization.ts (readers read, the plan office writes); the store checks
// the office role again on the write and that a station id is one of the plan's region. A link or a computation
// the store refuses (MonitoringFigureError) is a 400 with its Chinese message (src/server/app.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { computeMonitoringFigures, listMonitoringLinks, removeMonitoringLink, setMonitoringLink, type StatisticId } from '../app/monitoringFigures.ts';
import { importMonitoringData } from '../app/monitoringData.ts';
import { linkableIndicators } from '../app/monitoringLinkChoices.ts';
import { requirePlan } from '../app/requirePlan.ts';
import { MonitoringFileKind, type ChangedFigure, type ComputeBody, type ImportAnswer, type LinkBody, type LinkRemoveBody } from '../api/monitoring.ts';
import { LIMITS } from '../domain/limits.ts';
import { itemName } from '../store/monitoringLinks.ts';
import { t } from '../i18n/index.ts';
import { todayInChina } from '../store/batch.ts';
import type { Db } from '../store/db.ts';
import { exceedances, listStations, monitoringFigureList, monitoringSummary, pollutantTrends, regionCalendar, saveStation, stationDays, waterMonths, type StationInput } from '../store/monitoringQueries.ts';
import { queryYear } from './limits.ts';

/** The first year monitoring data is asked for; the last is next year (Beijing). */
export const MONITORING_FIRST_YEAR = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

const bad = (reply: FastifyReply, code: string, message: string) => reply.code(400).send({ error: { code, message } });

type Q = { year?: string; station?: string };

/**
 * monitoringYear(query year, reply, optional) → the year asked for (this year in Beijing when absent and not
 * optional), or undefined once a 400 naming the value and the range is sent; 'all' when optional and absent.
 */
function monitoringYear(v: string | undefined, reply: FastifyReply, optional = false): number | 'all' | undefined {
  const thisYear = Number(todayInChina().slice(0, 4));
  const y = queryYear(v);
  if (typeof y === 'object') return void bad(reply, 'badYear', y.message);
  if (y === undefined) return optional ? 'all' : thisYear;
  if (y < MONITORING_FIRST_YEAR || y > thisYear + 1) return void bad(reply, 'badYear', t('monitoringApi.error.yearRange', { value: y, min: MONITORING_FIRST_YEAR, max: thisYear + 1 }));
  return y;
}

/** A station id from the path or the query: digits only, or a 400 naming it. */
function stationIdOf(v: string, reply: FastifyReply): number | undefined {
  if (/^\d{1,9}$/.test(v)) return Number(v);
  return void bad(reply, 'badId', t('monitoringApi.error.stationId', { value: v.slice(0, 40) }));
}

export function registerMonitoringRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string } }>('/api/plans/:id/monitoring/stations', async (req) => listStations(db, req.params.id));

  app.get<{ Params: { id: string; stationId: string }; Querystring: Q }>('/api/plans/:id/monitoring/stations/:stationId/days', async (req, reply) => {
    const year = monitoringYear(req.query.year, reply);
    if (year === undefined) return reply;
    const station = stationIdOf(req.params.stationId, reply);
    if (station === undefined) return reply;
    return stationDays(db, req.params.id, station, year as number);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/monitoring/calendar', async (req, reply) => {
    const year = monitoringYear(req.query.year, reply);
    if (year === undefined) return reply;
    return regionCalendar(db, req.params.id, year as number);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/monitoring/trends', async (req, reply) => {
    const year = monitoringYear(req.query.year, reply);
    if (year === undefined) return reply;
    let station: number | undefined;
    if (req.query.station !== undefined && req.query.station !== '') {
      station = stationIdOf(req.query.station, reply);
      if (station === undefined) return reply;
    }
    return pollutantTrends(db, req.params.id, year as number, station);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/monitoring/water', async (req, reply) => {
    const year = monitoringYear(req.query.year, reply);
    if (year === undefined) return reply;
    return waterMonths(db, req.params.id, year as number);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/monitoring/exceedances', async (req, reply) => {
    const year = monitoringYear(req.query.year, reply);
    if (year === undefined) return reply;
    return exceedances(db, req.params.id, year as number);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/monitoring/figures', async (req, reply) => {
    const year = monitoringYear(req.query.year, reply, true);
    if (year === undefined) return reply;
    return monitoringFigureList(db, req.params.id, year === 'all' ? undefined : year);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/monitoring/summary', async (req, reply) => {
    const year = monitoringYear(req.query.year, reply);
    if (year === undefined) return reply;
    return monitoringSummary(db, req.params.id, year as number);
  });

  app.post<{ Params: { id: string }; Body: StationInput }>('/api/plans/:id/monitoring/stations', async (req, reply) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return bad(reply, 'badRequest', t('monitoringApi.error.body'));
    return reply.code(201).send(await saveStation(db, req.params.id, null, req.body, req.actor));
  });

  app.put<{ Params: { id: string; stationId: string }; Body: StationInput }>('/api/plans/:id/monitoring/stations/:stationId', async (req, reply) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return bad(reply, 'badRequest', t('monitoringApi.error.body'));
    const station = stationIdOf(req.params.stationId, reply);
    if (station === undefined) return reply;
    return saveStation(db, req.params.id, station, req.body, req.actor);
  });

  app.get<{ Params: { id: string } }>('/api/plans/:id/monitoring/links', async (req) => {
    const plan = await requirePlan(db, req.params.id);
    return { links: await listMonitoringLinks(db, plan.id), indicators: await linkableIndicators(db, plan.id) };
  });

  app.put<{ Params: { id: string }; Body: LinkBody }>('/api/plans/:id/monitoring/links', async (req, reply) => {
    if (!isObject(req.body)) return bad(reply, 'badRequest', t('monitoringApi.error.linkBody'));
    const plan = await requirePlan(db, req.params.id);
    const b = req.body;
    await setMonitoringLink(db, { plan: plan.id, framework: String(b.framework ?? ''), number: String(b.number ?? ''), part: b.part ?? null, statistic: b.statistic as StatisticId, stations: Array.isArray(b.stations) ? b.stations.map(String) : [] }, req.actor);
    return { links: await listMonitoringLinks(db, plan.id) };
  });

  app.delete<{ Params: { id: string }; Body: LinkRemoveBody }>('/api/plans/:id/monitoring/links', async (req, reply) => {
    if (!isObject(req.body)) return bad(reply, 'badRequest', t('monitoringApi.error.linkBody'));
    const plan = await requirePlan(db, req.params.id);
    await removeMonitoringLink(db, { plan: plan.id, framework: String(req.body.framework ?? ''), number: String(req.body.number ?? ''), part: req.body.part ?? null }, req.actor);
    return { links: await listMonitoringLinks(db, plan.id) };
  });

  app.post<{ Params: { id: string }; Body: ComputeBody | undefined }>('/api/plans/:id/monitoring/compute', async (req, reply) => {
    const body = req.body ?? {};
    if (!isObject(body)) return bad(reply, 'badRequest', t('monitoringApi.error.computeBody'));
    if (body.year !== undefined && !(typeof body.year === 'number' && Number.isInteger(body.year)))
      return bad(reply, 'badYear', t('limits.query.yearFormat', { value: String(body.year).slice(0, 20) }));
    const plan = await requirePlan(db, req.params.id);
    const { figures } = await computeMonitoringFigures(db, { plan: plan.id, ...(body.year !== undefined ? { year: body.year } : {}) }, req.actor);
    return {
      computed: figures.length,
      noData: figures.filter((f) => f.value === null).length,
      keptBeside: figures.filter((f) => f.entered !== null).length,
      figures: await monitoringFigureList(db, plan.id, body.year),
    };
  });

  // A monitoring file arrives as the request body itself: CSV (text/csv or octet-stream) or .xlsx, up to
  // LIMITS.monitoringUploadBytes (the route's own bound, above the attachments' one); it takes an upload slot.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const maxMb = LIMITS.monitoringUploadBytes / 1024 / 1024;
  app.post<{ Params: { id: string }; Querystring: { kind?: string; replace?: string; name?: string }; Body: unknown }>(
    '/api/plans/:id/monitoring/imports',
    {
      bodyLimit: LIMITS.monitoringUploadBytes,
      // a file announced larger than the bound is refused before it is read, naming its size and the bound
      // a body without its length announced that runs past the bound: the same refusal, without the size
      errorHandler: (err, req, reply) => {
        if ((err as { code?: string }).code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw err;
        const file = String((req.query as { name?: string }).name ?? '').slice(0, 200) || t('monitoringApi.file.unnamed');
        return reply.code(413).send({ error: { code: 'tooLarge', message: t('monitoringApi.error.fileTooLargeStream', { file, max: maxMb }) } });
      },
      onRequest: async (req, reply) => {
        const size = Number(req.headers['content-length']);
        if (size > LIMITS.monitoringUploadBytes) {
          const file = String((req.query as { name?: string }).name ?? '').slice(0, 200) || t('monitoringApi.file.unnamed');
          return reply.code(413).send({ error: { code: 'tooLarge', message: t('monitoringApi.error.fileTooLarge', { file, mb: Math.ceil((size / 1024 / 1024) * 10) / 10, max: maxMb }) } });
        }
      },
    },
    async (req, reply) => {
      const q = req.query;
      const kind = q.kind === undefined || q.kind === '' ? undefined : MonitoringFileKind.safeParse(q.kind).data;
      if (q.kind && !kind) return bad(reply, 'badKind', t('monitoringApi.error.fileKind', { value: String(q.kind).slice(0, 40) }));
      if (q.replace !== undefined && q.replace !== 'true' && q.replace !== 'false') return bad(reply, 'badRequest', t('monitoringApi.error.replace'));
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) return bad(reply, 'badUpload', t('monitoringApi.error.noFile'));
      const plan = await requirePlan(db, req.params.id);
      const fileName = String(q.name ?? '').trim().slice(0, 200) || t('monitoringApi.file.unnamed');
      const before = new Map((await monitoringFigureList(db, plan.id)).map((f) => [figureKey(f), f.printed]));
      const r = await importMonitoringData(
        db,
        {
          planId: plan.id,
          fileName,
          ...(kind ? { kind } : {}),
          open: async function* () {
            yield body;
          },
          size: body.length,
          replace: q.replace === 'true',
        },
        req.actor,
      );
      // which computed figures the import changed (new, or printed otherwise than before)
      const figures: ChangedFigure[] = (await monitoringFigureList(db, plan.id, undefined))
        .filter((f) => before.get(figureKey(f)) !== f.printed)
        .map((f) => ({ framework: f.framework, number: f.number, part: f.part, name: itemName(f.name, f.part ?? ''), year: f.year, before: before.get(figureKey(f)) ?? null, after: f.printed }));
      const st = r.stationIds.length === 0 ? [] : (await db.query<{ code: string; name: string }>('SELECT code, name FROM stations WHERE id = ANY($1::int[]) ORDER BY kind, code', [r.stationIds])).rows;
      const answer: ImportAnswer = { kind: r.kind, fileName, rows: r.rows, stations: st.map((x) => ({ code: x.code, name: x.name })), from: r.from, to: r.to, years: r.years, figures };
      return reply.code(201).send(answer);
    },
  );
}

/** A computed figure's identity: year, framework, number, part. */
const figureKey = (f: { year: number; framework: string; number: string; part: string | null }) => `${f.year}|${f.framework}|${f.number}|${f.part ?? ''}`;
