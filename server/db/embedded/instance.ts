// Starts, stops and inspects one embedded Neo4j instance: a background JVM running Neo4j
// Community in server mode on a loopback Bolt port, with its own folder under <home>/instances.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnvironment, type EmbeddedNeo4j } from '../../config.js';
import { EmbeddedDatabaseError } from '../../errors.js';
import { createDriver, embeddedUri } from '../connection.js';
import { ensureInstalled, type InstallProgress } from './install.js';
import { findJava } from './java.js';
import { homeLayout, instanceLayout, type InstanceLayout } from './layout.js';
import { jvmArguments, writeNeo4jConf } from './neo4j-conf.js';
import { isAlive, isOurNeo4j, portInUse, residentBytes } from './process-info.js';

export interface StartResult {
  alreadyRunning: boolean;
  uri: string;
  pid: number;
  startupMs: number;
  rssBytes: number | undefined;
  installedJars: boolean;
}

export interface StartProgress extends InstallProgress {
  onWaiting?: (elapsedMs: number) => void;
}

export async function runningPid(instance: InstanceLayout): Promise<number | undefined> {
  const text = await readFile(instance.pidFile, 'utf8').catch(() => undefined);
  const pid = text === undefined ? NaN : Number.parseInt(text, 10);
  if (Number.isNaN(pid)) return undefined;
  return isOurNeo4j(pid, instance.conf) ? pid : undefined;
}

export async function startInstance(
  settings: EmbeddedNeo4j,
  progress: StartProgress = {},
): Promise<StartResult> {
  const home = homeLayout(settings.home);
  const instance = instanceLayout(settings.home, settings.instance);
  const uri = embeddedUri(settings.boltPort);
  const running = await runningPid(instance);
  if (running !== undefined) {
    return {
      alreadyRunning: true,
      uri,
      pid: running,
      startupMs: 0,
      rssBytes: residentBytes(running),
      installedJars: false,
    };
  }
  const { installed } = await ensureInstalled(settings.home, progress);
  const java = findJava(settings.javaHome);
  if (await portInUse(settings.boltPort)) {
    throw new EmbeddedDatabaseError(
      `db: port ${settings.boltPort} on 127.0.0.1 is already taken by another program; stop it, or set RINGWATCH_NEO4J_BOLT_PORT to a free port (or NEO4J_URI to use that server)`,
    );
  }
  for (const dir of [instance.conf, instance.data, instance.logs, instance.run]) {
    await mkdir(dir, { recursive: true });
  }
  await writeNeo4jConf(home, instance, settings);
  const password = await ensurePassword(instance, java.executable, home.lib);

  const started = Date.now();
  const out = openSync(instance.consoleLog, 'a');
  const child = spawn(java.executable, jvmArguments(home, instance, settings.heap), {
    cwd: instance.dir,
    detached: true,
    stdio: ['ignore', out, out],
    env: childEnvironment({ NEO4J_HOME: instance.dir, NEO4J_CONF: instance.conf }),
  });
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) {
    throw new EmbeddedDatabaseError(`db: could not start ${java.executable}`);
  }
  let exitCode: number | null | undefined;
  child.on('exit', (code) => (exitCode = code));
  child.unref();
  await writeFile(instance.pidFile, `${pid}\n`);

  const driver = createDriver({ uri, user: 'neo4j', password, database: undefined });
  try {
    const deadline = started + settings.startTimeoutSeconds * 1000;
    for (;;) {
      if (exitCode !== undefined || !isAlive(pid)) {
        await rm(instance.pidFile, { force: true });
        throw new EmbeddedDatabaseError(
          `db: Neo4j stopped during start-up: ${await startupFailure(instance)} (logs: ${instance.logs})`,
        );
      }
      try {
        // Authenticate, not just connect: when two checkouts start a test instance on the same
        // port at once, the other one's server answers there; only ours knows our password.
        // Ours then fails to bind and stops, which the check above reports.
        if (await driver.verifyAuthentication()) break;
        throw new Error('another server answers on this port');
      } catch {
        if (Date.now() > deadline) {
          throw new EmbeddedDatabaseError(
            `db: Neo4j did not accept connections within ${settings.startTimeoutSeconds} s; see ${instance.neo4jLog}, or raise RINGWATCH_NEO4J_START_TIMEOUT on a slow machine`,
          );
        }
        progress.onWaiting?.(Date.now() - started);
        await sleep(250);
      }
    }
  } finally {
    await driver.close();
  }
  return {
    alreadyRunning: false,
    uri,
    pid,
    startupMs: Date.now() - started,
    rssBytes: residentBytes(pid),
    installedJars: installed,
  };
}

/**
 * The instance's password: generated once, kept in a file only the owner can read, and set as
 * Neo4j's initial password before the first start (neo4j-admin dbms set-initial-password).
 */
async function ensurePassword(
  instance: InstanceLayout,
  java: string,
  lib: string,
): Promise<string> {
  const authFile = path.join(instance.data, 'dbms', 'auth.ini');
  let password = await readFile(instance.passwordFile, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  if (password !== undefined && existsSync(authFile)) return password;
  if (password === undefined && existsSync(authFile)) {
    throw new EmbeddedDatabaseError(
      `db: ${instance.passwordFile} is missing but the database already has users; delete ${authFile} to set a new password (the data is kept), then start again`,
    );
  }
  // base64url may begin with "-", which neo4j-admin would read as an option (and a file left by
  // such a failed first start is replaced): the password always starts with letters.
  if (password === undefined || password.startsWith('-')) {
    password = `rw${randomBytes(24).toString('base64url')}`;
  }
  await writeFile(instance.passwordFile, `${password}\n`, { mode: 0o600 });
  const result = spawnSync(
    java,
    [
      '-cp',
      path.join(lib, '*'),
      'org.neo4j.cli.AdminTool',
      'dbms',
      'set-initial-password',
      password,
    ],
    {
      encoding: 'utf8',
      env: childEnvironment({ NEO4J_HOME: instance.dir, NEO4J_CONF: instance.conf }),
    },
  );
  if (result.status !== 0) {
    throw new EmbeddedDatabaseError(
      `db: could not set the initial password: ${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''}`,
    );
  }
  return password;
}

/** The first error Neo4j wrote while starting, for a one-line message. */
async function startupFailure(instance: InstanceLayout): Promise<string> {
  for (const file of [instance.neo4jLog, instance.consoleLog]) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const lines = text.split('\n');
    const error =
      lines.find((l) => / ERROR /.test(l)) ?? lines.find((l) => /Exception|Error:/.test(l));
    if (error) return error.replace(/^\S+ \S+ ERROR\s+/, '').slice(0, 300);
  }
  return 'no error in the logs';
}

export interface StopResult {
  wasRunning: boolean;
  stopMs: number;
  forced: boolean;
}

/** Stops the instance cleanly (SIGTERM: Neo4j checkpoints and closes its stores). */
export async function stopInstance(
  settings: EmbeddedNeo4j,
  timeoutMs = 120_000,
): Promise<StopResult> {
  const instance = instanceLayout(settings.home, settings.instance);
  const pid = await runningPid(instance);
  if (pid === undefined) {
    await rm(instance.pidFile, { force: true });
    return { wasRunning: false, stopMs: 0, forced: false };
  }
  const started = Date.now();
  process.kill(pid, 'SIGTERM');
  let forced = false;
  while (isAlive(pid)) {
    if (Date.now() - started > timeoutMs) {
      process.kill(pid, 'SIGKILL');
      forced = true;
    }
    await sleep(100);
  }
  await rm(instance.pidFile, { force: true });
  return { wasRunning: true, stopMs: Date.now() - started, forced };
}
