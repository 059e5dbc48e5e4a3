// Rankings of a region sorted by id walk this index: the region's persons in id order (ids are
// often handed out by office, so a walk of all ids would pass every other region's first).
// params: none
CREATE INDEX person_region_id IF NOT EXISTS FOR (n:Person) ON (n.region, n.id)
