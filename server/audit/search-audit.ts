// GET /api/audit: the trail as supervisors read it, newest first, filtered, paged by sequence
// number.
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { StoredAuditRecordSchema } from './audit-record.js';

export const AuditQuerySchema = z.object({
  user: z.string().max(64).optional().meta({ description: 'only this user' }),
  from: z.iso
    .datetime()
    .optional()
    .meta({ description: 'records at or after this time (ISO, UTC)' }),
  to: z.iso.datetime().optional().meta({ description: 'records before this time (ISO, UTC)' }),
  action: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'only this route, e.g. `GET /api/rankings`' }),
  entity: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'only records naming this entity key, e.g. `Employer:E1`' }),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'cursor: records before this sequence number' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  records: z.array(StoredAuditRecordSchema),
  /** Pass as `before` for the next (older) page; null at the start of the trail. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export async function searchAudit(db: Database, query: AuditQuery): Promise<AuditPage> {
  const from = query.from === undefined ? null : trailTime(query.from);
  const to = query.to === undefined ? null : trailTime(query.to);
  const before = query.before ?? Number.MAX_SAFE_INTEGER;
  const filters = {
    ...(await timeWindow(db, from, to, before)),
    from,
    to,
    action: query.action ?? null,
    entity: query.entity ?? null,
    limit: query.limit,
  };
  // One user's records come from the index on (user, seq), the others' from the sequence
  // numbers, each read down through the window (cypher/audit/search*.cypher say what each costs).
  const rows =
    query.user === undefined
      ? await db.read('audit/search', filters)
      : await db.read('audit/search-by-user', { ...filters, user: query.user });
  const records = rows.map((r) => StoredAuditRecordSchema.parse(r.record));
  const last = records[records.length - 1];
  return {
    records,
    nextBefore: records.length === query.limit && last && last.seq > 1 ? last.seq : null,
  };
}

/**
 * The sequence numbers a time window's records lie between (`lower` up to, not with, `upper`):
 * sought by time, the window widened by the most any record of the trail was stamped before
 * one it follows (audit-record.ts, ChainHead). While that is not known (a trail begun before
 * it was kept, until `ringwatch db migrate` measures it), every record before the cursor.
 */
async function timeWindow(
  db: Database,
  from: string | null,
  to: string | null,
  before: number,
): Promise<{ lower: number; upper: number }> {
  const everything = { lower: 0, upper: before };
  if (from === null && to === null) return everything;
  const [head] = await db.read('audit/head', {});
  const disorder = head?.disorder ?? null;
  if (disorder === null) return everything;
  const widened = (time: string | null, by: number) =>
    time === null ? null : new Date(Date.parse(time) + by).toISOString();
  const [window] = await db.read('audit/window', {
    windowStart: widened(from, -disorder),
    windowEnd: widened(to, disorder),
    before,
  });
  return window ?? everything;
}

/**
 * A time as the trail writes its records' (`toISOString`: UTC, milliseconds), so that the
 * queries compare like with like: as text, `12:00:00Z` sorts after `12:00:00.500Z`. A finer
 * time is rounded up to the next millisecond, which for times of whole milliseconds means the
 * same "at or after" and "before".
 */
export function trailTime(iso: string): string {
  const finer = /\.\d{3}(\d+)Z$/.exec(iso)?.[1] ?? '';
  const ms = Date.parse(iso) + (/[1-9]/.test(finer) ? 1 : 0);
  return new Date(ms).toISOString();
}
