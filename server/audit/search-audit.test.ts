// GET /api/audit's search in the real database: each filter, their combinations and the cursor,
// with and without a user, time windows to their edges and with records out of time order; and
// the plans of a user's search, which reads the index on (user, seq) in its order and so stops
// after a page, never sorting a user's whole history, and of a time window's bounds.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userPrefix } from '../../test/api-users.js';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { AuditRecord } from './audit-record.js';
import { AuditTrail } from './audit-trail.js';
import { searchAudit, type AuditQuery } from './search-audit.js';

describe('the audit search', () => {
  let db: Database;
  const ana = userPrefix('search-ana');
  const bo = userPrefix('search-bo');
  const tag = userPrefix('search');
  const action = (name: string) => `GET /api/${tag}/${name}`;
  const person = (i: number) => `Person:${tag}-${i}`;
  // Ten records, alternately ana's and bo's, an hour apart, appended in time order.
  const written: AuditRecord[] = [];
  const at = (i: number) => `2030-01-01T${String(i).padStart(2, '0')}:00:00.000Z`;

  beforeAll(async () => {
    db = await openTestDatabase();
    // The (user, seq) index whose plan the last test checks: on a new test database, this file
    // may run before any other has applied the schema.
    await migrate(db);
    const trail = new AuditTrail(db);
    for (let i = 0; i < 10; i++) {
      written.push(
        await trail.append({
          at: at(i),
          user: i % 2 === 0 ? ana : bo,
          role: 'investigator',
          action: action(i < 5 ? 'entities' : 'network'),
          path: null,
          entities: [person(i), person(100 + (i % 3))],
          entityCount: 2,
          purpose: null,
          status: 200,
        }),
      );
    }
  });
  afterAll(async () => {
    await db.close();
  });

  const search = (query: Partial<AuditQuery>) => searchAudit(db, { limit: 100, ...query });
  /** The indexes (0–9) of the records written above that a search found, in its order. */
  const found = async (query: Partial<AuditQuery>) =>
    (await search(query)).records.map((r) => written.findIndex((w) => w.seq === r.seq));

  it('finds one user’s records newest first, and only theirs', async () => {
    expect(await found({ user: ana })).toEqual([8, 6, 4, 2, 0]);
    expect(await found({ user: bo })).toEqual([9, 7, 5, 3, 1]);
    expect(await found({ user: userPrefix('search-nobody') })).toEqual([]);
  });

  it('filters by time, action and entity, with or without a user', async () => {
    const window = { from: at(3), to: at(7) };
    expect(await found({ user: ana, ...window })).toEqual([6, 4]);
    expect(await found({ user: bo, action: action('entities') })).toEqual([3, 1]);
    expect(await found({ user: bo, entity: person(101) })).toEqual([7, 1]);
    expect(await found({ user: ana, entity: person(3) })).toEqual([]);
    // Without a user: every user's records that match (the tag keeps out other tests').
    expect(await found({ entity: person(100) })).toEqual([9, 6, 3, 0]);
    expect(await found({ action: action('network'), ...window })).toEqual([6, 5]);
    expect(await found({ entity: person(102), from: at(5) })).toEqual([8, 5]);
  });

  it('compares times as times: a window given to the second keeps its edges', async () => {
    // As text, `04:00:00Z` sorts after `04:00:00.000Z`: the record stamped at a window's start
    // would be left out and the one at its end let in.
    const seconds = (i: number) => at(i).replace('.000Z', 'Z');
    expect(await found({ user: ana, from: seconds(4), to: seconds(8) })).toEqual([6, 4]);
    expect(await found({ from: seconds(4), to: seconds(8), entity: person(101) })).toEqual([7, 4]);
    // Finer than the trail's milliseconds: rounded up, which means the same for its records.
    const finer = { from: '2030-01-01T03:59:59.9991Z', to: '2030-01-01T08:00:00.0001Z' };
    expect(await found({ user: ana, ...finer })).toEqual([8, 6, 4]);
  });

  it('finds a record stamped before the one it follows in its window', async () => {
    // Another server's clock 90 minutes behind: its record follows one stamped later.
    const late = userPrefix('search-late');
    const trail = new AuditTrail(db);
    const entry = (time: string) => ({
      at: time,
      user: late,
      role: 'investigator',
      action: action('late'),
      path: null,
      entities: [],
      entityCount: 0,
      purpose: null,
      status: 200,
    });
    const first = await trail.append(entry('2030-01-01T12:00:00.000Z'));
    const second = await trail.append(entry('2030-01-01T10:30:00.000Z'));
    const window = { from: '2030-01-01T10:00:00.000Z', to: '2030-01-01T11:00:00.000Z' };
    const seqs = async (query: Partial<AuditQuery>) =>
      (await search(query)).records.map((r) => r.seq);
    expect(await seqs({ user: late, ...window })).toEqual([second.seq]);
    expect(await seqs({ action: action('late'), ...window })).toEqual([second.seq]);
    expect(await seqs({ action: action('late'), from: '2030-01-01T11:00:00.000Z' })).toEqual([
      first.seq,
    ]);
    expect(await seqs({ action: action('late'), to: '2030-01-01T12:00:00.000Z' })).toEqual([
      second.seq,
    ]);
  });

  it('pages with the cursor until the start of the matches', async () => {
    for (const user of [ana, undefined]) {
      const seen: number[] = [];
      let before: number | undefined;
      let ended = false;
      for (let page = 0; page < 10 && !ended; page++) {
        const answer = await search({ user, entity: person(100), limit: 1, before });
        seen.push(...answer.records.map((r) => r.seq));
        ended = answer.nextBefore === null;
        before = answer.nextBefore ?? undefined;
      }
      expect(ended).toBe(true);
      const expected = user ? [6, 0] : [9, 6, 3, 0];
      expect(seen).toEqual(expected.map((i) => written[i]?.seq));
    }
  });

  it('reads a user’s records from the (user, seq) index in its order, without sorting', async () => {
    const text = db.registry.get('audit/search-by-user').text;
    const plan = await db.driver.executeQuery(`EXPLAIN ${text}`, {
      user: ana,
      lower: neo4j.int(0),
      upper: neo4j.int(Number.MAX_SAFE_INTEGER),
      from: null,
      to: null,
      action: null,
      entity: null,
      limit: neo4j.int(10),
    });
    const operators: string[] = [];
    const walk = (step: { operatorType: string; children: unknown[] }) => {
      operators.push(step.operatorType);
      for (const child of step.children) walk(child as typeof step);
    };
    walk(plan.summary.plan as unknown as { operatorType: string; children: unknown[] });
    expect(operators.some((o) => o.startsWith('NodeIndexSeek'))).toBe(true);
    // No Sort or Top: the rows come in the index's order and the Limit stops the seek.
    expect(operators.some((o) => /Sort|Top/.test(o))).toBe(false);
    expect(JSON.stringify(plan.summary.plan)).toContain('RANGE INDEX r:AuditRecord(user, seq)');
  });

  it('finds a time window’s sequence numbers with one seek on the records’ time each', async () => {
    const plan = await db.driver.executeQuery(`EXPLAIN ${db.registry.get('audit/window').text}`, {
      windowStart: at(3),
      windowEnd: at(7),
      before: neo4j.int(Number.MAX_SAFE_INTEGER),
    });
    const steps: { type: string; details: string }[] = [];
    const walk = (step: {
      operatorType: string;
      arguments: { Details?: string };
      children: [];
    }) => {
      steps.push({ type: step.operatorType, details: step.arguments.Details ?? '' });
      for (const child of step.children) walk(child);
    };
    walk(plan.summary.plan as never);
    const seeks = steps.filter((s) => s.type.startsWith('NodeIndexSeekByRange'));
    expect(seeks.map((s) => s.details.replace(/ WHERE.*/, ''))).toEqual([
      'RANGE INDEX b:AuditRecord(at)',
      'RANGE INDEX b:AuditRecord(at)',
    ]);
    // Each seek stops at its first record in the index's order: nothing scanned, nothing sorted.
    expect(steps.filter((s) => /Scan|Sort|Top/.test(s.type))).toEqual([]);
  });
});
