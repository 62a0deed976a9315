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

interface Entry {
  regionId: number;
  year: number;
  answer: Promise<KeptAnswer>;
}

export class AssessmentCache {
  private readonly entries = new Map<string, Entry>();
  private readonly plans = new Map<string, Promise<{ regionId: number; defaultYear: number } | undefined>>();
  /** counted up on every change of a plan's structure: a plan looked up before it is not trusted after it */
  private structure = 0;
  readonly changes: StoreChanges;
  private readonly ownsChanges: boolean;
  /** how many times each plan|year|locale was computed (for tests and the benchmark) */
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
  async answer(planId: string, year: number | undefined, locale: string, compute: (year: number | undefined) => Promise<unknown>, synced?: boolean): Promise<KeptAnswer> {
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
    if (hit) return hit.answer;
    this.computed.set(key, (this.computed.get(key) ?? 0) + 1);
    const entry: Entry = { regionId: plan.regionId, year: y, answer: compute(y).then((v) => keptAnswer(JSON.stringify(v), true)) };
    const max = this.opts.max ?? 500;
    if (this.entries.size >= max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    // a failed computation is not kept
    entry.answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.answer;
  }

  /** The assessment as JSON text (see answer). */
  async get(planId: string, year: number | undefined, locale: string, compute: (year: number | undefined) => Promise<unknown>): Promise<string> {
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
    for (const [key, e] of this.entries) if (e.regionId === c.regionId && e.year >= c.fromYear) this.entries.delete(key);
  }

  /** Forget every answer and every plan looked up. */
  private forget(): void {
    this.structure++;
    this.entries.clear();
    this.plans.clear();
  }
}
