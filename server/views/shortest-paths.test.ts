// shortestPaths() against the real test Neo4j, on a hand-made graph under the id prefix
// `spt-t-`: exact paths, the types filter, maxLength, no path, hubs avoided or marked, as-of,
// staff masking and the errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { staffNote } from './resolve-keys.js';
import { shortestPaths, ShortestPathsOutputSchema } from './shortest-paths.js';

const P = 'spt-t-';
const investigator: Viewer = { username: 'ines', role: 'investigator' };
const internalFraud: Viewer = { username: 'ivo', role: 'internal_fraud' };

const person = (id: string) => `Person:${P}${id}`;
const employer = (id: string) => `Employer:${P}${id}`;
const address = (id: string) => `Address:${P}${id}`;
const account = (id: string) => `Account:${P}${id}`;
const sortPaths = (paths: string[][]) =>
  [...paths].sort((a, b) => a.join().localeCompare(b.join()));

describe('shortestPaths (real Neo4j)', () => {
  let db: Database;
  const run = async (cypher: string) => {
    await db.driver.executeQuery(cypher, { p: P }, { database: db.connection.database });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    // P1 and P2: two paths of length 2 (a common employer, a common address), one of length 3.
    // P1 to P4: 3 steps through the hub H, 4 steps around it.
    // P5 to P6: through a claim, the official who processed it and the official as a person.
    await run(`
      CREATE (p1:Person {id: $p + 'P1'}), (p2:Person {id: $p + 'P2'}), (p3:Person {id: $p + 'P3'}),
             (p4:Person {id: $p + 'P4'}), (p5:Person {id: $p + 'P5'}), (p6:Person {id: $p + 'P6'})
      CREATE (e1:Employer {id: $p + 'E1', name: 'Alpha'}), (e5:Employer {id: $p + 'E5'}),
             (e6:Employer {id: $p + 'E6'})
      CREATE (a1:Address {id: $p + 'A1'}), (h:Address {id: $p + 'H', kind: 'domiciliation', f_hub: true})
      CREATE (ac1:Account {id: $p + 'AC1'})
      CREATE (c:Claim {id: $p + 'CL'}), (s1:Staff {id: $p + 'S1'})
      CREATE (p1)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J1', start: date('2020-01-01')}]->(e1)
      CREATE (p2)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J2', start: date('2020-01-01'), end: date('2020-12-31')}]->(e1)
      CREATE (p1)-[:LIVES_AT]->(a1), (p2)-[:LIVES_AT]->(a1)
      CREATE (p1)-[:HOLDS]->(ac1), (p3)-[:HOLDS]->(ac1), (p3)-[:HOUSEHOLD {kind: 'sibling'}]->(p2)
      CREATE (p1)-[:LIVES_AT]->(h), (e5)-[:SEATED_AT]->(h), (p4)-[:EMPLOYED_BY {employer: e5.id, id: $p + 'J4'}]->(e5)
      CREATE (p3)-[:DIRECTS {role: 'director'}]->(e6), (p4)-[:EMPLOYED_BY {employer: e6.id, id: $p + 'J6'}]->(e6)
      CREATE (p5)-[:CLAIMED]->(c)-[:PROCESSED_BY]->(s1)-[:IS]->(p6)
      CREATE (p7:Person {id: $p + 'P7'})-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J7a'}]->(e1),
             (p7)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J7b'}]->(e1)`);
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await db.close();
  });

  it('returns all shortest paths, their nodes and relations', async () => {
    const view = await shortestPaths(db, { from: person('P1'), to: person('P2') }, investigator);
    expect(ShortestPathsOutputSchema.parse(view)).toEqual(view);
    expect(sortPaths(view.paths)).toEqual([
      [person('P1'), address('A1'), person('P2')],
      [person('P1'), employer('E1'), person('P2')],
    ]);
    expect(view.nodes.map((n) => n.key).sort()).toEqual(
      [address('A1'), employer('E1'), person('P1'), person('P2')].sort(),
    );
    expect(view.edges.map((x) => x.key).sort()).toEqual(
      [
        `${person('P1')}-EMPLOYED_BY->${employer('E1')}#${P}J1`,
        `${person('P1')}-LIVES_AT->${address('A1')}`,
        `${person('P2')}-EMPLOYED_BY->${employer('E1')}#${P}J2`,
        `${person('P2')}-LIVES_AT->${address('A1')}`,
      ].sort(),
    );
    expect(view.truncated).toBe(false);
    expect(view.notes).toEqual([staffNote]);
  });

  it('parallel relations give one path through the same nodes, with both relations', async () => {
    const view = await shortestPaths(
      db,
      { from: person('P7'), to: person('P2'), types: 'EMPLOYED_BY' },
      investigator,
    );
    expect(view.paths).toEqual([[person('P7'), employer('E1'), person('P2')]]);
    expect(view.edges.map((x) => x.key).sort()).toEqual(
      [
        `${person('P2')}-EMPLOYED_BY->${employer('E1')}#${P}J2`,
        `${person('P7')}-EMPLOYED_BY->${employer('E1')}#${P}J7a`,
        `${person('P7')}-EMPLOYED_BY->${employer('E1')}#${P}J7b`,
      ].sort(),
    );
    // Two paths found, one shown: the note says so.
    const two = await shortestPaths(
      db,
      { from: person('P7'), to: person('P2'), types: 'EMPLOYED_BY', limit: '2' },
      investigator,
    );
    expect(two.paths).toEqual(view.paths);
    expect(two.notes).toContain(
      'the first 2 shortest paths found (2 relationships each) go through 1 sequence of nodes, shown with all their relations; there may be more of that length',
    );
  });

  it('follows only the given types, at most `limit` paths', async () => {
    const jobs = await shortestPaths(
      db,
      { from: person('P1'), to: person('P2'), types: 'EMPLOYED_BY' },
      investigator,
    );
    expect(jobs.paths).toEqual([[person('P1'), employer('E1'), person('P2')]]);
    const households = await shortestPaths(
      db,
      { from: person('P1'), to: person('P2'), types: ['HOLDS', 'HOUSEHOLD'] },
      investigator,
    );
    expect(households.paths).toEqual([[person('P1'), account('AC1'), person('P3'), person('P2')]]);
    const one = await shortestPaths(
      db,
      { from: person('P1'), to: person('P2'), limit: '1' },
      investigator,
    );
    expect(one.paths).toHaveLength(1);
    expect(one.truncated).toBe(true);
  });

  it('keeps every relation of a path active on asOf', async () => {
    const view = await shortestPaths(
      db,
      { from: person('P1'), to: person('P2'), asOf: '2021-01-01' },
      investigator,
    );
    expect(view.paths).toEqual([[person('P1'), address('A1'), person('P2')]]);
    const onLastDay = await shortestPaths(
      db,
      { from: person('P1'), to: person('P2'), asOf: '2020-12-31', types: 'EMPLOYED_BY' },
      investigator,
    );
    expect(onLastDay.paths).toHaveLength(1);
  });

  it('avoids hubs by default, goes through them and marks them when asked', async () => {
    const around = await shortestPaths(db, { from: person('P1'), to: person('P4') }, investigator);
    expect(around.paths).toEqual([
      [person('P1'), account('AC1'), person('P3'), employer('E6'), person('P4')],
    ]);
    const through = await shortestPaths(
      db,
      { from: person('P1'), to: person('P4'), avoidHubs: 'false' },
      investigator,
    );
    expect(through.paths).toEqual([[person('P1'), address('H'), employer('E5'), person('P4')]]);
    expect(through.nodes.find((n) => n.key === address('H'))?.attributes.hub).toBe(true);
    expect(through.nodes.find((n) => n.key === address('H'))?.collapsed).toBeUndefined();
    expect(through.notes.some((n) => n.includes('through hubs'))).toBe(true);
  });

  it('maxLength bounds the search; no path is an empty answer with a note', async () => {
    const none = await shortestPaths(
      db,
      { from: person('P1'), to: person('P4'), maxLength: '3' },
      investigator,
    );
    expect(none.paths).toEqual([]);
    expect(none.nodes).toEqual([]);
    expect(none.edges).toEqual([]);
    expect(none.notes[0]).toContain('no path of at most 3 relationships');
    const short = await shortestPaths(
      db,
      { from: person('P1'), to: person('P2'), maxLength: 1 },
      investigator,
    );
    expect(short.paths).toEqual([]);
  });

  it('never goes through an official for an investigator; the internal-fraud unit sees the path', async () => {
    const masked = await shortestPaths(db, { from: person('P5'), to: person('P6') }, investigator);
    expect(masked.paths).toEqual([]);
    const full = await shortestPaths(db, { from: person('P5'), to: person('P6') }, internalFraud);
    expect(full.paths).toEqual([[person('P5'), `Claim:${P}CL`, `Staff:${P}S1`, person('P6')]]);
    expect(full.notes).not.toContain(staffNote);
    await expect(
      shortestPaths(db, { from: `Staff:${P}S1`, to: person('P6') }, investigator),
    ).rejects.toThrow(ForbiddenError);
  });

  it('unknown ends are NotFoundError; bad input is BadInputError', async () => {
    await expect(
      shortestPaths(db, { from: person('P1'), to: person('nope') }, investigator),
    ).rejects.toThrow(NotFoundError);
    await expect(
      shortestPaths(db, { from: person('P1'), to: person('P1') }, investigator),
    ).rejects.toThrow(BadInputError);
    await expect(
      shortestPaths(db, { from: person('P1'), to: person('P2'), maxLength: 7 }, investigator),
    ).rejects.toThrow(BadInputError);
    await expect(shortestPaths(db, { from: 'P1', to: person('P2') }, investigator)).rejects.toThrow(
      BadInputError,
    );
    await expect(
      shortestPaths(db, { from: person('P1'), to: person('P2'), types: 'IS' }, investigator),
    ).rejects.toThrow(BadInputError);
  });
});
