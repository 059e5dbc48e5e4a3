// RelationKeys against a plain Map of string keys, over enough keys to grow many times.
import { describe, expect, it } from 'vitest';
import { RelationKeys } from './relation-keys.js';

describe('RelationKeys', () => {
  it('gives back the earlier row of a key, exactly as a Map of string keys does', () => {
    const keys = new RelationKeys(false, 16);
    const reference = new Map<string, number>();
    let state = 7;
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const got: (number | undefined)[] = [];
    const expected: (number | undefined)[] = [];
    for (let row = 0; row < 200_000; row++) {
      // Few distinct ends and keys, so that many rows repeat a key.
      const from = random(300);
      const to = random(300) + 0xfffff000; // numbers near the top of the 32-bit range too
      const key = random(3) === 0 ? undefined : `2020-01-${10 + random(3)}`;
      const text = `${from} ${to} ${key ?? '(none)'}`;
      got.push(keys.set(from, to, key, row));
      expected.push(reference.get(text));
      reference.set(text, row);
    }
    expect(got).toEqual(expected);
    expect(keys.size).toBe(reference.size);
  });

  it('treats the ends as an unordered pair when told to', () => {
    const unordered = new RelationKeys(true);
    expect(unordered.set(1, 2, undefined, 0)).toBeUndefined();
    expect(unordered.set(2, 1, undefined, 1)).toBe(0);
    const directed = new RelationKeys(false);
    expect(directed.set(1, 2, undefined, 0)).toBeUndefined();
    expect(directed.set(2, 1, undefined, 1)).toBeUndefined();
  });

  it('keeps a key apart from no key, and an empty key apart from both', () => {
    const keys = new RelationKeys(false);
    expect(keys.set(1, 2, undefined, 0)).toBeUndefined();
    expect(keys.set(1, 2, '', 1)).toBeUndefined();
    expect(keys.set(1, 2, 'x', 2)).toBeUndefined();
    expect(keys.set(1, 2, '', 3)).toBe(1);
  });

  it('refuses ends and rows that are not 32-bit whole numbers', () => {
    const keys = new RelationKeys(false);
    expect(() => keys.set(-1, 2, undefined, 0)).toThrow(/32-bit/);
    expect(() => keys.set(1, 2 ** 32, undefined, 0)).toThrow(/32-bit/);
    expect(() => keys.set(1.5, 2, undefined, 0)).toThrow(/32-bit/);
    // Rows are stored plus one, 0 marking an empty slot: -1 and 2^32 - 1 cannot be stored.
    expect(() => keys.set(1, 2, undefined, -1)).toThrow(/32-bit/);
    expect(() => keys.set(1, 2, undefined, 0xffffffff)).toThrow(/32-bit/);
    expect(keys.set(1, 2, undefined, 0xfffffffe)).toBeUndefined();
    expect(keys.set(1, 2, undefined, 0)).toBe(0xfffffffe);
  });
});
