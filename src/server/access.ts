// What a request may carry, checked once at the edge before authorisation and handler see it: every id
// in its canonical form (a plan id exactly as stored, a record id as digits; nothing trimmed or guessed
// later), and for every write route a strict schema of its body — a key it does not know is refused, and
// who and when a record names are the server's to set, never the client's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { t } from '../i18n/index.ts';
import { shown } from '../store/batch.ts';

/** A plan id as the store keeps it: wushan-demo-county. */
export const PLAN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RECORD_ID = /^\d{1,15}$/;

const any = z.unknown();
const obj = (keys: string[], nested: Record<string, z.ZodType> = {}) => z.object(Object.fromEntries(keys.map((k) => [k, nested[k] ?? any]))).strict();
const list = (keys: string[]) => z.array(obj(keys));

const OBSERVATION = ['plan', 'framework', 'number', 'part', 'year', 'printed', 'dataYear', 'flags', 'note', 'reportingUnit', 'source'];
const PROGRESS = ['plan', 'project', 'period', 'investmentCumulativeWan', 'investmentPeriodWan', 'physicalPercent', 'status', 'milestones', 'problems', 'measures', 'reportingUnit', 'reportedOn', 'backdateReason'];
const WORK_ITEM = ['plan', 'year', 'task', 'title', 'leadUnit', 'cooperatingUnits', 'deadline', 'indicators'];

/** The body each write route accepts. Values are checked by the store, which names each in Chinese. */
export const BODY_SCHEMAS: Record<string, z.ZodObject> = {
  'POST /api/observations': obj(['observations'], { observations: list(OBSERVATION) }),
  'POST /api/observations/check': obj(['observations'], { observations: list(OBSERVATION) }),
  'POST /api/observations/revisions': obj(['plan', 'framework', 'number', 'part', 'year', 'printed', 'reason']),
  'POST /api/observations/review': obj(['plan', 'year', 'figures', 'revisions', 'decision', 'comment'], { figures: list(['framework', 'number', 'part']) }),
  'POST /api/confirmations': obj(['plan', 'framework', 'number', 'year', 'status', 'points', 'reason']),
  'PUT /api/plans/:id/drafts': obj(['entries']),
  'POST /api/progress': obj(['reports'], { reports: list(PROGRESS) }),
  'POST /api/progress/check': obj(['reports'], { reports: list(PROGRESS) }),
  'POST /api/progress/:reportId/review': obj(['decision', 'comment']),
  'POST /api/project-changes': obj(['plan', 'project', 'kind', 'fields', 'reason', 'effectiveOn']),
  'POST /api/work-items': obj(['items'], { items: list(WORK_ITEM) }),
  'POST /api/work-items/:itemId/updates': obj(['status', 'progress', 'evidence', 'reportedOn', 'backdateReason']),
  'POST /api/plans/:id/supervision': obj(['asOf']),
  'POST /api/supervision/:noticeId/reply': obj(['reply']),
  'PUT /api/plans/:id/settings': obj(['weights', 'cadence', 'tolerance']),
  'POST /api/plans/:id/publications': obj(['year']),
};

/** The query each write route that takes one accepts. */
export const QUERY_SCHEMAS: Record<string, z.ZodObject> = {
  'POST /api/attachments': obj(['plan', 'owner', 'id', 'name']),
};

/** Who and when a record names: set by the server from the session and the clock. */
const SERVER_SET = new Set(['reportedBy', 'repliedBy', 'repliedOn', 'issuedBy', 'recordedBy', 'by', 'at']);

const refuse = (reply: FastifyReply, code: string, message: string) => reply.code(400).send({ error: { code, message } });

/** The schema reached by a path of keys and list positions. */
function schemaAt(schema: z.ZodType, path: PropertyKey[]): z.ZodObject | undefined {
  let s: z.ZodType | undefined = schema;
  for (const seg of path) {
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return undefined;
  }
  return s instanceof z.ZodObject ? s : undefined;
}

function valueAt(v: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<PropertyKey, unknown>)[k] : undefined), v);
}

/** A key the schema does not know, as a refusal naming it and what is accepted; undefined when every key is known. */
function unknownKey(schema: z.ZodObject, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues.find((i) => i.code === 'unrecognized_keys');
  if (!issue || issue.code !== 'unrecognized_keys') return undefined; // a wrong type: the handler names it
  const key = issue.keys[0]!;
  if (SERVER_SET.has(key)) return t('access.error.serverSets', { label: t(`access.label.${key}`), value: shown(valueAt(value, [...issue.path, key])) });
  return t('access.error.unexpected', { key, allowed: Object.keys(schemaAt(schema, issue.path)?.shape ?? {}).join('、') });
}

/** Every plan id a body names, at any depth, as sent. */
export function planValues(body: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object' || Buffer.isBuffer(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'plan' && !Array.isArray(v)) out.push(x);
      walk(x, depth + 1);
    }
  };
  walk(body, 0);
  return out;
}

/**
 * Refuse a request whose ids are not canonical or whose body (or query) carries a key its route does not
 * accept. Returns the reply when refused.
 */
export function refuseRequest(req: FastifyRequest, reply: FastifyReply, routeKey: string): FastifyReply | undefined {
  const params = (req.params ?? {}) as Record<string, string>;
  const query = (req.query ?? {}) as Record<string, unknown>;
  for (const [name, v] of Object.entries(params)) {
    if (name === 'id' && !PLAN_ID.test(v)) return refuse(reply, 'badId', t('access.error.planId', { value: v }));
    if (name.endsWith('Id') && !RECORD_ID.test(v)) return refuse(reply, 'badId', t('access.error.id', { value: v }));
  }
  if ('id' in query && (typeof query.id !== 'string' || !RECORD_ID.test(query.id))) return refuse(reply, 'badId', t('access.error.id', { value: shown(query.id) }));
  const plans = [...('plan' in query ? [query.plan] : []), ...planValues(req.body)];
  for (const v of plans) if (typeof v !== 'string' || !PLAN_ID.test(v) || v.length > 100) return refuse(reply, 'badId', t('access.error.planId', { value: shown(v) }));
  const body = BODY_SCHEMAS[routeKey];
  const inBody = body && req.body !== undefined && req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? unknownKey(body, req.body) : undefined;
  if (inBody) return refuse(reply, 'unexpectedField', inBody);
  const q = QUERY_SCHEMAS[routeKey];
  const inQuery = q ? unknownKey(q, query) : undefined;
  if (inQuery) return refuse(reply, 'unexpectedField', inQuery);
  return undefined;
}
