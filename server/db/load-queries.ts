// The loader's queries (cypher/load/…), declared with their zod schemas.
import { z } from 'zod';
import { query } from './query-def.js';

/** A load query takes a batch of rows made by loaders/graph-rows.ts … */
const loadBatch = z.object({ rows: z.array(z.looseObject({ line: z.number().int() })) });
/** …and returns the rows it could not write because a referenced id exists nowhere. */
const missingReference = z.object({ line: z.number().int(), missing: z.array(z.string()) });
const load = () => query(loadBatch, missingReference);

export const loadQueries = {
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
  'load/node-count': query(z.object({}), z.object({ nodes: z.number().int() })),
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
