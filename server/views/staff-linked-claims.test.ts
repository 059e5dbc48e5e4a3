// The internal-fraud view against the real test Neo4j, on a hand-made graph under this file's
// id prefix. Official S1 (person SP, at address AD1 since 2015, holding account SA) processed:
//   CSP  SP's own claim, paid into SA             → self (0) and paid_to_own_account (2)
//   CH1  spouse H1, also at AD1                   → household (1) and address (2)
//   CR1  R1, at AD1 since 2023                    → address (2) (a 3-hop path via H1 dropped)
//   CA1  A1, joint holder of SA                   → account (2)
//   CO1  O1, unrelated, paid into SA              → paid_to_own_account (2)
//   CK1  K1, H1's child                           → household (2)
//   CV2  V1, at AD1 2016–2020, claim in 2019      → address (2)
//   CM1  M1, household of R1                      → mixed (3)
// and, not listed: CV1 (V1's claim of 2024, after V1 left AD1) and CQ1 (Q1 left AD1 in 2010,
// before SP came), linked only outside the claim's period; CU1 (unlinked); CHP1 (HP1 shares
// only a hub address with SP); CW1 (W1 moves in after the as-of date); CH2 (starts after it);
// CX1 (H1's claim processed by another official).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { analysisDate } from '../analytics/analysis-date.js';
import { linkedClaimsFeature } from '../analytics/features/linked-claims.js';
import { runQueryFeatures } from '../analytics/query-features.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { StaffLinkedClaimsSchema } from './staff-linked-claims-schema.js';
import { staffLinkedClaims } from './staff-linked-claims.js';

const P = 'slc-t-';
const AS_OF = '2025-12-31';
const unit: Viewer = { username: 'ifu', role: 'internal_fraud' };

const setup = `
CREATE (s1:Staff {id: $p + 'S1', unit: 'unemployment', office_region: 'BE10', risk_score: 0.8, risk_band: 'red', risk_top_reason: 'processed linked claims'})
CREATE (s2:Staff {id: $p + 'S2', unit: 'unemployment', office_region: 'BE10'})
CREATE (s3:Staff {id: $p + 'S3', unit: 'sickness', office_region: 'BE21'})-[:IS]->(:Person {id: $p + 'P3'})
CREATE (sp:Person {id: $p + 'SP', sex: 'F', nationality: 'BE', birth_year: 1970, region: 'BE10', municipality: 'Town'}), (s1)-[:IS]->(sp)
CREATE (ad1:Address {id: $p + 'AD1', kind: 'residential', postcode: '1000', municipality: 'Town', region: 'BE10'}),
       (ah:Address {id: $p + 'AH', kind: 'residential', f_hub: true}), (sa:Account {id: $p + 'SA'})
CREATE (h1:Person {id: $p + 'H1', sex: 'M', nationality: 'FR', birth_year: 1968, risk_score: 0.4, risk_band: 'orange'}),
       (r1:Person {id: $p + 'R1'}), (a1:Person {id: $p + 'A1'}), (o1:Person {id: $p + 'O1'}),
       (k1:Person {id: $p + 'K1'}), (v1:Person {id: $p + 'V1'}), (m1:Person {id: $p + 'M1'}),
       (q1:Person {id: $p + 'Q1'}), (u1:Person {id: $p + 'U1'}), (hp1:Person {id: $p + 'HP1'}),
       (w1:Person {id: $p + 'W1'})
CREATE (sp)-[:LIVES_AT {key: '2015-01-01', start: date('2015-01-01')}]->(ad1),
       (h1)-[:LIVES_AT {key: '2015-01-01', start: date('2015-01-01')}]->(ad1),
       (r1)-[:LIVES_AT {key: '2023-01-01', start: date('2023-01-01')}]->(ad1),
       (v1)-[:LIVES_AT {key: '2016-01-01', start: date('2016-01-01'), end: date('2020-12-31')}]->(ad1),
       (q1)-[:LIVES_AT {key: '2005-01-01', start: date('2005-01-01'), end: date('2010-12-31')}]->(ad1),
       (w1)-[:LIVES_AT {key: '2026-03-01', start: date('2026-03-01')}]->(ad1),
       (sp)-[:LIVES_AT {key: '2000-01-01', start: date('2000-01-01')}]->(ah),
       (hp1)-[:LIVES_AT {key: '2000-01-01', start: date('2000-01-01')}]->(ah)
CREATE (h1)-[:HOUSEHOLD {kind: 'spouse'}]->(sp), (h1)-[:HOUSEHOLD {kind: 'parent'}]->(k1),
       (m1)-[:HOUSEHOLD {kind: 'sibling'}]->(r1)
CREATE (sp)-[:HOLDS]->(sa), (a1)-[:HOLDS]->(sa)
WITH *
UNWIND [
  [sp, 'CSP', 'granted', '2025-05-01', null, s1],
  [h1, 'CH1', 'granted', '2025-02-01', null, s1],
  [r1, 'CR1', 'granted', '2025-04-01', null, s1],
  [a1, 'CA1', 'rejected', '2025-03-15', '2025-09-30', s1],
  [o1, 'CO1', 'granted', '2025-01-10', null, s1],
  [k1, 'CK1', 'granted', '2024-11-01', '2025-04-30', s1],
  [v1, 'CV2', 'rejected', '2019-01-01', '2019-12-31', s1],
  [m1, 'CM1', 'granted', '2025-06-01', null, s1],
  [v1, 'CV1', 'granted', '2024-01-01', '2024-06-30', s1],
  [q1, 'CQ1', 'granted', '2025-03-01', null, s1],
  [u1, 'CU1', 'rejected', '2025-03-01', null, s1],
  [hp1, 'CHP1', 'granted', '2025-03-01', null, s1],
  [w1, 'CW1', 'rejected', '2025-06-01', null, s1],
  [h1, 'CH2', 'granted', '2026-02-01', null, s1],
  [h1, 'CX1', 'granted', '2025-02-01', null, s2],
  [u1, 'CU3', 'granted', '2025-02-01', null, s3]
] AS c
WITH c[0] AS claimant, c[5] AS staff, c
CREATE (claimant)-[:CLAIMED]->(claim:Claim {id: $p + c[1], type: 'unemployment', status: c[2],
  start: date(c[3]), end: CASE WHEN c[4] IS NULL THEN null ELSE date(c[4]) END, monthly_amount_eur: 1500.0})
CREATE (claim)-[:PROCESSED_BY]->(staff)
WITH claim WHERE claim.id IN [$p + 'CSP', $p + 'CO1']
MATCH (sa:Account {id: $p + 'SA'})
CREATE (claim)-[:PAID_TO]->(sa)
`;

describe('staffLinkedClaims (real Neo4j)', () => {
  let db: Database;

  const cleanup = async () => {
    await db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await cleanup();
    await db.driver.executeQuery(setup, { p: P });
    // The analytics feature the view explains, on this graph only.
    await runQueryFeatures(
      db,
      { run: `${P}run`, at: '2026-01-05T10:00:00Z', asOf: AS_OF, scope: P, batchSize: 10 },
      [linkedClaimsFeature],
    );
  });

  afterAll(async () => {
    await cleanup();
    await db.close();
  });

  const view = (input: { staffId: string; limit?: number }, viewer: Viewer = unit) =>
    staffLinkedClaims(db, { asOf: AS_OF, ...input, staffId: P + input.staffId }, viewer);
  const k = (key: string) => key.replace(/:/, `:${P}`);

  it('lists each linked claim with its links: kind, exact hops and path, strongest first', async () => {
    const result = await view({ staffId: 'S1' });
    expect(StaffLinkedClaimsSchema.parse(result)).toEqual(result);
    expect(result.claims.map((c) => c.id.slice(P.length))).toEqual([
      'CSP',
      'CH1',
      'CR1',
      'CA1',
      'CO1',
      'CK1',
      'CV2',
      'CM1',
    ]);
    const links = Object.fromEntries(
      result.claims.map((c) => [
        c.id.slice(P.length),
        c.links.map((l) => ({
          kind: l.kind,
          hops: l.hops,
          path: l.path.join(' '),
          relationships: l.relationships.join(' '),
          period: `${l.period.from}..${l.period.to}`,
        })),
      ]),
    );
    const path = (...keys: string[]) => keys.map(k).join(' ');
    expect(links).toEqual({
      CSP: [
        {
          kind: 'self',
          hops: 0,
          path: path('Person:SP'),
          relationships: '',
          period: '2025-05-01..2025-12-31',
        },
        {
          kind: 'paid_to_own_account',
          hops: 2,
          path: path('Claim:CSP', 'Account:SA', 'Person:SP'),
          relationships: 'PAID_TO HOLDS',
          period: '2025-05-01..2025-12-31',
        },
      ],
      CH1: [
        {
          kind: 'household',
          hops: 1,
          path: path('Person:H1', 'Person:SP'),
          relationships: 'HOUSEHOLD',
          period: '2025-02-01..2025-12-31',
        },
        {
          kind: 'address',
          hops: 2,
          path: path('Person:H1', 'Address:AD1', 'Person:SP'),
          relationships: 'LIVES_AT LIVES_AT',
          period: '2025-02-01..2025-12-31',
        },
      ],
      CR1: [
        {
          kind: 'address',
          hops: 2,
          path: path('Person:R1', 'Address:AD1', 'Person:SP'),
          relationships: 'LIVES_AT LIVES_AT',
          period: '2025-04-01..2025-12-31',
        },
      ],
      CA1: [
        {
          kind: 'account',
          hops: 2,
          path: path('Person:A1', 'Account:SA', 'Person:SP'),
          relationships: 'HOLDS HOLDS',
          period: '2025-03-15..2025-09-30',
        },
      ],
      CO1: [
        {
          kind: 'paid_to_own_account',
          hops: 2,
          path: path('Claim:CO1', 'Account:SA', 'Person:SP'),
          relationships: 'PAID_TO HOLDS',
          period: '2025-01-10..2025-12-31',
        },
      ],
      CK1: [
        {
          kind: 'household',
          hops: 2,
          path: path('Person:K1', 'Person:H1', 'Person:SP'),
          relationships: 'HOUSEHOLD HOUSEHOLD',
          period: '2024-11-01..2025-04-30',
        },
      ],
      CV2: [
        {
          kind: 'address',
          hops: 2,
          path: path('Person:V1', 'Address:AD1', 'Person:SP'),
          relationships: 'LIVES_AT LIVES_AT',
          period: '2019-01-01..2019-12-31',
        },
      ],
      CM1: [
        {
          kind: 'mixed',
          hops: 3,
          path: path('Person:M1', 'Person:R1', 'Address:AD1', 'Person:SP'),
          relationships: 'HOUSEHOLD LIVES_AT LIVES_AT',
          period: '2025-06-01..2025-12-31',
        },
      ],
    });
    const ch1 = result.claims[1]!;
    expect(ch1).toMatchObject({
      type: 'unemployment',
      start: '2025-02-01',
      end: null,
      status: 'granted',
      amount: 1500,
      claimant: { id: `${P}H1`, score: 0.4, band: 'orange' },
    });
  });

  it('sums up processed, linked and granted claims exactly, and agrees with f_linked_claims', async () => {
    const result = await view({ staffId: 'S1' });
    expect(result.summary).toEqual({
      claimsProcessed: 13,
      claimsGranted: 9,
      claimsLinked: 8,
      claimsLinkedGranted: 6,
      linkedShare: 8 / 13,
      grantedShare: 9 / 13,
      linkedGrantedShare: 6 / 8,
      claimsLinkedOutsidePeriod: 2,
    });
    // The feature counts the two claims linked outside their period too (it ignores end dates).
    expect(result.official.features.f_linked_claims).toBe(10);
    expect(result.official.features.f_linked_claim_share).toBeCloseTo(10 / 13, 12);
    expect(result.official).toMatchObject({
      id: `${P}S1`,
      personId: `${P}SP`,
      unit: 'unemployment',
      officeRegion: 'BE10',
      score: 0.8,
      band: 'red',
      topReason: 'processed linked claims',
      featuresRun: `${P}run`,
    });
    expect(result.asOf).toBe(AS_OF);
    expect(result.graph.notes.join(' ')).toContain('2 claim(s) linked only through residences');
  });

  it('draws the official, claims, claimants and linking nodes with the paths’ edges', async () => {
    const { graph, claims } = await view({ staffId: 'S1' });
    const keys = new Set(graph.nodes.map((n) => n.key));
    for (const key of [
      'Staff:S1',
      'Person:SP',
      'Address:AD1',
      'Account:SA',
      'Claim:CH1',
      'Person:M1',
      'Person:R1',
    ]) {
      expect(keys.has(k(key)), key).toBe(true);
    }
    for (const gone of [
      'Person:U1',
      'Person:HP1',
      'Address:AH',
      'Person:Q1',
      'Claim:CV1',
      'Claim:CX1',
    ]) {
      expect(keys.has(k(gone)), gone).toBe(false);
    }
    expect(graph.nodes).toHaveLength(new Set(graph.nodes.map((n) => n.key)).size);
    for (const edge of graph.edges) {
      expect(keys.has(edge.source) && keys.has(edge.target), edge.key).toBe(true);
    }
    const edge = (type: string, source: string, target: string) =>
      graph.edges.find((e) => e.type === type && e.source === k(source) && e.target === k(target));
    expect(edge('IS', 'Staff:S1', 'Person:SP')).toBeDefined();
    expect(edge('PROCESSED_BY', 'Claim:CH1', 'Staff:S1')).toBeDefined();
    expect(edge('CLAIMED', 'Person:H1', 'Claim:CH1')).toBeDefined();
    expect(edge('HOUSEHOLD', 'Person:H1', 'Person:SP')?.attributes).toEqual({ kind: 'spouse' });
    expect(edge('HOUSEHOLD', 'Person:M1', 'Person:R1')).toBeDefined();
    expect(edge('LIVES_AT', 'Person:V1', 'Address:AD1')).toMatchObject({
      start: '2016-01-01',
      end: '2020-12-31',
    });
    expect(edge('PAID_TO', 'Claim:CO1', 'Account:SA')).toBeDefined();
    expect(edge('HOLDS', 'Person:SP', 'Account:SA')).toBeDefined();
    expect(edge('HOLDS', 'Person:A1', 'Account:SA')).toBeDefined();
    // One path per link of the listed claims, for highlighting.
    const linkPaths = new Set(claims.flatMap((c) => c.links.map((l) => l.path.join(' '))));
    expect(new Set(graph.paths.map((p) => p.join(' ')))).toEqual(linkPaths);
    // Display attributes only: no protected attribute reaches the explorer.
    const sp = graph.nodes.find((n) => n.key === k('Person:SP'))!;
    expect(sp.attributes).toEqual({ region: 'BE10', municipality: 'Town' });
    for (const node of graph.nodes) {
      for (const name of ['sex', 'nationality', 'birth_year']) {
        expect(node.attributes, node.key).not.toHaveProperty(name);
      }
    }
    expect(graph.truncated).toBe(false);
  });

  it('cuts the list at the limit and says so, the summary still counting every linked claim', async () => {
    const result = await view({ staffId: 'S1', limit: 3 });
    expect(result.claims.map((c) => c.id.slice(P.length))).toEqual(['CSP', 'CH1', 'CR1']);
    expect(result.truncated).toBe(true);
    expect(result.graph.truncated).toBe(true);
    expect(result.summary.claimsLinked).toBe(8);
    expect(result.graph.nodes.some((n) => n.key === k('Claim:CM1'))).toBe(false);
    expect((await view({ staffId: 'S1', limit: 8 })).truncated).toBe(false);
  });

  it('finds nothing for an official with no linked claim, and counts their other claims', async () => {
    const result = await view({ staffId: 'S3' });
    expect(result.claims).toEqual([]);
    expect(result.summary).toEqual({
      claimsProcessed: 1,
      claimsGranted: 1,
      claimsLinked: 0,
      claimsLinkedGranted: 0,
      linkedShare: 0,
      grantedShare: 1,
      linkedGrantedShare: null,
      claimsLinkedOutsidePeriod: 0,
    });
    expect(result.graph.nodes.map((n) => n.key)).toEqual([k('Staff:S3'), k('Person:P3')]);
    expect(result.graph.edges.map((e) => e.key)).toEqual([
      `IS:${k('Staff:S3')}->${k('Person:P3')}`,
    ]);
    // An official the data names no person for: no link can be traced, and the view says so.
    const s2 = await view({ staffId: 'S2' });
    expect(s2.official.personId).toBeNull();
    expect(s2.summary).toMatchObject({ claimsProcessed: 1, claimsLinked: 0 });
    expect(s2.graph.nodes.map((n) => n.key)).toEqual([k('Staff:S2')]);
    expect(s2.graph.notes.join(' ')).toContain('no person');
  });

  it('is only for the internal-fraud unit (and admins)', async () => {
    await expect(
      view({ staffId: 'S1' }, { username: 'insp', role: 'investigator' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      view({ staffId: 'S1' }, { username: 'an', role: 'analyst' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await view({ staffId: 'S1' }, { username: 'root', role: 'admin' });
    expect(admin.summary.claimsLinked).toBe(8);
  });

  it('is as of the extraction date of the latest load when not told, as analytics', async () => {
    const result = await staffLinkedClaims(db, { staffId: `${P}S3` }, unit);
    expect(result.asOf).toBe(await analysisDate(db, undefined, new Date()));
  });

  it('says an unknown official is not found, and refuses bad input', async () => {
    await expect(view({ staffId: 'NOPE' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(view({ staffId: 'NOPE' })).rejects.toThrow(/^views: no official/);
    await expect(view({ staffId: 'S1', limit: 501 })).rejects.toThrow(/views: bad input/);
  });
});
