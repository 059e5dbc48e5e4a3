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
});
