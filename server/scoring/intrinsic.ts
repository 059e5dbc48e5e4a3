// Intrinsic inputs: what an entity's own records say, without looking at anyone it is linked to
// (GOTCHA!'s "intrinsic features"). The evaluation trains a model on these alone to show what
// the network features add. Each is computed from one scoring page row (cypher/scoring/*-page):
// the counts the page computes, and the node properties the input names in `reads`.
import type { pageCounts } from '../db/scoring-queries.js';
import type { Area } from './areas.js';

/** What an intrinsic input sees of one entity. */
export interface PageView<A extends Area> {
  /** The properties named by the area's inputs' `reads` (absent ones undefined). */
  props: Record<string, unknown>;
  counts: Record<(typeof pageCounts)[A][number], number | null>;
}

export interface IntrinsicInput<A extends Area> {
  name: `i_${string}`;
  description: string;
  unit: string;
  /** The node properties `value` reads (the page reads only those). */
  reads?: readonly string[];
  value(row: PageView<A>, asOfDay: number): number | null;
}

const DAY_MS = 86_400_000;
export const isoDay = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ratio = (a: number | null, b: number | null): number =>
  a !== null && b !== null && b > 0 ? a / b : 0;
const dateDay = (v: unknown): number | null =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? isoDay(v.slice(0, 10)) : null;
const sectorIs = (row: PageView<'employer'>, prefix: string): number =>
  typeof row.props.sector === 'string' && row.props.sector.startsWith(prefix) ? 1 : 0;

const employer: IntrinsicInput<'employer'>[] = [
  {
    name: 'i_age_years',
    description: 'years since the employer was founded',
    unit: 'years',
    reads: ['founded_on'],
    value: (r, asOf) => {
      const founded = dateDay(r.props.founded_on);
      return founded === null ? null : Math.max(0, (asOf - founded) / 365.25);
    },
  },
  {
    name: 'i_contribution_debt_eur',
    description: 'unpaid social-security contributions at extraction',
    unit: 'euros',
    reads: ['contribution_debt_eur'],
    value: (r) => num(r.props.contribution_debt_eur),
  },
  {
    name: 'i_declared_workers',
    description: 'headcount on the last quarterly declaration',
    unit: 'workers',
    reads: ['declared_workers'],
    value: (r) => num(r.props.declared_workers),
  },
  {
    name: 'i_ceased',
    description: '1 when the employer is bankrupt or liquidated',
    unit: '0/1',
    reads: ['status'],
    value: (r) => (r.props.status === 'bankrupt' || r.props.status === 'liquidated' ? 1 : 0),
  },
  {
    name: 'i_self_employed',
    description: '1 when the contributor is a self-employed person',
    unit: '0/1',
    reads: ['kind'],
    value: (r) => (r.props.kind === 'self_employed' ? 1 : 0),
  },
  {
    name: 'i_active_jobs',
    description: 'declared jobs active on the as-of date',
    unit: 'jobs',
    value: (r) => r.counts.activeJobs,
  },
  {
    name: 'i_short_job_share',
    description: 'share of its declared jobs that lasted 120 days or less',
    unit: 'share',
    value: (r) => ratio(r.counts.shortJobs, r.counts.jobs),
  },
  {
    name: 'i_part_time_share',
    description: 'share of its declared jobs that are part-time',
    unit: 'share',
    value: (r) => ratio(r.counts.partTimeJobs, r.counts.jobs),
  },
  {
    name: 'i_mean_wage_eur',
    description: 'mean declared monthly wage of its jobs',
    unit: 'euros',
    value: (r) => r.counts.meanWage,
  },
  {
    name: 'i_claims_per_job',
    description: 'benefit claims resting on the employer per declared job',
    unit: 'claims per job',
    value: (r) => ratio(r.counts.claims, r.counts.jobs),
  },
  {
    name: 'i_sector_construction',
    description: '1 in NACE section F (construction)',
    unit: '0/1',
    reads: ['sector'],
    value: (r) => sectorIs(r, 'F'),
  },
  {
    name: 'i_sector_cleaning',
    description: '1 in NACE N81 (cleaning and building services)',
    unit: '0/1',
    reads: ['sector'],
    value: (r) => sectorIs(r, 'N81'),
  },
  {
    name: 'i_sector_horeca',
    description: '1 in NACE section I (hotels and catering)',
    unit: '0/1',
    reads: ['sector'],
    value: (r) => sectorIs(r, 'I'),
  },
];

const beneficiary: IntrinsicInput<'beneficiary'>[] = [
  {
    name: 'i_claims',
    description: 'benefit claims made',
    unit: 'claims',
    value: (r) => r.counts.claims,
  },
  {
    name: 'i_claim_days',
    description: 'days on benefit up to the as-of date',
    unit: 'days',
    value: (r) => r.counts.claimDays,
  },
  {
    name: 'i_online_claim_share',
    description: 'share of claims made online',
    unit: 'share',
    value: (r) => ratio(r.counts.onlineClaims, r.counts.claims),
  },
  {
    name: 'i_jobs',
    description: 'declared jobs, ever',
    unit: 'jobs',
    value: (r) => r.counts.jobs,
  },
  {
    name: 'i_recent_employers',
    description: 'distinct employers in the last three years',
    unit: 'employers',
    value: (r) => r.counts.recentEmployers,
  },
  {
    name: 'i_short_jobs',
    description: 'declared jobs that lasted 120 days or less',
    unit: 'jobs',
    value: (r) => r.counts.shortJobs,
  },
  {
    name: 'i_directorships',
    description: 'companies the person directs, manages or owns, ever',
    unit: 'companies',
    value: (r) => r.counts.directorships,
  },
  {
    name: 'i_client_relations',
    description: 'clients as a self-employed person, ever',
    unit: 'clients',
    value: (r) => r.counts.clientRelations,
  },
];

const internal: IntrinsicInput<'internal'>[] = [
  {
    name: 'i_processed_claims',
    description: 'claims the official processed',
    unit: 'claims',
    value: (r) => r.counts.processed,
  },
  {
    name: 'i_granted_share',
    description: 'share of the claims they processed that were granted',
    unit: 'share',
    value: (r) => ratio(r.counts.granted, r.counts.processed),
  },
];

export const intrinsicInputs = { employer, beneficiary, internal } as const;
