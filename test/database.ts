// Opens the test database provided by the global setup (test/neo4j-test-env.ts).
import { inject } from 'vitest';
import { Database } from '../server/db/database.js';

export async function openTestDatabase(): Promise<Database> {
  return Database.open(inject('neo4j'));
}

/** Runs one Cypher statement in a transaction of its own and returns its records. */
export async function runCypher(
  db: Database,
  cypher: string,
  params: Record<string, unknown> = {},
) {
  const result = await db.driver.executeQuery(cypher, params, {
    database: db.connection.database,
  });
  return result.records;
}
