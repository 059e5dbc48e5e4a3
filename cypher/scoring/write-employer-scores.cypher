// Scoring write-back: one batch of risk scores, bands and reasons onto Employer nodes, with the run.
// params: $rows, $run, $at
UNWIND $rows AS row
MATCH (n:Employer {id: row.id})
SET n.risk_score = row.score, n.risk_band = row.band, n.risk_rank = row.rank,
    n.risk_scope = row.scope, n.risk_model = row.model, n.risk_reasons = row.reasons,
    n.risk_top_reason = row.topReason, n.risk_top_reason_masked = row.maskedTopReason,
    n.risk_offences = row.offences,
    n.risk_run = $run, n.risk_at = datetime($at)
