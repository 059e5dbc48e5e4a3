// The declared Cypher queries: for each file under cypher/ (name = path without .cypher), the
// zod schema of its parameters and of the rows it returns. The registry checks files against
// this list at start-up; Database.read/write validate parameters and rows with it.
import { z } from 'zod';

export interface QueryDef<P extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> {
  params: P;
  row: R;
}

function query<P extends z.ZodObject, R extends z.ZodType>(params: P, row: R): QueryDef<P, R> {
  return { params, row };
}

const none = z.object({});
const stringList = z.array(z.string());

/** A load query (cypher/load/…) takes a batch of rows made by loaders/graph-rows.ts. */
const loadBatch = z.object({ rows: z.array(z.looseObject({ line: z.number().int() })) });
/** …and returns the rows it could not write because a referenced id exists nowhere. */
const missingReference = z.object({ line: z.number().int(), missing: stringList });
const load = () => query(loadBatch, missingReference);

/** Files under cypher/schema/ are migrations: run in order by `ringwatch db migrate`. */
export const migrationPrefix = 'schema/';

export const queries = {
  'db/components': query(
    none,
    z.object({ name: z.string(), version: z.string(), edition: z.string() }),
  ),
  'db/gds-version': query(none, z.object({ version: z.string() })),
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
  'load/persons': load(),
  'load/employers': load(),
  'load/addresses': load(),
  'load/staff': load(),
  'load/accounts': load(),
  'load/employments': load(),
  'load/self-employment-clients': load(),
  'load/directorships': load(),
  'load/residences': load(),
  'load/seats': load(),
  'load/households': load(),
  'load/contacts': load(),
  'load/subcontracts': load(),
  'load/benefits': load(),
  'load/inspections': load(),
  'load/record-run': query(
    z.object({
      id: z.string(),
      dataset: z.string(),
      source: z.string(),
      extractedOn: z.string(),
      read: z.number().int(),
      loaded: z.number().int(),
      rejected: z.number().int(),
      seconds: z.number(),
      rejectsPath: z.string(),
    }),
    z.object({}),
  ),
  'load/last-run': query(
    z.object({ dataset: z.string() }),
    z.object({
      id: z.string(),
      source: z.string(),
      extractedOn: z.string(),
      finishedAt: z.string(),
      read: z.number().int(),
      loaded: z.number().int(),
      rejected: z.number().int(),
    }),
  ),
} as const;

export type QueryName = keyof typeof queries;
export type QueryParams<N extends QueryName> = z.input<(typeof queries)[N]['params']>;
export type QueryRow<N extends QueryName> = z.infer<(typeof queries)[N]['row']>;
