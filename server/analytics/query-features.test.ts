// The query features against the real test Neo4j, on a tiny hand-made graph whose values are
// worked out by hand, decoys included: short jobs followed by claims, temporary unemployment
// while subcontracting, shell subcontractors, claims overlapping jobs (and a claim ending the
// day a job starts), self-employed persons (one client, several clients, an old relation), an
// official processing claims of their own circle. The graph has a phoenix successor E2 (its
// director D1 also ran E1 and E5; E1's workers moved to E2) whose director history and worker
// inflow are counted on the projection, as are shared resources, linked bankrupt or fraud
// entities and community aggregates: director-history.test.ts, worker-inflow.test.ts,
// neighbour-counts.test.ts, community-aggregates.test.ts. Only ids with this file's prefix are
// analysed (scope), and the test cleans up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { analysisDate } from './analysis-date.js';
import { queryFeatures } from './features/index.js';
import { runQueryFeatures, type QueryFeatureSummary } from './query-features.js';

const P = 'qf-t-';
const RUN = `${P}run`;

const setup = `
CREATE (e1:Employer {id: $p + 'E1', status: 'bankrupt', contribution_debt_eur: 50000.0, ceased_on: date('2024-06-01'), founded_on: date('2015-01-01'), sector: 'F41.20'})
CREATE (e2:Employer {id: $p + 'E2', status: 'active', contribution_debt_eur: 0.0, founded_on: date('2024-05-20'), sector: 'F43.31'})
CREATE (e5:Employer {id: $p + 'E5', status: 'bankrupt', contribution_debt_eur: 10000.0, ceased_on: date('2020-01-01'), founded_on: date('2012-01-01'), sector: 'F41.20'})
CREATE (e6:Employer {id: $p + 'E6', status: 'active', contribution_debt_eur: 0.0, founded_on: date('2000-01-01'), sector: 'N81.21'})
CREATE (e7:Employer {id: $p + 'E7', status: 'bankrupt', contribution_debt_eur: 5000.0, ceased_on: date('2025-01-01'), founded_on: date('2010-01-01'), sector: 'M69.20'})
CREATE (e8:Employer {id: $p + 'E8', status: 'active', contribution_debt_eur: 0.0, founded_on: date('2000-01-01')})
CREATE (e9:Employer {id: $p + 'E9', status: 'active', contribution_debt_eur: 0.0, founded_on: date('2024-12-01')})
CREATE (e10:Employer {id: $p + 'E10', status: 'bankrupt', contribution_debt_eur: 80000.0, ceased_on: date('2025-06-01'), founded_on: date('2010-01-01')})
CREATE (e11:Employer {id: $p + 'E11', status: 'active', contribution_debt_eur: 0.0, founded_on: date('2001-01-01')})
CREATE (e12:Employer {id: $p + 'E12', status: 'bankrupt', contribution_debt_eur: 9000.0, founded_on: date('2001-01-01')})
CREATE (e13:Employer {id: $p + 'E13', status: 'liquidated', contribution_debt_eur: 0.0, ceased_on: date('2024-06-01'), founded_on: date('2001-01-01')})
CREATE (a1:Address {id: $p + 'A1', kind: 'commercial'}), (a2:Address {id: $p + 'A2', kind: 'domiciliation'}),
       (a3:Address {id: $p + 'A3', kind: 'commercial', f_hub: true})
CREATE (e1)-[:SEATED_AT {start: date('2015-01-01'), end: date('2024-06-01')}]->(a1),
       (e2)-[:SEATED_AT {start: date('2024-05-20')}]->(a1),
       (e2)-[:SEATED_AT {start: date('2024-05-20')}]->(a2), (e7)-[:SEATED_AT {start: date('2010-01-01')}]->(a2),
       (e2)-[:SEATED_AT {start: date('2024-05-20')}]->(a3), (e8)-[:SEATED_AT {start: date('2000-01-01')}]->(a3)
CREATE (ac1:Account {id: $p + 'AC1'}), (e2)-[:HOLDS]->(ac1), (e6)-[:HOLDS]->(ac1)
CREATE (x1:Person {id: $p + 'X1'}), (x2:Person {id: $p + 'X2'}), (adx:Address {id: $p + 'ADX', kind: 'residential'})
CREATE (ct1:Contact {id: $p + 'CT1'}), (e2)-[:USES {first_seen: date('2024-06-01')}]->(ct1), (x1)-[:USES {first_seen: date('2024-07-01')}]->(ct1)
CREATE (x1)-[:LIVES_AT {start: date('2020-01-01')}]->(adx), (x2)-[:LIVES_AT {start: date('2021-01-01')}]->(adx)
CREATE (d1:Person {id: $p + 'D1'})
CREATE (d1)-[:DIRECTS {role: 'director', start: date('2015-01-01'), end: date('2024-06-01')}]->(e1),
       (d1)-[:DIRECTS {role: 'manager', start: date('2024-05-20')}]->(e2),
       (d1)-[:DIRECTS {role: 'director', start: date('2012-01-01'), end: date('2020-01-01')}]->(e5)
CREATE (i1:Inspection {id: $p + 'I1', outcome: 'confirmed', offence: 'phoenix', closed_on: date('2025-01-01')})-[:OF]->(e6)
CREATE (i2:Inspection {id: $p + 'I2', outcome: 'confirmed', offence: 'none', closed_on: date('2021-01-01')})-[:OF]->(e5)
CREATE (i3:Inspection {id: $p + 'I3', outcome: 'pending', offence: 'phoenix'})-[:OF]->(e1)
CREATE (i4:Inspection {id: $p + 'I4', outcome: 'confirmed', offence: 'phoenix', closed_on: date('2026-02-01')})-[:OF]->(e1)
CREATE (i5:Inspection {id: $p + 'I5', outcome: 'confirmed', offence: 'benefit_fraud', closed_on: date('2024-01-01')})-[:OF]->(x2)
// E1's workers moving to E2 (W1, W2 within 10 days; W3 after two years), W4 new.
CREATE (w1:Person {id: $p + 'W1'}), (w2:Person {id: $p + 'W2'}), (w3:Person {id: $p + 'W3'}), (w4:Person {id: $p + 'W4'})
CREATE (w1)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2024-05-31')}]->(e1), (w1)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w2)-[:EMPLOYED_BY {employer: e1.id, start: date('2017-01-01'), end: date('2024-05-31')}]->(e1), (w2)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w3)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2023-01-01')}]->(e1), (w3)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2),
       (w4)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-10')}]->(e2)
// W8 hired by E2 a week before E1 let them go; W9 taken over from E13, liquidated without debt.
CREATE (w8:Person {id: $p + 'W8'}), (w9:Person {id: $p + 'W9'})
CREATE (w8)-[:EMPLOYED_BY {employer: e1.id, start: date('2018-01-01'), end: date('2024-05-31')}]->(e1), (w8)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-05-24')}]->(e2),
       (w9)-[:EMPLOYED_BY {employer: e13.id, start: date('2010-01-01'), end: date('2024-06-01')}]->(e13), (w9)-[:EMPLOYED_BY {employer: e2.id, start: date('2024-06-05')}]->(e2)
// Short jobs then claims: W5 (59 days, claim 19 days later), W6 (180 days), W7 (claim 92 days later).
CREATE (w5:Person {id: $p + 'W5'}), (w6:Person {id: $p + 'W6'}), (w7:Person {id: $p + 'W7'})
CREATE (w5)-[:EMPLOYED_BY {employer: e2.id, start: date('2025-01-01'), end: date('2025-03-01')}]->(e2),
       (w6)-[:EMPLOYED_BY {employer: e2.id, start: date('2025-01-01'), end: date('2025-06-30')}]->(e2),
       (w7)-[:EMPLOYED_BY {employer: e2.id, start: date('2025-01-01'), end: date('2025-03-01')}]->(e2)
CREATE (w5)-[:CLAIMED]->(:Claim {id: $p + 'CW5', type: 'unemployment', status: 'granted', start: date('2025-03-20')}),
       (w6)-[:CLAIMED]->(:Claim {id: $p + 'CW6', type: 'unemployment', status: 'granted', start: date('2025-07-10')}),
       (w7)-[:CLAIMED]->(:Claim {id: $p + 'CW7', type: 'sickness', status: 'granted', start: date('2025-06-01')})
// Temporary unemployment at E2 while it buys from E9 (TU1) and while it works for E8 (TU2).
CREATE (tu1:Claim {id: $p + 'TU1', type: 'temporary_unemployment', status: 'granted', start: date('2025-02-01'), end: date('2025-04-01')}),
       (tu2:Claim {id: $p + 'TU2', type: 'temporary_unemployment', status: 'granted', start: date('2024-01-01'), end: date('2024-02-01')})
CREATE (w4)-[:CLAIMED]->(tu1), (tu1)-[:RESTS_ON]->(e2), (w4)-[:CLAIMED]->(tu2), (tu2)-[:RESTS_ON]->(e2)
// Subcontracting chain: E2 → E9 (young) → E10 (bankrupt, debt) → E11 (sound) → E12 (4th hop).
CREATE (e8)-[:SUBCONTRACTS_TO {start: date('2024-01-15'), end: date('2024-01-20')}]->(e2),
       (e2)-[:SUBCONTRACTS_TO {start: date('2025-01-01')}]->(e9),
       (e9)-[:SUBCONTRACTS_TO {start: date('2025-01-15')}]->(e10),
       (e10)-[:SUBCONTRACTS_TO {start: date('2015-01-01')}]->(e11),
       (e11)-[:SUBCONTRACTS_TO {start: date('2016-01-01')}]->(e12)
// Self-employed: SE1 one client (95 %), SE2 an old relation (90 %, ended 18 months ago),
// FL1 a freelancer with three clients.
CREATE (se1:Person {id: $p + 'SE1'}), (se2:Person {id: $p + 'SE2'}), (fl1:Person {id: $p + 'FL1'})
CREATE (se1)-[:WORKS_FOR_CLIENT {start: date('2024-07-01'), share: 0.95}]->(e2),
       (se2)-[:WORKS_FOR_CLIENT {start: date('2023-01-01'), end: date('2024-06-01'), share: 0.9}]->(e2),
       (fl1)-[:WORKS_FOR_CLIENT {start: date('2024-01-01'), share: 0.3}]->(e6),
       (fl1)-[:WORKS_FOR_CLIENT {start: date('2024-01-01'), share: 0.35}]->(e7),
       (fl1)-[:WORKS_FOR_CLIENT {start: date('2024-01-01'), share: 0.35}]->(e2)
// Benefit while working: BW1 31 days (a job and a client relation inside the same days),
// BW2 a claim ending the day the job starts, BW3 temporary unemployment at E6 (its own job does
// not count, 11 days at E7 do), BW4 a rejected claim, BW5 sick leave from their own job.
CREATE (bw1:Person {id: $p + 'BW1'}), (bw2:Person {id: $p + 'BW2'}), (bw3:Person {id: $p + 'BW3'}), (bw4:Person {id: $p + 'BW4'})
CREATE (bw1)-[:CLAIMED]->(:Claim {id: $p + 'CB1', type: 'unemployment', status: 'granted', start: date('2025-01-01'), end: date('2025-04-01')}),
       (bw1)-[:EMPLOYED_BY {employer: e6.id, start: date('2025-03-01')}]->(e6),
       (bw1)-[:WORKS_FOR_CLIENT {start: date('2025-03-15'), end: date('2025-03-25'), share: 0.5}]->(e7),
       (bw2)-[:CLAIMED]->(:Claim {id: $p + 'CB2', type: 'unemployment', status: 'granted', start: date('2025-01-01'), end: date('2025-03-01')}),
       (bw2)-[:EMPLOYED_BY {employer: e6.id, start: date('2025-03-01')}]->(e6)
CREATE (cb3:Claim {id: $p + 'CB3', type: 'temporary_unemployment', status: 'granted', start: date('2025-01-01'), end: date('2025-02-01')})
CREATE (bw3)-[:CLAIMED]->(cb3), (cb3)-[:RESTS_ON]->(e6),
       (bw3)-[:EMPLOYED_BY {employer: e6.id, start: date('2020-01-01')}]->(e6),
       (bw3)-[:EMPLOYED_BY {employer: e7.id, start: date('2025-01-21')}]->(e7)
CREATE (bw5:Person {id: $p + 'BW5'}), (cb5:Claim {id: $p + 'CB5', type: 'sickness', status: 'granted', start: date('2025-01-01'), end: date('2025-03-01')})
CREATE (bw5)-[:CLAIMED]->(cb5), (cb5)-[:RESTS_ON]->(e6), (bw5)-[:EMPLOYED_BY {employer: e6.id, start: date('2020-01-01')}]->(e6)
CREATE (bw4)-[:CLAIMED]->(:Claim {id: $p + 'CB4', type: 'sickness', status: 'rejected', start: date('2025-01-01'), end: date('2025-06-01')}),
       (bw4)-[:EMPLOYED_BY {employer: e6.id, start: date('2024-01-01')}]->(e6)
// Official S1 (person SP1) processing claims of their spouse H1, of R1 at their address, of
// O1 paid into their account, of Q2 (lives where H1 once lived), of themselves, of N1
// (unrelated, rejected) and of HP1 (linked only through a hub address).
CREATE (s1:Staff {id: $p + 'S1', unit: 'unemployment'}), (sp1:Person {id: $p + 'SP1'}), (s1)-[:IS]->(sp1)
CREATE (s2:Staff {id: $p + 'S2', unit: 'unemployment'}), (s3:Staff {id: $p + 'S3', unit: 'sickness'})
CREATE (h1:Person {id: $p + 'H1'}), (r1:Person {id: $p + 'R1'}), (o1:Person {id: $p + 'O1'}), (q2:Person {id: $p + 'Q2'}),
       (n1:Person {id: $p + 'N1'}), (hp1:Person {id: $p + 'HP1'})
CREATE (ad1:Address {id: $p + 'AD1', kind: 'residential'}), (ad2:Address {id: $p + 'AD2', kind: 'residential'}),
       (ah:Address {id: $p + 'AH', kind: 'residential', f_hub: true}), (sa:Account {id: $p + 'SA'})
CREATE (sp1)-[:HOUSEHOLD {kind: 'spouse'}]->(h1), (sp1)-[:LIVES_AT {start: date('2015-01-01')}]->(ad1),
       (r1)-[:LIVES_AT {start: date('2023-01-01')}]->(ad1), (h1)-[:LIVES_AT {start: date('2005-01-01'), end: date('2014-12-31')}]->(ad2),
       (q2)-[:LIVES_AT {start: date('2010-01-01')}]->(ad2), (sp1)-[:LIVES_AT {start: date('2000-01-01'), end: date('2014-12-31')}]->(ah),
       (hp1)-[:LIVES_AT {start: date('2010-01-01')}]->(ah), (sp1)-[:HOLDS]->(sa)
CREATE (h1)-[:CLAIMED]->(:Claim {id: $p + 'H1-S1', type: 'unemployment', status: 'granted', start: date('2025-02-01')})-[:PROCESSED_BY]->(s1),
       (r1)-[:CLAIMED]->(:Claim {id: $p + 'R1-S1', type: 'unemployment', status: 'granted', start: date('2025-02-01')})-[:PROCESSED_BY]->(s1),
       (q2)-[:CLAIMED]->(:Claim {id: $p + 'Q2-S1', type: 'unemployment', status: 'granted', start: date('2025-02-01')})-[:PROCESSED_BY]->(s1),
       (sp1)-[:CLAIMED]->(:Claim {id: $p + 'SP1-S1', type: 'unemployment', status: 'granted', start: date('2025-02-01')})-[:PROCESSED_BY]->(s1),
       (n1)-[:CLAIMED]->(:Claim {id: $p + 'N1-S1', type: 'unemployment', status: 'rejected', start: date('2025-02-01')})-[:PROCESSED_BY]->(s1),
       (hp1)-[:CLAIMED]->(:Claim {id: $p + 'HP1-S1', type: 'unemployment', status: 'granted', start: date('2025-02-01')})-[:PROCESSED_BY]->(s1)
CREATE (o1)-[:CLAIMED]->(co1:Claim {id: $p + 'O1-S1', type: 'unemployment', status: 'granted', start: date('2025-02-01')})-[:PROCESSED_BY]->(s1),
       (co1)-[:PAID_TO]->(sa)
CREATE (g1:Person {id: $p + 'G1'})
FOREACH (k IN range(1, 4) |
  CREATE (g1)-[:CLAIMED]->(c:Claim {id: $p + 'G1-' + k, type: 'unemployment', status: CASE WHEN k <= 2 THEN 'granted' ELSE 'rejected' END, start: date('2025-03-01')})
  CREATE (c)-[:PROCESSED_BY]->(s2))
`;

describe('query features (real Neo4j)', () => {
  let db: Database;
  let summary: QueryFeatureSummary;

  const cleanup = async () => {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    } finally {
      await session.close();
    }
  };

  /** The node's properties, integers as numbers (and whether they came back as integers). */
  const props = async (id: string) => {
    const session = db.driver.session();
    try {
      const result = await session.run('MATCH (n {id: $id}) RETURN properties(n) AS props', {
        id: P + id,
      });
      const raw = result.records[0]!.get('props') as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [
          k,
          typeof v === 'object' && v !== null && 'toNumber' in v
            ? (v as { toNumber(): number }).toNumber()
            : v,
        ]),
      );
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await cleanup();
    const session = db.driver.session();
    try {
      await session.run(setup, { p: P });
    } finally {
      await session.close();
    }
    summary = await runQueryFeatures(db, {
      run: RUN,
      at: '2026-01-05T10:00:00Z',
      asOf: '2025-12-31',
      scope: P,
      batchSize: 3,
    });
  });

  afterAll(async () => {
    await cleanup();
    await db.close();
  });

  it('runs every query once, page by page, over every node of its label in scope', () => {
    const names = new Set(queryFeatures.flatMap((f) => Object.values(f.queries)));
    expect(Object.keys(summary.queries).sort()).toEqual([...names].sort());
    expect(summary.queries['analytics/features/employer-short-jobs-then-claims']?.rows).toBe(11);
    expect(summary.queries['analytics/features/staff-linked-claims']?.rows).toBe(3);
  });

  it('finds short jobs, temporary unemployment and shells', async () => {
    const e2 = await props('E2');
    expect(e2.f_dependent_self_employed).toBe(1); // SE1; SE2's relation ended > 1 year ago
    expect(e2.f_short_jobs_then_claims).toBe(1); // W5
    expect(e2.f_temp_unemployment_during_subcontracts).toBe(2); // TU1 (E2 → E9), TU2 (E8 → E2)
    expect(e2.f_temp_unemployment_while_subcontracting).toBe(1); // TU2: E2 delivers to E8
    expect(e2.f_shell_subcontractors).toBe(2); // E9 young, E10 bankrupt; E12 is 4 hops away
    const e11 = await props('E11');
    expect(e11).toMatchObject({
      f_shell_subcontractors: 1, // E12
      f_dependent_self_employed: 0,
    });
  });

  it('measures claim–work overlap, with the decoys at 0', async () => {
    expect((await props('BW1')).f_claim_work_overlap_days).toBe(31);
    expect((await props('BW2')).f_claim_work_overlap_days).toBe(0);
    expect((await props('BW3')).f_claim_work_overlap_days).toBe(11);
    expect((await props('BW4')).f_claim_work_overlap_days).toBe(0);
    expect((await props('BW5')).f_claim_work_overlap_days).toBe(0);
    expect((await props('W4')).f_claim_work_overlap_days).toBe(0);
  });

  it('tells dependent self-employment from a freelancer with several clients', async () => {
    expect((await props('SE1')).f_self_employed_dependency).toBeCloseTo(0.95, 10);
    expect((await props('SE2')).f_self_employed_dependency).toBeCloseTo(0.9, 10);
    expect((await props('FL1')).f_self_employed_dependency).toBeCloseTo(0.35, 10);
    expect((await props('W1')).f_self_employed_dependency).toBe(0);
  });

  it('measures how close officials are to the claimants whose claims they process', async () => {
    const proximity = async (id: string) => (await props(id)).f_staff_proximity;
    expect(await proximity('H1')).toBe(1);
    expect(await proximity('R1')).toBe(2);
    expect(await proximity('Q2')).toBe(3);
    expect(await proximity('SP1')).toBe(0);
    expect(await proximity('O1')).toBeUndefined(); // paid into the official's account only
    expect(await proximity('N1')).toBeUndefined();
    expect(await proximity('HP1')).toBeUndefined(); // through a hub address only
    expect(await proximity('G1')).toBeUndefined();

    const s1 = await props('S1');
    expect(s1.f_linked_claims).toBe(5); // H1, R1, O1, Q2, SP1
    expect(s1.f_linked_claim_share).toBeCloseTo(5 / 7, 10);
    const mean = (6 / 7 + 2 / 4) / 2;
    expect(s1.f_approval_rate_ratio).toBeCloseTo(6 / 7 / mean, 10);
    const s2 = await props('S2');
    expect(s2).toMatchObject({ f_linked_claims: 0, f_linked_claim_share: 0 });
    expect(s2.f_approval_rate_ratio).toBeCloseTo(0.5 / mean, 10);
    const s3 = await props('S3');
    expect(s3).toMatchObject({ f_linked_claims: 0, f_run: RUN });
    expect(s3.f_approval_rate_ratio).toBeUndefined();
  });

  it('is measured, unless told otherwise, as of the extraction date of the latest load', async () => {
    const session = db.driver.session();
    try {
      // finished far in the future, so that no load of a parallel test file comes after it
      await session.run(
        `CREATE (:LoadRun {id: $p + 'load', dataset: $p, extracted_on: date('2025-12-31'),
                           finished_at: datetime('2999-01-01T00:00:00Z')})`,
        { p: P },
      );
      const now = new Date('2026-03-01T00:00:00Z');
      expect(await analysisDate(db, undefined, now)).toBe('2025-12-31');
      expect(await analysisDate(db, '2024-06-30', now)).toBe('2024-06-30');
    } finally {
      await session.run('MATCH (r:LoadRun {id: $id}) DELETE r', { id: `${P}load` });
      await session.close();
    }
  });
});
