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
  const filters = {
    before: query.before ?? Number.MAX_SAFE_INTEGER,
    from: query.from ?? null,
    to: query.to ?? null,
    action: query.action ?? null,
    entity: query.entity ?? null,
    limit: query.limit,
  };
  // One user's records come from the index on (user, seq); without a user, the sequence
  // numbers are read down from the cursor (cypher/audit/search*.cypher say what each costs).
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
