// The schema check of `ringwatch serve` against the real test Neo4j: a migrated graph passes, a
// graph that lacks a step of this version is refused, so is a server without APOC Core, and a
// database that does not answer is left unchecked and checked again until it answers or the
// server stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { withEditedCypher } from '../../test/edited-cypher.js';
import { withLaterVersion } from '../../test/later-version.js';
import { Database } from '../db/database.js';
import { freePort } from '../db/embedded/process-info.js';
import { migrate } from '../db/migrate.js';
import { checkSchema, checkSchemaOnceAnswering } from './serve-schema.js';

describe('the schema check of serve (real Neo4j)', () => {
  let db: Database;
  let silent: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    const port = await freePort(); // nothing listens there
    silent = await Database.open(
      { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'none', database: undefined },
      db.registry,
      'interactive',
    );
  });
  afterAll(async () => {
    await silent.close();
    await db.close();
  });

  it('passes a migrated graph and refuses one that lacks a step of this version', async () => {
    expect(await checkSchema(db)).toEqual({ state: 'current' });
    await withLaterVersion(async (later) => {
      await expect(checkSchema(later)).rejects.toThrow(/has no record of 1 of this version's/);
      const stop = new AbortController();
      await expect(checkSchemaOnceAnswering(later, stop.signal, 10)).rejects.toThrow(
        /run `ringwatch db migrate`/,
      );
    });
    expect(await checkSchemaOnceAnswering(db, new AbortController().signal, 10)).toBe('current');
  });

  it('refuses a Neo4j that cannot send rows as JSON text, saying what to install', async () => {
    // The test server has APOC Core; a function it does not have fails as a missing one would.
    const missing = '// params: none\nRETURN ringwatch.missing.toJson({ok: true}) AS json';
    await withEditedCypher({ 'db/json-rows.cypher': missing }, async (noApoc) => {
      await expect(checkSchema(noApoc)).rejects.toThrow(
        /lacks APOC Core's apoc\.convert\.toJson, .*`npx ringwatch db stop`, then start again\. Another: put the APOC Core jar/,
      );
    });
  });

  it('leaves a database that does not answer unchecked, and asks again until stopped', async () => {
    const check = await checkSchema(silent);
    expect(check.state).toBe('unchecked');
    expect(check.state === 'unchecked' && check.reason).toMatch(/not available|ECONNREFUSED/);
    const stop = new AbortController();
    const waiting = checkSchemaOnceAnswering(silent, stop.signal, 10);
    setTimeout(() => stop.abort(), 3_000);
    expect(await waiting).toBe('stopped');
  });
});
