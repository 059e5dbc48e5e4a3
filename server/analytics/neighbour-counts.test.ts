// The neighbour counts against the real test Neo4j:
// - on a tiny hand-made graph projected from Neo4j, values worked out by hand, decoys included
//   (a hub seat, a domiciliation seat, a hub director, a contact first seen after the as-of
//   date, claims starting after it or on no date, an inspection that found nothing);
// - on a generated data set analysed end to end, the values written equal those of Cypher
//   queries that walk the same links in the database (the queries these counts replaced), for
//   every person and employer.
// Ids start with this file's prefixes and everything is scoped to them; the test cleans up.
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePrefixedDataset, useTestGraph } from '../../test/prefixed-dataset.js';
import { toPlain } from '../db/values.js';
import { detectHubs } from './hubs.js';
import { neighbourCounts, type NeighbourCounts } from './neighbour-counts.js';
import { isoDay } from './projected-graph.js';
import { projectFromNeo4j } from './projection.js';

const P = 'nc-t-';
const G = 'nc-g-';
const AS_OF = '2025-12-31';

const setup = `
CREATE (e1:Employer {id: $p + 'E1', status: 'bankrupt', contribution_debt_eur: 50000.0, ceased_on: date('2024-06-01')})
CREATE (e2:Employer {id: $p + 'E2', status: 'active', contribution_debt_eur: 0.0})
CREATE (e5:Employer {id: $p + 'E5', status: 'bankrupt', contribution_debt_eur: 10000.0, ceased_on: date('2020-01-01')})
CREATE (e6:Employer {id: $p + 'E6', status: 'active', contribution_debt_eur: 0.0})
CREATE (e7:Employer {id: $p + 'E7', status: 'bankrupt', contribution_debt_eur: 5000.0, ceased_on: date('2025-01-01')})
CREATE (e8:Employer {id: $p + 'E8', status: 'active', contribution_debt_eur: 0.0})
CREATE (e11:Employer {id: $p + 'E11', status: 'active', contribution_debt_eur: 0.0})
CREATE (e13:Employer {id: $p + 'E13', status: 'liquidated', contribution_debt_eur: 0.0})
CREATE (a1:Address {id: $p + 'A1', kind: 'commercial'}), (a2:Address {id: $p + 'A2', kind: 'domiciliation'}),
       (a3:Address {id: $p + 'A3', kind: 'commercial'})
CREATE (e1)-[:SEATED_AT {start: date('2015-01-01'), end: date('2024-06-01')}]->(a1),
       (e2)-[:SEATED_AT {start: date('2024-05-20')}]->(a1),
       (e2)-[:SEATED_AT {start: date('2024-05-20')}]->(a2), (e7)-[:SEATED_AT {start: date('2010-01-01')}]->(a2),
       (e2)-[:SEATED_AT {start: date('2024-05-20')}]->(a3), (e8)-[:SEATED_AT {start: date('2000-01-01')}]->(a3),
       (e13)-[:SEATED_AT {start: date('2026-02-01')}]->(a1)
CREATE (ac1:Account {id: $p + 'AC1'}), (e2)-[:HOLDS]->(ac1), (e6)-[:HOLDS]->(ac1)
CREATE (x1:Person {id: $p + 'X1'}), (x2:Person {id: $p + 'X2'}), (x3:Person {id: $p + 'X3'}),
       (adx:Address {id: $p + 'ADX', kind: 'residential'})
CREATE (ct1:Contact {id: $p + 'CT1'}), (e2)-[:USES {first_seen: date('2024-06-01')}]->(ct1),
       (x1)-[:USES {first_seen: date('2024-07-01')}]->(ct1), (x3)-[:USES {first_seen: date('2026-03-01')}]->(ct1)
CREATE (x1)-[:LIVES_AT {start: date('2020-01-01')}]->(adx), (x2)-[:LIVES_AT {start: date('2021-01-01')}]->(adx),
       (x1)-[:LIVES_AT {start: date('2022-01-01')}]->(adx)
CREATE (d1:Person {id: $p + 'D1'}), (d2:Person {id: $p + 'D2'})
CREATE (d1)-[:DIRECTS {start: date('2015-01-01'), end: date('2024-06-01')}]->(e1),
       (d1)-[:DIRECTS {start: date('2024-05-20')}]->(e2),
       (d1)-[:DIRECTS {start: date('2012-01-01'), end: date('2020-01-01')}]->(e5),
       (d2)-[:DIRECTS {start: date('2010-01-01')}]->(e6), (d2)-[:DIRECTS {start: date('2010-01-01')}]->(e11)
CREATE (:Inspection {id: $p + 'I1', outcome: 'confirmed', offence: 'phoenix', closed_on: date('2025-01-01')})-[:OF]->(e6),
       (:Inspection {id: $p + 'I2', outcome: 'confirmed', offence: 'none', closed_on: date('2021-01-01')})-[:OF]->(e5),
       (:Inspection {id: $p + 'I3', outcome: 'pending', offence: 'phoenix'})-[:OF]->(e1),
       (:Inspection {id: $p + 'I4', outcome: 'confirmed', offence: 'phoenix', closed_on: date('2026-02-01')})-[:OF]->(e1),
       (:Inspection {id: $p + 'I5', outcome: 'confirmed', offence: 'benefit_fraud', closed_on: date('2024-01-01')})-[:OF]->(x2)
CREATE (f1:Person {id: $p + 'F1'}), (f2:Person {id: $p + 'F2'}), (f3:Person {id: $p + 'F3'}), (fa:Account {id: $p + 'FA'})
CREATE (f1)-[:HOLDS]->(fa), (f2)-[:HOLDS]->(fa), (f3)-[:HOLDS]->(fa)
CREATE (:Inspection {id: $p + 'I6', outcome: 'confirmed', closed_on: date('2024-01-01')})-[:OF]->(f2)
CREATE (f1)-[:CLAIMED]->(:Claim {id: $p + 'CF1', start: date('2024-01-01')})-[:PAID_TO]->(fa),
       (f2)-[:CLAIMED]->(:Claim {id: $p + 'CF2', start: date('2024-01-01')})-[:PAID_TO]->(fa)
CREATE (m1:Person {id: $p + 'M1'}), (m2:Person {id: $p + 'M2'}), (m3:Person {id: $p + 'M3'}), (m4:Person {id: $p + 'M4'}),
       (m5:Person {id: $p + 'M5'}), (m6:Person {id: $p + 'M6'}), (ma:Account {id: $p + 'MA'})
CREATE (m1)-[:HOLDS]->(ma)
FOREACH (m IN [m1, m2, m3, m4] | CREATE (m)-[:CLAIMED]->(:Claim {id: m.id + '-C', start: date('2025-01-01')})-[:PAID_TO]->(ma))
CREATE (m2)-[:CLAIMED]->(:Claim {id: $p + 'M2-C2', start: date('2025-02-01')})-[:PAID_TO]->(ma),
       (m5)-[:CLAIMED]->(:Claim {id: $p + 'M5-C', start: date('2026-02-01')})-[:PAID_TO]->(ma),
       (m6)-[:CLAIMED]->(:Claim {id: $p + 'M6-C'})-[:PAID_TO]->(ma)
`;

// The Cypher the counts replaced, over every person or employer (n) in scope at once: each
// count next to what the run wrote.
const viaAccount = `MATCH (n)-[:HOLDS]->(ac:Account)<-[:HOLDS]-(o)
    WHERE o <> n AND NOT coalesce(ac.f_hub, false)`;
const viaContact = `MATCH (n)-[u1:USES]->(ct:Contact)<-[u2:USES]-(o)
    WHERE o <> n AND NOT coalesce(ct.f_hub, false)
      AND coalesce(u1.first_seen, asOf) <= asOf AND coalesce(u2.first_seen, asOf) <= asOf`;
/** Both ends seated by the as-of date at one address, not a hub (nor, with `kind`, a domiciliation). */
const viaSeat = (
  kind: string,
) => `MATCH (n)-[s1:SEATED_AT]->(a:Address)<-[s2:SEATED_AT]-(o:Employer)
    WHERE o <> n AND NOT coalesce(a.f_hub, false) ${kind}
      AND coalesce(s1.start, asOf) <= asOf AND coalesce(s2.start, asOf) <= asOf`;
const bankruptAndFraud = `RETURN
    count(DISTINCT CASE WHEN o:Employer AND o.status IN ['bankrupt', 'liquidated']
      AND coalesce(o.contribution_debt_eur, 0) > 0 THEN o END) AS bankrupt,
    count(DISTINCT CASE WHEN EXISTS {
      MATCH (i:Inspection)-[:OF]->(o)
      WHERE i.outcome = 'confirmed' AND i.offence <> 'none' AND coalesce(i.closed_on, asOf) <= asOf
    } THEN o END) AS fraud`;
const compare = (label: string, subqueries: string, columns: Record<string, string>) => `
MATCH (n:${label}) WHERE n.id STARTS WITH $scope
WITH n, date($asOf) AS asOf
${subqueries}
RETURN n.id AS id,
  {${Object.entries(columns)
    .map(([feature, column]) => `${feature}: ${column}`)
    .join(', ')}} AS cypher,
  n {${Object.keys(columns)
    .map((feature) => `.${feature}`)
    .join(', ')}} AS written`;
/** Per label, each feature compared and its column in the Cypher. */
const columns = {
  Person: {
    f_shared_account_holders: 'account',
    f_shared_contact_holders: 'contact',
    f_shared_payment_account_claimants: 'payment',
    f_bankrupt_neighbours: 'bankrupt',
    f_fraud_neighbours: 'fraud',
  },
  Employer: {
    f_shared_seat_employers: 'seat',
    f_shared_account_holders: 'account',
    f_shared_contact_holders: 'contact',
    f_bankrupt_neighbours: 'bankrupt',
    f_fraud_neighbours: 'fraud',
  },
};
const cypherCounts = {
  Person: compare(
    'Person',
    `CALL (n) { ${viaAccount} RETURN count(DISTINCT o) AS account }
CALL (n, asOf) { ${viaContact} RETURN count(DISTINCT o) AS contact }
CALL (n, asOf) {
  MATCH (n)-[:CLAIMED]->(c:Claim)-[:PAID_TO]->(ac:Account)
  WHERE c.start <= asOf AND NOT coalesce(ac.f_hub, false)
  WITH DISTINCT ac, asOf
  MATCH (ac)<-[:PAID_TO]-(c2:Claim)<-[:CLAIMED]-(q:Person)
  WHERE q <> n AND c2.start <= asOf
  RETURN count(DISTINCT q) AS payment
}
CALL (n, asOf) {
  CALL (n, asOf) {
    MATCH (n)-[r:DIRECTS]->(o:Employer) WHERE coalesce(r.start, asOf) <= asOf RETURN o
    UNION ${viaAccount} RETURN o
    UNION ${viaContact} RETURN o
    UNION
    MATCH (n)-[l1:LIVES_AT]->(a:Address)<-[l2:LIVES_AT]-(o:Person)
    WHERE o <> n AND NOT coalesce(a.f_hub, false)
      AND coalesce(l1.start, asOf) <= asOf AND coalesce(l2.start, asOf) <= asOf
    RETURN o
  }
  ${bankruptAndFraud}
}`,
    columns.Person,
  ),
  Employer: compare(
    'Employer',
    `CALL (n, asOf) { ${viaSeat('')} RETURN count(DISTINCT o) AS seat }
CALL (n) { ${viaAccount} RETURN count(DISTINCT o) AS account }
CALL (n, asOf) { ${viaContact} RETURN count(DISTINCT o) AS contact }
CALL (n, asOf) {
  CALL (n, asOf) {
    MATCH (n)<-[r1:DIRECTS]-(d:Person)-[r2:DIRECTS]->(o:Employer)
    WHERE o <> n AND NOT coalesce(d.f_hub, false)
      AND coalesce(r1.start, asOf) <= asOf AND coalesce(r2.start, asOf) <= asOf
    RETURN o
    UNION
    MATCH (n)<-[r:DIRECTS]-(o:Person) WHERE coalesce(r.start, asOf) <= asOf RETURN o
    UNION ${viaSeat("AND coalesce(a.kind, '') <> 'domiciliation'")} RETURN o
    UNION ${viaAccount} RETURN o
    UNION ${viaContact} RETURN o
  }
  ${bankruptAndFraud}
}`,
    columns.Employer,
  ),
};

const testGraph = useTestGraph(P, G, [setup]);
const run = testGraph.run;

describe('neighbour counts on a hand-made graph (projected from the real Neo4j)', () => {
  let counts: NeighbourCounts;
  let of: (id: string) => Record<keyof NeighbourCounts, number>;

  beforeAll(async () => {
    const { graph } = await projectFromNeo4j(testGraph.db, { scope: P });
    // A3 stands for a hub seat and D2 for a hub director: too small here to be found as hubs.
    const hubs = new Set(detectHubs(graph).hubs);
    for (const key of [`Address:${P}A3`, `Person:${P}D2`]) hubs.add(graph.indexOf(key)!);
    counts = neighbourCounts(graph, hubs, isoDay(AS_OF));
    of = (key) => {
      const node = graph.indexOf(key.replace(':', `:${P}`));
      if (node === undefined) throw new Error(`${key} is not in the projection`);
      const entries = Object.entries(counts).map(([name, values]: [string, Int32Array]) => [
        name,
        values[node]!,
      ]);
      return Object.fromEntries(entries) as Record<keyof NeighbourCounts, number>;
    };
  });

  it('counts shared seats, accounts and contacts, not through hubs or before they exist', () => {
    expect(of('Employer:E2')).toMatchObject({
      sharedSeatEmployers: 2, // E1 at A1, E7 at the domiciliation A2; not E8 at the hub A3, not E13 (2026)
      sharedAccountHolders: 1, // E6
      sharedContactHolders: 1, // X1; X3 first seen after the as-of date
    });
    expect(of('Person:X1').sharedContactHolders).toBe(1); // E2
    expect(of('Person:X3').sharedContactHolders).toBe(0);
    expect(of('Employer:E8').sharedSeatEmployers).toBe(0);
  });

  it('finds bankrupt and fraud neighbours through directors, seats, accounts, contacts and residences', () => {
    expect(of('Employer:E2')).toMatchObject({
      bankruptNeighbours: 2, // E1 and E5 through D1; not E7 (domiciliation seat)
      fraudNeighbours: 1, // E6 (account); E5's offence none, E1's closes after the as-of date
    });
    expect(of('Person:D1')).toMatchObject({ bankruptNeighbours: 2, fraudNeighbours: 0 });
    expect(of('Person:X1')).toMatchObject({ bankruptNeighbours: 0, fraudNeighbours: 1 }); // X2, lived with twice
    expect(of('Person:X2').fraudNeighbours).toBe(0); // its own inspection does not count
    // E11's director D2 also directs E6 (confirmed fraud), but D2 is a hub: only D2 counts.
    expect(of('Employer:E11')).toMatchObject({ bankruptNeighbours: 0, fraudNeighbours: 0 });
    expect(of('Employer:E6').fraudNeighbours).toBe(0);
  });

  it('counts claimants paid into one account: a family low, a mule account high', () => {
    expect(of('Person:F1')).toMatchObject({
      sharedAccountHolders: 2,
      sharedPaymentAccountClaimants: 1,
      fraudNeighbours: 0, // F2's confirmed inspection names no offence
    });
    expect(of('Person:F3').sharedPaymentAccountClaimants).toBe(0); // holds it, paid nothing there
    // M1, M3, M4 (M2 twice is one); not M5 (claim starts after the as-of date), not M6 (no date)
    expect(of('Person:M2')).toMatchObject({
      sharedAccountHolders: 0,
      sharedPaymentAccountClaimants: 3,
    });
    expect(of('Person:M5').sharedPaymentAccountClaimants).toBe(0);
  });
});

describe('neighbour counts on a generated data set, against Cypher (real Neo4j)', () => {
  /** `Label feature` of the counts above 0 on some node. */
  const above0 = new Set<string>();
  beforeAll(async () => {
    // Hubs from a low bar, so that many resources and directors are hubs the counts must skip.
    await analysePrefixedDataset(
      testGraph.db,
      G,
      { persons: 1500, seed: 5, fraudScale: 10 },
      { hubs: { threshold: 1.5, minDegree: 4 } },
    );
  }, 120_000);

  it.each(['Person', 'Employer'] as const)(
    'writes on every %s what the Cypher counts in the database',
    async (label) => {
      const records = await run(cypherCounts[label], { scope: G, asOf: AS_OF });
      const column = (name: string) =>
        new Map(
          records.map((r) => [
            r.get('id') as string,
            toPlain(r.get(name)) as Record<string, number>,
          ]),
        );
      const cypher = column('cypher');
      const written = column('written');
      expect(cypher.size).toBeGreaterThan(label === 'Person' ? 1000 : 50);
      const [hubs] = await run(
        'MATCH (n) WHERE n.id STARTS WITH $scope AND n.f_hub RETURN count(n) AS n',
        { scope: G },
      );
      expect((hubs?.get('n') as { toNumber(): number }).toNumber()).toBeGreaterThan(20);
      expect(written).toEqual(cypher);
      for (const counts of cypher.values()) {
        for (const [name, value] of Object.entries(counts)) {
          if (value > 0) above0.add(`${label} ${name}`);
        }
      }
    },
  );

  it('compared counts that are not all 0', () => {
    // Every count is above 0 somewhere, on one label at least: with this many hubs no employer
    // shares a contact, and the generator gives each employer an account of its own (the
    // hand-made graph has both).
    const names = [...new Set([...Object.keys(columns.Person), ...Object.keys(columns.Employer)])];
    for (const name of names) {
      expect(
        ['Person', 'Employer'].some((label) => above0.has(`${label} ${name}`)),
        name,
      ).toBe(true);
    }
    expect(names).toHaveLength(6);
  });
});
