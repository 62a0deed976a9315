// HTTP routes for reviewing entered figures, publishing a year, and revising a published figure.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../store/db.ts';
import { publishYear, recordRevision, reviewFigures, reviewQueue, type RevisionEntry, type ReviewEntry } from '../store/review.ts';

export function registerReviewRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string } }>('/api/plans/:id/review', async (req) => reviewQueue(db, req.params.id));

  app.post<{ Body: ReviewEntry }>('/api/observations/review', async (req) => reviewFigures(db, req.body, req.actor));

  app.post<{ Body: RevisionEntry }>('/api/observations/revisions', async (req, reply) => reply.code(201).send(await recordRevision(db, req.body, req.actor)));

  app.post<{ Params: { id: string }; Body: { year?: number } }>('/api/plans/:id/publications', async (req, reply) => {
    await publishYear(db, req.params.id, Number(req.body?.year), req.actor);
    return reply.code(201).send({ published: Number(req.body?.year) });
  });
}
