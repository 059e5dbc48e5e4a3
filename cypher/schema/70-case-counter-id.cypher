// Case numbers are handed out by one counter node (cypher/cases/next-id.cypher).
// params: none
CREATE CONSTRAINT case_counter_id IF NOT EXISTS FOR (n:CaseCounter) REQUIRE n.id IS UNIQUE
