// communityView() against the real test Neo4j, on a hand-made community under the id prefix
// `cmv-t-`: members, the relations among them, the resources and claims that link them, staff
// masking, sampling under the node limit, and an unknown community.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { edgeKeys, nodeKeys, viewKeys } from '../../test/graph-view-keys.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { communityView, CommunityViewOutputSchema } from './community-view.js';
import { staffNote } from './resolve-keys.js';

const P = 'cmv-t-';
const investigator: Viewer = { username: 'ines', role: 'investigator' };
const internalFraud: Viewer = { username: 'ivo', role: 'internal_fraud' };

const { k, e } = viewKeys(P);

describe('communityView (real Neo4j)', () => {
  let db: Database;
  const run = async (cypher: string) => {
    await db.driver.executeQuery(cypher, { p: P }, { database: db.connection.database });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    // Members: an employer, four persons and an official; P1 and P2 work for E1 and live at A1;
    // P4's claims are paid into P3's account and processed by S1, who is P3.
    await run(`
      CREATE (c:Community {id: $p + 'C1', size: 6, persons: 4, employers: 1, staff: 1, run: 'r1',
                           f_community_share_fraud: 0.25, f_community_top_sector: 'F',
                           f_community_members: 6, f_run: 'r1'})
      CREATE (e1:Employer {id: $p + 'E1', name: 'Alpha', risk_score: 0.5, risk_band: 'orange'})
      CREATE (p1:Person {id: $p + 'P1', risk_score: 0.9, risk_band: 'red'})
      CREATE (p2:Person {id: $p + 'P2', risk_score: 0.8})
      CREATE (p3:Person {id: $p + 'P3', risk_score: 0.1})
      CREATE (p4:Person {id: $p + 'P4'})
      CREATE (s1:Staff {id: $p + 'S1', risk_score: 0.7})
      FOREACH (m IN [e1, p1, p2, p3, p4, s1] | CREATE (m)-[:IN_COMMUNITY]->(c))
      CREATE (a1:Address {id: $p + 'A1', postcode: '1000', municipality: 'Lisboa'})
      CREATE (a2:Address {id: $p + 'A2'})
      CREATE (ac1:Account {id: $p + 'AC1'})
      CREATE (cl1:Claim {id: $p + 'CL1', type: 'sickness'})
      CREATE (cl2:Claim {id: $p + 'CL2', type: 'unemployment'})
      CREATE (x:Person {id: $p + 'X'})
      CREATE (e9:Employer {id: $p + 'E9'})
      CREATE (p1)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J1'}]->(e1)
      CREATE (p2)-[:EMPLOYED_BY {employer: e1.id, id: $p + 'J2'}]->(e1)
      CREATE (p1)-[:EMPLOYED_BY {employer: e9.id, id: $p + 'J9'}]->(e9)
      CREATE (p1)-[:LIVES_AT]->(a1)
      CREATE (p2)-[:LIVES_AT]->(a1)
      CREATE (x)-[:LIVES_AT]->(a1)
      CREATE (p3)-[:LIVES_AT]->(a2)
      CREATE (p3)-[:HOLDS]->(ac1)
      CREATE (p4)-[:CLAIMED]->(cl1)-[:PAID_TO]->(ac1)
      CREATE (p4)-[:CLAIMED]->(cl2)-[:PROCESSED_BY]->(s1)
      CREATE (s1)-[:IS]->(p3)`);
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await db.close();
  });

  it('the members, the relations among them and the resources and claims that link them', async () => {
    const view = await communityView(db, { communityId: `${P}C1` }, internalFraud);
    expect(CommunityViewOutputSchema.parse(view)).toEqual(view);
    expect(nodeKeys(view)).toEqual(
      [
        k('Employer', 'E1'),
        k('Person', 'P1'),
        k('Person', 'P2'),
        k('Person', 'P3'),
        k('Person', 'P4'),
        k('Staff', 'S1'),
        k('Address', 'A1'),
        k('Account', 'AC1'),
        k('Claim', 'CL1'),
        k('Claim', 'CL2'),
      ].sort(),
    );
    expect(edgeKeys(view)).toEqual(
      [
        e(k('Person', 'P1'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J1'),
        e(k('Person', 'P2'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J2'),
        e(k('Person', 'P1'), 'LIVES_AT', k('Address', 'A1')),
        e(k('Person', 'P2'), 'LIVES_AT', k('Address', 'A1')),
        e(k('Person', 'P3'), 'HOLDS', k('Account', 'AC1')),
        e(k('Person', 'P4'), 'CLAIMED', k('Claim', 'CL1')),
        e(k('Claim', 'CL1'), 'PAID_TO', k('Account', 'AC1')),
        e(k('Person', 'P4'), 'CLAIMED', k('Claim', 'CL2')),
        e(k('Claim', 'CL2'), 'PROCESSED_BY', k('Staff', 'S1')),
        e(k('Staff', 'S1'), 'IS', k('Person', 'P3')),
      ].sort(),
    );
    expect(view.truncated).toBe(false);
    expect(view.notes).toEqual([]);
    expect(view.community).toEqual({
      id: `${P}C1`,
      size: 6,
      persons: 4,
      employers: 1,
      staff: 1,
      visibleMembers: 6,
      aggregates: {
        f_community_members: 6,
        f_community_share_fraud: 0.25,
        f_community_top_sector: 'F',
      },
    });
  });

  it('masks the official and what leads only to them for an investigator', async () => {
    const view = await communityView(db, { communityId: `${P}C1` }, investigator);
    expect(nodeKeys(view)).toEqual(
      [
        k('Employer', 'E1'),
        k('Person', 'P1'),
        k('Person', 'P2'),
        k('Person', 'P3'),
        k('Person', 'P4'),
        k('Address', 'A1'),
        k('Account', 'AC1'),
        k('Claim', 'CL1'),
      ].sort(),
    );
    expect(edgeKeys(view)).not.toContain(e(k('Staff', 'S1'), 'IS', k('Person', 'P3')));
    expect(view.edges).toHaveLength(7);
    expect(view.notes).toEqual([staffNote]);
    expect(view.community.staff).toBeNull();
    expect(view.community.visibleMembers).toBe(5);
  });

  it('samples the highest-risk members under the node limit (band first, then score), with the relations among them', async () => {
    // The orange employer (0.5) comes before the unbanded person (0.8): scores of different
    // entity types come from different models; bands are each type's own ranking.
    const view = await communityView(db, { communityId: `${P}C1`, limit: '3' }, investigator);
    expect(nodeKeys(view)).toEqual(
      [k('Employer', 'E1'), k('Person', 'P1'), k('Person', 'P2')].sort(),
    );
    expect(edgeKeys(view)).toEqual(
      [
        e(k('Person', 'P1'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J1'),
        e(k('Person', 'P2'), 'EMPLOYED_BY', k('Employer', 'E1'), 'J2'),
      ].sort(),
    );
    expect(view.truncated).toBe(true);
    expect(view.notes[0]).toBe('sampled 3 of 5 members (highest risk first)');
  });

  it('an unknown community is NotFoundError; a bad id or limit is BadInputError', async () => {
    await expect(communityView(db, { communityId: `${P}nope` }, investigator)).rejects.toThrow(
      NotFoundError,
    );
    await expect(communityView(db, { communityId: 'C 1' }, investigator)).rejects.toThrow(
      BadInputError,
    );
    await expect(
      communityView(db, { communityId: `${P}C1`, limit: 2001 }, investigator),
    ).rejects.toThrow(BadInputError);
  });
});
