// The director history against the real test Neo4j:
// - on a tiny hand-made graph projected from Neo4j, values worked out by hand, decoys included
//   (a failure too long ago, one on the 3-year boundary, one after the as-of date, a liquidation
//   with no ceasing date, one without debt, a directorship that starts after the as-of date, a
//   company directed twice, a hub director);
// - on a generated data set analysed end to end, the values written equal those of the Cypher
//   queries they replaced, for every person and employer.
// Ids start with this file's prefixes and everything is scoped to them; the test cleans up.
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePrefixedDataset, useTestGraph } from '../../test/prefixed-dataset.js';
import { toPlain } from '../db/values.js';
import { directorHistory, yearsBefore, type DirectorHistory } from './director-history.js';
import { detectHubs } from './hubs.js';
import { isoDay } from './projected-graph.js';
import { projectFromNeo4j } from './projection.js';

const P = 'dh-t-';
const G = 'dh-g-';
const AS_OF = '2025-12-31';

const setup = `
CREATE (e1:Employer {id: $p + 'E1', status: 'bankrupt', contribution_debt_eur: 50000.0, ceased_on: date('2024-06-01')})
CREATE (e2:Employer {id: $p + 'E2', status: 'active', contribution_debt_eur: 0.0})
CREATE (e5:Employer {id: $p + 'E5', status: 'bankrupt', contribution_debt_eur: 10000.0, ceased_on: date('2020-01-01')})
CREATE (e7:Employer {id: $p + 'E7', status: 'bankrupt', contribution_debt_eur: 5000.0})
CREATE (e8:Employer {id: $p + 'E8', status: 'liquidated', contribution_debt_eur: 3000.0})
CREATE (e9:Employer {id: $p + 'E9', status: 'liquidated', contribution_debt_eur: 0.0, ceased_on: date('2025-01-01')})
CREATE (e10:Employer {id: $p + 'E10', status: 'liquidated', contribution_debt_eur: 2000.0, ceased_on: date('2023-01-01')})
CREATE (e11:Employer {id: $p + 'E11', status: 'bankrupt', contribution_debt_eur: 4000.0, ceased_on: date('2022-12-31')})
CREATE (e12:Employer {id: $p + 'E12', status: 'bankrupt', contribution_debt_eur: 7000.0, ceased_on: date('2026-01-15')})
CREATE (e13:Employer {id: $p + 'E13', status: 'bankrupt', contribution_debt_eur: 1000.0, ceased_on: date('2025-03-01')})
CREATE (e14:Employer {id: $p + 'E14', status: 'bankrupt', contribution_debt_eur: 6000.0, ceased_on: date('2025-03-01')})
CREATE (d1:Person {id: $p + 'D1'}), (d2:Person {id: $p + 'D2'}), (d3:Person {id: $p + 'D3'})
CREATE (d1)-[:DIRECTS {role: 'director', start: date('2015-01-01'), end: date('2024-06-01')}]->(e1),
       (d1)-[:DIRECTS {role: 'manager', start: date('2016-01-01')}]->(e1),
       (d1)-[:DIRECTS {start: date('2024-05-20')}]->(e2)
FOREACH (e IN [e5, e7, e8, e9, e10, e11, e12] | CREATE (d1)-[:DIRECTS {start: date('2012-01-01')}]->(e))
CREATE (d1)-[:DIRECTS {start: date('2026-02-01')}]->(e13)
CREATE (d2)-[:DIRECTS {start: date('2020-01-01')}]->(e2), (d2)-[:DIRECTS]->(e14)
CREATE (d3)-[:DIRECTS {start: date('2019-01-01')}]->(e2), (d3)-[:DIRECTS {start: date('2019-01-01')}]->(e1)
`;

// The Cypher the history replaced, over every person or employer (n) in scope at once: each
// value next to what the run wrote.
const recent = `o.status IN ['bankrupt', 'liquidated'] AND coalesce(o.contribution_debt_eur, 0) > 0
    AND ((o.ceased_on IS NOT NULL AND o.ceased_on <= asOf AND o.ceased_on > asOf - duration({years: 3}))
         OR (o.ceased_on IS NULL AND o.status = 'bankrupt'))`;
const cypherHistory = {
  Person: `MATCH (n:Person) WHERE n.id STARTS WITH $scope
WITH n, date($asOf) AS asOf
CALL (n, asOf) {
  MATCH (n)-[r:DIRECTS]->(o:Employer)
  WHERE coalesce(r.start, asOf) <= asOf AND ${recent}
  WITH DISTINCT o
  RETURN count(o) AS bankruptcies, sum(toFloat(o.contribution_debt_eur)) AS debt
}
RETURN n.id AS id, [bankruptcies, debt] AS cypher,
       [n.f_director_bankruptcies, n.f_director_debt_eur] AS written`,
  Employer: `MATCH (n:Employer) WHERE n.id STARTS WITH $scope
WITH n, date($asOf) AS asOf
CALL (n, asOf) {
  MATCH (n)<-[r1:DIRECTS]-(d:Person)-[r2:DIRECTS]->(o:Employer)
  WHERE o <> n AND NOT coalesce(d.f_hub, false)
    AND coalesce(r1.start, asOf) <= asOf AND coalesce(r2.start, asOf) <= asOf
  WITH DISTINCT o, asOf
  WITH o, ${recent} AS recent
  RETURN count(o) AS companies, count(CASE WHEN recent THEN o END) AS bankruptcies,
         sum(CASE WHEN recent THEN toFloat(o.contribution_debt_eur) ELSE 0.0 END) AS debt
}
RETURN n.id AS id, [companies, bankruptcies, debt] AS cypher,
       [n.f_director_companies, n.f_director_bankruptcies, n.f_director_debt_eur] AS written`,
};

const testGraph = useTestGraph(P, G, [setup]);
const run = testGraph.run;

describe('years before a date', () => {
  it.each([
    ['2025-12-31', 3],
    ['2024-02-29', 3],
    ['2024-02-29', 4],
    ['2025-03-01', 1],
  ])('%s minus %i years is what Neo4j says', async (date, years) => {
    const [record] = await run('RETURN toString(date($date) - duration({years: $years})) AS d', {
      date,
      years,
    });
    expect(yearsBefore(date, years)).toBe(isoDay(record!.get('d') as string));
  });
});

describe('director history on a hand-made graph (projected from the real Neo4j)', () => {
  let history: DirectorHistory;
  let of: (key: string) => { companies: number; bankruptcies: number; debtEur: number };

  beforeAll(async () => {
    const { graph } = await projectFromNeo4j(testGraph.db, { scope: P });
    // D2 stands for a hub director: too small here to be found as one.
    const hubs = new Set(detectHubs(graph).hubs);
    hubs.add(graph.indexOf(`Person:${P}D2`)!);
    history = directorHistory(graph, hubs, AS_OF);
    of = (key) => {
      const node = graph.indexOf(key.replace(':', `:${P}`));
      if (node === undefined) throw new Error(`${key} is not in the projection`);
      return {
        companies: history.companies[node]!,
        bankruptcies: history.bankruptcies[node]!,
        debtEur: history.debtEur[node]!,
      };
    };
  });

  it('counts the companies a person directed that failed recently, with their debt', () => {
    // E1 (directed twice), E7 (bankrupt, no ceasing date), E10 (liquidated in 2023); not E5
    // (2020), E8 (liquidated, no date), E9 (no debt), E11 (exactly 3 years before), E12 (after
    // the as-of date), E13 (directed only from 2026).
    expect(of('Person:D1')).toEqual({ companies: 0, bankruptcies: 3, debtEur: 57000 });
    expect(of('Person:D2')).toEqual({ companies: 0, bankruptcies: 1, debtEur: 6000 }); // a hub's own
    expect(of('Person:D3')).toEqual({ companies: 0, bankruptcies: 1, debtEur: 50000 });
  });

  it('counts the other companies of an employer’s directors, not through a hub director', () => {
    // Through D1 and D3: E1, E5, E7, E8, E9, E10, E11, E12 (E1 once; not E13, not E2 itself);
    // not E14, directed by the hub D2.
    expect(of('Employer:E2')).toEqual({ companies: 8, bankruptcies: 3, debtEur: 57000 });
    // Through D1 and D3: E2, E5, E7, E8, E9, E10, E11, E12.
    expect(of('Employer:E1')).toEqual({ companies: 8, bankruptcies: 2, debtEur: 7000 });
    expect(of('Employer:E14')).toEqual({ companies: 0, bankruptcies: 0, debtEur: 0 });
  });
});

describe('director history on a generated data set, against Cypher (real Neo4j)', () => {
  beforeAll(async () => {
    // Hubs from a low bar, so that some directors are hubs the employers' history must skip.
    await analysePrefixedDataset(
      testGraph.db,
      G,
      { persons: 1500, seed: 11, fraudScale: 10 },
      { hubs: { threshold: 1.5, minDegree: 4 } },
    );
  }, 120_000);

  it.each(['Person', 'Employer'] as const)(
    'writes on every %s what the Cypher computes in the database',
    async (label) => {
      const records = await run(cypherHistory[label], { scope: G, asOf: AS_OF });
      expect(records.length).toBeGreaterThan(label === 'Person' ? 1000 : 50);
      const column = (name: string) =>
        new Map(records.map((r) => [r.get('id') as string, toPlain(r.get(name)) as number[]]));
      const cypher = column('cypher');
      const written = column('written');
      for (const [id, values] of cypher) {
        const got = written.get(id)!;
        expect(got.slice(0, -1), id).toEqual(values.slice(0, -1));
        expect(got.at(-1) as number, id).toBeCloseTo(values.at(-1) as number, 6);
      }
      // Not all zero: failed companies with debt are found, and employers share directors.
      const above0 = (i: number) =>
        [...cypher.values()].filter((v) => (v.at(i) as number) > 0).length;
      expect(above0(-1)).toBeGreaterThanOrEqual(label === 'Person' ? 3 : 1);
      if (label === 'Employer') expect(above0(0)).toBeGreaterThanOrEqual(10);
      if (label === 'Employer') {
        const [hubDirectors] = await run(
          'MATCH (d:Person)-[:DIRECTS]->() WHERE d.id STARTS WITH $scope AND d.f_hub RETURN count(DISTINCT d) AS n',
          { scope: G },
        );
        expect(toPlain(hubDirectors!.get('n'))).toBeGreaterThan(0);
      }
    },
  );
});
