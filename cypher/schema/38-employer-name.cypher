// Text search on employer names.
// params: none
CREATE TEXT INDEX employer_name IF NOT EXISTS FOR (n:Employer) ON (n.name)
