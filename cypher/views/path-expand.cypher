// Shortest paths (server/views/path-search.ts): one breadth-first level from the frontier nodes
// (views/parts/path-level says over what). Each reached node comes with its degree: the search
// expands the side whose next level costs least. At most $limit rows: the search's remaining
// budget.
// params: $frontier, $types, $asOf, $avoidHubs, $hideStaff, $ends, $limit
UNWIND $frontier AS id
MATCH (n)
WHERE elementId(n) = id
WITH id, n, $ends AS ends
// include: views/parts/path-level
RETURN id AS from, elementId(m) AS to, elementId(r) AS rel, COUNT { (m)--() } AS degree
LIMIT $limit
