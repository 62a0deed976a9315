// What a request may carry, checked once at the edge before authorisation and handler see it: every id
// in its canonical form (a plan id exactly as stored, a record id as digits; nothing trimmed or guessed
// later), and for every write route a strict schema of its body — a key it does not know is refused, and
// who and when a record names are the server's to set, never the client's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROUTES } from '../api/routes.ts';
import { t } from '../i18n/index.ts';
import { shown } from '../store/batch.ts';

/** A plan id as the store keeps it: wushan-demo-county. */
export const PLAN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RECORD_ID = /^\d{1,15}$/;

/** The strict body of each write route, from the route table (src/api/routes.ts). Values are checked by the store, which names each in Chinese. */
export const BODY_SCHEMAS: Record<string, z.ZodObject> = Object.fromEntries(
  Object.entries(ROUTES).flatMap(([key, r]) => (r.body instanceof z.ZodObject && r.body._zod.def.catchall?._zod.def.type === 'never' ? [[key, r.body]] : [])),
);

/** The query each write route that takes one accepts. */
export const QUERY_SCHEMAS: Record<string, z.ZodObject> = Object.fromEntries(Object.entries(ROUTES).flatMap(([key, r]) => (r.queryShape ? [[key, r.queryShape]] : [])));

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
