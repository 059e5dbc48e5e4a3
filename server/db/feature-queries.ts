// The query features' Cypher (cypher/analytics/features/): each query computes one or more
// features inside the database and SETs them on one page of nodes of its label (keyset on id,
// at most $limit nodes, one managed write transaction), stamped with the run id and time. It
// returns how many nodes the page held and the last id, from which the next page starts.
// Spread into `queries` (queries.ts); server/analytics/query-features.ts runs them.
import { z } from 'zod';
import { query } from './query-def.js';
import { integerParam } from './values.js';

/** The parameters every feature query takes; `asOf` only those measured from a date. */
const page = z.object({
  /** Only nodes whose id starts with this (empty: every node). */
  scope: z.string(),
  after: z.string(),
  limit: z.number().int().positive().pipe(integerParam),
  run: z.string(),
  at: z.iso.datetime(),
});
const datedPage = page.extend({ asOf: z.iso.date() });
const pageResult = z.object({ rows: z.number().int(), last: z.string().nullable() });

const dated = () => query(datedPage, pageResult);

export const featureQueries = {
  'analytics/features/employer-dependent-self-employed': dated(),
  'analytics/features/employer-short-jobs-then-claims': dated(),
  'analytics/features/employer-temp-unemployment-subcontracts': dated(),
  'analytics/features/employer-shell-subcontractors': dated(),
  'analytics/features/person-claim-work-overlap': dated(),
  'analytics/features/person-self-employed-dependency': dated(),
  'analytics/features/person-staff-proximity': dated(),
  'analytics/features/staff-linked-claims': dated(),
  'analytics/features/staff-approval-rate': dated(),
} as const;

export type FeatureQueryName = keyof typeof featureQueries;

/** Per label read or written in pages, the ids of its nodes in order: where pages start. */
const ids = () => query(z.object({ scope: z.string() }), z.object({ id: z.string() }));
export const pageIdQueries = {
  'analytics/ids/person': ids(),
  'analytics/ids/employer': ids(),
  'analytics/ids/staff': ids(),
  'analytics/ids/community': ids(),
  'analytics/ids/claim': ids(),
  'analytics/ids/inspection': ids(),
} as const;
export type FeatureQueryParams = z.input<typeof datedPage>;
export type PageIdQueryName = keyof typeof pageIdQueries;
