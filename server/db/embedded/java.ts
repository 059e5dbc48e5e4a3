// Finds the Java runtime for the embedded Neo4j and checks its version. Neo4j 5.26 runs on
// Java 17 and 21.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EmbeddedDatabaseError } from '../../errors.js';

export interface JavaRuntime {
  executable: string;
  major: number;
  version: string;
}

export const SUPPORTED_JAVA = [17, 21];

export function findJava(javaHome: string | undefined): JavaRuntime {
  const executable = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  const result = spawnSync(executable, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new EmbeddedDatabaseError(
      `db: no Java found (${executable}: ${result.error.message}); install Java 17 (apt-get install openjdk-17-jre-headless) or set JAVA_HOME, or set NEO4J_URI to use a running Neo4j`,
    );
  }
  const version = parseJavaVersion(`${result.stderr}${result.stdout}`);
  if (version === undefined) {
    throw new EmbeddedDatabaseError(
      `db: could not read the version of ${executable}; set JAVA_HOME to a Java 17 or 21 installation`,
    );
  }
  if (!SUPPORTED_JAVA.includes(version.major)) {
    throw new EmbeddedDatabaseError(
      `db: Java ${version.version} found at ${executable}, but Neo4j 5.26 needs Java 17 or 21; set JAVA_HOME to one of those`,
    );
  }
  return { executable, ...version };
}

/** Reads `openjdk version "17.0.15" 2025-04-15` (or the old `1.8.0_…` form). */
export function parseJavaVersion(output: string): { major: number; version: string } | undefined {
  const match = /version "([^"]+)"/.exec(output);
  if (!match?.[1]) return undefined;
  const version = match[1];
  const parts = version.split(/[._-]/).map((p) => Number.parseInt(p, 10));
  const major = parts[0] === 1 ? parts[1] : parts[0];
  if (major === undefined || Number.isNaN(major)) return undefined;
  return { major, version };
}
