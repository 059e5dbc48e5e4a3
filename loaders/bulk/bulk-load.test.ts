// The bulk import against a real Neo4j of its own (it stops and starts the instance, which the
// shared test database must never see): the graph it builds equals the Cypher load's, node by
// node and property by property, with the same rejects, on a generated data set with repeated,
// reversed and malformed rows added; a later load merges over it through Cypher and changes
// nothing; an import killed after Neo4j was stopped is finished by running the command again.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import neo4j from 'neo4j-driver';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../fixtures/generate.js';
import type { EmbeddedNeo4j } from '../../server/config.js';
import { connectionFor } from '../../server/db/connection.js';
import { Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { startInstance, stopInstance, runningPid } from '../../server/db/embedded/instance.js';
import { instanceLayout } from '../../server/db/embedded/layout.js';
import { freePort } from '../../server/db/embedded/process-info.js';
import { toPlain } from '../../server/db/values.js';
import { projectRoot } from '../../server/paths.js';
import { testEmbeddedSettings } from '../../test/neo4j-test-env.js';
import { loadDataset, type LoadSummary } from '../load-dataset.js';
import { interruptedBulkImport } from './bulk-load.js';

let settings: EmbeddedNeo4j;
let db: Database;
let dir: string;
let dataset: string;

beforeAll(async () => {
  settings = {
    ...testEmbeddedSettings(),
    instance: 'bulk-test',
    boltPort: await freePort(),
    heap: '512m',
    pageCache: '128m',
  };
  await stopInstance(settings);
  await rm(instanceLayout(settings.home, settings.instance).data, { recursive: true, force: true });
  await startInstance(settings);
  db = await Database.open(await connectionFor(settings));
  dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-bulk-'));
  dataset = path.join(dir, 'data');
  await generateDataset({ persons: 600, seed: 5, out: dataset, fraudScale: 1 });
  await addAwkwardRows(dataset);
}, 180_000);

afterAll(async () => {
  await db?.close();
  if (settings) await stopInstance(settings);
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

/** Rows the Cypher load merges (repeats, a reversed household), rejects, or must quote. */
async function addAwkwardRows(data: string): Promise<void> {
  const first = async (file: string) =>
    parse<Record<string, string>>(await readFile(path.join(data, file), 'utf8'), {
      columns: true,
    })[0] ?? {};
  const append = async (file: string, rows: Record<string, string>[]) => {
    const header = (await readFile(path.join(data, file), 'utf8')).split('\n')[0]?.split(',');
    await appendFile(
      path.join(data, file),
      stringify(rows.map((r) => (header ?? []).map((c) => r[c] ?? ''))),
    );
  };
  const residence = await first('residences.csv');
  await append('residences.csv', [{ ...residence, end_date: '2024-05-31' }]);
  const household = await first('households.csv');
  await append('households.csv', [
    {
      person_id: household.other_person_id ?? '',
      other_person_id: household.person_id ?? '',
      kind: 'cohabitant',
    },
  ]);
  const directorship = await first('directorships.csv');
  await append('directorships.csv', [{ ...directorship, end_date: '2023-01-31' }, directorship]);
  const account = await first('accounts.csv');
  await append('accounts.csv', [account, { ...account, holder_id: 'NOBODY' }]);
  const job = await first('employments.csv');
  await append('employments.csv', [
    { ...job, employment_id: 'J-ORPHAN', person_id: 'P-NOBODY' },
    { ...job, contract: 'part_time' },
  ]);
  // An employer name with a comma, quotes and a line break: quoted on the way to the importer.
  const employers = path.join(data, 'employers.csv');
  const text = await readFile(employers, 'utf8');
  const rows: string[][] = parse(text);
  const name = rows[0]?.indexOf('name') ?? 1;
  if (rows[1]) rows[1][name] = 'Bakkerij "De Korenaar", Gent\nfiliaal 2';
  await writeFile(employers, stringify(rows));
}

/**
 * Query settings without the driver's shared bookmarks: an import replaces the store, and the
 * new one's transaction ids start again, below any bookmark taken before it.
 */
const fresh = () => ({ database: db.connection.database, bookmarkManager: null });

/** Every node and relationship with its properties (value types kept), in a canonical order. */
async function wholeGraph(): Promise<string[]> {
  const run = async (cypher: string) =>
    (await db.driver.executeQuery(cypher, {}, fresh())).records.map((r) => r.toObject());
  const typed = (value: unknown): unknown => {
    if (neo4j.isInt(value)) return `int:${value.toString()}`;
    if (typeof value === 'number') return `float:${value}`;
    if (value instanceof neo4j.types.Date) return `date:${value.toString()}`;
    return value;
  };
  const props = (p: Record<string, unknown>) =>
    Object.keys(p)
      .sort()
      .map((k) => [k, typed(p[k])]);
  const nodes = await run(
    'MATCH (n) WHERE NOT n:LoadRun RETURN labels(n) AS l, properties(n) AS p',
  );
  const rels = await run(
    'MATCH (a)-[r]->(b) RETURN labels(a)[0] AS la, a.id AS a, type(r) AS t, properties(r) AS p, labels(b)[0] AS lb, b.id AS b',
  );
  return [
    ...nodes.map((n) => JSON.stringify([n.l, props(n.p as Record<string, unknown>)])),
    ...rels.map((r) => {
      // A household is undirected: MERGE (a)-[:HOUSEHOLD]-(b) keeps whichever direction it met.
      const ends = [`${String(r.la)}:${String(r.a)}`, `${String(r.lb)}:${String(r.b)}`];
      if (r.t === 'HOUSEHOLD') ends.sort();
      return JSON.stringify([ends[0], r.t, props(r.p as Record<string, unknown>), ends[1]]);
    }),
  ].sort();
}

async function wipe(): Promise<void> {
  await db.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, fresh());
}

async function rejectsOf(summary: LoadSummary): Promise<string[]> {
  const rows: string[][] = parse(await readFile(summary.rejectsPath, 'utf8'));
  return rows
    .slice(1)
    .map((r) => r.slice(0, 4).join('|'))
    .sort();
}

describe('bulk import (real Neo4j, an instance of its own)', () => {
  let bulkGraph: string[];
  let bulkRejects: string[];

  it('builds the graph the Cypher load builds, with the same rejects', async () => {
    const bulk = await loadDataset(dataset, db, {
      bulk: { settings, minBytes: 0 },
      rejectsPath: path.join(dir, 'bulk-rejects.csv'),
    });
    expect(bulk.mode).toBe('bulk');
    expect(bulk.bulk?.folded).toBeGreaterThanOrEqual(4);
    expect(interruptedBulkImport(settings)).toBe(false);
    bulkGraph = await wholeGraph();
    bulkRejects = await rejectsOf(bulk);
    expect(bulkRejects).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^accounts\.csv\|\d+\|holder_id\|NOBODY$/),
        expect.stringMatching(/^employments\.csv\|\d+\|person_id\|P-NOBODY$/),
        expect.stringMatching(/^employments\.csv\|\d+\|employment_id\|J/),
      ]),
    );
    const [constraints] = (
      await db.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n', {}, fresh())
    ).records.map((r) => toPlain(r.get('n')));
    expect(constraints).toBeGreaterThan(5);

    await wipe();
    const cypher = await loadDataset(dataset, db, {
      rejectsPath: path.join(dir, 'cypher-rejects.csv'),
    });
    expect(cypher.mode).toBe('cypher');
    expect(await rejectsOf(cypher)).toEqual(bulkRejects);
    const cypherGraph = await wholeGraph();
    expect(cypherGraph.length).toBe(bulkGraph.length);
    expect(cypherGraph).toEqual(bulkGraph);
    expect(bulkGraph.some((line) => line.includes('De Korenaar'))).toBe(true);
  }, 300_000);

  it('a later load into the bulk-imported graph merges through Cypher and changes nothing', async () => {
    await wipe();
    // A schema applied first (`ringwatch db migrate`, the demo) leaves the database empty of data.
    await migrate(db);
    const first = await loadDataset(dataset, db, {
      bulk: { settings, minBytes: 0 },
      rejectsPath: path.join(dir, 'r1.csv'),
    });
    expect(first.mode).toBe('bulk');
    const again = await loadDataset(dataset, db, {
      bulk: { settings, minBytes: 0 },
      rejectsPath: path.join(dir, 'r2.csv'),
    });
    expect(again.mode).toBe('cypher');
    expect(await wholeGraph()).toEqual(bulkGraph);
  }, 300_000);

  it('an import killed after Neo4j stopped is finished by running the command again', async () => {
    await wipe();
    const env = {
      ...process.env,
      NO_COLOR: '1',
      NEO4J_URI: undefined,
      RINGWATCH_HOME: settings.home,
      RINGWATCH_INSTANCE: settings.instance,
      RINGWATCH_NEO4J_BOLT_PORT: String(settings.boltPort),
      RINGWATCH_NEO4J_HEAP: settings.heap,
      RINGWATCH_NEO4J_PAGECACHE: settings.pageCache,
    };
    const bin = path.join(projectRoot, 'bin', 'ringwatch.js');
    const args = ['load', dataset, '--rejects', path.join(dir, 'k.csv')];
    const killed = spawnSync(
      process.execPath,
      [bin, ...args, '--bulk', 'always', '--kill-after-stop'],
      {
        env,
        encoding: 'utf8',
      },
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(interruptedBulkImport(settings)).toBe(true);
    expect(await runningPid(instanceLayout(settings.home, settings.instance))).toBeUndefined();

    // The plain command (auto: this small set alone would go through Cypher) sees the marker;
    // staged on one thread, it builds the graph the default threads built.
    const rerun = spawnSync(process.execPath, [bin, ...args, '--staging-threads', '1'], {
      env,
      encoding: 'utf8',
    });
    expect(rerun.stderr).not.toMatch(/ringwatch: /);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(/bulk import by neo4j-admin/);
    expect(interruptedBulkImport(settings)).toBe(false);
    expect(
      existsSync(path.join(instanceLayout(settings.home, settings.instance).dir, 'bulk-staging')),
    ).toBe(false);
    expect(await wholeGraph()).toEqual(bulkGraph);
  }, 300_000);
});
