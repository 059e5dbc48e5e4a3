// GDS engine: Leiden (V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden:
// guaranteeing well-connected communities", Sci. Rep. 9, 2019: Louvain's moves plus a
// refinement step) on relationship type $type weighted by `weight`, into node property
// $property. Sequential with a seed, so deterministic. The GDS engine's community detection:
// GDS's own Louvain ends 0.001-0.01 of modularity below the in-process Louvain on generated
// data sets, Leiden within 0.0002 (see gds-engine.ts).
// params: $graph, $type, $property, $randomSeed, $maxLevels, $tolerance
CALL gds.leiden.mutate($graph, {
  relationshipTypes: [$type],
  relationshipWeightProperty: 'weight',
  mutateProperty: $property,
  concurrency: 1,
  randomSeed: $randomSeed,
  maxLevels: $maxLevels,
  tolerance: $tolerance
})
YIELD communityCount, modularity, ranLevels, computeMillis
RETURN communityCount AS count, modularity, ranLevels AS levels, computeMillis AS millis
