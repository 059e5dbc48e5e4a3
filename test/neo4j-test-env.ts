// vitest global setup: the database the tests run against. With NEO4J_TEST_URI (and
// NEO4J_TEST_USER, NEO4J_TEST_PASSWORD, NEO4J_TEST_DATABASE) that server is used; otherwise an
// embedded instance named "test" is started on its own port and folder, so the tests never
// touch the demo's data, and stopped afterwards if this run started it.
import type { TestProject } from 'vitest/node';
import { loadConfig, type EmbeddedNeo4j } from '../server/config.js';
import type { Connection } from '../server/db/connection.js';
import { connectionFor } from '../server/db/connection.js';
import { runningPid, startInstance, stopInstance } from '../server/db/embedded/instance.js';
import { instanceLayout } from '../server/db/embedded/layout.js';
import { freePort, portInUse } from '../server/db/embedded/process-info.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Connection;
    embeddedHome: string | null;
  }
}

export const TEST_BOLT_PORT = 7697;

export function testEmbeddedSettings(env = process.env): EmbeddedNeo4j {
  const base = loadConfig({ ...env, NEO4J_URI: undefined }).neo4j;
  if (base.mode !== 'embedded') throw new Error('unreachable');
  return {
    ...base,
    instance: 'test',
    boltPort: Number(env.RINGWATCH_TEST_BOLT_PORT ?? TEST_BOLT_PORT),
    heap: env.RINGWATCH_TEST_NEO4J_HEAP ?? '1g',
    pageCache: env.RINGWATCH_TEST_NEO4J_PAGECACHE ?? '512m',
    database: undefined,
  };
}

/**
 * The default test port may be held by another checkout's test database (several worktrees on
 * one machine): then take a free port instead, unless RINGWATCH_TEST_BOLT_PORT asks for one.
 */
async function withUsablePort(settings: EmbeddedNeo4j): Promise<EmbeddedNeo4j> {
  if (process.env.RINGWATCH_TEST_BOLT_PORT) return settings;
  const ours = await runningPid(instanceLayout(settings.home, settings.instance));
  if (ours !== undefined || !(await portInUse(settings.boltPort))) return settings;
  return { ...settings, boltPort: await freePort() };
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    const password = process.env.NEO4J_TEST_PASSWORD;
    if (!password) throw new Error('tests: NEO4J_TEST_URI is set but NEO4J_TEST_PASSWORD is not');
    project.provide('neo4j', {
      uri: external,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password,
      database: process.env.NEO4J_TEST_DATABASE,
    });
    project.provide('embeddedHome', null);
    return async () => {};
  }
  const settings = await withUsablePort(testEmbeddedSettings());
  const started = await startInstance(settings);
  console.log(
    `tests: Neo4j "test" ${started.alreadyRunning ? 'already running' : `started in ${(started.startupMs / 1000).toFixed(1)} s`} at ${started.uri}`,
  );
  project.provide('neo4j', await connectionFor(settings));
  project.provide('embeddedHome', settings.home);
  return async () => {
    if (!started.alreadyRunning) await stopInstance(settings);
  };
}
