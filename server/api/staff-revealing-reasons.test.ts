// Reasons that reveal an official, over HTTP on a hand-made graph scored by the real scorer
// (ids `sr…-`, rules only): the default rule that fires on f_staff_proximity (weighted here above
// the others, so it is the top reason where it fires) for a person who is the official who
// processed their own claim (P1, who also worked while on benefit) and for one in that
// official's household (P2); P3 only worked while on benefit. The internal-fraud unit sees it
// all; an investigator sees no trace of it — no fired rule, no contribution, no evidence, no top
// reason naming the official — on the entity page, in the rankings and in a case snapshot.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../../test/api-app.js';
import { signInRoles } from '../../test/api-users.js';
import { deleteTestGraph } from '../../test/case-cleanup.js';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import type { Reasons } from '../scoring/reasons.js';
import { defaultRulesPath, parseRules } from '../scoring/rules/load-rules.js';
import { parseScoringConfig } from '../scoring/scoring-config.js';
import { score } from '../scoring/score.js';

const P = `sr${Date.now().toString(36)}-`;
const STAFF_RULE = 'claimant-linked-to-official';
const officialAt0 =
  'linked in 0 hops (household, address or account) to the official who processed their claim';
const officialAt1 =
  'linked in 1 hops (household, address or account) to the official who processed their claim';
const overlap = (days: number) =>
  `${days} days on unemployment or sickness benefit overlap declared work or a client relation`;

interface Detail {
  score: { score: number; band: string; topReason: string | null; reasons: Reasons | null };
}
interface Ranking {
  items: { id: string; score: number; topReason: string | null }[];
}
interface CaseBody {
  id: string;
  entities: { id: string; snapshot: { topReason: string | null } }[];
}

describe('reasons that reveal an official (real Neo4j, over HTTP)', () => {
  let db: Database;
  const { app, as, cookie } = testApi(() => db);

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.driver.executeQuery(
      `CREATE (p1:Person {id: $p + 'P1', region: 'R', f_staff_proximity: 0, f_degree_is: 1,
                          f_claim_work_overlap_days: 45})
       CREATE (p2:Person {id: $p + 'P2', region: 'R', f_staff_proximity: 1})
       CREATE (p3:Person {id: $p + 'P3', region: 'R', f_claim_work_overlap_days: 60})
       CREATE (s:Staff {id: $p + 'S1', unit: 'unemployment', office_region: 'R'})-[:IS]->(p1)
       CREATE (p2)-[:HOUSEHOLD {kind: 'spouse'}]->(p1)
       CREATE (p1)-[:CLAIMED]->(:Claim {id: $p + 'C1', type: 'unemployment', start: date('2024-01-01'), status: 'granted'})-[:PROCESSED_BY]->(s)
       CREATE (p2)-[:CLAIMED]->(:Claim {id: $p + 'C2', type: 'unemployment', start: date('2024-02-01'), status: 'granted'})-[:PROCESSED_BY]->(s)`,
      { p: P },
      { database: db.connection.database },
    );
    const rules = parseRules(await readFile(defaultRulesPath, 'utf8'), 'default').map((r) =>
      r.id === STAFF_RULE ? { ...r, weight: 2.5 } : r,
    );
    const config = parseScoringConfig(
      { areas: { beneficiary: { capacity: { red: 1, orange: 2, green: 0 } } } },
      'test',
    );
    await score(db, { config, rules, asOf: '2025-12-31', scope: P, models: new Map() });
    await signInRoles(app(), db, 'staffreason', ['investigator', 'internal_fraud'], cookie);
  });
  afterAll(async () => {
    await deleteTestGraph(db, P);
    await db.close();
  });

  it('shows the internal-fraud unit the fired rule, its contribution, evidence and top reason', async () => {
    const p1 = await as('internal_fraud').get(`/api/entities/person/${P}P1`);
    expect(p1.status).toBe(200);
    const s = (p1.body as Detail).score;
    expect(s.topReason).toBe(officialAt0);
    expect(s.reasons?.rules.map((r) => [r.id, r.reason])).toEqual([
      ['benefit-while-working', overlap(45)],
      [STAFF_RULE, officialAt0],
    ]);
    expect(s.reasons?.contributions.map((c) => c.input)).toContain(`r_${STAFF_RULE}`);
    expect(s.reasons?.evidence.map((e) => e.feature)).toContain('f_staff_proximity');
    expect(p1.text).toContain(`${P}S1`);

    const ranked = await as('internal_fraud').get(`/api/rankings?type=person&q=${P}`);
    expect((ranked.body as Ranking).items.map((i) => [i.id, i.topReason])).toEqual([
      [`${P}P1`, officialAt0],
      [`${P}P2`, officialAt1],
      [`${P}P3`, overlap(60)],
    ]);
  });

  it('leaves every trace of it out for an investigator, keeping the score and band', async () => {
    const full = (await as('internal_fraud').get(`/api/entities/person/${P}P1`)).body as Detail;
    const p1 = await as('investigator').get(`/api/entities/person/${P}P1`);
    expect(p1.status).toBe(200);
    const s = (p1.body as Detail).score;
    expect([s.score, s.band]).toEqual([full.score.score, full.score.band]);
    expect(s.topReason).toBe(overlap(45));
    expect(s.reasons?.rules.map((r) => r.id)).toEqual(['benefit-while-working']);
    expect(s.reasons?.contributions.map((c) => c.input)).toEqual(['r_benefit-while-working']);
    // What is left out still adds up: intercept + shown + other = log-odds.
    const shown = s.reasons!.contributions.reduce((sum, c) => sum + c.contribution, 0);
    expect(s.reasons!.intercept + shown + s.reasons!.otherContributions).toBeCloseTo(
      s.reasons!.logOdds,
      12,
    );
    expect(p1.text).not.toMatch(/official|f_staff_proximity|f_degree_is/);
    expect(p1.text).not.toContain(STAFF_RULE);
    expect(p1.text).not.toContain(`${P}S1`);

    // Only the official rule fired for P2: there is no other reason to show.
    const p2 = await as('investigator').get(`/api/entities/person/${P}P2`);
    expect((p2.body as Detail).score.topReason).toBeNull();
    expect((p2.body as Detail).score.reasons?.rules).toEqual([]);
    expect(p2.text).not.toMatch(/official|f_staff_proximity/);
    expect(p2.text).not.toContain(STAFF_RULE);

    const ranked = await as('investigator').get(`/api/rankings?type=person&q=${P}`);
    expect(ranked.status).toBe(200);
    expect((ranked.body as Ranking).items.map((i) => [i.id, i.topReason])).toEqual([
      [`${P}P1`, overlap(45)],
      [`${P}P2`, null],
      [`${P}P3`, overlap(60)],
    ]);
    expect(ranked.text).not.toMatch(/official/);
  });

  it('keeps a case’s snapshot from revealing it to an investigator, not from the internal-fraud unit', async () => {
    const created = await as('investigator').post('/api/cases', {
      entities: [{ type: 'person', id: `${P}P1` }],
    });
    expect(created.status).toBe(201);
    const c = (created.body as { case: CaseBody }).case;
    expect(c.entities.map((e) => e.snapshot.topReason)).toEqual([overlap(45)]);
    expect(created.text).not.toMatch(/official/);

    const again = await as('investigator').get(`/api/cases/${c.id}`);
    expect((again.body as CaseBody).entities.map((e) => e.snapshot.topReason)).toEqual([
      overlap(45),
    ]);
    expect(again.text).not.toMatch(/official/);

    const internal = await as('internal_fraud').get(`/api/cases/${c.id}`);
    expect((internal.body as CaseBody).entities.map((e) => e.snapshot.topReason)).toEqual([
      officialAt0,
    ]);
  });
});
