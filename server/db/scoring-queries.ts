// The scoring queries (cypher/scoring/): entity pages with their inputs, inspection labels and the
// outcomes of closed cases, the score write-back and the model store. Spread into `queries`
// (queries.ts).
import { z } from 'zod';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const limit = z.number().int().positive().pipe(integerParam);
const isoDate = z.iso.date();
const page = z.object({ after: z.string(), limit, asOf: isoDate, prefix: z.string() });

const entityRow = <C extends z.ZodRawShape>(counts: C) =>
  z.object({
    id: z.string(),
    /** Every property of the node; non-scalar values (dates, lists) are read as they come. */
    props: z.record(z.string(), z.unknown()),
    /** Audit columns: fairness tables only, never inputs. */
    audit: z.record(z.string(), z.string().nullable()),
    counts: z.object(counts),
  });

const count = z.number();

const scoreRows = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      score: z.number(),
      band: z.enum(['red', 'orange', 'green', 'blue']),
      rank: integerParam,
      scope: z.string(),
      model: z.string(),
      reasons: z.string(),
      topReason: z.string().nullable(),
      maskedTopReason: z.string().nullable(),
      offences: z.array(z.string()),
    }),
  ),
  run: z.string(),
  at: z.iso.datetime(),
});

const modelRow = z.object({
  version: z.string(),
  area: z.string(),
  offence: z.string(),
  createdAt: z.string(),
  active: z.boolean(),
  body: z.string(),
});

const evidenceIds = z.object({ ids: z.array(z.string()) });
const evidenceRow = z.object({
  id: z.string(),
  evidence: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

const exportPage = z.object({ after: z.string(), limit });
const exportRow = z.object({
  id: z.string(),
  score: z.number(),
  band: z.string(),
  rank: z.number(),
  scope: z.string(),
  model: z.string(),
  topReason: z.string().nullable(),
  reasons: z.string(),
  offences: z.array(z.string()),
  run: z.string(),
});

const bandCountGroup = z.object({
  sector: z.string().nullable(),
  region: z.string().nullable(),
  offences: z.array(z.string()),
  band: z.string(),
  entities: z.number(),
  low: z.number(),
  high: z.number(),
});

const bound = z.number().nullable();
/** Per band, the lowest and highest score of a band-count cell (null: none in the band). */
export const bandBounds = {
  red_low: bound,
  red_high: bound,
  orange_low: bound,
  orange_high: bound,
  green_low: bound,
  green_high: bound,
  blue_low: bound,
  blue_high: bound,
};

/** Cells as the scoring run writes them; band-counts.ts builds them. */
const bandCountCell = z.object({
  key: z.string(),
  type: z.string(),
  sector: z.string().nullable(),
  region: z.string().nullable(),
  offence: z.string().nullable(),
  red: integerParam,
  orange: integerParam,
  green: integerParam,
  blue: integerParam,
  total: integerParam,
  ...bandBounds,
});

export const scoringQueries = {
  'scoring/employer-page': query(
    page,
    entityRow({
      jobs: count,
      activeJobs: count,
      shortJobs: count,
      partTimeJobs: count,
      meanWage: z.number().nullable(),
      claims: count,
    }),
  ),
  'scoring/person-page': query(
    page,
    entityRow({
      jobs: count,
      recentEmployers: count,
      shortJobs: count,
      claims: count,
      onlineClaims: count,
      grantedClaims: count,
      claimDays: count,
      directorships: count,
      clientRelations: count,
    }),
  ),
  'scoring/staff-page': query(
    page.omit({ asOf: true }),
    entityRow({ processed: count, granted: count }),
  ),
  'scoring/labels': query(
    z.object({ prefix: z.string() }),
    z.object({
      id: z.string(),
      subjectType: z.string(),
      subjectId: z.string(),
      openedOn: z.string().nullable(),
      closedOn: z.string(),
      offence: z.string(),
      outcome: z.enum(['confirmed', 'unfounded']),
      origin: z.string(),
      /** The case whose closing wrote the inspection; null for loaded inspections. */
      caseId: z.string().nullable(),
    }),
  ),
  'scoring/case-outcomes': query(
    z.object({ prefix: z.string() }),
    z.object({
      subjectType: z.string(),
      origin: z.string(),
      /** The entity's model version when its case was opened; null (or 'rules'): rules only. */
      model: z.string().nullable(),
      band: z.string().nullable(),
      closed: z.number().int().min(1),
      confirmed: z.number().int().min(0),
      firstClosed: z.iso.date(),
      lastClosed: z.iso.date(),
    }),
  ),
  'scoring/write-employer-scores': query(scoreRows, z.object({})),
  'scoring/write-person-scores': query(scoreRows, z.object({})),
  'scoring/write-staff-scores': query(scoreRows, z.object({})),
  'scoring/save-model': query(
    z.object({
      version: z.string(),
      area: z.string(),
      offence: z.string(),
      createdAt: z.iso.datetime(),
      body: z.string(),
    }),
    z.object({ version: z.string() }),
  ),
  'scoring/models': query(z.object({}), modelRow),
  'scoring/activate-model': query(
    z.object({ version: z.string() }),
    z.object({ version: z.string(), body: z.string() }),
  ),
  'scoring/employer-evidence': query(evidenceIds, evidenceRow),
  'scoring/person-evidence': query(evidenceIds, evidenceRow),
  'scoring/staff-evidence': query(evidenceIds, evidenceRow),
  'scoring/export-employer-page': query(exportPage, exportRow),
  'scoring/export-person-page': query(exportPage, exportRow),
  'scoring/export-staff-page': query(exportPage, exportRow),
  'scoring/band-count-groups-employer': query(z.object({}), bandCountGroup),
  'scoring/band-count-groups-person': query(z.object({}), bandCountGroup),
  'scoring/band-count-groups-staff': query(z.object({}), bandCountGroup),
  'scoring/write-band-counts': query(
    z.object({
      cells: z.array(bandCountCell),
      run: z.string(),
      at: z.iso.datetime(),
      token: z.string(),
    }),
    z.object({}),
  ),
  'scoring/delete-stale-band-counts': query(
    z.object({ prefix: z.string(), token: z.string() }),
    z.object({}),
  ),
} as const;
