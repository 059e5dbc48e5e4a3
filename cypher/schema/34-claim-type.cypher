// Benefit/employment overlap looks claims up by type.
// params: none
CREATE INDEX claim_type IF NOT EXISTS FOR (n:Claim) ON (n.type)
