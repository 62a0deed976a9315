// Who may call which route: the written authorisation matrix. Every /api route must have an entry
// (a test calls every route as every role and compares with this table); a route without one is refused.
import type { FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles.ts';
import { planValues } from './access.ts';
import { CONFIRM_ROLES, ENTRY_ROLES, OFFICE_ROLES, READER_ROLES, REVIEW_ROLES } from '../store/access.ts';
import type { Queryable } from '../store/db.ts';

/**
 * anyone: no sign-in needed. signedIn: any signed-in user (the handler limits what is shown).
 * localCli: only the command line of this machine (loopback, the embedded directory's lock token), no session.
 * Otherwise the roles that may call it, in the region of every plan the request touches.
 */
export type Rule = { who: 'anyone' } | { who: 'signedIn' } | { who: 'localCli' } | { who: Role[]; plans: PlanSource };

/** Where the plans a request touches are named. */
export type PlanSource =
  | 'none'
  | 'param'
  | 'query'
  | 'body'
  | 'bodyList'
  | { table: 'project_progress' | 'work_items' | 'supervision_notices' | 'attachments'; param: string };

// the same role lists the store checks on every write (src/store/access.ts)
const READERS = READER_ROLES;
const ENTRY = ENTRY_ROLES;
const OFFICE = OFFICE_ROLES;
const REVIEW = REVIEW_ROLES;

export const MATRIX: Record<string, Rule> = {
  'GET /api/health': { who: 'anyone' },
  'GET /api/openapi.json': { who: 'anyone' },
  'GET /api/setup': { who: 'anyone' },
  'POST /api/setup': { who: 'anyone' },
  'GET /api/session': { who: 'anyone' },
  'POST /api/session': { who: 'anyone' },
  'DELETE /api/session': { who: 'signedIn' },
  'POST /api/session/everywhere': { who: 'signedIn' },
  'POST /api/me/password': { who: 'signedIn' },
  'GET /api/plans': { who: 'signedIn' },
  'GET /api/plans/:id/public': { who: 'anyone' },

  'GET /api/plans/:id': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/assessment': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/scorecard.xlsx': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/projects': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/tasks': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/units': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/consistency': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/progress': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/progress.xlsx': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/projects.xlsx': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/work-plan': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/work-plan.xlsx': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/departments': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/departments.xlsx': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/review': { who: REVIEW, plans: 'param' },
  'GET /api/plans/:id/reports': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/reports/:kind.:format': { who: READERS, plans: 'param' },
  'GET /api/attachments/:attachmentId': { who: READERS, plans: { table: 'attachments', param: 'attachmentId' } },

  'GET /api/plans/:id/entry': { who: ENTRY, plans: 'param' },
  'PUT /api/plans/:id/drafts': { who: ENTRY, plans: 'param' },
  'POST /api/observations': { who: ENTRY, plans: 'bodyList' },
  'POST /api/observations/check': { who: ENTRY, plans: 'bodyList' },
  'POST /api/observations/revisions': { who: ENTRY, plans: 'body' },
  'POST /api/progress': { who: ENTRY, plans: 'bodyList' },
  'POST /api/progress/check': { who: ENTRY, plans: 'bodyList' },
  'POST /api/plans/:id/progress.xlsx': { who: ENTRY, plans: 'param' },
  'POST /api/attachments': { who: ENTRY, plans: 'query' },
  'POST /api/work-items/:itemId/updates': { who: ENTRY, plans: { table: 'work_items', param: 'itemId' } },
  'POST /api/supervision/:noticeId/reply': { who: ENTRY, plans: { table: 'supervision_notices', param: 'noticeId' } },

  'POST /api/observations/review': { who: REVIEW, plans: 'body' },
  'POST /api/progress/:reportId/review': { who: REVIEW, plans: { table: 'project_progress', param: 'reportId' } },
  'POST /api/confirmations': { who: CONFIRM_ROLES, plans: 'body' },

  'POST /api/project-changes': { who: OFFICE, plans: 'body' },
  'POST /api/plans/:id/projects.xlsx': { who: OFFICE, plans: 'param' },
  'POST /api/plans/:id/work-plan.xlsx': { who: OFFICE, plans: 'param' },
  'POST /api/work-items': { who: OFFICE, plans: 'bodyList' },
  'POST /api/plans/:id/supervision': { who: OFFICE, plans: 'param' },
  'PUT /api/plans/:id/settings': { who: OFFICE, plans: 'param' },
  'POST /api/plans/:id/publications': { who: OFFICE, plans: 'param' },

  'GET /api/audit': { who: ['admin', 'planOffice', 'leader'], plans: 'none' },
  'GET /api/users': { who: ['admin'], plans: 'none' },
  'POST /api/users': { who: ['admin'], plans: 'none' },
  'PUT /api/users/:userId': { who: ['admin'], plans: 'none' },

  'POST /api/cli/run': { who: 'localCli' },

  'GET /api/plans/:id/monitoring/stations': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/monitoring/stations/:stationId/days': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/monitoring/calendar': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/monitoring/trends': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/monitoring/water': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/monitoring/exceedances': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/monitoring/figures': { who: READERS, plans: 'param' },
  'GET /api/plans/:id/monitoring/summary': { who: READERS, plans: 'param' },
  'POST /api/plans/:id/monitoring/stations': { who: OFFICE, plans: 'param' },
  'PUT /api/plans/:id/monitoring/stations/:stationId': { who: OFFICE, plans: 'param' },
  'GET /api/plans/:id/monitoring/links': { who: READERS, plans: 'param' },
  'PUT /api/plans/:id/monitoring/links': { who: OFFICE, plans: 'param' },
  'DELETE /api/plans/:id/monitoring/links': { who: OFFICE, plans: 'param' },
  'POST /api/plans/:id/monitoring/compute': { who: OFFICE, plans: 'param' },
  'POST /api/plans/:id/monitoring/imports': { who: OFFICE, plans: 'param' },
  'GET /api/plans/:id/alarms': { who: READERS, plans: 'param' },
  'POST /api/plans/:id/alarms/:alarmId/steps': { who: ENTRY, plans: 'param' },
  'GET /api/plans/:id/alarm-rules': { who: READERS, plans: 'param' },
  'PUT /api/plans/:id/alarm-rules': { who: OFFICE, plans: 'param' },
};

/** Every plan id a body names, at any depth: the handler may act on any of them, so each is authorised. */
export const bodyPlans = (body: unknown): string[] => [...new Set(planValues(body).map((x) => String(x ?? '')))];

/** The plan ids a request names, by its rule and anywhere in its body; unknown ones are passed on (the handler answers 404). */
export async function plansOf(req: FastifyRequest, source: PlanSource, db: Queryable): Promise<string[]> {
  if (source === 'none') return [];
  const inBody = bodyPlans(req.body);
  if (source === 'param') return [...new Set([String((req.params as Record<string, string>).id), ...inBody])];
  if (source === 'query') return [...new Set([String((req.query as Record<string, string>).plan ?? ''), ...inBody])];
  if (source === 'body' || source === 'bodyList') return inBody.length > 0 ? inBody : [''];
  const id = (req.params as Record<string, string>)[source.param] ?? '';
  if (!/^\d{1,15}$/.test(id)) return inBody;
  const r = await db.query<{ plan_id: string }>(`SELECT plan_id FROM ${source.table} WHERE id = $1`, [id]);
  return [...new Set([...r.rows.map((x) => x.plan_id), ...inBody])];
}
