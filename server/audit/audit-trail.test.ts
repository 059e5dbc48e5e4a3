// The audit trail in the real database: two server instances appending at once keep one valid
// chain, and `audit verify` (the function and the command) names records edited, removed or
// reordered in the database. The only test file that tampers with the trail: it restores
// every record it touches, and no other test verifies the whole trail.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addTestUsers, signIn, userPrefix, type TestUser } from '../../test/api-users.js';
import { analystRead } from '../../test/audit-entries.js';
import { testDatabaseEnv } from '../../test/cli-env.js';
import { openTestDatabase } from '../../test/database.js';
import { createApp } from '../api/app.js';
import { Database } from '../db/database.js';
import { projectRoot } from '../paths.js';
import { AuditTrail } from './audit-trail.js';
import { verifyAudit } from './verify-audit.js';

const logger = pino({ level: 'silent' });

describe('the audit trail in the database', () => {
  let db: Database;
  let other: Database;
  let users: Record<string, TestUser>;

  beforeAll(async () => {
    db = await openTestDatabase();
    other = await Database.open(inject('neo4j')); // a second driver: another server process
    users = await addTestUsers(db, userPrefix('trail'));
  });
  afterAll(async () => {
    await other.close();
    await db.close();
  });

  it('keeps one chain when two appenders write concurrently', async () => {
    const user = userPrefix('concurrent');
    const trails = [new AuditTrail(db), new AuditTrail(other)];
    const appended = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        (trails[i % 2] as AuditTrail).append(analystRead(user, i)),
      ),
    );
    const seqs = appended.map((r) => r.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(120);
    const verification = await verifyAudit(db);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
  });

  it('shares sessions and the chain between two server instances under concurrent requests', async () => {
    const one = createApp({ db, logger, version: 'test' });
    const two = createApp({ db: other, logger, version: 'test' });
    const supervisor = users.supervisor as TestUser;
    const cookie = await signIn(one, supervisor);
    // The session opened on one instance is good on the other.
    const me = await request(two).get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    const purpose = `concurrency check ${userPrefix('p')}`;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(i % 2 ? one : two)
          .get('/api/audit?limit=1')
          .set('Cookie', cookie)
          .set('X-Purpose', purpose),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    const verification = await verifyAudit(db);
    expect(verification.problems).toEqual([]);
    // Each request left one record with the stated purpose.
    const mine = await db.driver.executeQuery(
      'MATCH (r:AuditRecord {purpose: $purpose}) RETURN toString(count(r)) AS n',
      { purpose },
    );
    expect(mine.records[0]?.get('n')).toBe('40');
  });

  it('names records edited, removed or reordered in the database, and the command fails', async () => {
    const user = userPrefix('tamper');
    const trail = new AuditTrail(db);
    const records = [];
    for (const i of [1, 2, 3]) {
      records.push(
        await trail.append({
          at: new Date().toISOString(),
          user,
          role: 'investigator',
          action: 'GET /api/entities/:type/:id',
          path: `/api/entities/person/P${i}`,
          entities: [`Person:P${i}`],
          entityCount: 1,
          purpose: null,
          status: 200,
        }),
      );
    }
    const [a, b] = records.map((r) => r.seq) as [number, number, number];
    const cypher = (query: string, params: Record<string, unknown> = {}) =>
      db.driver.executeQuery(query, params);

    // Edited: who was looked at is changed.
    await cypher('MATCH (r:AuditRecord {seq: $seq}) SET r.entities = ["Person:nobody"]', {
      seq: b,
    });
    let result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({
      seq: b,
      problem: `record ${b}: content does not match its hash (edited)`,
    });
    const command = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'bin', 'ringwatch.js'), 'audit', 'verify'],
      {
        env: testDatabaseEnv(),
        encoding: 'utf8',
      },
    );
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`record ${b}: content does not match its hash (edited)`);
    await cypher('MATCH (r:AuditRecord {seq: $seq}) SET r.entities = ["Person:P2"]', { seq: b });
    expect((await verifyAudit(db)).ok).toBe(true);

    // Removed: the record disappears.
    const saved = await cypher('MATCH (r:AuditRecord {seq: $seq}) RETURN properties(r) AS p', {
      seq: b,
    });
    const props: unknown = saved.records[0]?.get('p');
    await cypher('MATCH (r:AuditRecord {seq: $seq}) DELETE r', { seq: b });
    result = await verifyAudit(db);
    expect(result.problems).toContainEqual({
      seq: b + 1,
      problem: `record ${b + 1}: record ${b} before it is missing (removed)`,
    });
    await cypher('CREATE (r:AuditRecord) SET r = $p', { p: props });
    expect((await verifyAudit(db)).ok).toBe(true);

    // Reordered: two records swap places (their numbers swapped).
    await cypher(
      `MATCH (x:AuditRecord {seq: $a}), (y:AuditRecord {seq: $b})
       SET x.seq = -1 WITH x, y SET y.seq = $a WITH x SET x.seq = $b`,
      { a, b },
    );
    result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toContain(a);
    await cypher(
      `MATCH (x:AuditRecord {seq: $b}), (y:AuditRecord {seq: $a})
       SET x.seq = -1 WITH x, y SET y.seq = $b WITH x SET x.seq = $a`,
      { a, b },
    );
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
