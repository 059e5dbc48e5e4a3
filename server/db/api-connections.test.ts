// The API server's driver opens at most `apiConnections` connections (config.ts): a query
// beyond them waits for one to be free, in order, and fails as unavailable (503) when none comes
// free in time; commands' drivers (the batch profile) do not have that bound.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DatabaseUnavailableError } from '../errors.js';
import type { DriverProfile } from './connection.js';
import { Database } from './database.js';

describe("the API server's connections to Neo4j", () => {
  const open: Database[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });

  async function oneConnection(profile: DriverProfile): Promise<Database> {
    const db = await Database.open({ ...inject('neo4j'), apiConnections: 1 }, undefined, profile);
    open.push(db);
    return db;
  }

  /** A write transaction that holds its connection until `release` is called. */
  async function holdConnection(db: Database) {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const begun = new Promise<void>((resolve) => (started = resolve));
    const done = db.transaction('WRITE', async (run) => {
      await run('audit/head', {});
      started();
      await held;
    });
    await begun;
    return { release, done };
  }

  it('makes a query wait for a connection when all are busy', async () => {
    const db = await oneConnection('interactive');
    const busy = await holdConnection(db);
    const order: string[] = [];
    const read = db.read('audit/head', {}).then(() => order.push('read'));
    // Time for a read on a free connection to answer (on a slower machine it might not, and the
    // test would pass without showing anything); a queued read cannot answer at all.
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push('released');
    busy.release();
    await Promise.all([busy.done, read]);
    expect(order).toEqual(['released', 'read']);
  });

  it('fails as unavailable, naming the setting, when no connection comes free in time', async () => {
    const db = await oneConnection('interactive');
    const busy = await holdConnection(db);
    // The interactive profile waits 5 s for a connection (connection.ts).
    const error = await db.read('audit/head', {}).catch((e: unknown) => e);
    busy.release();
    await busy.done;
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(String((error as Error).message)).toMatch(
      /every connection to the database at .* stayed busy \(RINGWATCH_API_CONNECTIONS=1\)/,
    );
  }, 15_000);

  it('leaves commands unbounded', async () => {
    const db = await oneConnection('batch');
    const busy = await holdConnection(db);
    // The read answers while the transaction still holds its connection.
    expect(await db.read('audit/head', {})).toHaveLength(1);
    busy.release();
    await busy.done;
  });
});
