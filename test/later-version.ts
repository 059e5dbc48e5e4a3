// The test database as a later version of ringwatch sees it: the same graph, with one schema
// step more in the Cypher registry (`99-a-later-step`) than the graph has had. Only the registry
// differs: other test files migrate the same graph meanwhile.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { CypherRegistry } from '../server/db/cypher-registry.js';
import { Database } from '../server/db/database.js';
import { cypherDir } from '../server/paths.js';

export const laterStep = '99-a-later-step';

export async function withLaterVersion<T>(work: (later: Database) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-cypher-'));
  try {
    await cp(cypherDir, dir, { recursive: true });
    await writeFile(
      path.join(dir, 'schema', `${laterStep}.cypher`),
      '// params: none\nCREATE INDEX later_step IF NOT EXISTS FOR (n:Person) ON (n.later)\n',
    );
    const later = await Database.open(inject('neo4j'), await CypherRegistry.load(dir));
    try {
      return await work(later);
    } finally {
      await later.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
