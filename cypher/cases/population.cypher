// Cases: how many entities of a type there are among ids starting with $scope (the control
// group draws uniformly among them; '' is everyone, counted from the count store).
// params: $type, $scope
CALL () {
  MATCH (n:Employer) WHERE $type = 'employer' AND $scope = '' RETURN count(n) AS total
  UNION ALL
  MATCH (n:Person) WHERE $type = 'person' AND $scope = '' RETURN count(n) AS total
  UNION ALL
  MATCH (n:Staff) WHERE $type = 'staff' AND $scope = '' RETURN count(n) AS total
  UNION ALL
  MATCH (n:Employer) WHERE $type = 'employer' AND $scope <> '' AND n.id STARTS WITH $scope
  RETURN count(n) AS total
  UNION ALL
  MATCH (n:Person) WHERE $type = 'person' AND $scope <> '' AND n.id STARTS WITH $scope
  RETURN count(n) AS total
  UNION ALL
  MATCH (n:Staff) WHERE $type = 'staff' AND $scope <> '' AND n.id STARTS WITH $scope
  RETURN count(n) AS total
}
RETURN sum(total) AS total
