// `ringwatch features` and the argument checks of `ringwatch analyze`, as a user runs them.
// (The analysis itself is tested in server/analytics/run-analysis.test.ts: running it here too
// would rewrite the communities of the shared test database under that test's feet.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureRegistry } from '../analytics/features/index.js';
import { projectRoot } from '../paths.js';

function ringwatch(args: string[]) {
  const bin = path.join(projectRoot, 'bin', 'ringwatch.js');
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ringwatch features and analyze', () => {
  it('lists every registered feature with its description', () => {
    const listed = ringwatch(['features', '--json']);
    expect(listed.code).toBe(0);
    const features = JSON.parse(listed.stdout) as { name: string; description: string }[];
    expect(features.map((f) => f.name)).toEqual(featureRegistry.map((f) => f.name));
    expect(features.every((f) => f.description.length > 20)).toBe(true);
    expect(features.map((f) => f.name)).toEqual(
      expect.arrayContaining(['f_exposure', 'f_community', 'f_pagerank', 'f_degree_directs']),
    );
  });

  it('rejects a bad date and an unknown engine', () => {
    const badDate = ringwatch(['analyze', '--as-of', '31/03/2024']);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toMatch(/a date such as 2024-03-31/);
    const engine = ringwatch(['analyze', '--engine', 'spark']);
    expect(engine.code).not.toBe(0);
    expect(engine.stderr).toMatch(/in-process, gds/);
  });
});
