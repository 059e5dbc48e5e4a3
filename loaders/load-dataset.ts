// `ringwatch load DIR`: checks the whole folder first (nothing is written when a file as a whole
// is unusable), applies the schema, then loads entities before relations, file by file, with
// rejected rows written to the rejects file. Every write is an idempotent MERGE, so loading the
// same folder again — after a crash half-way, or as a later extraction — converges on the same
// graph. The first load into an empty embedded database is a bulk import instead (bulk/): the
// same checks and rejects, the same graph, the files staged side by side on worker threads and
// built offline by neo4j-admin (there the rejects of files staged at once interleave, each row
// naming its file and line; --batch-size sets the staging batches, --concurrency does not apply).
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Manifest } from '../contract/manifest.js';
import type { Database } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import {
  canBulkImport,
  clearStaging,
  finishBulkImport,
  importStaged,
  stagingDir,
  type BulkLoad,
  type BulkTarget,
} from './bulk/bulk-load.js';
import { stageInParallel } from './bulk/parallel-staging.js';
import { loadFile, type FileResult, type RowSink } from './load-file.js';
import { preflight, type PlannedFile } from './preflight.js';
import { defaultRejectsPath, RejectsFile } from './rejects.js';
import { DatabaseSink, DryRunSink } from './sinks.js';

/** Rows per write transaction; chosen by measurement (bench/load.ts). */
export const DEFAULT_BATCH_SIZE = 10_000;
/** Write transactions in flight while parsing goes on. */
export const DEFAULT_CONCURRENCY = 2;
/** Threads that stage files for a bulk import at once (one per core, up to 4: memory). */
export const DEFAULT_STAGING_THREADS = Math.max(1, Math.min(4, availableParallelism()));

export interface LoadOptions {
  dryRun?: boolean;
  rejectsPath?: string;
  batchSize?: number;
  concurrency?: number;
  /** Test hook: see DatabaseSink. */
  killAfterBatches?: number;
  /** The embedded instance, when a first load into it may be a bulk import. */
  bulk?: BulkTarget;
  /** Threads staging files for a bulk import (default DEFAULT_STAGING_THREADS). */
  stagingThreads?: number;
  onStep?: (step: string) => void;
  onWarning?: (warning: string) => void;
  onFile?: (file: PlannedFile) => {
    progress: (bytesRead: number, rowsRead: number) => void;
    done: (result: FileResult) => void;
  };
}

export interface LoadSummary {
  dataset: string;
  manifest: Manifest;
  dryRun: boolean;
  files: FileResult[];
  warnings: string[];
  rejectsPath: string;
  read: number;
  loaded: number;
  rejected: number;
  ms: number;
  /** How the rows went in: transactional MERGEs, or neo4j-admin's bulk import. */
  mode: 'dry-run' | 'cypher' | 'bulk';
  bulk?: BulkLoad;
}

export async function loadDataset(
  dir: string,
  db: Database | undefined,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  if (!dryRun && db === undefined) throw new Error('load: a database is needed unless --dry-run');
  const plan = await preflight(dir);
  for (const warning of plan.warnings) options.onWarning?.(warning);
  const bulkTarget =
    !dryRun &&
    db &&
    options.bulk &&
    (await canBulkImport(
      db,
      options.bulk,
      plan.files.reduce((s, f) => s + f.bytes, 0),
    ))
      ? options.bulk
      : undefined;
  if (bulkTarget) await clearStaging(bulkTarget.settings);
  else if (!dryRun && db) await migrate(db);
  const rejects = await RejectsFile.open(options.rejectsPath ?? defaultRejectsPath(dir));
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let results: FileResult[] = [];
  let bulk: BulkLoad | undefined;
  try {
    if (bulkTarget && db) {
      const staged = await stageInParallel(plan.files, stagingDir(bulkTarget.settings), rejects, {
        threads: options.stagingThreads ?? DEFAULT_STAGING_THREADS,
        onFile: options.onFile,
      });
      results = staged.results;
      const imported = await importStaged(staged.tables, bulkTarget, options.onStep);
      options.onStep?.('applying the schema (constraints and indexes)');
      const schemaStarted = performance.now();
      await migrate(db);
      bulk = { ...imported, schemaMs: performance.now() - schemaStarted };
    } else {
      const sink: RowSink =
        dryRun || !db ? new DryRunSink() : new DatabaseSink(db, options.killAfterBatches);
      for (const file of plan.files) {
        const ui = options.onFile?.(file);
        const result = await loadFile(file, sink, rejects, {
          batchSize,
          concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
          onProgress: ui?.progress,
        });
        ui?.done(result);
        results.push(result);
      }
    }
  } finally {
    await rejects.close();
  }
  const sum = (key: 'read' | 'loaded' | 'rejected') => results.reduce((s, r) => s + r[key], 0);
  const ms = performance.now() - started;
  if (!dryRun && db) {
    const dataset = path.resolve(dir);
    await db.write('load/record-run', {
      id: `${dataset}@${new Date().toISOString()}`,
      dataset,
      source: plan.manifest.source,
      extractedOn: plan.manifest.extracted_on,
      read: sum('read'),
      loaded: sum('loaded'),
      rejected: sum('rejected'),
      seconds: ms / 1000,
      rejectsPath: rejects.path,
    });
  }
  if (bulkTarget) await finishBulkImport(bulkTarget.settings);
  return {
    dataset: dir,
    manifest: plan.manifest,
    dryRun,
    files: results,
    warnings: plan.warnings,
    rejectsPath: rejects.path,
    read: sum('read'),
    loaded: sum('loaded'),
    rejected: sum('rejected'),
    ms,
    mode: dryRun ? 'dry-run' : bulkTarget ? 'bulk' : 'cypher',
    bulk,
  };
}
