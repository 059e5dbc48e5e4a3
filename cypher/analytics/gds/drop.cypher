// GDS engine: drops graph $graph from the GDS catalog (no row, no error when it is not there).
// params: $graph
CALL gds.graph.drop($graph, false)
YIELD graphName
RETURN graphName AS graph
