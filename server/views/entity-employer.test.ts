// An employer's detail against the real test Neo4j, on the hand-made graph of entity-fixture.ts
// (ids `en-e-`): properties, features, score and reasons, the timeline in date order, a big
// employer's capped jobs, and unknown or malformed ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagerankFeature } from '../analytics/features/pagerank.js';
import type { Database } from '../db/database.js';
import { BadInputError, NotFoundError } from '../errors.js';
import {
  closeEntityGraph,
  entityDetail,
  entityReasons,
  investigator,
  openEntityGraph,
} from './entity-fixture.js';
import { TIMELINE_PAGE } from './entity-timeline-page.js';

const P = 'en-e-';
const at = (id: string) => ({ type: 'Employer', id: `${P}${id}` });

describe('entity detail: employers (real Neo4j)', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openEntityGraph(P);
  });
  afterAll(() => closeEntityGraph(db, P));

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
      reasons: entityReasons(P).employer,
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
