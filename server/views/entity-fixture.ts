// The hand-made graph the entity-detail tests read (entity-employer.test.ts,
// entity-person.test.ts), each file under ids of its own prefix: a bankrupt employer with
// workers, a director, a self-employed client, a seat, a subcontract and inspections; a worker
// who is also an official and processed their own claim; a big employer whose timeline is
// capped. With the viewers and the checks both files use.
import { expect } from 'vitest';
import type { Viewer } from '../auth/roles.js';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { Reasons } from '../scoring/reasons.js';
import { entityDetail as detailOf, EntityDetailSchema } from './entity.js';
import { TIMELINE_PAGE } from './entity-timeline-page.js';

export const investigator: Viewer = { username: 'ines', role: 'investigator' };
export const internal: Viewer = { username: 'ivo', role: 'internal_fraud' };

const reasons = (evidence: Reasons['evidence'], input = 'f_exposure'): Reasons => ({
  model: 'm1',
  probability: 0.8,
  logOdds: 1.386,
  intercept: -2,
  contributions: [{ input, description: 'exposure', value: 0, contribution: 3, reads: [input] }],
  otherContributions: 0.386,
  rules: [
    {
      id: 'r1',
      reason: 'a reason',
      offences: ['phoenix'],
      pattern: 'phoenix',
      weight: 1,
      reads: ['f_exposure'],
    },
  ],
  offences: { phoenix: 0.7 },
  evidence,
});

/** The score reasons of the graph's employer E1 and person P1, under the prefix `p`. */
export const entityReasons = (p: string) => ({
  employer: reasons([
    {
      feature: 'f_director_bankruptcies',
      text: `director ${p}P3 also ran …`,
      entities: [{ type: 'person', id: `${p}P3` }],
    },
  ]),
  person: reasons(
    [
      {
        feature: 'f_staff_proximity',
        text: `claim ${p}C1 was processed by official ${p}S1, who is the claimant`,
        entities: [
          { type: 'claim', id: `${p}C1` },
          { type: 'staff', id: `${p}S1` },
        ],
      },
      {
        feature: 'f_claim_work_overlap_days',
        text: 'unemployment claim overlaps work',
        entities: [{ type: 'employer', id: `${p}E2` }],
      },
    ],
    'f_staff_proximity',
  ),
});

/** Every object key in a value, however deep. */
export function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysIn(inner)]);
}

/** The detail, checked against the schema the route returns. */
export async function entityDetail(...args: [Database, Parameters<typeof detailOf>[1], Viewer]) {
  const detail = await detailOf(...args);
  expect(EntityDetailSchema.parse(detail)).toEqual(detail);
  return detail;
}

async function run(db: Database, cypher: string, params: Record<string, unknown>) {
  await db.driver.executeQuery(cypher, params, { database: db.connection.database });
}

/** Removes whatever is under the prefix `p`. */
function clearEntityGraph(db: Database, p: string): Promise<void> {
  return run(db, 'MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p });
}

/** The test database, migrated, with the graph under the prefix `p` made anew. */
export async function openEntityGraph(p: string): Promise<Database> {
  const db = await openTestDatabase();
  await migrate(db);
  await seedEntityGraph(db, p);
  return db;
}

/** Removes the graph under `p` and closes the database. */
export async function closeEntityGraph(db: Database, p: string): Promise<void> {
  await clearEntityGraph(db, p);
  await db.close();
}

async function seedEntityGraph(db: Database, p: string): Promise<void> {
  await clearEntityGraph(db, p);
  const { employer, person } = entityReasons(p);
  await run(
    db,
    `CREATE (e1:Employer {id: $p + 'E1', name: 'Alpha Bouw', kind: 'company', sector: 'F41.20',
                            region: 'BE21', municipality: 'Mechelen', founded_on: date('2015-03-01'),
                            ceased_on: date('2024-06-30'), status: 'bankrupt',
                            contribution_debt_eur: 12400.0, declared_workers: 3,
                            f_pagerank: 0.001, f_exposure: 0.04, f_degree_employed_by: 2,
                            f_unknown_thing: 5, f_run: 'an-1', f_at: datetime('2025-05-01T00:00:00Z'),
                            risk_score: 0.8, risk_band: 'red', risk_rank: 1, risk_scope: 'all',
                            risk_model: 'm1', risk_offences: ['phoenix'], risk_top_reason: 'a reason',
                            risk_top_reason_masked: 'a reason', risk_reasons: $employerReasons, risk_run: 'sc-1',
                            risk_at: datetime('2025-05-02T08:30:00.123456789Z')})
       CREATE (e2:Employer {id: $p + 'E2', name: 'Beta', status: 'active'})
       CREATE (p1:Person {id: $p + 'P1', birth_year: 1980, sex: 'F', nationality: 'BE', region: 'BE21',
                          municipality: 'Mechelen', f_exposure: 0.01, f_degree_is: 1,
                          f_staff_proximity: 0, risk_score: 0.8, risk_band: 'red', risk_rank: 3,
                          risk_scope: 'all', risk_model: 'm1', risk_offences: ['benefit_fraud'],
                          risk_reasons: $personReasons, risk_run: 'sc-1',
                          risk_at: datetime('2025-05-02T08:30:00Z')})
       CREATE (p2:Person {id: $p + 'P2', sex: 'M'})
       CREATE (p3:Person {id: $p + 'P3'})
       CREATE (a1:Address {id: $p + 'A1', postcode: '2800', municipality: 'Mechelen', kind: 'residential'})
       CREATE (a2:Address {id: $p + 'A2', postcode: '2800', municipality: 'Mechelen', kind: 'domiciliation'})
       CREATE (p1)-[:EMPLOYED_BY {id: $p + 'J1', employer: e1.id, person: p1.id, start: date('2016-01-10'), end: date('2024-06-30'),
                                  contract: 'full_time', hours: 38.0, wage: 3000.0}]->(e1)
       CREATE (p1)-[:EMPLOYED_BY {id: $p + 'J2', employer: e2.id, person: p1.id, start: date('2024-07-01'), contract: 'part_time',
                                  hours: 20.0, wage: 1500.0}]->(e2)
       CREATE (p2)-[:EMPLOYED_BY {id: $p + 'J3', employer: e1.id, person: p2.id, start: date('2020-02-01'), end: date('2020-03-01'),
                                  contract: 'student', hours: 10.0, wage: 400.0}]->(e1)
       CREATE (p2)-[:WORKS_FOR_CLIENT {start: date('2021-01-01'), share: 0.95}]->(e1)
       CREATE (p1)-[:DIRECTS {role: 'director', start: date('2024-07-01')}]->(e2)
       CREATE (p3)-[:DIRECTS {role: 'director', start: date('2015-03-01'), end: date('2024-06-30')}]->(e1)
       CREATE (p1)-[:LIVES_AT {start: date('2010-05-01')}]->(a1)
       CREATE (e1)-[:SEATED_AT {start: date('2015-03-01')}]->(a2)
       CREATE (e1)-[:SUBCONTRACTS_TO {start: date('2023-01-01'), end: date('2023-12-31'), value: 50000.0}]->(e2)
       CREATE (s1:Staff {id: $p + 'S1', unit: 'sickness', office_region: 'BE21', f_linked_claims: 1})-[:IS]->(p1)
       CREATE (c1:Claim {id: $p + 'C1', type: 'unemployment', start: date('2024-07-15'),
                         end: date('2024-12-31'), monthly_amount_eur: 1200.0, status: 'granted',
                         channel: 'online'})
       CREATE (c2:Claim {id: $p + 'C2', type: 'sickness', start: date('2022-01-01'), status: 'granted'})
       CREATE (p1)-[:CLAIMED]->(c1)-[:PROCESSED_BY]->(s1)
       CREATE (p2)-[:CLAIMED]->(c2)-[:PROCESSED_BY]->(s1)
       CREATE (:Inspection {id: $p + 'I1', opened_on: date('2024-09-01'), closed_on: date('2024-12-01'),
                            offence: 'benefit_fraud', outcome: 'confirmed', origin: 'complaint',
                            recovered_eur: 5000.0})-[:OF]->(p1)
       CREATE (:Inspection {id: $p + 'I2', opened_on: date('2024-01-10'), closed_on: date('2024-05-01'),
                            offence: 'phoenix', outcome: 'confirmed', origin: 'risk_model',
                            recovered_eur: 20000.0})-[:OF]->(e1)
       CREATE (:Inspection {id: $p + 'I3', opened_on: date('2025-02-01'), offence: 'undeclared_work',
                            outcome: 'pending', origin: 'own_initiative', recovered_eur: 0.0})-[:OF]->(e1)
       CREATE (:Inspection {id: $p + 'I4', opened_on: date('2025-03-01'), offence: 'internal_fraud',
                            outcome: 'pending', origin: 'other_service'})-[:OF]->(s1)
       // Its jobs lack the worker's id (\`person\`), as jobs written otherwise than by the loaders:
       // the page then reads it from the person.
       CREATE (big:Employer {id: $p + 'EBIG', name: 'Big Payroll'})
       WITH big
       UNWIND range(0, $workers - 1) AS i
       CREATE (:Person {id: $p + 'W' + i})-[:EMPLOYED_BY {id: $p + 'JW' + i, employer: big.id,
               start: date('2000-01-01') + duration({days: i})}]->(big)`,
    {
      p,
      employerReasons: JSON.stringify(employer),
      personReasons: JSON.stringify(person),
      workers: TIMELINE_PAGE + 5,
    },
  );
}
