// HTTP routes for project and task tracking: progress reports, project changes, the annual work plan,
// supervision notices, department assessment, attachments and the Excel exchange.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { departmentAssessment } from '../app/departmentAssessment.ts';
import { projectProgress } from '../app/projectProgress.ts';
import { requirePlan } from '../app/requirePlan.ts';
import { workPlan } from '../app/workPlanView.ts';
import { checkWeights } from '../domain/departments.ts';
import { LIMITS } from '../domain/limits.ts';
import { t, type Locale } from '../i18n/index.ts';
import { queryDate, queryYear } from './limits.ts';
import { addAttachment, getAttachment, MAX_ATTACHMENT_BYTES, type OwnerKind } from '../store/attachments.ts';
import type { Db } from '../store/db.ts';
import { checkProgress, recordProgress, recordProjectChange, reviewProgress, savePlanSettings, type ChangeEntry, type ProgressEntry } from '../store/projectTracking.ts';
import { issueNotices, recordTaskUpdate, recordWorkItems, replyToNotice, type TaskUpdateEntry, type WorkItemEntry } from '../store/workPlan.ts';

// exceljs loads with the first workbook read or written, not with the server
const workbooks = () => import('../exchange/workbooks.ts');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const UPLOAD_TYPES = [
  'application/octet-stream',
  XLSX,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'image/png',
  'image/jpeg',
];

const bad = (reply: FastifyReply, code: string, message: string) => reply.code(400).send({ error: { code, message } });
const localeOf = (q: { lang?: string }): Locale => (q.lang === 'en' ? 'en' : 'zh-CN');

function sendXlsx(reply: FastifyReply, buffer: Buffer, file: string) {
  return reply
    .type(XLSX)
    .header('Content-Disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file)}`)
    .send(buffer);
}

/** A numeric id from the path, or a 400 naming it. */
function idOf(v: string, reply: FastifyReply): number | undefined {
  if (/^\d{1,15}$/.test(v)) return Number(v);
  void bad(reply, 'badId', t('server.error.id', { value: v }));
  return undefined;
}

type Q = { asOf?: string; year?: string; lang?: string; period?: string; check?: string };

export function registerTrackingRoutes(app: FastifyInstance, db: Db): void {
  // Uploaded files (workbooks, attachments) arrive as the request body itself.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 * 1024 }, (_req, body, done) => done(null, body));

  /** asOf and year from the query, or a 400 naming the bad value and the range. */
  const dates = (q: Q, reply: FastifyReply): { asOf?: string; year?: number } | undefined => {
    const asOf = queryDate(q.asOf);
    if (typeof asOf === 'object') {
      void bad(reply, 'badDate', asOf.message);
      return undefined;
    }
    const year = queryYear(q.year);
    if (typeof year === 'object') {
      void bad(reply, 'badYear', year.message);
      return undefined;
    }
    return { ...(asOf ? { asOf } : {}), ...(year ? { year } : {}) };
  };
  const buffer = (body: unknown, reply: FastifyReply): Buffer | undefined => {
    if (Buffer.isBuffer(body) && body.length > 0) return body;
    void bad(reply, 'badUpload', t('server.error.xlsxUpload', { type: XLSX }));
    return undefined;
  };

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/progress', async (req, reply) => {
    const d = dates(req.query, reply);
    if (!d) return reply;
    return projectProgress(db, req.params.id, { ...d, locale: localeOf(req.query) });
  });

  app.post<{ Body: { reports?: ProgressEntry[] } }>('/api/progress', async (req, reply) => {
    if (!req.body || !Array.isArray(req.body.reports) || req.body.reports.length === 0)
      return bad(reply, 'badRequest', t('server.error.reportsBody'));
    return reply.code(201).send(await recordProgress(db, req.body.reports, { actor: req.actor }));
  });

  app.post<{ Body: { reports?: ProgressEntry[] } }>('/api/progress/check', async (req, reply) => {
    if (!req.body || !Array.isArray(req.body.reports)) return bad(reply, 'badRequest', t('server.error.reportsList'));
    return { problems: (await checkProgress(db, req.body.reports, { actor: req.actor })).problems.list };
  });

  app.post<{ Params: { reportId: string }; Body: { decision?: string; comment?: string } }>('/api/progress/:reportId/review', async (req, reply) => {
    const decision = req.body?.decision;
    if (decision !== 'accepted' && decision !== 'returned') return bad(reply, 'badRequest', t('server.error.decision', { value: decision ?? '' }));
    const id = idOf(req.params.reportId, reply);
    if (id === undefined) return reply;
    await reviewProgress(db, id, decision, req.body?.comment, req.actor);
    return { reviewed: 1 };
  });

  app.post<{ Body: ChangeEntry }>('/api/project-changes', async (req, reply) => {
    if (!req.body || typeof req.body !== 'object') return bad(reply, 'badRequest', t('server.error.changeBody'));
    return reply.code(201).send(await recordProjectChange(db, req.body, req.actor));
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/progress.xlsx', async (req, reply) => {
    const d = dates(req.query, reply);
    if (!d) return reply;
    const plan = await requirePlan(db, req.params.id);
    const buf = await (await workbooks()).progressWorkbook(db, plan.id, { ...d, ...(req.query.period ? { period: req.query.period } : {}), locale: localeOf(req.query) });
    return sendXlsx(reply, buf, t('server.file.progress', { region: plan.region, period: req.query.period ? `-${req.query.period}` : '' }));
  });

  app.post<{ Params: { id: string }; Querystring: Q; Body: unknown }>('/api/plans/:id/progress.xlsx', async (req, reply) => {
    const buf = buffer(req.body, reply);
    if (!buf) return reply;
    const plan = await requirePlan(db, req.params.id);
    if (req.query.check === '1') return (await workbooks()).checkProgressWorkbook(db, plan.id, buf, req.actor);
    return reply.code(201).send(await (await workbooks()).importProgressWorkbook(db, plan.id, buf, req.actor));
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/projects.xlsx', async (req, reply) => {
    const d = dates(req.query, reply);
    if (!d) return reply;
    const plan = await requirePlan(db, req.params.id);
    return sendXlsx(reply, await (await workbooks()).projectsWorkbook(db, plan.id, { ...d, locale: localeOf(req.query) }), t('server.file.projects', { region: plan.region }));
  });

  app.post<{ Params: { id: string }; Body: unknown }>('/api/plans/:id/projects.xlsx', async (req, reply) => {
    const buf = buffer(req.body, reply);
    if (!buf) return reply;
    const plan = await requirePlan(db, req.params.id);
    return reply.code(201).send(await (await workbooks()).importProjectsWorkbook(db, plan.id, buf, { actor: req.actor }));
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/work-plan', async (req, reply) => {
    const d = dates(req.query, reply);
    if (!d) return reply;
    return workPlan(db, req.params.id, d);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/work-plan.xlsx', async (req, reply) => {
    const d = dates(req.query, reply);
    if (!d) return reply;
    const plan = await requirePlan(db, req.params.id);
    return sendXlsx(reply, await (await workbooks()).workPlanWorkbook(db, plan.id, { ...d, locale: localeOf(req.query) }), t('server.file.workPlan', { region: plan.region, year: d.year ?? '' }));
  });

  app.post<{ Params: { id: string }; Body: unknown }>('/api/plans/:id/work-plan.xlsx', async (req, reply) => {
    const buf = buffer(req.body, reply);
    if (!buf) return reply;
    const plan = await requirePlan(db, req.params.id);
    return reply.code(201).send(await (await workbooks()).importWorkPlanWorkbook(db, plan.id, buf, req.actor));
  });

  app.post<{ Body: { items?: WorkItemEntry[] } }>('/api/work-items', async (req, reply) => {
    if (!req.body || !Array.isArray(req.body.items) || req.body.items.length === 0) return bad(reply, 'badRequest', t('server.error.itemsBody'));
    return reply.code(201).send(await recordWorkItems(db, req.body.items, req.actor));
  });

  app.post<{ Params: { itemId: string }; Body: TaskUpdateEntry }>('/api/work-items/:itemId/updates', async (req, reply) => {
    if (!req.body || typeof req.body !== 'object') return bad(reply, 'badRequest', t('server.error.updateBody'));
    const id = idOf(req.params.itemId, reply);
    if (id === undefined) return reply;
    return reply.code(201).send(await recordTaskUpdate(db, id, req.body, { actor: req.actor }));
  });

  app.post<{ Params: { id: string }; Body: { asOf?: string } | undefined }>('/api/plans/:id/supervision', async (req, reply) => {
    const d = dates({ asOf: req.body?.asOf }, reply);
    if (!d) return reply;
    await requirePlan(db, req.params.id);
    const issued = await issueNotices(db, req.params.id, { ...d, actor: req.actor });
    return reply.code(201).send({ issued: issued.length, notices: issued });
  });

  app.post<{ Params: { noticeId: string }; Body: { reply?: string } }>('/api/supervision/:noticeId/reply', async (req, reply) => {
    const id = idOf(req.params.noticeId, reply);
    if (id === undefined) return reply;
    await replyToNotice(db, id, { reply: req.body?.reply ?? '' }, { actor: req.actor });
    return reply.code(201).send({ replied: 1 });
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/departments', async (req, reply) => {
    const d = dates(req.query, reply);
    if (!d) return reply;
    const plan = await requirePlan(db, req.params.id);
    return departmentAssessment(db, plan.id, d.year ?? Number((d.asOf ?? new Date().toISOString()).slice(0, 4)), { ...d, locale: localeOf(req.query) });
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/plans/:id/departments.xlsx', async (req, reply) => {
    const d = dates(req.query, reply);
    if (!d) return reply;
    const plan = await requirePlan(db, req.params.id);
    const locale = localeOf(req.query);
    const a = await departmentAssessment(db, plan.id, d.year ?? Number((d.asOf ?? new Date().toISOString()).slice(0, 4)), { ...d, locale });
    return sendXlsx(reply, await (await workbooks()).departmentsWorkbook(a, locale), t('server.file.departments', { region: plan.region, year: a.year }));
  });

  app.put<{ Params: { id: string }; Body: { weights?: Record<string, unknown>; cadence?: string; tolerance?: unknown } }>('/api/plans/:id/settings', async (req, reply) => {
    await requirePlan(db, req.params.id);
    const b = req.body ?? {};
    const next: Record<string, unknown> = {};
    if (b.weights !== undefined) {
      const wrong = checkWeights(b.weights ?? {});
      if (wrong.length > 0) return bad(reply, 'badWeights', t('limits.error.weights', { parts: wrong.join('、'), max: LIMITS.maxWeight }));
      next.weights = b.weights;
    }
    if (b.cadence !== undefined) {
      if (b.cadence !== 'quarter' && b.cadence !== 'month') return bad(reply, 'badCadence', t('server.error.cadence', { value: String(b.cadence) }));
      next.cadence = b.cadence;
    }
    if (b.tolerance !== undefined) {
      if (typeof b.tolerance !== 'number' || !(b.tolerance >= 0 && b.tolerance <= 1)) return bad(reply, 'badTolerance', t('server.error.tolerance', { value: String(b.tolerance) }));
      next.tolerance = b.tolerance;
    }
    await savePlanSettings(db, req.params.id, next, req.actor);
    return { saved: Object.keys(next) };
  });

  app.post<{ Querystring: { plan?: string; owner?: string; id?: string; name?: string }; Body: unknown }>('/api/attachments', async (req, reply) => {
    const q = req.query;
    if (!q.plan || !q.owner || !q.id || !q.name) return bad(reply, 'badRequest', t('server.error.attachmentQuery'));
    if (!['progress', 'taskUpdate', 'reply'].includes(q.owner)) return bad(reply, 'badRequest', t('server.error.attachmentOwner', { value: q.owner }));
    if (!Buffer.isBuffer(req.body)) return bad(reply, 'badUpload', t('server.error.attachmentBody'));
    const ownerId = idOf(q.id, reply);
    if (ownerId === undefined) return reply;
    const r = await addAttachment(db, { plan: q.plan, ownerKind: q.owner as OwnerKind, ownerId, fileName: q.name, data: req.body }, req.actor);
    return reply.code(201).send(r);
  });

  app.get<{ Params: { attachmentId: string } }>('/api/attachments/:attachmentId', async (req, reply) => {
    const id = idOf(req.params.attachmentId, reply);
    if (id === undefined) return reply;
    const a = await getAttachment(db, id);
    return reply
      .type(a.contentType)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
      .send(a.data);
  });
}
