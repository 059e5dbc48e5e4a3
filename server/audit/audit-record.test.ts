import { describe, expect, it } from 'vitest';
import { chain, GENESIS, type AuditEntry, type AuditRecord } from './audit-record.js';
import { ChainCheck } from './verify-audit.js';

const entry = (user: string, entities: string[] = []): AuditEntry => ({
  at: '2026-11-23T10:00:00.000Z',
  user,
  role: 'investigator',
  action: 'GET /api/entities/:type/:id',
  path: '/api/entities/employer/E1',
  entities,
  entityCount: entities.length,
  purpose: null,
  status: 200,
});

const start = { seq: 0, hash: GENESIS, at: null, disorder: 0 };
const five = () =>
  chain(
    start,
    ['ana', 'bo', 'cy', 'di', 'ed'].map((u) => entry(u, [`Person:${u}`])),
  ).records;

function check(records: AuditRecord[], head = records[records.length - 1]) {
  const c = new ChainCheck();
  for (const r of records) c.add({ ...r });
  return c.finish({ seq: head?.seq ?? 0, hash: head?.hash ?? null });
}

describe('the audit hash chain', () => {
  it('links each record to the one before and verifies an untouched chain', () => {
    const records = five();
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0]?.prevHash).toBe(GENESIS);
    for (let i = 1; i < records.length; i++) {
      expect(records[i]?.prevHash).toBe(records[i - 1]?.hash);
    }
    expect(check(records)).toMatchObject({ ok: true, records: 5, problems: [] });
  });

  it('finds an edited record', () => {
    const records = five();
    const edited = records.map((r) =>
      r.seq === 3 ? { ...r, entities: ['Person:someone-else'] } : r,
    );
    const result = check(edited, records[4]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { seq: 3, problem: 'record 3: content does not match its hash (edited)' },
    ]);
  });

  it('finds a removed record', () => {
    const records = five();
    const result = check(
      records.filter((r) => r.seq !== 2),
      records[4],
    );
    expect(result.problems).toEqual([
      { seq: 3, problem: 'record 3: record 2 before it is missing (removed)' },
    ]);
  });

  it('finds reordered records even when their numbers are swapped to look in order', () => {
    const records = five();
    const [r2, r3] = [records[1], records[2]] as [AuditRecord, AuditRecord];
    const swapped = [
      records[0],
      { ...r3, seq: 2 },
      { ...r2, seq: 3 },
      records[3],
      records[4],
    ] as AuditRecord[];
    const result = check(swapped, records[4]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toEqual([2, 2, 3, 3, 4]);
  });

  it('finds records cut from the end against the head', () => {
    const records = five();
    const result = check(records.slice(0, 3), records[4]);
    expect(result.problems).toEqual([
      {
        seq: 3,
        problem:
          'record 3: the trail ends here but its head is record 5 (records removed from the end, or the head edited)',
      },
    ]);
  });

  it('keeps the latest time and the most a record was stamped before one it follows', () => {
    const at = (ms: number) => ({
      ...entry('ana'),
      at: new Date(Date.UTC(2026, 10, 23, 10) + ms).toISOString(),
    });
    const inOrder = chain(start, [at(0), at(0), at(7)]);
    expect(inOrder.head).toMatchObject({ seq: 3, at: at(7).at, disorder: 0 });
    // Another server's clock 5 ms behind, then a record that waited 3 ms behind a later one.
    const { head } = chain(inOrder.head, [at(2), at(9), at(6), at(8)]);
    expect(head).toEqual({ seq: 7, hash: expect.any(String) as string, at: at(9).at, disorder: 5 });
    // Records are stored as stamped: the order of times is kept, not made.
    expect(chain(inOrder.head, [at(2)]).records[0]?.at).toBe(at(2).at);
    // A trail whose disorder is not known yet: it stays unknown, the latest time is kept.
    expect(chain({ ...inOrder.head, disorder: null }, [at(1), at(20)]).head).toMatchObject({
      at: at(20).at,
      disorder: null,
    });
    expect(() => chain(start, [{ ...entry('ana'), at: 'yesterday' }])).toThrow(/not an ISO time/);
  });

  it('names a head that understates how far the records run out of time order', () => {
    const at = (ms: number) => ({
      ...entry('ana'),
      at: new Date(Date.UTC(2026, 10, 23, 10) + ms).toISOString(),
    });
    const { records, head } = chain(start, [at(0), at(60_000), at(1_000), at(90_000)]);
    const verify = (claimed: Partial<typeof head>) => {
      const c = new ChainCheck();
      for (const r of records) c.add({ ...r });
      return c.finish({ ...head, ...claimed });
    };
    expect(head).toMatchObject({ at: at(90_000).at, disorder: 59_000 });
    expect(verify({})).toMatchObject({ ok: true, problems: [] });
    expect(verify({ disorder: 58_999 }).problems).toEqual([
      {
        seq: 4,
        problem: expect.stringContaining(
          'a record is stamped 59000 ms before one it follows, but the head says at most 58999',
        ) as string,
      },
    ]);
    expect(verify({ at: at(60_000).at }).problems[0]?.problem).toContain(
      `the latest time stamped is ${at(90_000).at}, but the head says ${at(60_000).at}`,
    );
    // A head that does not know yet (a trail begun before it kept it) is not held to it.
    expect(verify({ at: null, disorder: null })).toMatchObject({ ok: true });
  });
});
