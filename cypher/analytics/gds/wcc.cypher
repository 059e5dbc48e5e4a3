// GDS engine: weakly connected components of relationship type $type, into node property
// $property of graph $graph (undirected, so weak = connected).
// params: $graph, $type, $property
CALL gds.wcc.mutate($graph, {relationshipTypes: [$type], mutateProperty: $property})
YIELD componentCount, computeMillis
RETURN componentCount AS count, computeMillis AS millis
