// OpenAPI 3.1 description of the HTTP API, built from the route table and its zod shapes (src/api/).
import { z } from 'zod';
import { ROUTES, type Answer, type Route } from '../api/routes.ts';

/** Shapes that contain themselves (named with .meta({ id })), kept once under components/schemas. */
const components: Record<string, unknown> = {};
const SAFE = Number.MAX_SAFE_INTEGER;

/** Point #/$defs/… at components/schemas and drop the bounds zod gives every integer. */
function tidy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(tidy);
  if (!v || typeof v !== 'object') return v;
  const o = { ...(v as Record<string, unknown>) };
  if (o.minimum === -SAFE && o.maximum === SAFE) {
    delete o.minimum;
    delete o.maximum;
  }
  if (typeof o.$ref === 'string') o.$ref = o.$ref.replace('#/$defs/', '#/components/schemas/');
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, tidy(x)]));
}

/**
 * The JSON Schema of a shape (as sent: an answer may carry fields beyond those described, so objects are not
 * closed unless the shape is strict).
 */
function schemaOf(s: z.ZodType) {
  const { $schema: _drop, $defs, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, unknown>)) components[name] ??= tidy(def);
  return tidy(rest);
}

function answer(a: Answer) {
  if (a.schema) return { description: a.description, content: { 'application/json': { schema: schemaOf(a.schema) } } };
  if (a.content) return { description: a.description, content: Object.fromEntries(a.content.map((c) => [c, { schema: { type: 'string', format: 'binary' } }])) };
  return { description: a.description };
}

function operation(path: string, r: Route) {
  const params = [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', ...(r.pathEnums?.[name!] ? { enum: r.pathEnums[name!] } : {}) },
  }));
  for (const q of r.query ?? [])
    params.push({ name: q.name, in: 'query', required: q.required ?? false, ...(q.description ? { description: q.description } : {}), schema: { type: q.type ?? 'string', ...(q.enum ? { enum: q.enum } : {}) } } as never);
  const body = r.body
    ? { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } }
    : r.upload
      ? { required: true, content: Object.fromEntries(r.upload.map((c) => [c, { schema: { type: 'string', format: 'binary' } }])) }
      : undefined;
  return {
    summary: r.summary,
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: Object.fromEntries(Object.entries(r.responses).map(([status, a]) => [status, answer(a)])),
  };
}

function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, route] of Object.entries(ROUTES)) {
    const [method, url] = key.split(' ') as [string, string];
    const path = url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[method.toLowerCase()] = operation(url, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ecociv API',
      version: '0.1.0',
      description: '生态文明建设规划：指标评估、评分、可达性研判与重点工程项目。Ecological-civilization plans as data.',
    },
    paths,
    components: { schemas: components },
  };
}

/** Built once, at the first request for it. */
let document: ReturnType<typeof buildDocument> | undefined;
export const openApiDocument = () => (document ??= buildDocument());
