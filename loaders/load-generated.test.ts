// A data set from the generator loads completely: no rejects, one node per entity row, one
// relationship per relation row.
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES, type FileName } from '../contract/files.js';
import { generateDataset } from '../fixtures/generate.js';
import { openTestDatabase } from '../test/database.js';
import type { Database } from '../server/db/database.js';
import { loadDataset } from './load-dataset.js';

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'ringwatch-gen-')), 'data');
  await generateDataset({ persons: 1000, seed: 11, out: dir, fraudScale: 1 });
});
afterAll(async () => {
  await db.close();
});

async function rows(name: FileName): Promise<Record<string, string>[]> {
  return parse(await readFile(path.join(dir, FILES[name].file), 'utf8'), { columns: true });
}

async function count(cypher: string, ids: string[]): Promise<number> {
  const result = await db.driver.executeQuery(
    cypher,
    { ids },
    { database: db.connection.database },
  );
  return Number(result.records[0]?.get('n'));
}

describe('load of a generated data set (real Neo4j)', () => {
  it('loads every row, with node and relationship counts equal to the rows', async () => {
    const summary = await loadDataset(dir, db, {
      rejectsPath: path.join(path.dirname(dir), 'rejects.csv'),
    });
    expect(summary.rejected).toBe(0);
    expect(summary.loaded).toBe(summary.read);

    const entities: [FileName, string, string][] = [
      ['persons', 'Person', 'person_id'],
      ['employers', 'Employer', 'employer_id'],
      ['addresses', 'Address', 'address_id'],
      ['staff', 'Staff', 'staff_id'],
      ['benefits', 'Claim', 'claim_id'],
      ['inspections', 'Inspection', 'inspection_id'],
    ];
    for (const [name, label, column] of entities) {
      const ids = (await rows(name)).map((r) => r[column] ?? '');
      expect(
        await count(`MATCH (n:${label}) WHERE n.id IN $ids RETURN count(n) AS n`, ids),
        name,
      ).toBe(ids.length);
    }
    const employments = (await rows('employments')).map((r) => r.employment_id ?? '');
    expect(
      await count(
        'MATCH ()-[r:EMPLOYED_BY]->() WHERE r.id IN $ids RETURN count(r) AS n',
        employments,
      ),
    ).toBe(employments.length);
    const persons = (await rows('persons')).map((r) => r.person_id ?? '');
    const perPerson: [FileName, string][] = [
      ['residences', 'LIVES_AT'],
      ['directorships', 'DIRECTS'],
      ['selfEmploymentClients', 'WORKS_FOR_CLIENT'],
    ];
    for (const [name, type] of perPerson) {
      expect(
        await count(
          `MATCH (p:Person)-[r:${type}]->() WHERE p.id IN $ids RETURN count(r) AS n`,
          persons,
        ),
        name,
      ).toBe((await rows(name)).length);
    }
  });
});
