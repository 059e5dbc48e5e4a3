// The API server's driver opens at most `apiConnections` connections (config.ts): a query
// beyond them waits for one to be free, in order; commands' drivers (the batch profile) do not
// have that bound.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Database } from './database.js';

describe("the API server's connections to Neo4j", () => {
  const open: Database[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });

  /** What comes first: a read's answer, or the end of a transaction open when it was sent. */
  async function readWhileOneIsBusy(db: Database): Promise<string[]> {
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const begun = new Promise<void>((resolve) => (started = resolve));
    const busy = db.transaction('WRITE', async (run) => {
      await run('audit/head', {});
      started();
      await held;
    });
    await begun;
    const read = db.read('audit/head', {}).then(() => order.push('read'));
    // Time for a read on a free connection to answer (on a slower machine it might not, and the
    // test would pass without showing anything); a queued read cannot answer at all.
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push('released');
    release();
    await Promise.all([busy, read]);
    return order;
  }

  it('makes a query wait for a connection when all are busy', async () => {
    const db = await Database.open(
      { ...inject('neo4j'), apiConnections: 1 },
      undefined,
      'interactive',
    );
    open.push(db);
    expect(await readWhileOneIsBusy(db)).toEqual(['released', 'read']);
  });

  it('leaves commands unbounded', async () => {
    const db = await Database.open({ ...inject('neo4j'), apiConnections: 1 }, undefined, 'batch');
    open.push(db);
    // The read answers while the transaction still holds its connection.
    await db.transaction('WRITE', async (run) => {
      await run('audit/head', {});
      expect(await db.read('audit/head', {})).toHaveLength(1);
    });
  });
});
