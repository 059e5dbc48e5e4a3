// Rankings (MiningWatch's first screen): scored employers, persons or officials filtered by
// sector, offence, region, band, lowest score or a text search, sorted by score, id or name, one
// page at a time with a keyset cursor, and how many of them are red, orange, green and blue for
// the filter. Entities never scored are not ranked. Staff rankings are for the internal-fraud
// unit only, and so is a top reason that reveals an official: others get the top reason among
// what they may see, which scoring stored beside it (server/scoring/staff-revealing.ts). How a
// page is read is chosen by rankings-plan.ts from the precomputed band counts
// (server/scoring/band-counts.ts); counts that no cell answers are taken live.
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { RankingRow } from '../db/rankings-queries.js';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import { BadInputError, ForbiddenError } from '../errors.js';
import { bandCountsSchema } from '../scoring/band-counts.js';
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
import { countsFit, planRankings } from './rankings-plan.js';
import { liveCounts, readCells, seekPage, staffPage, walk } from './rankings-read.js';

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
  // The counts and the page in one read unit: one session, retried as a whole.
  const page = await db.transaction('READ', async (read) => {
    const cells = query.type === 'staff' ? null : await readCells(read, query);
    const how = plan(query, position, cells?.view ?? null);
    if (how.read === 'staff' || query.type === 'staff') {
      const staff = await staffPage(read, query, cursor);
      return { ...staff, ...pageOf(query, staff.rows) };
    }
    if ((how.read === 'none' || how.read === 'walk') && cells) {
      const rows =
        how.read === 'none' ? [] : await walk(read, query, cursor, how.limit, how.window);
      return {
        counts: cells.view.filter,
        stamp: cells.stamp,
        more: how.read === 'walk' && (how.more ?? rows.length > query.limit),
        rows: rows.slice(0, query.limit),
      };
    }
    const source = how.read === 'seek' ? how.source : 'score';
    const rows = await seekPage(read, query, cursor, source);
    const live =
      cells && countsFit(query)
        ? { counts: cells.view.filter, stamp: cells.stamp }
        : await liveCounts(read, query, source === 'band' ? 'score' : source);
    return { counts: live.counts, stamp: cells?.stamp ?? live.stamp, ...pageOf(query, rows) };
  });
  const { rows, more, counts, stamp } = page;
  const last = rows.at(-1);
  return {
    items: rows.map((row) => item(query.type, row, canSeeStaff(viewer))),
    nextCursor: more && last ? encodeCursor(nextCursor(query, position + rows.length, last)) : null,
    counts,
    scoredAt: stamp?.at == null ? null : new Date(stamp.at).toISOString(),
    run: stamp?.run ?? null,
  };
}

/** A page of up to limit + 1 rows: the page, and whether another follows. */
function pageOf(query: RankingsQuery, rows: RankingRow[]) {
  return { more: rows.length > query.limit, rows: rows.slice(0, query.limit) };
}

function item(
  type: EntityType,
  { name, topReason, maskedTopReason, ...row }: RankingRow,
  staffVisible: boolean,
): RankingItem {
  return {
    type,
    ...row,
    label: name ?? row.id,
    topReason: staffVisible ? topReason : maskedTopReason,
  };
}

function nextCursor(query: RankingsQuery, position: number, last: RankingRow): Cursor {
  const cursor: Cursor = { f: fingerprint(query), p: position, id: last.id };
  if (query.sort === 'score_desc' || query.sort === 'score_asc') cursor.score = last.score;
  if (query.sort === 'name' && query.type === 'employer') cursor.name = last.name;
  return cursor;
}
