// The rankings filter as it lives in the address bar: the same names the API takes
// (GET /api/rankings), defaults left out so a plain view has a plain address. Reading is
// forgiving (unknown bands and empty values are dropped, the server checks the rest and says
// what is wrong in words); writing is canonical, so the same filter always gives the same URL.
import type { Query } from '../api.js';
import { bands, type Band } from '../ui/band.js';

export interface RankingFilters {
  /** employer, person or staff (the API's entity types). */
  type: string;
  /** NACE section letter or code prefix; employers only. */
  sector: string;
  offence: string;
  region: string;
  /** In band order (red first); empty is every band. */
  band: Band[];
  /** 0–1 as typed; empty for none. */
  minScore: string;
  /** Id prefix or name. */
  q: string;
  sort: string;
  /** The page after the first: the API's opaque cursor. */
  cursor: string;
}

export const DEFAULT_TYPE = 'employer';
export const DEFAULT_SORT = 'score_desc';

export const emptyFilters: RankingFilters = {
  type: DEFAULT_TYPE,
  sector: '',
  offence: '',
  region: '',
  band: [],
  minScore: '',
  q: '',
  sort: DEFAULT_SORT,
  cursor: '',
};

/** The filter's fields written to the URL, in this order. */
const order = ['type', 'sector', 'offence', 'region', 'band', 'minScore', 'q', 'sort'] as const;

function bandList(text: string | null): Band[] {
  const asked = new Set((text ?? '').split(',').map((b) => b.trim()));
  return bands.filter((b) => asked.has(b));
}

export function filtersFromQuery(query: URLSearchParams): RankingFilters {
  const text = (name: string) => query.get(name)?.trim() ?? '';
  return {
    type: text('type') || DEFAULT_TYPE,
    sector: text('sector'),
    offence: text('offence'),
    region: text('region'),
    band: bandList(query.get('band')),
    minScore: text('minScore'),
    q: text('q'),
    sort: text('sort') || DEFAULT_SORT,
    cursor: text('cursor'),
  };
}

/** The filter as the page's query string: defaults and empty values left out, cursor last. */
export function queryFromFilters(filters: RankingFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of order) {
    const value = name === 'band' ? bandList(filters.band.join(',')).join(',') : filters[name];
    if (value === '') continue;
    if (name === 'type' && value === DEFAULT_TYPE) continue;
    if (name === 'sort' && value === DEFAULT_SORT) continue;
    query.set(name, value.trim());
  }
  if (filters.cursor) query.set('cursor', filters.cursor);
  return query;
}

/**
 * A filter changed: the cursor belongs to the old filter, so the list starts again at its first
 * page; a sector applies to employers only, so it goes when the type is no longer employer.
 */
export function changed(filters: RankingFilters, change: Partial<RankingFilters>): RankingFilters {
  const next = { ...filters, cursor: '', ...change };
  if (next.type !== 'employer') next.sector = '';
  return next;
}

/** The band summary's click: only this band, or every band again when it was the only one. */
export function toggledBand(filters: RankingFilters, band: Band): RankingFilters {
  const only = filters.band.length === 1 && filters.band[0] === band;
  return changed(filters, { band: only ? [] : [band] });
}

/** The API's query for a filter (GET /api/rankings): same names, empty values left out. */
export function apiQuery(filters: RankingFilters, limit: number): Query {
  return {
    type: filters.type,
    sector: filters.sector || undefined,
    offence: filters.offence || undefined,
    region: filters.region || undefined,
    band: filters.band.length > 0 ? filters.band.join(',') : undefined,
    minScore: filters.minScore || undefined,
    q: filters.q || undefined,
    sort: filters.sort,
    cursor: filters.cursor || undefined,
    limit,
  };
}

/** True when anything narrows the list (the empty state then says to loosen the filter). */
export function isFiltered(filters: RankingFilters): boolean {
  return (
    filters.sector !== '' ||
    filters.offence !== '' ||
    filters.region !== '' ||
    filters.band.length > 0 ||
    filters.minScore !== '' ||
    filters.q !== ''
  );
}
