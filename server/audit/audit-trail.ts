// Appends to the audit trail in the database. The chain is extended inside a write transaction
// that first locks the head node, so appenders in every server process take turns and the
// chain never forks. Appends that arrive while a transaction runs are queued and written
// together in the next one (group commit): one lock round per batch instead of per request,
// which keeps the trail from being the bottleneck under concurrent requests. Each caller's
// promise settles only once its record is committed: a request is answered after its audit
// record is durable, and fails (503; 504 when the database stopped the write at the API's time
// limit for a query) if the record cannot be written.
//
// Once this process knows the head (from its first batch, which takes the lock in a
// transaction), a batch goes out in one statement: chained after the head as last seen, and
// appended only if the head is still that one when locked (cypher/audit/append-after.cypher).
// If another process appended meanwhile, the statement writes nothing and brings back the head,
// and the batch is chained again after it; after three such misses, the batch takes the lock in
// a transaction. One round trip instead of three (lock-head, append, commit): under load each
// round trip waited its turn for the cores, and a batch took 28 ms where it now takes about 14.
//
// Every record carries its batch's id (outside the hash), so a batch whose commit a failure hid
// is found when its write is run again, and not appended twice; an identical batch from
// another server (the same entries in the same millisecond after the same head) is not
// mistaken for it. A batch whose every attempt failed fails (503 or 504), even if one committed.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import {
  chain,
  GENESIS,
  maxEntitiesPerRecord,
  type AuditEntry,
  type AuditRecord,
  type ChainHead,
} from './audit-record.js';

interface Pending {
  entry: AuditEntry;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

const maxBatch = 500;
/** Single-statement tries before a batch takes the lock in a transaction of its own. */
const maxTries = 3;

export class AuditTrail {
  private pending: Pending[] = [];
  private draining = false;
  /** The head as this process last saw it (null until the first batch). */
  private head: ChainHead | null = null;

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

  private async write(entries: AuditEntry[]): Promise<AuditRecord[]> {
    const batch = randomUUID();
    for (let tries = 0; this.head && tries < maxTries; tries++) {
      const chained = chain(this.head, entries);
      const [row] = await this.db.writeAutoCommit('audit/append-after', {
        ...appendParams(this.head, chained),
        batch,
        genesis: GENESIS,
      });
      if (!row) throw new Error('audit: the trail head could not be read');
      // Present without being appended now: the statement was run again after a failure that
      // hid its commit (Database.writeAutoCommit retries), and found its own batch.
      if (row.present) {
        this.head = chained.head;
        return chained.records;
      }
      this.head = headOf(row);
    }
    const chained = await this.writeLocked(entries, batch);
    this.head = chained.head;
    return chained.records;
  }

  private writeLocked(entries: AuditEntry[], batch: string): Promise<Chained> {
    // The driver runs this function again after a transient failure, a failed COMMIT included:
    // the records of the attempt before are kept if the lock finds them committed, else the
    // chain is made again from the head read under the lock. Either way, appended once.
    let tried: Chained | null = null;
    return this.db.transaction('WRITE', async (run) => {
      const [locked] = await run('audit/lock-head', {
        genesis: GENESIS,
        batch,
        triedSeq: tried ? tried.head.seq : -1,
      });
      if (!locked) throw new Error('audit: the trail head could not be read');
      if (tried && locked.present) return tried;
      const head = headOf(locked);
      const chained = chain(head, entries);
      tried = chained;
      // The statement of the single-statement path, after the head this lock holds.
      const [row] = await run('audit/append-after', {
        ...appendParams(head, chained),
        batch,
        genesis: GENESIS,
      });
      if (!row?.present) throw new Error('audit: the locked head moved');
      return chained;
    });
  }
}

type Chained = ReturnType<typeof chain>;

/** The head as a query answers it. */
const headOf = (row: ChainHead): ChainHead => ({
  seq: row.seq,
  hash: row.hash,
  at: row.at,
  disorder: row.disorder,
});

/** Appends `chained` after `head`: the head it expects and the head it leaves. */
function appendParams(head: ChainHead, chained: Chained) {
  return {
    records: chained.records,
    afterSeq: head.seq,
    afterHash: head.hash,
    afterAt: head.at,
    afterDisorder: head.disorder,
    seq: chained.head.seq,
    hash: chained.head.hash,
    at: chained.head.at,
    disorder: chained.head.disorder,
  };
}
