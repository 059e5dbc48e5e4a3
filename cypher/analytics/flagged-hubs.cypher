// The nodes an earlier run flagged as hubs (f_hub), so that a run can clear the flag on those
// that are hubs no more before its query features read it. No index on f_hub: a scan of each
// projected label, reading one property.
// params: none
MATCH (n:Address) WHERE n.f_hub = true RETURN 'Address' AS label, n.id AS id
UNION ALL
MATCH (n:Account) WHERE n.f_hub = true RETURN 'Account' AS label, n.id AS id
UNION ALL
MATCH (n:Contact) WHERE n.f_hub = true RETURN 'Contact' AS label, n.id AS id
UNION ALL
MATCH (n:Person) WHERE n.f_hub = true RETURN 'Person' AS label, n.id AS id
UNION ALL
MATCH (n:Employer) WHERE n.f_hub = true RETURN 'Employer' AS label, n.id AS id
UNION ALL
MATCH (n:Staff) WHERE n.f_hub = true RETURN 'Staff' AS label, n.id AS id
