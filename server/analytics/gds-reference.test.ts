// The GDS engine's algorithms against the public reference graphs (../shared/reference), with
// the queries and settings gds-engine.ts uses: the graph is projected from parameters (node
// numbers, no data in the database), so the shared test database is not touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { readGml, referenceFor } from '../../test/reference-graphs.js';
import type { Database } from '../db/database.js';
import { gdsLeidenDefaults, gdsLouvainDefaults, gdsPagerankSettings } from './gds-engine.js';

const graphName = `ringwatch-reference-${process.pid}`;

let db: Database;
let keys: string[];

async function run(cypher: string, params: Record<string, unknown> = {}) {
  const result = await db.driver.executeQuery(cypher, params, {
    database: db.connection.database,
  });
  return result.records.map((r) => r.toObject());
}

async function nodeValues(property: string): Promise<Map<string, number>> {
  const rows = await run(
    'CALL gds.graph.nodeProperty.stream($graph, $property) YIELD nodeId, propertyValue RETURN nodeId, propertyValue',
    { graph: graphName, property },
  );
  return new Map(rows.map((r) => [keys[Number(r.nodeId)]!, Number(r.propertyValue)]));
}

describe('GDS algorithms on reference graphs (real Neo4j)', () => {
  beforeAll(async () => {
    db = await openTestDatabase();
    const graph = readGml('karate');
    keys = graph.nodes();
    const index = new Map(keys.map((k, i) => [k, i]));
    const edges = graph.mapEdges((_e, _a, s, t) => [index.get(s)!, index.get(t)!]);
    await run('CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName', {
      graph: graphName,
    });
    // The engine's shape: one undirected relationship type per algorithm, property `weight`.
    await run(
      `UNWIND $edges AS e
       UNWIND ['LOUVAIN', 'PAGERANK'] AS type
       WITH gds.graph.project($graph, toInteger(e[0]), toInteger(e[1]), {relationshipType: type, relationshipProperties: {weight: 1.0}}, {undirectedRelationshipTypes: ['*']}) AS g
       RETURN g.nodeCount AS nodes`,
      { graph: graphName, edges },
    );
  });

  afterAll(async () => {
    await run('CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName', {
      graph: graphName,
    });
    await db.close();
  });

  it('Leiden, as the engine runs it, reaches modularity ≥ 0.41 on karate (best known 0.41979)', async () => {
    for (const randomSeed of [1, 2, 3, 42]) {
      const [row] = await db.read('analytics/gds/leiden', {
        graph: graphName,
        type: 'LOUVAIN',
        property: `leiden${randomSeed}`,
        randomSeed,
        ...gdsLeidenDefaults,
      });
      expect(row!.modularity, `seed ${randomSeed}`).toBeGreaterThanOrEqual(0.41);
      expect(row!.modularity).toBeLessThanOrEqual(0.41979 + 1e-6);
    }
  });

  it('GDS Louvain (the benchmark peer) reaches modularity ≥ 0.41 on karate', async () => {
    const [row] = await db.read('analytics/gds/louvain', {
      graph: graphName,
      type: 'LOUVAIN',
      property: 'louvain',
      ...gdsLouvainDefaults,
    });
    expect(row!.modularity).toBeGreaterThanOrEqual(0.41);
  });

  it('PageRank, normalised as the engine does, matches networkx (alpha 0.85) within 1e-6', async () => {
    const [row] = await db.read('analytics/gds/pagerank', {
      graph: graphName,
      type: 'PAGERANK',
      property: 'pagerank',
      ...gdsPagerankSettings(keys.length),
    });
    expect(row!.converged).toBe(true);
    const scores = await nodeValues('pagerank');
    const sum = [...scores.values()].reduce((a, b) => a + b, 0);
    const expected = referenceFor('karate')['pagerank_alpha0.85']!;
    expect(scores.size).toBe(Object.keys(expected).length);
    for (const [node, value] of Object.entries(expected)) {
      expect(Math.abs(scores.get(node)! / sum - value), `node ${node}`).toBeLessThanOrEqual(1e-6);
    }
  });
});
