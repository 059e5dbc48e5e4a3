// The declared Cypher queries: for each file under cypher/ (name = path without .cypher), the
// zod schema of its parameters and of the rows it returns. The registry checks files against
// this list at start-up; Database.read/write validate parameters and rows with it.
import { z } from 'zod';
import { analyticsQueries } from './analytics-queries.js';
import { auditQueries } from './audit-queries.js';
import { authQueries } from './auth-queries.js';
import { caseQueries } from './case-queries.js';
import { entityQueries } from './entity-queries.js';
import { featureQueries, pageIdQueries } from './feature-queries.js';
import { gdsQueries } from './gds-queries.js';
import { internalFraudQueries } from './internal-fraud-queries.js';
import { loadQueries } from './load-queries.js';
import { networkQueries } from './network-queries.js';
import { outboxQueries } from './outbox-queries.js';
import { jsonRows, query } from './query-def.js';
import { rankingsQueries } from './rankings-queries.js';
import { scoringQueries } from './scoring-queries.js';

export type { QueryDef } from './query-def.js';

const none = z.object({});
const stringList = z.array(z.string());

/** Files under cypher/schema/ are migrations: run in order by `ringwatch db migrate`. */
export const migrationPrefix = 'schema/';

export const queries = {
  'db/components': query(
    none,
    z.object({ name: z.string(), version: z.string(), edition: z.string() }),
  ),
  'db/gds-version': query(none, z.object({ version: z.string() })),
  'db/json-rows': jsonRows(query(none, z.object({ ok: z.literal(true) }))),
  'db/await-indexes': query(
    z.object({ timeoutSeconds: z.number().int().positive() }),
    z.object({}),
  ),
  'db/constraints': query(
    none,
    z.object({
      name: z.string(),
      type: z.string(),
      labels: stringList,
      properties: stringList,
    }),
  ),
  'db/indexes': query(
    none,
    z.object({
      name: z.string(),
      type: z.string(),
      labels: stringList.nullable(),
      properties: stringList.nullable(),
      state: z.string(),
      owningConstraint: z.string().nullable(),
    }),
  ),
  'db/schema-applied': query(z.object({ names: z.array(z.string()) }), z.object({})),
  'db/schema-state': query(none, z.object({ applied: z.array(z.string()) })),
  ...analyticsQueries,
  ...auditQueries,
  ...authQueries,
  ...caseQueries,
  ...featureQueries,
  ...pageIdQueries,
  ...gdsQueries,
  ...internalFraudQueries,
  ...loadQueries,
  ...networkQueries,
  ...outboxQueries,
  ...scoringQueries,
  ...rankingsQueries,
  ...entityQueries,
} as const;

export type QueryName = keyof typeof queries;
export type QueryParams<N extends QueryName> = z.input<(typeof queries)[N]['params']>;
export type QueryRow<N extends QueryName> = z.infer<(typeof queries)[N]['row']>;
