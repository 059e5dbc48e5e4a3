// Rankings filtered by offence read the persons flagged for it through this index: each
// element of the risk_offences list is indexed whole (keyword analyzer). Range indexes cannot
// index list elements.
// params: none
CREATE FULLTEXT INDEX person_risk_offences IF NOT EXISTS FOR (n:Person) ON EACH [n.risk_offences] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}
