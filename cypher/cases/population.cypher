// Cases: how many entities of a type there are (the control group draws uniformly among them;
// from the count store, no scan).
// params: $type
CALL () {
  MATCH (n:Employer) WHERE $type = 'employer' RETURN count(n) AS total
  UNION ALL
  MATCH (n:Person) WHERE $type = 'person' RETURN count(n) AS total
  UNION ALL
  MATCH (n:Staff) WHERE $type = 'staff' RETURN count(n) AS total
}
RETURN sum(total) AS total
