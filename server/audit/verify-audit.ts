// `ringwatch audit verify`: walks the trail in sequence order and recomputes the chain. An
// edited record no longer matches its hash; a removed one leaves a gap in the sequence or a
// broken link; reordered records break the links; records cut from the end no longer reach the
// head. Keep the head it prints somewhere else (a ticket, a signed mail): a trail cut back and
// its head rewritten to match can only be caught against a head kept outside the database.
// It also checks that no record is stamped further before one it follows than the head says
// (`disorder`, which the audit search widens its time windows by: audit-record.ts, ChainHead),
// and `measureTrailOrder` measures that for a trail begun before the head kept it.
import type { Database } from '../db/database.js';
import { GENESIS, recordHash, StoredAuditRecordSchema, TimeOrder } from './audit-record.js';

export interface AuditProblem {
  seq: number;
  problem: string;
}

export interface TrailHead {
  seq: number;
  hash: string | null;
  /** The latest time stamped, and the most a record was stamped before one it follows (ms). */
  at?: string | null;
  disorder?: number | null;
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  head: TrailHead;
  problems: AuditProblem[];
}

const pageSize = 5_000;
const maxProblems = 50;

/** Checks stored records (in sequence order, page by page) against each other and the head. */
export class ChainCheck {
  readonly problems: AuditProblem[] = [];
  records = 0;
  lastSeq = 0;
  /** How the records' times run, as the head should say. */
  readonly order = new TimeOrder(null, 0);
  private lastHash = GENESIS;

  add(stored: Record<string, unknown>): void {
    const parsed = StoredAuditRecordSchema.safeParse(stored);
    if (!parsed.success) {
      const seq = typeof stored.seq === 'number' ? stored.seq : this.lastSeq + 1;
      this.report(seq, `malformed (${parsed.error.issues[0]?.message ?? 'bad fields'}), so edited`);
      this.lastSeq = seq;
      this.lastHash = typeof stored.hash === 'string' ? stored.hash : '';
      return;
    }
    const record = parsed.data;
    if (record.seq !== this.lastSeq + 1) {
      const from = this.lastSeq + 1;
      const to = record.seq - 1;
      this.report(
        record.seq,
        from === to
          ? `record ${from} before it is missing (removed)`
          : `records ${from}–${to} before it are missing (removed)`,
      );
    } else if (record.prevHash !== this.lastHash) {
      this.report(
        record.seq,
        'does not link to the record before it (reordered, replaced or inserted)',
      );
    }
    const { hash, ...rest } = record;
    if (recordHash(rest) !== hash)
      this.report(record.seq, 'content does not match its hash (edited)');
    this.order.add(record.at);
    this.lastSeq = record.seq;
    this.lastHash = hash;
    this.records++;
  }

  finish(head: TrailHead): AuditVerification {
    if (head.seq !== this.lastSeq || (head.seq > 0 && head.hash !== this.lastHash)) {
      this.report(
        this.lastSeq,
        `the trail ends here but its head is record ${head.seq} (records removed from the end, or the head edited)`,
      );
    }
    // A head that knows how the trail's times run must know it right, or the search could miss
    // records of a time window (a head edited, or records appended by an earlier version).
    const { latest, disorder } = this.order;
    if (head.disorder !== undefined && head.disorder !== null && this.records > 0) {
      if (disorder !== null && disorder > head.disorder) {
        this.report(
          this.lastSeq,
          `a record is stamped ${disorder} ms before one it follows, but the head says at most ${head.disorder} (the head edited, or records written by an earlier version; \`ringwatch db migrate\` measures it again)`,
        );
      }
      if (head.at !== latest) {
        this.report(
          this.lastSeq,
          `the latest time stamped is ${latest ?? 'none'}, but the head says ${head.at ?? 'none'} (the head edited)`,
        );
      }
    }
    return { ok: this.problems.length === 0, records: this.records, head, problems: this.problems };
  }

  private report(seq: number, problem: string): void {
    if (this.problems.length < maxProblems)
      this.problems.push({ seq, problem: `record ${seq}: ${problem}` });
  }
}

export async function verifyAudit(db: Database): Promise<AuditVerification> {
  // The head is read first: records appended while the walk runs are beyond it and left for
  // the next verification.
  const [row] = await db.read('audit/head', {});
  const head = {
    seq: row?.seq ?? 0,
    hash: row?.hash ?? null,
    at: row?.at ?? null,
    disorder: row?.disorder ?? null,
  };
  return (await walk(db, head.seq)).finish(head);
}

export type TrailOrder =
  { measured: true; records: number; disorder: number } | { measured: false; why: string };

/**
 * For a trail begun before its head kept how its times run: walks it and records on the head
 * the latest time stamped and the most a record was stamped before one it follows, so that the
 * audit search seeks time windows (until then it reads them back from the cursor). Nothing to
 * do on a trail begun since. The walk reads and checks every record once, as `audit verify`
 * does (8 minutes for 14.5 million); a record appended meanwhile leaves the head unchanged, to
 * be measured again.
 */
export async function measureTrailOrder(db: Database): Promise<TrailOrder> {
  const [row] = await db.read('audit/head', {});
  if (!row || row.seq === 0) return { measured: false, why: 'the trail is empty' };
  if (row.disorder !== null) return { measured: false, why: 'already known' };
  const check = await walk(db, row.seq);
  const disorder = check.order.disorder ?? 0;
  const [set] = await db.write('audit/set-order', {
    seq: row.seq,
    at: check.order.latest,
    disorder,
  });
  return set?.set
    ? { measured: true, records: check.records, disorder }
    : { measured: false, why: 'records were appended while it was measured; measure again' };
}

/** Every record up to `seq`, in sequence order, page by page. */
async function walk(db: Database, seq: number): Promise<ChainCheck> {
  const check = new ChainCheck();
  let after = 0;
  for (;;) {
    const page = await db.read('audit/page', { after, limit: pageSize });
    const mine = page.filter(({ record }) => typeof record.seq !== 'number' || record.seq <= seq);
    for (const { record } of mine) check.add(record);
    const last = page[page.length - 1]?.record.seq;
    if (page.length < pageSize || mine.length < page.length || typeof last !== 'number') break;
    after = last;
  }
  return check;
}
