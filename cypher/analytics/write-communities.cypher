// Analytics write-back: one batch of Community nodes with their size, make-up and aggregates
// (analytics/community-aggregates.ts), stamped with the run id and time.
// params: $rows, $run, $at
WITH datetime($at) AS at
UNWIND $rows AS row
MERGE (c:Community {id: row.id})
SET c.size = row.size, c.persons = row.persons, c.employers = row.employers, c.staff = row.staff,
    c.run = $run, c.at = at,
    c.f_community_members = row.members, c.f_community_fraud_members = row.fraudMembers,
    c.f_community_share_bankrupt = row.shareBankrupt, c.f_community_share_fraud = row.shareFraud,
    c.f_community_mean_exposure = row.meanExposure, c.f_community_top_sector = row.topSector,
    c.f_run = $run, c.f_at = at
