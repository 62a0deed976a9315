// Materialised assessments: the answer for a plan, year and locale is kept, as the bytes sent (with its ETag and,
// made once off the main thread, its gzip), until a change to what it reads commits. The store announces such
// changes (storeChanges.ts); only the assessments a change touches are forgotten: the region's plans, from the
// changed year on (a year's assessment reads every earlier year for its trend).
//
// A read first syncs with the store's channel (or the request already did, in the authorisation check): every
// change committed before the read began has been applied, so a user who saved (on any server) and then reloads
// sees the save. While the channel cannot be listened to, nothing is kept and every read is computed afresh.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Db } from '../store/db.ts';
import { getPlan } from '../store/queries.ts';
import { StoreChanges, type StoreChange } from './storeChanges.ts';

const gzipAsync = promisify(gzip);

/** An answer as sent: its bytes, its ETag, and its gzip (made on first asking, kept with it). */
export interface KeptAnswer {
  body: Buffer;
  etag: string;
  /** kept for later reads (false: computed for this read only, not worth compressing) */
  kept: boolean;
  gzipped(): Promise<Buffer>;
}

export function keptAnswer(json: string, kept: boolean): KeptAnswer {
  const body = Buffer.from(json);
  let z: Promise<Buffer> | undefined;
  return {
    body,
    kept,
    // the content's own hash: every server gives the same answer the same tag
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    gzipped: () => (z ??= gzipAsync(body, { level: 6 })),
  };
}

/** What an assessment looks like to the cache: a head, and one part per framework (last, in the plan's order). */
export interface AssessmentShape {
  frameworks: Array<{ id: string }>;
}

/** Computes the assessment of a year, of only the frameworks named (undefined: all of the plan's). */
export type Compute = (year: number | undefined, frameworks?: string[]) => Promise<AssessmentShape>;

interface Entry {
  regionId: number;
  year: number;
  /** the JSON of everything but the frameworks, without its closing brace */
  head: string;
  /** each framework's JSON, in the plan's order; a framework a change touched is missing until recomputed */
  parts: Map<string, string>;
  order: string[];
  /** the answer while every part is there */
  answer: Promise<KeptAnswer> | undefined;
  /** counted up on every change to the entry: a computation begun before one does not fill it */
  generation: number;
}

interface PlanFacts {
  regionId: number;
  defaultYear: number;
}

const joinParts = (head: string, parts: string[]) => `${head}${head === '{' ? '' : ','}"frameworks":[${parts.join(',')}]}`;

export class AssessmentCache {
  private readonly entries = new Map<string, Entry>();
  private readonly plans = new Map<string, Promise<PlanFacts | undefined>>();
  /** counted up on every change of a plan's structure: a plan looked up before it is not trusted after it */
  private structure = 0;
  readonly changes: StoreChanges;
  private readonly ownsChanges: boolean;
  /** how many times each plan|year|locale was computed, whole or a framework of it (for tests and the benchmark) */
  readonly computed = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly opts: { enabled?: boolean; max?: number; changes?: StoreChanges } = {},
  ) {
    this.ownsChanges = !opts.changes;
    this.changes = opts.changes ?? new StoreChanges(db, { enabled: opts.enabled !== false });
    this.changes.subscribe((c) => this.onChange(c));
  }

  private get enabled(): boolean {
    return this.opts.enabled !== false;
  }

  /** Listen for changes (when this cache has its own listener). Never throws. */
  async start(): Promise<void> {
    if (this.ownsChanges) await this.changes.start();
  }

  async close(): Promise<void> {
    this.forget();
    if (this.ownsChanges) await this.changes.close();
  }

  /**
   * The assessment of plan and year (undefined: the plan's default year) as the answer to send, kept or computed
   * by compute. `synced`: the request has already synced with the store's channel since it began.
   */
  async answer(planId: string, year: number | undefined, locale: string, compute: Compute, synced?: boolean): Promise<KeptAnswer> {
    const fresh = async () => keptAnswer(JSON.stringify(await compute(year)), false);
    if (!this.enabled || !this.changes.live) return fresh();
    if (!synced && !(await this.changes.sync())) return fresh();
    const structure = this.structure;
    const plan = await this.planOf(planId);
    // an unknown plan: the computation gives the error naming the plans there are
    if (!plan || !this.changes.live || structure !== this.structure) return fresh();
    const y = year ?? plan.defaultYear;
    const key = `${planId}|${y}|${locale}`;
    const hit = this.entries.get(key);
    if (hit?.answer) return hit.answer;
    this.computed.set(key, (this.computed.get(key) ?? 0) + 1);
    if (hit) return this.complete(key, hit, compute);
    const entry: Entry = { regionId: plan.regionId, year: y, head: '', parts: new Map(), order: [], answer: undefined, generation: 0 };
    entry.answer = compute(y).then((v) => {
      const { frameworks, ...head } = v;
      entry.head = JSON.stringify(head).slice(0, -1);
      entry.order = frameworks.map((f) => f.id);
      const parts = frameworks.map((f) => JSON.stringify(f));
      if (entry.generation === 0) for (const [i, id] of entry.order.entries()) entry.parts.set(id, parts[i]!);
      return keptAnswer(joinParts(entry.head, parts), true);
    });
    const max = this.opts.max ?? 500;
    if (this.entries.size >= max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    this.dropOnFailure(key, entry, entry.answer);
    return entry.answer;
  }

  /** Recompute only the frameworks a change touched, and put the answer together again. */
  private complete(key: string, entry: Entry, compute: Compute): Promise<KeptAnswer> {
    const generation = entry.generation;
    const missing = entry.order.filter((id) => !entry.parts.has(id));
    const answer = compute(entry.year, missing).then((v) => {
      const computed = new Map(v.frameworks.map((f) => [f.id, JSON.stringify(f)]));
      const parts = entry.order.map((id) => entry.parts.get(id) ?? computed.get(id) ?? '');
      if (entry.generation === generation) for (const [id, json] of computed) entry.parts.set(id, json);
      if (parts.includes('')) throw new Error(`assessment of ${key}: a framework is missing`);
      return keptAnswer(joinParts(entry.head, parts), true);
    });
    entry.answer = answer;
    this.dropOnFailure(key, entry, answer);
    return answer;
  }

  /** A failed computation is not kept. */
  private dropOnFailure(key: string, entry: Entry, answer: Promise<KeptAnswer>): void {
    answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
  }

  /** The assessment as JSON text (see answer). */
  async get(planId: string, year: number | undefined, locale: string, compute: Compute): Promise<string> {
    return (await this.answer(planId, year, locale, compute)).body.toString();
  }

  /** How many answers are kept. */
  get size(): number {
    return this.entries.size;
  }

  private planOf(planId: string) {
    let p = this.plans.get(planId);
    if (!p) {
      p = getPlan(this.db, planId).then((r) => (r ? { regionId: r.regionId, defaultYear: r.baseYear ?? r.targetYears[0]! } : undefined));
      this.plans.set(planId, p);
      p.then(
        (r) => {
          if (!r && this.plans.get(planId) === p) this.plans.delete(planId);
        },
        () => {
          if (this.plans.get(planId) === p) this.plans.delete(planId);
        },
      );
    }
    return p;
  }

  private onChange(c: StoreChange): void {
    if (c.kind === 'account') return;
    if (c.kind === 'all') return this.forget();
    for (const [key, e] of this.entries) {
      if (e.regionId !== c.regionId || e.year < c.fromYear) continue;
      // another plan's framework in the same region: nothing here reads it
      if (c.framework && e.order.length > 0 && !e.order.includes(c.framework)) continue;
      e.generation++;
      e.answer = undefined;
      // the framework is known once the first answer is made: only it is recomputed; otherwise all of it
      if (c.framework && e.order.includes(c.framework)) e.parts.delete(c.framework);
      else this.entries.delete(key);
    }
  }

  /** Forget every answer and every plan looked up. */
  private forget(): void {
    this.structure++;
    this.entries.clear();
    this.plans.clear();
  }
}
