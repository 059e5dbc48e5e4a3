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

const five = () =>
  chain(
    { seq: 0, hash: GENESIS },
    ['ana', 'bo', 'cy', 'di', 'ed'].map((u) => entry(u, [`Person:${u}`])),
  );

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
});
