// The test database through a Cypher registry that differs from the project's: a copy of
// cypher/ with some files written anew (a later schema step, a broken query). Only the registry
// differs: other test files use the same graph meanwhile.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { CypherRegistry } from '../server/db/cypher-registry.js';
import type { Connection, DriverProfile } from '../server/db/connection.js';
import { Database } from '../server/db/database.js';
import { cypherDir } from '../server/paths.js';

/**
 * `files`: the text of each file to write, by its path under cypher/. `open`: the driver's
 * profile (batch unless given) and settings of the connection that differ from the test's.
 */
export async function withEditedCypher<T>(
  files: Record<string, string>,
  work: (db: Database) => Promise<T>,
  open: { profile?: DriverProfile; connection?: Partial<Connection> } = {},
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-cypher-'));
  try {
    await cp(cypherDir, dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
    const db = await Database.open(
      { ...inject('neo4j'), ...open.connection },
      await CypherRegistry.load(dir),
      open.profile,
    );
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
