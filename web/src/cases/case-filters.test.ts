import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  exportQuery,
  filtersFromQuery,
  listQuery,
  queryFromFilters,
  withFilter,
} from './case-filters.js';
import { queryString } from '../api.js';

describe('case queue filters and the address', () => {
  it('shows my cases, newest first, when the address says nothing', () => {
    expect(filtersFromQuery(new URLSearchParams(''))).toEqual(defaultFilters);
    expect(queryFromFilters(defaultFilters).toString()).toBe('');
  });

  it('reads every filter and writes it back the same', () => {
    const text =
      'status=assigned%2Cin_progress&assignee=any&band=red%2Corange&sector=F41&region=Antwerpen&offence=phoenix&origin=risk_model&sort=score&cursor=abc';
    const filters = filtersFromQuery(new URLSearchParams(text));
    expect(filters).toEqual({
      status: ['assigned', 'in_progress'],
      assignee: '',
      band: ['red', 'orange'],
      sector: 'F41',
      region: 'Antwerpen',
      offence: 'phoenix',
      origin: 'risk_model',
      sort: 'score',
      cursor: 'abc',
    });
    expect(queryFromFilters(filters).toString()).toBe(text);
  });

  it('drops values the server would refuse instead of sending them', () => {
    const filters = filtersFromQuery(
      new URLSearchParams('status=open,new&band=purple&offence=theft&sort=random&sector= f41 '),
    );
    expect(filters).toMatchObject({ status: ['new'], band: [], offence: '', sort: 'newest' });
    expect(filters.sector).toBe('F41');
  });

  it('keeps a named assignee and resolves nothing itself (`me` is the server’s)', () => {
    const filters = filtersFromQuery(new URLSearchParams('assignee=ann'));
    expect(filters.assignee).toBe('ann');
    expect(queryString(listQuery(defaultFilters, 25))).toBe('?assignee=me&sort=newest&limit=25');
  });

  it('starts again at the first page when a filter changes', () => {
    const paged = { ...defaultFilters, cursor: 'xyz' };
    expect(withFilter(paged, { band: ['red'] })).toMatchObject({ band: ['red'], cursor: '' });
  });

  it('exports the filter without sort or page', () => {
    const filters = {
      ...defaultFilters,
      status: ['closed' as const],
      cursor: 'xyz',
      sort: 'score' as const,
    };
    expect(queryString(exportQuery(filters))).toBe('?status=closed&assignee=me');
  });
});
