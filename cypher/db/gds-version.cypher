// The version of the Graph Data Science library; fails where GDS is not installed.
// params: none
RETURN gds.version() AS version
