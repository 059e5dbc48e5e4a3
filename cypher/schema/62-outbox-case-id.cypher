// A case's outbox messages: the dispatcher's "no later message before an earlier one" check and
// the deliveries list filtered by case.
// params: none
CREATE INDEX outbox_case_id IF NOT EXISTS FOR (n:Outbox) ON (n.case_id)
