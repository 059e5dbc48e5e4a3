// Staging on several threads stages exactly what one thread stages — every byte of every file,
// node numbers ascending over the node files in the order the importer is given them, the same
// rejects — and a thread's failure ends the load with its error.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../fixtures/generate.js';
import { preflight, type PlannedFile } from '../preflight.js';
import type { Reject } from '../rejects.js';
import { stageInParallel, type Staged } from './parallel-staging.js';

let dir: string;
let files: PlannedFile[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-staging-'));
  const data = path.join(dir, 'data');
  await generateDataset({ persons: 500, seed: 3, out: data, fraudScale: 1 });
  // A residence of nobody, between good rows; an account shared by two persons.
  await appendFile(path.join(data, 'residences.csv'), 'P-none,A0-0,2020-01-01,\n');
  const accounts = (await readFile(path.join(data, 'accounts.csv'), 'utf8')).split('\n');
  const shared = accounts[1]!.split(',')[0]!;
  await appendFile(path.join(data, 'accounts.csv'), `${shared},person,P3\n`);
  files = (await preflight(data)).files;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function stage(threads: number): Promise<{ staged: Staged; rejects: Reject[] }> {
  const rejects: Reject[] = [];
  const staged = await stageInParallel(
    files,
    path.join(dir, `staged-${threads}`),
    {
      write: (list) => {
        rejects.push(...list);
        return Promise.resolve();
      },
    },
    { threads, batchSize: 50 },
  );
  return { staged, rejects };
}

const key = (r: Reject) => `${r.file}|${r.line}|${r.column}|${r.reason}`;

describe('stageInParallel', () => {
  it('stages the same bytes on three threads as on one, nodes numbered in order', async () => {
    const one = await stage(1);
    const three = await stage(3);
    expect(three.staged.results).toEqual(
      one.staged.results.map((r) => ({ ...r, ms: expect.any(Number) as number })),
    );
    expect(three.rejects.map(key).sort()).toEqual(one.rejects.map(key).sort());
    expect(one.rejects.map(key)).toContain(
      'residences.csv|' +
        String(one.staged.results.find((r) => r.file === 'residences.csv')!.read + 1) +
        '|person_id|references no person in the data set',
    );
    expect(three.staged.tables.map((t) => t.table.name)).toEqual(
      one.staged.tables.map((t) => t.table.name),
    );
    for (const [i, t] of one.staged.tables.entries()) {
      const other = three.staged.tables[i]!;
      expect(await readFile(other.data, 'utf8')).toBe(await readFile(t.data, 'utf8'));
      expect(await readFile(other.header, 'utf8')).toBe(await readFile(t.header, 'utf8'));
    }
    let last = -1;
    for (const t of three.staged.tables.filter((t) => t.table.kind === 'nodes')) {
      for (const line of (await readFile(t.data, 'utf8')).split('\n').filter(Boolean)) {
        const number = Number(line.split(',')[0]);
        expect(number).toBeGreaterThan(last);
        last = number;
      }
    }
    // The shared account is one node.
    const accounts = three.staged.tables.find((t) => t.table.name === 'account')!;
    const ids = (await readFile(accounts.data, 'utf8')).split('\n').filter(Boolean);
    expect(new Set(ids.map((l) => l.split(',')[1])).size).toBe(ids.length);
  }, 120_000);

  it('fails with the error of the thread that failed', async () => {
    const blocked = path.join(dir, 'not-a-folder');
    await writeFile(blocked, 'a file where the staging folder should go');
    await expect(
      stageInParallel(
        files,
        blocked,
        { write: () => Promise.resolve() },
        { threads: 2, batchSize: 50 },
      ),
    ).rejects.toThrow(/EEXIST|ENOTDIR/);
  }, 60_000);
});
