// The loader against the real test Neo4j. Every test works on ids with its own prefix, so test
// files sharing the database never see each other's rows.
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset, sampleRows, SAMPLE_COUNTS, type RawRows } from '../test/contract-dataset.js';
import { testDatabaseEnv } from '../test/cli-env.js';
import { openTestDatabase } from '../test/database.js';
import { deletePrefix, snapshot } from '../test/graph-snapshot.js';
import { projectRoot } from '../server/paths.js';
import { freePort } from '../server/db/embedded/process-info.js';
import type { Database } from '../server/db/database.js';
import { loadDataset } from './load-dataset.js';
import { DatasetError } from './preflight.js';

let db: Database;
const rejectsFile = (name: string) =>
  path.join(tmpdir(), `ringwatch-rejects-${name}-${process.pid}.csv`);

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function readRejects(file: string): Promise<string[][]> {
  const rows: string[][] = parse(await readFile(file, 'utf8'));
  return rows.slice(1);
}

describe('load (real Neo4j)', () => {
  it('loads a complete data set: one node per entity row, one relationship per relation row', async () => {
    const p = 'LDA-';
    await deletePrefix(db, p);
    const dir = await writeDataset(sampleRows(p));
    const summary = await loadDataset(dir, db, { rejectsPath: rejectsFile('a') });
    expect(summary.rejected).toBe(0);
    expect(summary.loaded).toBe(summary.read);
    const snap = await snapshot(db, p);
    expect(snap.nodes).toEqual(SAMPLE_COUNTS.nodes);
    expect(snap.relationships).toEqual(SAMPLE_COUNTS.relationships);
    const [employer] = (
      await db.driver.executeQuery(
        "MATCH (e:Employer {id: 'LDA-E2'}) RETURN e.status AS status, e.contribution_debt_eur AS debt, e.declared_workers AS workers, toString(e.ceased_on) AS ceased",
      )
    ).records.map((r) => r.toObject());
    expect(employer).toMatchObject({ status: 'bankrupt', debt: 25000.75, ceased: '2022-06-30' });
    expect(String(employer?.workers)).toBe('6');
    // Each job repeats its employer's and its person's ids (the employer's page reads them).
    const [jobs] = (
      await db.driver.executeQuery(
        `MATCH (p:Person)-[r:EMPLOYED_BY]->(e:Employer) WHERE r.id STARTS WITH 'LDA-'
         RETURN count(*) AS all, count(CASE WHEN r.person = p.id AND r.employer = e.id THEN 1 END) AS named`,
      )
    ).records.map((r) => r.toObject());
    expect(Number(jobs?.all)).toBeGreaterThan(0);
    expect(Number(jobs?.named)).toBe(Number(jobs?.all));
    const [run] = await db.read('load/last-run', { dataset: path.resolve(dir) });
    expect(run).toMatchObject({
      source: 'test',
      extractedOn: '2026-10-31',
      read: summary.read,
      rejected: 0,
    });
  });

  it('loading the same folder twice changes nothing', async () => {
    const p = 'LDB-';
    await deletePrefix(db, p);
    const dir = await writeDataset(sampleRows(p));
    await loadDataset(dir, db, { rejectsPath: rejectsFile('b') });
    const first = await snapshot(db, p);
    const again = await loadDataset(dir, db, { rejectsPath: rejectsFile('b') });
    expect(again.rejected).toBe(0);
    expect(await snapshot(db, p)).toEqual(first);
  });

  it('rejects exactly the bad rows, with the right reasons, and loads every good one', async () => {
    const p = 'LDC-';
    await deletePrefix(db, p);
    const rows = sampleRows(p);
    const good = rows.persons ?? [];
    const person = (id: string, extra: Record<string, string> = {}) => ({
      ...good[0],
      person_id: `${p}${id}`,
      ...extra,
    });
    rows.persons = [
      good[0]!,
      person('BAD1', { person_id: '' }), // missing required value
      good[1]!,
      person('BAD2', { sex: 'Q' }), // unknown enum value
      good[2]!,
      { ...good[1]!, region: 'Lisboa' }, // duplicate id
      good[3]!,
      person('BAD3', { region: 'x'.repeat(600) }), // absurd field length
      good[4]!,
      good[5]!,
    ];
    rows.employments = [
      ...(rows.employments ?? []),
      {
        employment_id: `${p}JB1`,
        person_id: `${p}P1`,
        employer_id: `${p}E1`,
        start_date: '2021-02-30',
        contract: 'full_time',
      }, // bad date
      {
        employment_id: `${p}JB2`,
        person_id: `${p}P1`,
        employer_id: `${p}E1`,
        start_date: '2021-03-01',
        end_date: '2021-01-01',
      }, // end before start
      {
        employment_id: `${p}JB3`,
        person_id: `${p}P1`,
        employer_id: `${p}E1`,
        monthly_wage_eur: '-10',
      }, // negative money
      { employment_id: `${p}JB4`, person_id: `${p}NOBODY`, employer_id: `${p}E1` }, // unknown reference
    ];
    const dir = await writeDataset(rows);
    // Malformed quoting and a wrong field count, placed between good rows.
    const employments = path.join(dir, 'employments.csv');
    const lines = (await readFile(employments, 'utf8')).trimEnd().split('\n');
    lines.splice(2, 0, `${p}JQ1,${p}P1,"${p}E1"x,2020-01-01,,full_time,40,1000`, `${p}JQ2,${p}P1`);
    await writeFile(employments, lines.join('\n') + '\n');

    const file = rejectsFile('c');
    const summary = await loadDataset(dir, db, { rejectsPath: file });
    const rejects = await readRejects(file);
    const byFile = (f: string) =>
      rejects.filter((r) => r[0] === f).map((r) => `${r[1]} ${r[2]}: ${r[4]}`);
    expect(byFile('persons.csv').sort()).toEqual(
      [
        '3 person_id: required value is missing',
        '5 sex: not one of F, M, X',
        '7 person_id: duplicate person_id (first at line 4)',
        '9 region: longer than 500 characters',
      ].sort(),
    );
    expect(byFile('employments.csv').sort()).toEqual(
      [
        '3 : malformed quoting: characters after a closing quote',
        '4 : has 2 fields, the header has 8',
        '7 start_date: not an ISO 8601 calendar date (YYYY-MM-DD)',
        '8 end_date: before start_date (2021-03-01)',
        '9 monthly_wage_eur: negative',
        '10 person_id: references no person in the data set or the graph',
      ].sort(),
    );
    const persons = summary.files.find((f) => f.file === 'persons.csv');
    expect(persons).toMatchObject({ read: 10, loaded: 6, rejected: 4 });
    const employmentsResult = summary.files.find((f) => f.file === 'employments.csv');
    expect(employmentsResult).toMatchObject({ read: 9, loaded: 3, rejected: 6 });
    const snap = await snapshot(db, p);
    expect(snap.nodes).toEqual(SAMPLE_COUNTS.nodes);
    expect(snap.relationships).toEqual(SAMPLE_COUNTS.relationships);
  });

  it('updates a later extraction in place: properties change, relations are not duplicated, features stay', async () => {
    const p = 'LDD-';
    await deletePrefix(db, p);
    const v1 = sampleRows(p);
    await loadDataset(await writeDataset(v1), db, { rejectsPath: rejectsFile('d') });
    await db.driver.executeQuery("MATCH (e:Employer {id: 'LDD-E1'}) SET e.f_exposure = 0.5");
    const v2: RawRows = structuredClone(v1);
    const e1 = v2.employers?.[0];
    if (e1)
      Object.assign(e1, {
        status: 'bankrupt',
        ceased_on: '2026-09-30',
        contribution_debt_eur: '99000',
      });
    v2.employments?.push({
      employment_id: `${p}J4`,
      person_id: `${p}P3`,
      employer_id: `${p}E1`,
      start_date: '2026-01-01',
      contract: 'temporary',
    });
    const c1 = v2.benefits?.[0];
    if (c1) Object.assign(c1, { paid_to: `${p}A2`, status: 'suspended' });
    await loadDataset(await writeDataset(v2), db, { rejectsPath: rejectsFile('d') });

    const snap = await snapshot(db, p);
    expect(snap.nodes).toEqual(SAMPLE_COUNTS.nodes);
    expect(snap.relationships).toEqual({ ...SAMPLE_COUNTS.relationships, EMPLOYED_BY: 4 });
    const [row] = (
      await db.driver.executeQuery(
        "MATCH (e:Employer {id: 'LDD-E1'}) MATCH (c:Claim {id: 'LDD-C1'})-[:PAID_TO]->(a) RETURN e.status AS status, toString(e.ceased_on) AS ceased, e.f_exposure AS exposure, c.status AS claim, collect(a.id) AS paidTo",
      )
    ).records.map((r) => r.toObject());
    expect(row).toEqual({
      status: 'bankrupt',
      ceased: '2026-09-30',
      exposure: 0.5,
      claim: 'suspended',
      paidTo: ['LDD-A2'],
    });
  });

  it('a load killed half-way and run again gives the same graph as an uninterrupted one', async () => {
    const many = (p: string): RawRows => {
      const rows = sampleRows(p);
      rows.persons = Array.from({ length: 3000 }, (_, i) => ({
        person_id: `${p}P${i + 1}`,
        birth_year: '1980',
        sex: 'F',
        region: 'PT17',
      }));
      rows.residences = Array.from({ length: 3000 }, (_, i) => ({
        person_id: `${p}P${i + 1}`,
        address_id: `${p}AD${(i % 2) + 1}`,
        start_date: '2020-01-01',
      }));
      return rows;
    };
    const [a, b] = ['LDK-', 'LDU-'];
    await deletePrefix(db, a);
    await deletePrefix(db, b);
    const killedDir = await writeDataset(many(a));
    const env = testDatabaseEnv();
    const bin = path.join(projectRoot, 'bin', 'ringwatch.js');
    const killed = spawnSync(
      process.execPath,
      [
        bin,
        'load',
        killedDir,
        '--batch-size',
        '200',
        '--kill-after-batches',
        '5',
        '--rejects',
        rejectsFile('k'),
      ],
      { env, encoding: 'utf8' },
    );
    expect(killed.signal).toBe('SIGKILL');
    const partial = await snapshot(db, a);
    expect(partial.nodes.Person ?? 0).toBeGreaterThan(0);
    expect(partial.relationships.LIVES_AT ?? 0).toBe(0);

    const rerun = spawnSync(
      process.execPath,
      [bin, 'load', killedDir, '--batch-size', '200', '--rejects', rejectsFile('k')],
      { env, encoding: 'utf8' },
    );
    expect(rerun.stderr).not.toMatch(/ringwatch: /);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(/^total\s+6,0\d\d\s+6,0\d\d\s+0\s/m);

    await loadDataset(await writeDataset(many(b)), db, {
      batchSize: 200,
      rejectsPath: rejectsFile('u'),
    });
    const [resumed, uninterrupted] = [await snapshot(db, a), await snapshot(db, b)];
    expect(resumed.nodes).toEqual(uninterrupted.nodes);
    expect(resumed.relationships).toEqual(uninterrupted.relationships);
    expect(resumed.dump).toEqual(uninterrupted.dump);
  });

  it('exits non-zero with one clear line when the database is down', async () => {
    const dir = await writeDataset(sampleRows('LDX-'));
    const port = await freePort();
    const down = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'bin', 'ringwatch.js'), 'load', dir, '--rejects', rejectsFile('x')],
      {
        env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'x' },
        encoding: 'utf8',
      },
    );
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(
      new RegExp(
        `^ringwatch: db: the database at bolt://127\\.0\\.0\\.1:${port} is not available .*ringwatch db start`,
      ),
    );
  });

  it('--dry-run validates and writes rejects without touching the database', async () => {
    const p = 'LDR-';
    await deletePrefix(db, p);
    const rows = sampleRows(p);
    rows.employments?.push({
      employment_id: `${p}JX`,
      person_id: `${p}GHOST`,
      employer_id: `${p}E1`,
    });
    const file = rejectsFile('r');
    const summary = await loadDataset(await writeDataset(rows), undefined, {
      dryRun: true,
      rejectsPath: file,
    });
    expect(summary.rejected).toBe(1);
    expect((await readRejects(file))[0]?.slice(2).join('|')).toBe(
      `person_id|${p}GHOST|references no person in the data set (dry run: the graph was not consulted)`,
    );
    expect((await snapshot(db, p)).nodes).toEqual({});
  });
});

describe('load: whole-file problems stop before anything is written', () => {
  const cases: [string, (dir: string) => Promise<void>, RegExp][] = [
    [
      'a missing required file',
      (dir) => rm(path.join(dir, 'employers.csv')),
      /^load: employers\.csv is missing from .*; it is required by the contract/,
    ],
    [
      'a missing column',
      async (dir) => {
        const file = path.join(dir, 'persons.csv');
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace('birth_year', 'year_of_birth'));
      },
      /^load: persons\.csv lacks the column birth_year; its header must name every column/,
    ],
    [
      'an unknown contract version',
      (dir) =>
        writeFile(
          path.join(dir, 'manifest.json'),
          '{"contract": "2", "source": "x", "extracted_on": "2026-01-01"}',
        ),
      /^load: manifest\.json: contract: contract version "2" is not supported/,
    ],
    [
      'a file that is not UTF-8',
      async (dir) => {
        const file = path.join(dir, 'employers.csv');
        const bytes = await readFile(file);
        await writeFile(file, Buffer.concat([bytes, Buffer.from([0x45, 0x33, 0x2c, 0xe9, 0x0a])]));
      },
      /^load: employers\.csv is not UTF-8 \(invalid bytes near byte \d+\); export it as UTF-8/,
    ],
  ];
  for (const [what, corrupt, message] of cases) {
    it(what, async () => {
      const p = `LDW${cases.findIndex((c) => c[0] === what)}-`;
      await deletePrefix(db, p);
      const dir = await writeDataset(sampleRows(p));
      await corrupt(dir);
      const error = await loadDataset(dir, db, { rejectsPath: rejectsFile('w') }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as Error).message).toMatch(message);
      expect((await snapshot(db, p)).nodes).toEqual({});
    });
  }
});
