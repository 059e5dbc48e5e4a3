// Every completed load is recorded once per data set and time (DESIGN.md, "Accountability").
// params: none
CREATE CONSTRAINT load_run_id IF NOT EXISTS FOR (n:LoadRun) REQUIRE n.id IS UNIQUE
