// The feature write-back's parameters, checked by hand rather than zod per value: what it lets
// through and what it refuses.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { analyticsQueries } from './analytics-queries.js';

const params = analyticsQueries['analytics/write-person-features'].params;
const batch = (rows: unknown[]) => ({ rows, run: 'r1', at: '2026-01-05T10:00:00Z' });

describe('feature rows of the write-back', () => {
  it('passes values through and makes integer features Neo4j integers', () => {
    const parsed = params.parse(
      batch([
        {
          id: 'P1',
          features: { f_pagerank: 0.25, f_community: 'C1', f_hub: false, f_exposure: null },
          intFeatures: { f_degree: 3, f_component_size: null },
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
    expect(neo4j.isInt(row?.intFeatures.f_degree)).toBe(true);
    expect(String(row?.intFeatures.f_degree)).toBe('3');
    expect(row?.intFeatures.f_component_size).toBeNull();
  });

  it.each([
    ['a row without an id', { features: {}, intFeatures: {} }, 'rows[1]: needs a string id'],
    ['a missing map', { id: 'P2', features: {} }, 'rows[1]: needs features, intFeatures'],
    ['NaN', { id: 'P2', features: { f_x: NaN }, intFeatures: {} }, 'f_x is not a number'],
    ['an object value', { id: 'P2', features: { f_x: {} }, intFeatures: {} }, 'f_x is not'],
    [
      'a fraction as an integer',
      { id: 'P2', features: {}, intFeatures: { f_n: 1.5 } },
      'f_n is not a whole number',
    ],
    [
      'a string as an integer',
      { id: 'P2', features: {}, intFeatures: { f_n: '2' } },
      'f_n is not a whole number',
    ],
  ])('refuses %s, naming the row', (_what, bad, message) => {
    const good = { id: 'P1', features: {}, intFeatures: {} };
    const result = params.safeParse(batch([good, bad]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
