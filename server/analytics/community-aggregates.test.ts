// The community aggregates against the real test Neo4j:
// - on a tiny hand-made graph projected from Neo4j, with communities and exposures given, values
//   worked out by hand, decoys included (a fraud closed after the as-of date, a tie between two
//   sectors, an empty sector, a community of persons only, an entity in no community);
// - on a generated data set analysed end to end, the values written on the Community nodes equal
//   those of the Cypher queries they replaced, and each member carries its community's values
//   (its fraud share leaving itself out).
// Ids start with this file's prefixes and everything is scoped to them; the test cleans up.
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePrefixedDataset, useTestGraph } from '../../test/prefixed-dataset.js';
import { toPlain } from '../db/values.js';
import {
  communityAggregates,
  othersShareFraud,
  type CommunityAggregates,
} from './community-aggregates.js';
import { isoDay, type ProjectedGraph } from './projected-graph.js';
import { projectFromNeo4j } from './projection.js';

const P = 'ca-t-';
const G = 'ca-g-';
const AS_OF = '2025-12-31';

const setup = `
CREATE (e1:Employer {id: $p + 'E1', status: 'bankrupt', contribution_debt_eur: 50000.0, ceased_on: date('2024-06-01'), sector: 'F41.20'})
CREATE (e2:Employer {id: $p + 'E2', status: 'active', contribution_debt_eur: 0.0, sector: 'F43.31'})
CREATE (e6:Employer {id: $p + 'E6', status: 'active', contribution_debt_eur: 0.0, sector: 'N81.21'})
CREATE (e7:Employer {id: $p + 'E7', status: 'bankrupt', contribution_debt_eur: 100.0, sector: 'M69.20'})
CREATE (e8:Employer {id: $p + 'E8', status: 'active', sector: 'C10.11'})
CREATE (e9:Employer {id: $p + 'E9', status: 'active', sector: 'A01.11'})
CREATE (e10:Employer {id: $p + 'E10', status: 'liquidated', contribution_debt_eur: 10.0, sector: ''})
CREATE (d1:Person {id: $p + 'D1'}), (x1:Person {id: $p + 'X1'}), (x2:Person {id: $p + 'X2'}),
       (x3:Person {id: $p + 'X3'})
CREATE (:Inspection {id: $p + 'I1', outcome: 'confirmed', offence: 'phoenix', closed_on: date('2025-01-01')})-[:OF]->(e6),
       (:Inspection {id: $p + 'I2', outcome: 'confirmed', offence: 'benefit_fraud', closed_on: date('2026-02-01')})-[:OF]->(x1),
       (:Inspection {id: $p + 'I3', outcome: 'confirmed', offence: 'benefit_fraud', closed_on: date('2024-02-01')})-[:OF]->(x2)
`;

/** The hand-made communities and exposures. */
const members = { C1: ['E1', 'E2', 'E6', 'D1', 'X1'], C2: ['E8', 'E9', 'E10'], C3: ['X2', 'X3'] };
const exposures: Record<string, number> = { E1: 1, E2: 0.6, E6: 0.2, D1: 0.4, X1: 0.3, E7: 5 };

// The Cypher the aggregates replaced: each Community node's values next to what the run wrote.
const cypherCommunities = `MATCH (c:Community) WHERE c.id STARTS WITH $scope
WITH c, date($asOf) AS asOf
CALL (c, asOf) {
  MATCH (m)-[:IN_COMMUNITY]->(c)
  RETURN count(m) AS members,
    count(CASE WHEN m:Employer THEN m END) AS employers,
    count(CASE WHEN m:Employer AND m.status IN ['bankrupt', 'liquidated']
      AND coalesce(m.contribution_debt_eur, 0) > 0 THEN m END) AS bankrupt,
    count(CASE WHEN EXISTS {
      MATCH (i:Inspection)-[:OF]->(m)
      WHERE i.outcome = 'confirmed' AND i.offence <> 'none' AND coalesce(i.closed_on, asOf) <= asOf
    } THEN m END) AS fraud,
    avg(toFloat(coalesce(m.f_exposure, 0))) AS exposure
}
CALL (c) {
  MATCH (e:Employer)-[:IN_COMMUNITY]->(c)
  WHERE e.sector IS NOT NULL AND e.sector <> ''
  WITH substring(e.sector, 0, 1) AS section, count(*) AS n
  ORDER BY n DESC, section
  RETURN head(collect(section)) AS topSector
}
RETURN c.id AS id,
  [members, fraud, CASE WHEN employers = 0 THEN 0.0 ELSE toFloat(bankrupt) / employers END,
   toFloat(fraud) / members, exposure, topSector] AS cypher,
  [c.f_community_members, c.f_community_fraud_members, c.f_community_share_bankrupt,
   c.f_community_share_fraud, c.f_community_mean_exposure, c.f_community_top_sector] AS written`;

// The copy onto the members, as the member queries made it.
const cypherMembers = `MATCH (n) WHERE (n:Person OR n:Employer OR n:Staff) AND n.id STARTS WITH $scope
OPTIONAL MATCH (n)-[:IN_COMMUNITY]->(c:Community)
WITH n, head(collect(c)) AS c, CASE WHEN EXISTS {
  MATCH (i:Inspection)-[:OF]->(n)
  WHERE i.outcome = 'confirmed' AND i.offence <> 'none' AND coalesce(i.closed_on, date($asOf)) <= date($asOf)
} THEN 1 ELSE 0 END AS own
RETURN n.id AS id,
  [c.f_community_share_bankrupt,
   CASE WHEN c IS NULL THEN null WHEN c.f_community_members <= 1 THEN 0.0
     ELSE toFloat(c.f_community_fraud_members - own) / (c.f_community_members - 1) END,
   c.f_community_mean_exposure, c.f_community_top_sector] AS cypher,
  [n.f_community_share_bankrupt, n.f_community_share_fraud, n.f_community_mean_exposure,
   n.f_community_top_sector] AS written`;

const testGraph = useTestGraph(P, G, [setup]);
const run = testGraph.run;

describe('community aggregates on a hand-made graph (projected from the real Neo4j)', () => {
  let graph: ProjectedGraph;
  let aggregates: CommunityAggregates;
  const node = (id: string) => {
    const key = `${id.startsWith('E') ? 'Employer' : 'Person'}:${P}${id}`;
    return graph.indexOf(key)!;
  };

  beforeAll(async () => {
    ({ graph } = await projectFromNeo4j(testGraph.db, { scope: P }));
    const communities = new Map<string, { id: string }>();
    for (const [community, ids] of Object.entries(members)) {
      for (const id of ids) communities.set(graph.keys[node(id)]!, { id: community });
    }
    const exposure = new Float64Array(graph.order);
    for (const [id, value] of Object.entries(exposures)) exposure[node(id)] = value;
    aggregates = communityAggregates(graph, communities, exposure, isoDay(AS_OF));
  });

  it('aggregates each community over its members', () => {
    expect(aggregates.of.get('C1')).toEqual({
      members: 5,
      fraudMembers: 1, // E6; X1's fraud closes after the as-of date
      shareBankrupt: 1 / 3, // E1 of E1, E2, E6
      shareFraud: 1 / 5,
      meanExposure: (1 + 0.6 + 0.2 + 0.4 + 0.3) / 5,
      topSector: 'F', // F41, F43 against N81
    });
    // A01 and C10 tie: the first letter; E10 has no sector but is liquidated with debt.
    expect(aggregates.of.get('C2')).toMatchObject({ shareBankrupt: 1 / 3, topSector: 'A' });
    expect(aggregates.of.get('C3')).toEqual({
      members: 2,
      fraudMembers: 1,
      shareBankrupt: 0,
      shareFraud: 1 / 2,
      meanExposure: 0,
      topSector: null,
    });
    expect(aggregates.of.size).toBe(3);
  });

  it('gives each member the fraud share of the others', () => {
    const c1 = aggregates.of.get('C1')!;
    expect(othersShareFraud(aggregates, c1, node('E2'))).toBe(1 / 4);
    expect(othersShareFraud(aggregates, c1, node('E6'))).toBe(0);
    expect(othersShareFraud(aggregates, aggregates.of.get('C3')!, node('X3'))).toBe(1);
  });
});

describe('community aggregates on a generated data set, against Cypher (real Neo4j)', () => {
  beforeAll(async () => {
    await analysePrefixedDataset(testGraph.db, G, { persons: 1500, seed: 17, fraudScale: 10 });
  }, 120_000);

  const compare = (got: unknown[], want: unknown[], id: string) => {
    expect(got.length, id).toBe(want.length);
    want.forEach((value, i) => {
      if (typeof value === 'number' && !Number.isInteger(value)) {
        expect(got[i] as number, `${id} [${i}]`).toBeCloseTo(value, 10);
      } else expect(got[i], `${id} [${i}]`).toBe(value);
    });
  };

  it('writes on every Community node what the Cypher aggregates in the database', async () => {
    const records = await run(cypherCommunities, { scope: G, asOf: AS_OF });
    expect(records.length).toBeGreaterThan(20);
    let withFraud = 0;
    let withBankrupt = 0;
    for (const record of records) {
      const want = toPlain(record.get('cypher')) as unknown[];
      compare(toPlain(record.get('written')) as unknown[], want, record.get('id') as string);
      if ((want[1] as number) > 0) withFraud++;
      if ((want[2] as number) > 0) withBankrupt++;
    }
    expect(withFraud).toBeGreaterThan(0);
    expect(withBankrupt).toBeGreaterThan(0);
  });

  it('copies them onto every member, the fraud share leaving the member out', async () => {
    const records = await run(cypherMembers, { scope: G, asOf: AS_OF });
    expect(records.length).toBeGreaterThan(1000);
    let outside = 0;
    for (const record of records) {
      const want = toPlain(record.get('cypher')) as unknown[];
      compare(toPlain(record.get('written')) as unknown[], want, record.get('id') as string);
      if (want[0] === null) outside++;
    }
    expect(outside).toBeGreaterThan(0); // entities in no community carry no aggregates
  });
});
