// Shortest paths (server/views/path-search.ts): one breadth-first level from the frontier nodes,
// over the allowed types, every relationship active on $asOf when given; the nodes reached are
// neither analytics hubs (when $avoidHubs) nor agency staff (when $hideStaff), unless they are
// one of the path's two ends. Each reached node comes with its degree: the search expands the
// side whose next level costs least. At most $limit rows: the search's remaining budget.
// params: $frontier, $types, $asOf, $avoidHubs, $hideStaff, $ends, $limit
UNWIND $frontier AS id
MATCH (n)
WHERE elementId(n) = id
MATCH (n)-[r]-(m)
WHERE type(r) IN $types
  AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                         AND coalesce(r.end, date($asOf)) >= date($asOf)))
  AND (elementId(m) IN $ends
       OR (NOT ($avoidHubs AND coalesce(m.f_hub, false)) AND NOT ($hideStaff AND m:Staff)))
RETURN id AS from, elementId(m) AS to, elementId(r) AS rel, COUNT { (m)--() } AS degree
LIMIT $limit
