// The case queue over HTTP on a tiny hand-made graph, against the real Neo4j: a case from the
// rankings to its closing (snapshot, history, labels, webhook messages), the state machine's
// refusals, concurrent edits, bulk assignment all or nothing, officials' cases hidden, export
// as JSON and CSV, and the audit records. The control group is off here (its own test).
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../../test/api-app.js';
import { signInRoles, type TestUser } from '../../test/api-users.js';
import { deleteTestGraph } from '../../test/case-cleanup.js';
import { openTestDatabase } from '../../test/database.js';
import { searchAudit } from '../audit/search-audit.js';
import type { Role } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { readInspections } from '../scoring/labels.js';

const P = `cr${Date.now().toString(36)}-`;

interface Body {
  [key: string]: unknown;
}

describe('case routes over HTTP', () => {
  let db: Database;
  let users: Record<Role, TestUser>;
  const { app, as, cookie } = testApi(() => db);

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.driver.executeQuery(
      `CREATE (e:Employer {id: $p + 'E1', name: '=Alpha Bouw', sector: 'F41.20', region: $p + 'R',
                risk_score: 0.91, risk_band: 'red', risk_model: 'employer-any-v1',
                risk_top_reason: 'director of 2 bankrupt employers',
                risk_top_reason_masked: 'director of 2 bankrupt employers'})
       CREATE (e2:Employer {id: $p + 'E2', name: 'Beta', sector: 'N81.21', region: $p + 'R',
                risk_score: 0.3, risk_band: 'green', risk_model: 'employer-any-v1'})
       CREATE (a:Person {id: $p + 'P1', region: $p + 'R', risk_score: 0.55, risk_band: 'orange'})
       CREATE (s:Staff {id: $p + 'S1', unit: 'unemployment', office_region: $p + 'R', risk_score: 0.8, risk_band: 'red'})
       CREATE (c:Community {id: $p + 'C1'})
       CREATE (e)-[:IN_COMMUNITY]->(c), (e2)-[:IN_COMMUNITY]->(c), (a)-[:IN_COMMUNITY]->(c),
              (s)-[:IN_COMMUNITY]->(c)`,
      { p: P },
    );
    const roles = ['investigator', 'internal_fraud', 'supervisor', 'admin'] as const;
    users = await signInRoles(app(), db, 'cases', roles, cookie);
  });
  afterAll(async () => {
    await deleteTestGraph(db, P);
    await db.close();
  });

  it('takes a red employer from the rankings to a closed case, and its outcome becomes a label', async () => {
    const inv = as('investigator');
    const created = await inv.post('/api/cases', {
      entities: [{ type: 'employer', id: `${P}E1` }],
      offence: 'phoenix',
      title: '=SUM(A1) Alpha Bouw',
      note: 'same directors as two bankrupt employers',
    });
    expect(created.status).toBe(201);
    const c = (created.body as { case: Body }).case;
    expect(c).toMatchObject({
      status: 'new',
      version: 1,
      origin: 'risk_model',
      subject: { type: 'employer', id: `${P}E1` },
      band: 'red',
      score: 0.91,
      modelVersion: 'employer-any-v1',
      sector: 'F41.20',
      offence: 'phoenix',
      createdBy: users.investigator.username,
      entities: [
        {
          type: 'employer',
          id: `${P}E1`,
          label: '=Alpha Bouw',
          snapshot: { score: 0.91, band: 'red', topReason: 'director of 2 bankrupt employers' },
        },
      ],
    });
    const id = c.id as string;
    expect(id).toMatch(/^K\d{8}$/);

    // A second open case about the same single entity is refused, naming the first.
    const twice = await inv.post('/api/cases', { entities: [{ type: 'employer', id: `${P}E1` }] });
    expect(twice.status).toBe(409);
    expect((twice.body as { error: Body }).error).toMatchObject({
      code: 'already_open',
      current: { openCases: [id] },
    });

    // The score moves on; the case keeps what chose it.
    await db.driver.executeQuery(`MATCH (e:Employer {id: $id}) SET e.risk_score = 0.1`, {
      id: `${P}E1`,
    });

    const taken = await inv.post(`/api/cases/${id}/take`, { version: 1 });
    expect(taken.body).toMatchObject({
      status: 'assigned',
      assignee: users.investigator.username,
      version: 2,
    });
    const started = await inv.post(`/api/cases/${id}/transition`, {
      version: 2,
      to: 'in_progress',
    });
    expect(started.body).toMatchObject({ status: 'in_progress', version: 3 });
    await inv.post(`/api/cases/${id}/comments`, { text: 'visited the seat: empty office' });
    const measured = await inv.post(`/api/cases/${id}/measures`, { kind: 'suspend_payment' });
    expect(measured.status).toBe(200);
    const closed = await inv.post(`/api/cases/${id}/close`, {
      version: 3,
      outcome: 'confirmed',
      offence: 'phoenix',
      recoveredEur: 125000,
      note: 'third phoenix in the chain',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      version: 4,
      outcome: 'confirmed',
      offence: 'phoenix',
      recoveredEur: 125000,
      closedBy: users.investigator.username,
      entities: [{ snapshot: { score: 0.91, band: 'red' } }],
      inspections: [
        {
          id: `I-${id}-employer-${P}E1`,
          subject: { type: 'employer', id: `${P}E1` },
          outcome: 'confirmed',
          offence: 'phoenix',
          recoveredEur: 125000,
        },
      ],
    });
    const events = (closed.body as { events: Body[] }).events;
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.by])).toEqual([
      ['created', null, 'new', users.investigator.username],
      ['taken', 'new', 'assigned', users.investigator.username],
      ['started', 'assigned', 'in_progress', users.investigator.username],
      ['comment', null, 'in_progress', users.investigator.username],
      ['measure', null, 'in_progress', users.investigator.username],
      ['closed', 'in_progress', 'closed', users.investigator.username],
    ]);
    expect(events[4]).toMatchObject({
      measure: { kind: 'suspend_payment', mode: 'automatic', status: 'requested' },
    });

    // The label `ringwatch train` reads.
    const labels = (await readInspections(db, P)).filter((i) => i.id.includes(id));
    expect(labels).toEqual([
      expect.objectContaining({
        subjectId: `${P}E1`,
        area: 'employer',
        confirmed: true,
        offence: 'phoenix',
        origin: 'risk_model',
      }),
    ]);

    // Webhook messages, written with the changes: created, the measure request, closed.
    const outbox = await db.driver.executeQuery(
      'MATCH (o:Outbox {case_id: $id}) RETURN o.event AS event, o.payload AS payload ORDER BY o.created_at',
      { id },
    );
    expect(outbox.records.map((r) => r.get('event') as string)).toEqual([
      'case.created',
      'measure.requested',
      'case.closed',
    ]);
    const payload = JSON.parse(outbox.records[2]!.get('payload') as string) as Body;
    expect(payload).toMatchObject({
      type: 'case.closed',
      data: { case: { id, outcome: 'confirmed' }, by: users.investigator.username },
    });

    // A closed case is final.
    const again = await inv.post(`/api/cases/${id}/transition`, { version: 4, to: 'new' });
    expect(again.status).toBe(409);
    expect((again.body as { error: Body }).error.code).toBe('illegal_transition');

    const trail = await searchAudit(db, { user: users.investigator.username, limit: 20 });
    expect(trail.records.find((r) => r.action === 'POST /api/cases/:id/close')?.entities).toEqual([
      `Case:${id}`,
      `Employer:${P}E1`,
    ]);
  });

  it('detects concurrent edits: of two takes of one version, exactly one wins', async () => {
    const created = await as('investigator').post('/api/cases', {
      entities: [{ type: 'employer', id: `${P}E2` }],
    });
    const id = (created.body as { case: Body }).case.id as string;
    const [a, b] = await Promise.all([
      as('investigator').post(`/api/cases/${id}/take`, { version: 1 }),
      as('supervisor').post(`/api/cases/${id}/take`, { version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect((loser.body as { error: Body }).error).toMatchObject({
      code: 'version_conflict',
      current: { version: 2, status: 'assigned' },
    });

    // Closing an assigned case skips "in progress": refused; and not by someone else.
    const winner = a.status === 200 ? 'investigator' : 'supervisor';
    const skip = await as(winner).post(`/api/cases/${id}/close`, {
      version: 2,
      outcome: 'unfounded',
    });
    expect((skip.body as { error: Body }).error.code).toBe('illegal_transition');
    if (winner === 'supervisor') {
      const notMine = await as('investigator').post(`/api/cases/${id}/transition`, {
        version: 2,
        to: 'in_progress',
      });
      expect(notMine.status).toBe(403);
    }
  });

  it('assigns in bulk all or nothing, only to people who work cases', async () => {
    const sup = as('supervisor');
    const one = await as('investigator').post('/api/cases', {
      entities: [{ type: 'person', id: `${P}P1` }],
      origin: 'complaint',
    });
    const group = await as('investigator').post('/api/cases', { communityId: `${P}C1` });
    expect(group.status).toBe(201);
    const g = (group.body as { case: Body }).case;
    // The investigator may not see officials: the community case leaves S1 out; highest risk
    // now first (E1's score fell to 0.1 in the first test).
    expect((g.entities as Body[]).map((e) => e.id)).toEqual([`${P}P1`, `${P}E2`, `${P}E1`]);
    const ids = [(one.body as { case: Body }).case.id as string, g.id as string];

    const toAnalyst = await sup.post('/api/cases/assign', {
      cases: ids.map((id) => ({ id, version: 1 })),
      assignee: users.analyst.username,
    });
    expect(toAnalyst.status).toBe(400);
    const stale = await sup.post('/api/cases/assign', {
      cases: [
        { id: ids[0], version: 1 },
        { id: ids[1], version: 7 },
      ],
      assignee: users.investigator.username,
    });
    expect(stale.status).toBe(409);
    const untouched = await sup.get(`/api/cases/${ids[0]}`);
    expect(untouched.body).toMatchObject({ status: 'new', version: 1, assignee: null });

    const ok = await sup.post('/api/cases/assign', {
      cases: ids.map((id) => ({ id, version: 1 })),
      assignee: users.investigator.username,
    });
    expect(ok.body).toEqual({ assigned: ids });
    const mine = await as('investigator').get(
      `/api/cases?assignee=me&region=${P}R&status=assigned&type=person`,
    );
    expect((mine.body as { items: Body[] }).items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect((mine.body as { counts: Body }).counts).toMatchObject({ assigned: 2, new: 0 });
  });

  it('keeps cases about officials to the internal-fraud unit', async () => {
    const refused = await as('investigator').post('/api/cases', {
      entities: [{ type: 'staff', id: `${P}S1` }],
    });
    expect(refused.status).toBe(403);
    const created = await as('internal_fraud').post('/api/cases', {
      entities: [{ type: 'staff', id: `${P}S1` }],
      offence: 'internal_fraud',
    });
    expect(created.status).toBe(201);
    const id = (created.body as { case: Body }).case.id as string;
    expect((await as('investigator').get(`/api/cases/${id}`)).status).toBe(404);
    const listed = await as('investigator').get(`/api/cases?region=${P}R&type=staff`);
    expect((listed.body as { items: Body[] }).items).toEqual([]);
    const theirs = await as('internal_fraud').get(`/api/cases?region=${P}R&type=staff`);
    expect((theirs.body as { items: Body[] }).items.map((i) => i.id)).toEqual([id]);
    // A ring of an official and an employer: not on the employer's page for an investigator.
    const ring = await as('internal_fraud').post('/api/cases', {
      entities: [
        { type: 'staff', id: `${P}S1` },
        { type: 'employer', id: `${P}E2` },
      ],
    });
    const ringId = (ring.body as { case: Body }).case.id as string;
    const page = (who: Role) => as(who).get(`/api/entities/employer/${P}E2`);
    const caseIds = (r: request.Response) => (r.body as { cases: Body[] }).cases.map((c) => c.id);
    expect(caseIds(await page('internal_fraud'))).toContain(ringId);
    expect(caseIds(await page('investigator'))).not.toContain(ringId);
    expect(caseIds(await page('investigator')).length).toBeGreaterThan(0);

    // A supervisor does not see it either; an admin assigns it, only to the unit (or an admin).
    const hidden = await as('supervisor').post('/api/cases/assign', {
      cases: [{ id, version: 1 }],
      assignee: users.internal_fraud.username,
    });
    expect(hidden.status).toBe(404);
    const wrong = await as('admin').post('/api/cases/assign', {
      cases: [{ id, version: 1 }],
      assignee: users.investigator.username,
    });
    expect(wrong.status).toBe(400);
    const right = await as('admin').post('/api/cases/assign', {
      cases: [{ id, version: 1 }],
      assignee: users.internal_fraud.username,
    });
    expect(right.body).toEqual({ assigned: [id] });
  });

  it('exports a filtered queue as JSON and as CSV safe for spreadsheets', async () => {
    const json = await as('supervisor').get(`/api/cases/export?region=${P}R&type=employer`);
    expect(json.status).toBe(200);
    const cases = (json.body as { cases: Body[] }).cases;
    expect(cases.length).toBeGreaterThanOrEqual(2);
    expect(cases.every((c) => (c.subject as Body).type === 'employer')).toBe(true);

    const csv = await as('supervisor').get(
      `/api/cases/export?region=${P}R&type=employer&status=closed&format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="?cases-\d{4}-\d{2}-\d{2}\.csv/,
    );
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'id,status,origin,subject_type,subject_id,entity_count,entities,band,score,model_version,sector,region,offence,assignee,created_at,created_by,closed_at,outcome,recovered_eur,title',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,closed,risk_model,employer,${P}E1,1,employer:${P}E1,red,0.91,`);
    // The title starts with "=": a spreadsheet must not run it.
    expect(lines[1]!.endsWith(`,125000,'=SUM(A1) Alpha Bouw`)).toBe(true);

    expect((await as('investigator').get('/api/cases/export')).status).toBe(403);
    const bad = await as('supervisor').get('/api/cases/export?format=xml');
    expect(bad.status).toBe(400);
  });
});
