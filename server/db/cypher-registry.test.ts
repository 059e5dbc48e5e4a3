import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cypherDir } from '../paths.js';
import { CypherRegistry, parseCypherFile } from './cypher-registry.js';
import { queries } from './queries.js';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copyOfCypherDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-cypher-'));
  temps.push(dir);
  await cp(cypherDir, dir, { recursive: true });
  return dir;
}

describe('CypherRegistry', () => {
  it('loads every .cypher file of the project', async () => {
    const registry = await CypherRegistry.load();
    const onDisk = (await readdir(cypherDir, { recursive: true }))
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
    expect(registry.names()).toEqual(onDisk);
    for (const name of Object.keys(queries)) expect(onDisk).toContain(name);
    expect(registry.migrations().length).toBeGreaterThanOrEqual(10);
  });

  it('fails fast when a declared file is missing', async () => {
    const dir = await copyOfCypherDir();
    await rm(path.join(dir, 'db', 'components.cypher'));
    await expect(CypherRegistry.load(dir)).rejects.toThrow(
      'db/components.cypher is declared but missing',
    );
  });

  it('fails fast on a file nobody declared', async () => {
    const dir = await copyOfCypherDir();
    await writeFile(path.join(dir, 'db', 'stray.cypher'), '// params: none\nRETURN 1');
    await expect(CypherRegistry.load(dir)).rejects.toThrow(/stray.cypher is not declared/);
  });

  it('fails fast when a query sends JSON rows undeclared, or is declared so and does not', async () => {
    const dir = await copyOfCypherDir();
    await writeFile(
      path.join(dir, 'db', 'components.cypher'),
      "// params: none\nRETURN apoc.convert.toJson({name: 'x'}) AS json",
    );
    await writeFile(
      path.join(dir, 'views', 'graph-node-details.cypher'),
      '// params: $elements, $degreesAbove, $types\nUNWIND $elements AS element\nRETURN element, $degreesAbove, $types',
    );
    const error = await CypherRegistry.load(dir).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /components\.cypher ends with `AS json` but is not declared with jsonRows/,
    );
    expect(String(error)).toMatch(
      /graph-node-details\.cypher is declared with JSON rows but does not end with `AS json`/,
    );
  });

  it('fails fast when a file uses parameters its schema does not have', async () => {
    const dir = await copyOfCypherDir();
    await writeFile(
      path.join(dir, 'db', 'components.cypher'),
      '// params: $extra\nRETURN $extra AS name',
    );
    await expect(CypherRegistry.load(dir)).rejects.toThrow(
      /takes \[extra\] but its schema has \[\]/,
    );
  });
});

describe('parseCypherFile', () => {
  it('reads the header parameters, ignoring $ in strings and comments', () => {
    const file = parseCypherFile(
      'x',
      'x.cypher',
      "// Something.\n// params: $a, $b\nMATCH (n {id: $a}) // not $c\nRETURN n, '$d' AS s LIMIT $b",
    );
    expect(file.params).toEqual(['a', 'b']);
    expect(file.text.startsWith('MATCH')).toBe(true);
  });

  it('rejects a header that does not match the body', () => {
    expect(() => parseCypherFile('x', 'x.cypher', '// params: $a\nRETURN $a, $b')).toThrow(
      /header params \[a\] do not match the query's \[a, b\]/,
    );
    expect(() => parseCypherFile('x', 'x.cypher', 'RETURN 1')).toThrow(/no "\/\/ params:" line/);
  });

  it('puts the text of an included part in place of its line; its parameters are the file’s', () => {
    const parts = new Map([['views/parts/p', '// A part.\nWITH n, n.x + $k AS y\n']]);
    const file = parseCypherFile(
      'x',
      'x.cypher',
      '// params: $id, $k\nMATCH (n {id: $id})\n  // include: views/parts/p\nRETURN y',
      parts,
    );
    expect(file.text).toBe('MATCH (n {id: $id})\nWITH n, n.x + $k AS y\nRETURN y');
    expect(() =>
      parseCypherFile(
        'x',
        'x.cypher',
        '// params: $id\nMATCH (n {id: $id})\n// include: views/parts/p\nRETURN y',
        parts,
      ),
    ).toThrow(/header params \[id\] do not match the query's \[id, k\]/);
    expect(() =>
      parseCypherFile(
        'x',
        'x.cypher',
        '// params: none\n// include: views/parts/q\nRETURN 1',
        parts,
      ),
    ).toThrow('x.cypher includes views/parts/q.cypher-part, which is missing');
    // An include written otherwise, or inside a part, is refused rather than left as a comment.
    for (const [text, inParts] of [
      ['//include: views/parts/p', parts],
      ['// include:  views/parts/p', parts],
      ['// include: views/parts/n', new Map([['views/parts/n', '// include: views/parts/p']])],
    ] as const) {
      expect(() =>
        parseCypherFile('x', 'x.cypher', `// params: none\n${text}\nRETURN 1`, inParts),
      ).toThrow(/is not an include this registry reads/);
    }
  });

  it('includes the node-details part in both queries that show nodes', async () => {
    const registry = await CypherRegistry.load();
    for (const name of ['views/graph-node-details', 'views/graph-expand'] as const) {
      expect(registry.get(name).text).toContain('hub: coalesce(n.f_hub, false)');
      expect(registry.get(name).params).toEqual(expect.arrayContaining(['degreesAbove', 'types']));
    }
  });
});
