// The feature write-back's parameters, checked by hand rather than zod per value: what it lets
// through and what it refuses.
import { describe, expect, it } from 'vitest';
import { analyticsQueries } from './analytics-queries.js';

const params = analyticsQueries['analytics/write-person-features'].params;
const batch = (rows: unknown[]) => ({
  rows,
  names: ['f_pagerank', 'f_community'],
  intNames: ['f_degree', 'f_component_size'],
  run: 'r1',
  at: '2026-01-05T10:00:00Z',
});

describe('feature rows of the write-back', () => {
  it('passes values through as lists in the order of names and intNames', () => {
    const parsed = params.parse(batch([{ id: 'P1', values: [0.25, null], ints: [3, null] }]));
    const [row] = parsed.rows;
    expect(row?.values).toEqual([0.25, null]);
    expect(row?.ints).toEqual([3, null]);
    expect(parsed.names).toEqual(['f_pagerank', 'f_community']);
    expect(parsed.intNames).toEqual(['f_degree', 'f_component_size']);
    expect(params.parse(batch([{ id: 'P1', values: ['C1', true], ints: [3, 4] }])).rows).toEqual([
      { id: 'P1', values: ['C1', true], ints: [3, 4] },
    ]);
  });

  it.each([
    ['a row without an id', { values: [1, 2], ints: [1, 2] }, 'rows[1]: needs a string id'],
    ['a missing list', { id: 'P2', values: [1, 2] }, 'rows[1]: needs values and ints'],
    ['NaN', { id: 'P2', values: [NaN, 1], ints: [1, 2] }, 'values[0] is not a number'],
    ['an object value', { id: 'P2', values: [1, {}], ints: [1, 2] }, 'values[1] is not'],
    [
      'a fraction as an integer',
      { id: 'P2', values: [1, 2], ints: [1, 1.5] },
      'ints[1] is not a whole number',
    ],
    [
      'a string as an integer',
      { id: 'P2', values: [1, 2], ints: ['2', 1] },
      'ints[0] is not a whole number',
    ],
    ['too few integers', { id: 'P2', values: [1, 2], ints: [1] }, 'rows[1]: 1 ints for 2 intNames'],
    [
      'too many values',
      { id: 'P2', values: [1, 2, 3], ints: [1, 2] },
      'rows[1]: 3 values for 2 names',
    ],
  ])('refuses %s, naming the row', (_what, bad, message) => {
    const good = { id: 'P1', values: [0.5, 'C1'], ints: [1, 2] };
    const result = params.safeParse(batch([good, bad]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it.each(['names', 'intNames'])('refuses a name in %s that is not a feature name', (list) => {
    const result = params.safeParse({ ...batch([]), [list]: ['f_degree', 'x} SET n.admin'] });
    expect(result.success).toBe(false);
  });
});
