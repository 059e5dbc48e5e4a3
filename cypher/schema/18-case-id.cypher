// Every Case has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE
