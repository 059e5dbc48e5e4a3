// Live sessions remembered for a moment in this process, so a burst of requests (a page loading
// its rankings, counts and entity) does not ask the database "who is this?" once per request.
// That question costs a round trip to Neo4j — about 3 ms of CPU on the server and the database
// together, more than a cached rankings page — so at 32 clients on 2 cores it alone would
// exceed the latency targets.
//
// What this trades: a session ended elsewhere (a sign-out on another instance, an account
// disabled or its password changed by `ringwatch users`) is still honoured here for at most
// `cacheMs` after this process last checked it. A sign-out through this process takes effect at
// once. Only live sessions are kept; an unknown or ended one is asked about every time.
// `cacheMs` 0 checks every request in the database.
import type { Database } from '../db/database.js';
import type { Viewer } from './roles.js';
import { liveSession, sessionId, sessionViewer, type SessionPolicy } from './sessions.js';

export interface SessionCachePolicy extends SessionPolicy {
  /** How long a checked session is believed without asking again (ms); 0 asks every time. */
  cacheMs: number;
}

interface Entry {
  viewer: Viewer;
  /** Believed until then (never past the session's own expiry). */
  until: number;
}

/** Enough for every signed-in user of a large agency; the oldest are dropped beyond it. */
const maxEntries = 20_000;

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Lookups under way, one per session: a burst after expiry asks the database once. */
  private readonly lookups = new Map<string, Promise<Viewer | null>>();
  /** When (in `epoch`s) each session was last forgotten; cleared when no lookup runs. */
  private readonly forgotten = new Map<string, number>();
  private epoch = 0;
  private running = 0;

  constructor(
    private readonly db: Database,
    private readonly policy: SessionCachePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user of a live session, or null (unknown, expired, idle, or the account disabled). */
  async viewer(token: string): Promise<Viewer | null> {
    if (this.policy.cacheMs <= 0) return sessionViewer(this.db, token, this.policy);
    const id = sessionId(token);
    const known = this.entries.get(id);
    if (known && this.now() < known.until) return known.viewer;
    this.entries.delete(id);
    let lookup = this.lookups.get(id);
    if (!lookup) {
      lookup = this.lookUp(id, token).finally(() => {
        if (this.lookups.get(id) === lookup) this.lookups.delete(id);
      });
      this.lookups.set(id, lookup);
    }
    return lookup;
  }

  /**
   * Forgets a session signed out through this process; call it once the session is deleted
   * in the database. A lookup that started before is answered but not kept.
   */
  forget(token: string): void {
    const id = sessionId(token);
    this.entries.delete(id);
    this.lookups.delete(id);
    if (this.running > 0) this.forgotten.set(id, ++this.epoch);
  }

  private async lookUp(id: string, token: string): Promise<Viewer | null> {
    const startedIn = this.epoch;
    const checkedAt = this.now();
    this.running++;
    try {
      const live = await liveSession(this.db, token, this.policy);
      if (live && (this.forgotten.get(id) ?? -1) <= startedIn) {
        const until = Math.min(checkedAt + this.policy.cacheMs, live.expiresAt);
        this.entries.set(id, { viewer: live.viewer, until });
        if (this.entries.size > maxEntries) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
      }
      return live?.viewer ?? null;
    } finally {
      if (--this.running === 0) this.forgotten.clear();
    }
  }
}
