// The rankings queries (cypher/views/rankings-*.cypher, band-counts): pages of scored entities
// walked along an index in sort order, or read through one selective index with their band
// counts, and the precomputed band counts. Spread into `queries` (queries.ts).
import { z } from 'zod';
import { bands as bandNames } from '../scoring/bands.js';
import { query } from './query-def.js';
import { bandBounds } from './scoring-queries.js';
import { integerParam } from './values.js';

const limit = z.number().int().positive().pipe(integerParam);
const text = z.string().nullable();
const bands = z.array(z.string()).nullable();

export const rankingRowSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  score: z.number(),
  band: z.enum(bandNames),
  rank: z.number().nullable(),
  topReason: z.string().nullable(),
  /** The top reason for viewers who may not see officials (server/scoring/staff-revealing.ts). */
  maskedTopReason: z.string().nullable(),
  offences: z.array(z.string()),
  sector: z.string().nullable(),
  region: z.string().nullable(),
  status: z.string().nullable(),
  scope: z.string().nullable(),
  model: z.string().nullable(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

/** The staff ranking's one row: its live band counts and the page. */
const staffRow = z.object({
  counts: z.array(z.object({ band: z.string().nullable(), entities: z.number() })),
  latest: z.array(z.object({ run: z.string().nullable(), at: z.number().nullable() })),
  items: z.array(rankingRowSchema),
});

/** Live band counts, per band and scoring run. */
export const liveCountRowSchema = z.object({
  band: z.string().nullable(),
  run: z.string().nullable(),
  entities: z.number(),
  at: z.number().nullable(),
});

const employerFilter = { sector: text, region: text, offence: text, bands };
const personFilter = { region: text, offence: text, bands };
const byScore = { afterScore: z.number(), afterId: z.string(), limit };
const byScoreDown = { ...byScore, floor: z.number() };
const byScoreUp = { ...byScore, ceiling: z.number() };
const sorts = z.enum(['score_desc', 'score_asc', 'id', 'name']);
const seekFilter = {
  region: text,
  offence: text,
  idPrefixes: z.array(z.string()),
  minScore: z.number().nullable(),
  q: text,
};
const seekPage = {
  bands,
  sort: sorts,
  afterScore: z.number().nullable(),
  afterId: text,
  limit,
};
const employerSource = z.enum(['region', 'sector', 'band', 'offence', 'search', 'score']);
const personSource = z.enum(['region', 'band', 'offence', 'search', 'score']);
const employerSeek = {
  ...seekFilter,
  sector: text,
  nameParts: z.array(z.string()),
};

export const rankingsQueries = {
  'views/rankings-employer-by-score-desc': query(
    z.object({ ...employerFilter, ...byScoreDown }),
    rankingRowSchema,
  ),
  'views/rankings-employer-by-score-asc': query(
    z.object({ ...employerFilter, ...byScoreUp }),
    rankingRowSchema,
  ),
  'views/rankings-employer-by-id': query(
    z.object({ ...employerFilter, unnamed: z.boolean(), afterId: z.string(), limit }),
    rankingRowSchema,
  ),
  'views/rankings-employer-in-region-by-id': query(
    z.object({
      ...employerFilter,
      region: z.string(),
      unnamed: z.boolean(),
      afterId: z.string(),
      limit,
    }),
    rankingRowSchema,
  ),
  'views/rankings-person-in-region-by-id': query(
    z.object({ ...personFilter, region: z.string(), afterId: z.string(), limit }),
    rankingRowSchema,
  ),
  'views/rankings-employer-by-name': query(
    z.object({ ...employerFilter, afterName: z.string(), afterId: z.string(), limit }),
    rankingRowSchema,
  ),
  'views/rankings-person-by-score-desc': query(
    z.object({ ...personFilter, ...byScoreDown }),
    rankingRowSchema,
  ),
  'views/rankings-person-by-score-asc': query(
    z.object({ ...personFilter, ...byScoreUp }),
    rankingRowSchema,
  ),
  'views/rankings-person-by-id': query(
    z.object({ ...personFilter, afterId: z.string(), limit }),
    rankingRowSchema,
  ),
  'views/rankings-employer-seek': query(
    z.object({ source: employerSource, ...employerSeek, ...seekPage, afterName: text }),
    rankingRowSchema,
  ),
  'views/rankings-employer-seek-counts': query(
    z.object({ source: employerSource, ...employerSeek }),
    liveCountRowSchema,
  ),
  'views/rankings-person-seek': query(
    z.object({ source: personSource, ...seekFilter, ...seekPage }),
    rankingRowSchema,
  ),
  'views/rankings-person-seek-counts': query(
    z.object({ source: personSource, ...seekFilter }),
    liveCountRowSchema,
  ),
  'views/rankings-staff': query(
    z.object({
      region: text,
      minScore: z.number().nullable(),
      offence: text,
      q: text,
      ...seekPage,
    }),
    staffRow,
  ),
  'views/band-counts': query(
    z.object({ keys: z.array(z.string()) }),
    z.object({
      cells: z.array(
        z.object({
          key: z.string(),
          red: z.number(),
          orange: z.number(),
          green: z.number(),
          blue: z.number(),
          total: z.number(),
          run: z.string(),
          at: z.number(),
          writtenAt: z.number(),
          ...bandBounds,
        }),
      ),
      loadedAt: z.number().nullable(),
    }),
  ),
  'views/rankings-version': query(
    z.object({ keys: z.array(z.string()) }),
    z.object({ tokens: z.array(z.string()), loadedAt: z.number().nullable() }),
  ),
} as const;
