// GDS engine: PageRank on relationship type $type weighted by `weight`, into node property
// $property; GDS's scores are not normalised (the caller divides by their sum).
// params: $graph, $type, $property, $dampingFactor, $tolerance, $maxIterations
CALL gds.pageRank.mutate($graph, {
  relationshipTypes: [$type],
  relationshipWeightProperty: 'weight',
  mutateProperty: $property,
  dampingFactor: $dampingFactor,
  tolerance: $tolerance,
  maxIterations: $maxIterations
})
YIELD ranIterations, didConverge, computeMillis
RETURN ranIterations AS iterations, didConverge AS converged, computeMillis AS millis
