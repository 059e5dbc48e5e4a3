// The environment under which a `ringwatch` child process talks to the test database.
import { inject } from 'vitest';

export function testDatabaseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  const neo4j = inject('neo4j');
  const home = inject('embeddedHome');
  if (home !== null) {
    delete env.NEO4J_URI;
    return {
      ...env,
      RINGWATCH_HOME: home,
      RINGWATCH_INSTANCE: 'test',
      RINGWATCH_NEO4J_BOLT_PORT: new URL(neo4j.uri).port,
    };
  }
  return {
    ...env,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
  };
}
