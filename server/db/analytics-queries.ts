// The analytics queries (cypher/analytics/): the paged projection read by server/analytics and
// the batched write-back of features and communities. Spread into `queries` (queries.ts).
import { z } from 'zod';
import { isObject, isScalar } from './open-maps.js';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const limit = z.number().int().positive().pipe(integerParam);
/** `scope`: only ids starting with it (default '', every id). */
const scope = z.string().default('');
const page = z.object({ scope, after: z.string(), limit });
const isoDate = z.string().nullable();

/** [relationship type, target id, start day, end day]: days since 1970-01-01, null when open. */
const link = z.tuple([z.string(), z.string(), z.number().nullable(), z.number().nullable()]);

type FeatureValue = number | string | boolean | null;
interface FeatureRow {
  id: string;
  /** The other features (floats, strings, booleans), in the order of the batch's `names`. */
  values: FeatureValue[];
  /** The integer features, in the order of the batch's `intNames`. */
  ints: (number | null)[];
}

/**
 * A batch of feature rows, checked in one plain loop: as z.object of z.record of z.union per
 * value, zod took 4.5 µs for a row of five features, and an analysis of a million persons
 * writes 4.7 M rows (about 30 s of CPU).
 */
const featureRowList = z
  .custom<FeatureRow[]>((v) => Array.isArray(v))
  .superRefine((rows, ctx) => {
    for (const [i, given] of rows.entries()) {
      const row: unknown = given;
      const bad = (what: string) =>
        ctx.addIssue({ code: 'custom', message: `rows[${i}]: ${what}` });
      if (!isObject(row) || typeof row.id !== 'string') return bad('needs a string id');
      const { values, ints } = row;
      if (!Array.isArray(values) || !Array.isArray(ints)) return bad('needs values and ints');
      for (const [k, v] of values.entries()) {
        if (!isScalar(v)) return bad(`values[${k}] is not a number, string, boolean or null`);
      }
      for (const [k, v] of ints.entries()) {
        if (v !== null && !Number.isSafeInteger(v)) return bad(`ints[${k}] is not a whole number`);
      }
    }
  });
const featureName = z.string().regex(/^f_[a-z0-9_]+$/, 'is not a feature name');
const featureRows = z
  .object({
    rows: featureRowList,
    /** The names of the other features, in the order of each row's `values`. */
    names: z.array(featureName),
    /** The names of the integer features, in the order of each row's `ints`. */
    intNames: z.array(featureName),
    run: z.string(),
    at: z.iso.datetime(),
  })
  .superRefine(({ rows, names, intNames }, ctx) => {
    // (zod runs this also when a row failed its own check: that row may have no lists)
    for (const [list, given] of [
      ['values', names],
      ['ints', intNames],
    ] as const) {
      const i = rows.findIndex(
        (row) => Array.isArray(row[list]) && row[list].length !== given.length,
      );
      if (i < 0) continue;
      const counts = `${rows[i]![list].length} ${list} for ${given.length}`;
      ctx.addIssue({
        code: 'custom',
        message: `rows[${i}]: ${counts} ${list === 'ints' ? 'intNames' : 'names'}`,
      });
    }
  });

/**
 * The feature write with every property named in the statement: the file sets them by name
 * from the lists (`FOREACH (i IN range(…)) | SET n[$names[i]] = …)`), which took Neo4j 45% longer
 * (200,000 persons' 31 features, three batches at a time: 5.5–5.8 s against 3.1 s). The names
 * were checked against ^f_[a-z0-9_]+$ with the parameters, so they are safe to write out.
 */
function namedFeatures(text: string, { names, intNames }: z.output<typeof featureRows>): string {
  const byName =
    /^FOREACH \(i IN range\(0, size\(\$names\) - 1\).*\n^FOREACH \(i IN range\(0, size\(\$intNames\) - 1\).*$/m;
  if (!byName.test(text))
    throw new Error('db: a feature write no longer sets its features by name');
  const set = [
    ...names.map((name, i) => `n.${name} = row.values[${i}]`),
    ...intNames.map((name, i) => `n.${name} = toInteger(row.ints[${i}])`),
  ];
  return text.replace(byName, set.length > 0 ? `SET ${set.join(', ')}` : '');
}

const membershipRows = z.object({
  rows: z.array(z.object({ id: z.string(), community: z.string().nullable() })),
});

const none = z.object({});

/** The extraction date of the most recent load (LoadRun), the default as-of date of analyses. */
const latestExtraction = query(none, z.object({ extractedOn: z.string().nullable() }));

export const analyticsQueries = {
  'analytics/person-page': query(page, z.object({ id: z.string(), links: z.array(link) })),
  'analytics/employer-page': query(
    page,
    z.object({
      id: z.string(),
      status: z.string().nullable(),
      debt: z.number().nullable(),
      ceasedOn: isoDate,
      /** NACE code. */
      sector: z.string().nullable(),
      links: z.array(link),
      /** Its seats that are domiciliation addresses. */
      domiciliations: z.array(z.string()),
    }),
  ),
  'analytics/staff-page': query(page, z.object({ id: z.string(), person: z.string().nullable() })),
  'analytics/claim-page': query(
    page,
    z.object({
      id: z.string(),
      /** Days since 1970-01-01; null when open. */
      start: z.number().nullable(),
      end: z.number().nullable(),
      person: z.string().nullable(),
      staff: z.string().nullable(),
      account: z.string().nullable(),
      employer: z.string().nullable(),
    }),
  ),
  'analytics/inspection-page': query(
    page,
    z.object({
      id: z.string(),
      outcome: z.string().nullable(),
      offence: z.string().nullable(),
      closedOn: isoDate,
      subjectLabel: z.enum(['Employer', 'Person', 'Staff']).nullable(),
      subject: z.string().nullable(),
    }),
  ),
  'analytics/community-page': query(
    page,
    z.object({ id: z.string(), members: z.array(z.string()) }),
  ),
  'analytics/write-person-features': query(featureRows, none, namedFeatures),
  'analytics/write-employer-features': query(featureRows, none, namedFeatures),
  'analytics/write-staff-features': query(featureRows, none, namedFeatures),
  'analytics/write-address-features': query(featureRows, none, namedFeatures),
  'analytics/write-account-features': query(featureRows, none, namedFeatures),
  'analytics/write-contact-features': query(featureRows, none, namedFeatures),
  'analytics/write-person-memberships': query(membershipRows, none),
  'analytics/write-employer-memberships': query(membershipRows, none),
  'analytics/write-staff-memberships': query(membershipRows, none),
  'analytics/write-communities': query(
    z.object({
      rows: z.array(
        z.object({
          id: z.string(),
          size: integerParam,
          persons: integerParam,
          employers: integerParam,
          staff: integerParam,
          members: integerParam,
          fraudMembers: integerParam,
          shareBankrupt: z.number(),
          shareFraud: z.number(),
          meanExposure: z.number(),
          topSector: z.string().nullable(),
        }),
      ),
      run: z.string(),
      at: z.iso.datetime(),
    }),
    none,
  ),
  'analytics/latest-extraction': latestExtraction,
  'analytics/flagged-hubs': query(
    none,
    z.object({
      label: z.enum(['Person', 'Employer', 'Staff', 'Address', 'Account', 'Contact']),
      id: z.string(),
    }),
  ),
  'analytics/delete-stale-communities': query(
    z.object({ scope, run: z.string(), limit }),
    z.object({ deleted: z.number() }),
  ),
} as const;
