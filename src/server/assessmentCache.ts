// Materialised assessments: the answer for a plan, year and locale is kept, as the JSON sent, until a change to
// what it reads commits. The store announces such changes on its channel (migration 9: triggers on the
// figures, confirmations, revisions and the plans' structure), whoever makes them — this server, another
// server on the same PostgreSQL, or the command line; every server listens and forgets only the assessments a
// change touches: the region's plans, from the changed year on (a year's assessment reads every earlier
// year for its trend).
//
// A read first waits for a "sync" notification it sends itself: PostgreSQL delivers notifications in commit
// order, so once it arrives every change committed before the read began has been applied here. A user who
// saved (on any server) and then reloads sees the save. Reads arriving together share one sync. While the
// channel cannot be listened to, nothing is kept and every read is computed afresh.
import { randomBytes } from 'node:crypto';
import type { Db, Listener } from '../store/db.ts';
import { getPlan } from '../store/queries.ts';

interface Entry {
  regionId: number;
  year: number;
  json: Promise<string>;
}

/** How long a sync may take before everything kept is forgotten and the read goes on (a lost notification). */
const SYNC_TIMEOUT_MS = 2000;
const RECONNECT_MS = 1000;

export class AssessmentCache {
  private readonly entries = new Map<string, Entry>();
  private readonly plans = new Map<string, Promise<{ regionId: number; defaultYear: number } | undefined>>();
  /** counted up on every change of a plan's structure: a plan looked up before it is not trusted after it */
  private structure = 0;
  private channel = '';
  private listener: Listener | undefined;
  private live = false;
  private closed = false;
  private readonly id = randomBytes(6).toString('hex');
  private seq = 0;
  private readonly waiting = new Map<number, () => void>();
  private next: { promise: Promise<void>; resolve: () => void } | undefined;
  /** how many times each plan|year|locale was computed (for tests and the benchmark) */
  readonly computed = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly opts: { enabled?: boolean; max?: number } = {},
  ) {}

  /** Listen on the store's channel; until this succeeds, every read is computed. Never throws. */
  async start(): Promise<void> {
    if (this.opts.enabled === false || !this.db.listen || this.closed) return;
    try {
      if (!this.channel) this.channel = `ecociv_inputs_${(await this.db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s}`;
      const listener = await this.db.listen(this.channel, (p) => this.onMessage(p), () => this.lost());
      if (this.closed) return void (await listener.close());
      this.listener = listener;
      this.forget();
      this.live = true;
    } catch {
      this.retry();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    this.forget();
    this.releaseWaiting();
    await this.listener?.close();
    this.listener = undefined;
  }

  /** The assessment of plan and year (undefined: the plan's default year) as JSON, kept or computed by compute. */
  async get(planId: string, year: number | undefined, locale: string, compute: (year: number | undefined) => Promise<unknown>): Promise<string> {
    const fresh = async () => JSON.stringify(await compute(year));
    if (!this.live) return fresh();
    await this.sync();
    const structure = this.structure;
    const plan = await this.planOf(planId);
    // an unknown plan: the computation gives the error naming the plans there are
    if (!plan || !this.live || structure !== this.structure) return fresh();
    const y = year ?? plan.defaultYear;
    const key = `${planId}|${y}|${locale}`;
    const hit = this.entries.get(key);
    if (hit) return hit.json;
    this.computed.set(key, (this.computed.get(key) ?? 0) + 1);
    const entry: Entry = { regionId: plan.regionId, year: y, json: compute(y).then((v) => JSON.stringify(v)) };
    const max = this.opts.max ?? 500;
    if (this.entries.size >= max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    // a failed computation is not kept
    entry.json.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.json;
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

  /** Wait until every change committed before now has been applied. Calls in the same turn share one sync. */
  private sync(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      const batch = { promise: new Promise<void>((r) => (resolve = r)), resolve };
      this.next = batch;
      setImmediate(() => {
        if (this.next === batch) this.next = undefined;
        this.send(batch.resolve);
      });
    }
    return this.next.promise;
  }

  private send(done: () => void): void {
    const listener = this.listener;
    if (!this.live || !listener) return done();
    const n = ++this.seq;
    const timer = setTimeout(() => {
      if (!this.waiting.delete(n)) return;
      this.forget();
      done();
    }, SYNC_TIMEOUT_MS);
    timer.unref();
    this.waiting.set(n, () => {
      clearTimeout(timer);
      done();
    });
    listener.notify(`sync|${this.id}|${n}`).catch(() => {
      if (!this.waiting.delete(n)) return;
      clearTimeout(timer);
      this.forget();
      done();
    });
  }

  private onMessage(payload: string): void {
    const [kind, a, b] = payload.split('|');
    if (kind === 'sync') {
      if (a !== this.id) return;
      const n = Number(b);
      const w = this.waiting.get(n);
      this.waiting.delete(n);
      w?.();
      return;
    }
    const region = Number(a);
    const from = Number(b);
    if (kind !== 'r' || !Number.isInteger(region) || !Number.isInteger(from)) return this.forget();
    for (const [key, e] of this.entries) if (e.regionId === region && e.year >= from) this.entries.delete(key);
  }

  /** Forget every answer and every plan looked up. */
  private forget(): void {
    this.structure++;
    this.entries.clear();
    this.plans.clear();
  }

  private lost(): void {
    this.live = false;
    this.listener = undefined;
    this.forget();
    this.releaseWaiting();
    this.retry();
  }

  private retry(): void {
    if (this.closed) return;
    setTimeout(() => void this.start(), RECONNECT_MS).unref();
  }

  private releaseWaiting(): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w();
  }
}
