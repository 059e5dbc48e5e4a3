// The feature write-back's parameters, checked by hand rather than zod per value: what it lets
// through and what it refuses; and the statement with the names written out, which must write
// what the file's own statement writes (real Neo4j).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runCypher } from '../../test/database.js';
import { analyticsQueries } from './analytics-queries.js';
import type { Database } from './database.js';

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

describe('the feature write with the names written out (real Neo4j)', () => {
  let db: Database;
  const p = 'aq-t-';
  const nodeProps = async () =>
    (
      await runCypher(db, 'MATCH (n:Person) WHERE n.id STARTS WITH $p RETURN n ORDER BY n.id', {
        p,
      })
    ).map((r) => {
      const props = { ...(r.get('n') as { properties: Record<string, unknown> }).properties };
      delete props.id;
      return props;
    });

  beforeAll(async () => {
    db = await openTestDatabase();
    await runCypher(db, 'UNWIND [1, 2] AS i CREATE (:Person {id: $p + i})', { p });
  });
  afterAll(async () => {
    await runCypher(db, 'MATCH (n:Person) WHERE n.id STARTS WITH $p DETACH DELETE n', { p });
    await db.close();
  });

  it('sets, with the same types, what the file sets by name from the lists', async () => {
    const given = batch([
      { id: `${p}1`, values: [0.25, 'C1'], ints: [3, null] },
      { id: `${p}2`, values: [null, 'C2'], ints: [0, 7] },
    ]);
    const name = 'analytics/write-person-features';
    const statement = analyticsQueries[name].statement!(
      db.registry.get(name).text,
      params.parse(given),
    );
    expect(statement).toContain('SET n.f_pagerank = row.values[0], n.f_community = row.values[1]');
    expect(statement).not.toContain('FOREACH');
    await runCypher(db, db.registry.get(name).text, given);
    const byFile = await nodeProps();
    await runCypher(db, 'MATCH (n:Person) WHERE n.id STARTS WITH $p SET n = {id: n.id}', { p });
    await db.write(name, params.parse(given));
    const named = await nodeProps();
    expect(named).toEqual(byFile);
    expect(named[0]).toMatchObject({ f_pagerank: 0.25, f_community: 'C1', f_run: 'r1' });
    expect(named[1]).not.toHaveProperty('f_pagerank');
  });
});
