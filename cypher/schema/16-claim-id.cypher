// Every Claim has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE
