// How rankings.ts reads: the precomputed band-count cells, a page walked along the sort order's
// index, a page read through one index, live band counts, and the staff ranking — each a named
// query run in the request's read unit (Database.transaction('READ')).
import type { Database } from '../db/database.js';
import type { RankingRow } from '../db/rankings-queries.js';
import {
  bandCountKey,
  emptyCounts,
  isSectorLevel,
  type BandCounts,
} from '../scoring/band-counts.js';
import { bands } from '../scoring/bands.js';
import { caseVariants } from './case-variants.js';
import type { Cursor, RankingsQuery } from './rankings-input.js';
import {
  countsFit,
  type BandWindows,
  type CountsView,
  type ScoreWindow,
  type SeekSource,
} from './rankings-plan.js';

/** Runs a named query in the request's read unit. */
export type Read = Parameters<Parameters<Database['transaction']>[1]>[0];

/** When and by which run the scores were written (epoch milliseconds). */
export interface Stamp {
  run: string | null;
  at: number | null;
}

/** Letters of a search's beginning varied in case for the index seeks (2^n seeks). */
const ID_LETTERS = 6;
const NAME_LETTERS = 8;
/** Scores are probabilities: the walks start beyond either end. */
const ABOVE_ALL = Number.MAX_VALUE;
const BELOW_ALL = -Number.MAX_VALUE;

/**
 * The precomputed cells of the query, when a scoring run wrote them; `current` when that was
 * after the most recent load (a load may move an employer to another sector or region).
 */
export async function readCells(
  read: Read,
  query: RankingsQuery,
): Promise<{ view: CountsView; stamp: Stamp } | null> {
  const type = query.type as 'employer' | 'person';
  const level = query.sector !== undefined && isSectorLevel(query.sector) ? query.sector : null;
  const keyOf = (sector: string | null, region: string | null, offence: string | null) =>
    bandCountKey({ type, sector, region, offence });
  const keys = {
    filter: keyOf(level, query.region ?? null, query.offence ?? null),
    total: keyOf(null, null, null),
    region: query.region === undefined ? null : keyOf(null, query.region, null),
    sector: level === null ? null : keyOf(level, null, null),
    offence: query.offence === undefined ? null : keyOf(null, null, query.offence),
  };
  const wanted = [...new Set(Object.values(keys).filter((k): k is string => k !== null))];
  const [row] = await read('views/band-counts', { keys: wanted });
  if (!row) return null;
  const byKey = new Map(row.cells.map((c) => [c.key, c]));
  const total = byKey.get(keys.total);
  // No cells: never scored since counts are kept; count live.
  if (!total) return null;
  const windowsOf = (key: string | null): BandWindows => {
    const cell = key === null ? undefined : byKey.get(key);
    const windows = {} as BandWindows;
    for (const band of bands) {
      const low = cell?.[`${band}_low`] ?? null;
      const high = cell?.[`${band}_high`] ?? null;
      windows[band] = low === null || high === null ? null : { low, high };
    }
    return windows;
  };
  const countsOf = (key: string | null): BandCounts => {
    const cell = key === null ? undefined : byKey.get(key);
    if (!cell) return emptyCounts();
    const { red, orange, green, blue, total: all } = cell;
    return { red, orange, green, blue, total: all };
  };
  return {
    view: {
      current: row.loadedAt === null || row.loadedAt <= total.writtenAt,
      filter: countsFit(query) ? countsOf(keys.filter) : emptyCounts(),
      total: total.total,
      byBand: countsOf(keys.total),
      filterWindows: countsFit(query) ? windowsOf(keys.filter) : windowsOf(null),
      typeWindows: windowsOf(keys.total),
      region: keys.region === null ? null : countsOf(keys.region).total,
      sector: keys.sector === null ? null : countsOf(keys.sector).total,
      offence: keys.offence === null ? null : countsOf(keys.offence).total,
    },
    stamp: { run: total.run, at: total.at },
  };
}

const filterParams = (query: RankingsQuery) => ({
  region: query.region ?? null,
  offence: query.offence ?? null,
  bands: query.band ?? null,
});

/** One page walked along the sort order's index (rankings-plan.ts, `walk`). */
export async function walk(
  read: Read,
  query: RankingsQuery,
  cursor: Cursor | null,
  limit: number,
  window: ScoreWindow | null,
): Promise<RankingRow[]> {
  const filter = filterParams(query);
  const afterId = cursor?.id ?? '';
  // On a score sort, start at the window's near end (unless the cursor is already past it) and
  // stop at its far end.
  const down = {
    ...(cursor?.score !== undefined && (!window || cursor.score <= window.high)
      ? { afterScore: cursor.score, afterId }
      : { afterScore: window?.high ?? ABOVE_ALL, afterId: '' }),
    floor: window?.low ?? BELOW_ALL,
  };
  const up = {
    ...(cursor?.score !== undefined && (!window || cursor.score >= window.low)
      ? { afterScore: cursor.score, afterId }
      : { afterScore: window?.low ?? BELOW_ALL, afterId: '' }),
    ceiling: window?.high ?? ABOVE_ALL,
  };
  if (query.type === 'person') {
    switch (query.sort) {
      case 'score_desc':
        return read('views/rankings-person-by-score-desc', { ...filter, ...down, limit });
      case 'score_asc':
        return read('views/rankings-person-by-score-asc', { ...filter, ...up, limit });
      default:
        return query.region === undefined
          ? read('views/rankings-person-by-id', { ...filter, afterId, limit })
          : read('views/rankings-person-in-region-by-id', {
              ...filter,
              region: query.region,
              afterId,
              limit,
            });
    }
  }
  const employer = { ...filter, sector: query.sector ?? null };
  // In id order, a region's own index (ids are often handed out by office).
  const byId = (unnamed: boolean, from: string, rows: number) =>
    query.region === undefined
      ? read('views/rankings-employer-by-id', { ...employer, unnamed, afterId: from, limit: rows })
      : read('views/rankings-employer-in-region-by-id', {
          ...employer,
          region: query.region,
          unnamed,
          afterId: from,
          limit: rows,
        });
  switch (query.sort) {
    case 'score_desc':
      return read('views/rankings-employer-by-score-desc', { ...employer, ...down, limit });
    case 'score_asc':
      return read('views/rankings-employer-by-score-asc', { ...employer, ...up, limit });
    case 'id':
      return byId(false, afterId, limit);
    case 'name': {
      // Named employers in name order, then the unnamed ones in id order.
      const unnamedOnly = cursor !== null && cursor.name === null;
      const named = unnamedOnly
        ? []
        : await read('views/rankings-employer-by-name', {
            ...employer,
            afterName: cursor?.name ?? '',
            afterId,
            limit,
          });
      if (named.length === limit) return named;
      const unnamed = await byId(true, unnamedOnly ? afterId : '', limit - named.length);
      return [...named, ...unnamed];
    }
  }
}

/** What narrows a seek, shared by its page and its live counts. */
function seekFilter(query: RankingsQuery) {
  return {
    region: query.region ?? null,
    offence: query.offence ?? null,
    idPrefixes: query.q === undefined ? [] : caseVariants(query.q, ID_LETTERS),
    minScore: query.minScore ?? null,
    q: query.q?.toLowerCase() ?? null,
  };
}

/** The employer-only part of a seek. */
function employerSeek(query: RankingsQuery) {
  return {
    sector: query.sector ?? null,
    nameParts: query.q === undefined ? [] : caseVariants(query.q, NAME_LETTERS),
  };
}

/**
 * One page read through the index `source` names, up to limit + 1 rows (one more tells there is
 * a next page), sorted in the database (rankings-plan.ts, `seek`).
 */
export async function seekPage(
  read: Read,
  query: RankingsQuery,
  cursor: Cursor | null,
  source: SeekSource,
): Promise<RankingRow[]> {
  const page = {
    bands: query.band ?? null,
    sort: query.sort,
    afterScore: cursor?.score ?? null,
    afterId: cursor?.id ?? null,
    limit: query.limit + 1,
  };
  if (query.type === 'person') {
    return read('views/rankings-person-seek', {
      source: source === 'sector' ? 'score' : source,
      ...seekFilter(query),
      ...page,
    });
  }
  return read('views/rankings-employer-seek', {
    source,
    ...seekFilter(query),
    ...employerSeek(query),
    ...page,
    afterName: cursor?.name ?? null,
  });
}

/** Band counts of the filter (all but the band) counted live through the index `source` names. */
export async function liveCounts(
  read: Read,
  query: RankingsQuery,
  source: Exclude<SeekSource, 'band'>,
): Promise<{ counts: BandCounts; stamp: Stamp | null }> {
  const rows =
    query.type === 'person'
      ? await read('views/rankings-person-seek-counts', {
          source: source === 'sector' ? 'score' : source,
          ...seekFilter(query),
        })
      : await read('views/rankings-employer-seek-counts', {
          source,
          ...seekFilter(query),
          ...employerSeek(query),
        });
  const counts = emptyCounts();
  let stamp: Stamp | null = null;
  for (const { band, run, entities, at } of rows) {
    if (band !== null && (bands as readonly string[]).includes(band)) {
      counts[band as (typeof bands)[number]] += entities;
      counts.total += entities;
    }
    if (at !== null && (stamp?.at == null || at > stamp.at)) stamp = { run, at };
  }
  return { counts, stamp };
}

/** The staff ranking: few enough to read, count and sort them all in one query. */
export async function staffPage(
  read: Read,
  query: RankingsQuery,
  cursor: Cursor | null,
): Promise<{ counts: BandCounts; stamp: Stamp | null; rows: RankingRow[] }> {
  const [row] = await read('views/rankings-staff', {
    region: query.region ?? null,
    minScore: query.minScore ?? null,
    offence: query.offence ?? null,
    q: query.q?.toLowerCase() ?? null,
    bands: query.band ?? null,
    sort: query.sort,
    afterScore: cursor?.score ?? null,
    afterId: cursor?.id ?? null,
    limit: query.limit + 1,
  });
  const counts = emptyCounts();
  for (const { band, entities } of row?.counts ?? []) {
    if (band === null || !(bands as readonly string[]).includes(band)) continue;
    counts[band as (typeof bands)[number]] += entities;
    counts.total += entities;
  }
  const latest = row?.latest[0];
  return {
    counts,
    stamp: latest ? { run: latest.run, at: latest.at } : null,
    rows: row?.items ?? [],
  };
}
