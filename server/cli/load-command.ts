// `ringwatch load DIR`: a contract folder into the graph, with a progress bar per file and a
// summary of rows read, loaded and rejected.
import { Option, type Command } from 'commander';
import {
  loadDataset,
  DEFAULT_BATCH_SIZE,
  DEFAULT_CONCURRENCY,
  DEFAULT_STAGING_THREADS,
  type LoadOptions,
  type LoadSummary,
} from '../../loaders/load-dataset.js';
import type { Database } from '../db/database.js';
import { interruptedBulkImport } from '../../loaders/bulk/bulk-load.js';
import { BadInputError } from '../errors.js';
import { barGroup } from './progress.js';
import { config, openDatabase } from './context.js';

export function registerLoadCommand(program: Command): void {
  program
    .command('load')
    .description(
      'load a data set that follows CONTRACT.md into the graph (idempotent: re-run after a crash or for a later extraction)',
    )
    .argument('<dir>', 'the folder with the CSV files and manifest.json')
    .option('--dry-run', 'validate only: write the rejects, touch no database')
    .option(
      '--rejects <path>',
      'where to write rejected rows (default: rejects/<folder>-<time>.csv)',
    )
    .option(
      '--batch-size <rows>',
      'rows per write transaction (not for the staging of a bulk import)',
      String(DEFAULT_BATCH_SIZE),
    )
    .option('--concurrency <n>', 'write transactions in flight', String(DEFAULT_CONCURRENCY))
    .option(
      '--staging-threads <n>',
      'threads validating and staging files side by side for a bulk import (fewer use less memory: at 1 M persons about 660 MiB with 1, 760–920 MiB with 2)',
      String(DEFAULT_STAGING_THREADS),
    )
    .addOption(
      new Option(
        '--bulk <when>',
        'first load into an empty embedded database by neo4j-admin bulk import: auto (data sets of 16 MB or more), always, never',
      )
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .addOption(new Option('--kill-after-batches <n>', 'test hook: die after n batches').hideHelp())
    .addOption(
      new Option(
        '--kill-after-stop',
        'test hook: die once the bulk import stopped Neo4j',
      ).hideHelp(),
    )
    .action(
      async (
        dir: string,
        options: {
          dryRun?: boolean;
          rejects?: string;
          batchSize: string;
          concurrency: string;
          stagingThreads: string;
          bulk: 'auto' | 'always' | 'never';
          killAfterBatches?: string;
          killAfterStop?: boolean;
        },
      ) => {
        const batchSize = positive('--batch-size', options.batchSize);
        const concurrency = positive('--concurrency', options.concurrency);
        const stagingThreads = positive('--staging-threads', options.stagingThreads);
        const settings = config().neo4j;
        const db = options.dryRun ? undefined : await openDatabase(settings);
        const bulk =
          settings.mode === 'embedded' && options.bulk !== 'never'
            ? {
                settings,
                minBytes: options.bulk === 'always' ? 0 : undefined,
                killAfterStop: options.killAfterStop,
              }
            : undefined;
        try {
          // After an interrupted bulk import the database may be stopped or half-built: the
          // load imports it again without asking it anything first.
          if (db && !(bulk && interruptedBulkImport(bulk.settings))) await db.verify();
          const summary = await loadWithProgress(dir, db, {
            bulk,
            dryRun: options.dryRun,
            rejectsPath: options.rejects,
            batchSize,
            concurrency,
            stagingThreads,
            killAfterBatches:
              options.killAfterBatches === undefined
                ? undefined
                : positive('--kill-after-batches', options.killAfterBatches),
          });
          printSummary(summary);
        } finally {
          await db?.close();
        }
      },
    );
}

/** loadDataset with a progress bar per file and warnings on stderr. */
export function loadWithProgress(
  dir: string,
  db: Database | undefined,
  options: LoadOptions,
): Promise<LoadSummary> {
  // Files of a bulk import are staged side by side: their bars share one block.
  const bars = barGroup('bytes');
  // Shown from the first file on, until the next step is printed.
  let barsShown = false;
  const endBars = () => {
    if (barsShown) bars.stop();
    barsShown = false;
  };
  return loadDataset(dir, db, {
    ...options,
    onWarning: (w) => console.warn(`warning: ${w}`),
    onStep: (step) => {
      endBars();
      console.log(`bulk import: ${step} …`);
    },
    onFile: (file) => {
      barsShown = true;
      const progress = bars.bar(file.file.padEnd(28), file.bytes);
      return {
        progress: (bytes) => progress.update(bytes),
        done: () => {
          progress.update(file.bytes);
          progress.stop();
        },
      };
    },
  }).finally(endBars);
}

function positive(flag: string, value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1)
    throw new BadInputError(`load: ${flag} must be a whole number ≥ 1, not ${value}`);
  return n;
}

export function printSummary(s: LoadSummary): void {
  const seconds = s.ms / 1000;
  console.log(
    `\n${s.dryRun ? 'Dry run of' : 'Loaded'} ${s.dataset} (contract ${s.manifest.contract}, ${s.manifest.source}, extracted ${s.manifest.extracted_on})`,
  );
  console.log(
    `${'file'.padEnd(30)}${'read'.padStart(11)}${'loaded'.padStart(11)}${'rejected'.padStart(10)}${'rows/s'.padStart(10)}`,
  );
  for (const f of s.files) {
    console.log(
      `${f.file.padEnd(30)}${f.read.toLocaleString('en').padStart(11)}${f.loaded.toLocaleString('en').padStart(11)}${f.rejected.toLocaleString('en').padStart(10)}${Math.round(
        f.read / Math.max(f.ms / 1000, 0.001),
      )
        .toLocaleString('en')
        .padStart(10)}`,
    );
    for (const r of f.topReasons) console.log(`    ${r.count.toLocaleString('en')} × ${r.reason}`);
  }
  console.log(
    `${'total'.padEnd(30)}${s.read.toLocaleString('en').padStart(11)}${s.loaded.toLocaleString('en').padStart(11)}${s.rejected.toLocaleString('en').padStart(10)}${Math.round(
      s.read / Math.max(seconds, 0.001),
    )
      .toLocaleString('en')
      .padStart(10)}`,
  );
  if (s.bulk) {
    const b = s.bulk;
    console.log(
      `First load into an empty database: bulk import by neo4j-admin (${b.nodes.toLocaleString('en')} nodes, ${b.relationships.toLocaleString('en')} relationships in ${(b.ms / 1000).toFixed(1)} s; stopping Neo4j ${(b.stopMs / 1000).toFixed(1)} s, starting it ${(b.startMs / 1000).toFixed(1)} s, the schema ${(b.schemaMs / 1000).toFixed(1)} s${b.folded > 0 ? `; ${b.folded.toLocaleString('en')} repeated rows merged as MERGE would` : ''}). Later loads of this database merge through Cypher.`,
    );
  }
  console.log(
    `${seconds.toFixed(1)} s. ${s.rejected > 0 ? `Rejected rows, with line and reason: ${s.rejectsPath}` : `No rejected rows (${s.rejectsPath}).`}`,
  );
}
