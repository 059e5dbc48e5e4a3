// Network views: all shortest paths of at most 1 relationship between two nodes (one file per maximum
// length: a length bound takes no parameter), over the allowed types, every relationship active
// on $asOf when given; inner nodes neither analytics hubs (when $avoidHubs) nor agency staff
// (when $hideStaff). allShortestPaths with both ends bound is Neo4j's bidirectional
// breadth-first search (operator ShortestPath); the predicates are universal (all(...) over the
// path), so they are checked while searching: a hub or an official is never expanded, and there
// is no exhaustive fallback. (The GQL form, ALL SHORTEST with a quantified pattern, ran over a
// minute through a large employer on 250 k persons where this takes half a second.)
// params: $from, $to, $types, $asOf, $avoidHubs, $hideStaff, $limit
MATCH (a)
WHERE elementId(a) = $from
MATCH (b)
WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[*..1]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types
          AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                                 AND coalesce(r.end, date($asOf)) >= date($asOf))))
  AND all(n IN nodes(p) WHERE n = a OR n = b
          OR (NOT ($avoidHubs AND coalesce(n.f_hub, false)) AND NOT ($hideStaff AND n:Staff)))
WITH p
LIMIT $limit
RETURN [n IN nodes(p) | elementId(n)] AS nodes,
       [x IN relationships(p) | {
         start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
         from: coalesce(x.start, x.first_seen), to: x.end, disc: coalesce(x.id, x.key),
         attributes: x {.contract, .role, .share, .kind, .value}
       }] AS edges
