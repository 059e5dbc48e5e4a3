// Reads back, for tests, everything the graph holds about ids containing a prefix: node counts
// per label, relationship counts per type, and a canonical dump (prefix removed) to compare two
// loads property by property.
import type { Database } from '../server/db/database.js';
import { toPlain } from '../server/db/values.js';

export interface Snapshot {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  dump: string[];
}

export async function snapshot(db: Database, prefix: string): Promise<Snapshot> {
  const run = async (cypher: string) =>
    (
      await db.driver.executeQuery(cypher, { p: prefix }, { database: db.connection.database })
    ).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  const nodes = await run(
    'MATCH (n) WHERE n.id CONTAINS $p RETURN labels(n)[0] AS label, count(*) AS c',
  );
  const rels = await run(
    'MATCH (a)-[r]->(b) WHERE a.id CONTAINS $p AND b.id CONTAINS $p RETURN type(r) AS type, count(*) AS c',
  );
  const dumpNodes = await run(
    'MATCH (n) WHERE n.id CONTAINS $p RETURN labels(n) AS labels, properties(n) AS props',
  );
  const dumpRels = await run(
    'MATCH (a)-[r]->(b) WHERE a.id CONTAINS $p AND b.id CONTAINS $p RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b',
  );
  const canonical = (value: unknown) => JSON.stringify(sortKeys(value)).split(prefix).join('~');
  return {
    nodes: Object.fromEntries(nodes.map((r) => [String(r.label), Number(r.c)])),
    relationships: Object.fromEntries(rels.map((r) => [String(r.type), Number(r.c)])),
    dump: [...dumpNodes, ...dumpRels].map(canonical).sort(),
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

export async function deletePrefix(db: Database, prefix: string): Promise<void> {
  await db.driver.executeQuery(
    'MATCH (n) WHERE n.id CONTAINS $p DETACH DELETE n',
    { p: prefix },
    { database: db.connection.database },
  );
}
