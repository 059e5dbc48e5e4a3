// Every Community has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE
