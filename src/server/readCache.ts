// A short-lived cache of expensive answers (the assessment of a plan and year). Any change made through
// this server empties it at once; changes made elsewhere (the command line, another server on the same
// PostgreSQL) are seen within `ttlMs`.
import type { FastifyInstance } from 'fastify';

export class ReadCache {
  private version = 0;
  private readonly entries = new Map<string, { at: number; version: number; value: Promise<unknown> }>();
  constructor(
    private readonly ttlMs = 5000,
    private readonly max = 200,
  ) {}

  /** Forget everything: called after every request that may have changed something. */
  invalidate(): void {
    this.version++;
    this.entries.clear();
  }

  /** The cached answer for key, or compute it. The version is taken before any data is read. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const version = this.version;
    const value = compute();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at: now, version, value });
    // a failed computation is not kept
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Empty the cache after every state-changing request, whatever its outcome. */
  attach(app: FastifyInstance): void {
    app.addHook('onResponse', async (req) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') this.invalidate();
    });
    app.addHook('preHandler', async (req) => {
      // a write in flight must not let an answer computed before it survive it
      if (req.method !== 'GET' && req.method !== 'HEAD') this.invalidate();
    });
  }
}
