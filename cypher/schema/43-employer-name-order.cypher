// Rankings sorted by employer name walk this range index in order (the text index on name,
// 38, serves substring search and cannot order).
// params: none
CREATE INDEX employer_name_order IF NOT EXISTS FOR (n:Employer) ON (n.name)
