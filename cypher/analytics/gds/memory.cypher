// GDS engine: the heap graph $graph takes in the GDS catalog and the JVM's maximum heap, for
// the summary and the benchmark.
// params: $graph
CALL gds.graph.list($graph)
YIELD sizeInBytes, nodeCount, relationshipCount
CALL gds.debug.sysInfo()
YIELD key, value
WITH sizeInBytes, nodeCount, relationshipCount, key, value
WHERE key = 'heapMaxInBytes'
RETURN sizeInBytes AS bytes, nodeCount AS nodes, relationshipCount AS relationships, value AS maxHeap
