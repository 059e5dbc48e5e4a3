// Detection value: on a generated data set with its ground truth, the planted fraud stands out
// from the population and from the decoys planted beside it, in the features that are meant to
// show it. The data set (2 000 persons, every pattern's rate × 10 so that each pattern has
// several rings) is loaded with its ids prefixed and analysed with that prefix as the scope,
// so nothing else in the shared test database is read or rewritten; the test cleans up.
//
// "Population" is every entity of the kind that is neither planted nor a decoy. Thresholds
// leave room for another seed but not for a feature that does not work: each is several times
// what the population or the decoys reach (figures for seed 3 in the comments).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TruthRow, type TruthRow as Truth } from '../../fixtures/truth.js';
import { openTestDatabase } from '../../test/database.js';
import { analysePrefixedDataset, deletePrefixedDataset } from '../../test/prefixed-dataset.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { AnalysisSummary } from './run-analysis.js';

const P = 'dv-t-';
const LABEL = { person: 'Person', employer: 'Employer', staff: 'Staff' } as const;
type Kind = keyof typeof LABEL;
type Node = Record<string, unknown> & { id: string; community: string | null };

let db: Database;
let summary: AnalysisSummary;
let truth: Truth[];
const nodes = new Map<Kind, Map<string, Node>>();

const cleanup = () => deletePrefixedDataset(db, P);

const plain = (v: unknown) =>
  typeof v === 'object' && v !== null && 'toNumber' in v
    ? (v as { toNumber(): number }).toNumber()
    : v;

async function readNodes(kind: Kind) {
  const session = db.driver.session();
  try {
    const result = await session.run(
      `MATCH (n:${LABEL[kind]}) WHERE n.id STARTS WITH $p
       OPTIONAL MATCH (n)-[:IN_COMMUNITY]->(c:Community)
       RETURN properties(n) AS props, c.id AS community`,
      { p: P },
    );
    const map = new Map<string, Node>();
    for (const record of result.records) {
      const props = Object.fromEntries(
        Object.entries(record.get('props') as Record<string, unknown>).map(([k, v]) => [
          k,
          plain(v),
        ]),
      ) as Node;
      map.set(props.id, { ...props, community: record.get('community') as string | null });
    }
    nodes.set(kind, map);
  } finally {
    await session.close();
  }
}

/** Entities of a kind in the truth: planted (or decoys) of a pattern, optionally one role. */
function group(kind: Kind, pattern: string, decoy: boolean, roles?: string[]): Node[] {
  const ids = new Set(
    truth
      .filter(
        (t) =>
          t.entity_type === kind &&
          t.pattern === pattern &&
          t.decoy === decoy &&
          (roles === undefined || (t.role !== null && roles.includes(t.role))),
      )
      .map((t) => t.entity_id),
  );
  return [...ids].map((id) => nodes.get(kind)!.get(id)!).filter(Boolean);
}

function population(kind: Kind): Node[] {
  const marked = new Set(truth.filter((t) => t.entity_type === kind).map((t) => t.entity_id));
  return [...nodes.get(kind)!.values()].filter((n) => !marked.has(n.id));
}

const values = (xs: Node[], f: string) => xs.map((n) => Number(n[f] ?? 0));
function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const shareAbove0 = (xs: Node[], f: string) =>
  values(xs, f).filter((v) => v > 0).length / xs.length;
/** Probability that a random planted entity scores above a random other one (ROC AUC). */
function auc(pos: number[], neg: number[]) {
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db);
  await cleanup();
  const analysed = await analysePrefixedDataset(db, P, { persons: 2000, seed: 3, fraudScale: 10 });
  summary = analysed.summary;
  truth = parse<Record<string, string>>(
    await readFile(path.join(`${analysed.data}.truth`, 'truth.csv'), 'utf8'),
    { columns: true },
  ).map((row) => TruthRow.parse(row));
  for (const kind of Object.keys(LABEL) as Kind[]) await readNodes(kind);
}, 120_000);

afterAll(async () => {
  await cleanup();
  await db.close();
});

describe('detection value on a generated data set (real Neo4j)', () => {
  it('analysed only its own scope, as of the extraction date', () => {
    expect(summary.asOf).toBe('2025-12-31');
    expect(summary.projection.persons).toBe(2000);
    expect(nodes.get('person')!.size).toBe(2000);
    expect(
      summary.queryFeatures.queries['analytics/features/person-claim-work-overlap']?.rows,
    ).toBe(2000);
  });

  it('phoenix employers are far more exposed than the population, with directors who went bankrupt', () => {
    const phoenix = group('employer', 'phoenix', false);
    const pop = population('employer');
    expect(phoenix.length).toBeGreaterThanOrEqual(4);
    // seed 3: median exposure 0.07 against 0.001
    expect(median(values(phoenix, 'f_exposure'))).toBeGreaterThan(
      10 * median(values(pop, 'f_exposure')),
    );
    // seed 3: 0.86 for every planted employer against the population
    const planted = [
      ...new Set(
        truth.filter((t) => t.entity_type === 'employer' && !t.decoy).map((t) => t.entity_id),
      ),
    ];
    const employers = nodes.get('employer')!;
    expect(
      auc(
        planted.map((id) => Number(employers.get(id)?.f_exposure ?? 0)),
        values(pop, 'f_exposure'),
      ),
    ).toBeGreaterThan(0.75);
    // seed 3: half the phoenix employers have a director with a recent bankruptcy, 4 % of others
    expect(shareAbove0(phoenix, 'f_director_bankruptcies')).toBeGreaterThanOrEqual(0.3);
    expect(shareAbove0(pop, 'f_director_bankruptcies')).toBeLessThan(0.1);
    const directors = group('person', 'phoenix', false, ['director']);
    expect(shareAbove0(directors, 'f_director_bankruptcies')).toBeGreaterThanOrEqual(0.5);
    expect(shareAbove0(population('person'), 'f_director_bankruptcies')).toBeLessThan(0.02);
  });

  it('phoenix successors take over the workers of a bankrupt predecessor, a legitimate take-over does not count', () => {
    const successors = group('employer', 'phoenix', false, ['successor']);
    const acquirers = group('employer', 'phoenix', true, ['acquirer']);
    expect(successors.length).toBeGreaterThanOrEqual(2);
    expect(acquirers.length).toBeGreaterThanOrEqual(1);
    expect(shareAbove0(successors, 'f_worker_inflow_bankrupt')).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...values(acquirers, 'f_worker_inflow_bankrupt'))).toBe(0);
    expect(shareAbove0(population('employer'), 'f_worker_inflow_bankrupt')).toBeLessThan(0.15);
  });

  it('benefit-while-working claimants overlap work, the population rarely does', () => {
    const claimants = group('person', 'benefit_while_working', false, ['claimant']);
    expect(claimants.length).toBeGreaterThanOrEqual(10);
    // seed 3: 0.89 against 0.08
    expect(shareAbove0(claimants, 'f_claim_work_overlap_days')).toBeGreaterThanOrEqual(0.7);
    expect(shareAbove0(population('person'), 'f_claim_work_overlap_days')).toBeLessThan(0.15);
  });

  it('temporary-unemployment fraud goes on delivering subcontracted work, the lockdown decoy does not', () => {
    const fraud = group('employer', 'temporary_unemployment_fraud', false, ['employer']);
    const decoys = group('employer', 'temporary_unemployment_fraud', true, ['employer']);
    expect(fraud.length).toBeGreaterThanOrEqual(2);
    expect(decoys.length).toBeGreaterThanOrEqual(1);
    // both overlap a running subcontract (seed 3: 7 claims each) …
    expect(Math.min(...values(decoys, 'f_temp_unemployment_during_subcontracts'))).toBeGreaterThan(
      0,
    );
    // … but only the fraud is the subcontractor whose work goes on
    expect(Math.min(...values(fraud, 'f_temp_unemployment_while_subcontracting'))).toBeGreaterThan(
      0,
    );
    expect(Math.max(...values(decoys, 'f_temp_unemployment_while_subcontracting'))).toBe(0);
    expect(
      shareAbove0(population('employer'), 'f_temp_unemployment_while_subcontracting'),
    ).toBeLessThan(0.05);
  });

  it('bogus self-employed depend on one client, freelancers with several clients do not', () => {
    const bogus = group('person', 'bogus_self_employment', false, ['bogus_self_employed']);
    const freelancers = group('person', 'bogus_self_employment', true, ['freelancer']);
    expect(bogus.length).toBeGreaterThanOrEqual(5);
    expect(freelancers.length).toBeGreaterThanOrEqual(3);
    // seed 3: 0.97 against 0.37
    expect(median(values(bogus, 'f_self_employed_dependency'))).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...values(freelancers, 'f_self_employed_dependency'))).toBeLessThan(0.8);
    const clients = group('employer', 'bogus_self_employment', false, ['client']);
    expect(Math.min(...values(clients, 'f_dependent_self_employed'))).toBeGreaterThanOrEqual(2);
  });

  it('identity-fraud claimants share a payment account with many, a family with few', () => {
    const claimants = group('person', 'identity_fraud', false, ['claimant']);
    const family = group('person', 'identity_fraud', true);
    // seed 3: median 8 against 2
    expect(median(values(claimants, 'f_shared_payment_account_claimants'))).toBeGreaterThanOrEqual(
      4,
    );
    expect(median(values(family, 'f_shared_payment_account_claimants'))).toBeLessThanOrEqual(3);
    expect(shareAbove0(population('person'), 'f_shared_payment_account_claimants')).toBeLessThan(
      0.05,
    );
  });

  it('officials committing internal fraud process claims of their own circle', () => {
    const planted = group('staff', 'internal_fraud', false);
    const decoys = group('staff', 'internal_fraud', true);
    expect(planted.length).toBeGreaterThanOrEqual(1);
    // seed 3: 14 linked claims each against at most 1
    const worstPlanted = Math.min(...values(planted, 'f_linked_claims'));
    expect(worstPlanted).toBeGreaterThanOrEqual(4);
    expect(worstPlanted).toBeGreaterThan(3 * Math.max(...values(decoys, 'f_linked_claims')));
    const beneficiaries = group('person', 'internal_fraud', false, [
      'beneficiary_household',
      'beneficiary_same_address',
    ]);
    expect(shareAbove0(beneficiaries, 'f_staff_proximity')).toBeGreaterThanOrEqual(0.6);
  });

  it('puts most of each planted ring in one community', () => {
    const rings = new Map<string, (string | null)[]>();
    for (const t of truth) {
      if (t.decoy || !(t.entity_type in LABEL)) continue;
      const node = nodes.get(t.entity_type as Kind)!.get(t.entity_id);
      if (!node) continue;
      rings.set(t.ring_id, [...(rings.get(t.ring_id) ?? []), node.community]);
    }
    const topShare = (communities: (string | null)[]) => {
      const counts = new Map<string, number>();
      for (const c of communities) if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
      return Math.max(0, ...counts.values()) / communities.length;
    };
    const sizable = [...rings.values()].filter((members) => members.length >= 5);
    expect(sizable.length).toBeGreaterThanOrEqual(10);
    // seed 3: 15 of 17 rings keep ≥ 40 % of their members in one community, median 0.63; ten
    // entities drawn at random share one community at ≈ 0.13
    const shares = sizable.map(topShare);
    expect(shares.filter((s) => s >= 0.4).length / shares.length).toBeGreaterThanOrEqual(0.7);
    expect(median(shares)).toBeGreaterThanOrEqual(0.5);
  });
});
