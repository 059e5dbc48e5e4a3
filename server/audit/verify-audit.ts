// `ringwatch audit verify`: walks the trail in sequence order and recomputes the chain. An
// edited record no longer matches its hash; a removed one leaves a gap in the sequence or a
// broken link; reordered records break the links; records cut from the end no longer reach the
// head. Keep the head it prints somewhere else (a ticket, a signed mail): a trail cut back and
// its head rewritten to match can only be caught against a head kept outside the database.
import type { Database } from '../db/database.js';
import { GENESIS, recordHash, StoredAuditRecordSchema } from './audit-record.js';

export interface AuditProblem {
  seq: number;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  head: { seq: number; hash: string | null };
  problems: AuditProblem[];
}

const pageSize = 5_000;
const maxProblems = 50;

/** Checks stored records (in sequence order, page by page) against each other and the head. */
export class ChainCheck {
  readonly problems: AuditProblem[] = [];
  records = 0;
  lastSeq = 0;
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
    this.lastSeq = record.seq;
    this.lastHash = hash;
    this.records++;
  }

  finish(head: { seq: number; hash: string | null }): AuditVerification {
    if (head.seq !== this.lastSeq || (head.seq > 0 && head.hash !== this.lastHash)) {
      this.report(
        this.lastSeq,
        `the trail ends here but its head is record ${head.seq} (records removed from the end, or the head edited)`,
      );
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
  const head = { seq: row?.seq ?? 0, hash: row?.hash ?? null };
  const check = new ChainCheck();
  let after = 0;
  for (;;) {
    const page = await db.read('audit/page', { after, limit: pageSize });
    const mine = page.filter(
      ({ record }) => typeof record.seq !== 'number' || record.seq <= head.seq,
    );
    for (const { record } of mine) check.add(record);
    const last = page[page.length - 1]?.record.seq;
    if (page.length < pageSize || mine.length < page.length || typeof last !== 'number') break;
    after = last;
  }
  return check.finish(head);
}
