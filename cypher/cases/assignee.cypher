// Cases: the account a case is being assigned to — its role and whether it is disabled.
// params: $username
MATCH (u:User {username: $username})
RETURN u.role AS role, u.disabled AS disabled
