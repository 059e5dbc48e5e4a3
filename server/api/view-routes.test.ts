// The investigator's routes over HTTP on a tiny hand-made graph: each route's happy path, the
// audit record it leaves (naming the entities, with the stated purpose), and bad input of every
// kind answered 400, never 500.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUsers, signIn, userPrefix, type TestUser } from '../../test/api-users.js';
import { openTestDatabase } from '../../test/database.js';
import { searchAudit } from '../audit/search-audit.js';
import type { Database } from '../db/database.js';
import { createApp } from './app.js';

const P = `vr${Date.now().toString(36)}-`;

describe('view routes over HTTP', () => {
  let db: Database;
  let users: Record<string, TestUser>;
  let investigator: string;
  let internal: string;
  const app = () => createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.driver.executeQuery(
      `CREATE (e:Employer {id: $p + 'E1', name: 'Alpha Bouw', sector: 'F41.20', region: 'R', status: 'active',
                risk_score: 0.91, risk_band: 'red', risk_rank: 1, risk_offences: ['phoenix'], risk_top_reason: 'director of 2 bankrupt employers'})
       CREATE (e2:Employer {id: $p + 'E2', name: 'Beta', sector: 'F43.00', region: 'R', status: 'bankrupt',
                risk_score: 0.2, risk_band: 'green', risk_rank: 2, risk_offences: []})
       CREATE (a:Person {id: $p + 'P1', region: 'R', birth_year: 1980, sex: 'F', nationality: 'BE',
                         risk_score: 0.5, risk_band: 'orange'})
       CREATE (b:Person {id: $p + 'P2', region: 'R'})
       CREATE (s:Staff {id: $p + 'S1', unit: 'unemployment', office_region: 'R'})
       CREATE (c:Claim {id: $p + 'C1', type: 'unemployment', start: date('2024-01-01'), status: 'granted'})
       CREATE (a)-[:EMPLOYED_BY {employer: e.id, id: $p + 'J1', start: date('2023-01-01'), contract: 'full_time'}]->(e)
       CREATE (a)-[:DIRECTS {role: 'director', start: date('2022-01-01')}]->(e2)
       CREATE (b)-[:EMPLOYED_BY {employer: e2.id, id: $p + 'J2', start: date('2023-06-01')}]->(e2)
       CREATE (b)-[:EMPLOYED_BY {employer: e2.id, id: $p + 'J3', start: date('2021-02-01'), end: date('2022-01-31')}]->(e2)
       CREATE (b)-[:HOUSEHOLD {kind: 'spouse'}]->(a)
       CREATE (s)-[:IS]->(b)
       CREATE (a)-[:CLAIMED]->(c)-[:PROCESSED_BY]->(s)`,
      { p: P },
    );
    users = await addTestUsers(db, userPrefix('views'));
    investigator = await signIn(app(), users.investigator as TestUser);
    internal = await signIn(app(), users.internal_fraud as TestUser);
  });
  afterAll(async () => {
    await db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    await db.close();
  });

  const get = (path: string, cookie: string, purpose?: string) => {
    const r = request(app()).get(path).set('Cookie', cookie);
    return purpose ? r.set('X-Purpose', purpose) : r;
  };

  it('ranks, shows an entity, and records both reads with the purpose', async () => {
    const purpose = `complaint ${P}`;
    const ranked = await get(`/api/rankings?q=${P}E`, investigator, purpose);
    expect(ranked.status).toBe(200);
    const items = (ranked.body as { items: { id: string; band: string }[] }).items;
    expect(items.map((i) => i.id)).toEqual([`${P}E1`, `${P}E2`]);

    const entity = await get(`/api/entities/employer/${P}E1`, investigator, purpose);
    expect(entity.status).toBe(200);
    expect(entity.body).toMatchObject({ type: 'employer', id: `${P}E1`, label: 'Alpha Bouw' });

    const missing = await get(`/api/entities/employer/${P}NOPE`, investigator, purpose);
    expect(missing.status).toBe(404);

    const trail = await searchAudit(db, { user: users.investigator?.username, limit: 10 });
    const mine = trail.records.filter((r) => r.purpose === purpose);
    expect(mine.map((r) => [r.action, r.status, r.entities])).toEqual([
      ['GET /api/entities/:type/:id', 404, []],
      ['GET /api/entities/:type/:id', 200, [`Employer:${P}E1`]],
      ['GET /api/rankings', 200, [`Employer:${P}E1`, `Employer:${P}E2`]],
    ]);
  });

  it('pages an entity’s older timeline events and records each page', async () => {
    const purpose = `older jobs ${P}`;
    const path = `/api/entities/employer/${P}E2/timeline?relation=EMPLOYED_BY&limit=1`;
    const first = await get(path, investigator, purpose);
    expect(first.status).toBe(200);
    const page = first.body as { events: { date: string }[]; nextCursor: string | null };
    expect(page.events.map((e) => e.date)).toEqual(['2023-06-01']);
    const next = await get(`${path}&cursor=${page.nextCursor}`, investigator, purpose);
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({
      type: 'employer',
      id: `${P}E2`,
      relation: 'EMPLOYED_BY',
      events: [{ date: '2021-02-01', endDate: '2022-01-31', kind: 'job' }],
      nextCursor: null,
    });
    const trail = await searchAudit(db, { user: users.investigator?.username, limit: 10 });
    expect(
      trail.records.filter((r) => r.purpose === purpose).map((r) => [r.action, r.entities]),
    ).toEqual([
      ['GET /api/entities/:type/:id/timeline', [`Employer:${P}E2`]],
      ['GET /api/entities/:type/:id/timeline', [`Employer:${P}E2`]],
    ]);

    // An official's timeline is their person's, for the internal-fraud unit only.
    const official = `/api/entities/staff/${P}S1/timeline?relation=EMPLOYED_BY`;
    expect((await get(official, investigator)).status).toBe(403);
    const seen = await get(official, internal);
    expect(seen.status).toBe(200);
    expect((seen.body as { events: unknown[] }).events).toHaveLength(2);
    expect(
      (await get(`/api/entities/person/${P}NOPE/timeline?relation=LIVES_AT`, internal)).status,
    ).toBe(404);
  });

  it('answers a person without their sex or nationality, to investigators and the internal-fraud unit alike', async () => {
    for (const cookie of [investigator, internal]) {
      const person = await get(`/api/entities/person/${P}P1`, cookie, 'data minimisation');
      expect(person.status).toBe(200);
      const body = person.body as { properties: Record<string, unknown> };
      expect(body.properties).toEqual({ birth_year: 1980, region: 'R', municipality: null });
      expect(person.text).not.toMatch(/"(sex|nationality)"/);
    }
  });

  it('serves neighbourhoods and paths, with officials masked for an investigator', async () => {
    const around = await get(`/api/network/neighbourhood?nodes=Person:${P}P2`, investigator);
    expect(around.status).toBe(200);
    const keys = (around.body as { nodes: { key: string }[] }).nodes.map((n) => n.key).sort();
    expect(keys).toEqual([`Employer:${P}E2`, `Person:${P}P1`, `Person:${P}P2`]);

    const seen = await get(`/api/network/neighbourhood?nodes=Person:${P}P2`, internal);
    const internalKeys = (seen.body as { nodes: { key: string }[] }).nodes.map((n) => n.key);
    expect(internalKeys).toContain(`Staff:${P}S1`);

    const paths = await get(
      `/api/network/paths?from=Employer:${P}E1&to=Employer:${P}E2&maxLength=4`,
      investigator,
    );
    expect(paths.status).toBe(200);
    expect((paths.body as { paths: string[][] }).paths).toEqual([
      [`Employer:${P}E1`, `Person:${P}P1`, `Employer:${P}E2`],
    ]);

    const staffEntity = await get(`/api/entities/staff/${P}S1`, investigator);
    expect(staffEntity.status).toBe(403);
    const linked = await get(`/api/internal/staff/${P}S1/linked-claims`, internal);
    expect(linked.status).toBe(200);
    expect((linked.body as { claims: { id: string }[] }).claims.map((c) => c.id)).toEqual([
      `${P}C1`,
    ]);
  });

  it('answers bad input of every kind with 400 and the field, never 500', async () => {
    const bad = [
      '/api/rankings?limit=1000000000000',
      '/api/rankings?limit=abc',
      '/api/rankings?minScore=2',
      '/api/rankings?band=purple',
      '/api/rankings?type=Employer%20OR%201%3D1',
      `/api/rankings?q=${'x'.repeat(5000)}`,
      '/api/rankings?cursor=not-a-cursor',
      '/api/rankings?region[$ne]=x',
      "/api/entities/employer/E1'%20OR%20'1'%3D'1",
      `/api/entities/employer/${'E'.repeat(65)}`,
      '/api/entities/company/E1',
      '/api/entities/employer/E1/timeline',
      '/api/entities/employer/E1/timeline?relation=CLAIMED',
      '/api/entities/employer/E1/timeline?relation=EMPLOYED_BY&cursor=%27%20OR%201%3D1',
      '/api/entities/employer/E1/timeline?relation=EMPLOYED_BY&limit=100000',
      '/api/network/neighbourhood?nodes=Bogus:1',
      '/api/network/neighbourhood?nodes=Person:P1&types=KNOWS',
      '/api/network/neighbourhood?nodes=Person:P1&depth=9',
      '/api/network/neighbourhood?nodes=Person:P1})%20MATCH%20(n)%20DETACH%20DELETE%20n//',
      '/api/network/paths?from=Person:P1&to=Person:P1',
      '/api/network/paths?from=Person:P1&to=Person:P2&asOf=2024-13-45',
      '/api/network/paths?from=Person:P1&to=Person:P2&maxLength=99',
      '/api/network/communities/C1?limit=-1',
    ];
    for (const path of bad) {
      const response = await get(path, investigator);
      expect(response.status, path).toBe(400);
      expect(response.text, path).not.toMatch(/at \S+ \(/);
    }
    const purpose = await request(app())
      .get('/api/rankings')
      .set('Cookie', investigator)
      .set('X-Purpose', 'p'.repeat(500));
    expect(purpose.status).toBe(400);
  });
});
