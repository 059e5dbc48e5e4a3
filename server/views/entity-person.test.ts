// A person's and an official's detail against the real test Neo4j, on the hand-made graph of
// entity-fixture.ts (ids `en-p-`): a person who is an official, shown as such only to the
// internal-fraud unit; never a person's sex or nationality; an official's own page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors.js';
import {
  closeEntityGraph,
  entityDetail,
  entityReasons,
  internal,
  investigator,
  keysIn,
  openEntityGraph,
} from './entity-fixture.js';
import { EntityDetailSchema } from './entity.js';
import { TIMELINE_PAGE } from './entity-timeline-page.js';

const P = 'en-p-';

describe('entity detail: persons and officials (real Neo4j)', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openEntityGraph(P);
  });
  afterAll(() => closeEntityGraph(db, P));

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
    expect(seen.score?.reasons).toEqual(entityReasons(P).person);
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
});
