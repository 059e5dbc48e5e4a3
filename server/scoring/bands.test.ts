import { describe, expect, it } from 'vitest';
import { apportion, assignBands, capacityCount } from './bands.js';

describe('bands from capacity', () => {
  it('gives red to exactly the top N, then orange and green, the rest blue', () => {
    const scores = Float64Array.from([0.9, 0.1, 0.5, 0.7, 0.3, 0.8, 0.2]);
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const result = assignBands(scores, ids, { red: 2, orange: 1, green: 2 });
    expect(result.band).toEqual(['red', 'blue', 'green', 'orange', 'green', 'red', 'blue']);
    expect(Array.from(result.rank)).toEqual([1, 7, 4, 3, 5, 2, 6]);
    expect(result.scopes.get('all')!.cutoffs.red).toBe(0.8);
  });

  it('breaks ties by id so the capacity is met exactly', () => {
    const scores = Float64Array.from([0.5, 0.5, 0.5]);
    const result = assignBands(scores, ['c', 'a', 'b'], { red: 1, orange: 1, green: 0 });
    expect(result.band).toEqual(['blue', 'red', 'orange']);
  });

  it('reads shares of the population', () => {
    expect(capacityCount('2%', 1000)).toBe(20);
    expect(capacityCount('0.5%', 1000)).toBe(5);
    expect(capacityCount(50, 10)).toBe(10);
  });

  it('shares a count over groups in proportion to their size', () => {
    expect(apportion(10, [50, 30, 20])).toEqual([5, 3, 2]);
    expect(apportion(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]);
    const scores = Float64Array.from([0.9, 0.8, 0.7, 0.6]);
    const result = assignBands(scores, ['a', 'b', 'c', 'd'], { red: 2, orange: 0, green: 0 }, [
      'F',
      'F',
      'N',
      'N',
    ]);
    expect(result.band).toEqual(['red', 'blue', 'red', 'blue']);
    expect(result.scope).toEqual(['F', 'F', 'N', 'N']);
  });
});
