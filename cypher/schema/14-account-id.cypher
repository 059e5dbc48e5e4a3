// Every Account has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE
