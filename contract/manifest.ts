// manifest.json of a contract data set: which version of the contract the folder follows.
import { z } from 'zod';
import { isValidDate } from './cells.js';

/** The contract versions this code reads and writes. */
export const CONTRACT_VERSION = '1';

export const Manifest = z.object({
  contract: z.literal(CONTRACT_VERSION, {
    error: (issue) =>
      `contract version ${JSON.stringify(issue.input)} is not supported (this ringwatch reads "${CONTRACT_VERSION}")`,
  }),
  source: z.string().min(1).max(500),
  extracted_on: z.string().refine(isValidDate, 'not an ISO 8601 date (YYYY-MM-DD)'),
});
export type Manifest = z.infer<typeof Manifest>;

/** Planted ground truth, written by a generator beside (never inside) the data set. */
export const TRUTH_DIR_SUFFIX = '.truth';
