// Every Employer has a unique id (DESIGN.md, "Graph model").
// params: none
CREATE CONSTRAINT employer_id IF NOT EXISTS FOR (n:Employer) REQUIRE n.id IS UNIQUE
