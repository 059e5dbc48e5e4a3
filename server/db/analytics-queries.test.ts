// The feature write-back's parameters, checked by hand rather than zod per value: what it lets
// through and what it refuses.
import { describe, expect, it } from 'vitest';
import { analyticsQueries } from './analytics-queries.js';

const params = analyticsQueries['analytics/write-person-features'].params;
const batch = (rows: unknown[]) => ({
  rows,
  intNames: ['f_degree', 'f_component_size'],
  run: 'r1',
  at: '2026-01-05T10:00:00Z',
});

describe('feature rows of the write-back', () => {
  it('passes values through, integers as a list in the order of intNames', () => {
    const parsed = params.parse(
      batch([
        {
          id: 'P1',
          features: { f_pagerank: 0.25, f_community: 'C1', f_hub: false, f_exposure: null },
          ints: [3, null],
        },
      ]),
    );
    const [row] = parsed.rows;
    expect(row?.features).toEqual({
      f_pagerank: 0.25,
      f_community: 'C1',
      f_hub: false,
      f_exposure: null,
    });
    expect(row?.ints).toEqual([3, null]);
    expect(parsed.intNames).toEqual(['f_degree', 'f_component_size']);
  });

  it.each([
    ['a row without an id', { features: {}, ints: [1, 2] }, 'rows[1]: needs a string id'],
    ['a missing list', { id: 'P2', features: {} }, 'rows[1]: needs features and ints'],
    ['NaN', { id: 'P2', features: { f_x: NaN }, ints: [1, 2] }, 'f_x is not a number'],
    ['an object value', { id: 'P2', features: { f_x: {} }, ints: [1, 2] }, 'f_x is not'],
    [
      'a fraction as an integer',
      { id: 'P2', features: {}, ints: [1, 1.5] },
      'ints[1] is not a whole number',
    ],
    [
      'a string as an integer',
      { id: 'P2', features: {}, ints: ['2', 1] },
      'ints[0] is not a whole number',
    ],
    ['too few integers', { id: 'P2', features: {}, ints: [1] }, 'rows[1]: 1 ints for 2 intNames'],
  ])('refuses %s, naming the row', (_what, bad, message) => {
    const good = { id: 'P1', features: {}, ints: [1, 2] };
    const result = params.safeParse(batch([good, bad]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it('refuses an integer feature name that is not one', () => {
    const result = params.safeParse({ ...batch([]), intNames: ['f_degree', 'x} SET n.admin'] });
    expect(result.success).toBe(false);
  });
});
