// The first load into an empty embedded database goes through Neo4j's offline bulk importer,
// an order of magnitude faster than any transactional write (bench/load.ts): rows are validated
// and staged as the Cypher load would write them, the instance is stopped, neo4j-admin builds
// the store, the instance starts again and the schema is applied. Any later load — a second
// extraction, a re-run — finds the database non-empty and MERGEs through Cypher as before.
//
// A marker file says an import is under way. If the process dies after the instance was
// stopped, the next `ringwatch load` sees the marker and imports again (the importer overwrites
// the half-built store; the database was empty before), so the re-run ends with the same graph.
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddedNeo4j } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { startInstance, stopInstance } from '../../server/db/embedded/instance.js';
import { instanceLayout } from '../../server/db/embedded/layout.js';
import { adminImport, type ImportOutcome } from './admin-import.js';
import type { StagedTable } from './bulk-sink.js';

/**
 * Below this many bytes of CSV the Cypher load is done before Neo4j could be stopped, the
 * importer run and Neo4j started again: the 1 000-person set (0.5 MB) took 1 s by Cypher and
 * 26 s by bulk import (when Neo4j still took 11 s to stop); the 50 000-person demo (26 MB)
 * takes 58 s by Cypher and 34.5 s by bulk import.
 */
export const BULK_MIN_BYTES = 16 * 2 ** 20;

export interface BulkTarget {
  settings: EmbeddedNeo4j;
  /** Bulk-import only data sets at least this big (default BULK_MIN_BYTES). */
  minBytes?: number;
  /** Test hook: die (SIGKILL) once the instance is stopped, before the import runs. */
  killAfterStop?: boolean;
}

export interface BulkOutcome extends ImportOutcome {
  stagedRows: number;
  folded: number;
  /** Stopping Neo4j for the import. */
  stopMs: number;
  /** Starting it again after the import. */
  startMs: number;
}

/** A finished bulk load: the import, then the schema applied. */
export interface BulkLoad extends BulkOutcome {
  schemaMs: number;
}

function markerPath(settings: EmbeddedNeo4j): string {
  return path.join(instanceLayout(settings.home, settings.instance).dir, 'bulk-import.json');
}

export function stagingDir(settings: EmbeddedNeo4j): string {
  return path.join(instanceLayout(settings.home, settings.instance).dir, 'bulk-staging');
}

/** A bulk import was started and never finished (its database may be half-built). */
export function interruptedBulkImport(settings: EmbeddedNeo4j): boolean {
  return existsSync(markerPath(settings));
}

/**
 * Whether this load is a bulk import: the redo of an interrupted one, or a big enough data set
 * into an empty database.
 */
export async function canBulkImport(
  db: Database,
  target: BulkTarget,
  bytes: number,
): Promise<boolean> {
  if (interruptedBulkImport(target.settings)) return true;
  if (bytes < (target.minBytes ?? BULK_MIN_BYTES)) return false;
  const [count] = await db.read('load/node-count', {});
  return (count?.nodes ?? 1) === 0;
}

export async function clearStaging(settings: EmbeddedNeo4j): Promise<void> {
  await rm(stagingDir(settings), { recursive: true, force: true });
}

/** Stops the instance, imports the staged tables, starts it again. */
export async function importStaged(
  tables: StagedTable[],
  target: BulkTarget,
  onStep?: (step: string) => void,
): Promise<BulkOutcome> {
  const { settings } = target;
  await writeFile(
    markerPath(settings),
    JSON.stringify({ startedAt: new Date().toISOString(), staging: stagingDir(settings) }) + '\n',
  );
  onStep?.('stopping the embedded database for the bulk import');
  const t0 = performance.now();
  await stopInstance(settings);
  if (target.killAfterStop) process.kill(process.pid, 'SIGKILL');
  const stopMs = performance.now() - t0;
  onStep?.('importing with neo4j-admin');
  const outcome = await adminImport(
    settings,
    tables,
    path.join(stagingDir(settings), 'import.report'),
  );
  onStep?.('starting the embedded database');
  const t1 = performance.now();
  await startInstance(settings);
  return {
    ...outcome,
    stagedRows: tables.reduce((s, t) => s + t.rows, 0),
    folded: tables.reduce((s, t) => s + t.folded, 0),
    stopMs,
    startMs: performance.now() - t1,
  };
}

/** The import is done and the schema applied: forget the marker and the staged files. */
export async function finishBulkImport(settings: EmbeddedNeo4j): Promise<void> {
  await rm(markerPath(settings), { force: true });
  await clearStaging(settings);
}
