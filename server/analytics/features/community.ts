import type { CommunityAggregate } from '../community-aggregates.js';
import { entities, type Feature, type FeatureContext } from './feature.js';

export const communityFeature: Feature = {
  name: 'f_community',
  entities,
  description:
    'the Louvain community of the entity, with an id kept across runs by member overlap; null when the entity is alone. Also written as (entity)-[:IN_COMMUNITY]->(Community)',
  unit: 'id',
  type: 'string',
  computed:
    'Louvain (in-process, seeded, best of 3 runs below 100 000 nodes; with --engine gds, GDS Leiden, seeded, sequential) on the weighted graph of spec "louvain", hubs damped: analytics/louvain.ts, analytics/gds-engine.ts and analytics/stable-communities.ts',
  value: (context, _node, key) => context.communities.get(key)?.id ?? null,
};

/** One of the aggregates of the entity's community (community-aggregates.ts), null outside one. */
export function aggregateOf<T>(
  context: FeatureContext,
  key: string,
  pick: (aggregate: CommunityAggregate) => T,
): T | null {
  const community = context.communities.get(key);
  if (community === undefined) return null;
  return pick(context.communityAggregates.of.get(community.id)!);
}
