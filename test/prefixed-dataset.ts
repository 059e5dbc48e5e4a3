// A copy of a contract data set (and its ground truth) with every id prefixed, so that a test
// can load a generated data set into the shared test database without meeting another test's
// ids (the generator numbers ids the same way for every seed) and analyse only its own nodes.
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { FILES } from '../contract/files.js';
import { generateDataset } from '../fixtures/generate.js';
import { loadDataset } from '../loaders/load-dataset.js';
import type { Database } from '../server/db/database.js';
import {
  runAnalysis,
  type AnalysisOptions,
  type AnalysisSummary,
} from '../server/analytics/run-analysis.js';
import { migrate } from '../server/db/migrate.js';
import { openTestDatabase, runCypher } from './database.js';

/** Every column that holds an id: the files' keys and references, accounts and contacts. */
const idColumns = new Set<string>([
  ...Object.values(FILES).flatMap((f) => [
    ...(f.uniqueKey ? [f.uniqueKey] : []),
    ...f.references.map((r) => r.column),
  ]),
  'account_id',
  'value_hash',
  'entity_id',
  'ring_id',
  'host_ring_id',
]);

async function copyCsv(from: string, to: string, prefix: string): Promise<void> {
  const rows = parse<Record<string, string>>(await readFile(from, 'utf8'), { columns: true });
  const header = Object.keys(rows[0] ?? {});
  const prefixed = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, idColumns.has(k) && v !== '' ? prefix + v : v]),
    ),
  );
  await writeFile(to, stringify(prefixed, { header: true, columns: header }));
}

/** Copies `dir` and `dir.truth` to `out` and `out.truth` with every id prefixed. */
export async function prefixDataset(dir: string, out: string, prefix: string): Promise<void> {
  for (const [from, to] of [
    [dir, out],
    [`${dir}.truth`, `${out}.truth`],
  ] as const) {
    await mkdir(to, { recursive: true });
    for (const name of await readdir(from)) {
      if (name.endsWith('.csv')) await copyCsv(path.join(from, name), path.join(to, name), prefix);
      else await copyFile(path.join(from, name), path.join(to, name));
    }
  }
}

/**
 * Generates a data set, prefixes its ids and loads it; fails if the loader rejects a row.
 * Returns the prefixed folder (its ground truth is beside it, in `folder.truth`).
 */
export async function loadPrefixedDataset(
  db: Database,
  prefix: string,
  generate: { persons: number; seed: number; fraudScale?: number },
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `ringwatch-${prefix}`));
  await generateDataset({ ...generate, out: path.join(dir, 'gen') });
  const data = path.join(dir, `${prefix}data`);
  await prefixDataset(path.join(dir, 'gen'), data, prefix);
  const load = await loadDataset(data, db, { rejectsPath: path.join(dir, 'rejects.csv') });
  if (load.rejected !== 0) throw new Error(`${prefix}: the loader rejected ${load.rejected} rows`);
  return data;
}

/** Removes what loading and analysing a prefixed data set wrote: its nodes, contacts and load runs. */
export async function deletePrefixedDataset(db: Database, prefix: string): Promise<void> {
  const session = db.driver.session();
  try {
    const labels = ['Person', 'Employer', 'Staff', 'Address', 'Account', 'Claim', 'Inspection'];
    for (const label of [...labels, 'Community']) {
      await session.run(
        `MATCH (n:${label}) WHERE n.id STARTS WITH $p
         CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`,
        { p: prefix },
      );
    }
    await session.run(
      `MATCH (n:Contact) WHERE n.value_hash STARTS WITH $p
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`,
      { p: prefix },
    );
    await session.run('MATCH (r:LoadRun) WHERE r.dataset CONTAINS $p DELETE r', { p: prefix });
  } finally {
    await session.close();
  }
}

/**
 * loadPrefixedDataset, then an analysis confined to the prefix, as of 2025-12-31 (the
 * generator's extraction date), with `analysis` for any other option. Returns the folder and
 * the analysis summary.
 */
export async function analysePrefixedDataset(
  db: Database,
  prefix: string,
  generate: { persons: number; seed: number; fraudScale?: number },
  analysis: AnalysisOptions = {},
): Promise<{ data: string; summary: AnalysisSummary }> {
  const data = await loadPrefixedDataset(db, prefix, generate);
  const summary = await runAnalysis(db, {
    asOf: '2025-12-31',
    scope: prefix,
    run: `${prefix}run`,
    ...analysis,
  });
  return { data, summary };
}

/** Removes a test file's hand-made nodes (ids starting with `handMade`) and its generated data set. */
async function clearTestData(db: Database, handMade: string, generated: string): Promise<void> {
  await runCypher(db, 'MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: handMade });
  await deletePrefixedDataset(db, generated);
}

/**
 * The test database for a file with a hand-made graph (`setup` statements, run with `$p` the
 * `handMade` prefix) and a generated data set (ids starting with `generated`): both cleared
 * before and after the file's tests.
 */
export function useTestGraph(handMade: string, generated: string, setup: string[]) {
  let db: Database | undefined;
  const graph = {
    get db(): Database {
      if (db === undefined) throw new Error('the test database is not open yet');
      return db;
    },
    run: (cypher: string, params: Record<string, unknown> = {}) =>
      runCypher(graph.db, cypher, params),
  };
  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await clearTestData(db, handMade, generated);
    for (const statement of setup) await graph.run(statement, { p: handMade });
  });
  afterAll(async () => {
    if (db === undefined) return; // it never opened: beforeAll's error is the one to see
    try {
      await clearTestData(db, handMade, generated);
    } finally {
      await db.close();
    }
  });
  return graph;
}
