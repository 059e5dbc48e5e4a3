// IdMap against a plain Map, over enough ids to grow many times, and its shared read-only copy.
import { describe, expect, it } from 'vitest';
import { IdMap } from './id-map.js';

describe('IdMap', () => {
  it('holds what a Map holds, through many grows', () => {
    const map = new IdMap(4);
    const reference = new Map<string, number>();
    const got: (number | undefined)[] = [];
    const expected: (number | undefined)[] = [];
    for (let i = 0; i < 100_000; i++) {
      const id = `P${(i * 7919) % 60_000}`; // 60 000 distinct ids, most added twice
      got.push(map.set(id, i));
      expected.push(reference.get(id));
      reference.set(id, i);
    }
    expect(got).toEqual(expected);
    expect(map.size).toBe(reference.size);
    expect([...reference.keys()].map((id) => map.get(id))).toEqual([...reference.values()]);
    expect(map.get('P60000')).toBeUndefined();
    expect(map.has('P1')).toBe(true);
  });

  it('keeps ids the arena cannot hold apart: empty, long or not ASCII', () => {
    const map = new IdMap();
    const odd = ['', 'x'.repeat(256), 'Zoë', 'P1\u00e9'];
    odd.forEach((id, i) => map.set(id, i));
    map.set('P1', 9);
    odd.forEach((id, i) => expect(map.get(id)).toBe(i));
    expect(map.get('P1')).toBe(9);
    expect(map.size).toBe(5);
  });

  it('adds only when the id is new', () => {
    const map = new IdMap();
    expect(map.add('E1', 1)).toBe(1);
    expect(map.add('E1', 2)).toBe(1);
  });

  it('shares a read-only copy that answers the same', () => {
    const map = new IdMap();
    for (let i = 0; i < 5_000; i++) map.set(`A${i}`, i * 2);
    map.set('Zoë', 1);
    const copy = IdMap.fromShared(structuredClone(map.share()));
    expect(copy.size).toBe(map.size);
    for (let i = 0; i < 5_000; i++) expect(copy.get(`A${i}`)).toBe(i * 2);
    expect(copy.get('Zoë')).toBe(1);
    expect(copy.get('A5000')).toBeUndefined();
    expect(() => copy.set('A1', 3)).toThrow(/read-only/);
  });
});
