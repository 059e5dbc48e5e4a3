// Rankings filtered by offence read the employers flagged for it through this index: each
// element of the risk_offences list is indexed whole (keyword analyzer). Range indexes cannot
// index list elements.
// params: none
CREATE FULLTEXT INDEX employer_risk_offences IF NOT EXISTS FOR (n:Employer) ON EACH [n.risk_offences] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}
