// Every Staff has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT staff_id IF NOT EXISTS FOR (n:Staff) REQUIRE n.id IS UNIQUE
