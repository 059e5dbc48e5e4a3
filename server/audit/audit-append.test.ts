// How a batch reaches the trail (audit-trail.ts): in one statement after the head this process
// knows, chained again after a head that moved on, exactly once when a retry runs the statement
// or the locked transaction a second time, and never mistaken for another server's identical
// batch. Other test files append at the same time, so each check is on the records this file
// wrote and their links to the records before them, never on the whole trail.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { userPrefix } from '../../test/api-users.js';
import { analystRead } from '../../test/audit-entries.js';
import { Database } from '../db/database.js';
import { GENESIS, type AuditRecord } from './audit-record.js';
import { AuditTrail } from './audit-trail.js';

/** The database with some methods replaced; each replacement is made from the real one. */
function replacing(
  db: Database,
  methods: Partial<Record<'transaction' | 'writeAutoCommit', (real: Database) => unknown>>,
): Database {
  return new Proxy(db, {
    get(target, prop) {
      const make = methods[prop as keyof typeof methods];
      if (make) return make(target);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** The database with its calls to `transaction` and `writeAutoCommit` counted. */
function counted(db: Database) {
  const calls = { transaction: 0, writeAutoCommit: 0 };
  const proxy = replacing(db, {
    transaction:
      (real) =>
      (...args: Parameters<Database['transaction']>) => {
        calls.transaction++;
        return real.transaction(...args);
      },
    writeAutoCommit:
      (real) =>
      (...args: Parameters<Database['writeAutoCommit']>) => {
        calls.writeAutoCommit++;
        return real.writeAutoCommit(...args);
      },
  });
  return { db: proxy, calls };
}

/**
 * The database with `method` run twice, the second run's answer returned: as when a failure
 * hides a commit and the write runs again (the driver's retry of a transaction, or
 * Database.writeAutoCommit's of a statement).
 */
function twice(db: Database, method: 'transaction' | 'writeAutoCommit'): Database {
  return replacing(db, {
    [method]:
      (real: Database) =>
      async (...args: unknown[]) => {
        const run = (...a: unknown[]) =>
          (Reflect.get(real, method) as (...b: unknown[]) => Promise<unknown>).apply(real, a);
        await run(...args);
        return run(...args);
      },
  });
}

describe('appending a batch to the audit trail', () => {
  let db: Database;
  let other: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    other = await Database.open(inject('neo4j')); // a second driver: another server process
  });
  afterAll(async () => {
    await other.close();
    await db.close();
  });

  /** Each record is stored as returned, after the record whose hash it carries. */
  async function expectLinked(records: AuditRecord[]): Promise<void> {
    const stored = await db.driver.executeQuery(
      `UNWIND $seqs AS seq MATCH (r:AuditRecord {seq: seq})
       RETURN toString(r.seq) AS seq, r.hash AS hash, r.user AS user`,
      { seqs: records.flatMap((r) => [r.seq, r.seq - 1]) },
    );
    const hashOf = new Map(stored.records.map((r) => [Number(r.get('seq')), r.get('hash')]));
    for (const record of records) {
      expect(hashOf.get(record.seq)).toBe(record.hash);
      expect(record.seq === 1 ? GENESIS : hashOf.get(record.seq - 1)).toBe(record.prevHash);
    }
  }

  async function countOf(user: string): Promise<number> {
    const found = await db.driver.executeQuery(
      'MATCH (r:AuditRecord {user: $user}) RETURN toString(count(r)) AS n',
      { user },
    );
    return Number(found.records[0]?.get('n'));
  }

  it('takes the lock in a transaction for its first batch, then writes one statement', async () => {
    const user = userPrefix('one-statement');
    const { db: watched, calls } = counted(db);
    const trail = new AuditTrail(watched);
    const first = await trail.append(analystRead(user, 1));
    expect(calls).toEqual({ transaction: 1, writeAutoCommit: 0 });
    const second = await trail.append(analystRead(user, 2));
    // One statement, unless other files appended in between (then a few more, or the lock).
    expect(calls.writeAutoCommit).toBeGreaterThanOrEqual(1);
    await expectLinked([first, second]);
    expect(await countOf(user)).toBe(2);
  });

  it('chains a batch again after a head another process moved', async () => {
    const user = userPrefix('moved-head');
    const { db: watched, calls } = counted(db);
    const mine = new AuditTrail(watched);
    const theirs = new AuditTrail(other);
    const records = [await mine.append(analystRead(user, 1))];
    records.push(await theirs.append(analystRead(user, 2)));
    const before = calls.writeAutoCommit;
    records.push(await mine.append(analystRead(user, 3)));
    // The first statement found the head moved and wrote nothing; another wrote the record.
    expect(calls.writeAutoCommit - before).toBeGreaterThanOrEqual(2);
    expect(records[2]?.seq).toBeGreaterThan(records[1]?.seq ?? Infinity);
    await expectLinked(records);
    expect(await countOf(user)).toBe(3);
  });

  it('writes a batch once when its statement is run again after a hidden commit', async () => {
    const user = userPrefix('hidden-commit');
    const trail = new AuditTrail(twice(db, 'writeAutoCommit'));
    await trail.append(analystRead(user, 1)); // the first batch learns the head
    const batch = await Promise.all([2, 3, 4].map((i) => trail.append(analystRead(user, i))));
    await expectLinked(batch);
    expect(await countOf(user)).toBe(4);
  });

  it('writes a batch once when its locked transaction is run again after a hidden commit', async () => {
    const user = userPrefix('hidden-locked');
    const record = await new AuditTrail(twice(db, 'transaction')).append(analystRead(user, 1)); // by the lock
    await expectLinked([record]);
    expect(await countOf(user)).toBe(1);
  });

  it('does not take an identical batch of another server for its own', async () => {
    const user = userPrefix('identical');
    const same = { ...analystRead(user, 9), at: new Date().toISOString() };
    const one = new AuditTrail(db);
    const two = new AuditTrail(other);
    await one.append(analystRead(user, 1));
    await two.append(analystRead(user, 2)); // `two` knows the head after its record
    await one.append(same); // chained after `two`'s record, where `two` will chain it too
    // Unless other files append meanwhile, `two` sends records of the same seq and hash as
    // `one`'s, finds the head moved, and must chain them again rather than count them written.
    await two.append(same);
    expect(await countOf(user)).toBe(4);
  });

  it('writes nothing when the head is not the one given, and answers the head', async () => {
    const user = userPrefix('stale');
    const [row] = await db.writeAutoCommit('audit/append-after', {
      records: [{ seq: 1, user }],
      afterSeq: 0,
      afterHash: 'not the head',
      afterAt: null,
      afterDisorder: null,
      seq: 1,
      hash: 'not written',
      at: '2026-11-23T10:00:00.000Z',
      disorder: 0,
      batch: 'stale',
      genesis: GENESIS,
    });
    expect(row).toMatchObject({ appended: 0, present: false });
    expect(row?.seq).toBeGreaterThanOrEqual(0);
    expect(await countOf(user)).toBe(0);
  });
});
