// What the server refuses before any handler runs, by the bounds in domain/limits.ts: JSON bodies nested
// too deep or carrying a list longer than LIMITS.listEntries (checked on the text, before it is parsed),
// and more uploads at once than LIMITS.concurrentImports (workbook imports and attachment checks unpack
// archives). Also the reading of years and dates from a query string, for every route that takes them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDateInRange, LIMITS, RANGE, yearInRange } from '../domain/limits.ts';
import { t } from '../i18n/index.ts';

/** A request refused for going beyond a bound: its status, a code and the words to show. */
export class LimitError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}

/**
 * Walk a JSON text once, outside its strings, and refuse it when it nests deeper than LIMITS.jsonDepth or
 * a list holds more than LIMITS.listEntries entries. Malformed text is left to the parser to refuse.
 */
export function checkJsonShape(text: string): LimitError | undefined {
  // per open bracket: -1 for an object, else the entries of the list seen so far
  const stack: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    const top = stack.length - 1;
    if (c === 0x5d || c === 0x7d) {
      stack.pop();
      continue;
    }
    // the first value of a list counts as one entry; every comma in it as one more
    if (top >= 0 && stack[top] === 0) stack[top] = 1;
    else if (c === 0x2c && top >= 0 && stack[top]! > 0 && ++stack[top]! > LIMITS.listEntries) {
      let count = stack[top]!;
      // count the rest of this list's entries cheaply, to name the number sent
      for (let depth = 0, j = i + 1, s = false; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (s) {
          if (d === 0x5c) j++;
          else if (d === 0x22) s = false;
        } else if (d === 0x22) s = true;
        else if (d === 0x5b || d === 0x7b) depth++;
        else if (d === 0x5d || d === 0x7d) {
          if (depth-- === 0) break;
        } else if (d === 0x2c && depth === 0) count++;
      }
      return new LimitError(413, 'tooMany', t('limits.body.tooMany', { max: LIMITS.listEntries, count }));
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      stack.push(c === 0x5b ? 0 : -1);
      if (stack.length > LIMITS.jsonDepth) return new LimitError(400, 'tooDeep', t('limits.body.tooDeep', { max: LIMITS.jsonDepth }));
    }
  }
  return undefined;
}

/** A counter of uploads being worked on; one more than the bound is told to try again. */
export class ImportGate {
  active = 0;
  constructor(readonly max: number = LIMITS.concurrentImports) {}
  tryEnter(): boolean {
    if (this.active >= this.max) return false;
    this.active++;
    return true;
  }
  leave(): void {
    this.active = Math.max(0, this.active - 1);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the uploads (workbooks, attachments) being worked on */
    importGate: ImportGate;
  }
  interface FastifyRequest {
    holdsImportSlot?: boolean;
  }
}

export function registerLimits(app: FastifyInstance): void {
  // JSON: the shape checked on the text, then Fastify's own parser (which refuses __proto__ and constructor keys)
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const refused = checkJsonShape(body as string);
    if (refused) return done(refused, undefined);
    parseJson(req, body as string, done);
  });

  // uploads arrive as bytes; every one takes a slot while it is unpacked, checked and stored
  const gate = new ImportGate();
  app.decorate('importGate', gate);
  app.decorateRequest('holdsImportSlot', false);
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!Buffer.isBuffer(req.body) || reply.sent) return;
    if (!gate.tryEnter()) return reply.code(503).header('Retry-After', '5').send({ error: { code: 'busy', message: t('limits.busy', { max: gate.max }) } });
    req.holdsImportSlot = true;
  });
  const release = async (req: FastifyRequest) => {
    if (req.holdsImportSlot) {
      req.holdsImportSlot = false;
      gate.leave();
    }
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}

/**
 * A year from the query: undefined when absent, else the year, or the refusal to send (a four-digit year
 * within LIMITS.minYear–maxYear).
 */
export function queryYear(v: string | undefined): number | undefined | { message: string } {
  if (v === undefined || v === '') return undefined;
  if (!/^\d{4}$/.test(v)) return { message: t('limits.query.yearFormat', { value: v }) };
  return yearInRange(Number(v)) ? Number(v) : { message: t('limits.query.yearRange', { value: v, ...RANGE }) };
}

/** A date from the query: undefined when absent, else the date, or the refusal to send. */
export function queryDate(v: string | undefined): string | undefined | { message: string } {
  if (v === undefined || v === '') return undefined;
  return isDateInRange(v) ? v : { message: t('limits.query.date', { value: v, ...RANGE }) };
}

/** Most records one page of the audit trail shows. */
export const AUDIT_PAGE_MAX = 5000;

/** The dates and paging of an audit-trail query, or the refusal naming the bad value. */
export function auditQuery(q: { from?: string; to?: string; limit?: string; before?: string }): { from?: string; to?: string; limit?: number; beforeId?: number } | { message: string } {
  const from = queryDate(q.from);
  if (typeof from === 'object') return from;
  const to = queryDate(q.to);
  if (typeof to === 'object') return to;
  const whole = (v: string | undefined, max: number) => (v === undefined || v === '' ? undefined : /^\d{1,15}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : Number.NaN);
  const limit = whole(q.limit, AUDIT_PAGE_MAX);
  if (Number.isNaN(limit)) return { message: t('limits.query.limit', { value: q.limit!, max: AUDIT_PAGE_MAX }) };
  const beforeId = whole(q.before, Number.MAX_SAFE_INTEGER);
  if (Number.isNaN(beforeId)) return { message: t('limits.query.before', { value: q.before! }) };
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(limit ? { limit } : {}), ...(beforeId ? { beforeId } : {}) };
}
