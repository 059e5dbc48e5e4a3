// What the bulk import is handed: nodes numbered densely and in ascending order over the node
// files (the importer's `actual` ids), one node for an id that rows repeat, relationships
// between the right numbers, and no row for a reference to nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILES, type FileName } from '../../contract/files.js';
import { GRAPH_ROWS, type GraphRow } from '../graph-rows.js';
import { NodeNumbers } from '../node-numbers.js';
import { BulkSink, type StagedTable } from './bulk-sink.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-bulk-sink-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function rows(name: FileName, records: Record<string, string>[], firstLine = 2): GraphRow[] {
  const toGraph = GRAPH_ROWS[name] as (row: unknown, line: number) => GraphRow;
  return records.map((r, i) => toGraph(FILES[name].schema.parse(r), firstLine + i));
}

const person = (id: string) => ({
  person_id: id,
  birth_year: '1980',
  sex: 'F',
  nationality: 'BE',
  region: 'BE10',
  municipality: 'Schaerbeek',
});
const account = (id: string, holder: string) => ({
  account_id: id,
  holder_type: 'person',
  holder_id: holder,
});

async function staged(tables: StagedTable[], name: string): Promise<string[][]> {
  const table = tables.find((t) => t.table.name === name);
  if (!table) throw new Error(`no staged table ${name}`);
  const text = await readFile(table.data, 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

describe('BulkSink', () => {
  it('numbers nodes in order, stages a repeated id once, and links the right numbers', async () => {
    // The ranges the bulk import gives each node file (parallel-staging.ts): here 3 persons.
    const ids = new NodeNumbers();
    ids.startAt('Person', 0);
    ids.startAt('Account', 3);
    const sink = new BulkSink(dir, ids);
    await sink.write('persons', rows('persons', [person('P0'), person('P1'), person('P2')]));
    const missing = await sink.write(
      'accounts',
      rows('accounts', [
        account('K1', 'P0'),
        account('K2', 'P1'),
        account('K1', 'P2'), // a shared account: one node, two HOLDS
        account('K3', 'P9'), // holder unknown: refused
        account('K4', 'P2'),
      ]),
    );
    expect(missing).toEqual([{ line: 5, missing: ['holder_id'] }]);
    const tables = await sink.finish();

    expect((await staged(tables, 'person')).map((r) => r.slice(0, 2))).toEqual([
      ['0', 'P0'],
      ['1', 'P1'],
      ['2', 'P2'],
    ]);
    expect(await staged(tables, 'account')).toEqual([
      ['3', 'K1'],
      ['4', 'K2'],
      ['5', 'K4'],
    ]);
    expect(await staged(tables, 'person_holds')).toEqual([
      ['0', '3'],
      ['1', '4'],
      ['2', '3'],
      ['2', '5'],
    ]);
    const header = await readFile(tables.find((t) => t.table.name === 'person')!.header, 'utf8');
    expect(header.trim()).toBe(
      ':ID,id:string,birth_year:long,sex:string,nationality:string,region:string,municipality:string',
    );
    // The node files in the order the importer is given them hold ascending numbers.
    const nodeNumbers: number[] = [];
    for (const t of tables.filter((t) => t.table.kind === 'nodes'))
      nodeNumbers.push(...(await staged(tables, t.table.name)).map((r) => Number(r[0])));
    expect(nodeNumbers).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('folds repeated relations as MERGE does: the last row of a key wins', async () => {
    const ids = new NodeNumbers();
    ids.startAt('Person', 0);
    ids.startAt('Address', 3);
    const sink = new BulkSink(dir, ids);
    await sink.write('persons', rows('persons', [person('P0'), person('P1'), person('P2')]));
    await sink.write(
      'addresses',
      rows('addresses', [
        {
          address_id: 'A0',
          postcode: '1030',
          municipality: 'Schaerbeek',
          region: 'BE10',
          kind: 'residential',
        },
        {
          address_id: 'A1',
          postcode: '1030',
          municipality: 'Schaerbeek',
          region: 'BE10',
          kind: 'residential',
        },
      ]),
    );
    const lives = (p: string, a: string, start: string, end: string) => ({
      person_id: p,
      address_id: a,
      start_date: start,
      end_date: end,
    });
    await sink.write(
      'residences',
      rows('residences', [
        lives('P0', 'A0', '2020-01-01', ''),
        lives('P0', 'A0', '2021-01-01', ''), // another start: another relation
        lives('P1', 'A0', '2020-01-01', ''),
        lives('P0', 'A0', '2020-01-01', '2020-06-30'), // repeats the first: replaces it
      ]),
    );
    const household = (p: string, o: string, kind: string) => ({
      person_id: p,
      other_person_id: o,
      kind,
    });
    await sink.write(
      'households',
      rows('households', [
        household('P0', 'P1', 'partner'),
        household('P1', 'P2', 'child'),
        household('P1', 'P0', 'spouse'), // the same pair the other way round: replaces the first
      ]),
    );
    const tables = await sink.finish();
    expect(await staged(tables, 'lives_at')).toEqual([
      ['0', '3', '2021-01-01', '2021-01-01', ''],
      ['1', '3', '2020-01-01', '2020-01-01', ''],
      ['0', '3', '2020-01-01', '2020-01-01', '2020-06-30'],
    ]);
    expect(await staged(tables, 'household')).toEqual([
      ['1', '2', 'child'],
      ['1', '0', 'spouse'],
    ]);
    const folded = Object.fromEntries(tables.map((t) => [t.table.name, t.folded]));
    expect(folded).toMatchObject({ lives_at: 1, household: 1 });
  });
});
