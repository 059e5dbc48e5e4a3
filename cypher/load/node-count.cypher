// How many nodes the database holds (from Neo4j's count store: instant at any size). The loader
// bulk-imports a first load only into a database that holds none.
// params: none
MATCH (n)
RETURN count(n) AS nodes
