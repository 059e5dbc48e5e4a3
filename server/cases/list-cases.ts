// The queue: cases for a filter (status, assignee — `me` for oneself —, band, sector, region,
// offence, origin, subject type), newest or highest score first, keyset pages, and how many
// cases of each status the filter holds. Cases about officials only for the roles that may
// see staff. The export (export-cases.ts) reads the same filter without pages.
import { z } from 'zod';
import { OFFENCES } from '../../contract/enums.js';
import type { Viewer } from '../auth/roles.js';
import { canSeeStaff } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { BadInputError } from '../errors.js';
import { bands } from '../scoring/bands.js';
import { EntityTypeSchema } from '../views/entity-types.js';
import { decodeOpaque, encodeOpaque } from '../views/opaque-cursor.js';
import { parseInput } from '../views/parse-input.js';
import { listParam } from '../views/view-input.js';
import { toCaseSummary } from './case-rows.js';
import { CaseSummarySchema, OriginSchema } from './case-schema.js';
import { CaseStatusSchema, caseStatuses } from './case-states.js';

export const CaseFilterSchema = z.object({
  status: listParam(CaseStatusSchema, { max: 4 }).optional(),
  assignee: z.string().min(1).max(64).optional(),
  band: listParam(z.enum(bands), { max: 4 }).optional(),
  sector: z
    .string()
    .regex(/^[A-Z][0-9.]{0,6}$/, 'a NACE section letter or code prefix such as F or F41')
    .optional(),
  region: z.string().min(1).max(64).optional(),
  offence: z.enum(OFFENCES).optional(),
  origin: OriginSchema.optional(),
  type: EntityTypeSchema.optional(),
});
export type CaseFilter = z.input<typeof CaseFilterSchema>;

export const CaseListQuerySchema = CaseFilterSchema.extend({
  sort: z.enum(['newest', 'score']).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.input<typeof CaseListQuerySchema>;

export const CaseListSchema = z.object({
  items: z.array(CaseSummarySchema),
  counts: z.record(CaseStatusSchema, z.number().int()),
  nextCursor: z.string().nullable(),
});
export type CaseList = z.infer<typeof CaseListSchema>;

/** The filter as the queries take it: nulls for "no filter", `me` resolved. */
export function filterParams(filter: z.infer<typeof CaseFilterSchema>, viewer: Viewer) {
  return {
    assignee:
      filter.assignee === undefined
        ? null
        : filter.assignee === 'me'
          ? viewer.username
          : filter.assignee,
    bands: filter.band ?? null,
    sector: filter.sector ?? null,
    region: filter.region ?? null,
    offence: filter.offence ?? null,
    origin: filter.origin ?? null,
    type: filter.type ?? null,
    hideStaff: !canSeeStaff(viewer),
  };
}

export async function listCases(
  db: Database,
  raw: CaseListQuery,
  viewer: Viewer,
): Promise<CaseList> {
  const query = parseInput(CaseListQuerySchema, raw, 'cases');
  const params = filterParams(query, viewer);
  const after = decodeCursor(query.cursor);
  const [rows, counts] = await Promise.all([
    db.read('cases/list', {
      ...params,
      statuses: query.status ?? null,
      sort: query.sort,
      afterScore: after?.score ?? null,
      afterId: after?.id ?? null,
      limit: query.limit + 1,
    }),
    db.read('cases/count-by-status', params),
  ]);
  const items = rows.slice(0, query.limit).map((r) => toCaseSummary(r.c));
  const last = items[items.length - 1];
  return {
    items,
    counts: Object.fromEntries(
      caseStatuses.map((s) => [s, counts.find((c) => c.status === s)?.cases ?? 0]),
    ) as CaseList['counts'],
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ score: last.score ?? -1, id: last.id })
        : null,
  };
}

const CursorSchema = z.object({ score: z.number(), id: z.string() });

function encodeCursor(cursor: z.infer<typeof CursorSchema>): string {
  return encodeOpaque(cursor);
}

function decodeCursor(cursor: string | undefined): z.infer<typeof CursorSchema> | undefined {
  if (cursor === undefined) return undefined;
  const decoded = decodeOpaque(cursor, CursorSchema);
  if (decoded) return decoded;
  throw new BadInputError('cases: the cursor is not one this server handed out; start again', [
    { path: 'cursor', message: 'not a cursor from a previous page' },
  ]);
}
