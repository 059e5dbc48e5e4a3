// Every trained risk model has a unique version (server/scoring/model-store.ts).
// params: none
CREATE CONSTRAINT model_version IF NOT EXISTS FOR (n:Model) REQUIRE n.version IS UNIQUE
