// Network views: the nodes named by `Label:id` keys (server/views/node-key.ts), one index seek
// each (views/parts/key-lookup); a key that names no node returns no row. With each node its
// degree, from the degree store (where a shortest-path search starts).
// params: $keys
UNWIND $keys AS key
CALL (key) {
  // include: views/parts/key-lookup
}
RETURN key.label AS label, key.id AS id, elementId(n) AS element, COUNT { (n)--() } AS degree
