// GET /api/models over HTTP against the real Neo4j: two stored versions of one area (the active
// one marked, inputs paired with their coefficients, the hold-out metrics as stored), and the
// live hit rates of the cases closed on entities scored with a version — a model-driven case
// and a random-audit one, closed through the case routes — next to each version; the staff
// internal-fraud area's live figures only for the roles that see staff.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUsers, signIn, userPrefix, type TestUser } from '../../test/api-users.js';
import { deleteCasesOn } from '../../test/case-cleanup.js';
import { openTestDatabase } from '../../test/database.js';
import type { Role } from '../auth/roles.js';
import { openCase } from '../cases/create-case.js';
import type { Database } from '../db/database.js';
import type { TrainedModel } from '../scoring/model.js';
import { saveModel } from '../scoring/model-store.js';
import { createApp } from './app.js';
import type { Models } from './model-routes.js';

const P = `mr${Date.now().toString(36)}-`;

const metrics = (rocAuc: number) => ({
  labels: 40,
  positives: 10,
  rocAuc,
  rocAucInterval: [rocAuc - 0.1, rocAuc + 0.05] as [number, number],
  prAuc: 0.5,
  baseRate: 0.25,
  redPrecision: 0.6,
  brier: 0.15,
});

function model(version: string, area: TrainedModel['area'], createdAt: string): TrainedModel {
  return {
    version,
    area,
    offence: 'any',
    createdAt,
    asOf: '2025-12-31',
    kind: 'logistic-regression-l2',
    inputs: [
      { name: 'f_director_bankruptcies', kind: 'network', transform: 'log1p', mean: 0.2, sd: 0.5 },
      { name: 'f_age_years', kind: 'intrinsic', transform: 'identity', mean: 8, sd: 4 },
    ],
    intercept: -1.5,
    coefficients: [0.9, -0.2],
    l2: 1,
    crossValidation: null,
    dropped: ['f_constant'],
    converged: true,
    training: {
      labels: 120,
      positives: 30,
      firstClosed: '2022-01-03',
      lastClosed: '2025-11-28',
      dataHash: 'ab'.repeat(32),
      origins: { risk_model: 80, random_audit: 40 },
      fromCases: 3,
      caseLabels: null,
    },
    holdout: {
      splitDate: '2025-06-30',
      train: { labels: 80, positives: 20 },
      caseLabels: { trained: 1, withheld: 0 },
      full: metrics(0.8),
      intrinsicOnly: metrics(0.7),
      predictions: [{ id: 'E-tested', confirmed: true, probability: 0.7 }],
    },
    rules: { source: 'rules.yaml', hash: 'cd'.repeat(32), ids: ['R1'] },
    protectedAttributes: ['sex', 'nationality', 'birth_year'],
    notes: [],
  };
}

describe('GET /api/models', () => {
  let db: Database;
  let users: Record<Role, TestUser>;
  const cookie = {} as Record<Role, string>;
  const app = () =>
    createApp({
      db,
      logger: pino({ level: 'silent' }),
      version: 'test',
      cases: { controlShare: 0 },
    });
  const get = (role: Role) => request(app()).get('/api/models').set('Cookie', cookie[role]);
  const post = (role: Role, path: string, body: object) =>
    request(app()).post(path).set('Cookie', cookie[role]).send(body);
  const v1 = `${P}employer-any-v1`;
  const v2 = `${P}employer-any-v2`;
  const vs = `${P}staff-any-v1`;

  /** Take, start and close a case (as an admin: the official's case is theirs to see). */
  async function close(id: string, outcome: 'confirmed' | 'unfounded'): Promise<void> {
    await post('admin', `/api/cases/${id}/take`, { version: 1 }).expect(200);
    await post('admin', `/api/cases/${id}/transition`, { version: 2, to: 'in_progress' });
    const closed = await post('admin', `/api/cases/${id}/close`, {
      version: 3,
      outcome,
      ...(outcome === 'confirmed' ? { offence: 'undeclared_work' } : {}),
    });
    expect(closed.status).toBe(200);
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    await saveModel(db, model(v1, 'employer', '2025-01-01T10:00:00.000Z'));
    await saveModel(db, model(v2, 'employer', '2025-02-01T10:00:00.000Z'));
    await saveModel(db, model(vs, 'internal', '2025-02-02T10:00:00.000Z'));
    await db.driver.executeQuery(`MATCH (m:Model {version: $v}) SET m.active = true`, { v: v1 });
    await db.driver.executeQuery(
      `CREATE (:Employer {id: $p + 'E1', name: 'Alpha', sector: 'F41.20', region: $p + 'R',
                risk_score: 0.9, risk_band: 'red', risk_model: $v1})
       CREATE (:Employer {id: $p + 'E2', name: 'Beta', sector: 'F41.20', region: $p + 'R',
                risk_score: 0.2, risk_band: 'blue', risk_model: $v1})
       CREATE (:Staff {id: $p + 'S1', unit: 'unemployment', office_region: $p + 'R',
                risk_score: 0.8, risk_band: 'red', risk_model: $vs})`,
      { p: P, v1, vs },
    );
    users = await addTestUsers(db, userPrefix('models'));
    for (const role of [
      'investigator',
      'analyst',
      'internal_fraud',
      'supervisor',
      'admin',
    ] as const) {
      cookie[role] = await signIn(app(), users[role]);
    }
    // A model-driven case on the red employer, confirmed; a control-group case on the blue
    // one, unfounded; a model-driven case on the official, confirmed.
    const driven = await post('admin', '/api/cases', {
      entities: [{ type: 'employer', id: `${P}E1` }],
    });
    expect(driven.status).toBe(201);
    await close((driven.body as { case: { id: string } }).case.id, 'confirmed');
    const control = await openCase(
      db,
      { refs: [{ type: 'employer', id: `${P}E2` }], origin: 'random_audit', title: 'control' },
      'control-group',
    );
    await close(control.id, 'unfounded');
    const staff = await post('admin', '/api/cases', {
      entities: [{ type: 'staff', id: `${P}S1` }],
    });
    expect(staff.status).toBe(201);
    await close((staff.body as { case: { id: string } }).case.id, 'confirmed');
  });
  afterAll(async () => {
    await deleteCasesOn(db, P);
    await db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    await db.driver.executeQuery('MATCH (m:Model) WHERE m.version STARTS WITH $p DELETE m', {
      p: P,
    });
    await db.close();
  });

  it('lists the versions newest first, the active one marked, with inputs, coefficients and hold-out metrics', async () => {
    const response = await get('analyst');
    expect(response.status).toBe(200);
    const answer = response.body as Models;
    const mine = answer.models.filter((m) => m.version.startsWith(P));
    expect(mine.map((m) => [m.version, m.active])).toEqual([
      [vs, false],
      [v2, false],
      [v1, true],
    ]);
    expect(mine[2]).toMatchObject({
      area: 'employer',
      offence: 'any',
      createdAt: '2025-01-01T10:00:00.000Z',
      training: { labels: 120, positives: 30, firstClosed: '2022-01-03', fromCases: 3 },
      inputs: [
        { name: 'f_director_bankruptcies', kind: 'network', coefficient: 0.9 },
        { name: 'f_age_years', kind: 'intrinsic', coefficient: -0.2 },
      ],
      holdout: { splitDate: '2025-06-30', full: { rocAuc: 0.8, brier: 0.15, redPrecision: 0.6 } },
    });
    // The hold-out's per-entity predictions stay in the store: ids and outcomes are personal data.
    expect(mine[2]?.holdout).not.toHaveProperty('predictions');
    expect(JSON.stringify(response.body)).not.toContain('E-tested');
    // Nothing closed on entities scored with v2.
    expect(mine[1]!.live).toBeNull();
  });

  it('puts the live hit rates per band next to the control group of the version', async () => {
    const answer = (await get('investigator').expect(200)).body as Models;
    const live = answer.models.find((m) => m.version === v1)!.live!;
    expect(live.modelDriven.overall).toMatchObject({ n: 1, hits: 1, rate: 1 });
    expect(live.modelDriven.bands.find((b) => b.band === 'red')).toMatchObject({
      closed: 1,
      confirmed: 1,
      rate: 1,
      indicative: true,
    });
    expect(live.controlGroup.overall).toMatchObject({ n: 1, hits: 0, rate: 0 });
    expect(live.controlGroup.bands.find((b) => b.band === 'blue')).toMatchObject({
      closed: 1,
      confirmed: 0,
    });
    // The staff area's live figures are for the roles that see staff.
    expect(answer.liveHidden).toEqual(['internal']);
    expect(answer.models.find((m) => m.version === vs)!.live).toBeNull();
    for (const role of ['internal_fraud', 'admin'] as const) {
      const staffSeen = (await get(role).expect(200)).body as Models;
      expect(staffSeen.liveHidden).toEqual([]);
      expect(
        staffSeen.models.find((m) => m.version === vs)!.live!.modelDriven.overall,
      ).toMatchObject({ n: 1, hits: 1 });
    }
  });

  it('is for signed-in users only', async () => {
    await request(app()).get('/api/models').expect(401);
  });
});
