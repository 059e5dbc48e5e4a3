import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from './values.js';

describe('toPlain', () => {
  it('turns driver values into plain ones, however deep', () => {
    const node = new neo4j.types.Node(neo4j.int(7), ['Person'], {
      id: 'P1',
      birth_year: neo4j.int(1980),
    });
    const row = {
      n: node,
      count: neo4j.int(42),
      big: 9007199254740991n,
      on: new neo4j.types.Date(2024, 2, 29),
      at: new neo4j.types.DateTime(2024, 2, 29, 10, 30, 0, 0, 0),
      list: [neo4j.int(1), { nested: [new neo4j.types.Date(2020, 1, 1), null, 'x'] }],
      flags: { ok: true, none: null, score: 0.5 },
    };
    expect(toPlain(row)).toEqual({
      n: { id: 'P1', birth_year: 1980 },
      count: 42,
      big: 9007199254740991,
      on: '2024-02-29',
      at: '2024-02-29T10:30:00Z',
      list: [1, { nested: ['2020-01-01', null, 'x'] }],
      flags: { ok: true, none: null, score: 0.5 },
    });
  });

  it('keeps a key called __proto__ as a property of the map', () => {
    const map = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const plain = toPlain(map) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(plain)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses integers JavaScript cannot hold', () => {
    expect(() => toPlain({ n: neo4j.int('9007199254740993') })).toThrow(/too large/);
    expect(() => toPlain([9007199254740993n])).toThrow(/too large/);
  });
});
