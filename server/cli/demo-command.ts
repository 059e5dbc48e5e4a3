// `ringwatch demo` (what `npm start` runs): the whole product on the embedded database in one
// command — start Neo4j, apply the schema, generate the demo data set if there is none, load it
// and compute its network features if this database has not loaded it yet, score, make one
// account per role, and serve.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { generateDataset } from '../../fixtures/generate.js';
import { SCENARIOS } from '../../fixtures/options.js';
import type { Config } from '../config.js';
import { measureTrailOrder } from '../audit/verify-audit.js';
import { migrate } from '../db/migrate.js';
import { projectRoot } from '../paths.js';
import { config, ensureDatabase, withDatabase } from './context.js';
import { trailOrderLine } from './db-commands.js';
import { loadWithProgress, printSummary } from './load-command.js';
import { bar, ticker } from './progress.js';
import { formatSummary } from './analyze-command.js';
import { runAnalysis } from '../analytics/run-analysis.js';
import { serve, withPort } from './serve-command.js';
import { demoScoring } from './demo-scoring.js';
import { ensureDemoUsers } from './demo-users.js';
import type { Database } from '../db/database.js';

export const DEMO_DIR = path.join(projectRoot, 'data', 'demo');

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'the quick start: start the embedded database, generate, load, analyze and score the demo data set (once), and serve',
    )
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--persons <n>', 'size of the demo population', String(SCENARIOS.demo))
    .option('--reload', 'load the demo data set again even if this database has it')
    .action(async (options: { port?: string; persons: string; reload?: boolean }) => {
      const cfg = withPort(config(), options.port);
      await prepareDemo(cfg, Number.parseInt(options.persons, 10), options.reload ?? false);
      await serve(cfg, false);
    });
}

async function prepareDemo(cfg: Config, persons: number, reload: boolean): Promise<void> {
  await ensureDatabase(cfg.neo4j);
  if (!existsSync(path.join(DEMO_DIR, 'manifest.json'))) {
    const progress = bar('Generating the demo data set', persons, 'persons');
    const summary = await generateDataset({ persons, seed: 1, out: DEMO_DIR, fraudScale: 1 }, (p) =>
      progress.update(p.persons),
    );
    progress.stop();
    console.log(
      `Generated ${summary.totalRows.toLocaleString('en')} rows for ${summary.persons.toLocaleString('en')} persons in ${path.relative(process.cwd(), DEMO_DIR) || DEMO_DIR} (ground truth beside it, never loaded).`,
    );
  }
  await withDatabase(cfg.neo4j, async (db) => {
    const schema = await migrate(db);
    console.log(`Schema ready: ${schema.constraints} constraints, ${schema.indexes} indexes.`);
    // A demo database begun by an earlier version: its audit trail's time order, once.
    const order = await measureTrailOrder(db);
    if (order.measured) console.log(trailOrderLine(order));
    const [last] = await db.read('load/last-run', { dataset: DEMO_DIR });
    const fresh = !last || reload;
    if (!fresh) {
      console.log(
        `Demo data already loaded (${last.loaded.toLocaleString('en')} rows, ${last.finishedAt}); --reload loads it again.`,
      );
    } else await loadAndAnalyze(db, cfg);
    await demoScoring(db, `${DEMO_DIR}.truth`, fresh);
    await ensureDemoUsers(db);
  });
}

async function loadAndAnalyze(db: Database, cfg: Config): Promise<void> {
  // Into an empty embedded database the first load is a bulk import (see loaders/bulk/).
  const bulk = cfg.neo4j.mode === 'embedded' ? { settings: cfg.neo4j } : undefined;
  printSummary(await loadWithProgress(DEMO_DIR, db, { bulk }));
  // Freshly loaded: compute the network features once (`ringwatch analyze` does it again).
  const t = ticker('Analyzing the network:');
  const analysis = await runAnalysis(db, {
    onPhase: (phase, detail) => t.update(`${phase} ${detail}`.trim()),
  });
  t.done('done');
  console.log(formatSummary(analysis, process.resourceUsage().maxRSS * 1024));
}
