// Sessions and plan regions kept between requests, so that checking who asks and whether they may costs no query.
// A session is kept until its account changes — the user, their roles or their sessions (migration 10 announces
// every such change: signing out, an administrator disabling the account or changing its roles, on any server or
// from the command line) — or it expires; a plan's region and the regions above it until the structure changes.
// Every request syncs with the store's channel first (storeChanges.ts), so a revoked session or a changed role
// takes effect from the next request on every server. While the channel is not heard, everything is looked up.
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { regionChain, sessionOf, type Session } from '../store/users.ts';
import type { StoreChanges } from './storeChanges.ts';

const MAX_SESSIONS = 20_000;

interface KeptSession {
  session: Session;
  expiresAt: number;
}

export class AccessCache {
  private readonly sessions = new Map<string, KeptSession>();
  private readonly planRegions = new Map<string, Promise<number | undefined>>();
  private readonly chains = new Map<number, Promise<number[]>>();
  /** counted up on every change to accounts: a session looked up before one is not kept after it */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly changes: StoreChanges,
  ) {
    changes.subscribe((c) => {
      if (c.kind === 'readings') return;
      this.generation++;
      if (c.kind === 'account') {
        for (const [k, s] of this.sessions) if (s.session.user.id === c.userId) this.sessions.delete(k);
        return;
      }
      this.sessions.clear();
      this.planRegions.clear();
      this.chains.clear();
    });
  }

  /** The session of a token, if it is valid. The request has synced (`live`: the channel is heard). */
  async session(token: string, live: boolean): Promise<Session | undefined> {
    if (!live) return sessionOf(this.db, token);
    const key = createHash('sha256').update(token).digest('base64url');
    const kept = this.sessions.get(key);
    if (kept && kept.expiresAt > Date.now()) return kept.session;
    if (kept) this.sessions.delete(key);
    const generation = this.generation;
    const s = await sessionOf(this.db, token);
    // an unknown or ended session is not kept: a token is signed in only by the store
    if (s && generation === this.generation && this.changes.live) {
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      this.sessions.set(key, { session: s, expiresAt: new Date(s.expiresAt).getTime() });
    }
    return s;
  }

  /** The region of a plan (undefined: no such plan). */
  planRegion(planId: string, live: boolean): Promise<number | undefined> {
    const look = () => this.db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [planId]).then((r) => r.rows[0]?.region_id);
    return live ? this.kept(this.planRegions, planId, look, (v) => v !== undefined) : look();
  }

  /** A region and the regions above it, nearest first. */
  regionChain(regionId: number, live: boolean): Promise<number[]> {
    const look = () => regionChain(this.db, regionId);
    return live ? this.kept(this.chains, regionId, look, (v) => v.length > 0) : look();
  }

  private kept<K, V>(map: Map<K, Promise<V>>, key: K, look: () => Promise<V>, keep: (v: V) => boolean): Promise<V> {
    const hit = map.get(key);
    if (hit) return hit;
    const p = look();
    map.set(key, p);
    const drop = () => {
      if (map.get(key) === p) map.delete(key);
    };
    // a change of structure empties the map (a lookup under way is not kept then); an unknown plan is looked up again
    p.then((v) => {
      if (!keep(v)) drop();
    }, drop);
    return p;
  }
}
