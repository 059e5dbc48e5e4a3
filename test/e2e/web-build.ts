// Builds the explorer with Vite into a folder of the test run's own, so the browser tests
// always run the sources as they are (never a stale dist/web).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { projectRoot } from '../../server/paths.js';

export async function buildWeb(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'ringwatch-web-'));
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}
