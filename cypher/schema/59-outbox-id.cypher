// Every outbox message (the case webhook, server/cases/outbox/) has a unique id: the webhook-id
// its receivers deduplicate on.
// params: none
CREATE CONSTRAINT outbox_id IF NOT EXISTS FOR (n:Outbox) REQUIRE n.id IS UNIQUE
