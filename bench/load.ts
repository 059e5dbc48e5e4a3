// Benchmark of `ringwatch load` against Neo4j's own LOAD CSV (CALL … IN TRANSACTIONS) as the
// peer: the same rows into an empty database, side by side in one run, on a dedicated embedded
// instance ("bench") so no other data is touched. Prints rows/s per file and overall, the
// ratio to the peer, and the loader's peak RSS; writes bench/results/load.json.
//
// ringwatch's first load into an empty embedded database is a bulk import (loaders/bulk/): the
// figures cover it whole — validation and staging, stopping Neo4j, neo4j-admin, starting Neo4j,
// the schema — and the importer JVM's peak RSS is printed beside the loader's.
//
//   node --import tsx bench/load.ts --dataset DIR [--rounds 3] [--peer-rounds 1] [--batch-size 5000] [--concurrency 2]
//   node --import tsx bench/load.ts --dataset DIR --cypher   (ringwatch's transactional path instead)
//   node --import tsx bench/load.ts --dataset DIR --sweep     (batch size × concurrency, persons+employments)
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { FILES, type FileName } from '../contract/files.js';
import { loadDataset, type LoadSummary } from '../loaders/load-dataset.js';
import { preflight } from '../loaders/preflight.js';
import { loadConfig, type EmbeddedNeo4j } from '../server/config.js';
import { connectionFor } from '../server/db/connection.js';
import { Database } from '../server/db/database.js';
import { startInstance, stopInstance } from '../server/db/embedded/instance.js';
import { instanceLayout } from '../server/db/embedded/layout.js';
import { freePort } from '../server/db/embedded/process-info.js';
import { migrate } from '../server/db/migrate.js';
import { projectRoot } from '../server/paths.js';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    'peer-rounds': { type: 'string' },
    'batch-size': { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '2' },
    sweep: { type: 'boolean', default: false },
    cypher: { type: 'boolean', default: false },
    only: { type: 'string' },
    heap: { type: 'string', default: '4g' },
    pagecache: { type: 'string', default: '4g' },
  },
});
if (!values.dataset)
  throw new Error(
    'bench: --dataset DIR is required (make one with `ringwatch generate --scenario large`)',
  );
const dataset = path.resolve(values.dataset);

const base = loadConfig({ ...process.env, NEO4J_URI: undefined }).neo4j as EmbeddedNeo4j;
const settings: EmbeddedNeo4j = {
  ...base,
  instance: 'bench',
  boltPort: await freePort(),
  heap: values.heap,
  pageCache: values.pagecache,
};
const layout = instanceLayout(settings.home, settings.instance);

/** An empty database: stop, delete the data, start, apply the schema. */
async function emptyDatabase(): Promise<Database> {
  await stopInstance(settings);
  await rm(layout.data, { recursive: true, force: true });
  await startInstance(settings);
  const db = await Database.open(await connectionFor(settings));
  await migrate(db);
  return db;
}

function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function runOurs(
  only?: Set<FileName>,
  batchSize = Number(values['batch-size']),
  concurrency = Number(values.concurrency),
) {
  const db = await emptyDatabase();
  const rss = peakRss();
  const dir = only ? await subset(only) : dataset;
  try {
    const summary: LoadSummary = await loadDataset(dir, db, {
      bulk: values.cypher || only ? undefined : { settings, minBytes: 0 },
      batchSize,
      concurrency,
      rejectsPath: path.join(projectRoot, 'bench', 'results', 'load-rejects.csv'),
    });
    return { summary, peakRssBytes: rss.stop() };
  } finally {
    await db.close();
  }
}

async function runPeer(batchSize = Number(values['batch-size'])) {
  const db = await emptyDatabase();
  const importDir = path.join(layout.dir, 'import');
  await mkdir(importDir, { recursive: true });
  const plan = await preflight(dataset);
  const perFile: Record<string, number> = {};
  const started = performance.now();
  try {
    for (const file of plan.files) {
      await cp(file.path, path.join(importDir, file.file));
      const cypher = await readFile(
        path.join(projectRoot, 'bench', 'load-csv', `${kebab(file.name)}.cypher`),
        'utf8',
      );
      const t0 = performance.now();
      const session = db.driver.session();
      try {
        await session.run(cypher, { batch: neo4j.int(batchSize) });
      } finally {
        await session.close();
      }
      perFile[file.file] = performance.now() - t0;
    }
  } finally {
    await db.close();
  }
  return { perFileMs: perFile, totalMs: performance.now() - started };
}

/** A copy of the data set with only some files (for the sweep). */
async function subset(only: Set<FileName>): Promise<string> {
  const dir = path.join(projectRoot, 'bench', 'results', 'subset');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(path.join(dataset, 'manifest.json'), path.join(dir, 'manifest.json'));
  for (const name of only)
    await cp(path.join(dataset, FILES[name].file), path.join(dir, FILES[name].file));
  return dir;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function sweep() {
  const only = new Set<FileName>(
    (values.only?.split(',') ?? ['persons', 'employers', 'employments']) as FileName[],
  );
  const results = [];
  for (const batchSize of [2000, 5000, 10000]) {
    for (const concurrency of [1, 2]) {
      const { summary } = await runOurs(only, batchSize, concurrency);
      const rowsPerSecond = summary.read / (summary.ms / 1000);
      results.push({ batchSize, concurrency, rowsPerSecond });
      console.log(
        `batch ${String(batchSize).padStart(6)} concurrency ${concurrency}: ${fmt(rowsPerSecond)} rows/s`,
      );
    }
  }
  return results;
}

async function compare() {
  const rounds = Number(values.rounds);
  // LOAD CSV takes some 15 minutes at 1 M persons: fewer rounds of it may be asked for.
  const peerRounds = Math.min(rounds, Number(values['peer-rounds'] ?? rounds));
  const ours: { summary: LoadSummary; peakRssBytes: number }[] = [];
  const peer: Awaited<ReturnType<typeof runPeer>>[] = [];
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round}/${rounds}: ringwatch load …`);
    const mine = await runOurs();
    ours.push(mine);
    console.log(`  ${fmt(mine.summary.read)} rows in ${(mine.summary.ms / 1000).toFixed(1)} s`);
    if (round > peerRounds) continue;
    console.log(`round ${round}/${rounds}: LOAD CSV …`);
    peer.push(await runPeer());
  }
  const first = ours[0]?.summary;
  if (!first) throw new Error('bench: no round ran');
  const files = first.files.map((f) => {
    const oursMs = median(
      ours.map((o) => o.summary.files.find((x) => x.file === f.file)?.ms ?? NaN),
    );
    const peerMs = median(peer.map((p) => p.perFileMs[f.file] ?? NaN));
    return {
      file: f.file,
      rows: f.read,
      oursRowsPerSecond: f.read / (oursMs / 1000),
      peerRowsPerSecond: f.read / (peerMs / 1000),
      ratio: peerMs / oursMs,
    };
  });
  const oursTotal = median(ours.map((o) => o.summary.ms));
  const peerTotal = median(peer.map((p) => p.totalMs));
  const result = {
    dataset,
    rounds,
    peerRounds,
    oursRoundSeconds: ours.map((o) => o.summary.ms / 1000),
    batchSize: Number(values['batch-size']),
    concurrency: Number(values.concurrency),
    neo4j: { heap: settings.heap, pageCache: settings.pageCache },
    rows: first.read,
    rejected: first.rejected,
    oursSeconds: oursTotal / 1000,
    peerSeconds: peerTotal / 1000,
    oursRowsPerSecond: first.read / (oursTotal / 1000),
    peerRowsPerSecond: first.read / (peerTotal / 1000),
    ratio: peerTotal / oursTotal,
    peakRssBytes: Math.max(...ours.map((o) => o.peakRssBytes)),
    mode: first.mode,
    importerPeakRssBytes: Math.max(...ours.map((o) => o.summary.bulk?.peakRssBytes ?? 0)),
    bulkPhases: ours.map((o) =>
      o.summary.bulk
        ? {
            importSeconds: o.summary.bulk.ms / 1000,
            stopSeconds: o.summary.bulk.stopMs / 1000,
            startSeconds: o.summary.bulk.startMs / 1000,
            schemaSeconds: o.summary.bulk.schemaMs / 1000,
          }
        : null,
    ),
    files,
  };
  console.log(
    `\n${'file'.padEnd(30)}${'rows'.padStart(11)}${'ours rows/s'.padStart(13)}${'LOAD CSV'.padStart(11)}${'ratio'.padStart(8)}`,
  );
  for (const f of files) {
    console.log(
      `${f.file.padEnd(30)}${fmt(f.rows).padStart(11)}${fmt(f.oursRowsPerSecond).padStart(13)}${fmt(f.peerRowsPerSecond).padStart(11)}${f.ratio.toFixed(2).padStart(8)}`,
    );
  }
  console.log(
    `${'total'.padEnd(30)}${fmt(result.rows).padStart(11)}${fmt(result.oursRowsPerSecond).padStart(13)}${fmt(result.peerRowsPerSecond).padStart(11)}${result.ratio.toFixed(2).padStart(8)}`,
  );
  console.log(
    `ringwatch load (${result.mode}): ${result.oursSeconds.toFixed(1)} s, LOAD CSV: ${result.peerSeconds.toFixed(1)} s (medians of ${rounds} and ${peerRounds} runs); loader peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB${result.importerPeakRssBytes > 0 ? `, importer JVM ${(result.importerPeakRssBytes / 2 ** 20).toFixed(0)} MiB` : ''}`,
  );
  return result;
}

await mkdir(path.join(projectRoot, 'bench', 'results'), { recursive: true });
try {
  const result = values.sweep ? { sweep: await sweep() } : await compare();
  const out = path.join(
    projectRoot,
    'bench',
    'results',
    values.sweep ? 'load-sweep.json' : 'load.json',
  );
  await writeFile(out, JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2) + '\n');
  console.log(`figures written to ${path.relative(process.cwd(), out)}`);
} finally {
  await stopInstance(settings);
  await rm(path.join(projectRoot, 'bench', 'results', 'subset'), { recursive: true, force: true });
}
