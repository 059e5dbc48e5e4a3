// What every command needs: the configuration (parsed once, lazily, so that --help works even
// with a bad environment) and a database opened for the duration of a piece of work.
import { loadConfig, type Config, type Neo4jSettings } from '../config.js';
import { connectionFor, type DriverProfile } from '../db/connection.js';
import { Database } from '../db/database.js';
import { currentInstall, ensureInstalled } from '../db/embedded/install.js';
import { startInstance, type StartResult } from '../db/embedded/instance.js';
import { formatBytes } from '../db/embedded/process-info.js';
import { ticker } from './progress.js';

let cached: Config | undefined;

export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

export async function openDatabase(
  settings: Neo4jSettings,
  profile: DriverProfile = 'batch',
): Promise<Database> {
  return Database.open(await connectionFor(settings), undefined, profile);
}

export async function withDatabase<T>(
  settings: Neo4jSettings,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(settings);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** `ringwatch db install`: resolve the jars (with a ticker while Maven downloads). */
export async function installJars(home: string): Promise<void> {
  if (await currentInstall(home)) return;
  const t = ticker('Resolving the Neo4j, GDS and APOC Core jars with Maven:');
  t.update('starting');
  const { stamp } = await ensureInstalled(home, {
    onArtifact: (n, name) => t.update(`${n} artifacts (${name})`),
  });
  t.done(
    `${stamp.jars} jars for Neo4j ${stamp.neo4jVersion}, GDS ${stamp.gdsVersion} and APOC Core`,
  );
}

/**
 * Starts the embedded database when the configuration says embedded and it is not running,
 * and prints what happened. With NEO4J_URI, only checks that the server answers.
 */
export async function ensureDatabase(settings: Neo4jSettings): Promise<StartResult | undefined> {
  if (settings.mode === 'external') {
    const facts = await withDatabase(settings, (db) => db.verify());
    console.log(
      `NEO4J_URI is set: using ${settings.uri} (Neo4j ${facts.version} ${facts.edition}); nothing to start.`,
    );
    return undefined;
  }
  await installJars(settings.home);
  const t = ticker(`Starting Neo4j "${settings.instance}":`);
  const result = await startInstance(settings, {
    onWaiting: () => t.update('waiting for Bolt'),
  });
  if (result.alreadyRunning) {
    t.done();
    console.log(
      `Neo4j "${settings.instance}" is already running at ${result.uri} (pid ${result.pid}, memory ${formatBytes(result.rssBytes)}).`,
    );
    return result;
  }
  t.done('ready');
  const facts = await withDatabase(settings, (db) => db.describe());
  console.log(
    [
      `Neo4j ${facts.version} ${facts.edition} started at ${result.uri} in ${(result.startupMs / 1000).toFixed(1)} s`,
      `  pid ${result.pid}, memory ${formatBytes(result.rssBytes)} (heap ${settings.heap}, page cache ${settings.pageCache})`,
      `  Graph Data Science: ${facts.gds ?? 'not available'}`,
    ].join('\n'),
  );
  return result;
}
