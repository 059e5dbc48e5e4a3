// `ringwatch db …`: the embedded database's life cycle and the schema.
import type { Command } from 'commander';
import { instanceLayout } from '../db/embedded/layout.js';
import { runningPid, stopInstance } from '../db/embedded/instance.js';
import { currentInstall } from '../db/embedded/install.js';
import { formatBytes, residentBytes } from '../db/embedded/process-info.js';
import { measureTrailOrder, type TrailOrder } from '../audit/verify-audit.js';
import { migrate } from '../db/migrate.js';
import { bar } from './progress.js';
import { config, ensureDatabase, installJars, withDatabase } from './context.js';

export function registerDbCommands(program: Command): void {
  const db = program
    .command('db')
    .description('the graph database: install, start, stop, status, migrate');

  db.command('install')
    .description(
      'resolve the Neo4j Community and Graph Data Science jars from Maven Central (once)',
    )
    .option('--quiet-if-present', 'print nothing when the jars are already there')
    .option('--no-fail', 'only warn when Maven cannot resolve them (used by npm install)')
    .action(async (options: { quietIfPresent?: boolean; fail: boolean }) => {
      const settings = config().neo4j;
      if (settings.mode === 'external') {
        if (!options.quietIfPresent)
          console.log('NEO4J_URI is set: no embedded database to install.');
        return;
      }
      const present = await currentInstall(settings.home);
      if (present) {
        if (!options.quietIfPresent) {
          console.log(
            `Neo4j ${present.neo4jVersion} and GDS ${present.gdsVersion} are installed in ${settings.home}.`,
          );
        }
        return;
      }
      try {
        await installJars(settings.home);
      } catch (error) {
        if (options.fail) throw error;
        console.warn(
          `ringwatch: ${(error as Error).message}\n(the first \`ringwatch db start\` will try again)`,
        );
      }
    });

  db.command('start')
    .description(
      'start the embedded Neo4j in the background on 127.0.0.1 (Bolt only) and wait until it answers; with NEO4J_URI set, only check that server',
    )
    .action(async () => {
      await ensureDatabase(config().neo4j);
    });

  db.command('stop')
    .description('stop the embedded Neo4j cleanly')
    .action(async () => {
      const settings = config().neo4j;
      if (settings.mode === 'external') {
        console.log(
          `NEO4J_URI is set: ${settings.uri} is not managed by ringwatch; nothing to stop.`,
        );
        return;
      }
      const result = await stopInstance(settings);
      console.log(
        result.wasRunning
          ? `Neo4j "${settings.instance}" stopped in ${(result.stopMs / 1000).toFixed(1)} s${result.forced ? ' (forced after the timeout)' : ''}.`
          : `Neo4j "${settings.instance}" was not running.`,
      );
    });

  db.command('status')
    .description(
      'whether the database runs, its version, memory and whether GDS is available (exit 3 when it does not answer)',
    )
    .action(async () => {
      const settings = config().neo4j;
      if (settings.mode === 'embedded') {
        const layout = instanceLayout(settings.home, settings.instance);
        const pid = await runningPid(layout);
        if (pid === undefined) {
          console.log(
            `Neo4j "${settings.instance}" is not running (start it with \`ringwatch db start\`).`,
          );
          process.exitCode = 3;
          return;
        }
        console.log(
          `Neo4j "${settings.instance}" is running: pid ${pid}, memory ${formatBytes(residentBytes(pid))}, folder ${layout.dir}`,
        );
      }
      const facts = await withDatabase(settings, (db) => db.describe()).catch((error: Error) => {
        console.log(`The database does not answer: ${error.message}`);
        process.exitCode = 3;
        return undefined;
      });
      if (facts) {
        console.log(
          `  ${facts.address}: Neo4j ${facts.version} ${facts.edition}, Bolt ${facts.protocol}`,
        );
        console.log(`  Graph Data Science: ${facts.gds ?? 'not available'}`);
      }
    });

  db.command('migrate')
    .description('create the constraints and indexes, and upgrade an older graph (idempotent)')
    .action(async () => {
      await withDatabase(config().neo4j, async (db) => {
        const progress = bar('Applying schema', db.registry.migrations().length, 'statements');
        let result;
        try {
          result = await migrate(db, () => progress.increment());
        } finally {
          progress.stop();
        }
        console.log(
          `Schema applied: ${result.statements} statements, ${result.created.length === 0 ? 'nothing new' : `created ${result.created.join(', ')}`}; ${result.constraints} constraints, ${result.indexes} indexes.`,
        );
        console.log(trailOrderLine(await measureTrailOrder(db)));
      });
    });
}

/** What measuring the audit trail's time order did (measureTrailOrder), in one line. */
export function trailOrderLine(order: TrailOrder): string {
  return order.measured
    ? `Audit trail: ${order.records.toLocaleString('en')} records measured; none is stamped more than ${order.disorder.toLocaleString('en')} ms before one it follows, so time-window searches seek their records.`
    : `Audit trail's time order: ${order.why}.`;
}
