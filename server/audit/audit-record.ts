// One record of the audit trail and how it is hashed. Each record carries the hash of the one
// before it (a hash chain, as in RFC 6962's append-only logs without the tree): editing,
// removing or reordering any record breaks the chain from there on, which `audit verify` finds.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The `prevHash` of record 1. */
export const GENESIS = '0'.repeat(64);

/** What a caller appends: who did what to which entities, and why. */
export const AuditEntrySchema = z.object({
  /** ISO time of the request. */
  at: z.iso.datetime(),
  /** The user name; `cli:<name>` for console commands; the name tried for a failed login. */
  user: z.string(),
  role: z.string().nullable(),
  /** The route pattern (`GET /api/entities/:type/:id`) or a console action (`users add`). */
  action: z.string(),
  /** The path and query as called (for routes); null for console actions. */
  path: z.string().nullable(),
  /** Keys (`Employer:E1`) of the entities read or changed. */
  entities: z.array(z.string()),
  /** Entities read in all; `entities` holds at most the first 200 of them. */
  entityCount: z.number().int().nonnegative(),
  /** The purpose the user stated (header X-Purpose), if any. */
  purpose: z.string().nullable(),
  /** The HTTP status of the answer, or 0 for console actions. */
  status: z.number().int(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditRecordSchema = AuditEntrySchema.extend({
  seq: z.number().int().positive(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** A record as read back: Neo4j does not store nulls, so absent fields are null again. */
export const StoredAuditRecordSchema = AuditRecordSchema.extend({
  role: z.string().nullable().default(null),
  path: z.string().nullable().default(null),
  purpose: z.string().nullable().default(null),
  entities: z.array(z.string()).default([]),
});

export const maxEntitiesPerRecord = 200;

/** SHA-256 over the previous hash and every field in a fixed order. */
export function recordHash(record: Omit<AuditRecord, 'hash'>): string {
  const fields = [
    record.seq,
    record.at,
    record.user,
    record.role,
    record.action,
    record.path,
    record.entities,
    record.entityCount,
    record.purpose,
    record.status,
    record.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Where a chain continues: the last record's number and hash, and how the trail's times run:
 * the latest time stamped so far (`at`, null before the first record) and the most any record
 * was stamped before one it follows, in milliseconds (`disorder`; null when not known: a trail
 * begun before it was kept, until `ringwatch db migrate` measures it). Records are stamped by
 * the servers that write them, so a server whose clock is behind another's, or a record that
 * waited for its batch behind a later one, comes out of time order; the audit search widens a
 * time window by `disorder` and then seeks the window's records by sequence number
 * (search-audit.ts), which is exact however large it is.
 */
export interface ChainHead {
  seq: number;
  hash: string;
  at: string | null;
  disorder: number | null;
}

/**
 * How a trail's times run, record by record: the latest time stamped so far and the most a
 * record was stamped before one it follows (ms; null stays null: not known). `chain` keeps it
 * for the head as it chains, `audit verify` works it out again from the records.
 */
export class TimeOrder {
  private latestTime: number;

  constructor(
    public latest: string | null,
    public disorder: number | null,
  ) {
    this.latestTime = latest === null ? -Infinity : Date.parse(latest);
  }

  /** The next record's time. */
  add(at: string): void {
    const time = Date.parse(at);
    if (time > this.latestTime) {
      this.latestTime = time;
      this.latest = at;
    } else if (this.disorder !== null) {
      this.disorder = Math.max(this.disorder, this.latestTime - time);
    }
  }
}

/** Chains entries after a head: seq and prevHash filled in, each record hashed. */
export function chain(
  head: ChainHead,
  entries: AuditEntry[],
): { records: AuditRecord[]; head: ChainHead } {
  const records: AuditRecord[] = [];
  let { seq, hash } = head;
  const order = new TimeOrder(head.at, head.disorder);
  for (const entry of entries) {
    if (Number.isNaN(Date.parse(entry.at)))
      throw new Error(`audit: ${entry.at} is not an ISO time`);
    order.add(entry.at);
    const unhashed = { ...entry, seq: ++seq, prevHash: hash };
    hash = recordHash(unhashed);
    records.push({ ...unhashed, hash });
  }
  return { records, head: { seq, hash, at: order.latest, disorder: order.disorder } };
}
