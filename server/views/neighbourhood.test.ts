// neighbourhood() against the real test Neo4j, on small hand-made graphs under the id prefix
// `nbh-t-`: depth 1 and 2, the per-type cap and its collapsed node, hub collapse, hub pages,
// as-of filtering at the boundary dates, staff masking, the node bound and the errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runCypher } from '../../test/database.js';
import { edgeKeys, node, nodeKeys, viewKeys } from '../../test/graph-view-keys.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { neighbourhood, NeighbourhoodOutputSchema } from './neighbourhood.js';
import { staffNote } from './resolve-keys.js';

const P = 'nbh-t-';
const investigator: Viewer = { username: 'ines', role: 'investigator' };
const internalFraud: Viewer = { username: 'ivo', role: 'internal_fraud' };

const { k, e } = viewKeys(P);
const workers = Array.from({ length: 30 }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);

describe('neighbourhood (real Neo4j)', () => {
  let db: Database;
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    await runCypher(db, cypher, { p: P, ...params });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    // A small employer: its seat, two jobs (one ended), and what its workers lead to.
    await run(`
      CREATE (e1:Employer {id: $p + 'E1', name: 'Alpha Bouw', sector: 'F41.20', region: 'PT11',
                           status: 'active', kind: 'company', risk_score: 0.9, risk_band: 'red',
                           contribution_debt_eur: 1200.0})
      CREATE (a1:Address {id: $p + 'A1', postcode: '1000', municipality: 'Lisboa', kind: 'commercial'})
      CREATE (a2:Address {id: $p + 'A2', postcode: '2000', municipality: 'Porto', kind: 'residential'})
      CREATE (p1:Person {id: $p + 'P1', region: 'PT11', municipality: 'Lisboa', sex: 'F',
                         nationality: 'PT', birth_year: 1980, risk_score: 0.4, risk_band: 'green'})
      CREATE (p2:Person {id: $p + 'P2', region: 'PT11', risk_score: 0.3})
      CREATE (p3:Person {id: $p + 'P3'})
      CREATE (ac1:Account {id: $p + 'AC1'})
      CREATE (e1)-[:SEATED_AT]->(a1)
      CREATE (p1)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J1', start: date('2020-01-01'), contract: 'full_time', wage: 2000.0}]->(e1)
      CREATE (p2)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J2', start: date('2019-01-01'), end: date('2020-12-31'), contract: 'temporary'}]->(e1)
      CREATE (p1)-[:LIVES_AT]->(a2)
      CREATE (p3)-[:LIVES_AT]->(a2)
      CREATE (p2)-[:HOLDS]->(ac1)`);
    // A big employer: 30 workers, risk 0.01 … 0.30.
    await run(
      `CREATE (e2:Employer {id: $p + 'E2', name: 'Big'})
       WITH e2 UNWIND range(1, 30) AS i
       CREATE (:Person {id: $p + 'W' + right('0' + toString(i), 2), risk_score: i / 100.0})
              -[:EMPLOYED_BY {employer: e2.id, id: $p + 'JW' + toString(i), start: date('2021-01-01')}]->(e2)`,
    );
    // A domiciliation hub flagged by analytics, with two employers seated there.
    await run(`
      CREATE (h:Address {id: $p + 'H1', postcode: '1100', municipality: 'Lisboa', kind: 'domiciliation', f_hub: true})
      CREATE (e3:Employer {id: $p + 'E3', name: 'Shell One'})-[:SEATED_AT]->(h)
      CREATE (e4:Employer {id: $p + 'E4', name: 'Shell Two'})-[:SEATED_AT]->(h)
      CREATE (:Person {id: $p + 'P4'})-[:EMPLOYED_BY {employer: e3.id, id: $p + 'J4'}]->(e3)`);
    // A claim processed by an official who lives with the claimant.
    await run(`
      CREATE (p5:Person {id: $p + 'P5'})
      CREATE (p6:Person {id: $p + 'P6'})
      CREATE (c1:Claim {id: $p + 'C1', type: 'unemployment', start: date('2022-01-01'), status: 'granted'})
      CREATE (s1:Staff {id: $p + 'S1', unit: 'unemployment', office_region: 'PT11'})
      CREATE (p5)-[:CLAIMED]->(c1)
      CREATE (c1)-[:PROCESSED_BY]->(s1)
      CREATE (s1)-[:IS]->(p6)
      CREATE (p5)-[:HOUSEHOLD {kind: 'partner'}]->(p6)`);
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await db.close();
  });

  it('depth 1: the start node, its neighbours and the relations between them', async () => {
    const view = await neighbourhood(db, { nodes: k('Employer', 'E1') }, investigator);
    expect(nodeKeys(view)).toEqual(
      [k('Address', 'A1'), k('Employer', 'E1'), k('Person', 'P1'), k('Person', 'P2')].sort(),
    );
    expect(edgeKeys(view)).toEqual(
      [
        e(k('Employer', 'E1'), 'SEATED_AT', k('Address', 'A1')),
        e(k('Person', 'P1'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J1'),
        e(k('Person', 'P2'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J2'),
      ].sort(),
    );
    expect(view.truncated).toBe(false);
    expect(view.notes).toEqual([staffNote]);
    expect(node(view, k('Employer', 'E1'))).toEqual({
      key: k('Employer', 'E1'),
      type: 'Employer',
      id: `${P}E1`,
      label: 'Alpha Bouw',
      score: 0.9,
      band: 'red',
      attributes: { sector: 'F41.20', region: 'PT11', status: 'active', kind: 'company' },
    });
    expect(node(view, k('Address', 'A1'))?.label).toBe('1000 Lisboa');
    // Display attributes only: never sex, nationality or birth year.
    expect(node(view, k('Person', 'P1'))?.attributes).toEqual({
      region: 'PT11',
      municipality: 'Lisboa',
    });
    const job = view.edges.find((x) => x.key.endsWith(`#${P}J2`));
    expect(job).toMatchObject({
      source: k('Person', 'P2'),
      target: k('Employer', 'E1'),
      type: 'EMPLOYED_BY',
      start: '2019-01-01',
      end: '2020-12-31',
      attributes: { contract: 'temporary' },
    });
  });

  it('depth 2: the neighbours of the depth-1 nodes too', async () => {
    const view = await neighbourhood(db, { nodes: [k('Employer', 'E1')], depth: 2 }, investigator);
    expect(NeighbourhoodOutputSchema.parse(view)).toEqual(view);
    expect(nodeKeys(view)).toEqual(
      [
        k('Account', 'AC1'),
        k('Address', 'A1'),
        k('Address', 'A2'),
        k('Employer', 'E1'),
        k('Person', 'P1'),
        k('Person', 'P2'),
      ].sort(),
    );
    expect(edgeKeys(view)).toEqual(
      [
        e(k('Employer', 'E1'), 'SEATED_AT', k('Address', 'A1')),
        e(k('Person', 'P1'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J1'),
        e(k('Person', 'P2'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J2'),
        e(k('Person', 'P1'), 'LIVES_AT', k('Address', 'A2')),
        e(k('Person', 'P2'), 'HOLDS', k('Account', 'AC1')),
      ].sort(),
    );
    expect(view.truncated).toBe(false);
  });

  it('follows only the relationship types asked for', async () => {
    const view = await neighbourhood(
      db,
      { nodes: k('Employer', 'E1'), depth: '2', types: 'SEATED_AT,LIVES_AT' },
      investigator,
    );
    expect(nodeKeys(view)).toEqual([k('Address', 'A1'), k('Employer', 'E1')].sort());
  });

  it('asOf keeps the relations active on that date, boundaries included', async () => {
    const keysOn = async (asOf: string) =>
      nodeKeys(await neighbourhood(db, { nodes: k('Employer', 'E1'), asOf }, investigator));
    // J2 ends 2020-12-31: active on that day, not the next.
    expect(await keysOn('2020-12-31')).toContain(k('Person', 'P2'));
    expect(await keysOn('2021-01-01')).not.toContain(k('Person', 'P2'));
    // J1 starts 2020-01-01: active from that day, not the day before.
    expect(await keysOn('2020-01-01')).toContain(k('Person', 'P1'));
    expect(await keysOn('2019-12-31')).toEqual(
      [k('Address', 'A1'), k('Employer', 'E1'), k('Person', 'P2')].sort(),
    );
  });

  it('caps each relationship type (highest risk first) and collapses the start node with the count left out', async () => {
    const view = await neighbourhood(db, { nodes: k('Employer', 'E2') }, investigator);
    expect(nodeKeys(view)).toEqual(
      [k('Employer', 'E2'), ...workers.slice(5).map((w) => k('Person', w))].sort(),
    );
    expect(view.edges).toHaveLength(25);
    expect(node(view, k('Employer', 'E2'))?.collapsed).toEqual({ count: 5, reason: 'cap' });
    expect(view.truncated).toBe(true);
    expect(view.notes[0]).toContain('capped at 25 neighbours per relationship type');

    const ten = await neighbourhood(db, { nodes: k('Employer', 'E2'), cap: '10' }, investigator);
    expect(nodeKeys(ten)).toEqual(
      [k('Employer', 'E2'), ...workers.slice(20).map((w) => k('Person', w))].sort(),
    );
    expect(node(ten, k('Employer', 'E2'))?.collapsed).toEqual({ count: 20, reason: 'cap' });
  });

  it('samples a node with more links than the rank limit instead of ranking it', async () => {
    const view = await neighbourhood(db, { nodes: k('Employer', 'E2') }, investigator, {
      rankLimit: 20,
    });
    expect(view.nodes).toHaveLength(26);
    expect(view.edges).toHaveLength(25);
    expect(
      view.nodes.every((n) => n.key === k('Employer', 'E2') || /:nbh-t-W\d\d$/.test(n.key)),
    ).toBe(true);
    expect(node(view, k('Employer', 'E2'))?.collapsed).toEqual({ count: 5, reason: 'cap' });
    expect(view.notes[0]).toContain('too many neighbours to rank by risk: Employer:nbh-t-E2');
    const three = await neighbourhood(
      db,
      { nodes: k('Employer', 'E2'), types: 'EMPLOYED_BY,SEATED_AT', cap: 3 },
      investigator,
      { rankLimit: 20 },
    );
    expect(three.nodes).toHaveLength(4);
    expect(node(three, k('Employer', 'E2'))?.collapsed).toEqual({ count: 27, reason: 'cap' });
  });

  it('a big start and a small one at once: the big one sampled, the small one ranked', async () => {
    const both = await neighbourhood(
      db,
      { nodes: `${k('Person', 'P1')},${k('Employer', 'E2')}` },
      investigator,
      { rankLimit: 20 },
    );
    const alone = async (nodes: string) =>
      neighbourhood(db, { nodes }, investigator, { rankLimit: 20 });
    const [p1, e2] = [await alone(k('Person', 'P1')), await alone(k('Employer', 'E2'))];
    expect(nodeKeys(both)).toEqual([...new Set([...nodeKeys(p1), ...nodeKeys(e2)])].sort());
    expect(edgeKeys(both)).toEqual([...new Set([...edgeKeys(p1), ...edgeKeys(e2)])].sort());
    expect(node(both, k('Employer', 'E2'))?.collapsed).toEqual({ count: 5, reason: 'cap' });
    expect(both.notes[0]).toContain('too many neighbours to rank by risk: Employer:nbh-t-E2');
  });

  it('an over-cap neighbour comes back collapsed and is not traversed at depth 2', async () => {
    const view = await neighbourhood(db, { nodes: k('Person', 'W30'), depth: 2 }, investigator);
    expect(nodeKeys(view)).toEqual([k('Employer', 'E2'), k('Person', 'W30')].sort());
    expect(node(view, k('Employer', 'E2'))?.collapsed).toEqual({ count: 29, reason: 'cap' });
    expect(view.truncated).toBe(true);
  });

  it('a neighbour with exactly cap relationships is not counted by type, and traversed', async () => {
    // E2 has 30 relationships: with cap 30 none of its types can pass the cap, so node-details
    // leaves its counts out (degreesAbove) and depth 2 goes through it; with cap 29 it is over.
    const at = await neighbourhood(
      db,
      { nodes: k('Person', 'W30'), depth: 2, cap: 30 },
      investigator,
    );
    expect(nodeKeys(at)).toEqual(
      [k('Employer', 'E2'), ...workers.map((w) => k('Person', w))].sort(),
    );
    expect(node(at, k('Employer', 'E2'))?.collapsed).toBeUndefined();
    const over = await neighbourhood(
      db,
      { nodes: k('Person', 'W30'), depth: 2, cap: 29 },
      investigator,
    );
    expect(nodeKeys(over)).toEqual([k('Employer', 'E2'), k('Person', 'W30')].sort());
    expect(node(over, k('Employer', 'E2'))?.collapsed).toEqual({ count: 29, reason: 'cap' });
  });

  it('a hub flagged by analytics is collapsed, marked and never traversed', async () => {
    const view = await neighbourhood(db, { nodes: k('Person', 'P4'), depth: 2 }, investigator);
    expect(nodeKeys(view)).toEqual(
      [k('Address', 'H1'), k('Employer', 'E3'), k('Person', 'P4')].sort(),
    );
    expect(edgeKeys(view)).toEqual(
      [
        e(k('Person', 'P4'), 'EMPLOYED_BY', k('Employer', 'E3'), 'J4'),
        e(k('Employer', 'E3'), 'SEATED_AT', k('Address', 'H1')),
      ].sort(),
    );
    const hub = node(view, k('Address', 'H1'));
    expect(hub?.collapsed).toEqual({ count: 1, reason: 'hub' });
    expect(hub?.attributes.hub).toBe(true);
    expect(view.notes.some((n) => n.startsWith('1 hub collapsed and not traversed'))).toBe(true);
  });

  it('pages through a collapsed node: the pages partition its neighbours', async () => {
    const seen: string[] = [];
    const remaining: (number | undefined)[] = [];
    for (let page = 0; page < 5; page++) {
      const view = await neighbourhood(
        db,
        { expand: k('Employer', 'E2'), page: String(page), pageSize: '7' },
        investigator,
      );
      const neighbours = nodeKeys(view).filter((key) => key !== k('Employer', 'E2'));
      expect(view.edges).toHaveLength(neighbours.length);
      seen.push(...neighbours);
      remaining.push(node(view, k('Employer', 'E2'))?.collapsed?.count);
    }
    expect(seen).toEqual(workers.map((w) => k('Person', w)));
    expect(remaining).toEqual([23, 16, 9, 2, undefined]);
    const past = await neighbourhood(
      db,
      { expand: k('Employer', 'E2'), page: 5, pageSize: 7 },
      investigator,
    );
    expect(nodeKeys(past)).toEqual([k('Employer', 'E2')]);
    expect(past.notes[0]).toContain('past the last page');

    const hub = await neighbourhood(db, { expand: k('Address', 'H1') }, investigator);
    expect(nodeKeys(hub)).toEqual(
      [k('Address', 'H1'), k('Employer', 'E3'), k('Employer', 'E4')].sort(),
    );
  });

  it('masks officials for an investigator and shows them to the internal-fraud unit', async () => {
    const masked = await neighbourhood(db, { nodes: k('Person', 'P5'), depth: 2 }, investigator);
    expect(nodeKeys(masked)).toEqual(
      [k('Claim', 'C1'), k('Person', 'P5'), k('Person', 'P6')].sort(),
    );
    expect(edgeKeys(masked)).toEqual(
      [
        e(k('Person', 'P5'), 'CLAIMED', k('Claim', 'C1')),
        e(k('Person', 'P5'), 'HOUSEHOLD', k('Person', 'P6')),
      ].sort(),
    );
    expect(masked.notes).toContain(staffNote);
    expect(node(masked, k('Claim', 'C1'))?.label).toBe('unemployment 2022-01-01');

    const full = await neighbourhood(db, { nodes: k('Person', 'P5'), depth: 2 }, internalFraud);
    expect(nodeKeys(full)).toEqual(
      [k('Claim', 'C1'), k('Person', 'P5'), k('Person', 'P6'), k('Staff', 'S1')].sort(),
    );
    expect(edgeKeys(full)).toEqual(
      [
        e(k('Person', 'P5'), 'CLAIMED', k('Claim', 'C1')),
        e(k('Person', 'P5'), 'HOUSEHOLD', k('Person', 'P6')),
        e(k('Claim', 'C1'), 'PROCESSED_BY', k('Staff', 'S1')),
        e(k('Staff', 'S1'), 'IS', k('Person', 'P6')),
      ].sort(),
    );
    expect(full.notes).not.toContain(staffNote);
    expect(node(full, k('Staff', 'S1'))?.attributes).toEqual({
      unit: 'unemployment',
      office_region: 'PT11',
    });
  });

  it('refuses to start from an official for a viewer who may not see staff', async () => {
    await expect(neighbourhood(db, { nodes: k('Staff', 'S1') }, investigator)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(neighbourhood(db, { expand: k('Staff', 'S1') }, investigator)).rejects.toThrow(
      ForbiddenError,
    );
    // Even one that does not exist: the answer does not tell.
    await expect(neighbourhood(db, { nodes: k('Staff', 'nope') }, investigator)).rejects.toThrow(
      ForbiddenError,
    );
    const view = await neighbourhood(db, { nodes: k('Staff', 'S1') }, internalFraud);
    expect(nodeKeys(view)).toEqual([k('Claim', 'C1'), k('Person', 'P6'), k('Staff', 'S1')].sort());
  });

  it('stops at the node bound with a note', async () => {
    const view = await neighbourhood(db, { nodes: k('Employer', 'E2'), cap: 200 }, investigator, {
      maxNodes: 10,
    });
    expect(view.nodes).toHaveLength(10);
    expect(view.edges).toHaveLength(9);
    expect(view.truncated).toBe(true);
    expect(view.notes.some((n) => n.includes('stops at 10 nodes: 21 more were left out'))).toBe(
      true,
    );
  });

  it('several start nodes at once, from a comma-separated list', async () => {
    const view = await neighbourhood(
      db,
      { nodes: `${k('Employer', 'E1')},${k('Person', 'P4')}` },
      investigator,
    );
    expect(nodeKeys(view)).toEqual(
      [
        k('Address', 'A1'),
        k('Employer', 'E1'),
        k('Employer', 'E3'),
        k('Person', 'P1'),
        k('Person', 'P2'),
        k('Person', 'P4'),
      ].sort(),
    );
  });

  it('an unknown node is NotFoundError; a malformed key or request is BadInputError', async () => {
    await expect(neighbourhood(db, { nodes: k('Employer', 'nope') }, investigator)).rejects.toThrow(
      NotFoundError,
    );
    for (const nodes of ['Employer', 'Factory:E1', 'Employer:a b', 'Employer:', '']) {
      await expect(neighbourhood(db, { nodes }, investigator)).rejects.toThrow(BadInputError);
    }
    await expect(
      neighbourhood(db, { nodes: k('Employer', 'E1'), expand: k('Employer', 'E2') }, investigator),
    ).rejects.toThrow(BadInputError);
    await expect(
      neighbourhood(db, { nodes: k('Employer', 'E1'), depth: 3 }, investigator),
    ).rejects.toThrow(BadInputError);
    await expect(
      neighbourhood(db, { nodes: k('Employer', 'E1'), types: 'KNOWS' }, investigator),
    ).rejects.toThrow(BadInputError);
    const error = await neighbourhood(db, { nodes: 'Employer' }, investigator).catch(
      (err: unknown) => err,
    );
    expect((error as BadInputError).fields.map((f) => f.path)).toEqual(['nodes.0']);
  });
});
