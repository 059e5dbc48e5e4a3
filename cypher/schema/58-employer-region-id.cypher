// Rankings of a region sorted by id walk this index: the region's employers in id order (ids are
// often handed out by office, so a walk of all ids would pass every other region's first).
// params: none
CREATE INDEX employer_region_id IF NOT EXISTS FOR (n:Employer) ON (n.region, n.id)
