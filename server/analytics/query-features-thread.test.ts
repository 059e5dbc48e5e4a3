// The query features alongside the algorithms, run in their worker thread against the real
// test Neo4j: they write what the same queries write in the main thread, report progress, stop
// when aborted and fail with the thread's error. Ids start with this file's prefix, every run is
// scoped to it, and the test cleans up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { toPlain } from '../db/values.js';
import { RingwatchError } from '../errors.js';
import { queryFeatures } from './features/index.js';
import { featureQueryOrder } from './query-features.js';
import { runQueryFeaturesInThread } from './query-features-thread.js';

const P = 'qft-t-';
const options = { run: `${P}run`, at: '2026-01-05T10:00:00Z', asOf: '2025-12-31', scope: P };

const setup = `
CREATE (d:Person {id: $p + 'D1'})
CREATE (e1:Employer {id: $p + 'E1', status: 'bankrupt', contribution_debt_eur: 1000.0, ceased_on: date('2025-01-01')})
CREATE (e2:Employer {id: $p + 'E2', status: 'active', contribution_debt_eur: 0.0})
CREATE (d)-[:DIRECTS {start: date('2015-01-01')}]->(e1), (d)-[:DIRECTS {start: date('2025-02-01')}]->(e2)
CREATE (w:Person {id: $p + 'W1'})
CREATE (w)-[:EMPLOYED_BY {employer: e1.id, start: date('2016-01-01'), end: date('2024-12-31')}]->(e1),
       (w)-[:EMPLOYED_BY {employer: e2.id, start: date('2025-01-10')}]->(e2),
       (w)-[:CLAIMED]->(:Claim {id: $p + 'C1', type: 'unemployment', status: 'granted', start: date('2025-02-01'), end: date('2025-03-03')})
FOREACH (k IN range(1, 6) | CREATE (:Person {id: $p + 'P' + k}))
`;

describe('query features in a worker thread (real Neo4j)', () => {
  let db: Database;

  const run = async (cypher: string) => {
    const session = db.driver.session();
    try {
      return (await session.run(cypher, { p: P })).records;
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await run(setup);
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n');
    await db.close();
  });

  it('runs every query not marked afterWriteBack over every node in scope, with progress', async () => {
    const progress: string[] = [];
    const summary = await runQueryFeaturesInThread(db, {
      ...options,
      batchSize: 3,
      onProgress: (what, rows) => progress.push(`${what} ${rows}`),
    });
    const alongside = featureQueryOrder(queryFeatures.filter((f) => !f.afterWriteBack));
    expect(Object.keys(summary.queries)).toEqual(alongside);
    expect(summary.queries['analytics/features/person-claim-work-overlap']?.rows).toBe(8);
    expect(summary.queries['analytics/features/employer-short-jobs-then-claims']?.rows).toBe(2);
    expect(progress).toContain('person-claim-work-overlap 8');
    const [record] = await run(
      `MATCH (w:Person {id: $p + 'W1'}) RETURN w.f_claim_work_overlap_days AS days, w.f_run AS run`,
    );
    expect(toPlain(record?.get('days'))).toBe(30); // the claim, all within the job at E2
    expect(record?.get('run')).toBe(options.run);
  });

  it('starts no page once aborted, and fails', async () => {
    const stop = new AbortController();
    stop.abort();
    await run('MATCH (n) WHERE n.id STARTS WITH $p REMOVE n.f_run');
    await expect(runQueryFeaturesInThread(db, { ...options, signal: stop.signal })).rejects.toThrow(
      /stopped/,
    );
    const [record] = await run(
      'MATCH (n) WHERE n.id STARTS WITH $p AND n.f_run IS NOT NULL RETURN count(n) AS n',
    );
    expect((record?.get('n') as { toNumber(): number }).toNumber()).toBe(0);
  });

  it('fails with the error of a progress callback once the pages under way are done', async () => {
    const failing = runQueryFeaturesInThread(db, {
      ...options,
      batchSize: 2,
      onProgress: () => {
        throw new Error('progress: display gone');
      },
    });
    await expect(failing).rejects.toThrow('progress: display gone');
  });

  it('fails with the error of the thread, of the same kind, with its stack', async () => {
    const error: unknown = await runQueryFeaturesInThread(db, { ...options, asOf: 'not a date' })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RingwatchError);
    expect((error as Error).message).toMatch(/^db: bad parameters for .*asOf/s);
    expect((error as Error).stack).toMatch(/database\.ts/);
  });
});
