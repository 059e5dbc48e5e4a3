import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypherDir } from '../paths.js';
import { compactCypher } from './compact-cypher.js';
import { CypherRegistry } from './cypher-registry.js';
import type { QueryName } from './queries.js';

describe('compactCypher', () => {
  it('drops comments, indentation and blank lines, keeping one line per line', () => {
    const text = [
      '// A header comment.',
      'MATCH (n:Employer {id: $id})   // the employer',
      '',
      '    WITH n,\t\tn.name AS name /* inline */ ORDER BY name',
      '/* a block',
      '   over lines */',
      '  RETURN n  ',
    ].join('\r\n');
    expect(compactCypher(text)).toBe(
      'MATCH (n:Employer {id: $id})\nWITH n, n.name AS name ORDER BY name\nRETURN n',
    );
  });

  it('keeps string literals and backquoted names exactly, comment marks and all', () => {
    const text = [
      'RETURN \'http://x  //y\' AS a,   "/* not a comment */" AS b,',
      "  'it\\'s  // still a string' AS `odd  name // too`, `back``tick` AS c // gone",
      "  , 'line one",
      "  line two' AS d",
    ].join('\n');
    expect(compactCypher(text)).toBe(
      [
        'RETURN \'http://x  //y\' AS a, "/* not a comment */" AS b,',
        "'it\\'s  // still a string' AS `odd  name // too`, `back``tick` AS c",
        ", 'line one",
        "  line two' AS d",
      ].join('\n'),
    );
  });

  it('leaves an unclosed literal or comment to Neo4j to report', () => {
    expect(compactCypher("RETURN 'open  // x")).toBe("RETURN 'open  // x");
    expect(compactCypher('RETURN n /* open\nLIMIT 10')).toBe('RETURN n /* open\nLIMIT 10');
  });

  it('changes nothing but layout in any project query: the same words in the same order', async () => {
    const registry = await CypherRegistry.load();
    // No project query puts a comment mark inside a string, so dropping comments line by line
    // is the reference here.
    const words = (text: string) =>
      text
        .replace(/\/\/[^\n]*/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    // A file's words with those of the parts it includes (cypher-registry.ts) in their place.
    const included = (source: string) =>
      source.replace(/^[ \t]*\/\/ include: (\S+)[ \t]*$/gm, (_, part: string) =>
        readFileSync(path.join(cypherDir, `${part}.cypher-part`), 'utf8'),
      );
    for (const name of registry.names()) {
      const { file, text } = registry.get(name as QueryName);
      expect(text).not.toMatch(/^\s|\s$|\n\s|\s\n| {2}/);
      expect(words(text)).toEqual(words(included(await readFile(file, 'utf8'))));
    }
  });
});
