import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runCypher } from '../../test/database.js';
import type { Database } from './database.js';

describe('Database (real Neo4j)', () => {
  let db: Database;
  const username = `stack-trace-${randomUUID()}`;
  beforeAll(async () => {
    db = await openTestDatabase();
    await runCypher(db, 'CREATE (:User {username: $username})', { username });
  });
  afterAll(async () => {
    await runCypher(
      db,
      'MATCH (n) WHERE (n:User OR n:Session) AND n.username = $username DETACH DELETE n',
      {
        username,
      },
    );
    await db.close();
  });

  it('a failed query keeps its message and says which query failed, and where', async () => {
    const session = { id: randomUUID(), username, now: 1, expiresAt: 2 };
    await db.write('auth/session-create', session);
    async function openedTwice() {
      await db.write('auth/session-create', session);
    }
    const limit = Error.stackTraceLimit;
    const error = (await openedTwice().catch((e: unknown) => e)) as Error & { code?: string };
    expect(Error.stackTraceLimit).toBe(limit);
    expect(error.code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    const [header, query, frame] = (error.stack ?? '').split('\n');
    expect(header).toBe(`Neo4jError: ${error.message}`);
    expect(query).toBe('    in query auth/session-create');
    expect(frame).toMatch(/^ {4}at .*database\.ts:\d+/);
  });
});
