// Rankings filter persons by region.
// params: none
CREATE INDEX person_region IF NOT EXISTS FOR (n:Person) ON (n.region)
