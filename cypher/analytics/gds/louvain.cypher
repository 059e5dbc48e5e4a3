// GDS engine: Louvain on relationship type $type weighted by `weight`, into node property
// $property. Concurrency 1: GDS's Louvain is deterministic only when sequential (the same
// projection gives the same partition). No seedProperty: the in-process engine does not seed
// either, and stable ids come from stable-communities.ts for both engines.
// params: $graph, $type, $property, $maxLevels, $maxIterations, $tolerance
CALL gds.louvain.mutate($graph, {
  relationshipTypes: [$type],
  relationshipWeightProperty: 'weight',
  mutateProperty: $property,
  concurrency: 1,
  maxLevels: $maxLevels,
  maxIterations: $maxIterations,
  tolerance: $tolerance
})
YIELD communityCount, modularity, ranLevels, computeMillis
RETURN communityCount AS count, modularity, ranLevels AS levels, computeMillis AS millis
