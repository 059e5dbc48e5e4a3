// Rankings pages kept by the API until the next scoring run or load (answer-cache.ts behind
// GET /api/rankings), against the real database: a kept page is answered without reading the
// scores again, every request is still audited, and a new scoring run's band counts replace it.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUsers, signIn, userPrefix, type TestUser } from '../../test/api-users.js';
import { openTestDatabase } from '../../test/database.js';
import { searchAudit } from '../audit/search-audit.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { rankingsVersion } from '../views/rankings-version.js';
import { createApp } from './app.js';

const P = `rc${Date.now().toString(36)}-`;

describe('the rankings cache over HTTP', () => {
  let db: Database;
  let users: Record<string, TestUser>;

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.driver.executeQuery(
      `CREATE (:Employer {id: $p + 'E1', name: 'Cached Bouw', sector: 'F41.20', region: 'R',
                          status: 'active', risk_score: 0.9, risk_band: 'red', risk_offences: []})`,
      { p: P },
    );
    users = await addTestUsers(db, userPrefix('rcache'));
  });
  afterAll(async () => {
    await db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    await db.driver.executeQuery('MATCH (r:LoadRun {dataset: $p}) DELETE r', { p: P });
    await db.close();
  });

  const setScore = (score: number) =>
    db.driver.executeQuery(`MATCH (e:Employer {id: $p + 'E1'}) SET e.risk_score = $score`, {
      p: P,
      score,
    });
  const scoreOf = (body: unknown) => (body as { items: { score: number }[] }).items[0]?.score;

  /** A load just finished (of a data set of this test's own, so no loader sees it). */
  const loaded = (n: number) =>
    db.driver.executeQuery(
      `CREATE (:LoadRun {id: $p + 'load' + $n, dataset: $p, finished_at: datetime()})`,
      { p: P, n },
    );

  it('answers a kept page until the next load or scoring run, auditing every read', async () => {
    // Checked every millisecond, so the test never waits on the interval.
    const app = createApp({
      db,
      logger: pino({ level: 'silent' }),
      version: 'test',
      views: { rankingsCacheMs: 1 },
    });
    const cookie = await signIn(app, users.analyst as TestUser);
    const purpose = `cache ${P}`;
    const page = () =>
      request(app).get(`/api/rankings?q=${P}E`).set('Cookie', cookie).set('X-Purpose', purpose);

    // Other test files score too, which turns the version: an attempt counts only when the
    // version stood still across it.
    let attempts = 0;
    for (;;) {
      attempts++;
      await setScore(0.9);
      await loaded(attempts);
      const before = await rankingsVersion(db);
      const first = await page();
      expect(first.status).toBe(200);
      expect(scoreOf(first.body)).toBe(0.9);
      await setScore(0.4);
      const kept = await page();
      if ((await rankingsVersion(db)) !== before) {
        expect(attempts).toBeLessThan(10);
        continue;
      }
      expect(kept.status).toBe(200);
      expect(kept.headers['content-type']).toMatch(/^application\/json/);
      expect(kept.body).toEqual(first.body);
      break;
    }

    await loaded(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await page();
    expect(scoreOf(fresh.body)).toBe(0.4);

    const trail = await searchAudit(db, { user: users.analyst?.username, limit: 50 });
    const reads = trail.records.filter((r) => r.purpose === purpose);
    expect(reads.length).toBe(2 * attempts + 1);
    expect(reads.every((r) => r.status === 200 && r.entities[0] === `Employer:${P}E1`)).toBe(true);
  });

  it('keeps pages apart for viewers who may and may not see officials', async () => {
    const app = createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });
    const internal = await signIn(app, users.internal_fraud as TestUser);
    const analyst = await signIn(app, users.analyst as TestUser);
    expect(
      (await request(app).get('/api/rankings?type=staff').set('Cookie', internal)).status,
    ).toBe(200);
    // The internal-fraud unit's page, now kept, is not an analyst's.
    expect((await request(app).get('/api/rankings?type=staff').set('Cookie', analyst)).status).toBe(
      403,
    );
  });

  it('is off with a zero interval', () => {
    expect(loadConfig({ RINGWATCH_RANKINGS_CACHE_SECONDS: '0' }).views.rankingsCacheMs).toBe(0);
    expect(loadConfig({}).views.rankingsCacheMs).toBe(1000);
  });
});
