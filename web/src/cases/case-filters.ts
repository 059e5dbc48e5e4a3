// The queue's filters and the address bar, both ways: what the page shows is what the query
// string says, so a view of the queue can be bookmarked and shared. Case workers see their own
// cases unless the address says otherwise (`assignee=any` for everyone's).
import type { Query } from '../api.js';
import { bands, type Band } from '../ui/band.js';
import {
  caseStatuses,
  offences,
  origins,
  type CaseStatus,
  type Offence,
  type Origin,
} from './case-types.js';

export const sorts = ['newest', 'score'] as const;
export type Sort = (typeof sorts)[number];

export interface CaseFilters {
  status: CaseStatus[];
  /** `me`, a user name, or '' for anyone's. */
  assignee: string;
  band: Band[];
  sector: string;
  region: string;
  offence: Offence | '';
  origin: Origin | '';
  sort: Sort;
  /** The keyset cursor of the page shown ('' for the first). */
  cursor: string;
}

export const defaultFilters: CaseFilters = {
  status: [],
  assignee: 'me',
  band: [],
  sector: '',
  region: '',
  offence: '',
  origin: '',
  sort: 'newest',
  cursor: '',
};

/** In the address, "anyone's cases" (absent means the default: mine). */
export const ANYONE = 'any';

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const wanted = value.split(',');
  return allowed.filter((v) => wanted.includes(v));
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return allowed.find((v) => v === value) ?? '';
}

/** The filters an address asks for; unknown values are dropped, not sent to the server. */
export function filtersFromQuery(query: URLSearchParams): CaseFilters {
  const assignee = query.get('assignee');
  return {
    status: list(query.get('status'), caseStatuses),
    assignee: assignee === null ? 'me' : assignee === ANYONE ? '' : assignee.trim(),
    band: list(query.get('band'), bands),
    sector: (query.get('sector') ?? '').trim().toUpperCase(),
    region: (query.get('region') ?? '').trim(),
    offence: oneOf(query.get('offence'), offences),
    origin: oneOf(query.get('origin'), origins),
    sort: oneOf(query.get('sort'), sorts) || 'newest',
    cursor: query.get('cursor') ?? '',
  };
}

/** The address for filters: only what differs from the defaults, in a fixed order. */
export function queryFromFilters(filters: CaseFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status.length) query.set('status', filters.status.join(','));
  if (filters.assignee !== 'me') query.set('assignee', filters.assignee || ANYONE);
  if (filters.band.length) query.set('band', filters.band.join(','));
  if (filters.sector) query.set('sector', filters.sector);
  if (filters.region) query.set('region', filters.region);
  if (filters.offence) query.set('offence', filters.offence);
  if (filters.origin) query.set('origin', filters.origin);
  if (filters.sort !== 'newest') query.set('sort', filters.sort);
  if (filters.cursor) query.set('cursor', filters.cursor);
  return query;
}

/** The filter part the export takes (GET /api/cases/export): no sort, no pages. */
export function exportQuery(filters: CaseFilters): Query {
  return {
    status: filters.status.join(','),
    assignee: filters.assignee,
    band: filters.band.join(','),
    sector: filters.sector,
    region: filters.region,
    offence: filters.offence,
    origin: filters.origin,
  };
}

/** GET /api/cases for filters (empty values are left out by queryString). */
export function listQuery(filters: CaseFilters, limit: number): Query {
  return { ...exportQuery(filters), sort: filters.sort, cursor: filters.cursor, limit };
}

/** A change of filter starts again at the first page. */
export function withFilter(filters: CaseFilters, change: Partial<CaseFilters>): CaseFilters {
  return { ...filters, cursor: '', ...change };
}
