// The database's kernel name, version and edition (health check, `ringwatch db status`).
// params: none
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
