// Applies the schema (cypher/schema/*.cypher, in file-name order): uniqueness constraints on
// `id` for every node label and the indexes the product needs. Every statement is
// `IF NOT EXISTS`, so migrating again changes nothing.
import type { Database } from './database.js';

export interface MigrateResult {
  statements: number;
  created: string[];
  constraints: number;
  indexes: number;
}

export async function migrate(
  db: Database,
  onStatement?: (done: number, total: number, name: string) => void,
): Promise<MigrateResult> {
  const before = new Set((await db.read('db/indexes', {})).map((i) => i.name));
  const migrations = db.registry.migrations();
  let done = 0;
  for (const migration of migrations) {
    await db.runSchema(migration.text);
    onStatement?.(++done, migrations.length, migration.name);
  }
  await db.write('db/await-indexes', { timeoutSeconds: 300 });
  const after = await db.read('db/indexes', {});
  const constraints = await db.read('db/constraints', {});
  return {
    statements: migrations.length,
    created: after.map((i) => i.name).filter((name) => !before.has(name)),
    constraints: constraints.length,
    indexes: after.length,
  };
}
