// Network views: all shortest paths of at most 3 relationships between two nodes (one file per
// maximum length: a quantifier takes no parameter), over the allowed types, every relationship
// active on $asOf when given; inner nodes neither analytics hubs (when $avoidHubs) nor agency
// staff (when $hideStaff). Both ends are bound first, so the planner runs a bidirectional
// breadth-first search from both (StatefulShortestPath(Into)) with these predicates inlined:
// a hub or an official is never expanded. At most $limit paths.
// params: $from, $to, $types, $asOf, $avoidHubs, $hideStaff, $limit
MATCH (a)
WHERE elementId(a) = $from
MATCH (b)
WHERE elementId(b) = $to
CALL (a, b) {
  MATCH p = ALL SHORTEST (a)
    (()-[r WHERE type(r) IN $types
           AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                                 AND coalesce(r.end, date($asOf)) >= date($asOf)))]-
     (y WHERE elementId(y) = $to
          OR (NOT ($avoidHubs AND coalesce(y.f_hub, false)) AND NOT ($hideStaff AND y:Staff)))){1,3}
    (b)
  RETURN p
  LIMIT $limit
}
RETURN [n IN nodes(p) | elementId(n)] AS nodes,
       [x IN relationships(p) | {
         start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
         from: coalesce(x.start, x.first_seen), to: x.end, disc: coalesce(x.id, x.key),
         attributes: x {.contract, .role, .share, .kind, .value}
       }] AS edges
