// Shortest paths (server/views/path-search.ts): the degrees of the two ends, which decide the
// side the search grows first.
// params: $nodes
UNWIND $nodes AS id
MATCH (n)
WHERE elementId(n) = id
RETURN id AS node, COUNT { (n)--() } AS degree
