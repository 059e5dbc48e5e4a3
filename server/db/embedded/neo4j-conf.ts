// Writes an instance's neo4j.conf from the template in neo4j/, and the JVM arguments that
// Neo4j's own launcher script would pass (we start the server class directly: no script, no
// tarball).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedDatabaseError } from '../../errors.js';
import { neo4jDir } from '../../paths.js';
import type { HomeLayout, InstanceLayout } from './layout.js';

export interface InstanceSettings {
  boltPort: number;
  heap: string;
  pageCache: string;
}

const templateFile = path.join(neo4jDir, 'neo4j.conf.template');

export async function writeNeo4jConf(
  home: HomeLayout,
  instance: InstanceLayout,
  settings: InstanceSettings,
): Promise<void> {
  const template = await readFile(templateFile, 'utf8');
  const values: Record<string, string> = {
    BOLT_PORT: String(settings.boltPort),
    HEAP: settings.heap,
    PAGECACHE: settings.pageCache,
    INSTANCE: instance.dir,
    PLUGINS: home.plugins,
  };
  const text = template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new EmbeddedDatabaseError(`db: ${templateFile} uses an unknown placeholder ${whole}`);
    }
    return value;
  });
  await writeFile(instance.confFile, text);
}

export function jvmArguments(home: HomeLayout, instance: InstanceLayout, heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // As Neo4j's own launcher starts a server (its default neo4j.conf): the JIT may treat final
    // instance fields as constants. Two Neo4j servers on copies of the 1 M-person graph, with
    // and without, the API's load alternating between them and then the flags swapped
    // (2026-12-06): 3–6 % more entity pages and 1-hop views a second (bench/api-speed.md).
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    // Java 17 module access that Neo4j's launcher grants.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/java.util=ALL-UNNAMED',
    '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
    '--add-opens=java.base/java.net=ALL-UNNAMED',
    // GDS on the classpath as well as in plugins/: its kernel extension is found through the
    // class path, its procedures through the plugins folder (as Neo4j's launcher does).
    '-cp',
    `${path.join(home.plugins, '*')}${path.delimiter}${path.join(home.lib, '*')}`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${instance.dir}`,
    `--config-dir=${instance.conf}`,
  ];
}
