// GDS engine: one node property of graph $graph, with each node's projection key (`Label:id`,
// the first of $labels the node carries), in rows of up to $batch keys and values: the driver
// decodes a few lists much faster than a million records.
// params: $graph, $property, $labels, $batch
CALL gds.graph.nodeProperty.stream($graph, $property)
YIELD nodeId, propertyValue
WITH collect(nodeId) AS ids, collect(propertyValue) AS values
UNWIND range(0, size(ids) - 1, $batch) AS from
RETURN
  [id IN ids[from..from + $batch] | head([l IN labels(gds.util.asNode(id)) WHERE l IN $labels]) + ':' + gds.util.asNode(id).id] AS keys,
  values[from..from + $batch] AS values
