// Every Person has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE
