// Hub detection starts from domiciliation addresses.
// params: none
CREATE INDEX address_kind IF NOT EXISTS FOR (n:Address) ON (n.kind)
