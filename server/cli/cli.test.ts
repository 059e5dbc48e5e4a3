// The `ringwatch` command as a user runs it: a child process against the test database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { testDatabaseEnv } from '../../test/cli-env.js';
import { projectRoot } from '../paths.js';

const bin = path.join(projectRoot, 'bin', 'ringwatch.js');

function ringwatch(args: string[], env = testDatabaseEnv()) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ringwatch command line', () => {
  it('describes every command in --help', () => {
    const top = ringwatch(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['db', 'generate', 'load', 'serve', 'demo'])
      expect(top.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
    const db = ringwatch(['db', '--help']);
    for (const sub of ['install', 'start', 'stop', 'status', 'migrate']) {
      expect(db.stdout).toMatch(new RegExp(`\\n  ${sub}\\b.*\\w`));
    }
  });

  it('db status reports the running database, its version and GDS', () => {
    const status = ringwatch(['db', 'status']);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Neo4j 5\.26\.\d+ community/);
    if (inject('embeddedHome') !== null) {
      expect(status.stdout).toMatch(/Neo4j "test" is running: pid \d+, memory \d+/);
      expect(status.stdout).toMatch(/Graph Data Science: 2\.13\.\d+/);
    }
  });

  it('db start on a running database says so', () => {
    const start = ringwatch(['db', 'start']);
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(
      inject('embeddedHome') !== null
        ? /Neo4j "test" is already running at bolt:\/\/127\.0\.0\.1:\d+/
        : /NEO4J_URI is set/,
    );
  });

  it('db migrate twice creates nothing the second time', () => {
    expect(ringwatch(['db', 'migrate']).code).toBe(0);
    const again = ringwatch(['db', 'migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Schema applied: \d+ statements, nothing new; 22 constraints/);
    // And says where the audit trail's time order stands (measured once for an older trail).
    expect(again.stdout).toMatch(/^Audit trail/m);
  });

  it('a bad configuration gives one readable line and exit 1', () => {
    const bad = ringwatch(['db', 'status'], { ...testDatabaseEnv(), PORT: 'eighty' });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^ringwatch: config: PORT="eighty": /);
  });

  it('db status on a stopped embedded instance says how to start it, exit 3', () => {
    if (inject('embeddedHome') === null) return;
    const status = ringwatch(['db', 'status'], {
      ...testDatabaseEnv(),
      RINGWATCH_INSTANCE: 'never-started',
    });
    expect(status.code).toBe(3);
    expect(status.stdout).toContain(
      'Neo4j "never-started" is not running (start it with `ringwatch db start`)',
    );
  });
});
