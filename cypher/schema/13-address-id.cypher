// Every Address has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE
