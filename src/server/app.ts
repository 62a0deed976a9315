// The HTTP JSON API over the same operations as the CLI.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessPlan, UnknownPlanError } from '../app/assessPlan.ts';
import { planConsistency } from '../app/consistency.ts';
import { planProjects, planTasks } from '../app/planProjects.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../store/db.ts';
import { listPlans } from '../store/queries.ts';
import { requirePlan } from '../app/requirePlan.ts';
import { checkObservations, InvalidEntriesError, recordObservations, type ObservationEntry } from '../store/recordObservations.ts';
import { entryForm, planUnits, saveDraft } from '../app/dataEntry.ts';
import { recordConfirmation, type ConfirmationEntry } from '../app/confirmIndicator.ts';
import { FORMATS_OF, REPORT_KINDS } from '../reports/model.ts';
import { isChromiumMissing, isReportError, LazyPrinter, reports } from '../reports/onDemand.ts';
import { openApiDocument } from './openapi.ts';
import { renderHome } from './home.ts';
import { registerTrackingRoutes } from './trackingRoutes.ts';
import { AssessmentCache, type KeptAnswer } from './assessmentCache.ts';
import { StoreChanges } from './storeChanges.ts';
import { registerAuth, visiblePlanIds, type AuthOptions } from './auth.ts';
import { registerReviewRoutes } from './reviewRoutes.ts';
import { registerCliRoute } from './cliRoute.ts';
import { registerMonitoringRoutes } from './monitoringRoutes.ts';
import { registerAlarmRoutes } from './alarmRoutes.ts';
import { AlarmInputError } from '../store/alarms.ts';
import { NotPublishedError, publicSummary } from '../app/publicSummary.ts';
import { unitScope } from '../store/users.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LimitError, queryYear, registerLimits } from './limits.ts';
import { InvalidBatchError } from '../store/batch.ts';
import { NotFoundError } from '../store/errors.ts';
import { ForbiddenError } from '../store/access.ts';
import { MonitoringFigureError } from '../store/monitoringLinks.ts';

function localeOf(q: { lang?: string }): Locale {
  return q.lang === 'en' ? 'en' : 'zh-CN';
}

/** The year of the query, or 'bad' once the refusal naming it and the range is sent. */
function parseYear(v: string | undefined, reply: FastifyReply): number | undefined | 'bad' {
  const year = queryYear(v);
  if (typeof year !== 'object') return year;
  void reply.code(400).send({ error: { code: 'badYear', message: year.message } });
  return 'bad';
}

const FASTIFY_ERRORS: Record<string, { code: string; key: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'tooLarge', key: 'http.error.tooLarge' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupportedType', key: 'http.error.mediaType' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'badJson', key: 'http.error.json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'badJson', key: 'http.error.json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'badRequest', key: 'http.error.length' },
};

/** May the requester see and enter the figures of this unit in this plan? */
async function mayActForIn(db: Db, req: FastifyRequest, planId: string, unit: string): Promise<boolean> {
  const p = await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [planId]);
  if (!p.rows[0]) return true; // the handler answers 404
  const scope = await unitScope(db, req.actor, p.rows[0].region_id);
  return scope === 'all' || scope.has(unit);
}

/**
 * An assessment: 304 when the client holds it already (If-None-Match); a kept one gzipped when the client takes
 * gzip (compressed once for all its reads). The client asks again every time (no-cache), so a save is never
 * hidden by a browser's copy.
 */
async function sendKept(req: FastifyRequest, reply: FastifyReply, a: KeptAnswer): Promise<FastifyReply> {
  reply.header('ETag', a.etag).header('Cache-Control', 'private, no-cache').header('Vary', 'Accept-Encoding');
  const held = req.headers['if-none-match'];
  if (held && held.split(',').some((t) => t.trim().replace(/^W\//, '') === a.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (a.kept && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('Content-Encoding', 'gzip').send(await a.gzipped());
  return reply.send(a.body);
}

/** The built web workspace (npm run build; npm start builds it when missing). */
export const DEFAULT_WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export function buildServer(
  db: Db,
  opts: {
    logger?: boolean;
    webDir?: string;
    auth?: AuthOptions;
    /** keep assessments between reads (default: on, unless ECOCIV_ASSESSMENT_CACHE=off) */
    assessmentCache?: boolean;
  } = {},
): FastifyInstance {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  const routes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.decorate('ecocivRoutes', routes);
  // what the store announces it changed, here or elsewhere (storeChanges.ts): what is kept is forgotten by it;
  // ECOCIV_ASSESSMENT_CACHE=off keeps nothing (every session, region and assessment looked up or computed)
  const changes = new StoreChanges(db, { enabled: opts.assessmentCache ?? process.env.ECOCIV_ASSESSMENT_CACHE !== 'off' });
  app.addHook('onReady', () => changes.start());
  app.addHook('onClose', () => changes.close());
  registerAuth(app, db, opts.auth, changes);
  // bounds on what a caller can send: JSON depth and list lengths, uploads at once (see domain/limits.ts)
  registerLimits(app);
  // assessments kept until a change to what they read commits (assessmentCache.ts)
  const assessments = new AssessmentCache(db, { changes, enabled: opts.assessmentCache ?? process.env.ECOCIV_ASSESSMENT_CACHE !== 'off' });
  app.decorate('ecocivAssessments', assessments);
  app.addHook('onClose', () => assessments.close());
  // PostgreSQL text cannot hold a NUL character: refuse it plainly rather than fail deep inside
  app.addHook('preValidation', async (req, reply) => {
    if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) && JSON.stringify(req.body).includes('\\u0000'))
      return reply.code(400).send({ error: { code: 'nulCharacter', message: t('http.error.nul') } });
  });
  const mayActFor = (req: FastifyRequest, planId: string, unit: string) => mayActForIn(db, req, planId, unit);
  // one Chromium for the PDFs, started on the first and closed with the server; the renderers load on first use
  const printer = new LazyPrinter();
  app.addHook('onClose', () => printer.close());

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof LimitError) return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message } });
    if (err instanceof UnknownPlanError) return reply.code(404).send({ error: { code: 'unknownPlan', message: err.message } });
    if (isReportError(err)) return reply.code(err.code === 'unknownYear' ? 404 : 400).send({ error: { code: err.code, message: err.message } });
    if (isChromiumMissing(err)) return reply.code(503).send({ error: { code: 'pdfUnavailable', message: err.message } });
    if (err instanceof InvalidEntriesError)
      return reply.code(422).send({ error: { code: 'invalidObservations', message: t('server.error.notSaved'), problems: err.problems } });
    if (err instanceof InvalidBatchError)
      return reply.code(422).send({ error: { code: 'invalid', message: t('server.error.batchNotSaved', { detail: err.message }), problems: err.problems, counting: err.counting, sheet: err.sheet ?? null } });
    if (err instanceof NotPublishedError) return reply.code(404).send({ error: { code: 'notPublished', message: err.message } });
    if (err instanceof ForbiddenError) return reply.code(403).send({ error: { code: 'outOfRegion', message: err.message } });
    // a monitoring link or computation refused (unknown indicator, a station of the wrong kind …): its Chinese message
    if (err instanceof AlarmInputError) return reply.code(422).send({ error: { code: 'alarmRefused', message: err.message } });
    if (err instanceof MonitoringFigureError) return reply.code(400).send({ error: { code: 'monitoringRefused', message: err.message } });
    if (err instanceof NotFoundError) return reply.code(404).send({ error: { code: 'notFound', message: err.message } });
    // two people saving the same record at the same moment: the second is refused whole, nothing half-written
    if ((err as { code?: string }).code === '23505') return reply.code(409).send({ error: { code: 'conflict', message: t('http.error.conflict') } });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) app.log.error(err);
    // Fastify's own refusals (body too large, wrong content type, malformed JSON), said in Chinese
    const known = FASTIFY_ERRORS[(err as { code?: string }).code ?? ''];
    if (known) return reply.code(status).send({ error: { code: known.code, message: t(known.key, { type: String(_req.headers['content-type'] ?? '') }) } });
    return reply.code(status).send({ error: { code: status >= 500 ? 'internal' : 'badRequest', message: status >= 500 ? t('server.error.internal') : (err as Error).message } });
  });

  app.get('/api/health', async () => ({ ok: true, store: db.kind }));

  app.get('/api/openapi.json', async () => openApiDocument());

  app.get('/api/plans', async (req) => {
    const visible = await visiblePlanIds(db, req.user!);
    const plans = (await listPlans(db)).filter((p) => visible.has(p.id));
    return plans.map((p) => ({ id: p.id, region: p.region, title: p.title, baseYear: p.baseYear, targetYears: p.targetYears }));
  });

  // 信息公开: what the public may see of a plan's assessment, without internal notes, reasons or units.
  app.get<{ Params: { id: string }; Querystring: { year?: string; lang?: string } }>('/api/plans/:id/public', async (req, reply) => {
    const year = parseYear(req.query.year, reply);
    if (year === 'bad') return reply;
    return publicSummary(db, req.params.id, year, localeOf(req.query));
  });

  app.get<{ Params: { id: string } }>('/api/plans/:id', async (req, reply) => {
    const { regionId: _regionId, ...rest } = await requirePlan(db, req.params.id);
    const names = await db.query<{ id: string; name: string; version: string }>('SELECT id, name, version FROM frameworks WHERE id = ANY($1::text[])', [rest.frameworks]);
    const frameworkDetails = rest.frameworks.map((id) => names.rows.find((f) => f.id === id) ?? { id, name: id, version: '' });
    return reply.send({ ...rest, frameworkDetails });
  });

  app.get<{ Params: { id: string }; Querystring: { year?: string; lang?: string } }>('/api/plans/:id/assessment', async (req, reply) => {
    const year = parseYear(req.query.year, reply);
    if (year === 'bad') return reply;
    const locale = localeOf(req.query);
    const a = await assessments.answer(req.params.id, year, locale, (y, frameworks) => assessPlan(db, req.params.id, y, locale, frameworks ? { frameworks } : {}), req.storeSynced);
    return sendKept(req, reply, a);
  });

  app.get<{ Params: { id: string }; Querystring: { year?: string; lang?: string } }>('/api/plans/:id/scorecard.xlsx', async (req, reply) => {
    const year = parseYear(req.query.year, reply);
    if (year === 'bad') return reply;
    const locale = localeOf(req.query);
    const a = await assessPlan(db, req.params.id, year, locale);
    const file = t('server.file.scorecard', { region: a.region, year: a.year }, locale);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="scorecard.xlsx"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .send(await (await reports()).scorecardWorkbook(a, locale));
  });

  app.get<{ Params: { id: string } }>('/api/plans/:id/reports', async (req) => {
    const { kindName, reportYear } = await reports();
    const { years } = await reportYear(db, req.params.id, undefined).catch((e: unknown) => {
      if (isReportError(e)) return { years: [] as number[] };
      throw e;
    });
    return {
      plan: req.params.id,
      years,
      kinds: REPORT_KINDS.map((kind) => ({ kind, name: kindName(kind), formats: FORMATS_OF[kind] })),
    };
  });

  app.get<{ Params: { id: string; kind: string; format: string }; Querystring: { year?: string; lang?: string } }>('/api/plans/:id/reports/:kind.:format', async (req, reply) => {
    const year = parseYear(req.query.year, reply);
    if (year === 'bad') return reply;
    const file = await (await reports()).generateReport(db, { plan: req.params.id, kind: req.params.kind, format: req.params.format, ...(year !== undefined ? { year } : {}), lang: localeOf(req.query) }, printer.get);
    if (file.format !== 'html') reply.header('Content-Disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return reply.type(file.contentType).send(file.data);
  });

  app.get<{ Params: { id: string } }>('/api/plans/:id/projects', async (req) => planProjects(db, req.params.id));

  app.get<{ Params: { id: string }; Querystring: { year?: string; lang?: string } }>('/api/plans/:id/consistency', async (req, reply) => {
    const year = parseYear(req.query.year, reply);
    if (year === 'bad') return reply;
    return planConsistency(db, req.params.id, year, localeOf(req.query));
  });

  app.get<{ Params: { id: string } }>('/api/plans/:id/tasks', async (req) => planTasks(db, req.params.id));

  app.post<{ Body: { observations?: ObservationEntry[] } }>('/api/observations', async (req, reply) => {
    const body = req.body;
    if (!body || !Array.isArray(body.observations) || body.observations.length === 0)
      return reply.code(400).send({ error: { code: 'badRequest', message: t('server.error.observationsBody') } });
    const r = await recordObservations(db, body.observations, req.actor);
    return reply.code(201).send(r);
  });

  app.get<{ Params: { id: string } }>('/api/plans/:id/units', async (req) => planUnits(db, req.params.id));

  app.get<{ Params: { id: string }; Querystring: { unit?: string; year?: string } }>('/api/plans/:id/entry', async (req, reply) => {
    const year = parseYear(req.query.year, reply);
    if (year === 'bad') return reply;
    if (year === undefined) return reply.code(400).send({ error: { code: 'badYear', message: t('limits.query.yearFormat', { value: '' }) } });
    if (!req.query.unit) return reply.code(400).send({ error: { code: 'badRequest', message: t('server.error.noUnit') } });
    if (!(await mayActFor(req, req.params.id, req.query.unit))) return reply.code(403).send({ error: { code: 'forbidden', message: t('server.error.unitForbidden', { unit: req.query.unit }) } });
    return entryForm(db, req.params.id, req.query.unit, year);
  });

  app.put<{ Params: { id: string }; Querystring: { unit?: string; year?: string }; Body: { entries?: unknown[] } }>('/api/plans/:id/drafts', async (req, reply) => {
    const year = parseYear(req.query.year, reply);
    if (year === 'bad') return reply;
    if (year === undefined) return reply.code(400).send({ error: { code: 'badYear', message: t('limits.query.yearFormat', { value: '' }) } });
    if (!req.query.unit) return reply.code(400).send({ error: { code: 'badRequest', message: t('server.error.noUnit') } });
    if (!req.body || !Array.isArray(req.body.entries)) return reply.code(400).send({ error: { code: 'badRequest', message: t('server.error.entriesBody') } });
    if (!(await mayActFor(req, req.params.id, req.query.unit))) return reply.code(403).send({ error: { code: 'forbidden', message: t('server.error.unitForbidden', { unit: req.query.unit }) } });
    return saveDraft(db, req.params.id, req.query.unit, year, req.body.entries, req.actor);
  });

  app.post<{ Body: { observations?: ObservationEntry[] } }>('/api/observations/check', async (req, reply) => {
    if (!req.body || !Array.isArray(req.body.observations))
      return reply.code(400).send({ error: { code: 'badRequest', message: t('server.error.observationsList') } });
    return { problems: await checkObservations(db, req.body.observations, req.actor) };
  });

  app.post<{ Body: ConfirmationEntry }>('/api/confirmations', async (req, reply) => {
    if (!req.body || typeof req.body !== 'object')
      return reply.code(400).send({ error: { code: 'badRequest', message: t('server.error.confirmationBody') } });
    // who confirms and when: the signed-in user, today (the store sets them)
    await recordConfirmation(db, req.body, req.actor);
    return reply.code(201).send({ recorded: 1 });
  });

  registerTrackingRoutes(app, db);
  registerReviewRoutes(app, db);
  registerCliRoute(app, db);
  registerMonitoringRoutes(app, db);
  registerAlarmRoutes(app, db);

  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(join(webDir, 'index.html'))) {
    // The web workspace: static assets, with index.html for every other page address.
    void app.register(fastifyStatic, { root: webDir, prefix: '/', index: ['index.html'], wildcard: true, preCompressed: true });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html; charset=utf-8').sendFile('index.html');
      return reply.code(404).send({ error: { code: 'notFound', message: t('server.error.noRoute', { method: req.method, url: req.url }) } });
    });
  } else {
    app.get('/', async (_req, reply) => {
      const plans = await listPlans(db);
      return reply.type('text/html; charset=utf-8').send(renderHome(plans));
    });
  }

  return app;
}
