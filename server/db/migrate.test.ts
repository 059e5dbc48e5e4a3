import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { laterStep, withLaterVersion } from '../../test/later-version.js';
import type { Database } from './database.js';
import { assertSchemaCurrent, migrate, pendingMigrations, schemaTarget } from './migrate.js';

const LABELS = [
  'Person',
  'Employer',
  'Staff',
  'Address',
  'Account',
  'Contact',
  'Claim',
  'Inspection',
  'Case',
  'Community',
];

describe('migrate (real Neo4j)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates a uniqueness constraint on id for every label, and is idempotent', async () => {
    const first = await migrate(db);
    expect(first.statements).toBe(db.registry.migrations().length);

    const constraints = await db.read('db/constraints', {});
    for (const label of LABELS) {
      expect(constraints).toContainEqual(
        expect.objectContaining({ type: 'UNIQUENESS', labels: [label], properties: ['id'] }),
      );
    }
    const indexes = await db.read('db/indexes', {});
    expect(indexes.every((i) => i.state === 'ONLINE')).toBe(true);

    const second = await migrate(db);
    expect(second.created).toEqual([]);
    expect(second.constraints).toBe(first.constraints);
    expect(second.indexes).toBe(first.indexes);
  });

  it('records the steps a graph has had, so that a later version can tell it needs more', async () => {
    await migrate(db);
    expect(await pendingMigrations(db)).toEqual([]);
    await expect(assertSchemaCurrent(db)).resolves.toBeUndefined();

    await withLaterVersion(async (later) => {
      expect(await pendingMigrations(later)).toEqual([laterStep]);
      const steps = later.registry.migrations().length;
      await expect(assertSchemaCurrent(later)).rejects.toThrow(
        `has no record of 1 of this version's ${steps} schema steps (${laterStep}); run \`ringwatch db migrate\``,
      );
    });
  });

  it('enforces the constraint', async () => {
    await migrate(db);
    await db.runSchema("MERGE (:Community {id: 'migrate-test-dup'})");
    await expect(db.runSchema("CREATE (:Community {id: 'migrate-test-dup'})")).rejects.toThrow(
      /already exists/,
    );
    await db.runSchema("MATCH (c:Community {id: 'migrate-test-dup'}) DELETE c");
  });

  it('knows the label each schema statement is for, so that none is left to run alone', () => {
    expect(schemaTarget('CREATE INDEX a IF NOT EXISTS FOR (n:Person) ON (n.region, n.id)')).toBe(
      'node Person',
    );
    expect(
      schemaTarget('CREATE INDEX b IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() ON (r.start)'),
    ).toBe('relationship EMPLOYED_BY');
    expect(schemaTarget('CREATE CONSTRAINT c FOR (x : `Case`) REQUIRE x.id IS UNIQUE')).toBe(
      'node Case',
    );
    expect(schemaTarget('CALL db.awaitIndexes()')).toBeUndefined();
    // Only the data backfill and the drops run alone, after every index is built.
    expect(
      db.registry
        .migrations()
        .filter((m) => schemaTarget(m.text) === undefined)
        .map((m) => m.name),
    ).toEqual([
      'schema/73-employed-by-employer-backfill',
      'schema/74-drop-employed-by-start',
      'schema/77-drop-audit-record-user',
      'schema/78-employed-by-person-backfill',
    ]);
  });

  it('gives jobs loaded before they named their employer and person their ids, and drops the old index', async () => {
    const p = 'migrate-test-job-';
    await db.runSchema(
      'CREATE INDEX employed_by_start IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() ON (r.start)',
    );
    await db.driver.executeQuery(
      `CREATE (e:Employer {id: $p + 'E'}), (f:Employer {id: $p + 'F'})
       CREATE (:Person {id: $p + 'P1'})-[:EMPLOYED_BY {id: $p + 'J1', start: date('2024-01-01')}]->(e)
       CREATE (:Person {id: $p + 'P2'})-[:EMPLOYED_BY {id: $p + 'J2'}]->(e)
       CREATE (:Person {id: $p + 'P3'})-[:EMPLOYED_BY {id: $p + 'J3', employer: $p + 'F', person: $p + 'P3'}]->(f)`,
      { p },
    );
    await migrate(db);
    const { records } = await db.driver.executeQuery(
      `MATCH ()-[r:EMPLOYED_BY]->() WHERE r.id STARTS WITH $p
       RETURN r.id AS id, r.employer AS employer, r.person AS person ORDER BY id`,
      { p },
    );
    expect(
      records.map((r) => [r.get('id'), r.get('employer'), r.get('person')] as unknown[]),
    ).toEqual([
      [`${p}J1`, `${p}E`, `${p}P1`],
      [`${p}J2`, `${p}E`, `${p}P2`],
      [`${p}J3`, `${p}F`, `${p}P3`],
    ]);
    const names = (await db.read('db/indexes', {})).map((i) => i.name);
    expect(names).toContain('employed_by_employer_start');
    expect(names).not.toContain('employed_by_start');
    await db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p });
  });

  it('replaces the audit trail’s index on the user alone with one on (user, seq)', async () => {
    await db.runSchema(
      'CREATE INDEX audit_record_user IF NOT EXISTS FOR (n:AuditRecord) ON (n.user)',
    );
    await migrate(db);
    const names = (await db.read('db/indexes', {})).map((i) => i.name);
    expect(names).toContain('audit_record_user_seq');
    expect(names).not.toContain('audit_record_user');
  });
});
