import { describe, expect, it } from 'vitest';
import { CypherRegistry } from './cypher-registry.js';
import { labelsAsked } from './network-queries.js';

describe('labelsAsked (graph-resolve-keys)', () => {
  const seeks = (text: string) => [...text.matchAll(/MATCH \(n:(\w+) /g)].map((m) => m[1]);

  it('keeps the branches of the keys’ labels, in the file’s order, and the rest of the query', async () => {
    const { text } = (await CypherRegistry.load()).get('views/graph-resolve-keys');
    expect(seeks(text)).toHaveLength(10);
    const keys = [
      { label: 'Person', id: 'P1' },
      { label: 'Employer', id: 'E1' },
      { label: 'Person', id: 'P2' },
    ] as const;
    const statement = labelsAsked(text, { keys: [...keys] });
    expect(seeks(statement)).toEqual(['Employer', 'Person']);
    expect(statement).toContain(
      "MATCH (n:Employer {id: key.id}) WHERE key.label = 'Employer' RETURN n\nUNION ALL\nMATCH (n:Person {id: key.id}) WHERE key.label = 'Person' RETURN n\n}",
    );
    const around = (t: string) => t.replace(/CALL \(key\) \{[\s\S]*\n\}/, '…');
    expect(around(statement)).toBe(around(text));
    expect(seeks(labelsAsked(text, { keys: [] }))).toEqual(['Employer']);
  });

  it('refuses a file whose branches it no longer recognises', () => {
    expect(() => labelsAsked('UNWIND $keys AS key RETURN key', { keys: [] })).toThrow(
      /one branch a label/,
    );
  });
});
