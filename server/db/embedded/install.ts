// Resolves the embedded database's jars from Maven Central with the project's pom
// (neo4j/pom.xml): Neo4j Community and its libraries into <home>/lib, the Graph Data Science
// and APOC Core modules into <home>/plugins. A stamp file records the pom's hash, so a changed
// pom (a new Neo4j patch) re-resolves and an interrupted resolution is simply run again.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EmbeddedDatabaseError } from '../../errors.js';
import { neo4jDir } from '../../paths.js';
import { homeLayout, type HomeLayout } from './layout.js';

const StampSchema = z.object({
  pomSha256: z.string(),
  neo4jVersion: z.string(),
  gdsVersion: z.string(),
  installedAt: z.string(),
  jars: z.number(),
});
export type InstallStamp = z.infer<typeof StampSchema>;

export interface InstallProgress {
  /** Called for each artifact Maven has downloaded so far (unknown total). */
  onArtifact?: (downloaded: number, name: string) => void;
}

const pomFile = path.join(neo4jDir, 'pom.xml');

export async function readPomVersions(): Promise<{ neo4j: string; gds: string; sha256: string }> {
  const pom = await readFile(pomFile, 'utf8');
  const neo4j = /<neo4j\.version>([^<]+)</.exec(pom)?.[1];
  const gds = /<gds\.version>([^<]+)</.exec(pom)?.[1];
  if (!neo4j || !gds) {
    throw new EmbeddedDatabaseError(`db: ${pomFile} has no <neo4j.version> or <gds.version>`);
  }
  return { neo4j, gds, sha256: createHash('sha256').update(pom).digest('hex') };
}

/** The stamp of a complete installation that matches the current pom, if there is one. */
export async function currentInstall(home: string): Promise<InstallStamp | undefined> {
  const layout = homeLayout(home);
  const stamp = await readFile(layout.stamp, 'utf8').then(
    (text) => StampSchema.safeParse(JSON.parse(text)),
    () => undefined,
  );
  if (!stamp?.success) return undefined;
  const { sha256 } = await readPomVersions();
  return stamp.data.pomSha256 === sha256 ? stamp.data : undefined;
}

/**
 * Makes sure the jars for the current pom are in place, resolving them with Maven if not.
 * Returns the stamp and whether anything was downloaded.
 */
export async function ensureInstalled(
  home: string,
  progress: InstallProgress = {},
): Promise<{ stamp: InstallStamp; installed: boolean }> {
  const existing = await currentInstall(home);
  if (existing) return { stamp: existing, installed: false };
  const layout = homeLayout(home);
  const versions = await readPomVersions();
  checkMaven();
  await mkdir(home, { recursive: true });
  // Start from empty folders: a pom change must not leave jars of another version behind.
  await rm(layout.stamp, { force: true });
  await rm(layout.lib, { recursive: true, force: true });
  await rm(layout.plugins, { recursive: true, force: true });
  await runMaven(layout, progress);
  const jars = (await readdir(layout.lib)).length + (await readdir(layout.plugins)).length;
  const stamp: InstallStamp = {
    pomSha256: versions.sha256,
    neo4jVersion: versions.neo4j,
    gdsVersion: versions.gds,
    installedAt: new Date().toISOString(),
    jars,
  };
  await writeFile(layout.stamp, JSON.stringify(stamp, null, 2) + '\n');
  return { stamp, installed: true };
}

function checkMaven(): void {
  const probe = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new EmbeddedDatabaseError(
      'db: Maven (mvn) is needed once to fetch the Neo4j jars and was not found; install it (apt-get install maven) and run `ringwatch db install`, or set NEO4J_URI to use a running Neo4j',
    );
  }
}

async function runMaven(layout: HomeLayout, progress: InstallProgress): Promise<void> {
  const args = [
    '-B',
    '-f',
    pomFile,
    'dependency:copy-dependencies@server',
    'dependency:copy-dependencies@plugins',
    `-Dringwatch.lib=${layout.lib}`,
    `-Dringwatch.plugins=${layout.plugins}`,
  ];
  const log = createWriteStream(layout.installLog);
  log.write(`$ mvn ${args.join(' ')}\n`);
  const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let downloaded = 0;
  let lastError = '';
  let buffered = '';
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const done = /Downloaded from \S+: \S*\/([^/\s]+\.(?:jar|pom))/.exec(line);
      if (done?.[1]) progress.onArtifact?.(++downloaded, done[1]);
      if (line.includes('[ERROR]') && lastError === '')
        lastError = line.replace(/.*\[ERROR\]\s*/, '');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new EmbeddedDatabaseError(
      `db: Maven could not resolve the Neo4j jars (${lastError || `exit code ${String(code)}`}); check that Maven Central (or the mirror in ~/.m2/settings.xml) is reachable, then run \`ringwatch db install\`; full log: ${layout.installLog}`,
    );
  }
}
