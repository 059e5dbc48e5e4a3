// Community aggregates on the projection: for each Louvain community of entities, the share of
// its employers bankrupt or liquidated with contribution debt, the share of its members with a
// confirmed fraud closed by the as-of date, the mean exposure of its members and the most
// common NACE section of its employers (ties to the first letter; null without a sector). They
// are written on the Community node and copied onto its members, where the fraud share leaves
// the member out — the share among the other members —, so that an entity's own inspection
// never feeds its own feature.
//
// Why not Cypher: these were query features that ran after the write-back (they read
// f_exposure and IN_COMMUNITY), one over the communities and one copying onto each label's
// members, 17 s at 1 M persons with nothing else to overlap them. Every input is in memory by
// then: the communities, the exposure, and the employers' status, debt and sector.
import { entityLabels, type ProjectedLabel } from './link-kinds.js';
import { failedWithDebt, hasConfirmedFraud, type ProjectedGraph } from './projected-graph.js';

export interface CommunityAggregate {
  members: number;
  /** Members with a confirmed fraud closed by the as-of date. */
  fraudMembers: number;
  /** Employers bankrupt or liquidated with debt, over employer members (0 without). */
  shareBankrupt: number;
  /** fraudMembers over members. */
  shareFraud: number;
  meanExposure: number;
  /** Most common NACE section letter of its employers, null when none has a sector. */
  topSector: string | null;
}

export interface CommunityAggregates {
  /** Community id → its aggregates. */
  of: Map<string, CommunityAggregate>;
  /** Per node: 1 when it has a confirmed fraud closed by the as-of date. */
  fraud: Uint8Array;
}

export function communityAggregates(
  projected: ProjectedGraph,
  communities: ReadonlyMap<string, { id: string }>,
  exposure: Float64Array,
  asOfDay: number,
): CommunityAggregates {
  const fraud = new Uint8Array(projected.order);
  for (const [node, facts] of projected.facts) {
    if (hasConfirmedFraud(facts, asOfDay)) fraud[node] = 1;
  }
  const isEntity = new Set<ProjectedLabel>(entityLabels);
  const sums = new Map<
    string,
    {
      members: number;
      employers: number;
      bankrupt: number;
      fraud: number;
      exposure: number;
      sectors: Map<string, number>;
    }
  >();
  for (let node = 0; node < projected.order; node++) {
    if (!isEntity.has(projected.labels[node]!)) continue;
    const community = communities.get(projected.keys[node]!);
    if (community === undefined) continue;
    let sum = sums.get(community.id);
    if (sum === undefined) {
      sum = { members: 0, employers: 0, bankrupt: 0, fraud: 0, exposure: 0, sectors: new Map() };
      sums.set(community.id, sum);
    }
    sum.members++;
    sum.fraud += fraud[node]!;
    sum.exposure += exposure[node]!;
    if (projected.labels[node] !== 'Employer') continue;
    sum.employers++;
    const facts = projected.facts.get(node);
    if (facts === undefined) continue;
    if (failedWithDebt(facts)) sum.bankrupt++;
    if (facts.sector !== undefined) {
      const section = facts.sector[0]!;
      sum.sectors.set(section, (sum.sectors.get(section) ?? 0) + 1);
    }
  }
  const of = new Map<string, CommunityAggregate>();
  for (const [id, sum] of sums) {
    let topSector: string | null = null;
    let most = 0;
    for (const [section, count] of sum.sectors) {
      if (count > most || (count === most && section < topSector!)) {
        topSector = section;
        most = count;
      }
    }
    of.set(id, {
      members: sum.members,
      fraudMembers: sum.fraud,
      shareBankrupt: sum.employers === 0 ? 0 : sum.bankrupt / sum.employers,
      shareFraud: sum.fraud / sum.members,
      meanExposure: sum.exposure / sum.members,
      topSector,
    });
  }
  return { of, fraud };
}

/** The share of the other members of a node's community with a confirmed fraud. */
export function othersShareFraud(
  aggregates: CommunityAggregates,
  aggregate: CommunityAggregate,
  node: number,
): number {
  if (aggregate.members <= 1) return 0;
  return (aggregate.fraudMembers - aggregates.fraud[node]!) / (aggregate.members - 1);
}
