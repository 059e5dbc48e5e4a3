// How many nodes the database holds, leaving out the one that records its schema steps (both
// counts from Neo4j's count store: instant at any size). The loader bulk-imports a first load
// only into a database that holds none; `ringwatch db migrate` before it leaves only that one.
// params: none
CALL () {
  MATCH (n)
  RETURN count(n) AS total
}
CALL () {
  MATCH (s:SchemaState)
  RETURN count(s) AS marks
}
RETURN total - marks AS nodes
