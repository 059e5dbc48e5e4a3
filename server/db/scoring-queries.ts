// The scoring queries (cypher/scoring/): entity pages with their inputs, inspection labels and the
// outcomes of closed cases, the score write-back and the model store. Spread into `queries`
// (queries.ts).
import { z } from 'zod';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const limit = z.number().int().positive().pipe(integerParam);
const isoDate = z.iso.date();
const page = z.object({
  after: z.string(),
  limit,
  asOf: isoDate,
  prefix: z.string(),
  /** The properties to read, in the order of the row's `values`. */
  keys: z.array(z.string()),
});

/** The audit columns of each area's page, in the order of its Cypher's `audit` list. */
export const pageAudit = {
  employer: ['region', 'sector'],
  beneficiary: ['sex', 'nationality', 'region'],
  internal: ['sex', 'nationality', 'region'],
} as const;

/** The counts of each area's page, in the order of its Cypher's `counts` list. */
export const pageCounts = {
  employer: ['jobs', 'activeJobs', 'shortJobs', 'partTimeJobs', 'meanWage', 'claims'],
  beneficiary: [
    'jobs',
    'recentEmployers',
    'shortJobs',
    'claims',
    'onlineClaims',
    'grantedClaims',
    'claimDays',
    'directorships',
    'clientRelations',
  ],
  internal: ['processed', 'granted'],
} as const;

const entityRow = (audit: number, counts: number) =>
  z.object({
    id: z.string(),
    /** The values of the page's `keys`; non-scalar values (dates, lists) are read as they come. */
    values: z.array(z.unknown()),
    /** Audit columns: fairness tables only, never inputs. */
    audit: z.array(z.string().nullable()).length(audit),
    /** Null only where a count is an average over nothing (an employer's mean wage). */
    counts: z.array(z.number().nullable()).length(counts),
  });

const pageRow = (area: keyof typeof pageCounts) =>
  entityRow(pageAudit[area].length, pageCounts[area].length);

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
  'scoring/employer-page': query(page, pageRow('employer')),
  'scoring/person-page': query(page, pageRow('beneficiary')),
  'scoring/staff-page': query(page.omit({ asOf: true }), pageRow('internal')),
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
