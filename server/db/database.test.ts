import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runCypher } from '../../test/database.js';
import { withEditedCypher } from '../../test/edited-cypher.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { toPlain } from './values.js';

describe('Database (real Neo4j)', () => {
  let db: Database;
  const username = `stack-trace-${randomUUID()}`;
  const employer = `json-row-${randomUUID()}`;
  beforeAll(async () => {
    db = await openTestDatabase();
    // The session's uniqueness constraint, which the first test violates: on a new test
    // database, this file may run before any other has applied the schema.
    await migrate(db);
    await runCypher(db, 'CREATE (:User {username: $username})', { username });
  });
  afterAll(async () => {
    await runCypher(
      db,
      'MATCH (n) WHERE (n:User OR n:Session) AND n.username = $username DETACH DELETE n',
      {
        username,
      },
    );
    await runCypher(db, 'MATCH (n:Employer {id: $employer}) DETACH DELETE n', { employer });
    await db.close();
  });

  it('a failed query keeps its message and says which query failed, and where', async () => {
    const session = { id: randomUUID(), username, now: 1, expiresAt: 2 };
    await db.write('auth/session-create', session);
    async function openedTwice() {
      await db.write('auth/session-create', session);
    }
    const limit = Error.stackTraceLimit;
    const error = (await openedTwice().catch((e: unknown) => e)) as Error & { code?: string };
    expect(Error.stackTraceLimit).toBe(limit);
    expect(error.code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    const [header, query, frame] = (error.stack ?? '').split('\n');
    expect(header).toBe(`Neo4jError: ${error.message}`);
    expect(query).toBe('    in query auth/session-create');
    expect(frame).toMatch(/^ {4}at .*database\.ts:\d+/);
  });

  it('a row sent as JSON text (jsonRows) is what the driver would have decoded', async () => {
    // Text that JSON must escape, a whole number, a float, a date, a boolean and no value.
    await runCypher(
      db,
      `CREATE (:Employer {id: $employer, name: $name, declared_workers: 12, risk_score: 0.1,
                          founded_on: date('2020-02-29'), f_hub: true, sector: null})`,
      { employer, name: 'Dupont "&" Fils\\ \n\t€ — ü \u0001 𝄞' },
    );
    const [found] = await runCypher(
      db,
      'MATCH (n:Employer {id: $employer}) RETURN elementId(n) AS e',
      {
        employer,
      },
    );
    const element = String(found?.get('e'));
    const params = { elements: [element], degreesAbove: 0, types: ['EMPLOYED_BY' as const] };
    const [row] = await db.read('views/graph-node-details', params);

    const text = db.registry.get('views/graph-node-details').text;
    const decoded = text.replace(/RETURN apoc\.convert\.toJson\((\{.*\})\) AS json$/s, (_, map) => {
      return `WITH ${map as string} AS row RETURN row.element AS element, row.details AS details`;
    });
    expect(decoded).not.toBe(text);
    const [record] = await runCypher(db, decoded, params);
    expect(row).toEqual(toPlain(record?.toObject()));
    expect(row?.details.id).toBe(employer);
    expect(Object.fromEntries(row?.details.props ?? [])).toEqual({
      name: 'Dupont "&" Fils\\ \n\t€ — ü \u0001 𝄞',
      declared_workers: 12,
      founded_on: '2020-02-29',
    });
  });

  it('a JSON row that does not parse, or does not fit its schema, names the query', async () => {
    const header =
      '// params: $elements, $degreesAbove, $types\nWITH $elements AS e, $degreesAbove AS d, $types AS t';
    for (const [json, problem] of [
      [`'{"element": '`, /^db: views\/graph-node-details returned a row that is not JSON: /],
      [`'{"element": 1}'`, /^db: views\/graph-node-details returned an unexpected row: /],
    ] as const) {
      const file = { 'views/graph-node-details.cypher': `${header}\nRETURN ${json} AS json` };
      await withEditedCypher(file, async (broken) => {
        await expect(
          broken.read('views/graph-node-details', { elements: [], degreesAbove: null, types: [] }),
        ).rejects.toThrow(problem);
      });
    }
  });

  it('asks Neo4j for no notifications, which a query with an unknown label would draw', async () => {
    const cypher = 'MATCH (n:NoSuchLabelOfRingwatch) RETURN n.no_such_property AS x';
    const summaryOf = async (filter?: { minimumSeverityLevel: 'WARNING' }) => {
      const session = db.driver.session({
        database: db.connection.database,
        ...(filter ? { notificationFilter: filter } : {}),
      });
      try {
        return (await session.run(cypher)).summary;
      } finally {
        await session.close();
      }
    };
    // The same query asking for warnings gets them: the query draws some.
    const asked = await summaryOf({ minimumSeverityLevel: 'WARNING' });
    expect(asked.notifications.map((n) => n.code)).toContain(
      'Neo.ClientNotification.Statement.UnknownLabelWarning',
    );
    const summary = await summaryOf();
    expect(summary.notifications).toEqual([]);
    expect(summary.gqlStatusObjects.filter((s) => s.isNotification)).toEqual([]);
  });
});
