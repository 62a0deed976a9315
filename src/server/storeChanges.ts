// What changed in the store, as the store itself announces it (migrations 9 and 10: triggers send a notification
// on a channel of the schema when figures, the plans' structure or accounts change), whoever made the change —
// this server, another server on the same PostgreSQL, or the command line. One listening connection per server;
// the kept assessments, sessions and plan regions (assessmentCache.ts, accessCache.ts) forget what a change
// touches.
//
// `sync()` sends a notification to itself and waits for it: PostgreSQL delivers notifications in commit order, so
// once it arrives every change committed before the call has been applied. Calls in the same turn share one.
// While the channel cannot be listened to, `sync()` answers false and nothing may be kept.
import { randomBytes } from 'node:crypto';
import type { Db, Listener } from '../store/db.ts';

/** A change the store announced; 'all' when what changed is not known (a lost connection, an unknown message). */
export type StoreChange =
  /** figures of a region from a year on (a year's assessment reads every earlier year for its trend), of one framework or ('') any */
  | { kind: 'readings'; regionId: number; fromYear: number; framework: string }
  /** an account: the user, their roles or their sessions */
  | { kind: 'account'; userId: number }
  /** plans, frameworks, regions, units, … or anything else */
  | { kind: 'all' };

/** How long a sync may take before everything kept is forgotten and the request goes on (a lost notification). */
const SYNC_TIMEOUT_MS = 2000;
const RECONNECT_MS = 1000;

export class StoreChanges {
  private channel = '';
  private listener: Listener | undefined;
  private isLive = false;
  private closed = false;
  private readonly id = randomBytes(6).toString('hex');
  private seq = 0;
  private readonly waiting = new Map<number, () => void>();
  private next: { promise: Promise<boolean>; resolve: (live: boolean) => void } | undefined;
  private inFlight: Promise<void> | undefined;
  private readonly subscribers: Array<(c: StoreChange) => void> = [];

  constructor(
    private readonly db: Db,
    private readonly opts: { enabled?: boolean } = {},
  ) {}

  /** Whether changes are being heard: while false, nothing may be kept. */
  get live(): boolean {
    return this.isLive;
  }

  /** Called with every change, in commit order. */
  subscribe(fn: (c: StoreChange) => void): void {
    this.subscribers.push(fn);
  }

  /** Listen on the store's channel; until this succeeds, sync() answers false. Never throws. */
  async start(): Promise<void> {
    if (this.opts.enabled === false || !this.db.listen || this.closed || this.listener) return;
    try {
      if (!this.channel) this.channel = `ecociv_inputs_${(await this.db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s}`;
      const listener = await this.db.listen(this.channel, (p) => this.onMessage(p), () => this.lost());
      if (this.closed) return void (await listener.close());
      this.listener = listener;
      this.emit({ kind: 'all' });
      this.isLive = true;
    } catch {
      this.retry();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.isLive = false;
    this.emit({ kind: 'all' });
    this.releaseWaiting();
    await this.listener?.close();
    this.listener = undefined;
  }

  /** Wait until every change committed before now has been applied; false when changes are not being heard. */
  sync(): Promise<boolean> {
    if (!this.isLive) return Promise.resolve(false);
    if (!this.next) {
      let resolve!: (live: boolean) => void;
      const batch = { promise: new Promise<boolean>((r) => (resolve = r)), resolve };
      this.next = batch;
      const go = () => {
        if (this.next === batch) this.next = undefined;
        const sent = new Promise<void>((done) =>
          this.send((ok) => {
            batch.resolve(ok && this.isLive);
            done();
          }),
        );
        this.inFlight = sent;
        void sent.then(() => {
          if (this.inFlight === sent) this.inFlight = undefined;
        });
      };
      // one sync on the wire at a time: requests arriving meanwhile share the next one, sent when it returns
      if (this.inFlight) void this.inFlight.then(() => setImmediate(go));
      else setImmediate(go);
    }
    return this.next.promise;
  }

  private send(done: (ok: boolean) => void): void {
    const listener = this.listener;
    if (!this.isLive || !listener) return done(false);
    const n = ++this.seq;
    const fail = () => {
      if (!this.waiting.delete(n)) return;
      clearTimeout(timer);
      this.emit({ kind: 'all' });
      done(false);
    };
    const timer = setTimeout(fail, SYNC_TIMEOUT_MS);
    timer.unref();
    this.waiting.set(n, () => {
      clearTimeout(timer);
      done(true);
    });
    listener.notify(`sync|${this.id}|${n}`).catch(fail);
  }

  private onMessage(payload: string): void {
    const [kind, a, b, c] = payload.split('|');
    if (kind === 'sync') {
      if (a !== this.id) return;
      const n = Number(b);
      const w = this.waiting.get(n);
      this.waiting.delete(n);
      w?.();
      return;
    }
    const x = Number(a);
    const y = Number(b);
    if (kind === 'r' && Number.isInteger(x) && Number.isInteger(y)) return this.emit({ kind: 'readings', regionId: x, fromYear: y, framework: c ?? '' });
    if (kind === 'u' && Number.isInteger(x)) return this.emit({ kind: 'account', userId: x });
    this.emit({ kind: 'all' });
  }

  private emit(c: StoreChange): void {
    for (const s of this.subscribers) s(c);
  }

  /** The listening connection is lost: forget everything, answer waiting syncs, listen again in a while. */
  lost(): void {
    this.isLive = false;
    this.listener = undefined;
    this.emit({ kind: 'all' });
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
