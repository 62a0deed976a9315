// HTTP routes of 规划导入: upload a plan document (the file as the request body, its name in the query), read it
// into a pending import; list, show (the extraction in the public shape, what needs attention, the differences
// against the stored plan a revised document replaces), the document's lines for the passage view; correct
// fields; accept (the whole plan lands in one transaction) or discard. Only the plan office and administrators
// (src/server/authorization.ts), and the store checks again that the import lies in their regions.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { cannotRead, uploadPlanDocument } from '../app/planImport.ts';
import { EditError, readEdits } from '../domain/planImport/edits.ts';
import { toImportJson } from '../domain/planImport/json.ts';
import { LIMITS } from '../domain/limits.ts';
import { t } from '../i18n/index.ts';
import type { Actor } from '../auth/roles.ts';
import { OFFICE_ROLES } from '../store/access.ts';
import type { Db } from '../store/db.ts';
import {
  acceptPlanImport,
  discardPlanImport,
  editPlanImport,
  getPlanImport,
  listPlanImports,
  planImportDifferences,
  planImportLines,
  PlanImportError,
  type AcceptChoice,
  type ImportStatus,
  type PlanImportRecord,
} from '../store/planImports.ts';

/** What a plan document may arrive as: the text form, a Word document, a PDF, or bytes of any name. */
export const PLAN_DOCUMENT_TYPES = ['application/octet-stream', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);
const bad = (reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}) => reply.code(status).send({ error: { code, message, ...extra } });
const maxMb = LIMITS.planDocumentBytes / 1024 / 1024;

/** A refusal of the import's own (a document that cannot be read, a correction or acceptance refused) as its answer. */
function refusal(reply: FastifyReply, e: unknown): FastifyReply {
  if (cannotRead(e)) return bad(reply, 422, 'unreadable', e.message);
  if (e instanceof EditError) return bad(reply, 400, 'badEdit', e.message);
  if (e instanceof PlanImportError) {
    const status = e.code === 'decided' ? 409 : e.code === 'badRequest' ? 400 : 422;
    return bad(reply, status, e.code, e.message, e.code === 'invalid' ? { problems: e.problems } : {});
  }
  throw e;
}

export function registerPlanImportRoutes(app: FastifyInstance, db: Db): void {
  /** The regions the actor may place a plan in or create a county under: those their office roles cover (all for a global one). */
  const regions = async (actor: Actor) => {
    const office = actor.user?.roles.filter((g) => (OFFICE_ROLES as readonly string[]).includes(g.role));
    const global = !office || office.some((g) => g.regionId === null);
    const r = await db.query<{ name: string; level: string; parent: string | null }>(
      global
        ? 'SELECT r.name, r.level, p.name AS parent FROM regions r LEFT JOIN regions p ON p.id = r.parent_id ORDER BY r.id'
        : `WITH RECURSIVE down(id) AS (SELECT id FROM regions WHERE id = ANY($1::int[]) UNION SELECT r.id FROM regions r JOIN down ON r.parent_id = down.id)
           SELECT r.name, r.level, p.name AS parent FROM regions r LEFT JOIN regions p ON p.id = r.parent_id WHERE r.id IN (SELECT id FROM down) ORDER BY r.id`,
      global ? [] : [office.map((g) => g.regionId)],
    );
    return r.rows;
  };

  const detail = async (rec: PlanImportRecord, req: { actor: Actor }) => {
    const { extracted, ...summary } = rec;
    return { ...summary, extraction: toImportJson(extracted), differences: await planImportDifferences(db, rec.id, req.actor), regions: await regions(req.actor) };
  };

  const importId = (v: string) => Number(v);

  // a plan document is bytes of its own bound (LIMITS.planDocumentBytes), parsed here only: in a context of its own
  void app.register(async (scope) => {
    scope.removeContentTypeParser(PLAN_DOCUMENT_TYPES.filter((c) => scope.hasContentTypeParser(c)));
    scope.addContentTypeParser(PLAN_DOCUMENT_TYPES, { parseAs: 'buffer', bodyLimit: LIMITS.planDocumentBytes }, (_req, body, done) => done(null, body));

    scope.post<{ Querystring: { name?: string }; Body: unknown }>(
      '/api/plan-imports',
      {
        bodyLimit: LIMITS.planDocumentBytes,
        // a file announced larger than the bound is refused before it is read, naming its size and the bound
        onRequest: async (req, reply) => {
          const size = Number(req.headers['content-length']);
          if (size > LIMITS.planDocumentBytes) {
            const file = String((req.query as { name?: string }).name ?? '').slice(0, 200) || t('planImport.file.unnamed');
            return bad(reply, 413, 'tooLarge', t('planImport.error.tooLarge', { file, mb: Math.ceil((size / 1024 / 1024) * 10) / 10, max: maxMb }));
          }
        },
        errorHandler: (err, req, reply) => {
          if ((err as { code?: string }).code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw err;
          const file = String((req.query as { name?: string }).name ?? '').slice(0, 200) || t('planImport.file.unnamed');
          return bad(reply, 413, 'tooLarge', t('planImport.error.tooLargeStream', { file, max: maxMb }));
        },
      },
      async (req, reply) => {
        const body = req.body;
        if (!Buffer.isBuffer(body) || body.length === 0) return bad(reply, 400, 'badUpload', t('planImport.error.noFile'));
        const name = String(req.query.name ?? '').trim().slice(0, 200) || t('planImport.file.unnamed');
        try {
          const rec = await uploadPlanDocument(db, name, body, req.actor);
          return reply.code(201).send(await detail(rec, req));
        } catch (e) {
          return refusal(reply, e);
        }
      },
    );
  });

  app.get<{ Querystring: { status?: string } }>('/api/plan-imports', async (req, reply) => {
    const s = req.query.status;
    if (s !== undefined && s !== '' && !['pending', 'accepted', 'discarded'].includes(s)) return bad(reply, 400, 'badQuery', t('planImport.error.status', { value: s.slice(0, 40) }));
    return listPlanImports(db, req.actor, (s || undefined) as ImportStatus | undefined);
  });

  app.get<{ Params: { importId: string } }>('/api/plan-imports/:importId', async (req) => detail(await getPlanImport(db, importId(req.params.importId), req.actor), req));

  app.get<{ Params: { importId: string }; Querystring: { from?: string; to?: string } }>('/api/plan-imports/:importId/lines', async (req, reply) => {
    const n = (v: string | undefined, fallback: number) => (v === undefined || v === '' ? fallback : /^\d{1,7}$/.test(v) ? Number(v) : Number.NaN);
    const from = n(req.query.from, 1);
    const to = n(req.query.to, from + 99);
    if (Number.isNaN(from) || Number.isNaN(to) || from < 1 || to < from) return bad(reply, 400, 'badQuery', t('planImport.error.lines', { from: String(req.query.from ?? ''), to: String(req.query.to ?? '') }));
    return planImportLines(db, importId(req.params.importId), req.actor, from, to);
  });

  app.put<{ Params: { importId: string }; Body: { edits?: unknown } }>('/api/plan-imports/:importId', async (req, reply) => {
    if (!isObject(req.body)) return bad(reply, 400, 'badRequest', t('planImport.edit.noEdits'));
    try {
      const rec = await editPlanImport(db, importId(req.params.importId), readEdits(req.body.edits), req.actor);
      return await detail(rec, req);
    } catch (e) {
      return refusal(reply, e);
    }
  });

  app.post<{ Params: { importId: string }; Body: AcceptChoice | undefined }>('/api/plan-imports/:importId/accept', async (req, reply) => {
    const b = req.body ?? {};
    if (!isObject(b)) return bad(reply, 400, 'badRequest', t('planImport.error.acceptBody'));
    const choice: AcceptChoice = {};
    if (b.region !== undefined) {
      if (typeof b.region !== 'string' || b.region.length > 100) return bad(reply, 400, 'badRequest', t('planImport.error.acceptBody'));
      choice.region = b.region;
    }
    if (b.newRegion !== undefined) {
      const nr = b.newRegion as unknown;
      if (!isObject(nr) || typeof nr.name !== 'string' || typeof nr.parent !== 'string' || nr.name.length > 100 || nr.parent.length > 100) return bad(reply, 400, 'badRequest', t('planImport.error.acceptBody'));
      choice.newRegion = { name: nr.name, parent: nr.parent };
    }
    try {
      return reply.code(201).send(await acceptPlanImport(db, importId(req.params.importId), choice, req.actor));
    } catch (e) {
      return refusal(reply, e);
    }
  });

  app.delete<{ Params: { importId: string } }>('/api/plan-imports/:importId', async (req, reply) => {
    try {
      await discardPlanImport(db, importId(req.params.importId), req.actor);
      return { discarded: 1 };
    } catch (e) {
      return refusal(reply, e);
    }
  });
}
