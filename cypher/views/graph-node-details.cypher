// Network views: what the explorer shows of each node, found by element id within the view's
// transaction (the part node-details says what that is).
// params: $elements, $degreesAbove, $types
UNWIND $elements AS element
MATCH (n)
WHERE elementId(n) = element
// include: views/parts/node-details
RETURN apoc.convert.toJson({element: element, details: details}) AS json
