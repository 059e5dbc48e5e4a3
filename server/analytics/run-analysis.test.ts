// The whole in-process analysis against the real test Neo4j, on a tiny hand-made graph: a
// phoenix pair (E1 went bankrupt with debt, its director and worker moved to E2 at the same
// seat), an unrelated employer E3, an employer E4 with a confirmed-fraud inspection sharing an
// account with a claimant. Ids start with `ana-t-` (this file's prefix) and the analysis is
// scoped to that prefix, so it neither reads nor rewrites what other test files put in the
// shared test database (their communities included); the test cleans up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { projectFromNeo4j } from './projection.js';
import { runAnalysis, type AnalysisSummary } from './run-analysis.js';

const P = 'ana-t-';

const setup = `
CREATE (e1:Employer {id: $p + 'E1', status: 'bankrupt', contribution_debt_eur: 50000.0, ceased_on: date('2023-06-01')})
CREATE (e2:Employer {id: $p + 'E2', status: 'active', contribution_debt_eur: 0.0})
CREATE (e3:Employer {id: $p + 'E3', status: 'active', contribution_debt_eur: 0.0})
CREATE (e4:Employer {id: $p + 'E4', status: 'active', contribution_debt_eur: 0.0})
CREATE (p1:Person {id: $p + 'P1'}), (p2:Person {id: $p + 'P2'}), (p3:Person {id: $p + 'P3'}),
       (p4:Person {id: $p + 'P4'})
CREATE (a1:Address {id: $p + 'A1', kind: 'commercial'}), (a2:Address {id: $p + 'A2', kind: 'commercial'})
CREATE (ac:Account {id: $p + 'AC1'})
CREATE (s1:Staff {id: $p + 'S1'})
CREATE (c1:Claim {id: $p + 'C1', start: date('2023-07-01')})
CREATE (i1:Inspection {id: $p + 'I1', outcome: 'confirmed', offence: 'phoenix', closed_on: date('2024-01-01')})
CREATE (p1)-[:DIRECTS {role: 'director', start: date('2019-01-01'), end: date('2023-06-01')}]->(e1)
CREATE (p1)-[:DIRECTS {role: 'director', start: date('2023-06-15')}]->(e2)
CREATE (p2)-[:EMPLOYED_BY {employer: e1.id, start: date('2020-01-01'), end: date('2023-05-31')}]->(e1)
CREATE (p2)-[:EMPLOYED_BY {employer: e2.id, start: date('2023-06-10')}]->(e2)
CREATE (p3)-[:EMPLOYED_BY {employer: e3.id, start: date('2018-01-01')}]->(e3)
CREATE (e1)-[:SEATED_AT {start: date('2019-01-01')}]->(a1)
CREATE (e2)-[:SEATED_AT {start: date('2023-06-15')}]->(a1)
CREATE (e3)-[:SEATED_AT {start: date('2010-01-01')}]->(a2)
CREATE (e4)-[:HOLDS]->(ac)
CREATE (s1)-[:IS]->(p3)
CREATE (p4)-[:CLAIMED]->(c1), (c1)-[:PROCESSED_BY]->(s1), (c1)-[:PAID_TO]->(ac)
CREATE (i1)-[:OF]->(e4)
`;

describe('runAnalysis (real Neo4j)', () => {
  let db: Database;
  let first: AnalysisSummary;

  const cleanup = async (runs: string[]) => {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
      await session.run('MATCH (c:Community) WHERE c.run IN $runs DETACH DELETE c', { runs });
    } finally {
      await session.close();
    }
  };

  const features = async (id: string) => {
    const session = db.driver.session();
    try {
      const result = await session.run(
        `MATCH (n {id: $id}) OPTIONAL MATCH (n)-[:IN_COMMUNITY]->(c:Community)
         RETURN properties(n) AS props, c.id AS community`,
        { id: P + id },
      );
      const record = result.records[0]!;
      return {
        props: record.get('props') as Record<string, unknown>,
        community: record.get('community') as string | null,
      };
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await cleanup([]);
    const session = db.driver.session();
    try {
      await session.run(setup, { p: P });
    } finally {
      await session.close();
    }
    first = await runAnalysis(db, {
      asOf: '2024-06-30',
      pageSize: 2,
      batchSize: 3,
      run: `${P}run1`,
      scope: P,
      now: new Date('2024-06-30T12:00:00Z'),
    });
  });

  afterAll(async () => {
    await cleanup([`${P}run1`, `${P}run2`, `${P}run3`, `${P}run4`, `${P}run5`]);
    await db.close();
  });

  it('projects every entity and link in scope in small pages, claims reduced to their links', () => {
    expect(first.projection).toMatchObject({
      persons: 4,
      employers: 4,
      staff: 1,
      claims: 1,
      confirmedFraud: 1,
    });
    expect(first.projection.pages).toBeGreaterThan(5);
    expect(first.exposure.seeds).toBe(2);
  });

  it('projects each link with its start and end day, a claim’s links with the claim’s', async () => {
    const { graph } = await projectFromNeo4j(db, { scope: P, pageSize: 2 });
    const links: string[] = [];
    graph.forEachLink((kind, source, target, start, end) => {
      const day = (d: number) =>
        Number.isNaN(d) ? 'open' : new Date(d * 86_400_000).toISOString().slice(0, 10);
      links.push(`${graph.keys[source]} ${kind} ${graph.keys[target]} ${day(start)} ${day(end)}`);
    });
    const k = (label: string, id: string) => `${label}:${P}${id}`;
    expect(links).toEqual(
      expect.arrayContaining([
        `${k('Person', 'P1')} DIRECTS ${k('Employer', 'E1')} 2019-01-01 2023-06-01`,
        `${k('Person', 'P2')} EMPLOYED_BY ${k('Employer', 'E2')} 2023-06-10 open`,
        `${k('Employer', 'E4')} EMPLOYER_HOLDS ${k('Account', 'AC1')} open open`,
        `${k('Person', 'P4')} CLAIM_PAID_TO ${k('Account', 'AC1')} 2023-07-01 open`,
      ]),
    );
  });

  it('makes the same graph, node numbers included, whatever the pages and their order', async () => {
    const shape = async (pageSize: number, concurrency: number) => {
      const { graph } = await projectFromNeo4j(db, { scope: P, pageSize, concurrency });
      const links: string[] = [];
      graph.forEachLink((kind, source, target, start, end) =>
        links.push(`${source} ${kind} ${target} ${start} ${end}`),
      );
      return { keys: graph.keys, links, facts: [...graph.facts] };
    };
    const whole = await shape(10_000, 1);
    expect(whole.keys.length).toBeGreaterThan(10);
    expect(await shape(1, 3)).toEqual(whole);
    expect(await shape(2, 2)).toEqual(whole);
  });

  it('computes the query features after the communities, as of the given date', async () => {
    expect(first.asOf).toBe('2024-06-30');
    expect(
      first.queryFeatures.queries['analytics/features/employer-short-jobs-then-claims']?.rows,
    ).toBe(4);
    const [e2, p4, s1] = await Promise.all([features('E2'), features('P4'), features('S1')]);
    expect(e2.props.f_worker_inflow_bankrupt).toEqual(expect.objectContaining({ low: 1 }));
    expect(e2.props.f_director_bankruptcies).toEqual(expect.objectContaining({ low: 1 }));
    expect(e2.props.f_community_mean_exposure).toBeGreaterThan(0);
    expect(e2.props.f_run).toBe(`${P}run1`);
    expect(p4.props.f_shared_account_holders).toEqual(expect.objectContaining({ low: 0 }));
    expect(s1.props.f_linked_claims).toEqual(expect.objectContaining({ low: 0 }));
  });

  it('writes the features with the run id, degrees as integers', async () => {
    const p1 = await features('P1');
    expect(p1.props.f_run).toBe(`${P}run1`);
    expect(p1.props.f_degree_directs).toEqual(expect.objectContaining({ low: 2 }));
    expect(p1.props.f_component).toBeTypeOf('string');
    const a1 = await features('A1');
    expect(a1.props.f_hub).toBe(false);
    expect(a1.props.f_degree).toEqual(expect.objectContaining({ low: 2 }));
  });

  it('exposes the phoenix successor and the account sharer, not the unrelated employer', async () => {
    const [e1, e2, e3, p4] = await Promise.all([
      features('E1'),
      features('E2'),
      features('E3'),
      features('P4'),
    ]);
    const x = (f: { props: Record<string, unknown> }) => f.props.f_exposure as number;
    // E1 is the only seed near the pair: its own weight is left out of its own exposure, so the
    // successor it exposes (E2) ends up above it.
    expect(x(e2)).toBeGreaterThan(x(e1));
    expect(x(e1)).toBeLessThan(1e-3);
    expect(x(e2)).toBeGreaterThan(0.05);
    expect(x(p4)).toBeGreaterThan(0.01);
    expect(x(e3)).toBe(0);
  });

  it('puts the phoenix pair in one community, and keeps its id in a second run', async () => {
    const [e1, e2, p1, e3] = await Promise.all([
      features('E1'),
      features('E2'),
      features('P1'),
      features('E3'),
    ]);
    expect(e1.community).not.toBeNull();
    expect(e2.community).toBe(e1.community);
    expect(p1.community).toBe(e1.community);
    expect(e3.community).not.toBe(e1.community);

    const second = await runAnalysis(db, {
      asOf: '2024-06-30',
      seed: 99,
      run: `${P}run2`,
      scope: P,
      now: new Date('2024-07-01T12:00:00Z'),
    });
    expect(second.louvain.matched).toBeGreaterThanOrEqual(1);
    const again = await features('E1');
    expect(again.community).toBe(e1.community);
    expect(again.props.f_run).toBe(`${P}run2`);

    // The same graph and seed again: the same partition, so no membership is rewritten but
    // those of the entities in no community (a run confined to a scope cannot tell they had none).
    const entities = ['E1', 'E2', 'E3', 'E4', 'P1', 'P2', 'P3', 'P4', 'S1'];
    const before = await Promise.all(entities.map(features));
    const third = await runAnalysis(db, {
      asOf: '2024-06-30',
      seed: 99,
      run: `${P}run3`,
      scope: P,
      now: new Date('2024-07-02T12:00:00Z'),
    });
    const after = await Promise.all(entities.map(features));
    expect(after.map((f) => f.community)).toEqual(before.map((f) => f.community));
    const alone = after.filter((f) => f.community === null).length;
    expect(alone).toBeLessThan(entities.length - 2);
    expect(third.written.memberships).toBe(alone);
  });

  it('clears a stale hub flag before the query features that run alongside read it', async () => {
    // A1, the seat E1 and E2 share, flagged a hub as by an earlier run: read as a hub, it would
    // link nothing and E2 would have no seat-sharing employer.
    const session = db.driver.session();
    try {
      await session.run('MATCH (a:Address {id: $id}) SET a.f_hub = true', { id: `${P}A1` });
    } finally {
      await session.close();
    }
    const run = await runAnalysis(db, {
      asOf: '2024-06-30',
      run: `${P}run4`,
      scope: P,
      now: new Date('2024-07-03T12:00:00Z'),
    });
    expect(run.hubFlags).toEqual({ flagged: 0, cleared: 1 });
    const [e2, a1] = await Promise.all([features('E2'), features('A1')]);
    expect(e2.props.f_shared_seat_employers).toEqual(expect.objectContaining({ low: 1 }));
    expect(a1.props.f_hub).toBe(false);
  });
  it('leaves the hub flags of entities outside its scope alone, also those its links reach', async () => {
    // Outside the scope: an employer all four persons work for (a hub, with these thresholds,
    // in this run's partial view) and a person of P3's household that another run flagged a hub.
    const outside = 'ana-u-';
    const session = db.driver.session();
    try {
      await session.run(
        `CREATE (e:Employer {id: $o + 'E9'}), (h:Person {id: $o + 'P9', f_hub: true})
         WITH e, h
         MATCH (p:Person) WHERE p.id STARTS WITH $p
         CREATE (p)-[:EMPLOYED_BY {employer: e.id, start: date('2022-01-01')}]->(e)
         WITH DISTINCT h
         MATCH (p3:Person {id: $p + 'P3'}) CREATE (p3)-[:HOUSEHOLD]->(h)`,
        { o: outside, p: P },
      );
      const run = await runAnalysis(db, {
        asOf: '2024-06-30',
        run: `${P}run5`,
        scope: P,
        hubs: { threshold: 0.5, minDegree: 1 },
        now: new Date('2024-07-04T12:00:00Z'),
      });
      expect(run.hubs.top.map((h) => h.node)).toContain(`Employer:${outside}E9`);
      const result = await session.run(
        'MATCH (n) WHERE n.id IN [$o + "E9", $o + "P9"] RETURN n.id AS id, n.f_hub AS hub, n.f_run AS run ORDER BY id',
        { o: outside },
      );
      const rows = result.records.map((r) => r.toObject() as Record<string, unknown>);
      expect(rows.map((r) => [r.id, r.hub, r.run])).toEqual([
        [`${outside}E9`, null, null],
        [`${outside}P9`, true, null],
      ]);
    } finally {
      await session.run('MATCH (n) WHERE n.id STARTS WITH $o DETACH DELETE n', { o: outside });
      await session.close();
    }
  });
});
