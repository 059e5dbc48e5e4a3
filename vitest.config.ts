import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', '.neo4j/**'],
    // Starts a Neo4j of its own for the tests (or uses NEO4J_TEST_URI), stops it after.
    globalSetup: ['test/neo4j-test-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
