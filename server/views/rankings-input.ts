// What a rankings request says (its query string) and the opaque cursor that continues a list:
// the last row's sort key and id, its position, and a fingerprint of the filter and sort it
// belongs to, base64url JSON, checked on the way back in.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OFFENCES } from '../../contract/enums.js';
import { BadInputError } from '../errors.js';
import { bands } from '../scoring/bands.js';
import { EntityTypeSchema } from './entity-types.js';
import { BandSchema } from './graph-shape.js';
import { decodeOpaque, encodeOpaque } from './opaque-cursor.js';

/** A query-string value: an empty one (`?sector=`) is no value. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** A list that arrives as `a,b` (query string) or as an array. */
const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : v,
    z.array(item).min(1),
  );

export const rankingSorts = ['score_desc', 'score_asc', 'id', 'name'] as const;
export const RankingSortSchema = z.enum(rankingSorts);
export type RankingSort = z.infer<typeof RankingSortSchema>;

export const RankingsQuerySchema = z.object({
  type: optional(EntityTypeSchema).transform((t) => t ?? 'employer'),
  /** NACE section letter (F) or code prefix (F41, F41.20); employers only. */
  sector: optional(
    z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(
        z
          .string()
          .regex(/^[A-Z][0-9.]{0,7}$/, 'a NACE section letter or code prefix: F, F41, F41.20'),
      ),
  ),
  offence: optional(z.enum(OFFENCES)),
  region: optional(z.string().min(1).max(500)),
  band: optional(commaList(BandSchema).transform((list) => bands.filter((b) => list.includes(b)))),
  minScore: optional(z.coerce.number().min(0).max(1)),
  /** Case-insensitive id prefix, or substring of an employer's name. */
  q: optional(z.string().trim().min(1).max(100)),
  sort: optional(RankingSortSchema).transform((s) => s ?? 'score_desc'),
  limit: optional(z.coerce.number().int().min(1).max(200)).transform((n) => n ?? 50),
  cursor: optional(z.string().min(1).max(2000)),
});
export type RankingsQuery = z.infer<typeof RankingsQuerySchema>;
export type RankingsQueryInput = z.input<typeof RankingsQuerySchema>;

const CursorSchema = z.object({
  /** Fingerprint of the filter and sort the list was asked with. */
  f: z.string(),
  /** Rows before the next page. */
  p: z.number().int().nonnegative(),
  /** The last row's id and sort key (score for score sorts, name for name — null if unnamed). */
  id: z.string(),
  score: z.number().optional(),
  name: z.string().nullable().optional(),
});
export type Cursor = z.infer<typeof CursorSchema>;

/** The filter and sort a cursor belongs to: everything but the limit and the cursor itself. */
export function fingerprint(query: RankingsQuery): string {
  const canonical = JSON.stringify(
    Object.entries(query)
      .filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'cursor')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeCursor(cursor: Cursor): string {
  return encodeOpaque(cursor);
}

const badCursor = (why: string) =>
  new BadInputError(`views: the cursor ${why}; ask again without it to start from the first page`, [
    { path: 'cursor', message: why },
  ]);

export function decodeCursor(text: string, query: RankingsQuery): Cursor {
  const cursor = decodeOpaque(text, CursorSchema);
  if (!cursor) throw badCursor('is not one this service gave out');
  if (cursor.f !== fingerprint(query)) {
    throw badCursor('belongs to another filter or sort');
  }
  const scoreSort = query.sort === 'score_desc' || query.sort === 'score_asc';
  if (scoreSort && cursor.score === undefined) throw badCursor('has no score to continue from');
  if (query.sort === 'name' && query.type === 'employer' && cursor.name === undefined) {
    throw badCursor('has no name to continue from');
  }
  return cursor;
}
