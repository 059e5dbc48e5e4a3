// The ranked expansion's query (views/graph-expand) on its own, against the real test Neo4j, on
// a small hand-made graph under the id prefix `gx-t-`: by keys as by element ids, all or nothing,
// no details for the nodes a view already has, and relationships counted by type only for the
// nodes that could be collapsed. neighbourhood.test.ts tests the views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { RelationshipType } from './entity-types.js';

const P = 'gx-t-';

describe('graph-expand (real Neo4j)', () => {
  let db: Database;
  const run = async (cypher: string) => {
    await db.driver.executeQuery(cypher, { p: P }, { database: db.connection.database });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    // An employer, its seat and two jobs.
    await run(`
      CREATE (e1:Employer {id: $p + 'E1', risk_score: 0.9})
      CREATE (a1:Address {id: $p + 'A1'})
      CREATE (p1:Person {id: $p + 'P1', risk_score: 0.4})
      CREATE (p2:Person {id: $p + 'P2', risk_score: 0.3})
      CREATE (e1)-[:SEATED_AT]->(a1)
      CREATE (p1)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J1', start: date('2020-01-01')}]->(e1)
      CREATE (p2)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J2', start: date('2019-01-01')}]->(e1)`);
    // Another employer, seated at an address the analysis flagged as a hub; its worker had two
    // jobs with it and lives at an address (a type the expansions here do not ask for).
    await run(`
      CREATE (e2:Employer {id: $p + 'E2'})
      CREATE (a2:Address {id: $p + 'A2', f_hub: true})
      CREATE (a3:Address {id: $p + 'A3'})
      CREATE (p3:Person {id: $p + 'P3'})
      CREATE (e2)-[:SEATED_AT]->(a2)
      CREATE (p3)-[:EMPLOYED_BY {employer: e2.id, id: $p + 'J3', start: date('2021-01-01')}]->(e2)
      CREATE (p3)-[:EMPLOYED_BY {employer: e2.id, id: $p + 'J4', start: date('2023-01-01')}]->(e2)
      CREATE (p3)-[:LIVES_AT]->(a3)`);
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await db.close();
  });

  const expandParams = {
    types: ['EMPLOYED_BY', 'SEATED_AT'] as RelationshipType[],
    hideStaff: true,
    asOf: null,
    cap: 10,
    degreesAbove: 0,
  };
  const elementOf = async (label: string, id: string) => {
    const result = await db.driver.executeQuery(
      `MATCH (n:${label} {id: $id}) RETURN elementId(n) AS element`,
      { id: P + id },
      { database: db.connection.database },
    );
    return result.records[0]?.get('element') as string;
  };

  it('an expansion by keys is the expansion by element ids; none if a key misses; a big node unranked', async () => {
    const [e1, p1] = [await elementOf('Employer', 'E1'), await elementOf('Person', 'P1')];
    const byKeys = (keys: { label: 'Employer' | 'Person'; id: string }[], rankLimit: number) =>
      db.read('views/graph-expand', { ...expandParams, elements: [], keys, rankLimit, inView: [] });
    const byElements = await db.read('views/graph-expand', {
      ...expandParams,
      elements: [e1, p1],
      keys: [],
      rankLimit: null,
      inView: [],
    });
    const e1Key = { label: 'Employer' as const, id: `${P}E1` };
    const p1Key = { label: 'Person' as const, id: `${P}P1` };
    expect(byElements.map((row) => row.element)).toEqual([e1, p1]);
    expect(await byKeys([e1Key, p1Key], 100)).toEqual(byElements);
    expect(byElements.every((row) => row.ranked)).toBe(true);
    // All or nothing: a key that names no node leaves the starts to the service's other paths.
    expect(await byKeys([e1Key, { label: 'Person', id: `${P}nobody` }], 100)).toEqual([]);
    // A node with more relationships than the limit (E1 has 3) comes with its details only.
    const [bigE1, smallP1] = await byKeys([e1Key, p1Key], 2);
    expect(bigE1).toEqual({
      ...byElements[0],
      ranked: false,
      total: null,
      perType: null,
      kept: [],
    });
    expect(smallP1).toEqual(byElements[1]);
  });

  it('an expansion leaves out the details of the nodes already in the view', async () => {
    const [e1, p1] = [await elementOf('Employer', 'E1'), await elementOf('Person', 'P1')];
    const expand = async (inView: string[]) => {
      const [row] = await db.read('views/graph-expand', {
        ...expandParams,
        elements: [e1],
        keys: [],
        rankLimit: null,
        inView,
      });
      return row!;
    };
    const all = await expand([]);
    const some = await expand([e1, p1]);
    expect(all.details?.id).toBe(`${P}E1`);
    expect(some.details).toBeNull();
    expect(all.kept.map((k) => k.details?.id).sort()).toEqual([`${P}A1`, `${P}P1`, `${P}P2`]);
    expect(some.kept).toEqual(
      all.kept.map((k) => (k.neighbour === p1 ? { ...k, details: null } : k)),
    );
  });

  it('counts relationships by type only for hubs and nodes with more than degreesAbove', async () => {
    const degrees = async (employer: string, degreesAbove: number | null) => {
      const [row] = await db.read('views/graph-expand', {
        ...expandParams,
        elements: [await elementOf('Employer', employer)],
        keys: [],
        rankLimit: null,
        degreesAbove,
        inView: [],
      });
      const of = (
        details: { id: string | null; degree: number | null; maxTypeDegree: number | null } | null,
      ) => [details?.id?.slice(P.length), details?.degree, details?.maxTypeDegree];
      return [of(row!.details), ...row!.kept.map((k) => of(k.details))].sort();
    };
    // E1 has 3 relationships (2 jobs, a seat); A1, P1 and P2 one each.
    expect(await degrees('E1', 0)).toEqual([
      ['A1', 1, 1],
      ['E1', 3, 2],
      ['P1', 1, 1],
      ['P2', 1, 1],
    ]);
    expect(await degrees('E1', 2)).toEqual([
      ['A1', null, null],
      ['E1', 3, 2],
      ['P1', null, null],
      ['P2', null, null],
    ]);
    expect(await degrees('E1', 3)).toEqual([
      ['A1', null, null],
      ['E1', null, null],
      ['P1', null, null],
      ['P2', null, null],
    ]);
    // The bound is on relationships of every type, each counted (P3: two jobs with E2 and a
    // residence, 3); the counts are of the asked types (P3: 2 jobs). A hub is counted whatever
    // its size; with no degrees asked for, nothing is.
    expect(await degrees('E2', 2)).toEqual([
      ['A2', 1, 1],
      ['E2', 3, 2],
      ['P3', 2, 2],
    ]);
    expect(await degrees('E2', 3)).toEqual([
      ['A2', 1, 1],
      ['E2', null, null],
      ['P3', null, null],
    ]);
    expect(await degrees('E2', null)).toEqual([
      ['A2', null, null],
      ['E2', null, null],
      ['P3', null, null],
    ]);
  });
});
