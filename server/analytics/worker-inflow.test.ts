// Worker inflow from failed employers against the real test Neo4j:
// - on a tiny hand-made graph projected from Neo4j, values worked out by hand, decoys included
//   (a worker moving too late, from an employer without debt, from a job with no end or one
//   that started after the new one, a job starting after the as-of date or on no date, a
//   worker hired twice);
// - on a generated data set analysed end to end, the values written equal those of the Cypher
//   query they replaced, for every employer.
// Ids start with this file's prefixes and everything is scoped to them; the test cleans up.
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePrefixedDataset, useTestGraph } from '../../test/prefixed-dataset.js';
import { toPlain } from '../db/values.js';
import { isoDay } from './projected-graph.js';
import { projectFromNeo4j } from './projection.js';
import { workerInflow } from './worker-inflow.js';

const P = 'wi-t-';
const G = 'wi-g-';
const AS_OF = '2025-12-31';

const setup = `
CREATE (e1:Employer {id: $p + 'E1', status: 'bankrupt', contribution_debt_eur: 50000.0, ceased_on: date('2024-06-01')})
CREATE (e2:Employer {id: $p + 'E2', status: 'active', contribution_debt_eur: 0.0})
CREATE (e3:Employer {id: $p + 'E3', status: 'active', contribution_debt_eur: 0.0})
CREATE (e13:Employer {id: $p + 'E13', status: 'liquidated', contribution_debt_eur: 0.0, ceased_on: date('2024-06-01')})
FOREACH (k IN range(1, 11) | CREATE (:Person {id: $p + 'W' + k}))
`;
const jobs = `
MATCH (e1:Employer {id: $p + 'E1'}), (e2:Employer {id: $p + 'E2'}), (e3:Employer {id: $p + 'E3'}),
      (e13:Employer {id: $p + 'E13'})
MATCH (w1:Person {id: $p + 'W1'}), (w2:Person {id: $p + 'W2'}), (w3:Person {id: $p + 'W3'}),
      (w4:Person {id: $p + 'W4'}), (w5:Person {id: $p + 'W5'}), (w6:Person {id: $p + 'W6'}),
      (w7:Person {id: $p + 'W7'}), (w8:Person {id: $p + 'W8'}), (w9:Person {id: $p + 'W9'}),
      (w10:Person {id: $p + 'W10'}), (w11:Person {id: $p + 'W11'})
CREATE (w1)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2024-05-31')}]->(e1),
       (w1)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w2)-[:EMPLOYED_BY {employer: e1.id, start: date('2017-01-01'), end: date('2024-05-31')}]->(e1),
       (w2)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-03-10')}]->(e2),
       (w3)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2023-01-01')}]->(e1),
       (w3)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w4)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w5)-[:EMPLOYED_BY {employer: e13.id, start: date('2010-01-01'), end: date('2024-06-01')}]->(e13),
       (w5)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-05')}]->(e2),
       (w6)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2024-05-31')}]->(e1),
       (w6)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10'), end: date('2024-07-01')}]->(e2),
       (w6)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-08-01')}]->(e2),
       (w7)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01')}]->(e1),
       (w7)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w8)-[:EMPLOYED_BY {employer: e1.id, start: date('2024-07-01'), end: date('2024-08-01')}]->(e1),
       (w8)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w9)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2026-01-15')}]->(e1),
       (w9)-[:EMPLOYED_BY {employer: e2.id, start: date('2026-02-01')}]->(e2),
       (w10)-[:EMPLOYED_BY {employer: e2.id, end: date('2024-07-01')}]->(e2),
       (w11)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2024-05-31')}]->(e1),
       (w11)-[:EMPLOYED_BY {employer: e3.id, start: date('2024-06-15')}]->(e3)
`;

// The Cypher the inflow replaced, over every employer (e) in scope at once.
const cypherInflow = `MATCH (e:Employer) WHERE e.id STARTS WITH $scope
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH (p:Person)-[j:EMPLOYED_BY]->(e)
  WHERE j.start <= asOf
  RETURN count(DISTINCT p) AS hired,
    count(DISTINCT CASE WHEN EXISTS {
      MATCH (p)-[j0:EMPLOYED_BY]->(b:Employer)
      WHERE b <> e AND b.status IN ['bankrupt', 'liquidated']
        AND coalesce(b.contribution_debt_eur, 0) > 0 AND j0.end IS NOT NULL AND j0.start < j.start
        AND j0.end - duration({days: 90}) <= j.start AND j.start <= j0.end + duration({days: 90})
    } THEN p END) AS inflow
}
RETURN e.id AS id,
       [inflow, CASE WHEN hired = 0 THEN 0.0 ELSE toFloat(inflow) / hired END] AS cypher,
       [e.f_worker_inflow_bankrupt, e.f_worker_inflow_share] AS written`;

const testGraph = useTestGraph(P, G, [setup, jobs]);
const run = testGraph.run;

describe('worker inflow on a hand-made graph (projected from the real Neo4j)', () => {
  let of: (key: string) => { fromFailed: number; share: number };

  beforeAll(async () => {
    const { graph } = await projectFromNeo4j(testGraph.db, { scope: P });
    const inflow = workerInflow(graph, isoDay(AS_OF));
    of = (key) => {
      const node = graph.indexOf(key.replace(':', `:${P}`))!;
      return { fromFailed: inflow.fromFailed[node]!, share: inflow.share[node]! };
    };
  });

  it('counts the workers taken over from a failed employer within 90 days, each once', () => {
    // W1 (10 days after), W2 (82 days before), W6 (hired twice); not W3 (a year and a half
    // later), W5 (from E13, no debt), W7 (E1's job has no end), W8 (E1's job began after). Hired
    // by the as-of date: W1–W8; not W9 (2026), W10 (no start).
    expect(of('Employer:E2')).toEqual({ fromFailed: 3, share: 3 / 8 });
    expect(of('Employer:E3')).toEqual({ fromFailed: 1, share: 1 });
    expect(of('Employer:E1')).toEqual({ fromFailed: 0, share: 0 });
    expect(of('Employer:E13')).toEqual({ fromFailed: 0, share: 0 });
  });
});

describe('worker inflow on a generated data set, against Cypher (real Neo4j)', () => {
  beforeAll(async () => {
    await analysePrefixedDataset(testGraph.db, G, { persons: 1500, seed: 13, fraudScale: 10 });
  }, 120_000);

  it('writes on every employer what the Cypher computes in the database', async () => {
    const records = await run(cypherInflow, { scope: G, asOf: AS_OF });
    expect(records.length).toBeGreaterThan(50);
    let taken = 0;
    for (const record of records) {
      const id = record.get('id') as string;
      const [inflow, share] = toPlain(record.get('cypher')) as number[];
      const written = toPlain(record.get('written')) as number[];
      expect(written[0], id).toBe(inflow);
      expect(written[1], id).toBeCloseTo(share!, 12);
      if (inflow! > 0) taken++;
    }
    expect(taken).toBeGreaterThanOrEqual(3); // the generator's phoenix successors
  });
});
