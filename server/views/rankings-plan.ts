// How a rankings page is read: a pure choice made from the precomputed band counts.
//
// - `walk`: along the index of the sort order (risk_score, id or name) from the previous page's
//   last row, filtering as it goes and stopping after the page. Cheap when matches are dense.
//   When the counts are current (written after the last load), they say how many rows are
//   left, so the last page stops at its last match instead of walking to the end of the index;
//   otherwise the walk reads one row more to tell whether another page follows.
// - `seek`: through one selective index (region, sector prefix, offence, text search, lowest
//   score),
//   reading every candidate, counting bands live and sorting the page in memory. Cheap when the
//   candidates are few, and the only way when the counts must be taken live (a text search, a
//   lowest score, a sector prefix that is no NACE level) or were never precomputed.
// - `none`: the counts say nothing (more) matches.
//
// The walk's expected cost is the number of index entries read from the cursor, limit · N / M
// for M matches among N scored entities spread evenly along the index.
// On a score sort the walk reads only the window of scores the matches lie within (each cell
// keeps its bands' lowest and highest score): a ranking of blue entities starts below the red,
// orange and green ones instead of walking past them. There the estimate goes band by band, the
// filter's matches in a band spread evenly among the type's entities of that band;
// a seek reads every entity of its region, sector or offence. The cheaper wins. (The estimate
// fails when matches bunch up at the far end of the index — a rare offence among low scores —
// which is what the offence seek is for.)
import type { BandCounts } from '../scoring/band-counts.js';
import { isSectorLevel } from '../scoring/band-counts.js';
import { bands, type Band } from '../scoring/bands.js';
import type { RankingsQuery } from './rankings-input.js';

/** A stretch of scores, both ends included. */
export interface ScoreWindow {
  low: number;
  high: number;
}

/** Per band, the window of its entities' scores (null: none in the band). */
export type BandWindows = Record<Band, ScoreWindow | null>;

export type SeekSource = 'region' | 'sector' | 'band' | 'offence' | 'search' | 'score';

export type RankingsPlan =
  | { read: 'none' }
  /**
   * `more`: whether a next page follows, known from current counts; null: read one row more.
   * `window`: the scores the matches lie within (score sorts), where the walk starts and stops.
   */
  | { read: 'walk'; limit: number; more: boolean | null; window: ScoreWindow | null }
  | { read: 'seek'; source: SeekSource }
  | { read: 'staff' };

/** What the precomputed cells say about a query (only when they are current). */
export interface CountsView {
  /** Written after the most recent load: they match the nodes exactly. */
  current: boolean;
  /** The cell of the query's filter (all filters but the band); zeros when there is none. */
  filter: BandCounts;
  /** Scored entities of the type. */
  total: number;
  /** Scored entities of the type per band (the band index's sizes). */
  byBand: BandCounts;
  /** The filter cell's score window per band. */
  filterWindows: BandWindows;
  /** The type's score window per band. */
  typeWindows: BandWindows;
  /** Scored entities in the query's region alone, or null without a region filter. */
  region: number | null;
  /** Scored entities in the query's sector alone, or null (no sector, or not a NACE level). */
  sector: number | null;
  /** Scored entities flagged for the query's offence, or null without an offence filter. */
  offence: number | null;
}

/** Whether the precomputed cells answer the query's counts exactly. */
export function countsFit(query: RankingsQuery): boolean {
  return (
    query.q === undefined &&
    query.minScore === undefined &&
    (query.sector === undefined || isSectorLevel(query.sector))
  );
}

/** Matches of the query's bands among the counts. */
export function matches(query: RankingsQuery, counts: BandCounts): number {
  if (!query.band) return counts.total;
  return query.band.reduce((sum, band) => sum + counts[band], 0);
}

export function planRankings(
  query: RankingsQuery,
  position: number,
  counts: CountsView | null,
): RankingsPlan {
  if (query.type === 'staff') return { read: 'staff' };
  const seeks: { source: SeekSource; cost: number }[] = [];
  if (query.region !== undefined) {
    seeks.push({ source: 'region', cost: counts?.region ?? Number.POSITIVE_INFINITY });
  }
  if (query.sector !== undefined) {
    // A prefix finer than a NACE level has no cell; it is narrower than its section.
    seeks.push({ source: 'sector', cost: counts?.sector ?? 0 });
  }
  if (query.offence !== undefined) {
    seeks.push({ source: 'offence', cost: counts?.offence ?? Number.POSITIVE_INFINITY });
  }
  seeks.sort((a, b) => a.cost - b.cost);
  const cheapestSeek = () => seeks[0];

  if (!counts || !countsFit(query)) {
    if (query.q !== undefined) return { read: 'seek', source: 'search' };
    return { read: 'seek', source: cheapestSeek()?.source ?? 'score' };
  }
  if (counts.current && matches(query, counts.filter) <= position) return { read: 'none' };
  // The band index serves a page, not live counts: only when the cells give the counts.
  if (query.band) {
    seeks.push({ source: 'band', cost: matches(query, counts.byBand) });
    seeks.sort((a, b) => a.cost - b.cost);
  }
  const walkCost = walkCostOf(query, position, counts);
  const seek = cheapestSeek();
  if (seek && seek.cost < walkCost) return { read: 'seek', source: seek.source };
  return walkPlan(query, position, counts);
}

const scoreSort = (query: RankingsQuery) =>
  query.sort === 'score_desc' || query.sort === 'score_asc';

/**
 * The scores the query's matches lie within: the union of its bands' windows — the filter
 * cell's when the counts are current, else the type's (a load may move an entity to another
 * region or sector, never to another score or band).
 */
export function scoreWindow(query: RankingsQuery, counts: CountsView): ScoreWindow | null {
  const windows = counts.current ? counts.filterWindows : counts.typeWindows;
  let window: ScoreWindow | null = null;
  for (const band of query.band ?? bands) {
    const w = windows[band];
    if (!w) continue;
    window = window
      ? { low: Math.min(window.low, w.low), high: Math.max(window.high, w.high) }
      : { ...w };
  }
  return window;
}

/** Scored entities of the type in a band whose score lies in the window (spread evenly). */
function entriesWithin(band: Band, window: ScoreWindow, counts: CountsView): number {
  const w = counts.typeWindows[band];
  if (!w) return 0;
  const overlap = Math.min(w.high, window.high) - Math.max(w.low, window.low);
  if (overlap < 0) return 0;
  return counts.byBand[band] * (w.high > w.low ? overlap / (w.high - w.low) : 1);
}

/**
 * Index entries read to find the first `k` matches along a score sort: band by band in score
 * order (red first when descending), each band's matches spread evenly among the type's
 * entities of that band in the window. Matches bunch up in some bands (a retail sector is mostly
 * blue), which a single density over the whole window would miss.
 */
function entriesForMatches(
  k: number,
  query: RankingsQuery,
  window: ScoreWindow,
  counts: CountsView,
): number {
  const order = query.sort === 'score_asc' ? [...bands].reverse() : bands;
  const wanted = new Set(query.band ?? bands);
  let entries = 0;
  let left = k;
  for (const band of order) {
    if (left <= 0) break;
    const within = entriesWithin(band, window, counts);
    const found = wanted.has(band) ? counts.filter[band] : 0;
    if (found >= left) return entries + (left * within) / found;
    entries += within;
    left -= found;
  }
  return entries;
}

/**
 * Index entries a walk is expected to read for the page: from the previous page's last row (the
 * keyset cursor) to the page's last match — or, when the counts may be stale, on to the end of
 * the index if the page may be the last.
 */
function walkCostOf(query: RankingsQuery, position: number, counts: CountsView): number {
  const m = matches(query, counts.filter);
  const end = Math.min(m, position + query.limit);
  const toEnd = !counts.current && end === m;
  const window = scoreSort(query) ? scoreWindow(query, counts) : null;
  if (window) {
    const from = entriesForMatches(position, query, window, counts);
    const to = toEnd
      ? entriesForMatches(Number.POSITIVE_INFINITY, query, window, counts)
      : entriesForMatches(end, query, window, counts);
    return Math.max(1, to - from);
  }
  // In id order with a region, the walk reads the region's own (region, id) index; matches are
  // taken to be spread evenly along ids and names.
  const range = query.sort === 'id' && counts.region !== null ? counts.region : counts.total;
  if (m === 0) return range;
  return ((toEnd ? m : end) - position) * (range / m);
}

/** The walk for a query whose counts fit: to the page's end, or nothing when none is left. */
export function walkPlan(
  query: RankingsQuery,
  position: number,
  counts: CountsView,
): Extract<RankingsPlan, { read: 'walk' | 'none' }> {
  const window = scoreSort(query) ? scoreWindow(query, counts) : null;
  if (!counts.current) return { read: 'walk', limit: query.limit + 1, more: null, window };
  const remaining = matches(query, counts.filter) - position;
  if (remaining <= 0) return { read: 'none' };
  const more = remaining > query.limit;
  return { read: 'walk', limit: more ? query.limit : remaining, more, window };
}
