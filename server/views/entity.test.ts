// Entity detail against the real test Neo4j, on a hand-made graph (ids `en-t-`): a bankrupt
// employer with workers, a director, a self-employed client, a seat, a subcontract and
// inspections; a worker who is also an official and processed their own claim; a big employer
// whose timeline is capped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { pagerankFeature } from '../analytics/features/pagerank.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import type { Reasons } from '../scoring/reasons.js';
import { entityDetail as detailOf, EntityDetailSchema } from './entity.js';
import { TIMELINE_PAGE } from './entity-timeline-page.js';

const P = 'en-t-';
const investigator: Viewer = { username: 'ines', role: 'investigator' };
const internal: Viewer = { username: 'ivo', role: 'internal_fraud' };

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

const employerReasons = reasons([
  {
    feature: 'f_director_bankruptcies',
    text: 'director en-t-P3 also ran …',
    entities: [{ type: 'person', id: `${P}P3` }],
  },
]);
const personReasons = reasons(
  [
    {
      feature: 'f_staff_proximity',
      text: `claim ${P}C1 was processed by official ${P}S1, who is the claimant`,
      entities: [
        { type: 'claim', id: `${P}C1` },
        { type: 'staff', id: `${P}S1` },
      ],
    },
    {
      feature: 'f_claim_work_overlap_days',
      text: 'unemployment claim overlaps work',
      entities: [{ type: 'employer', id: `${P}E2` }],
    },
  ],
  'f_staff_proximity',
);

const at = (id: string) => ({ type: 'Employer', id: `${P}${id}` });

/** Every object key in a value, however deep. */
function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysIn(inner)]);
}

/** The detail, checked against the schema the route returns. */
async function entityDetail(...args: [Database, Parameters<typeof detailOf>[1], Viewer]) {
  const detail = await detailOf(...args);
  expect(EntityDetailSchema.parse(detail)).toEqual(detail);
  return detail;
}

describe('entity detail (real Neo4j)', () => {
  let db: Database;
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    await db.driver.executeQuery(cypher, { p: P, ...params }, { database: db.connection.database });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await run(
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
       CREATE (p1)-[:EMPLOYED_BY {id: $p + 'J1', employer: e1.id, start: date('2016-01-10'), end: date('2024-06-30'),
                                  contract: 'full_time', hours: 38.0, wage: 3000.0}]->(e1)
       CREATE (p1)-[:EMPLOYED_BY {id: $p + 'J2', employer: e2.id, start: date('2024-07-01'), contract: 'part_time',
                                  hours: 20.0, wage: 1500.0}]->(e2)
       CREATE (p2)-[:EMPLOYED_BY {id: $p + 'J3', employer: e1.id, start: date('2020-02-01'), end: date('2020-03-01'),
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
       CREATE (big:Employer {id: $p + 'EBIG', name: 'Big Payroll'})
       WITH big
       UNWIND range(0, $workers - 1) AS i
       CREATE (:Person {id: $p + 'W' + i})-[:EMPLOYED_BY {id: $p + 'JW' + i, employer: big.id,
               start: date('2000-01-01') + duration({days: i})}]->(big)`,
      {
        employerReasons: JSON.stringify(employerReasons),
        personReasons: JSON.stringify(personReasons),
        workers: TIMELINE_PAGE + 5,
      },
    );
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await db.close();
  });

  it('shows an employer: properties, features with their meaning, score with reasons', async () => {
    const e = await entityDetail(db, { type: 'employer', id: `${P}E1` }, investigator);
    expect(e).toMatchObject({ type: 'employer', id: `${P}E1`, label: 'Alpha Bouw' });
    expect(e.properties).toEqual({
      name: 'Alpha Bouw',
      kind: 'company',
      sector: 'F41.20',
      region: 'BE21',
      municipality: 'Mechelen',
      founded_on: '2015-03-01',
      ceased_on: '2024-06-30',
      status: 'bankrupt',
      contribution_debt_eur: 12400,
      declared_workers: 3,
    });
    expect(e.features).toEqual([
      {
        name: 'f_pagerank',
        value: 0.001,
        description: pagerankFeature.description,
        unit: 'probability',
      },
      {
        name: 'f_exposure',
        value: 0.04,
        description: expect.stringContaining('exposure') as string,
        unit: expect.any(String) as string,
      },
      {
        name: 'f_degree_employed_by',
        value: 2,
        description: expect.stringContaining('EMPLOYED_BY') as string,
        unit: 'links',
      },
      { name: 'f_unknown_thing', value: 5, description: null, unit: null },
    ]);
    expect(e.featuresRun).toEqual({ run: 'an-1', at: '2025-05-01T00:00:00.000Z' });
    expect(e.score).toEqual({
      score: 0.8,
      band: 'red',
      rank: 1,
      scope: 'all',
      model: 'm1',
      offences: ['phoenix'],
      topReason: 'a reason',
      reasons: employerReasons,
      run: 'sc-1',
      at: '2025-05-02T08:30:00.123Z',
    });
    expect(e.inspections.map((i) => i.id)).toEqual([`${P}I3`, `${P}I2`]);
    expect(e.inspections[1]).toEqual({
      id: `${P}I2`,
      openedOn: '2024-01-10',
      closedOn: '2024-05-01',
      offence: 'phoenix',
      outcome: 'confirmed',
      origin: 'risk_model',
      recoveredEur: 20000,
    });
    expect(e.cases).toEqual([]);
    expect(e.timelineTruncated).toEqual([]);
    expect(e.person).toBeNull();
    expect(e.claimsProcessed).toBeNull();
  });

  it('puts an employer’s dated events in one timeline, in date order and plain words', async () => {
    const e = await entityDetail(db, { type: 'employer', id: `${P}E1` }, investigator);
    expect(
      e.timeline.map((t) => [
        t.date,
        t.endDate,
        t.kind,
        t.summary,
        t.relation,
        t.other?.id ?? null,
      ]),
    ).toEqual([
      ['2015-03-01', null, 'founded', 'founded', null, null],
      [
        '2015-03-01',
        null,
        'seat',
        `seated at ${P}A2 (2800 Mechelen, domiciliation address)`,
        'SEATED_AT',
        `${P}A2`,
      ],
      ['2015-03-01', '2024-06-30', 'directorship', `director: ${P}P3`, 'DIRECTS', `${P}P3`],
      [
        '2016-01-10',
        '2024-06-30',
        'job',
        `job of ${P}P1 (full time, 38 h/week, €3,000/month)`,
        'EMPLOYED_BY',
        `${P}P1`,
      ],
      [
        '2020-02-01',
        '2020-03-01',
        'job',
        `job of ${P}P2 (student, 10 h/week, €400/month)`,
        'EMPLOYED_BY',
        `${P}P2`,
      ],
      [
        '2021-01-01',
        null,
        'client',
        `self-employed ${P}P2 works for it (95 % of their income)`,
        'WORKS_FOR_CLIENT',
        `${P}P2`,
      ],
      [
        '2023-01-01',
        '2023-12-31',
        'subcontract',
        'subcontracts to Beta (€50,000)',
        'SUBCONTRACTS_TO',
        `${P}E2`,
      ],
      [
        '2024-01-10',
        '2024-05-01',
        'inspection',
        'inspection for phoenix: confirmed (risk model, €20,000 recovered)',
        'OF',
        `${P}I2`,
      ],
      [
        '2024-06-30',
        null,
        'ceased',
        'ceased: bankrupt, leaving €12,400 of contributions unpaid',
        null,
        null,
      ],
      [
        '2025-02-01',
        null,
        'inspection',
        'inspection for undeclared work: open (own initiative)',
        'OF',
        `${P}I3`,
      ],
    ]);
    expect(e.timeline[6]?.other).toEqual({ ...at('E2'), label: 'Beta' });
    const beta = await entityDetail(db, { type: 'employer', id: `${P}E2` }, investigator);
    expect(beta.timeline.map((t) => t.summary)).toEqual([
      'subcontractor of Alpha Bouw (€50,000)',
      `director: ${P}P1`,
      `job of ${P}P1 (part time, 20 h/week, €1,500/month)`,
    ]);
    expect(beta.score).toBeNull();
    expect(beta.featuresRun).toBeNull();
  });

  it('caps a big employer’s jobs at the most recent, and says so', async () => {
    const big = await entityDetail(db, { type: 'employer', id: `${P}EBIG` }, investigator);
    expect(big.timeline).toHaveLength(TIMELINE_PAGE);
    expect(big.timeline[0]?.other?.id).toBe(`${P}W5`); // the five oldest jobs left out
    expect(big.timeline.at(-1)?.other?.id).toBe(`${P}W${TIMELINE_PAGE + 4}`);
    expect(big.timelineTruncated).toEqual([
      {
        relation: 'EMPLOYED_BY',
        shown: TIMELINE_PAGE,
        total: TIMELINE_PAGE + 5,
        nextCursor: expect.any(String) as string,
      },
    ]);
    expect(big.notes).toEqual([
      `timeline: the ${TIMELINE_PAGE} most recent of ${TIMELINE_PAGE + 5} EMPLOYED_BY relations`,
    ]);
  });

  it('shows a person, hiding that they are an official from an investigator', async () => {
    const p = await entityDetail(db, { type: 'person', id: `${P}P1` }, investigator);
    expect(p.properties).toEqual({ birth_year: 1980, region: 'BE21', municipality: 'Mechelen' });
    expect(p.timeline.map((t) => [t.date, t.kind, t.summary])).toEqual([
      ['2010-05-01', 'residence', `lives at ${P}A1 (2800 Mechelen)`],
      ['2016-01-10', 'job', 'job at Alpha Bouw (full time, 38 h/week, €3,000/month)'],
      ['2024-07-01', 'directorship', 'director of Beta'],
      ['2024-07-01', 'job', 'job at Beta (part time, 20 h/week, €1,500/month)'],
      ['2024-07-15', 'claim', `unemployment claim ${P}C1 (granted, €1,200/month, online)`],
      [
        '2024-09-01',
        'inspection',
        'inspection for benefit fraud: confirmed (complaint, €5,000 recovered)',
      ],
    ]);
    expect(p.timeline[4]?.other).toEqual({ type: 'Claim', id: `${P}C1`, label: `${P}C1` });
    expect(p.staff).toEqual([]);
    expect(p.features.map((f) => f.name)).toEqual(['f_exposure']);
    expect(p.score?.reasons?.evidence.map((x) => x.feature)).toEqual(['f_claim_work_overlap_days']);
    // Its one contribution reads f_staff_proximity: left out, folded into the others'.
    expect(p.score?.reasons?.contributions).toEqual([]);
    expect(p.score?.reasons?.otherContributions).toBeCloseTo(3.386, 12);
    expect(JSON.stringify(p)).not.toContain(`${P}S1`);
    expect(p.notes).toEqual([]);

    const seen = await entityDetail(db, { type: 'person', id: `${P}P1` }, internal);
    expect(seen.staff).toEqual([{ id: `${P}S1`, label: `${P}S1` }]);
    expect(seen.features.map((f) => f.name).sort()).toEqual([
      'f_degree_is',
      'f_exposure',
      'f_staff_proximity',
    ]);
    expect(seen.score?.reasons).toEqual(personReasons);
  });

  it('never sends a person’s sex or nationality, to investigators or the internal-fraud unit, nor reads them', async () => {
    for (const viewer of [investigator, internal]) {
      for (const id of [`${P}P1`, `${P}P2`]) {
        const p = await entityDetail(db, { type: 'person', id }, viewer);
        expect(keysIn(p.properties)).not.toContain('sex');
        expect(keysIn(p.properties)).not.toContain('nationality');
        expect(keysIn(p)).not.toContain('sex');
        expect(keysIn(p)).not.toContain('nationality');
      }
    }
    // The query leaves them in the database; birth year is read (it tells persons apart).
    const [row] = await db.read('views/entity-person', {
      id: `${P}P1`,
      cap: TIMELINE_PAGE,
      listCap: TIMELINE_PAGE,
    });
    expect(row?.node.birth_year).toBe(1980);
    expect(row?.node.sex ?? null).toBeNull();
    expect(row?.node.nationality ?? null).toBeNull();
    // The answer schema refuses them, should they ever come back.
    const p = await entityDetail(db, { type: 'person', id: `${P}P1` }, investigator);
    for (const name of ['sex', 'nationality']) {
      const leaked = { ...p, properties: { ...p.properties, [name]: 'x' } };
      expect(EntityDetailSchema.safeParse(leaked).success, name).toBe(false);
    }
  });

  it('shows an official to the internal-fraud unit: the person’s timeline and claims processed', async () => {
    const s = await entityDetail(db, { type: 'staff', id: `${P}S1` }, internal);
    expect(s).toMatchObject({
      type: 'staff',
      label: `${P}S1`,
      properties: { unit: 'sickness', office_region: 'BE21' },
      person: { id: `${P}P1`, label: `${P}P1` },
      claimsProcessed: 2,
      score: null,
    });
    expect(s.features).toEqual([
      expect.objectContaining({
        name: 'f_linked_claims',
        value: 1,
        description: expect.any(String) as string,
      }),
    ]);
    expect(s.inspections.map((i) => i.id)).toEqual([`${P}I4`]);
    expect(s.timeline.map((t) => [t.date, t.kind])).toEqual([
      ['2010-05-01', 'residence'],
      ['2016-01-10', 'job'],
      ['2024-07-01', 'directorship'],
      ['2024-07-01', 'job'],
      ['2024-07-15', 'claim'],
      ['2024-09-01', 'inspection'],
      ['2025-03-01', 'inspection'],
    ]);
    await expect(
      entityDetail(db, { type: 'staff', id: `${P}S1` }, investigator),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expect(
      entityDetail(db, { type: 'employer', id: `${P}nobody` }, investigator),
    ).rejects.toThrow(new NotFoundError(`views: no employer ${P}nobody; check the id`));
    await expect(
      entityDetail(db, { type: 'person', id: `${P}E1` }, investigator),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      entityDetail(db, { type: 'person', id: 'a b' }, investigator),
    ).rejects.toBeInstanceOf(BadInputError);
  });
});
