// Creates a local account unless the user name is taken; `created` says which.
// params: $username, $role, $passwordHash, $now
MERGE (u:User {username: $username})
ON CREATE SET u.role = $role, u.passwordHash = $passwordHash, u.disabled = false,
              u.createdAt = $now, u._new = true
WITH u, coalesce(u._new, false) AS created
REMOVE u._new
RETURN u.username AS username, u.role AS role, created
