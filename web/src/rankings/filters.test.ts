import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  changed,
  emptyFilters,
  filtersFromQuery,
  isFiltered,
  queryFromFilters,
  toggledBand,
} from './filters.js';

const read = (text: string) => filtersFromQuery(new URLSearchParams(text));
const write = (text: string) => queryFromFilters(read(text)).toString();

describe('rankings filter ↔ query string', () => {
  it('reads an empty address as the default view and writes it back empty', () => {
    expect(read('')).toEqual(emptyFilters);
    expect(queryFromFilters(emptyFilters).toString()).toBe('');
  });

  it('reads every filter and writes it back in a canonical order, defaults left out', () => {
    const f = read('q=jacobs&band=orange,red&region=BE21&type=employer&sector=F41&offence=phoenix');
    expect(f).toMatchObject({
      type: 'employer',
      sector: 'F41',
      offence: 'phoenix',
      region: 'BE21',
      band: ['red', 'orange'],
      q: 'jacobs',
      sort: 'score_desc',
    });
    expect(queryFromFilters(f).toString()).toBe(
      'sector=F41&offence=phoenix&region=BE21&band=red%2Corange&q=jacobs',
    );
  });

  it('round-trips: writing what was read gives the same address', () => {
    for (const text of [
      'type=person&band=blue',
      'type=staff&minScore=0.5&sort=name',
      'band=red&cursor=abc_-1',
      'q=E0-868',
    ]) {
      expect(write(write(text))).toBe(write(text));
      expect(read(write(text))).toEqual(read(text));
    }
  });

  it('drops unknown bands and empty values, keeps bands in band order', () => {
    expect(read('band=purple,blue,,red').band).toEqual(['red', 'blue']);
    expect(read('band=purple').band).toEqual([]);
    expect(write('sector=&q=%20%20&region=')).toBe('');
  });

  it('keeps the cursor last and only for the same filter', () => {
    const paged = read('band=red&cursor=xyz');
    expect(queryFromFilters(paged).toString()).toBe('band=red&cursor=xyz');
    expect(changed(paged, { region: 'BE10' }).cursor).toBe('');
    expect(changed(paged, {}).cursor).toBe('');
  });

  it('drops the sector when the type is no longer employer', () => {
    const f = read('sector=F&region=BE21');
    expect(changed(f, { type: 'person' })).toMatchObject({
      type: 'person',
      sector: '',
      region: 'BE21',
    });
    expect(changed(f, { type: 'employer' }).sector).toBe('F');
  });

  it('toggles a band from the summary: only that band, then every band again', () => {
    const one = toggledBand(read('band=red,orange'), 'orange');
    expect(one.band).toEqual(['orange']);
    expect(toggledBand(one, 'orange').band).toEqual([]);
    expect(toggledBand(read('cursor=c'), 'blue')).toMatchObject({ band: ['blue'], cursor: '' });
  });

  it('asks the API with the same names, empty values left out', () => {
    expect(apiQuery(read('band=red,green&q=P1&cursor=c1'), 50)).toEqual({
      type: 'employer',
      sector: undefined,
      offence: undefined,
      region: undefined,
      band: 'red,green',
      minScore: undefined,
      q: 'P1',
      sort: 'score_desc',
      cursor: 'c1',
      limit: 50,
    });
  });

  it('knows when a filter narrows the list (the type and sort do not)', () => {
    expect(isFiltered(read('type=person&sort=id'))).toBe(false);
    expect(isFiltered(read('minScore=0.2'))).toBe(true);
    expect(isFiltered(read('band=red'))).toBe(true);
  });
});
