// Appends to the audit trail in the database. The chain is extended inside a write transaction
// that first locks the head node, so appenders in every server process take turns and the
// chain never forks. Appends that arrive while a transaction runs are queued and written
// together in the next one (group commit): one lock round per batch instead of per request,
// which keeps the trail from being the bottleneck under concurrent requests. Each caller's
// promise settles only once its record is committed: a request is answered after its audit
// record is durable, and fails (503) if the record cannot be written.
import type { Database } from '../db/database.js';
import {
  chain,
  GENESIS,
  maxEntitiesPerRecord,
  type AuditEntry,
  type AuditRecord,
} from './audit-record.js';

interface Pending {
  entry: AuditEntry;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

const maxBatch = 500;

export class AuditTrail {
  private pending: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Database) {}

  append(entry: AuditEntry): Promise<AuditRecord> {
    const bounded = { ...entry, entities: entry.entities.slice(0, maxEntitiesPerRecord) };
    return new Promise((resolve, reject) => {
      this.pending.push({ entry: bounded, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, maxBatch);
        try {
          const records = await this.write(batch.map((p) => p.entry));
          batch.forEach((p, i) => p.resolve(records[i] as AuditRecord));
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private write(entries: AuditEntry[]): Promise<AuditRecord[]> {
    // The driver may run this function again after a transient failure: it recomputes the
    // chain from the head it reads under the lock, so a retry appends exactly once.
    return this.db.transaction('WRITE', async (run) => {
      const [head] = await run('audit/lock-head', { genesis: GENESIS });
      if (!head) throw new Error('audit: the trail head could not be read');
      const records = chain(head, entries);
      const last = records[records.length - 1];
      if (last) {
        await run('audit/append', { records, seq: last.seq, hash: last.hash });
      }
      return records;
    });
  }
}
