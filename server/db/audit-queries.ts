// The audit trail's queries (cypher/audit/). Records are stored as they were hashed; their
// schema is the audit module's (server/audit/audit-record.ts). Spread into `queries` (queries.ts).
import { z } from 'zod';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const seq = z.number().int().nonnegative();
const stored = z.object({ record: z.record(z.string(), z.unknown()) });
/** How the trail's times run (server/audit/audit-record.ts, ChainHead). */
const times = { at: z.string().nullable(), disorder: z.number().int().nonnegative().nullable() };
const disorderValue = times.disorder.unwrap().pipe(integerParam);
const disorderParam = disorderValue.nullable();
/** The search's range of sequence numbers, limit and the filters both search queries take. */
const searchFilters = {
  lower: seq.pipe(integerParam),
  upper: seq.pipe(integerParam),
  from: z.string().nullable(),
  to: z.string().nullable(),
  action: z.string().nullable(),
  entity: z.string().nullable(),
  limit: z.number().int().positive().pipe(integerParam),
};

export const auditQueries = {
  'audit/lock-head': query(
    z.object({
      genesis: z.string(),
      batch: z.string(),
      triedSeq: z.number().int().pipe(integerParam),
    }),
    z.object({ seq, hash: z.string(), ...times, present: z.boolean() }),
  ),
  'audit/append-after': query(
    z.object({
      records: z.array(z.record(z.string(), z.unknown())),
      afterSeq: seq.pipe(integerParam),
      afterHash: z.string(),
      afterAt: z.string().nullable(),
      afterDisorder: disorderParam,
      seq: seq.pipe(integerParam),
      hash: z.string(),
      at: z.string().nullable(),
      disorder: disorderParam,
      batch: z.string(),
      genesis: z.string(),
    }),
    z.object({ appended: z.number(), seq, hash: z.string(), ...times, present: z.boolean() }),
  ),
  'audit/head': query(z.object({}), z.object({ seq, hash: z.string().nullable(), ...times })),
  'audit/set-order': query(
    z.object({
      seq: seq.pipe(integerParam),
      at: z.string().nullable(),
      disorder: disorderValue,
    }),
    z.object({ set: z.boolean() }),
  ),
  'audit/page': query(
    z.object({
      after: seq.pipe(integerParam),
      limit: z.number().int().positive().pipe(integerParam),
    }),
    stored,
  ),
  'audit/window': query(
    z.object({
      windowStart: z.string().nullable(),
      windowEnd: z.string().nullable(),
      before: seq.pipe(integerParam),
    }),
    z.object({ lower: seq, upper: seq }),
  ),
  'audit/search': query(z.object(searchFilters), stored),
  'audit/search-by-user': query(z.object({ ...searchFilters, user: z.string() }), stored),
} as const;
