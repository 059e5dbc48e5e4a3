// Every Inspection has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT inspection_id IF NOT EXISTS FOR (n:Inspection) REQUIRE n.id IS UNIQUE
