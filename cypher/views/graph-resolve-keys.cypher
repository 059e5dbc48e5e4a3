// Network views: the nodes named by `Label:id` keys (server/views/node-key.ts), each looked up
// through the id constraint of its label: every branch is one index seek, and a key of another
// label matches nothing in it. A key that names no node returns no row. With each node its
// degree, from the degree store (where a shortest-path search starts). Keep one branch a label,
// each on one line: the service runs only those of the labels asked for (labelsAsked).
// params: $keys
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Employer {id: key.id}) WHERE key.label = 'Employer' RETURN n
  UNION ALL
  MATCH (n:Person {id: key.id}) WHERE key.label = 'Person' RETURN n
  UNION ALL
  MATCH (n:Staff {id: key.id}) WHERE key.label = 'Staff' RETURN n
  UNION ALL
  MATCH (n:Address {id: key.id}) WHERE key.label = 'Address' RETURN n
  UNION ALL
  MATCH (n:Account {id: key.id}) WHERE key.label = 'Account' RETURN n
  UNION ALL
  MATCH (n:Contact {id: key.id}) WHERE key.label = 'Contact' RETURN n
  UNION ALL
  MATCH (n:Claim {id: key.id}) WHERE key.label = 'Claim' RETURN n
  UNION ALL
  MATCH (n:Inspection {id: key.id}) WHERE key.label = 'Inspection' RETURN n
  UNION ALL
  MATCH (n:Case {id: key.id}) WHERE key.label = 'Case' RETURN n
  UNION ALL
  MATCH (n:Community {id: key.id}) WHERE key.label = 'Community' RETURN n
}
RETURN key.label AS label, key.id AS id, elementId(n) AS element, COUNT { (n)--() } AS degree
