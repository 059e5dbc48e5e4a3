// Every Contact has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (n:Contact) REQUIRE n.id IS UNIQUE
