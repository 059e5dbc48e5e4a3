import { describe, expect, it } from 'vitest';
import { asOfFromQuery, parseKeys, queryFromSource, sourceFromQuery } from './source-query.js';

describe('the network page’s address', () => {
  it('reads nodes with depth and cap, bounded', () => {
    const q = new URLSearchParams('nodes=Employer:E1,Person:P7,junk&depth=5&cap=30');
    expect(sourceFromQuery(q)).toEqual({
      kind: 'nodes',
      keys: ['Employer:E1', 'Person:P7'],
      depth: 2,
      cap: 30,
    });
    expect(sourceFromQuery(new URLSearchParams(''))).toBeNull();
  });

  it('prefers a community, and round-trips through the query string', () => {
    const source = sourceFromQuery(new URLSearchParams('community=C12&limit=900&nodes=Person:P1'))!;
    expect(source).toEqual({ kind: 'community', id: 'C12', limit: 900 });
    const query = queryFromSource(source, '2024-05-01');
    expect(query.toString()).toBe('community=C12&limit=900&asOf=2024-05-01');
    expect(sourceFromQuery(query)).toEqual(source);
    expect(asOfFromQuery(query)).toBe('2024-05-01');
    expect(asOfFromQuery(new URLSearchParams('asOf=yesterday'))).toBeNull();
  });

  it('parses typed keys, contact ids with a colon included', () => {
    expect(parseKeys(' Employer:E1  Contact:email:ab12, Employer:E1 ;drop')).toEqual([
      'Employer:E1',
      'Contact:email:ab12',
    ]);
  });
});
