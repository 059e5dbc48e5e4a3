// Local accounts of the API (server/auth/users.ts): one per user name.
// params: none
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE
