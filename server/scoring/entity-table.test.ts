// The entity table against the real test Neo4j, on a hand-made employer, person and official
// (ids `etab-`): every intrinsic input worked out by hand from their jobs, claims and roles, the
// network features and categories read from the nodes, and the audit columns kept apart. The
// pages return lists in a declared order, so a list out of step with its names shows here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { entityValues, readEntityTable } from './entity-table.js';

const P = 'etab-';
const asOf = '2025-12-31';

const graph = `
CREATE (e:Employer {id: $p + 'E1', name: 'Hand Made', founded_on: date('2020-01-01'),
                    contribution_debt_eur: 5000, declared_workers: 3, status: 'bankrupt',
                    kind: 'company', sector: 'F43.1', region: 'BE10', f_exposure: 0.25,
                    f_hub: true, risk_reasons: 'left over from an earlier run'})
CREATE (p:Person {id: $p + 'P1', sex: 'F', nationality: 'PT', birth_year: 1980, region: 'BE21',
                  f_degree: 5})
CREATE (s:Staff {id: $p + 'S1', unit: 'U1', office_region: 'BE10'})
CREATE (c:Claim {id: $p + 'C1', start: date('2025-11-01'), channel: 'online', status: 'granted'})
CREATE (p)-[:EMPLOYED_BY {employer: e.id, start: date('2023-01-01'), end: date('2023-03-01'), wage: 1000,
                          contract: 'part_time'}]->(e)
CREATE (p)-[:EMPLOYED_BY {employer: e.id, start: date('2024-06-01'), wage: 2000, contract: 'full_time'}]->(e)
CREATE (p)-[:CLAIMED]->(c)
CREATE (c)-[:RESTS_ON]->(e)
CREATE (c)-[:PROCESSED_BY]->(s)
CREATE (p)-[:DIRECTS {role: 'director', start: date('2019-01-01')}]->(e)
CREATE (p)-[:WORKS_FOR_CLIENT {start: date('2024-01-01')}]->(e)
CREATE (s)-[:IS]->(p)
`;

describe('entity table (real Neo4j)', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await db.driver.executeQuery(graph, { p: P }, { database: db.connection.database });
  });

  afterAll(async () => {
    await db.driver.executeQuery(
      'MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n',
      { p: P },
      { database: db.connection.database },
    );
    await db.close();
  });

  it('reads an employer’s intrinsic inputs, features, categories and audit columns', async () => {
    const table = await readEntityTable(db, 'employer', { asOf, scope: P });
    expect(table.ids).toEqual([`${P}E1`]);
    const days = (Date.parse(asOf) - Date.parse('2020-01-01')) / 86_400_000;
    expect(entityValues(table, 0)).toMatchObject({
      i_age_years: days / 365.25,
      i_contribution_debt_eur: 5000,
      i_declared_workers: 3,
      i_ceased: 1,
      i_self_employed: 0,
      i_active_jobs: 1,
      i_short_job_share: 0.5,
      i_part_time_share: 0.5,
      i_mean_wage_eur: 1500,
      i_claims_per_job: 0.5,
      i_sector_construction: 1,
      i_sector_cleaning: 0,
      i_sector_horeca: 0,
      f_exposure: 0.25,
      f_hub: 1,
      f_pagerank: null,
      sector: 'F43.1',
      kind: 'company',
      status: 'bankrupt',
      region: 'BE10',
    });
    expect(Object.fromEntries([...table.audit].map(([k, v]) => [k, v[0]]))).toEqual({
      region: 'BE10',
      sector: 'F43.1',
    });
  });

  it('reads a person’s counts, and their protected attributes only as audit columns', async () => {
    const table = await readEntityTable(db, 'beneficiary', { asOf, scope: P });
    expect(table.ids).toEqual([`${P}P1`]);
    const values = entityValues(table, 0);
    expect(values).toMatchObject({
      i_claims: 1,
      i_claim_days: 60,
      i_online_claim_share: 1,
      i_jobs: 2,
      i_recent_employers: 1,
      i_short_jobs: 1,
      i_directorships: 1,
      i_client_relations: 1,
      f_degree: 5,
      region: 'BE21',
    });
    for (const name of ['sex', 'nationality', 'birth_year'])
      expect(values).not.toHaveProperty(name);
    expect(Object.fromEntries([...table.audit].map(([k, v]) => [k, v[0]]))).toEqual({
      sex: 'F',
      nationality: 'PT',
      region: 'BE21',
    });
  });

  it('reads an official’s processed claims, and their audit columns as a person', async () => {
    const table = await readEntityTable(db, 'internal', { asOf, scope: P });
    expect(table.ids).toEqual([`${P}S1`]);
    expect(entityValues(table, 0)).toMatchObject({
      i_processed_claims: 1,
      i_granted_share: 1,
      unit: 'U1',
      office_region: 'BE10',
    });
    expect(Object.fromEntries([...table.audit].map(([k, v]) => [k, v[0]]))).toEqual({
      sex: 'F',
      nationality: 'PT',
      region: 'BE21',
    });
  });
});
