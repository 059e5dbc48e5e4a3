// Runs Neo4j's offline bulk importer (`neo4j-admin database import full`, class
// org.neo4j.cli.AdminTool from the installed jars) on the staged tables, into the embedded
// instance's database, which must be stopped. The importer rebuilds the store from scratch
// (--overwrite-destination), so running it again after a crash gives the same database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnvironment, type EmbeddedNeo4j } from '../../server/config.js';
import { homeLayout, instanceLayout } from '../../server/db/embedded/layout.js';
import { findJava } from '../../server/db/embedded/java.js';
import { residentBytes } from '../../server/db/embedded/process-info.js';
import type { StagedTable } from './bulk-sink.js';

export interface ImportOutcome {
  nodes: number;
  relationships: number;
  ms: number;
  /** Peak resident memory of the importer's JVM, when the OS tells. */
  peakRssBytes: number | undefined;
}

export class BulkImportError extends Error {
  override name = 'BulkImportError';
}

export async function adminImport(
  settings: EmbeddedNeo4j,
  tables: readonly StagedTable[],
  reportFile: string,
  onLine?: (line: string) => void,
): Promise<ImportOutcome> {
  const home = homeLayout(settings.home);
  const instance = instanceLayout(settings.home, settings.instance);
  const java = findJava(settings.javaHome);
  const used = tables.filter((t) => t.rows > 0);
  const multiline = used.filter((t) => t.multiline).map((t) => t.data);
  const args = [
    `-Xmx${settings.heap}`,
    '-XX:+UseParallelGC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-cp',
    path.join(home.lib, '*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database first: the --nodes/--relationships lists would take it for one more file.
    settings.database ?? 'neo4j',
    '--overwrite-destination=true',
    // Nodes come with their own ids (node-numbers.ts: ascending over the node files in the
    // order listed here, with small gaps), so the importer maps no string ids: 26 s instead of
    // 60 s for the 1 M-person set (bench/load.ts).
    '--id-type=actual',
    // The rows were checked before: any bad entry now is a bug, not data, and stops the import.
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    `--max-off-heap-memory=${settings.pageCache}`,
    `--report-file=${reportFile}`,
    ...(multiline.length > 0
      ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`]
      : []),
    ...used.map((t) => `--${t.table.kind}=${t.table.label}=${t.header},${t.data}`),
  ];
  const started = performance.now();
  const child = spawn(java.executable, args, {
    cwd: instance.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnvironment({ NEO4J_HOME: instance.dir, NEO4J_CONF: instance.conf }),
  });
  const output: string[] = [];
  let nodes = 0;
  let relationships = 0;
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      output.push(line);
      if (output.length > 200) output.shift();
      const n = /Imported:\s*$/.test(line) ? undefined : /^\s*(\d+) nodes$/.exec(line);
      if (n) nodes = Number(n[1]);
      const r = /^\s*(\d+) relationships$/.exec(line);
      if (r) relationships = Number(r[1]);
      onLine?.(line);
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  let peak: number | undefined;
  const timer = setInterval(() => {
    const rss = child.pid === undefined ? undefined : residentBytes(child.pid);
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  }, 200);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  }).finally(() => clearInterval(timer));
  if (code !== 0) {
    const reason =
      output.find((l) => /error|exception|invalid|missing|duplicate/i.test(l)) ?? output.at(-1);
    throw new BulkImportError(
      `load: neo4j-admin's bulk import failed (exit ${String(code)}): ${reason ?? 'no output'}; report: ${reportFile}`,
    );
  }
  return { nodes, relationships, ms: performance.now() - started, peakRssBytes: peak };
}
