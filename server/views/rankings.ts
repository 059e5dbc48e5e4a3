// Rankings (MiningWatch's first screen): scored employers, persons or officials filtered by
// sector, offence, region, band, lowest score or a text search, sorted by score, id or name, one
// page at a time with a keyset cursor, and how many of them are red, orange, green and blue for
// the filter. Entities never scored are not ranked. Staff rankings are for the internal-fraud
// unit only. How a page is read is chosen by rankings-plan.ts from the precomputed band counts
// (server/scoring/band-counts.ts); counts that no cell answers are taken live.
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { RankingRow } from '../db/rankings-queries.js';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import { BadInputError, ForbiddenError } from '../errors.js';
import {
  bandCountKey,
  bandCountsSchema,
  emptyCounts,
  isSectorLevel,
  type BandCounts,
} from '../scoring/band-counts.js';
import { bands } from '../scoring/bands.js';
import { caseVariants } from './case-variants.js';
import { EntityTypeSchema, type EntityType } from './entity-types.js';
import { BandSchema } from './graph-shape.js';
import { parseInput } from './parse-input.js';
import {
  decodeCursor,
  encodeCursor,
  fingerprint,
  RankingsQuerySchema,
  type Cursor,
  type RankingsQuery,
  type RankingsQueryInput,
} from './rankings-input.js';
import { countsFit, planRankings, type CountsView, type SeekSource } from './rankings-plan.js';

export { RankingsQuerySchema } from './rankings-input.js';

export const RankingItemSchema = z.object({
  type: EntityTypeSchema,
  id: z.string(),
  /** The employer's name, else the id. */
  label: z.string(),
  score: z.number(),
  band: BandSchema,
  /** Rank within the score's scope (`scope`: everyone, or a sector/region group). */
  rank: z.number().int().nullable(),
  topReason: z.string().nullable(),
  offences: z.array(z.string()),
  /** Employers only. */
  sector: z.string().nullable(),
  /** Employer's or person's region, official's office region. */
  region: z.string().nullable(),
  /** Employers only. */
  status: z.string().nullable(),
  scope: z.string().nullable(),
  model: z.string().nullable(),
});
export type RankingItem = z.infer<typeof RankingItemSchema>;

export const RankingsSchema = z.object({
  items: z.array(RankingItemSchema),
  /** Pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Per band, for the filter without its band and cursor. */
  counts: bandCountsSchema,
  /** When and by which run the scores were written; null if nothing is scored. */
  scoredAt: z.iso.datetime().nullable(),
  run: z.string().nullable(),
});
export type Rankings = z.infer<typeof RankingsSchema>;

/** Letters of a search's beginning varied in case for the index seeks (2^n seeks). */
const ID_LETTERS = 6;
const NAME_LETTERS = 4;
/** Scores are probabilities: the walks start beyond either end. */
const ABOVE_ALL = Number.MAX_VALUE;
const BELOW_ALL = -Number.MAX_VALUE;

/** Runs a named query in the request's read transaction. */
type Read = Parameters<Parameters<Database['transaction']>[1]>[0];

interface Stamp {
  run: string | null;
  at: number | null;
}

/**
 * One page of a ranking with its band counts. `plan` chooses how the page is read (tests force
 * each way to check they agree).
 */
export async function rankings(
  db: Database,
  input: RankingsQueryInput,
  viewer: Viewer,
  plan: typeof planRankings = planRankings,
): Promise<Rankings> {
  const query = parseInput(RankingsQuerySchema, input, 'views');
  if (query.type === 'staff' && !canSeeStaff(viewer)) {
    throw new ForbiddenError('views: staff rankings are for the internal-fraud unit only');
  }
  if (query.sector !== undefined && query.type !== 'employer') {
    throw new BadInputError(
      `views: sector applies to employers only; drop it to rank ${query.type === 'person' ? 'persons' : 'officials'}`,
      [{ path: 'sector', message: 'applies to employers only' }],
    );
  }
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, query);
  const position = cursor?.p ?? 0;
  // The counts and the page in one read transaction: one session, one commit.
  const page = await db.transaction('READ', async (read) => {
    const cells = query.type === 'staff' ? null : await readCells(read, query);
    const how = plan(query, position, cells?.view ?? null);
    if ((how.read === 'none' || how.read === 'walk') && cells) {
      const rows = how.read === 'none' ? [] : await walk(read, query, cursor, how.limit);
      return {
        counts: cells.view.filter,
        stamp: cells.stamp,
        more: how.read === 'walk' && (how.more ?? rows.length > query.limit),
        rows: rows.slice(0, query.limit),
      };
    }
    const source = how.read === 'seek' ? how.source : null;
    const result = await seek(
      read,
      query,
      cursor,
      query.type === 'staff' ? null : (source ?? 'score'),
    );
    return {
      counts: result.counts,
      stamp: cells?.stamp ?? result.latest,
      more: result.items.length > query.limit,
      rows: result.items.slice(0, query.limit),
    };
  });
  const { rows, more, counts, stamp } = page;
  const last = rows.at(-1);
  return {
    items: rows.map((row) => item(query.type, row)),
    nextCursor: more && last ? encodeCursor(nextCursor(query, position + rows.length, last)) : null,
    counts,
    scoredAt: stamp?.at == null ? null : new Date(stamp.at).toISOString(),
    run: stamp?.run ?? null,
  };
}

function item(type: EntityType, { name, ...row }: RankingRow): RankingItem {
  return { type, ...row, label: name ?? row.id };
}

function nextCursor(query: RankingsQuery, position: number, last: RankingRow): Cursor {
  const cursor: Cursor = { f: fingerprint(query), p: position, id: last.id };
  if (query.sort === 'score_desc' || query.sort === 'score_asc') cursor.score = last.score;
  if (query.sort === 'name' && query.type === 'employer') cursor.name = last.name;
  return cursor;
}

/**
 * The precomputed cells of the query, when a scoring run wrote them; `current` when that was
 * after the most recent load (a load may move an employer to another sector or region).
 */
async function readCells(
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
async function walk(
  read: Read,
  query: RankingsQuery,
  cursor: Cursor | null,
  limit: number,
): Promise<RankingRow[]> {
  const filter = filterParams(query);
  const afterId = cursor?.id ?? '';
  const scoreFrom = (fallback: number) => cursor?.score ?? fallback;
  if (query.type === 'person') {
    switch (query.sort) {
      case 'score_desc':
        return read('views/rankings-person-by-score-desc', {
          ...filter,
          afterScore: scoreFrom(ABOVE_ALL),
          afterId,
          limit,
        });
      case 'score_asc':
        return read('views/rankings-person-by-score-asc', {
          ...filter,
          afterScore: scoreFrom(BELOW_ALL),
          afterId,
          limit,
        });
      default:
        return read('views/rankings-person-by-id', { ...filter, afterId, limit });
    }
  }
  const employer = { ...filter, sector: query.sector ?? null };
  switch (query.sort) {
    case 'score_desc':
      return read('views/rankings-employer-by-score-desc', {
        ...employer,
        afterScore: scoreFrom(ABOVE_ALL),
        afterId,
        limit,
      });
    case 'score_asc':
      return read('views/rankings-employer-by-score-asc', {
        ...employer,
        afterScore: scoreFrom(BELOW_ALL),
        afterId,
        limit,
      });
    case 'id':
      return read('views/rankings-employer-by-id', {
        ...employer,
        unnamed: false,
        afterId,
        limit,
      });
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
      const unnamed = await read('views/rankings-employer-by-id', {
        ...employer,
        unnamed: true,
        afterId: unnamedOnly ? afterId : '',
        limit: limit - named.length,
      });
      return [...named, ...unnamed];
    }
  }
}

interface SeekResult {
  counts: BandCounts;
  latest: Stamp | null;
  /** Up to limit + 1 rows: one more tells there is a next page. */
  items: RankingRow[];
}

/** One page read through one index, with live band counts (rankings-plan.ts, `seek`). */
async function seek(
  read: Read,
  query: RankingsQuery,
  cursor: Cursor | null,
  source: SeekSource | null,
): Promise<SeekResult> {
  const q = query.q?.toLowerCase() ?? null;
  const common = {
    minScore: query.minScore ?? null,
    offence: query.offence ?? null,
    q,
    bands: query.band ?? null,
    sort: query.sort,
    afterScore: cursor?.score ?? null,
    afterId: cursor?.id ?? null,
    limit: query.limit + 1,
  };
  const idPrefixes = query.q === undefined ? [] : caseVariants(query.q, ID_LETTERS);
  let rows;
  if (source === null) {
    rows = await read('views/rankings-staff', { ...common, region: query.region ?? null });
  } else if (query.type === 'person') {
    rows = await read('views/rankings-person-seek', {
      ...common,
      source: source === 'sector' ? 'score' : source,
      region: query.region ?? null,
      idPrefixes,
    });
  } else {
    rows = await read('views/rankings-employer-seek', {
      ...common,
      source,
      sector: query.sector ?? null,
      region: query.region ?? null,
      idPrefixes,
      nameParts: query.q === undefined ? [] : caseVariants(query.q, NAME_LETTERS),
      afterName: cursor?.name ?? null,
    });
  }
  const [row] = rows;
  const counts = emptyCounts();
  for (const { band, entities } of row?.counts ?? []) {
    if (band === null || !(bands as readonly string[]).includes(band)) continue;
    counts[band as (typeof bands)[number]] += entities;
    counts.total += entities;
  }
  const latest = row?.latest[0];
  return {
    counts,
    latest: latest ? { run: latest.run, at: latest.at } : null,
    items: row?.items ?? [],
  };
}
