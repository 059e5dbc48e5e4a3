// What a login checks: the account's role, password hash and whether it is disabled.
// params: $username
MATCH (u:User {username: $username})
RETURN u.username AS username, u.role AS role, u.passwordHash AS passwordHash, u.disabled AS disabled
