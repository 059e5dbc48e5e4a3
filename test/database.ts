// Opens the test database provided by the global setup (test/neo4j-test-env.ts).
import { inject } from 'vitest';
import { Database } from '../server/db/database.js';

export async function openTestDatabase(): Promise<Database> {
  return Database.open(inject('neo4j'));
}
