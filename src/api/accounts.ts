// Sign-in, accounts, the audit trail, review and publication, the public summary (src/server/auth.ts,
// src/server/reviewRoutes.ts, src/app/publicSummary.ts).
import { z } from 'zod';
import { Status } from './common.ts';
import { ObservationInput } from './entry.ts';
import { FigureProvenance } from './monitoring.ts';

export const RoleName = z.enum(['admin', 'planOffice', 'clerk', 'reviewer', 'leader', 'public']);

/** A role as granted: where (region) and for which unit. */
export const RoleGrant = z.object({ role: z.string(), regionId: z.number().int().nullable(), regionName: z.string().nullable().optional(), unit: z.string().nullable() });

/** GET /api/session, POST /api/session: the signed-in user. */
export const SessionUser = z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), roles: z.array(RoleGrant) });
export type SessionUser = z.infer<typeof SessionUser>;

/** GET /api/session: the user and the CSRF token, or user null (and whether the first administrator is still to be created). */
export const SessionInfo = z.object({ user: SessionUser.nullable(), csrfToken: z.string().optional(), setupNeeded: z.boolean().optional() });
export type SessionInfo = z.infer<typeof SessionInfo>;

/** GET /api/users: an account with its roles. */
export const Account = SessionUser.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable().describe('when a lock on the user name ends (too many failed sign-ins), or null'),
});
export type Account = z.infer<typeof Account>;

/** A role entry as sent when creating or updating an account. */
export const RoleEntry = z.object({ role: RoleName, region: z.string().optional(), unit: z.string().optional() });

export const SetupBody = z.object({ username: z.string(), displayName: z.string(), password: z.string().min(10) });
export const SignInBody = z.object({ username: z.string(), password: z.string() });
export const PasswordBody = z.object({ current: z.string(), password: z.string() });
export const UserBody = z.object({ username: z.string(), displayName: z.string(), password: z.string(), roles: z.array(RoleEntry) });
export const UserUpdateBody = z.object({ displayName: z.string(), roles: z.array(RoleEntry), disabled: z.boolean(), password: z.string() }).partial();
export const CliBody = z.object({ argv: z.array(z.string()), cwd: z.string(), password: z.string().optional() });

/** GET /api/audit: one record of the trail (append-only): who, when, from where, what, before and after. */
export const AuditRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  ip: z.string().nullable(),
  action: z.string().describe('e.g. observation.record'),
  entity: z.string().describe('e.g. observation'),
  entityId: z.string().nullable(),
  planId: z.string().nullable(),
  regionId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** GET /api/plans/{id}/review: figures and revisions awaiting review, and the published years. */
export const ReviewQueue = z.object({
  plan: z.string(),
  figures: z.array(
    z.object({
      framework: z.string(),
      number: z.string(),
      name: z.string(),
      part: z.string().nullable(),
      year: z.number().int(),
      printed: z.string(),
      review: z.string(),
      reviewComment: z.string().nullable(),
      submittedBy: z.string().nullable(),
      unit: z.string().nullable(),
      note: z.string().nullable(),
      origin: z.enum(['entry', 'import', 'computed']).describe('entered by a unit, imported from a workbook, or computed from monitoring data (监测数据计算)'),
      provenance: FigureProvenance.nullable().describe('a computed figure’s grounds: stations counted and not, valid days, editions, files; null for other figures'),
    }),
  ),
  revisions: z.array(
    z.object({
      id: z.number().int(),
      framework: z.string(),
      number: z.string(),
      name: z.string(),
      part: z.string().nullable(),
      year: z.number().int(),
      oldPrinted: z.string().nullable(),
      newPrinted: z.string(),
      reason: z.string(),
      state: z.string(),
      submittedBy: z.string().nullable(),
      reviewComment: z.string().nullable(),
    }),
  ),
  published: z.array(z.object({ year: z.number().int(), publishedAt: z.string(), publishedBy: z.string().nullable() })),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const ReviewBody = z.strictObject({
  plan: z.string(),
  year: z.number().int(),
  figures: z.array(z.strictObject({ framework: z.string(), number: z.string(), part: z.string().optional() })).optional().describe('the figures decided; all submitted figures of the year when absent'),
  revisions: z.array(z.number().int()).optional().describe('revision ids'),
  decision: z.enum(['approved', 'returned']),
  comment: z.string().optional().describe('why it is returned'),
});
/** POST /api/observations/revisions: a new value for a figure of a published year, and why. */
export const RevisionBody = ObservationInput.pick({ plan: true, framework: true, number: true, part: true, year: true, printed: true }).extend({ reason: z.string() });
export const PublicationBody = z.strictObject({ year: z.number().int() });

/** GET /api/plans/{id}/public: what the public may see (no internal notes, reasons or units). */
export const PublicSummary = z.object({
  plan: z.string(),
  title: z.string(),
  region: z.string(),
  year: z.number().int(),
  frameworks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      summary: z.string(),
      applicable: z.number().int(),
      met: z.number().int(),
      notMet: z.number().int(),
      indeterminate: z.number().int(),
      noData: z.number().int(),
      score: z.number().nullable(),
      maxScore: z.number().nullable(),
      passScore: z.number().nullable(),
      indicators: z.array(
        z.object({ number: z.string(), name: z.string(), unit: z.string().nullable(), requirement: z.string().nullable(), value: z.string().nullable(), status: Status, statusText: z.string() }),
      ),
    }),
  ),
  projects: z.object({ count: z.number().int(), investmentWan: z.number().nullable() }),
});
export type PublicSummary = z.infer<typeof PublicSummary>;

export const Health = z.object({ ok: z.boolean(), store: z.enum(['pglite', 'postgres']) });
export const SetupNeeded = z.object({ needed: z.boolean() });
