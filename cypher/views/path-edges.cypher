// Shortest paths (server/views/path-search.ts): the relationships of the paths found, by element
// id, in the shape every network view returns.
// params: $rels
UNWIND $rels AS id
MATCH ()-[x]->()
WHERE elementId(x) = id
RETURN id AS rel, {
         start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
         from: toString(coalesce(x.start, x.first_seen)), to: toString(x.end),
         disc: coalesce(x.id, x.key),
         attributes: x {.contract, .role, .share, .kind, .value}
       } AS edge
