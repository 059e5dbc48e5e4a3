// Every local account, without the password hashes.
// params: none
MATCH (u:User)
RETURN u.username AS username, u.role AS role, u.disabled AS disabled, u.createdAt AS createdAt,
       u.lastLoginAt AS lastLoginAt
ORDER BY u.username
