// neighbourhood() against the real test Neo4j on a small community under the id prefix
// `nbc-t-`: an employer, its four workers and the community they are all in. A community is
// joined by IN_COMMUNITY only, and the views ask for its edges by that type
// (cypher/views/parts/kept-edges): ranked, sampled, paged, as a start and at depth 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runCypher } from '../../test/database.js';
import { edgeKeys, nodeKeys, viewKeys } from '../../test/graph-view-keys.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { neighbourhood } from './neighbourhood.js';

const P = 'nbc-t-';
const investigator: Viewer = { username: 'ines', role: 'investigator' };
const { k, e } = viewKeys(P);

describe('neighbourhood of a community (real Neo4j)', () => {
  let db: Database;
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    await runCypher(db, cypher, { p: P, ...params });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await db.close();
  });

  it('a community comes with its IN_COMMUNITY edge, ranked, sampled, paged and as a start', async () => {
    await run(`
      CREATE (k:Community {id: $p + 'K1', size: 5})
      CREATE (e:Employer {id: $p + 'E5', name: 'Ring Five', risk_score: 0.5})-[:IN_COMMUNITY]->(k)
      WITH e, k UNWIND range(1, 4) AS i
      CREATE (w:Person {id: $p + 'R' + toString(i), risk_score: i / 10.0})
      CREATE (w)-[:EMPLOYED_BY {employer: e.id, id: $p + 'JR' + toString(i)}]->(e)
      CREATE (w)-[:IN_COMMUNITY]->(k)`);
    const member = (id: string) => e(k('Person', id), 'IN_COMMUNITY', k('Community', 'K1'));
    const own = e(k('Employer', 'E5'), 'IN_COMMUNITY', k('Community', 'K1'));

    for (const rankLimit of [undefined, 3]) {
      const view = await neighbourhood(db, { nodes: k('Employer', 'E5') }, investigator, {
        ...(rankLimit && { rankLimit }),
      });
      expect(nodeKeys(view)).toContain(k('Community', 'K1'));
      expect(edgeKeys(view)).toContain(own);
      expect(edgeKeys(view).filter((x) => x.includes('IN_COMMUNITY'))).toEqual([own]);
    }
    const jobsOnly = await neighbourhood(
      db,
      { nodes: k('Employer', 'E5'), types: 'EMPLOYED_BY' },
      investigator,
    );
    expect(nodeKeys(jobsOnly)).not.toContain(k('Community', 'K1'));

    const members = [member('R1'), member('R2'), member('R3'), member('R4'), own].sort();
    const start = await neighbourhood(db, { nodes: k('Community', 'K1') }, investigator);
    expect(edgeKeys(start)).toEqual(members);
    const page = await neighbourhood(db, { expand: k('Community', 'K1') }, investigator);
    expect(edgeKeys(page)).toEqual(members);
    // From a member at depth 2: the community is reached once, its edges to members in view.
    const deep = await neighbourhood(db, { nodes: k('Person', 'R1'), depth: 2 }, investigator);
    expect(edgeKeys(deep)).toEqual(expect.arrayContaining(members));
  });
});
