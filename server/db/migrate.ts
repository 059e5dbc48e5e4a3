// Applies the schema (cypher/schema/*.cypher, in file-name order): uniqueness constraints on
// `id` for every node label and the indexes the product needs, each `IF NOT EXISTS`; then what
// upgrades a graph made by an earlier version (a data backfill, an index no longer used, dropped
// `IF EXISTS`). Migrating again changes nothing. The graph records the steps it has had, by file
// name, so that a server can tell a graph that still needs some (assertSchemaCurrent): a step is
// therefore never edited once released, only added (a new file) or undone by a later one (the
// undone step's file may then go: a graph that lacks it needs nothing, one that has it gets the
// later step).
import { RingwatchError } from '../errors.js';
import type { Database } from './database.js';
import { migrationPrefix } from './queries.js';

export interface MigrateResult {
  statements: number;
  created: string[];
  constraints: number;
  indexes: number;
}

/**
 * Statements run two at a time: Neo4j populates each index as its statement asks, one after
 * another from one session, and a second session makes that two at once on the two cores (the
 * schema of the 1 M-person graph: 11 s instead of 15–17 s, warm). Two statements on one label
 * or relationship type at once deadlock in Neo4j, so each lane takes all of a label's
 * statements, in file-name order.
 */
const LANES = 2;

/** The label or relationship type a schema statement is for (`FOR (n:L)`, `FOR ()-[r:T]-()`). */
export function schemaTarget(text: string): string | undefined {
  const node = /\bFOR\s*\(\s*\w*\s*:\s*`?(\w+)`?\s*\)/i.exec(text);
  if (node) return `node ${node[1]}`;
  const rel = /\bFOR\s*\(\s*\)\s*-\s*\[\s*\w*\s*:\s*`?(\w+)`?\s*\]/i.exec(text);
  if (rel) return `relationship ${rel[1]}`;
  return undefined;
}

export async function migrate(
  db: Database,
  onStatement?: (done: number, total: number, name: string) => void,
): Promise<MigrateResult> {
  const before = new Set((await db.read('db/indexes', {})).map((i) => i.name));
  const migrations = db.registry.migrations();
  // Groups of statements on one label, in the order of their first statement; statements whose
  // target is not recognised run alone, after the lanes.
  const groups = new Map<string, typeof migrations>();
  const alone: typeof migrations = [];
  for (const migration of migrations) {
    const target = schemaTarget(migration.text);
    if (target === undefined) alone.push(migration);
    else if (groups.has(target)) groups.get(target)!.push(migration);
    else groups.set(target, [migration]);
  }
  const queue = [...groups.values()];
  let done = 0;
  const apply = async (migration: (typeof migrations)[number]) => {
    await db.runSchema(migration.text);
    onStatement?.(++done, migrations.length, migration.name);
  };
  // After a failure neither lane takes another group, and both are waited for before it is
  // thrown: no statement runs once migrate has failed.
  let failed = false;
  const lanes = await Promise.allSettled(
    Array.from({ length: LANES }, async () => {
      try {
        for (let group = queue.shift(); group && !failed; group = queue.shift())
          for (const migration of group) await apply(migration);
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
  for (const lane of lanes) if (lane.status === 'rejected') throw lane.reason;
  for (const migration of alone) await apply(migration);
  await db.write('db/await-indexes', { timeoutSeconds: 300 });
  await db.write('db/schema-applied', { names: migrations.map((m) => m.name) });
  const after = await db.read('db/indexes', {});
  const constraints = await db.read('db/constraints', {});
  return {
    statements: migrations.length,
    created: after.map((i) => i.name).filter((name) => !before.has(name)),
    constraints: constraints.length,
    indexes: after.length,
  };
}

/** This version's schema steps that the graph has not had (file names, in order). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const [state] = await db.read('db/schema-state', {});
  const applied = new Set(state?.applied ?? []);
  return db.registry
    .migrations()
    .map((m) => m.name)
    .filter((name) => !applied.has(name))
    .map((name) => name.slice(migrationPrefix.length));
}

/**
 * Throws when the graph lacks some of this version's schema steps: a server on such a graph
 * would answer wrongly (an employer's page without the jobs loaded before the index it reads
 * existed), not fail.
 */
export async function assertSchemaCurrent(db: Database): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length === 0) return;
  const shown = pending.slice(0, 3).join(', ') + (pending.length > 3 ? ', …' : '');
  throw new RingwatchError(
    `db: the graph at ${db.connection.uri} has no record of ${pending.length} of this version's ` +
      `${db.registry.migrations().length} schema steps (${shown}); run \`ringwatch db migrate\` ` +
      '(loads run it too), then start again',
  );
}
