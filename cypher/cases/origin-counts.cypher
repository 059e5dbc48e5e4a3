// Cases: how many cases of a subject type (about ids starting with $scope) were chosen by the
// model and how many drawn at random (the control group keeps the second a fixed share).
// params: $type, $scope
MATCH (c:Case)
WHERE c.subject_type = $type AND c.origin IN ['risk_model', 'random_audit']
  AND c.subject_id STARTS WITH $scope
RETURN sum(CASE c.origin WHEN 'risk_model' THEN 1 ELSE 0 END) AS model,
       sum(CASE c.origin WHEN 'random_audit' THEN 1 ELSE 0 END) AS random
