// The one node every outbox claim locks (cypher/cases/outbox-lock.cypher), so that claims of
// several dispatchers run one after the other; unique so that it is never created twice.
// params: none
CREATE CONSTRAINT outbox_lock_id IF NOT EXISTS FOR (n:OutboxLock) REQUIRE n.id IS UNIQUE
