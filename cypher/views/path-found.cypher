// Shortest paths (server/views/path-search.ts): the relationships and the nodes of the paths
// found, by element id, in one round trip: each relationship in the shape every network view
// returns, each node with what the explorer shows of it (views/parts/node-details, no degrees).
// params: $rels, $elements, $degreesAbove, $types
CALL () {
  UNWIND $rels AS id
  MATCH ()-[x]->()
  WHERE elementId(x) = id
  RETURN collect({
           rel: id,
           edge: {
             start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
             from: toString(coalesce(x.start, x.first_seen)), to: toString(x.end),
             disc: coalesce(x.id, x.key),
             attributes: x {.contract, .role, .share, .kind, .value}
           }
         }) AS edges
}
CALL () {
  UNWIND $elements AS element
  MATCH (n)
  WHERE elementId(n) = element
  // include: views/parts/node-details
  RETURN collect({element: element, details: details}) AS nodes
}
RETURN apoc.convert.toJson({edges: edges, nodes: nodes}) AS json
