// express-rate-limit's counters kept in the database instead of one process's memory, so that
// several `ringwatch serve` instances behind a load balancer share one login limit (the server
// keeps no state of its own). No maintained store exists for Neo4j; this is three small queries.
import type { Options, Store } from 'express-rate-limit';
import type { Database } from '../db/database.js';

export class DatabaseRateLimitStore implements Store {
  private windowMs = 60_000;
  readonly prefix: string;

  constructor(
    private readonly db: Database,
    prefix: string,
  ) {
    this.prefix = `${prefix}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<{ totalHits: number; resetTime: Date }> {
    const now = Date.now();
    const [row] = await this.db.write('auth/rate-limit-hit', {
      key: this.prefix + key,
      now,
      resetAt: now + this.windowMs,
    });
    return { totalHits: row?.hits ?? 1, resetTime: new Date(row?.resetAt ?? now + this.windowMs) };
  }

  async decrement(key: string): Promise<void> {
    await this.db.write('auth/rate-limit-undo', { key: this.prefix + key });
  }

  async resetKey(key: string): Promise<void> {
    await this.db.write('auth/rate-limit-reset', { key: this.prefix + key });
  }
}
